import { useEffect, useMemo, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import {
  markFinancialReportProduced,
  saveFinancialReport,
  useDossierSnapshots,
  useDossierSources,
  useFinancialReport,
  useFinancialReports,
  type DossierSources,
} from '../../data/dossier-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { budgetLineLabel } from '../../domain/dossier/budget-sums';
import { exerciseCalendar, exerciseContaining } from '../../domain/exercise';
import { formatDateLong, formatDateShort, todayIso } from '../../domain/dates';
import {
  buildFinancialReportModel,
  exercisePayments,
  financialReportChecks,
  financialReportProblems,
  financialReportSchema,
  forecastFor,
  grantFigures,
  hasSignificantGap,
  prefillActuals,
  realisationPercent,
  SIGNIFICANT_GAP_PERCENT,
  type FinancialReport,
  type FinancialReportRecord,
  type ForecastSource,
  type ReportProblem,
} from '../../domain/dossier/financial-report';
import {
  reportContent,
  reportExercise,
  reportExercises,
  reportFormSchema,
  reportFormValues,
  type ReportFormOutput,
  type ReportFormValues,
} from '../../domain/dossier/report-form';
import type { Exercise, GrantApplicationRecord } from '../../domain/funding/grant-application';
import type { PaymentRecord } from '../../domain/funding/payment';
import { formatWholeEuros, parseWholeEuros } from '../../domain/money';
import { financialReportDefinition } from '../../reports/financial-report-pdf';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { SelectField, TextField } from '../../ui/field';
import { ErrorLine, WideTextArea } from '../../ui/form-pieces';
import { errorAt } from '../../ui/form-errors';
import { failureMessage } from '../../ui/failure-message';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useSchemaForm } from '../../ui/use-schema-form';
import { Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { preloadPdfRenderer, producePdf } from './produce-pdf';

// The compte-rendu financier of one granted application's exercise (a CPO owes one a year): bilan
// qualitatif, indicators achieved, the budget table prévision / réalisation / %, explanations of the gaps
// beyond 15 %, contributions en nature and the attestation. On the one form wiring (ui/use-schema-form.tsx):
// its schema in domain/dossier/report-form.ts, every error in one round, a draft kept when the user leaves
// (it is a long form, filled over several days), a change made elsewhere said. Producing the PDF saves
// first, then marks the exercise's deadline « prêt à envoyer ».

export function ReportFormPage({ params }: { params: { applicationId: string; exercise?: string | undefined } }) {
  const { db } = useCurrentWorkspace();
  const sources = useDossierSources(db);
  const snapshots = useDossierSnapshots(db);
  const exerciseNumber = params.exercise === undefined ? 1 : Number(params.exercise);
  const stored = useFinancialReport(db, params.applicationId, exerciseNumber);

  if (sources === undefined || stored === undefined || snapshots === undefined) {
    return (
      <Page title="Compte-rendu financier">
        <Loading />
      </Page>
    );
  }
  const application = sources.applications.find((a) => a.id === params.applicationId);
  if (!application) {
    return (
      <Page title="Compte-rendu financier">
        <DossiersTabs />
        <p>Cette demande n’existe pas ou est dans la corbeille.</p>
        <Link href={pathTo({ screen: 'reports' })}>Retour aux comptes-rendus</Link>
      </Page>
    );
  }
  const exercise = Number.isInteger(exerciseNumber) ? reportExercise(application, exerciseNumber) : undefined;
  if (!exercise) {
    return (
      <Page title={`Compte-rendu financier — ${application.title}`}>
        <DossiersTabs />
        <p>Cette subvention n’a pas d’exercice {params.exercise}.</p>
        <Link href={pathTo({ screen: 'report', id: application.id })}>Compte-rendu du premier exercice</Link>
      </Page>
    );
  }
  return (
    <ReportPreparation
      key={`${application.id}:${exercise.number}`}
      application={application}
      exercise={exercise}
      sources={sources}
      snapshots={snapshots}
      stored={stored}
    />
  );
}

/** What the form starts from: the stored compte-rendu, else the forecast with the réalisation pre-filled. */
function ReportPreparation({
  application,
  exercise,
  sources,
  snapshots,
  stored,
}: {
  application: GrantApplicationRecord;
  exercise: Exercise;
  sources: DossierSources;
  snapshots: NonNullable<ReturnType<typeof useDossierSnapshots>>;
  stored: FinancialReportRecord | null;
}) {
  const calendar = exerciseCalendar(sources.profile);
  // The association's exercise this one falls in: its budget is keyed by it, and its staff costs are counted there.
  const exerciseYear = exerciseContaining(calendar, exercise.start).startYear;
  const forecast = useMemo(
    // A CPO's later exercise compares with the dossier (or budget) of its own year, not with the first one's.
    () =>
      forecastFor(
        application,
        application.multiYear ? snapshots.filter((s) => s.year === undefined || s.year === exerciseYear) : snapshots,
        sources.budgets,
        sources.budgetLines,
        exerciseYear,
      ),
    [application, snapshots, sources, exerciseYear],
  );
  const payments = useMemo(() => sources.payments.filter((p) => p.applicationId === application.id), [sources, application.id]);
  const project = sources.projects.find((p) => p.id === forecast.projectId);
  // Taken once: a change of the budget or of the team while the form is open does not rewrite what is typed.
  const [initial] = useState<ReportFormValues>(() => {
    if (stored) return reportFormValues(stored);
    const rep = sources.profile?.legalRepresentative;
    return reportFormValues({
      indicatorsAchieved: (project?.objectives ?? []).flatMap((o) =>
        o.indicators.map((i) => ({ objectiveLabel: o.label, indicatorLabel: i.label, target: i.target, achieved: i.achieved })),
      ),
      lines: prefillActuals(forecast.lines, {
        application,
        // What was received on this exercise's tranches (all of them for a single-year grant).
        receivedCents: exercisePayments(application, exercise, payments).reduce((sum, p) => sum + (p.receivedCents ?? 0), 0),
        team: sources.team,
        exerciseYear,
        calendar,
        scope: forecast.scope,
        staff: sources.projectStaff.filter((s) => s.projectId === forecast.projectId),
      }),
      signatoryName: [rep?.firstName, rep?.lastName].filter(Boolean).join(' ') || undefined,
      signatoryRole: rep?.role,
    });
  });
  return (
    <ReportForm
      application={application}
      exercise={exercise}
      sources={sources}
      stored={stored}
      forecast={forecast}
      payments={payments}
      projectTitle={project?.title}
      initial={initial}
    />
  );
}

function ReportForm({
  application,
  exercise,
  sources,
  stored,
  forecast,
  payments,
  projectTitle,
  initial,
}: {
  application: GrantApplicationRecord;
  exercise: Exercise;
  sources: DossierSources;
  stored: FinancialReportRecord | null;
  forecast: ForecastSource;
  payments: PaymentRecord[];
  projectTitle: string | undefined;
  initial: ReportFormValues;
}) {
  const { db, record: espace } = useCurrentWorkspace();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [problems, setProblems] = useState<ReportProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => preloadPdfRenderer(), []);
  const exercises = reportExercises(application);
  const funder = sources.funders.find((f) => f.id === application.funderId);

  const { form, formRef, field, onSubmit, refuse, saved, discard, revision, restoredDraft, summary } = useSchemaForm<
    ReportFormValues,
    ReportFormOutput,
    FinancialReportRecord
  >({
    schema: reportFormSchema,
    defaultValues: initial,
    record: stored,
    valuesOf: reportFormValues,
    // One draft per application and exercise: exercise 2's typing never lands in exercise 1.
    draftKey: `${espace.id}:financial-report:${application.id}:${exercise.number}`,
  });
  const {
    register,
    control,
    formState: { errors, isDirty },
  } = form;
  // A change made elsewhere (another tab, the journal's undo) shows in the form, unless the user is typing
  // or a draft came back: then the notice above says it, and the save merges or refuses.
  const dirty = useRef(isDirty);
  dirty.current = isDirty || restoredDraft !== undefined;
  // Opened on an exercise with no compte-rendu yet: one that appears without this form saving it was started
  // in another tab or window. Said at once; the save is refused (never overwriting it) until it is reloaded.
  const startedBlank = useRef(stored === null);
  const startedElsewhere = startedBlank.current && stored !== null && dirty.current;
  useEffect(() => {
    if (dirty.current || !stored) return;
    startedBlank.current = false;
    saved(reportFormValues(stored), stored);
  }, [stored, saved]);
  // The rows follow the form's values, not the first ones: a reload may bring a compte-rendu with other lines.
  const [lines, indicators] = useWatch({ control, name: ['lines', 'indicatorsAchieved'] });

  const toReport = (values: ReportFormOutput): FinancialReport =>
    financialReportSchema.parse({
      grantApplicationId: application.id,
      exercise: exercise.number,
      ...(forecast.snapshotId ? { snapshotId: forecast.snapshotId } : {}),
      ...reportContent(values),
      ...(stored?.producedAt ? { producedAt: stored.producedAt } : {}),
    });

  const save = async (values: ReportFormOutput): Promise<FinancialReportRecord | undefined> => {
    const result = await saveFinancialReport(db, toReport(values), new Date(), startedBlank.current ? null : revision()?.updatedAt);
    if (!result.ok) {
      refuse(result.errors);
      return undefined;
    }
    startedBlank.current = false;
    saved(reportFormValues(result.value), result.value);
    if (result.merged) toast.show(result.merged.message);
    return result.value;
  };

  // Produce: what was typed is saved first (nothing is lost), then what the form lacks and what the
  // figures contradict (balance, the grant against its payments) are listed; a final PDF waits for them.
  const produce = (asDraft: boolean) => async (values: ReportFormOutput) => {
    const report = toReport(values);
    const found = [
      ...financialReportProblems(report),
      ...financialReportChecks(report, grantFigures(application, report.exercise, report.lines, payments)),
    ];
    const record = await save(values);
    if (!record) return;
    setProblems(found);
    if (found.length > 0 && !asDraft) {
      window.requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (!sources.profile) {
      toast.show('Le profil de l’association est à remplir (Association) avant de produire le compte-rendu.', { tone: 'error' });
      return;
    }
    setBusy(true);
    try {
      const model = buildFinancialReportModel({
        profile: sources.profile,
        application,
        funder,
        projectTitle,
        report,
        forecastSource: forecast.source === 'snapshot' ? 'snapshot' : 'current-budget',
        producedOn: todayIso(),
        funders: sources.funders,
        payments,
        scope: forecast.scope,
        draftReasons: found.map((p) => p.message),
      });
      const result = await producePdf(financialReportDefinition(model), model.fileName);
      if (result.status === 'saved' && found.length > 0) {
        toast.show(`Brouillon enregistré : ${model.fileName}. Il porte la mention BROUILLON et la liste de ce qui reste à corriger.`);
      } else if (result.status === 'saved') {
        await markFinancialReportProduced(db, record);
        toast.show(`Compte-rendu enregistré : ${model.fileName}. Son échéance est marquée « prêt à envoyer ».`);
      }
    } catch (error) {
      console.error('Passerelle: the compte-rendu PDF failed', error);
      toast.show(`Le PDF n’a pas pu être produit (le compte-rendu, lui, est enregistré)\u00a0: ${failureMessage(error)}`, {
        tone: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  const problemAt = (path: string) => problems.find((p) => p.path === path)?.message;
  const errorOf = (path: string) => errorAt(errors, path) ?? problemAt(path);
  const typedCents = (text: string | undefined) => {
    const parsed = text === undefined || text.trim() === '' ? undefined : parseWholeEuros(text);
    return parsed?.ok ? parsed.cents : undefined;
  };

  return (
    <Page
      title={`Compte-rendu financier — ${application.title}`}
      action={
        <button type="button" className="button button--primary" disabled={busy} onClick={onSubmit(produce(false))}>
          Produire le compte-rendu (PDF)
        </button>
      }
    >
      <DossiersTabs />
      <p className="muted">
        {funder?.name ?? 'Financeur'} · période du {formatDateLong(application.periodStart)} au {formatDateLong(application.periodEnd)}
        {projectTitle ? ` · action « ${projectTitle} »` : ''}
      </p>
      {exercises.length > 1 ? (
        <ExercisePicker
          exercises={exercises}
          current={exercise}
          applicationId={application.id}
          onPick={(number) => navigate(pathTo({ screen: 'report', id: application.id, exercise: number }))}
        />
      ) : null}
      {problems.length > 0 ? (
        <div className="dossier-problems" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>Ce qui est saisi est enregistré. Avant de produire le compte-rendu :</p>
          <ul>
            {problems.map((p) => (
              <li key={p.path}>{p.message}</li>
            ))}
          </ul>
          <button type="button" className="button" disabled={busy} onClick={onSubmit(produce(true))}>
            Produire un brouillon (PDF)
          </button>
        </div>
      ) : null}
      {busy ? <p role="status">Production du PDF en cours…</p> : null}
      <form
        ref={formRef}
        className="dossier-report"
        noValidate
        aria-label="Compte-rendu financier"
        onSubmit={onSubmit(async (values) => {
          if (await save(values)) toast.show('Compte-rendu enregistré.');
        })}
      >
        {summary}
        {startedElsewhere ? (
          <div className="form-errors-summary" role="alert">
            Un compte-rendu de cet exercice vient d’être commencé ailleurs (autre onglet ou autre fenêtre){'\u00a0'}: l’enregistrer d’ici
            l’écraserait, il sera refusé.{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                startedBlank.current = false;
                discard();
              }}
            >
              Reprendre le compte-rendu commencé ailleurs
            </button>
          </div>
        ) : null}
        <fieldset className="form-section">
          <legend className="form-section__title">1. Bilan qualitatif</legend>
          <WideTextArea label="Déroulement de l’action" {...field('howItRan')} error={errorOf('howItRan')} />
          <WideTextArea label="Bénéficiaires (nombre, public)" {...field('beneficiaries')} />
          <WideTextArea label="Dates et lieux de réalisation" {...field('datesAndPlaces')} />
          {indicators.length > 0 ? (
            <table className="table dossier-report__indicators">
              <caption>Indicateurs de l’action</caption>
              <thead>
                <tr>
                  <th scope="col">Objectif</th>
                  <th scope="col">Indicateur</th>
                  <th scope="col">Valeur visée</th>
                  <th scope="col">Valeur atteinte</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((indicator, index) => {
                  const error = errorAt(errors, `indicatorsAchieved.${index}.achieved`);
                  return (
                    <tr key={`${indicator.objectiveLabel}-${indicator.indicatorLabel}-${index}`}>
                      <td>{indicator.objectiveLabel}</td>
                      <td>{indicator.indicatorLabel}</td>
                      <td>{indicator.target || '—'}</td>
                      <td>
                        <input
                          className="field__control"
                          aria-label={`Valeur atteinte — ${indicator.indicatorLabel}`}
                          aria-invalid={error ? true : undefined}
                          {...register(`indicatorsAchieved.${index}.achieved`)}
                        />
                        <ErrorLine message={error} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted">L’action n’a pas d’indicateurs enregistrés.</p>
          )}
        </fieldset>

        <fieldset className="form-section">
          <legend className="form-section__title">2. Tableau de synthèse</legend>
          <p className="muted">
            {forecast.source === 'snapshot'
              ? 'Prévision : le budget de l’action tel que présenté dans le dernier dossier produit.'
              : forecast.source === 'current-budget'
                ? `Aucun dossier produit n’a été conservé pour cette demande : la prévision est le budget actuel ${forecast.scope === 'association' ? 'de l’association' : 'de l’action'}.`
                : forecast.scope === 'association'
                  ? 'Subvention de fonctionnement : aucun budget de l’association n’est enregistré pour cet exercice. Ajoutez-le dans Budgets.'
                  : 'Cette demande ne nomme aucune action, ou l’action n’a pas de budget : liez l’action sur la demande, puis ajoutez son budget.'}{' '}
            Le réalisé est pré-rempli avec les versements reçus (ligne 74) et les coûts de l’équipe (64) ; corrigez-le au besoin.
          </p>
          {lines.length > 0 ? (
            <table className="table dossier-report__lines">
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Prévision</th>
                  <th scope="col">Réalisation (€)</th>
                  <th scope="col">%</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line, index) => {
                  const name = budgetLineLabel(
                    { account: line.account, label: line.label || undefined, funderId: line.funderId, amountCents: line.forecastCents },
                    sources.funders,
                  );
                  const actual = typedCents(line.actualCents);
                  const percent = realisationPercent(line.forecastCents, actual);
                  const gap = hasSignificantGap(line.forecastCents, actual);
                  const actualError = errorOf(`lines.${index}.actualCents`);
                  const gapError = errorOf(`lines.${index}.gapExplanation`);
                  return (
                    <tr key={`${line.account}-${index}`}>
                      <th scope="row">{name}</th>
                      <td className="dossier-amount">{formatWholeEuros(line.forecastCents)}</td>
                      <td>
                        <input
                          className="field__control dossier-amount-input"
                          inputMode="numeric"
                          aria-label={`Réalisation — ${name}`}
                          aria-invalid={actualError ? true : undefined}
                          {...register(`lines.${index}.actualCents`)}
                        />
                        <ErrorLine message={actualError} />
                        {gap ? (
                          <label className="dossier-gap">
                            <span>
                              Écart de plus de {SIGNIFICANT_GAP_PERCENT} % sur « {name} » : expliquez-le
                            </span>
                            <textarea
                              className="field__control"
                              aria-invalid={gapError ? true : undefined}
                              {...register(`lines.${index}.gapExplanation`)}
                            />
                            {gapError ? <span className="field__error">{gapError}</span> : null}
                          </label>
                        ) : null}
                      </td>
                      <td className="dossier-amount">{percent === undefined ? '—' : `${percent} %`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          <WideTextArea
            label="Règle de répartition des charges indirectes"
            {...field('indirectCostsExplanation')}
            error={errorOf('indirectCostsExplanation')}
          />
          <WideTextArea label="Contributions volontaires en nature" {...field('inKindContributions')} />
        </fieldset>

        <fieldset className="form-section">
          <legend className="form-section__title">Attestation</legend>
          <TextField label="Nom du signataire" {...field('signatoryName')} error={errorOf('signatoryName')} />
          <TextField label="Qualité du signataire" {...field('signatoryRole')} />
        </fieldset>
        <button type="submit" className="button">
          Enregistrer le brouillon
        </button>
      </form>
    </Page>
  );
}

/** A CPO's exercises, each with the state of its own compte-rendu; choosing one opens its form. */
function ExercisePicker({
  exercises,
  current,
  applicationId,
  onPick,
}: {
  exercises: readonly Exercise[];
  current: Exercise;
  applicationId: string;
  onPick: (exercise: number) => void;
}) {
  const { db } = useCurrentWorkspace();
  const reports = useFinancialReports(db);
  const stateOf = (number: number) => {
    const report = reports?.find((r) => r.grantApplicationId === applicationId && r.exercise === number);
    return report?.producedAt ? 'produit' : report ? 'commencé' : 'à rédiger';
  };
  return (
    <div className="report-exercise">
      <p>
        Convention pluriannuelle : un compte-rendu par exercice. Celui-ci porte sur l’exercice {current.number} (sur {exercises.length}), du{' '}
        {formatDateLong(current.start)} au {formatDateLong(current.end)}.
      </p>
      <SelectField
        label="Exercice du compte-rendu"
        value={String(current.number)}
        onChange={(event) => onPick(Number(event.target.value))}
        options={exercises.map((e) => ({
          value: String(e.number),
          label: `Exercice ${e.number} — du ${formatDateShort(e.start)} au ${formatDateShort(e.end)} (${stateOf(e.number)})`,
        }))}
      />
    </div>
  );
}
