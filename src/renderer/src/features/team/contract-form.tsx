import { useWatch } from 'react-hook-form';
import { formatDateShort, isIsoDate } from '../../domain/dates';
import {
  CONTRACT_KINDS,
  contractFormValues,
  FIXED_TERM_KINDS,
  contractSchema,
  JOB_CATEGORIES,
  type Contract,
  type ContractFormValues,
  type ContractRecord,
} from '../../domain/team/contract';
import type { PersonRecord } from '../../domain/team/person';
import { kindRules, plannedEndHint } from '../../domain/team/contract-kinds';
import { defaultTrialDuration, formatTrialDuration, trialPeriodEnd, type TrialRules } from '../../domain/team/trial-period';
import { saveContract } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { CheckboxField, SelectField, TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { useSchemaForm } from '../../ui/use-schema-form';
import { FormActions, useSaveOutcome, WideTextArea } from '../../ui/form-pieces';

const TRIAL_RULE_NAMES: Record<TrialRules, string> = { legal: 'maximum légal', eclat: 'convention ÉCLAT' };

/** Which rule gave the default, in the words of the hint. */
function trialRuleName(kind: ContractFormValues['kind'], hasEnd: boolean, rules: TrialRules): string {
  if (kindRules(kind).trial === 'apprenticeship') return 'apprentissage';
  if (FIXED_TERM_KINDS.has(kind) && hasEnd) return '1 jour par semaine de contrat, plafonné';
  return TRIAL_RULE_NAMES[rules];
}

/** The contract form: new contract, or changes to one (a change of terms over time is an avenant). */
export function ContractForm({
  person,
  contract,
  trialRules,
  onSaved,
  onCancel,
}: {
  person: PersonRecord;
  contract?: ContractRecord;
  trialRules: TrialRules;
  onSaved: (contract: ContractRecord, previous: ContractRecord | undefined) => void;
  onCancel: () => void;
}) {
  const { db } = useCurrentWorkspace();
  const volunteer = person.role === 'volunteer';
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<ContractFormValues, Contract, ContractRecord>({
    schema: contractSchema,
    defaultValues: contractFormValues(
      person.id,
      contract,
      contract
        ? undefined
        : { kind: volunteer ? 'civic-service' : 'cdi', jobTitle: person.jobTitle ?? '', employerChargesRate: volunteer ? '0' : '' },
    ),
    record: contract,
    valuesOf: (record) => contractFormValues(person.id, record),
  });
  const {
    control,
    formState: { isSubmitting },
  } = form;
  const [kind, category, startDate, plannedEndDate] = useWatch({ control, name: ['kind', 'category', 'startDate', 'plannedEndDate'] });
  // A volunteer is offered the kinds that are no labour contract (the service civique), an employee the others.
  const kinds = CONTRACT_KINDS.filter((k) => kindRules(k.value).employment !== volunteer);
  const civic = !kindRules(kind).employment;

  let trialHint = 'Laissez vide pour la durée par défaut.';
  if (isIsoDate(startDate)) {
    const duration = defaultTrialDuration(
      { kind, category, startDate, plannedEndDate: isIsoDate(plannedEndDate) ? plannedEndDate : undefined },
      trialRules,
    );
    trialHint =
      duration === null
        ? kindRules(kind).motifRequired
          ? 'Indiquez la fin prévue pour calculer la durée par défaut.'
          : 'Pas de période d’essai par défaut.'
        : `Vide : ${formatTrialDuration(duration)} (${trialRuleName(kind, isIsoDate(plannedEndDate), trialRules)}), jusqu’au ${formatDateShort(trialPeriodEnd(startDate, duration))}.`;
  }

  const settle = useSaveOutcome(refuse);
  const onValid = async (values: Contract) =>
    settle(await saveContract(db, values, contract ? revision() : undefined), (saved) => onSaved(saved, contract));

  const title = contract ? 'Modifier le contrat' : volunteer ? 'Nouvel engagement de service civique' : 'Nouveau contrat';

  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label={title} className="card">
      <h3>{title}</h3>
      {summary}
      <Section title="Le contrat">
        <SelectField label="Type de contrat" options={kinds} {...field('kind')} />
        {kindRules(kind).motifRequired ? (
          <TextField label="Motif du CDD" required hint="Remplacement, accroissement temporaire d’activité…" {...field('cddReason')} />
        ) : null}
        <TextField label="Intitulé du poste" required {...field('jobTitle')} />
        {civic ? null : (
          <>
            <SelectField label="Catégorie" options={JOB_CATEGORIES} {...field('category')} />
            <TextField label="Groupe et coefficient" hint="Classification de la convention collective." {...field('classification')} />
          </>
        )}
      </Section>
      <Section title="Dates">
        <TextField label="Date de début" type="date" required {...field('startDate')} />
        <TextField label="Date de fin prévue" type="date" hint={plannedEndHint(kind)} {...field('plannedEndDate')} />
        {contract ? (
          <>
            <TextField
              label="Date de fin effective"
              type="date"
              hint="Quand le contrat s’est terminé (rupture, démission…)."
              {...field('actualEndDate')}
            />
            <TextField label="Motif de fin" {...field('endReason')} />
          </>
        ) : null}
        {civic ? null : (
          <>
            <TextField label="Fin de la période d’essai" type="date" hint={trialHint} {...field('trialPeriodEnd')} />
            <TextField
              label="Fin du renouvellement de la période d’essai"
              type="date"
              hint="Si la période d’essai a été renouvelée."
              {...field('trialRenewalEnd')}
            />
          </>
        )}
      </Section>
      <Section title="Temps de travail et rémunération">
        <TextField
          label="Durée hebdomadaire"
          required
          inputMode="decimal"
          hint="En heures par semaine (35 pour un temps plein)."
          {...field('weeklyHours')}
        />
        <TextField
          label={civic ? 'Indemnité mensuelle versée par l’association' : 'Salaire brut mensuel'}
          required
          inputMode="decimal"
          hint="En euros, ex. 1 850,00."
          {...field('grossMonthlyCents')}
        />
        <TextField
          label="Taux de charges patronales"
          required
          inputMode="decimal"
          hint="En % du brut, après allègements (ex. 42)."
          {...field('employerChargesRate')}
        />
      </Section>
      {civic ? null : (
        <Section title="Formalités">
          <TextField
            label="Date de la DPAE"
            type="date"
            hint="Déclaration préalable à l’embauche, avant le premier jour."
            {...field('dpaeDate')}
          />
          <TextField label="Date de la visite d’information et de prévention" type="date" {...field('firstMedicalVisitDate')} />
          <CheckboxField
            label="Mineur·e ou travail de nuit : visite avant la prise de poste"
            hint="Sinon, dans les 3 mois de l’embauche (2 pour un apprenti) — R4624-18, R4624-10."
            {...form.register('visitBeforePost')}
          />
          {kindRules(kind).opcoFiling !== null ? (
            <TextField label="Date de dépôt auprès de l’OPCO" type="date" {...field('opcoFilingDate')} />
          ) : null}
        </Section>
      )}
      <WideTextArea label="Notes sur le contrat" {...field('notes')} />
      <FormActions submitLabel="Enregistrer le contrat" submitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
