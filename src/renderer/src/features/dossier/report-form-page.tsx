import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import {
  markFinancialReportProduced,
  saveFinancialReport,
  useDossierSnapshots,
  useDossierSources,
  useFinancialReport,
} from '../../data/dossier-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { budgetLineLabel } from '../../domain/dossier/budget-sums';
import { exerciseCalendar, exerciseContaining } from '../../domain/exercise';
import { formatDateLong, todayIso } from '../../domain/dates';
import {
  buildFinancialReportModel,
  financialReportChecks,
  financialReportProblems,
  grantFigures,
  prefillActuals,
  financialReportSchema,
  forecastFor,
  hasSignificantGap,
  realisationPercent,
  SIGNIFICANT_GAP_PERCENT,
  type FinancialReport,
  type ReportProblem,
} from '../../domain/dossier/financial-report';
import { formatWholeEuros, parseWholeEuros } from '../../domain/money';
import { financialReportDefinition } from '../../reports/financial-report-pdf';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { preloadPdfRenderer, producePdf } from './produce-pdf';
import { useAction } from '../../ui/use-action';
import { Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

// The compte-rendu financier of one granted application: bilan qualitatif, indicators achieved, the budget
// table prévision / réalisation / %, explanations of the gaps beyond 15 %, contributions en nature and the
// attestation. Saved as it is typed; producing the PDF marks its deadline « prêt à envoyer ».

interface LineDraft {
  account: string;
  label?: string | undefined;
  funderId?: string | undefined;
  grantApplicationId?: string | undefined;
  forecastCents: number;
  actual: string;
  gapExplanation: string;
}

interface Draft {
  howItRan: string;
  beneficiaries: string;
  datesAndPlaces: string;
  indicators: { objectiveLabel: string; indicatorLabel: string; target?: string | undefined; achieved: string }[];
  lines: LineDraft[];
  indirectCostsExplanation: string;
  inKindContributions: string;
  signatoryName: string;
  signatoryRole: string;
}

const euros = (cents: number | undefined) => (cents === undefined ? '' : String(cents / 100));
const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

function actualCents(text: string): number | undefined {
  const parsed = parseWholeEuros(text);
  return parsed.ok ? parsed.cents : undefined;
}

export function ReportFormPage({ params }: { params: { applicationId: string } }) {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const sources = useDossierSources(db);
  const snapshots = useDossierSnapshots(db);
  const stored = useFinancialReport(db, params.applicationId);
  const toast = useToast();
  // The revision of the compte-rendu this form took its values from (data/write-path.ts).
  const loadedRevision = useRef<string | undefined>(undefined);
  if (loadedRevision.current === undefined && stored) loadedRevision.current = stored.updatedAt;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<ReportProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => preloadPdfRenderer(), []);

  const application = sources?.applications.find((a) => a.id === params.applicationId);
  // The exercise the grant's period starts in, on the association's calendar (its budget is keyed by it).
  const exerciseYear = application ? exerciseContaining(exerciseCalendar(sources?.profile), application.periodStart).startYear : undefined;
  const forecast = useMemo(
    () =>
      application && sources && snapshots
        ? forecastFor(application, snapshots, sources.budgets, sources.budgetLines, exerciseYear)
        : undefined,
    [application, sources, snapshots, exerciseYear],
  );
  const payments = useMemo(
    () => (sources?.payments ?? []).filter((p) => p.applicationId === params.applicationId),
    [sources, params.applicationId],
  );
  const project = sources?.projects.find((p) => p.id === forecast?.projectId);

  useEffect(() => {
    if (draft !== null || stored === undefined || forecast === undefined || !sources) return;
    const fromProject = (project?.objectives ?? []).flatMap((o) =>
      o.indicators.map((i) => ({ objectiveLabel: o.label, indicatorLabel: i.label, target: i.target, achieved: i.achieved ?? '' })),
    );
    const rep = sources.profile?.legalRepresentative;
    setDraft({
      howItRan: stored?.howItRan ?? '',
      beneficiaries: stored?.beneficiaries ?? '',
      datesAndPlaces: stored?.datesAndPlaces ?? '',
      indicators: stored ? stored.indicatorsAchieved.map((i) => ({ ...i, achieved: i.achieved ?? '' })) : fromProject,
      lines: (stored
        ? stored.lines
        : application
          ? prefillActuals(forecast.lines, {
              application,
              receivedCents: payments.reduce((sum, p) => sum + (p.receivedCents ?? 0), 0),
              team: sources.team,
              exerciseYear: exerciseYear ?? Number(application.periodStart.slice(0, 4)),
              calendar: exerciseCalendar(sources?.profile),
              scope: forecast.scope,
              staff: sources.projectStaff.filter((s) => s.projectId === forecast.projectId),
            })
          : forecast.lines
      ).map((l) => ({
        account: l.account,
        label: l.label,
        funderId: l.funderId,
        grantApplicationId: l.grantApplicationId,
        forecastCents: l.forecastCents,
        actual: euros(l.actualCents),
        gapExplanation: l.gapExplanation ?? '',
      })),
      indirectCostsExplanation: stored?.indirectCostsExplanation ?? '',
      inKindContributions: stored?.inKindContributions ?? '',
      signatoryName: stored?.signatoryName ?? [rep?.firstName, rep?.lastName].filter(Boolean).join(' '),
      signatoryRole: stored?.signatoryRole ?? rep?.role ?? '',
    });
  }, [draft, stored, forecast, sources, project, application, payments, exerciseYear]);

  if (sources === undefined || stored === undefined || snapshots === undefined) {
    return (
      <Page title="Compte-rendu financier">
        <Loading />
      </Page>
    );
  }
  if (!application) {
    return (
      <Page title="Compte-rendu financier">
        <DossiersTabs />
        <p>Cette demande n’existe pas ou est dans la corbeille.</p>
        <Link href={pathTo({ screen: 'reports' })}>Retour aux comptes-rendus</Link>
      </Page>
    );
  }
  const funder = sources.funders.find((f) => f.id === application.funderId);

  const toReport = (d: Draft): FinancialReport =>
    financialReportSchema.parse({
      grantApplicationId: application.id,
      exercise: 1,
      ...(forecast?.snapshotId ? { snapshotId: forecast.snapshotId } : {}),
      howItRan: blankToUndefined(d.howItRan),
      beneficiaries: blankToUndefined(d.beneficiaries),
      datesAndPlaces: blankToUndefined(d.datesAndPlaces),
      indicatorsAchieved: d.indicators.map((i) => ({ ...i, achieved: blankToUndefined(i.achieved) })),
      lines: d.lines.map((l) => ({
        account: l.account,
        label: l.label,
        funderId: l.funderId,
        grantApplicationId: l.grantApplicationId,
        forecastCents: l.forecastCents,
        actualCents: actualCents(l.actual),
        gapExplanation: blankToUndefined(l.gapExplanation),
      })),
      indirectCostsExplanation: blankToUndefined(d.indirectCostsExplanation),
      inKindContributions: blankToUndefined(d.inKindContributions),
      signatoryName: blankToUndefined(d.signatoryName),
      signatoryRole: blankToUndefined(d.signatoryRole),
      producedAt: stored?.producedAt,
    });

  // A « Réalisation » that is not an amount is refused, not dropped: nothing is saved until it is fixed.
  const invalidAmounts = (d: Draft) => d.lines.filter((l) => l.actual.trim() !== '' && actualCents(l.actual) === undefined).length;

  const save = async () => {
    if (!draft) return undefined;
    const invalid = invalidAmounts(draft);
    if (invalid > 0) {
      toast.show(
        invalid === 1
          ? 'Une réalisation n’est pas un montant en euros\u00a0: rien n’a été enregistré. Corrigez-la.'
          : `${invalid} réalisations ne sont pas des montants en euros\u00a0: rien n’a été enregistré. Corrigez-les.`,
        { tone: 'error' },
      );
      return undefined;
    }
    const result = await saveFinancialReport(
      db,
      toReport(draft),
      new Date(),
      stored ? (loadedRevision.current ?? stored.updatedAt) : undefined,
    );
    if (!result.ok) {
      toast.show(result.errors[''] ?? Object.values(result.errors)[0] ?? 'Rien n’a été enregistré.', { tone: 'error' });
      return undefined;
    }
    loadedRevision.current = result.value.updatedAt;
    if (result.merged) toast.show(result.merged.message);
    return result.value;
  };

  const produce = async (asDraft = false) => {
    if (!draft || !sources.profile) return;
    const report = toReport(draft);
    // What the form lacks, then what the figures contradict (balance, the grant against its payments).
    const found = [
      ...financialReportProblems(report),
      ...financialReportChecks(report, grantFigures(application, report.exercise, report.lines, payments)),
    ];
    setProblems(found);
    if (found.length > 0 && !asDraft) {
      summaryRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const record = await save();
      if (!record) return;
      const model = buildFinancialReportModel({
        profile: sources.profile,
        application,
        funder,
        projectTitle: project?.title,
        report,
        forecastSource: forecast?.source === 'snapshot' ? 'snapshot' : 'current-budget',
        producedOn: todayIso(),
        funders: sources.funders,
        payments,
        ...(forecast ? { scope: forecast.scope } : {}),
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
      toast.show(`Le PDF n’a pas pu être produit : ${error instanceof Error ? error.message : String(error)}`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const set = (change: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...change } : d));
  const setLine = (index: number, change: Partial<LineDraft>) =>
    setDraft((d) => (d ? { ...d, lines: d.lines.map((l, i) => (i === index ? { ...l, ...change } : l)) } : d));
  const problemAt = (path: string) => problems.find((p) => p.path === path)?.message;

  return (
    <Page
      title={`Compte-rendu financier — ${application.title}`}
      action={
        <button type="button" className="button button--primary" disabled={busy || !draft} onClick={() => act(() => produce(false))}>
          Produire le compte-rendu (PDF)
        </button>
      }
    >
      <DossiersTabs />
      <p className="muted">
        {funder?.name ?? 'Financeur'} · période du {formatDateLong(application.periodStart)} au {formatDateLong(application.periodEnd)}
        {project ? ` · action « ${project.title} »` : ''}
      </p>
      {problems.length > 0 ? (
        <div className="dossier-problems" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>Avant de produire le compte-rendu :</p>
          <ul>
            {problems.map((p) => (
              <li key={p.path}>{p.message}</li>
            ))}
          </ul>
          <button type="button" className="button" disabled={busy} onClick={() => act(() => produce(true))}>
            Produire un brouillon (PDF)
          </button>
        </div>
      ) : null}
      {busy ? <p role="status">Production du PDF en cours…</p> : null}
      {!draft ? (
        <Loading />
      ) : (
        <form
          className="dossier-report"
          onSubmit={(e) => {
            e.preventDefault();
            act(() => save().then((r) => r && toast.show('Compte-rendu enregistré.')));
          }}
        >
          <fieldset className="form-section">
            <legend className="form-section__title">1. Bilan qualitatif</legend>
            <TextArea
              label="Déroulement de l’action"
              value={draft.howItRan}
              onChange={(v) => set({ howItRan: v })}
              error={problemAt('howItRan')}
            />
            <TextArea label="Bénéficiaires (nombre, public)" value={draft.beneficiaries} onChange={(v) => set({ beneficiaries: v })} />
            <TextArea label="Dates et lieux de réalisation" value={draft.datesAndPlaces} onChange={(v) => set({ datesAndPlaces: v })} />
            {draft.indicators.length > 0 ? (
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
                  {draft.indicators.map((indicator, index) => (
                    <tr key={`${indicator.objectiveLabel}-${indicator.indicatorLabel}`}>
                      <td>{indicator.objectiveLabel}</td>
                      <td>{indicator.indicatorLabel}</td>
                      <td>{indicator.target ?? '—'}</td>
                      <td>
                        <input
                          className="field__control"
                          aria-label={`Valeur atteinte — ${indicator.indicatorLabel}`}
                          value={indicator.achieved}
                          onChange={(e) =>
                            set({ indicators: draft.indicators.map((x, i) => (i === index ? { ...x, achieved: e.target.value } : x)) })
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">L’action n’a pas d’indicateurs enregistrés.</p>
            )}
          </fieldset>

          <fieldset className="form-section">
            <legend className="form-section__title">2. Tableau de synthèse</legend>
            <p className="muted">
              {forecast?.source === 'snapshot'
                ? 'Prévision : le budget de l’action tel que présenté dans le dernier dossier produit.'
                : forecast?.source === 'current-budget'
                  ? `Aucun dossier produit n’a été conservé pour cette demande : la prévision est le budget actuel ${forecast.scope === 'association' ? 'de l’association' : 'de l’action'}.`
                  : forecast?.scope === 'association'
                    ? 'Subvention de fonctionnement : aucun budget de l’association n’est enregistré pour cet exercice. Ajoutez-le dans Budgets.'
                    : 'Cette demande ne nomme aucune action, ou l’action n’a pas de budget : liez l’action sur la demande, puis ajoutez son budget.'}{' '}
              Le réalisé est pré-rempli avec les versements reçus (ligne 74) et les coûts de l’équipe (64) ; corrigez-le au besoin.
            </p>
            {draft.lines.length > 0 ? (
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
                  {draft.lines.map((line, index) => {
                    const name = budgetLineLabel({ ...line, amountCents: line.forecastCents }, sources.funders);
                    const actual = actualCents(line.actual);
                    const invalid = line.actual.trim() !== '' && actual === undefined;
                    const percent = realisationPercent(line.forecastCents, actual);
                    const gap = hasSignificantGap(line.forecastCents, actual);
                    const actualError = invalid
                      ? 'Réalisation : montant en euros entiers attendu (ex. 1 234).'
                      : problemAt(`lines.${index}.actualCents`);
                    const gapError = problemAt(`lines.${index}.gapExplanation`);
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
                            value={line.actual}
                            onChange={(e) => setLine(index, { actual: e.target.value })}
                          />
                          {actualError ? <p className="field__error">{actualError}</p> : null}
                          {gap ? (
                            <label className="dossier-gap">
                              <span>
                                Écart de plus de {SIGNIFICANT_GAP_PERCENT} % sur « {name} » : expliquez-le
                              </span>
                              <textarea
                                className="field__control"
                                value={line.gapExplanation}
                                onChange={(e) => setLine(index, { gapExplanation: e.target.value })}
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
            <TextArea
              label="Règle de répartition des charges indirectes"
              value={draft.indirectCostsExplanation}
              onChange={(v) => set({ indirectCostsExplanation: v })}
            />
            <TextArea
              label="Contributions volontaires en nature"
              value={draft.inKindContributions}
              onChange={(v) => set({ inKindContributions: v })}
            />
          </fieldset>

          <fieldset className="form-section">
            <legend className="form-section__title">Attestation</legend>
            <label className="field">
              <span className="field__label">Nom du signataire</span>
              <input className="field__control" value={draft.signatoryName} onChange={(e) => set({ signatoryName: e.target.value })} />
              {problemAt('signatoryName') ? <span className="field__error">{problemAt('signatoryName')}</span> : null}
            </label>
            <label className="field">
              <span className="field__label">Qualité du signataire</span>
              <input className="field__control" value={draft.signatoryRole} onChange={(e) => set({ signatoryRole: e.target.value })} />
            </label>
          </fieldset>
          <button type="submit" className="button">
            Enregistrer le brouillon
          </button>
        </form>
      )}
    </Page>
  );
}

function TextArea({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <label className="field form-section__wide">
      <span className="field__label">{label}</span>
      <textarea
        className="field__control"
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      {error ? <span className="field__error">{error}</span> : null}
    </label>
  );
}
