import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

/** « Annuler » inside a FormDialog: closes it (Radix Dialog.Close). */
export const DialogCancel = Dialog.Close;

/**
 * A form in a modal dialog (Radix Dialog: focus trap, Échap, labelled by its title and described by its
 * description). `wide` for a form of several columns.
 */
export function FormDialog({
  open,
  onOpenChange,
  title,
  description,
  wide = false,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className={wide ? 'dialog dialog--wide' : 'dialog'}>
          <Dialog.Title className="dialog__title">{title}</Dialog.Title>
          <Dialog.Description className="dialog__description">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The dialog form's footer: « Annuler » (closes it), then the submit, disabled while the save runs. */
export function DialogActions({ submitLabel = 'Enregistrer', submitting }: { submitLabel?: string; submitting: boolean }) {
  return (
    <div className="dialog__actions">
      <DialogCancel className="button">Annuler</DialogCancel>
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitLabel}
      </button>
    </div>
  );
}
