import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { saveDossierSnapshot, useDossierSources, type DossierSources } from '../../data/dossier-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateLong, formatDateShort, todayIso } from '../../domain/dates';
import { dossierChecklist, type ChecklistItem } from '../../domain/dossier/checklist';
import { defaultDossierExercise, dossierApplications } from '../../domain/dossier/dossier-choices';
import {
  applicationPapersOf,
  attachmentsChecklist,
  buildDossierModel,
  latestDocument,
  publicAidOf,
  referenceExerciseOf,
  requestAgreements,
  type DossierInput,
} from '../../domain/dossier/dossier-model';
import { formatPercent } from '../../domain/budgets/budget-totals';
import { exerciseCalendar, exerciseLabel, exerciseStartingIn, lastClosedExercise, type AccountingExercise } from '../../domain/exercise';
import { formatWholeEuros } from '../../domain/money';
import { financedProjectIds, grantStatusLabel } from '../../domain/funding/grant-application';
import { grantDossierDefinition } from '../../reports/grant-dossier-pdf';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { toggle, useDossierSelection, type DossierSelection } from './dossier-selection';
import { preloadPdfRenderer, producePdf } from './produce-pdf';
import { useAction } from '../../ui/use-action';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

// « Préparer un dossier de demande »: choose the exercise, the funders and the actions, see what a funder
// would find missing, then produce the PDF (a draft while blocking items remain).

function dossierInput(sources: DossierSources, selection: DossierSelection, today: string): DossierInput | undefined {
  if (!sources.profile) return undefined;
  return {
    profile: sources.profile,
    team: sources.team,
    year: selection.year,
    funders: sources.funders.filter((f) => selection.funderIds.includes(f.id)),
    applications: sources.applications.filter((a) => selection.applicationIds.includes(a.id)),
    budgetApplications: sources.applications,
    projects: sources.projects.filter((p) => selection.projectIds.includes(p.id)),
    budgets: sources.budgets,
    budgetLines: sources.budgetLines,
    documents: sources.documents,
    filingDate: today,
    referenceYear: selection.referenceYear,
    allFunders: sources.funders,
    payments: sources.payments,
    publicAidAnswer: selection.publicAidAnswer,
    delegatedSignatory: selection.delegatedSignatory,
    attachedDocumentIds: sources.attachedDocumentIds,
    applicationPapers: sources.applicationPapers,
    projectStaff: sources.projectStaff,
  };
}

function ChecklistList({ title, items }: { title: string; items: ChecklistItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="dossier-checklist__group" aria-label={title}>
      <h3>{title}</h3>
      <ul className="dossier-checklist__items">
        {items.map((item) => (
          <li key={item.id} className={`dossier-checklist__item dossier-checklist__item--${item.severity}`}>
            <Link href={pathTo(item.fix)}>{item.message}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DossierPage() {
  const act = useAction();
  const { db, record } = useCurrentWorkspace();
  const today = todayIso();
  const sources = useDossierSources(db);
  const calendar = exerciseCalendar(sources?.profile);
  const [selection, update] = useDossierSelection(record.id, defaultDossierExercise(calendar, today).startYear);
  const [busy, setBusy] = useState(false);
  const [lastRender, setLastRender] = useState<number | null>(null);
  const toast = useToast();
  useEffect(() => preloadPdfRenderer(), []);

  const input = useMemo(() => (sources ? dossierInput(sources, selection, today) : undefined), [sources, selection, today]);
  const checklist = useMemo(() => (input ? dossierChecklist(input) : undefined), [input]);
  const papers = useMemo(
    () => (input ? applicationPapersOf(input.applications, input.applicationPapers ?? [], input.filingDate) : []),
    [input],
  );
  // The association's own pièces, as the PDF lists them: read from the Association section (issue 19).
  const pieces = useMemo(
    () => (input ? attachmentsChecklist(input.profile, input.documents, input.filingDate, input.attachedDocumentIds) : []),
    [input],
  );
  const exercise = exerciseStartingIn(calendar, selection.year);
  const applications = dossierApplications(sources?.applications ?? [], exercise);
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  const lastClosed = lastClosedExercise(calendar, today);
  const referenceYears = [
    lastClosed.startYear - 2,
    lastClosed.startYear - 1,
    lastClosed.startYear,
    lastClosed.startYear + 1,
    lastClosed.startYear + 2,
  ];
  const reference = input ? referenceExerciseOf(input) : undefined;
  const publicAid = input ? publicAidOf(input) : undefined;
  const agreements = useMemo(() => (input ? requestAgreements(input) : []), [input]);
  const exerciseOption = (e: AccountingExercise) => `${exerciseLabel(e)} (du ${formatDateShort(e.start)} au ${formatDateShort(e.end)})`;

  const chooseApplication = (id: string, on: boolean) => {
    const app = sources?.applications.find((a) => a.id === id);
    update({
      applicationIds: toggle(selection.applicationIds, id, on),
      // An application brings its funder and the actions it finances along.
      ...(on && app
        ? {
            funderIds: toggle(selection.funderIds, app.funderId, true),
            projectIds: [...new Set([...selection.projectIds, ...financedProjectIds(app)])],
          }
        : {}),
    });
  };

  const draft = (checklist?.blockingCount ?? 0) > 0;
  const canProduce = input !== undefined && input.funders.length > 0 && !busy;

  const produce = async () => {
    if (!input) return;
    setBusy(true);
    try {
      const model = buildDossierModel(input);
      const result = await producePdf(grantDossierDefinition(model, { draft }), model.fileName);
      setLastRender(result.renderMs);
      if (result.status === 'saved') {
        await saveDossierSnapshot(db, input, { draft, fileName: model.fileName });
        toast.show(draft ? `Brouillon enregistré : ${model.fileName}` : `Dossier enregistré : ${model.fileName}`);
      }
    } catch (error) {
      toast.show(`Le PDF n’a pas pu être produit : ${error instanceof Error ? error.message : String(error)}`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Préparer un dossier de demande">
      <DossiersTabs />
      {sources === undefined ? (
        <Loading />
      ) : sources.profile === undefined ? (
        <EmptyState title="Commencez par l’association">
          <p>Le dossier reprend l’identité de l’association : renseignez-la d’abord.</p>
          <Link href={pathTo({ screen: 'association' })} className="button button--primary">
            Renseigner l’association
          </Link>
        </EmptyState>
      ) : (
        <div className="dossier-layout">
          <section className="dossier-choices" aria-labelledby="dossier-choices-title">
            <h2 id="dossier-choices-title">1. Ce que vous demandez</h2>
            <label className="field">
              <span className="field__label">Exercice</span>
              <select className="field__control" value={selection.year} onChange={(e) => update({ year: Number(e.target.value) })}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {exerciseOption(exerciseStartingIn(calendar, y))}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">Moyens humains (§4) : année de référence</span>
              <select
                className="field__control"
                value={reference?.exercise.startYear ?? lastClosed.startYear}
                onChange={(e) => update({ referenceYear: Number(e.target.value) })}
              >
                {referenceYears.map((y) => (
                  <option key={y} value={y}>
                    {exerciseLabel(exerciseStartingIn(calendar, y))}
                    {y === lastClosed.startYear ? ' — dernier exercice clos' : ''}
                  </option>
                ))}
              </select>
              <span className="field__hint">
                {reference?.isLastClosed === false
                  ? `Exercice non clos : le §4 donnera des chiffres prévisionnels. Par défaut, le dernier exercice clos (${exerciseLabel(lastClosed)}).`
                  : `Par défaut, le dernier exercice clos (${exerciseOption(lastClosed)}) : le dossier l’indique.`}
              </span>
            </label>
            <fieldset className="dossier-choices__group">
              <legend>Demandes à préparer ou déposées ({exerciseLabel(exercise)})</legend>
              {applications.length === 0 ? (
                <p className="muted">Aucune demande « à préparer » ou « déposée » sur l’exercice {exerciseLabel(exercise)}.</p>
              ) : null}
              {applications.map((a) => (
                <label key={a.id} className="dossier-choice">
                  <input
                    type="checkbox"
                    checked={selection.applicationIds.includes(a.id)}
                    onChange={(e) => chooseApplication(a.id, e.target.checked)}
                  />
                  <span>
                    {a.title}{' '}
                    <span className="muted">
                      — {sources.funders.find((f) => f.id === a.funderId)?.name} · {grantStatusLabel(a.status)}
                      {a.filingDeadline ? ` · dépôt avant le ${formatDateShort(a.filingDeadline)}` : ''}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset className="dossier-choices__group">
              <legend>Financeurs destinataires</legend>
              {sources.funders.length === 0 ? (
                <p className="muted">
                  Aucun financeur enregistré. <Link href={pathTo({ screen: 'funders' })}>Ajouter un financeur</Link>
                </p>
              ) : null}
              {sources.funders.map((f) => (
                <label key={f.id} className="dossier-choice">
                  <input
                    type="checkbox"
                    checked={selection.funderIds.includes(f.id)}
                    onChange={(e) => update({ funderIds: toggle(selection.funderIds, f.id, e.target.checked) })}
                  />
                  <span>{f.name}</span>
                </label>
              ))}
            </fieldset>
            <fieldset className="dossier-choices__group">
              <legend>Actions présentées (§6)</legend>
              {sources.projects.length === 0 ? (
                <p className="muted">Aucune action enregistrée : le dossier portera sur le fonctionnement global.</p>
              ) : null}
              {sources.projects.map((p) => (
                <label key={p.id} className="dossier-choice">
                  <input
                    type="checkbox"
                    checked={selection.projectIds.includes(p.id)}
                    onChange={(e) => update({ projectIds: toggle(selection.projectIds, p.id, e.target.checked) })}
                  />
                  <span>{p.title}</span>
                </label>
              ))}
            </fieldset>
          </section>

          <section className="dossier-choices" aria-labelledby="dossier-declaration-title">
            <h2 id="dossier-declaration-title">Déclaration sur l’honneur (§7)</h2>
            {agreements.length > 0 ? (
              <section aria-label="Montants demandés">
                <h3>Montants demandés</h3>
                <ul className="dossier-amounts">
                  {agreements.map((a) => (
                    <li key={a.applicationId}>
                      « {a.title} » ({a.funderName}) : {formatWholeEuros(a.requestedCents)} demandés
                      {a.budgets.map((b) => (
                        <span key={b.budgetId}>
                          {' '}
                          — budget{' '}
                          {b.projectId === undefined
                            ? 'de l’association'
                            : `de l’action « ${sources.projects.find((p) => p.id === b.projectId)?.title ?? ''} »`}{' '}
                          : {formatWholeEuros(b.onBudgetCents)}
                          {b.sharePercent !== undefined ? ` (${formatPercent(b.sharePercent)} des produits)` : ''}
                          {b.onBudgetCents === a.requestedCents ? '' : ' — à mettre d’accord'}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {publicAid ? (
              <fieldset className="dossier-choices__group">
                <legend>Aides publiques des trois derniers exercices</legend>
                <p>
                  {formatWholeEuros(publicAid.receivedCents)} reçus du {formatDateLong(publicAid.from)} au {formatDateLong(publicAid.to)},
                  d’après les versements enregistrés.
                  {publicAid.source === 'data'
                    ? ` Le dossier déclarera : ${publicAid.answer === 'above' ? 'supérieur' : 'inférieur ou égal'} à 500 000 €.`
                    : ' Les enregistrements commencent après le début de cette période : indiquez le total.'}
                </p>
                {publicAid.source !== 'data' ? (
                  <>
                    <label className="dossier-choice">
                      <input
                        type="radio"
                        name="public-aid"
                        checked={selection.publicAidAnswer === 'at-most'}
                        onChange={() => update({ publicAidAnswer: 'at-most' })}
                      />
                      <span>Inférieur ou égal à 500 000 €</span>
                    </label>
                    <label className="dossier-choice">
                      <input
                        type="radio"
                        name="public-aid"
                        checked={selection.publicAidAnswer === 'above'}
                        onChange={() => update({ publicAidAnswer: 'above' })}
                      />
                      <span>Supérieur à 500 000 €</span>
                    </label>
                  </>
                ) : null}
              </fieldset>
            ) : null}
            <fieldset className="dossier-choices__group">
              <legend>Signataire</legend>
              <label className="dossier-choice">
                <input
                  type="checkbox"
                  checked={selection.delegatedSignatory !== undefined}
                  onChange={(e) => update({ delegatedSignatory: e.target.checked ? { name: '', role: '' } : undefined })}
                />
                <span>Une autre personne que le ou la représentant·e légal·e signe (le dossier joint alors un pouvoir)</span>
              </label>
              {selection.delegatedSignatory ? (
                <>
                  <label className="field">
                    <span className="field__label">Nom du signataire</span>
                    <input
                      className="field__control"
                      value={selection.delegatedSignatory.name}
                      onChange={(e) =>
                        update({ delegatedSignatory: { name: e.target.value, role: selection.delegatedSignatory?.role ?? '' } })
                      }
                    />
                  </label>
                  <label className="field">
                    <span className="field__label">Fonction du signataire</span>
                    <input
                      className="field__control"
                      value={selection.delegatedSignatory.role}
                      onChange={(e) =>
                        update({ delegatedSignatory: { name: selection.delegatedSignatory?.name ?? '', role: e.target.value } })
                      }
                    />
                  </label>
                </>
              ) : null}
            </fieldset>
          </section>

          <section className="dossier-checklist" aria-labelledby="dossier-checklist-title">
            <h2 id="dossier-checklist-title">2. Ce qu’un financeur vérifiera</h2>
            {checklist ? (
              <>
                <div className="dossier-progress">
                  <progress
                    id="dossier-completion"
                    max={100}
                    value={checklist.completionPercent}
                    aria-labelledby="dossier-completion-text"
                  />
                  <p id="dossier-completion-text">Dossier complet à {checklist.completionPercent} %</p>
                  {checklist.blockingCount > 0 ? (
                    <p className="dossier-produce__draft">
                      {checklist.blockingCount === 1 ? 'Un point bloquant' : `${checklist.blockingCount} points bloquants`} à corriger avant
                      l’envoi : un financeur renverrait le dossier.
                    </p>
                  ) : null}
                </div>
                {checklist.items.length === 0 ? <p>Rien ne manque : le dossier est prêt.</p> : null}
                <ChecklistList
                  title={`Bloquant (${checklist.blockingCount})`}
                  items={checklist.items.filter((i) => i.severity === 'blocking')}
                />
                <ChecklistList
                  title={`À vérifier (${checklist.items.length - checklist.blockingCount})`}
                  items={checklist.items.filter((i) => i.severity === 'warning')}
                />
              </>
            ) : null}
          </section>

          {input ? (
            <section className="card" aria-labelledby="dossier-pieces-title">
              <h2 id="dossier-pieces-title">Pièces de l’association</h2>
              <p className="muted">
                Celles que demande le Cerfa, lues dans{' '}
                <Link href={pathTo({ screen: 'documents' })}>Association › Pièces de l’association</Link> : une pièce n’y est jointe qu’avec
                son fichier.
              </p>
              <ul className="attachment-list">
                {pieces.map((p) => (
                  <li key={p.kind} className="attachment-list__item">
                    <span className="attachment-list__name">{p.label}</span>
                    <span className="muted">
                      {p.status === 'to-provide'
                        ? latestDocument(input.documents, p.kind)
                          ? 'à fournir (enregistrée sans son fichier)'
                          : 'à fournir'
                        : p.status === 'expired'
                          ? `valable jusqu’au ${formatDateShort(p.validUntil ?? input.filingDate)}`
                          : `jointe${p.validUntil ? ` · valable jusqu’au ${formatDateShort(p.validUntil)}` : ''}`}
                    </span>
                    {p.status === 'expired' ? <span className="badge badge--late">Expirée</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {papers.length > 0 ? (
            <section className="card" aria-labelledby="dossier-papers-title">
              <h2 id="dossier-papers-title">Pièces des demandes</h2>
              <p className="muted">Jointes aux demandes (Financements) et listées avec les pièces de l’association dans le PDF.</p>
              <ul className="attachment-list">
                {papers.map((p) => (
                  <li key={`${p.label}-${p.fileName}`} className="attachment-list__item">
                    <span className="attachment-list__name">{p.label}</span>
                    <span className="muted">
                      {p.fileName}
                      {p.validUntil ? ` · valable jusqu’au ${formatDateShort(p.validUntil)}` : ''}
                    </span>
                    {p.status === 'expired' ? <span className="badge badge--late">Expirée</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="dossier-produce" aria-labelledby="dossier-produce-title">
            <h2 id="dossier-produce-title">3. Le dossier</h2>
            {input && input.funders.length === 0 ? <p className="muted">Choisissez au moins un financeur destinataire.</p> : null}
            {draft ? (
              <p className="dossier-produce__draft">
                Des points bloquants restent : le PDF sera un brouillon, marqué « BROUILLON » sur chaque page.
              </p>
            ) : null}
            <button type="button" className="button button--primary" disabled={!canProduce} onClick={() => act(() => produce())}>
              {draft ? 'Produire un brouillon (PDF)' : 'Produire le dossier (PDF)'}
            </button>
            <p role="status" className="muted" data-render-ms={lastRender ?? undefined}>
              {busy
                ? 'Production du PDF en cours…'
                : lastRender !== null
                  ? `PDF produit en ${(lastRender / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s.`
                  : ''}
            </p>
          </section>
        </div>
      )}
    </Page>
  );
}
