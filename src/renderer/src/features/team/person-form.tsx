import {
  PERSON_ROLES,
  personFormValues,
  personSchema,
  type Person,
  type PersonFormValues,
  type PersonRecord,
} from '../../domain/team/person';
import { savePerson } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextField } from '../../ui/field';
import { useSchemaForm } from '../../ui/use-schema-form';
import { FormActions, useSaveOutcome, WideTextArea } from '../../ui/form-pieces';

/** Records a person once (no social-security number: the association does not need it here). */
export function PersonForm({
  person,
  onSaved,
  onCancel,
  submitLabel = 'Enregistrer',
}: {
  person?: PersonRecord;
  onSaved: (person: PersonRecord, previous: PersonRecord | undefined) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const { db } = useCurrentWorkspace();
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<PersonFormValues, Person, PersonRecord>({
    schema: personSchema,
    defaultValues: personFormValues(person),
    record: person,
    valuesOf: personFormValues,
  });
  const settle = useSaveOutcome(refuse);

  const onValid = async (values: Person) =>
    settle(await savePerson(db, values, person ? revision() : undefined), (saved) => onSaved(saved, person));

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label={person ? 'Coordonnées' : 'Nouvelle personne'}>
      {summary}
      <div className="form-section__grid">
        <TextField label="Nom" required autoComplete="off" {...field('lastName')} />
        <TextField label="Prénom" required autoComplete="off" {...field('firstName')} />
        <SelectField label="Statut" options={PERSON_ROLES} {...field('role')} />
        <TextField label="Fonction" {...field('jobTitle')} />
        <TextField label="Courriel" type="email" autoComplete="off" {...field('email')} />
        <TextField label="Téléphone" type="tel" autoComplete="off" {...field('phone')} />
        <TextField label="Date d’arrivée" type="date" {...field('arrivalDate')} />
        <WideTextArea label="Notes" {...field('notes')} />
      </div>
      <FormActions submitLabel={submitLabel} submitting={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
