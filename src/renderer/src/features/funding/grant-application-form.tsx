import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import {
  grantApplicationFormValues,
  grantApplicationSchema,
  GRANT_STATUSES,
  stepDateFields,
  PURPOSES,
  STATUS_DATE_FIELD,
  STEP_DATE_LABELS,
  type GrantApplication,
  type GrantApplicationFormValues,
  type GrantApplicationRecord,
} from '../../domain/funding/grant-application';
import { saveGrantApplication, useFunders } from '../../data/funding-repository';
import type { FunderRecord } from '../../domain/funding/funder';
import type { PartnerRecord } from '../../domain/partners/partner';
import { usePartners } from '../../data/partners-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { useProjects } from '../../data/projects-repository';
import type { ProjectRecord } from '../../domain/projects/project';
import { CheckboxField, SelectField, TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { FunderDialog } from './funder-dialog';
import { errorAt } from '../../ui/form-errors';
import { useSchemaForm } from '../../ui/use-schema-form';
import { FormActions, useSaveOutcome, WideTextArea } from '../../ui/form-pieces';
import { Loading } from '../../ui/loading-state';

interface FormProps {
  application?: GrantApplicationRecord;
  onSaved: (saved: GrantApplicationRecord) => void;
  onCancel: () => void;
}

/** Creates or edits a grant application; sections follow the order of the Cerfa's page 1. */
export function GrantApplicationForm(props: FormProps) {
  const { db } = useCurrentWorkspace();
  const funders = useFunders(db);
  const directory = usePartners(db);
  const projects = useProjects(db);
  // A select keeps its default value only if the option exists when the form mounts.
  if (funders === undefined || directory === undefined || projects === undefined) return <Loading />;
  // One directory (issue 19): a partner not yet a funder can be chosen; the save gives it the role.
  const funderIds = new Set(funders.map((f) => f.id));
  const partnersOnly = directory.filter((o) => !funderIds.has(o.id));
  return <LoadedForm {...props} funders={funders} partnersOnly={partnersOnly} projects={projects} />;
}

function LoadedForm({
  application,
  onSaved,
  onCancel,
  funders,
  partnersOnly,
  projects,
}: FormProps & { funders: FunderRecord[]; partnersOnly: PartnerRecord[]; projects: ProjectRecord[] }) {
  const { db } = useCurrentWorkspace();
  const [creatingFunder, setCreatingFunder] = useState(false);
  // A funder created from here is selected once the list holds it (a select drops an unknown value).
  const [pendingFunderId, setPendingFunderId] = useState<string | null>(null);
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<
    GrantApplicationFormValues,
    GrantApplication,
    GrantApplicationRecord
  >({
    schema: grantApplicationSchema,
    defaultValues: grantApplicationFormValues(application),
    record: application,
    valuesOf: grantApplicationFormValues,
  });
  const { register, control, setValue, getValues, setFocus, formState } = form;
  const { errors, isSubmitting } = formState;
  const [status, multiYear, purpose, grantedCents, agreementSignedOn, paidOn, reportSubmittedOn] = useWatch({
    control,
    name: ['status', 'multiYear', 'purpose', 'grantedCents', 'agreementSignedOn', 'paidOn', 'reportSubmittedOn'],
  });

  const errorOf = (name: string) => errorAt(errors, name);

  // The date fields of the steps reached so far, in the order of the chain (a refusal closed: its own three).
  const stepFields = stepDateFields(status, { grantedCents, agreementSignedOn, paidOn, reportSubmittedOn });

  const settle = useSaveOutcome(refuse);
  const onValid = async (values: GrantApplication) =>
    settle(await saveGrantApplication(db, values, application ? { id: revision() } : {}), onSaved);

  useEffect(() => {
    if (pendingFunderId && funders.some((f) => f.id === pendingFunderId)) {
      setValue('funderId', pendingFunderId, { shouldValidate: true });
      setPendingFunderId(null);
    }
  }, [funders, pendingFunderId, setValue]);

  const funderOptions = [
    { value: '', label: funders.length === 0 ? '— aucun financeur\u00a0: ajoutez-en un —' : '— choisir —' },
    ...funders.map((f) => ({ value: f.id, label: f.name })),
    ...partnersOnly.map((p) => ({ value: p.id, label: `${p.name} (partenaire de l’annuaire)` })),
  ];

  return (
    <>
      <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label={application ? 'Modifier la demande' : 'Nouvelle demande'}>
        {summary}

        <Section title="Financeur et dispositif">
          <SelectField label="Financeur" required options={funderOptions} {...field('funderId')} />
          <div className="field-inline-action">
            <button type="button" className="button" onClick={() => setCreatingFunder(true)}>
              Nouveau financeur…
            </button>
          </div>
          <TextField
            label="Appel à projets ou dispositif"
            required
            hint="Ex. Contrat de ville 2027 — Accompagnement à la scolarité."
            {...field('title')}
          />
          <SelectField label="Objet de la demande" options={PURPOSES} {...field('purpose')} />
          <fieldset className="form-section__wide checkbox-group">
            <legend>Actions financées</legend>
            {purpose === 'operating' ? (
              <p className="field__hint">Une subvention de fonctionnement finance le budget de l’association.</p>
            ) : null}
            {projects.length === 0 ? (
              <p className="field__hint">Aucune action enregistrée : ajoutez-la dans Dossiers › Actions, puis liez-la ici.</p>
            ) : (
              projects.map((p) => <CheckboxField key={p.id} label={p.title} value={p.id} {...register('projectIds')} />)
            )}
          </fieldset>
          <WideTextArea label="Précisions sur les actions" {...field('projects')} />
          <div className="form-section__wide checkbox-row">
            <CheckboxField label="Renouvellement (sinon première demande)" {...register('renewal')} />
            <CheckboxField label="Pluriannuelle (CPO, jusqu’à 4 ans)" {...register('multiYear')} />
          </div>
        </Section>

        <Section title="Période et dépôt">
          <TextField label="Début de la période" type="date" required {...field('periodStart')} />
          <TextField
            label="Fin de la période"
            type="date"
            required
            hint={multiYear ? 'Un compte-rendu financier sera attendu pour chaque année.' : undefined}
            {...field('periodEnd')}
          />
          <TextField label="Date limite de dépôt" type="date" hint="La clôture de l’appel à projets." {...field('filingDeadline')} />
          <TextField
            label="Délai du compte-rendu (mois)"
            type="number"
            min={1}
            max={24}
            hint="Après la fin de chaque exercice financé&nbsp;; 6 mois par défaut."
            {...register('reportDelayMonths', { valueAsNumber: true })}
            error={errorOf('reportDelayMonths')}
          />
        </Section>

        <Section title="Statut">
          <SelectField
            label="Statut"
            options={GRANT_STATUSES}
            {...register('status', {
              onChange: (event: { target: { value: string } }) => {
                // The step's date is asked, never assumed: today is wrong for a step entered afterwards, and a
                // wrong filing or decision date moves the deadlines computed from it. Its field takes the focus.
                const next = event.target.value as GrantApplication['status'];
                if (next === 'to-prepare') return;
                const dateField = STATUS_DATE_FIELD[next];
                if (getValues(dateField) === '') setTimeout(() => setFocus(dateField), 0);
              },
            })}
            error={errorOf('status')}
          />
          {stepFields.map((name) => (
            <TextField key={name} label={STEP_DATE_LABELS[name]} type="date" {...field(name)} />
          ))}
        </Section>

        <Section title="Montants" description="En euros. Le montant versé se calcule à partir des versements reçus.">
          <TextField label="Montant demandé" required inputMode="decimal" {...field('requestedCents')} />
          <TextField label="Montant accordé" inputMode="decimal" hint="Voté par le financeur." {...field('grantedCents')} />
          <TextField
            label="Montant conventionné"
            inputMode="decimal"
            hint="Inscrit dans la convention ou l’arrêté."
            {...field('agreedCents')}
          />
        </Section>

        <Section title="Références">
          <TextField label="Numéro Dauphin" {...field('dauphinRef')} />
          <TextField label="Numéro Compte Asso" hint="Format NN-NNNNNN." {...field('compteAssoRef')} />
          <TextField label="Numéro d’engagement juridique Chorus" hint="10 caractères." {...field('chorusEj')} />
          <WideTextArea label="Notes" {...field('notes')} />
        </Section>

        <FormActions submitLabel="Enregistrer la demande" submitting={isSubmitting} onCancel={onCancel} />
      </form>
      {/* Outside the form: React events bubble through portals, and the dialog's submit must not submit this form. */}
      <FunderDialog open={creatingFunder} onOpenChange={setCreatingFunder} onSaved={(funder) => setPendingFunderId(funder.id)} />
    </>
  );
}
