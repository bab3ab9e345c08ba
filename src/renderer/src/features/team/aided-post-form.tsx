import { useEffect, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { saveFunder } from '../../data/funding-repository';
import { usePartners } from '../../data/partners-repository';
import { FUNDER_KINDS, type FunderKind } from '../../domain/funding/funder';
import { describeRoles, rolesOf } from '../../domain/partners/directory';
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
import { refusalText, useAction } from '../../ui/use-action';
import { useToast } from '../../ui/toast';

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
  const [scheme, aidMode, funderId, funderText] = useWatch({ control, name: ['scheme', 'aidMode', 'funderId', 'funder'] });
  const directory = usePartners(db);
  // An organisation created inline is chosen once the directory lists it (its option must exist first).
  const [created, setCreated] = useState<string>();
  useEffect(() => {
    if (created !== undefined && directory?.some((o) => o.id === created)) {
      form.setValue('funderId', created, { shouldDirty: true, shouldValidate: true });
      setCreated(undefined);
    }
  }, [created, directory, form]);
  const figures = useYearlyFigures(db);
  const today = todayIso();
  const datedAid = scheme === 'adulte-relais' ? 'adulte-relais-aid' : scheme === 'fonjep' ? 'fonjep-post' : null;

  const settle = useSaveOutcome(refuse);
  const onValid = async (values: AidedPost) => {
    // Linked to the directory, the post carries the organisation's name for its labels; unlinked, the
    // free text of a post written before the directory stays, shown « à relier ».
    const chosen = values.funderId === undefined ? undefined : directory?.find((o) => o.id === values.funderId);
    const linked = chosen ? { ...values, funder: chosen.name } : values;
    settle(await saveAidedPost(db, linked, post ? revision() : undefined), (saved) => onSaved(saved, post));
  };

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label="Poste aidé" className="subform">
      <h4>{post ? 'Modifier le poste aidé' : 'Nouveau poste aidé'}</h4>
      {summary}
      <Section title="Le dispositif">
        <SelectField label="Dispositif" options={AID_SCHEMES} {...field('scheme')} />
        {scheme === 'regional' || scheme === 'other' ? <TextField label="Précision sur le dispositif" {...field('schemeDetail')} /> : null}
        <TextField label="Numéro de convention" {...field('conventionNumber')} />
        <SelectField
          label="Financeur"
          hint={
            funderId === '' && funderText
              ? `À relier : « ${funderText} », saisi avant l’annuaire. Choisissez l’organisation, ou créez-la ci-dessous.`
              : 'Qui verse l’aide (ASP, région, FONJEP…), dans l’annuaire.'
          }
          options={[
            { value: '', label: funderText && funderId === '' ? `— à relier : ${funderText} —` : '— Choisir dans l’annuaire —' },
            ...(directory ?? []).map((o) => ({ value: o.id, label: `${o.name} (${describeRoles(rolesOf(o)).toLocaleLowerCase('fr')})` })),
          ]}
          {...field('funderId')}
        />
        {funderId === '' ? <NewAidFunder suggestedName={funderText} onCreated={setCreated} /> : null}
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

/** « Créer » inline: the organisation that pays the aid, added to the directory as a funder. */
function NewAidFunder({ suggestedName, onCreated }: { suggestedName: string; onCreated: (id: string) => void }) {
  const { db } = useCurrentWorkspace();
  const act = useAction();
  const toast = useToast();
  const [name, setName] = useState(suggestedName);
  const [kind, setKind] = useState<FunderKind>('asp');
  const [problem, setProblem] = useState<string>();
  const create = () =>
    act(async () => {
      const saved = await saveFunder(db, { name, kind, portal: 'paper' });
      if (!saved.ok) {
        setProblem(saved.errors.name ?? refusalText(saved.errors));
        return;
      }
      setProblem(undefined);
      toast.show(`« ${saved.value.name} » ajouté à l’annuaire comme financeur.`);
      onCreated(saved.value.id);
    });
  return (
    <div className="form-section__wide inline-form inline-form--grid" role="group" aria-label="Nouveau financeur de l’aide">
      <TextField label="Nom du nouveau financeur" value={name} onChange={(e) => setName(e.target.value)} error={problem} />
      <SelectField
        label="Type du nouveau financeur"
        options={FUNDER_KINDS}
        value={kind}
        onChange={(e) => setKind(e.target.value as FunderKind)}
      />
      <div className="actions-row">
        <button type="button" className="button" onClick={create}>
          Créer dans l’annuaire
        </button>
      </div>
    </div>
  );
}
