import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { useFunders } from '../../data/funding-repository';
import { applyRenewalPlan, undoRenewal, useNextExerciseData } from '../../data/renewal-repository';
import { useTeam } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import { exerciseContaining, exerciseLabel } from '../../domain/exercise';
import { grantStatusLabel } from '../../domain/funding/grant-application';
import { formatCents } from '../../domain/money';
import {
  describeRenewal,
  nextExerciseCandidates,
  renewalPlan,
  type CandidateKind,
  type NextExerciseData,
  type RenewalCandidate,
  type RenewalPlan,
} from '../../domain/renewal/next-exercise';
import { personName } from '../../domain/team/person';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';
import { YearPicker } from './year-picker';
import { pathTo } from '../../ui/paths';

// « Préparer l'exercice 2027 »: last exercise's actions, requests and budgets, a tick each, and what the
// ticked ones will create — shown before anything is written, then created in one transaction that one
// « Annuler » takes back.

const GROUPS: { kind: CandidateKind; title: string; empty: string }[] = [
  { kind: 'action', title: 'Actions terminées', empty: 'Aucune action ne s’est terminée pendant cet exercice.' },
  {
    kind: 'application',
    title: 'Demandes de subvention arrivées à terme',
    empty: 'Aucune demande ne s’est terminée pendant cet exercice.',
  },
  { kind: 'budget', title: 'Budgets', empty: 'Aucun budget de cet exercice à reprendre.' },
];

export function NextExercisePage() {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const params = useParams<{ year?: string }>();
  const [, navigate] = useLocation();
  const data = useNextExerciseData(db);
  const team = useTeam(db);
  const funders = useFunders(db);
  // The key set the user changed, by target year; untouched candidates keep their suggestion.
  const [choices, setChoices] = useState<Record<string, boolean>>({});

  const parsed = Number(params.year);
  const current = data ? exerciseContaining(data.calendar, todayIso()).startYear : Number(todayIso().slice(0, 4));
  const targetYear = Number.isInteger(parsed) && parsed >= 2001 && parsed <= 2100 ? parsed : current + 1;

  const listed = useMemo(() => (data ? nextExerciseCandidates(data, targetYear) : undefined), [data, targetYear]);
  const ticked = useMemo(() => {
    const set = new Set<string>();
    for (const c of listed?.candidates ?? []) if (!c.alreadyPrepared && (choices[c.key] ?? c.suggested)) set.add(c.key);
    return set;
  }, [listed, choices]);
  const preview = useMemo(() => (data ? renewalPlan(data, targetYear, ticked, placeholderIds()) : undefined), [data, targetYear, ticked]);

  if (!data || !listed || !preview) return <p role="status">Chargement…</p>;
  const targetLabel = exerciseLabel(listed.target);
  const sourceLabel = exerciseLabel(listed.source);
  const count = preview.projects.length + preview.applications.length + preview.budgets.length;

  const names = {
    person: (id: string) => {
      const person = team?.people.find((p) => p.id === id);
      return person ? personName(person) : 'Personne supprimée';
    },
    funder: (id: string) => funders?.find((f) => f.id === id)?.name ?? 'Financeur supprimé',
  };

  async function create(source: NextExerciseData) {
    const plan = renewalPlan(source, targetYear, ticked, () => crypto.randomUUID());
    const outcome = await applyRenewalPlan(db, plan);
    if (!outcome.ok) {
      toast.show(outcome.message, { tone: 'error' });
      return;
    }
    const created = outcome.created;
    setChoices({});
    const what = describeRenewal({
      projects: created.projectIds.length,
      applications: created.applicationIds.length,
      budgets: created.budgetIds.length,
    });
    toast.show(`Exercice ${targetLabel} préparé\u00a0: ${what} créés.`, {
      action: {
        label: 'Annuler',
        run: async () => {
          const undone = await undoRenewal(db, created);
          if (!undone.ok) toast.show(undone.message, { tone: 'error' });
          else toast.show(`Préparation de l’exercice ${targetLabel} annulée.`);
        },
      },
    });
  }

  return (
    <Page
      title={`Préparer l’exercice ${targetLabel}`}
      action={
        <button type="button" className="button button--primary" disabled={count === 0} onClick={() => act(() => create(data))}>
          {count === 0 ? 'Rien à créer' : `Créer ${count === 1 ? 'cet élément' : `ces ${count} éléments`}`}
        </button>
      }
    >
      <DossiersTabs />
      <div className="budget-section__header">
        <p className="actions-lede">
          Ce qui s’est terminé pendant l’exercice {sourceLabel} (du {formatDateShort(listed.source.start)} au{' '}
          {formatDateShort(listed.source.end)}), à reconduire pour l’exercice {targetLabel}. Rien n’est créé avant
          «&nbsp;Créer&nbsp;»&nbsp;; les montants reçus, les dates de décision et les valeurs atteintes ne sont jamais recopiés.
        </p>
        <YearPicker
          label="Exercice à préparer"
          value={targetYear}
          around={current + 1}
          onChange={(y) => navigate(pathTo({ screen: 'next-exercise', year: y }))}
        />
      </div>

      <div className="renewal">
        <div className="renewal__choices">
          {GROUPS.map((group) => {
            const items = listed.candidates.filter((c) => c.kind === group.kind);
            return (
              <fieldset key={group.kind} className="card renewal__group">
                <legend>{group.title}</legend>
                {items.length === 0 ? <p className="muted">{group.empty}</p> : null}
                <ul className="renewal__list">
                  {items.map((c) => (
                    <li key={c.key}>
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={ticked.has(c.key)}
                          disabled={c.alreadyPrepared}
                          onChange={(e) => setChoices((prev) => ({ ...prev, [c.key]: e.target.checked }))}
                        />
                        <span>
                          {c.title}
                          <span className="muted"> — {candidateDetail(c, data, targetLabel)}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          })}
        </div>

        <section className="card renewal__preview" aria-labelledby="renewal-preview-title">
          <h2 id="renewal-preview-title">Ce qui sera créé</h2>
          {count === 0 ? <p>Rien n’est coché.</p> : <PlanPreview plan={preview} names={names} />}
          <p className="muted">
            Tout est créé en une fois&nbsp;; «&nbsp;Annuler&nbsp;» dans la confirmation retire tout ce qui a été créé. Voir ensuite les{' '}
            <Link href={pathTo({ screen: 'actions' })}>actions</Link> et les <Link href={pathTo({ screen: 'applications' })}>demandes</Link>
            .
          </p>
        </section>
      </div>
    </Page>
  );
}

/** Ids for the preview only: the real ones are drawn when « Créer » is pressed. */
function placeholderIds(): () => string {
  let n = 0;
  return () => `preview-${++n}`;
}

function candidateDetail(c: RenewalCandidate, data: NextExerciseData, targetLabel: string): string {
  if (c.alreadyPrepared) return `déjà préparé pour ${targetLabel}`;
  if (c.kind === 'action') {
    const p = data.projects.find((x) => x.id === c.sourceId);
    return p ? `du ${formatDateShort(p.startDate)} au ${formatDateShort(p.endDate)}` : '';
  }
  if (c.kind === 'application') {
    const a = data.applications.find((x) => x.id === c.sourceId);
    return a ? `${grantStatusLabel(a.status)}, demandé ${formatCents(a.requestedCents)}` : '';
  }
  const lines = data.budgetLines.filter((l) => l.budgetId === c.sourceId && l.deletedAt === null).length;
  return `${lines}\u00a0ligne${lines > 1 ? 's' : ''}`;
}

interface Names {
  person: (id: string) => string;
  funder: (id: string) => string;
}

function PlanPreview({ plan, names }: { plan: RenewalPlan; names: Names }) {
  const label = exerciseLabel(plan.target);
  return (
    <ul className="renewal__created">
      {plan.projects.map((p) => (
        <li key={p.sourceId}>
          <strong>Action « {p.project.title} »</strong> du {formatDateShort(p.project.startDate)} au {formatDateShort(p.project.endDate)}
          {' — '}
          {p.project.objectives.length}&nbsp;objectif{p.project.objectives.length > 1 ? 's' : ''}
          {p.staff.length > 0
            ? `, équipe\u00a0: ${p.staff.map((s) => `${names.person(s.personId)} (${s.sharePercent}\u00a0%)`).join(', ')}`
            : ', aucune personne affectée'}
          {p.budget ? `, budget ${label} de ${p.budget.lines.length}\u00a0lignes` : ''}.
          {p.staffLeft.length > 0 ? (
            <span className="flag flag--warning renewal__flag">
              Sans contrat sur la période, non repris&nbsp;: {p.staffLeft.map(names.person).join(', ')}.
            </span>
          ) : null}
          {p.agreementsDropped.length > 0 ? (
            <span className="muted">
              {' '}
              {p.agreementsDropped.length}&nbsp;convention{p.agreementsDropped.length > 1 ? 's' : ''} terminée
              {p.agreementsDropped.length > 1 ? 's' : ''} retirée{p.agreementsDropped.length > 1 ? 's' : ''} des partenaires.
            </span>
          ) : null}
        </li>
      ))}
      {plan.applications.map((a) => (
        <li key={a.sourceId}>
          <strong>Demande « {a.application.title} »</strong> ({names.funder(a.application.funderId)}), à préparer, du{' '}
          {formatDateShort(a.application.periodStart)} au {formatDateShort(a.application.periodEnd)}, demandé{' '}
          {formatCents(a.application.requestedCents)}
          {a.tranches.length > 0
            ? `\u00a0; tranches prévues\u00a0: ${a.tranches.map((t) => `${formatCents(t.expectedCents)} le ${formatDateShort(t.expectedDate)}`).join(', ')}`
            : '\u00a0; aucune tranche prévue'}
        </li>
      ))}
      {plan.budgets.map((b) => (
        <li key={b.sourceId}>
          <strong>{b.scope === 'association' ? `Budget de l’association ${label}` : `Budget ${label} d’une action en cours`}</strong>
          {' — '}
          {b.lines.length}&nbsp;ligne{b.lines.length > 1 ? 's' : ''}
        </li>
      ))}
    </ul>
  );
}
