/**
 * The toolbar's "More" menu (WAI-ARIA menu button): the actions that did not fit in the
 * toolbar's row. Opening it focuses the first item; arrows, Home and End move between
 * items; Enter or a click runs one; Escape closes and returns focus to the button.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  readonly key: string;
  /** The accessible name, the same as the toolbar button's ("Export SVG"). */
  readonly name: string;
  /** The visible label, in the UI language. */
  readonly label: string;
  readonly disabled?: boolean;
  readonly run: () => void;
}

interface OverflowMenuProps {
  readonly label: string;
  readonly actions: readonly MenuAction[];
  /** For the toolbar's measuring: the key its item carries. */
  readonly item: string;
}

export function OverflowMenu({ label, actions, item }: OverflowMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    // A press anywhere outside the menu and its button closes it.
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <div className="overflow-menu" data-item={item}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="toolbar-more-menu"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label} ▾
      </button>
      {open && (
        <div ref={menu} id="toolbar-more-menu" className="menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {actions.map((a) => (
            <button
              key={a.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-label={a.name}
              disabled={a.disabled}
              onClick={() => {
                close();
                a.run();
              }}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
