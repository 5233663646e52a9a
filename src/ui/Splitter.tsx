/**
 * A window splitter (WAI-ARIA pattern): a focusable separator between a panel and the
 * canvas. Drag it to resize the panel; arrows resize by a step (Shift: a bigger step),
 * Home/End go to the smallest/largest size, Enter collapses or expands the panel.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** The accessible name, e.g. "Resize palette". */
  readonly label: string;
  /** The tooltip: how to use it, in the UI language. */
  readonly title: string;
  /** The id of the panel it resizes. */
  readonly controls: string;
  /** "vertical": a vertical bar between columns (resizes a width); "horizontal": between rows. */
  readonly orientation: 'vertical' | 'horizontal';
  /** 1 when moving right/down grows the panel (it sits left/above), -1 when it shrinks it. */
  readonly grows: 1 | -1;
  readonly size: number;
  readonly min: number;
  readonly max: number;
  readonly collapsed: boolean;
  readonly onResize: (size: number) => void;
  readonly onToggle: () => void;
}

const STEP = 16;
const BIG_STEP = 64;

export function Splitter({ label, title, controls, orientation, grows, size, min, max, collapsed, onResize, onToggle }: SplitterProps) {
  // Where a drag started: the pointer's coordinate along the axis and the panel's size then.
  const drag = useRef<{ start: number; size: number } | null>(null);
  const along = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    // A collapsed panel opens from its smallest size under the pointer.
    drag.current = { start: along(e), size: collapsed ? min : size };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(drag.current.size + grows * (along(e) - drag.current.start));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    const step = e.shiftKey ? BIG_STEP : STEP;
    const current = collapsed ? min : size;
    let next: number | null = null;
    if (e.key === less) next = current - grows * step;
    else if (e.key === more) next = current + grows * step;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    else if (e.key === 'Enter') {
      e.preventDefault();
      onToggle();
      return;
    }
    if (next === null) return;
    e.preventDefault();
    onResize(next);
  };
  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      title={title}
      aria-controls={controls}
      aria-orientation={orientation}
      // Collapsed reads as 0: the pattern's "primary pane at its smallest".
      aria-valuenow={collapsed ? 0 : size}
      aria-valuemin={0}
      aria-valuemax={max}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={onToggle}
    />
  );
}
