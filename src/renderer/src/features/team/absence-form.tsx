import { useWatch } from 'react-hook-form';
import { formatDateShort, isIsoDate } from '../../domain/dates';
import {
  ABSENCE_KINDS,
  ABSENCE_KIND_RULES,
  absenceFormValues,
  absenceSchema,
  returnVisitDue,
  type Absence,
  type AbsenceFormValues,
  type AbsenceRecord,
} from '../../domain/team/absence';
import type { ContractRecord } from '../../domain/team/contract';
import { saveAbsence } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextField } from '../../ui/field';
import { FormActions, useSaveOutcome, WideTextArea } from '../../ui/form-pieces';
import { useSchemaForm } from '../../ui/use-schema-form';

/** What the form says under the kind: whether it counts in the ETPT and when the examen de reprise falls. */
function kindHint(values: Pick<AbsenceFormValues, 'kind' | 'startDate' | 'endDate'>): string {
  const rules = ABSENCE_KIND_RULES[values.kind];
  const etpt = rules.paid
    ? 'Compte dans l’ETPT (contrat suspendu, salarié·e rémunéré·e).'
    : 'Ne compte ni dans l’ETPT ni dans les salaires.';
  if (rules.returnVisitAfterDays === null) return etpt;
  const after = rules.returnVisitAfterDays > 1 ? ` d’au moins ${rules.returnVisitAfterDays} jours` : '';
  const due =
    isIsoDate(values.startDate) && isIsoDate(values.endDate) && values.endDate >= values.startDate
      ? returnVisitDue({ kind: values.kind, startDate: values.startDate, endDate: values.endDate })
      : null;
  const when = due === null ? '' : ` Ici : au plus tard le ${formatDateShort(due)}.`;
  return `${etpt} Examen de reprise après une absence${after}, dans les 8 jours du retour (R4624-31).${when}`;
}

/** An absence on a contract: new, or changes to one (its end, the examen de reprise once done). */
export function AbsenceForm({
  contract,
  absence,
  onSaved,
  onCancel,
}: {
  contract: ContractRecord;
  absence?: AbsenceRecord;
  onSaved: (absence: AbsenceRecord) => void;
  onCancel: () => void;
}) {
  const { db } = useCurrentWorkspace();
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<AbsenceFormValues, Absence, AbsenceRecord>({
    schema: absenceSchema,
    defaultValues: absenceFormValues(contract.id, absence),
    record: absence,
    valuesOf: (record) => absenceFormValues(contract.id, record),
  });
  const {
    control,
    formState: { isSubmitting },
  } = form;
  const [kind, startDate, endDate] = useWatch({ control, name: ['kind', 'startDate', 'endDate'] });

  const settle = useSaveOutcome(refuse);

  const onValid = async (values: Absence) => settle(await saveAbsence(db, values, absence ? revision() : undefined), onSaved);
  const title = absence ? 'Modifier l’absence' : 'Nouvelle absence';

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label={title} className="subform">
      <h4>{title}</h4>
      {summary}
      <div className="form-section__grid">
        <SelectField label="Motif de l’absence" options={ABSENCE_KINDS} hint={kindHint({ kind, startDate, endDate })} {...field('kind')} />
        <TextField label="Premier jour d’absence" type="date" required {...field('startDate')} />
        <TextField
          label="Dernier jour d’absence"
          type="date"
          hint="Vide tant que l’absence dure ; la reprise est le lendemain."
          {...field('endDate')}
        />
        <TextField label="Date de l’examen de reprise" type="date" hint="Quand il a eu lieu." {...field('returnVisitDate')} />
        <WideTextArea label="Note" hint="Sans détail médical : le motif suffit." {...field('note')} />
      </div>
      <FormActions submitLabel="Enregistrer l’absence" submitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
