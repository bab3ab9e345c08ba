import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Disables the confirm button, e.g. until the user has typed the espace's name. */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  children?: ReactNode;
  destructive?: boolean;
}

/** Asks once before anything is destroyed (Radix AlertDialog: focus trap, Échap, labelled). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onOpenChange, title, description, confirmLabel, confirmDisabled, onConfirm, children, destructive } = props;
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog__overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog__description">{description}</div>
          </AlertDialog.Description>
          {children}
          <div className="dialog__actions">
            <AlertDialog.Cancel className="button">Annuler</AlertDialog.Cancel>
            <AlertDialog.Action
              className={destructive ? 'button button--danger' : 'button button--primary'}
              disabled={confirmDisabled}
              onClick={(event) => {
                if (confirmDisabled) {
                  event.preventDefault();
                  return;
                }
                onConfirm();
              }}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
