import { useLiveQuery } from 'dexie-react-hooks';
import { budgetLineSchema, budgetSchema, type BudgetLine } from '../domain/budgets/budget';
import { applicationAmountForYear } from '../domain/budgets/budget-lines';
import { exerciseCalendar, exerciseContaining, type AccountingExercise } from '../domain/exercise';
import { grantApplicationSchema, type GrantApplication } from '../domain/funding/grant-application';
import { paymentSchema } from '../domain/funding/payment';
import { projectSchema, projectStaffSchema } from '../domain/projects/project';
import { renewalPlan, type NextExerciseData, type PlannedBudgetLines, type RenewalPlan } from '../domain/renewal/next-exercise';
import { renewAgreement } from '../domain/renewal/renewal';
import { amendmentsOf, effectiveEndDate } from '../domain/team/amendment';
import { periodsOverlap } from '../domain/team/day-count';
import { getAgreement, saveAgreement, type AgreementWithParties } from './agreements-repository';
import { live } from './live-records';
import type { WorkspaceDb } from './workspace-db';
import { readTables } from './read-tables';
import { undoChangeThatCreated } from './undo';
import { createRow } from './write-path';

// « Reconduire pour l'exercice suivant » and « Préparer l'exercice »: the domain (renewal/) says what a
// renewal creates; this module reads what it needs and writes the plan in one transaction — every record
// or none — so that one « Annuler » (undoChangeThatCreated) takes the whole renewal back.

/** Everything a renewal reads, out of the bin. */
export async function loadNextExerciseData(db: WorkspaceDb): Promise<NextExerciseData> {
  const [
    { projects, projectStaff, grantApplications: applications, payments, budgets, budgetLines, agreements, people, contracts, amendments },
    profile,
  ] = await Promise.all([
    readTables(
      db,
      'projects',
      'projectStaff',
      'grantApplications',
      'payments',
      'budgets',
      'budgetLines',
      'agreements',
      'people',
      'contracts',
      'amendments',
    ),
    db.association.get(db.workspaceId),
  ]);
  const present = new Set(live(people).map((p) => p.id));
  const liveContracts = live(contracts).filter((c) => present.has(c.personId));
  const liveAmendments = live(amendments);
  return {
    calendar: exerciseCalendar(profile),
    projects: live(projects),
    projectStaff: live(projectStaff),
    applications: live(applications),
    payments: live(payments),
    budgets: live(budgets),
    budgetLines: live(budgetLines),
    agreements: live(agreements),
    staffAvailable: (personId, from, to) =>
      liveContracts.some(
        (c) => c.personId === personId && periodsOverlap(c.startDate, effectiveEndDate(c, amendmentsOf(c.id, liveAmendments)), from, to),
      ),
  };
}

export function useNextExerciseData(db: WorkspaceDb): NextExerciseData | undefined {
  return useLiveQuery(() => loadNextExerciseData(db), [db]);
}

export interface RenewalCreated {
  projectIds: string[];
  applicationIds: string[];
  budgetIds: string[];
  /** A record the renewal created, for « Annuler » (undoChangeThatCreated) and to open it. */
  first: { table: 'projects' | 'grantApplications' | 'budgets'; id: string } | undefined;
}

export type RenewalOutcome = { ok: true; created: RenewalCreated } | { ok: false; message: string };

const NOTHING = 'Rien n’a été créé.';

function linesFor(
  planned: PlannedBudgetLines,
  applications: ReadonlyMap<string, GrantApplication>,
  stored: ReadonlyMap<string, GrantApplication>,
  exercise: AccountingExercise,
): Omit<BudgetLine, 'budgetId'>[] {
  return planned.lines.map((line) => {
    const appId = line.grantApplicationId;
    const app = appId === undefined ? undefined : (applications.get(appId) ?? stored.get(appId));
    // A linked line counts the request's share of the exercise, as every budget screen shows it.
    return app ? { ...line, funderId: line.funderId ?? app.funderId, amountCents: applicationAmountForYear(app, exercise) } : line;
  });
}

/** Checks every record of the plan against its schema; the first refusal, in French, or undefined. */
function planProblem(plan: RenewalPlan): string | undefined {
  for (const p of plan.projects) {
    const parsed = projectSchema.safeParse(p.project);
    if (!parsed.success) return `Action « ${p.project.title} »\u00a0: ${parsed.error.issues[0]?.message ?? ''}`;
    for (const s of p.staff)
      if (!projectStaffSchema.safeParse({ ...s, projectId: p.id }).success)
        return `Action « ${p.project.title} »\u00a0: une personne affectée est invalide.`;
  }
  for (const a of plan.applications) {
    const parsed = grantApplicationSchema.safeParse(a.application);
    if (!parsed.success) return `Demande « ${a.application.title} »\u00a0: ${parsed.error.issues[0]?.message ?? ''}`;
    for (const t of a.tranches) {
      const tranche = paymentSchema.safeParse({ ...t, applicationId: a.id });
      if (!tranche.success) return `Demande « ${a.application.title} »\u00a0: ${tranche.error.issues[0]?.message ?? ''}`;
    }
  }
  return undefined;
}

/**
 * Writes a plan: actions with their staff and budget, requests with their tranches, budgets with their
 * lines, in one transaction. Checked first (schemas; a budget prepared meanwhile in another window), so a
 * refusal writes nothing and says why.
 */
export async function applyRenewalPlan(db: WorkspaceDb, plan: RenewalPlan, now: Date = new Date()): Promise<RenewalOutcome> {
  if (plan.projects.length + plan.applications.length + plan.budgets.length === 0) {
    return { ok: false, message: `Cochez au moins un élément à reconduire. ${NOTHING}` };
  }
  const problem = planProblem(plan);
  if (problem !== undefined) return { ok: false, message: `${problem} ${NOTHING}` };
  const exercise = plan.target;
  const tables = [db.projects, db.projectStaff, db.grantApplications, db.payments, db.budgets, db.budgetLines, db.funders];
  return db.transaction('rw', tables, async (): Promise<RenewalOutcome> => {
    // Everything is read and checked before the first write: returning after a write would commit half.
    const budgetTargets = [
      ...plan.projects.flatMap((p) => (p.budget ? [{ scope: 'project' as const, projectId: p.id, year: p.budget.year }] : [])),
      ...plan.budgets.map((b) => ({ scope: b.scope, projectId: b.projectId, year: b.year })),
    ];
    const sameYear = live(await db.budgets.where('year').equals(exercise.startYear).toArray());
    const existing = new Map<string, string>();
    for (const target of budgetTargets) {
      const found = sameYear.find((b) => b.scope === target.scope && (target.scope === 'association' || b.projectId === target.projectId));
      if (!found) continue;
      const lines = live(await db.budgetLines.where('budgetId').equals(found.id).toArray());
      if (lines.length > 0)
        return { ok: false, message: `Un budget ${exercise.startYear} a été préparé entre-temps (autre fenêtre). ${NOTHING}` };
      existing.set(`${target.scope}:${target.projectId ?? ''}`, found.id);
    }
    for (const planned of plan.applications) {
      const funder = await db.funders.get(planned.application.funderId);
      if (!funder || funder.deletedAt !== null)
        return { ok: false, message: `Demande « ${planned.application.title} »\u00a0: son financeur a été supprimé. ${NOTHING}` };
    }
    const storedApps = new Map<string, GrantApplication>(live(await db.grantApplications.toArray()).map((a) => [a.id, a]));
    const plannedApps = new Map<string, GrantApplication>(
      plan.applications.map((a) => [a.id, grantApplicationSchema.parse(a.application)]),
    );

    const created: RenewalCreated = { projectIds: [], applicationIds: [], budgetIds: [], first: undefined };
    const writeBudget = async (scope: 'association' | 'project', projectId: string | undefined, planned: PlannedBudgetLines) => {
      const id =
        existing.get(`${scope}:${projectId ?? ''}`) ??
        (
          await createRow(
            db.budgets,
            budgetSchema.parse({ scope, year: planned.year, ...(projectId !== undefined ? { projectId } : {}) }),
            now,
          )
        ).id;
      const positions = new Map<string, number>();
      for (const line of linesFor(planned, plannedApps, storedApps, exercise)) {
        const position = positions.get(line.account) ?? 0;
        positions.set(line.account, position + 1);
        await createRow(db.budgetLines, budgetLineSchema.parse({ ...line, budgetId: id, position }), now);
      }
      created.budgetIds.push(id);
      created.first ??= { table: 'budgets', id };
    };

    for (const planned of plan.projects) {
      const project = await createRow(db.projects, projectSchema.parse(planned.project), now, planned.id);
      for (const staff of planned.staff)
        await createRow(db.projectStaff, projectStaffSchema.parse({ ...staff, projectId: project.id }), now);
      created.projectIds.push(project.id);
      created.first ??= { table: 'projects', id: project.id };
    }
    for (const planned of plan.applications) {
      const application = await createRow(db.grantApplications, plannedApps.get(planned.id)!, now, planned.id);
      for (const tranche of planned.tranches)
        await createRow(db.payments, paymentSchema.parse({ ...tranche, applicationId: application.id }), now);
      created.applicationIds.push(application.id);
      created.first ??= { table: 'grantApplications', id: application.id };
    }
    for (const planned of plan.projects) if (planned.budget) await writeBudget('project', planned.id, planned.budget);
    for (const planned of plan.budgets) await writeBudget(planned.scope, planned.projectId, planned);
    return { ok: true, created };
  });
}

/** Renews one record alone: the plan for the exercise after the one it ends in, with only it ticked. */
export async function renewOne(
  db: WorkspaceDb,
  kind: 'action' | 'application' | 'budget',
  id: string,
  now: Date = new Date(),
): Promise<RenewalOutcome & { targetYear?: number }> {
  const data = await loadNextExerciseData(db);
  const end =
    kind === 'action'
      ? data.projects.find((p) => p.id === id)?.endDate
      : kind === 'application'
        ? data.applications.find((a) => a.id === id)?.periodEnd
        : data.budgets.find((b) => b.id === id)?.year;
  if (end === undefined) return { ok: false, message: `Introuvable (supprimé entre-temps\u00a0?). ${NOTHING}` };
  const targetYear = typeof end === 'number' ? end + 1 : exerciseContaining(data.calendar, end).startYear + 1;
  const plan = renewalPlan(data, targetYear, new Set([`${kind}:${id}`]), () => crypto.randomUUID());
  if (plan.projects.length + plan.applications.length + plan.budgets.length === 0) {
    return { ok: false, message: `Déjà reconduit pour l’exercice ${targetYear}. ${NOTHING}` };
  }
  const outcome = await applyRenewalPlan(db, plan, now);
  return { ...outcome, targetYear };
}

/** « Reconduire » on an agreement: its next term, en préparation, written with its parties. */
export async function renewAgreementRecord(
  db: WorkspaceDb,
  id: string,
  now: Date = new Date(),
): Promise<{ ok: true; agreement: AgreementWithParties } | { ok: false; message: string }> {
  const agreement = await getAgreement(db, id);
  if (!agreement) return { ok: false, message: `Convention introuvable. ${NOTHING}` };
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = agreement;
  const renewal = renewAgreement(fields);
  if (!renewal.ok) return renewal;
  const saved = await saveAgreement(db, renewal.agreement, undefined, now);
  if (!saved.ok) return { ok: false, message: `${Object.values(saved.errors)[0] ?? ''} ${NOTHING}`.trim() };
  return { ok: true, agreement: saved.value };
}

/** « Annuler » after a renewal: every record it created goes, in one change (nothing when one was edited since). */
export async function undoRenewal(db: WorkspaceDb, created: RenewalCreated): Promise<{ ok: true } | { ok: false; message: string }> {
  if (created.first === undefined) return { ok: false, message: 'Rien à annuler.' };
  const outcome = await undoChangeThatCreated(db, created.first.table, created.first.id);
  return outcome.ok ? { ok: true } : outcome;
}
