import {
  FILING_PORTALS,
  FUNDER_KINDS,
  funderFormSchema,
  funderFormValues,
  type FunderForm as FunderFormOutput,
  type FunderFormValues,
  type FunderRecord,
} from '../../domain/funding/funder';
import { saveFunder, useFunderSiret } from '../../data/funding-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { DialogActions, FormDialog } from '../../ui/form-dialog';
import { useSaveOutcome } from '../../ui/form-pieces';
import { useSchemaForm } from '../../ui/use-schema-form';

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
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      wide
      title={funder ? `Modifier « ${funder.name} »` : 'Nouveau financeur'}
      description="Le type de financeur place ses subventions sur la bonne ligne 74 du budget Cerfa."
    >
      {open ? (
        <LoadedFunderForm
          funder={funder}
          onDone={(saved) => {
            onOpenChange(false);
            if (saved) onSaved?.(saved);
          }}
        />
      ) : null}
    </FormDialog>
  );
}

/** The SIRET is the organisation's (one directory, issue 19): the form waits for it. */
function LoadedFunderForm({ funder, onDone }: { funder?: FunderRecord | undefined; onDone: (saved?: FunderRecord) => void }) {
  const { db } = useCurrentWorkspace();
  const siret = useFunderSiret(db, funder?.id);
  if (siret === undefined) return null;
  return <FunderForm funder={funder} siret={siret ?? undefined} onDone={onDone} />;
}

function FunderForm({
  funder,
  siret,
  onDone,
}: {
  funder?: FunderRecord | undefined;
  siret: string | undefined;
  onDone: (saved?: FunderRecord) => void;
}) {
  const { db } = useCurrentWorkspace();
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<FunderFormValues, FunderFormOutput, FunderRecord>({
    schema: funderFormSchema,
    defaultValues: funderFormValues(funder, siret),
    record: funder,
    valuesOf: (record) => funderFormValues(record, siret),
  });
  const { formState } = form;
  const settle = useSaveOutcome(refuse);

  const onValid = async (values: FunderFormOutput) =>
    settle(await saveFunder(db, values, funder ? { id: revision() } : {}), onDone, (saved) =>
      funder ? 'Financeur enregistré.' : `Financeur « ${saved.name} » ajouté.`,
    );

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate className="dialog-form">
      {summary}
      <TextField label="Nom du financeur" required autoFocus {...field('name')} />
      <SelectField label="Type de financeur" options={FUNDER_KINDS} {...field('kind')} />
      <TextField
        label="SIRET"
        inputMode="numeric"
        hint="Facultatif. Il reconnaît le même organisme dans l’annuaire des partenaires."
        {...field('siret')}
      />
      <TextField label="Service instructeur" hint="Ex. délégué du préfet, direction de la vie associative." {...field('service')} />
      <SelectField label="Portail de dépôt" options={FILING_PORTALS} {...field('portal')} />
      <TextField label="Contact" {...field('contactName')} />
      <TextField label="Courriel du contact" type="email" {...field('contactEmail')} />
      <TextField label="Téléphone du contact" type="tel" {...field('contactPhone')} />
      <TextAreaField label="Notes" {...field('notes')} />
      <DialogActions submitLabel="Enregistrer le financeur" submitting={formState.isSubmitting} />
    </form>
  );
}
