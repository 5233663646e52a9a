/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape
 * closes it, and the page behind is inert, as people expect of a dialog.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useOrg, useT } from './context.tsx';

export function Modal({ label, title, onClose, className, children }: { label: string; title: string; onClose: () => void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  const language = useOrg((s) => s.language);
  /** True while this component closes the dialog itself (unmounting), so its close event is not the user's. */
  const closing = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    // The control that opened the dialog gets the focus back when it closes, as the browser
    // does for a dialog closed in place; React removes this one before it is closed.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closing.current = false;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      closing.current = true;
      dialog?.close();
      if (opener?.isConnected && !dialog?.contains(opener)) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      // Named by its heading, with the English hook of ui.md after it in another language ("文档 Documents").
      aria-label={language === 'en' || title === label ? label : `${title} ${label}`}
      // Escape: the browser's cancel, which Chromium skips when there was no click since the
      // dialog opened (it then closes the dialog itself: onClose keeps React in step).
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClose={() => {
        // A close event arrives after the fact: ignore it when the dialog is open again
        // (React's development double mount closes and reopens it) or is being unmounted.
        if (!closing.current && !ref.current?.open) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="modal-close" aria-label={language === 'en' ? 'Close' : `${t('close')} Close`} onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
