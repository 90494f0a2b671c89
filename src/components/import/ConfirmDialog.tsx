import { useId } from 'react';
import { Modal } from './Modal.tsx';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before something that cannot be undone; Cancel has the focus, so Enter alone never destroys data. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const bodyId = useId();
  return (
    <Modal title={title} role="alertdialog" onClose={onCancel} describedBy={bodyId} className="vt-confirm">
      <p id={bodyId}>{body}</p>
      <div className="vt-modal-actions">
        <button type="button" data-autofocus onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="vt-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
