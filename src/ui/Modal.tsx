/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape
 * closes it, and the page behind is inert, as people expect of a dialog.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({ label, title, onClose, className, children }: { label: string; title: ReactNode; onClose: () => void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-label={label}
      // Escape: the browser's cancel, which Chromium skips when there was no click since the
      // dialog opened (it then closes the dialog itself: onClose keeps React in step).
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="modal-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
