import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { PERSON_ROLES, personFormValues, personSchema, type Person, type PersonFormValues, type PersonRecord } from '../../domain/team/person';
import { savePerson } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { errorAt, errorSummary, revealFirstError, showRefusals } from '../../ui/form-errors';
import { ChangedElsewhereNotice, useLoadedRevision } from '../../ui/loaded-revision';
import { useToast } from '../../ui/toast';

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
  const formRef = useRef<HTMLFormElement>(null);
  const toast = useToast();
  const revision = useLoadedRevision(person);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PersonFormValues, unknown, Person>({
    resolver: zodResolver(personSchema) as never,
    defaultValues: personFormValues(person),
    mode: 'onBlur',
    reValidateMode: 'onChange',
  });
  const field = (name: keyof PersonFormValues) => ({ ...register(name), error: errorAt(errors, name) });
  const errorCount = Object.keys(errors).length;

  const onValid = async (values: Person) => {
    const result = await savePerson(db, values, person ? revision.target() : undefined);
    if (!result.ok) {
      for (const message of showRefusals(result.errors, Object.keys(personFormValues()), setError, setFocus)) toast.show(message, { tone: 'error' });
      revealFirstError(formRef.current);
      return;
    }
    revision.adopt(result.value);
    if (result.merged) toast.show(result.merged.message);
    onSaved(result.value, person);
  };

  return (
    <form ref={formRef} onSubmit={handleSubmit(onValid, () => revealFirstError(formRef.current))} noValidate aria-label={person ? 'Coordonnées' : 'Nouvelle personne'}>
      {submitCount > 0 && errorCount > 0 ? (
        <div className="form-errors-summary" role="alert">{errorSummary(errorCount)}</div>
      ) : null}
      <ChangedElsewhereNotice
        show={revision.changedElsewhere}
        onReload={() => {
          if (!person) return;
          reset(personFormValues(person));
          revision.adopt(person);
        }}
      />
      <div className="form-section__grid">
        <TextField label="Nom" required autoComplete="off" {...field('lastName')} />
        <TextField label="Prénom" required autoComplete="off" {...field('firstName')} />
        <SelectField label="Statut" options={PERSON_ROLES} {...field('role')} />
        <TextField label="Fonction" {...field('jobTitle')} />
        <TextField label="Courriel" type="email" autoComplete="off" {...field('email')} />
        <TextField label="Téléphone" type="tel" autoComplete="off" {...field('phone')} />
        <TextField label="Date d’arrivée" type="date" {...field('arrivalDate')} />
        <div className="form-section__wide">
          <TextAreaField label="Notes" {...field('notes')} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
        ) : null}
      </div>
    </form>
  );
}
