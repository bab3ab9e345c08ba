import * as Dialog from '@radix-ui/react-dialog';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import {
  FILING_PORTALS,
  FUNDER_KINDS,
  funderFormValues,
  type FunderFormValues,
  type FunderRecord,
} from '../../domain/funding/funder';
import { saveFunder } from '../../data/funding-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { useLoadedRevision } from '../../ui/loaded-revision';

/** Creates or edits a funder. The repository validates; its French messages go under the fields. */
export function FunderDialog({
  open,
  onOpenChange,
  funder,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  funder?: FunderRecord;
  onSaved?: (funder: FunderRecord) => void;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog dialog--wide">
          <Dialog.Title className="dialog__title">{funder ? `Modifier « ${funder.name} »` : 'Nouveau financeur'}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Le type de financeur place ses subventions sur la bonne ligne 74 du budget Cerfa.
          </Dialog.Description>
          {open ? <FunderForm funder={funder} onDone={(saved) => { onOpenChange(false); if (saved) onSaved?.(saved); }} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function FunderForm({ funder, onDone }: { funder?: FunderRecord | undefined; onDone: (saved?: FunderRecord) => void }) {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const revision = useLoadedRevision(funder);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { register, handleSubmit, setFocus, formState } = useForm<FunderFormValues>({
    defaultValues: funderFormValues(funder),
  });

  const onSubmit = async (values: FunderFormValues) => {
    const result = await saveFunder(db, values, funder ? { id: revision.target() } : {});
    if (!result.ok) {
      setErrors(result.errors);
      if (result.errors[''] !== undefined) toast.show(result.errors[''], { tone: 'error' });
      const first = Object.keys(result.errors)[0];
      if (first) setFocus(first as keyof FunderFormValues);
      return;
    }
    revision.adopt(result.value);
    toast.show(result.merged?.message ?? (funder ? 'Financeur enregistré.' : `Financeur « ${result.value.name} » ajouté.`));
    onDone(result.value);
  };

  const field = (name: keyof FunderFormValues) => ({ ...register(name), error: errors[name] });

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="dialog-form">
      <TextField label="Nom du financeur" required autoFocus {...field('name')} />
      <SelectField label="Type de financeur" options={FUNDER_KINDS} {...field('kind')} />
      <TextField label="Service instructeur" hint="Ex. délégué du préfet, direction de la vie associative." {...field('service')} />
      <SelectField label="Portail de dépôt" options={FILING_PORTALS} {...field('portal')} />
      <TextField label="Contact" {...field('contactName')} />
      <TextField label="Courriel du contact" type="email" {...field('contactEmail')} />
      <TextField label="Téléphone du contact" type="tel" {...field('contactPhone')} />
      <TextAreaField label="Notes" {...field('notes')} />
      <div className="dialog__actions">
        <Dialog.Close className="button">Annuler</Dialog.Close>
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          Enregistrer le financeur
        </button>
      </div>
    </form>
  );
}
