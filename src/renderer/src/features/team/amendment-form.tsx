import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { formatDateShort } from '../../domain/dates';
import {
  AMENDMENT_KINDS,
  amendmentFormValues,
  amendmentSchema,
  type Amendment,
  type AmendmentFormValues,
  type AmendmentRecord,
} from '../../domain/team/amendment';
import type { AidedPostRecord } from '../../domain/team/aided-post';
import type { ContractRecord } from '../../domain/team/contract';
import { addDaysIso } from '../../domain/team/day-count';
import type { IsoDate } from '../../domain/dates';
import { saveAmendment } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextField } from '../../ui/field';
import { useSchemaForm } from '../../ui/use-schema-form';
import { FormActions, useSaveOutcome, WideCheckbox, WideTextArea } from '../../ui/form-pieces';

/** An avenant to a contract: a renewal, or a change of hours, salary or end. */
export function AmendmentForm({
  contract,
  currentEnd,
  aidedPost,
  onSaved,
  onCancel,
}: {
  contract: ContractRecord;
  currentEnd: IsoDate | undefined;
  aidedPost: AidedPostRecord | undefined;
  onSaved: (amendment: AmendmentRecord) => void;
  onCancel: () => void;
}) {
  const { db } = useCurrentWorkspace();
  const [extendAid, setExtendAid] = useState(true);
  const { form, formRef, field, onSubmit, refuse, summary } = useSchemaForm<AmendmentFormValues, Amendment>({
    schema: amendmentSchema,
    defaultValues: amendmentFormValues(contract.id, undefined, {
      effectiveDate: currentEnd ? addDaysIso(currentEnd, 1) : '',
    }),
  });
  const {
    control,
    formState: { isSubmitting },
  } = form;
  const kind = useWatch({ control, name: 'kind' });
  // A renewed aid usually runs to the contract's new end: offer to carry the post along.
  const aidFollows = aidedPost !== undefined && currentEnd !== undefined && aidedPost.aidEndDate <= currentEnd;

  const settle = useSaveOutcome(refuse);
  const onValid = async (values: Amendment) => settle(await saveAmendment(db, values, { extendAid: aidFollows && extendAid }), onSaved);

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label="Nouvel avenant" className="subform">
      <h4>Nouvel avenant</h4>
      {summary}
      <div className="form-section__grid">
        <SelectField label="Nature de l’avenant" options={AMENDMENT_KINDS} {...field('kind')} />
        <TextField label="Date d’effet" type="date" required {...field('effectiveDate')} />
        <TextField
          label="Nouvelle date de fin"
          type="date"
          required={kind === 'renewal'}
          hint={currentEnd ? `Fin actuelle : ${formatDateShort(currentEnd)}.` : undefined}
          {...field('newEndDate')}
        />
        <TextField
          label="Nouvelle durée hebdomadaire"
          inputMode="decimal"
          hint="Vide si elle ne change pas."
          {...field('newWeeklyHours')}
        />
        <TextField
          label="Nouveau salaire brut mensuel"
          inputMode="decimal"
          hint="Vide s’il ne change pas."
          {...field('newGrossMonthlyCents')}
        />
        <WideTextArea label="Objet de l’avenant" {...field('note')} />
        {aidFollows && kind === 'renewal' ? (
          <WideCheckbox
            label="Prolonger aussi l’aide du poste aidé jusqu’au terme du renouvellement"
            hint={`L’aide court aujourd’hui jusqu’au ${formatDateShort(aidedPost.aidEndDate)}.`}
            checked={extendAid}
            onChange={(e) => setExtendAid(e.target.checked)}
          />
        ) : null}
      </div>
      <FormActions submitLabel="Enregistrer l’avenant" submitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
