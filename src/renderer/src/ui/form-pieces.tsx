import type { ComponentProps, ReactNode } from 'react';
import { CheckboxField, TextAreaField } from './field';
import { useToast } from './toast';

// The pieces every form built on useSchemaForm repeats: the footer, a field across the whole grid, a
// repeated row with its « Retirer » button, and what happens with a repository's answer to a save.

/** The form's footer: the submit (disabled while the save runs), then « Annuler » when the form offers it. */
export function FormActions({
  submitLabel = 'Enregistrer',
  submitting,
  onCancel,
  cancelLabel = 'Annuler',
  children,
}: {
  submitLabel?: string;
  submitting: boolean;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
  /** After the buttons: another action, or a word on unsaved changes. */
  children?: ReactNode;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      ) : null}
      {children}
    </div>
  );
}

/** A field (or a line of them) that spans the whole form grid. */
export function Wide({ children }: { children: ReactNode }) {
  return <div className="form-section__wide">{children}</div>;
}

// React 19 hands `ref` (react-hook-form's register gives one) to a function component as a prop: it goes
// through to the field.

/** A checkbox alone on its line of the form grid (« Reconnue d’utilité publique »). */
export function WideCheckbox(props: ComponentProps<typeof CheckboxField>) {
  return (
    <Wide>
      <CheckboxField {...props} />
    </Wide>
  );
}

/** A text area across the whole form grid (notes, a description). */
export function WideTextArea(props: ComponentProps<typeof TextAreaField>) {
  return (
    <Wide>
      <TextAreaField {...props} />
    </Wide>
  );
}

/** « Ajouter un versement reçu » under a repeated group, across the whole grid. */
export function AddRowButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Wide>
      <button type="button" className="button" onClick={onClick}>
        {children}
      </button>
    </Wide>
  );
}

/** One row of a repeated group (a receipt, an approval, a quarter): its fields, then « Retirer ». */
export function RepeatRow({
  label,
  removeLabel,
  onRemove,
  children,
}: {
  /** The row's name for screen readers, e.g. « Versement 2 ». */
  label: string;
  /** The button's accessible name, e.g. « Retirer le versement 2 ». */
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <div className="repeat-row" role="group" aria-label={label}>
      {children}
      <button type="button" className="button button--small" onClick={onRemove} aria-label={removeLabel}>
        Retirer
      </button>
    </div>
  );
}

/** A repository's answer to a save, as data/write-path returns it (ui/ does not import data/). */
export type SaveOutcome<T> =
  { ok: true; value: T; merged?: { message: string } | undefined } | { ok: false; errors: Record<string, string> };

/**
 * Settles a save: a refusal goes back to the form (under its fields), a merge with a change made elsewhere is
 * said in a toast (or the form's own word of success, when it has one), then the form's next step runs.
 */
export function useSaveOutcome(refuse: (errors: Record<string, string>) => void) {
  const toast = useToast();
  return <T,>(result: SaveOutcome<T>, onSaved: (value: T) => void, success?: (value: T) => string) => {
    if (!result.ok) {
      refuse(result.errors);
      return;
    }
    const message = result.merged?.message ?? success?.(result.value);
    if (message) toast.show(message);
    onSaved(result.value);
  };
}

/** A French message under a group of fields or a button (a field's own message is TextField's). */
export function ErrorLine({ message, id }: { message: string | null | undefined; id?: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error" role="alert">
      {message}
    </p>
  );
}
