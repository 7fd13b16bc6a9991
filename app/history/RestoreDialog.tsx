import { useEffect, useId, useRef, useState } from 'react';
import type { RevisionGroup } from '../../model/history/historyApi.ts';
import { jaHistory } from '../i18n/ja.history.ts';

interface RestoreDialogProps {
  readonly group: RevisionGroup;
  readonly onConfirm: () => Promise<void>;
  readonly onCancel: () => void;
}

/** Asks before a restore: it changes the live record for every agency at once. */
export function RestoreDialog({ group, onConfirm, onCancel }: RestoreDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const bodyId = useId();
  const [pending, setPending] = useState(false);
  // Captured before the dialog takes focus, to give it back to the button that opened it.
  const [returnFocusTo] = useState(() => document.activeElement);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected) returnFocusTo.focus();
    };
  }, [returnFocusTo]);

  async function confirm(): Promise<void> {
    if (pending) return;
    setPending(true);
    await onConfirm();
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={headingId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape closes through the parent, so that the dialog and its state end together.
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id={headingId} className="dialog__heading">
        {jaHistory.restore.heading}
      </h2>
      <p id={bodyId}>{jaHistory.restore.body(group.sectionLabel, jaHistory.formatDateTime(group.endedAt))}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" aria-disabled={pending || undefined} onClick={() => void confirm()}>
          {jaHistory.restore.confirm}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
          {jaHistory.restore.cancel}
        </button>
      </div>
    </dialog>
  );
}
