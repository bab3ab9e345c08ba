import { useFieldArray, useWatch } from 'react-hook-form';
import { figureHint } from '../../domain/yearly-figures';
import { useYearlyFigures } from '../../data/yearly-figures-repository';
import { formatDateShort, todayIso, type IsoDate } from '../../domain/dates';
import {
  AID_MODES,
  AID_SCHEMES,
  aidedPostFormValues,
  defaultRenewalLeadMonths,
  aidedPostSchema,
  PAYMENT_RHYTHMS,
  type AidedPost,
  type AidedPostFormValues,
  type AidedPostRecord,
} from '../../domain/team/aided-post';
import type { ContractRecord } from '../../domain/team/contract';
import { saveAidedPost } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { useSchemaForm } from '../../ui/use-schema-form';
import { AddRowButton, FormActions, RepeatRow, useSaveOutcome } from '../../ui/form-pieces';

/** The subsidised post of a contract: scheme, convention, funder, aid period and amount, receipts. */
export function AidedPostForm({
  contract,
  contractEnd,
  post,
  onSaved,
  onCancel,
}: {
  contract: ContractRecord;
  contractEnd: IsoDate | undefined;
  post?: AidedPostRecord;
  onSaved: (post: AidedPostRecord, previous: AidedPostRecord | undefined) => void;
  onCancel: () => void;
}) {
  const { db } = useCurrentWorkspace();
  const schemeFromKind = contract.kind === 'adulte-relais' ? 'adulte-relais' : 'pec';
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<AidedPostFormValues, AidedPost, AidedPostRecord>({
    schema: aidedPostSchema,
    record: post,
    valuesOf: (record) => aidedPostFormValues(contract.id, record),
    defaultValues: aidedPostFormValues(
      contract.id,
      post,
      post
        ? undefined
        : {
            scheme: schemeFromKind,
            aidMode: schemeFromKind === 'pec' ? 'smic-rate' : 'annual',
            aidStartDate: contract.startDate,
            aidEndDate: contractEnd ?? '',
            aidedWeeklyHours: String(contract.weeklyHours).replace('.', ','),
          },
    ),
  });
  const {
    control,
    formState: { isSubmitting },
  } = form;
  const receipts = useFieldArray({ control, name: 'receipts' });
  const [scheme, aidMode] = useWatch({ control, name: ['scheme', 'aidMode'] });
  const figures = useYearlyFigures(db);
  const today = todayIso();
  const datedAid = scheme === 'adulte-relais' ? 'adulte-relais-aid' : scheme === 'fonjep' ? 'fonjep-post' : null;

  const settle = useSaveOutcome(refuse);
  const onValid = async (values: AidedPost) =>
    settle(await saveAidedPost(db, values, post ? revision() : undefined), (saved) => onSaved(saved, post));

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label="Poste aidé" className="subform">
      <h4>{post ? 'Modifier le poste aidé' : 'Nouveau poste aidé'}</h4>
      {summary}
      <Section title="Le dispositif">
        <SelectField label="Dispositif" options={AID_SCHEMES} {...field('scheme')} />
        {scheme === 'regional' || scheme === 'other' ? <TextField label="Précision sur le dispositif" {...field('schemeDetail')} /> : null}
        <TextField label="Numéro de convention" {...field('conventionNumber')} />
        <TextField label="Financeur" hint="Qui verse l’aide (ASP, région, FONJEP…)." {...field('funder')} />
      </Section>
      <Section title="L’aide">
        <TextField label="Début de l’aide" type="date" required {...field('aidStartDate')} />
        <TextField label="Fin de l’aide" type="date" required {...field('aidEndDate')} />
        <SelectField label="Calcul de l’aide" options={AID_MODES} {...field('aidMode')} />
        {aidMode === 'annual' ? (
          <TextField
            label="Montant annuel de l’aide"
            required={datedAid === null}
            inputMode="decimal"
            hint={
              datedAid === null
                ? 'En euros, pour un an à temps plein ou selon la décision.'
                : `En euros, pour un an à temps plein. Vide : le montant en vigueur chaque jour, de Réglages (au ${formatDateShort(today)}\u00a0: ${figureHint(datedAid, today, figures)}).`
            }
            {...field('annualAidCents')}
          />
        ) : (
          <>
            <TextField
              label="Taux de prise en charge"
              required
              inputMode="decimal"
              hint="En % du SMIC horaire brut (ex. 60)."
              {...field('smicRatePercent')}
            />
            <TextField
              label="SMIC horaire brut retenu"
              inputMode="decimal"
              hint={`En euros, celui de la décision. Vide : le SMIC en vigueur chaque mois, de Réglages (au ${formatDateShort(today)}\u00a0: ${figureHint('smic-hourly', today, figures)}).`}
              {...field('smicHourlyCents')}
            />
            <TextField label="Heures hebdomadaires prises en charge" required inputMode="decimal" {...field('aidedWeeklyHours')} />
          </>
        )}
        <SelectField label="Rythme des versements" options={PAYMENT_RHYTHMS} {...field('paymentRhythm')} />
        <TextField
          label="Délai de la demande de renouvellement"
          inputMode="numeric"
          hint={`En mois avant la fin de l’aide (${defaultRenewalLeadMonths(scheme)} par défaut pour ce dispositif).`}
          {...field('renewalLeadMonths')}
        />
      </Section>
      <Section title="Versements reçus">
        {receipts.fields.length === 0 ? <p className="muted form-section__wide">Aucun versement enregistré.</p> : null}
        {receipts.fields.map((item, index) => (
          <RepeatRow
            key={item.id}
            label={`Versement ${index + 1}`}
            removeLabel={`Retirer le versement ${index + 1}`}
            onRemove={() => receipts.remove(index)}
          >
            <TextField label="Date de réception" type="date" {...field(`receipts.${index}.date`)} />
            <TextField label="Montant reçu" inputMode="decimal" {...field(`receipts.${index}.amountCents`)} />
          </RepeatRow>
        ))}
        <AddRowButton onClick={() => receipts.append({ date: '', amountCents: '' })}>Ajouter un versement reçu</AddRowButton>
      </Section>
      <FormActions submitLabel="Enregistrer le poste aidé" submitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
