import type { BudgetLineRecord, BudgetRecord } from '../budgets/budget';
import type { IsoDate } from '../dates';
import { exerciseStartingIn, type AccountingExercise, type ExerciseCalendar } from '../exercise';
import { reached, type GrantApplicationRecord } from '../funding/grant-application';
import type { PaymentRecord } from '../funding/payment';
import type { AgreementRecord } from '../partners/agreement';
import type { ProjectRecord, ProjectStaffRecord } from '../projects/project';
import { periodsOverlap } from '../team/day-count';
import {
  renewApplication,
  renewBudgetLines,
  renewProject,
  sameTitle,
  type RenewedApplication,
  type RenewedBudgetLine,
  type RenewedProject,
} from './renewal';

// « Préparer l'exercice 2027 »: what ended in the last exercise (actions, requests) and last exercise's
// budgets, each with a tick, and the records a renewal of the ticked ones creates. The exercise is the
// association's (exercise.ts), not the calendar year: a September–August association prepares 2027-2028
// from what ended between 1 Sept 2026 and 31 Aug 2027.
//
// An item already prepared for the new exercise (same funder and moved title, same action title, a budget
// with lines) is shown but cannot be ticked: a second « Contrat de ville 2027 » is what this screen avoids.

/** Live records only: the repository leaves the bin out (data/renewal-repository.ts). */
export interface NextExerciseData {
  calendar: ExerciseCalendar;
  projects: readonly ProjectRecord[];
  projectStaff: readonly ProjectStaffRecord[];
  applications: readonly GrantApplicationRecord[];
  payments: readonly PaymentRecord[];
  budgets: readonly BudgetRecord[];
  budgetLines: readonly BudgetLineRecord[];
  agreements: readonly AgreementRecord[];
  /** Whether the person has a contract over [from, to] (from the team's contracts and avenants). */
  staffAvailable: (personId: string, from: IsoDate, to: IsoDate) => boolean;
}

export type CandidateKind = 'action' | 'application' | 'budget';

export interface RenewalCandidate {
  key: string;
  kind: CandidateKind;
  sourceId: string;
  /** Last exercise's record, as lists name it. */
  title: string;
  /** Ticked when the screen opens. */
  suggested: boolean;
  /** Already prepared for the new exercise: shown, not tickable. */
  alreadyPrepared: boolean;
}

export interface PlannedProject extends RenewedProject {
  id: string;
  sourceId: string;
  /** The action's budget of last exercise, renewed with it. */
  budget?: PlannedBudgetLines | undefined;
}

export interface PlannedApplication extends RenewedApplication {
  id: string;
  sourceId: string;
}

export interface PlannedBudgetLines {
  sourceId: string;
  year: number;
  lines: RenewedBudgetLine[];
}

export interface PlannedBudget extends PlannedBudgetLines {
  scope: 'association' | 'project';
  projectId?: string | undefined;
}

export interface RenewalPlan {
  source: AccountingExercise;
  target: AccountingExercise;
  projects: PlannedProject[];
  applications: PlannedApplication[];
  /** Budgets not carried by an action of the plan: the association's, and those of actions that go on. */
  budgets: PlannedBudget[];
}

export interface NextExercise {
  source: AccountingExercise;
  target: AccountingExercise;
  candidates: RenewalCandidate[];
}

const within = (date: IsoDate, exercise: AccountingExercise) => date >= exercise.start && date <= exercise.end;
const linesOf = (lines: readonly BudgetLineRecord[], budgetId: string) =>
  lines.filter((l) => l.budgetId === budgetId).sort((a, b) => a.position - b.position);

function budgetOf(data: NextExerciseData, scope: 'association' | 'project', year: number, projectId?: string): BudgetRecord | undefined {
  return data.budgets.find((b) => b.scope === scope && b.year === year && (scope === 'association' || b.projectId === projectId));
}

function hasLines(data: NextExerciseData, budget: BudgetRecord | undefined): boolean {
  return budget !== undefined && linesOf(data.budgetLines, budget.id).length > 0;
}

/** What the screen lists for `targetYear` (the year the exercise to prepare starts in). */
export function nextExerciseCandidates(data: NextExerciseData, targetYear: number): NextExercise {
  const source = exerciseStartingIn(data.calendar, targetYear - 1);
  const target = exerciseStartingIn(data.calendar, targetYear);
  const candidates: RenewalCandidate[] = [];
  const noDates = { staffAvailable: () => true, agreementFor: (id: string) => id, newId: () => '' };

  const endingActions = data.projects.filter((p) => within(p.endDate, source));
  for (const project of endingActions) {
    const renewed = renewProject(project, [], noDates).project;
    const alreadyPrepared = data.projects.some(
      (p) => p.id !== project.id && sameTitle(p.title, renewed.title) && periodsOverlap(p.startDate, p.endDate, target.start, target.end),
    );
    candidates.push({
      key: `action:${project.id}`,
      kind: 'action',
      sourceId: project.id,
      title: project.title,
      suggested: !alreadyPrepared,
      alreadyPrepared,
    });
  }

  for (const app of data.applications.filter((a) => within(a.periodEnd, source))) {
    const renewed = renewApplication(app, []).application;
    const alreadyPrepared = data.applications.some(
      (a) => a.id !== app.id && a.funderId === app.funderId && sameTitle(a.title, renewed.title) && a.periodStart === renewed.periodStart,
    );
    // A request refused or not decided yet is listed but not suggested: renewing it is a choice.
    const suggested = !alreadyPrepared && reached(app.status, 'granted', app);
    candidates.push({ key: `application:${app.id}`, kind: 'application', sourceId: app.id, title: app.title, suggested, alreadyPrepared });
  }

  const association = budgetOf(data, 'association', source.startYear);
  if (association && hasLines(data, association)) {
    const alreadyPrepared = hasLines(data, budgetOf(data, 'association', targetYear));
    candidates.push({
      key: `budget:${association.id}`,
      kind: 'budget',
      sourceId: association.id,
      title: `Budget de l’association`,
      suggested: !alreadyPrepared,
      alreadyPrepared,
    });
  }
  // Budgets of actions that go on into the new exercise (an action ending now brings its budget along).
  const ending = new Set(endingActions.map((p) => p.id));
  for (const budget of data.budgets) {
    if (budget.scope !== 'project' || budget.year !== source.startYear || budget.projectId === undefined) continue;
    if (ending.has(budget.projectId) || !hasLines(data, budget)) continue;
    const project = data.projects.find((p) => p.id === budget.projectId);
    if (!project || !periodsOverlap(project.startDate, project.endDate, target.start, target.end)) continue;
    const alreadyPrepared = hasLines(data, budgetOf(data, 'project', targetYear, project.id));
    candidates.push({
      key: `budget:${budget.id}`,
      kind: 'budget',
      sourceId: budget.id,
      title: `Budget de l’action « ${project.title} »`,
      suggested: !alreadyPrepared,
      alreadyPrepared,
    });
  }
  return { source, target, candidates };
}

/** The records a renewal of the ticked candidates creates, with their new ids (links follow them). */
export function renewalPlan(data: NextExerciseData, targetYear: number, ticked: ReadonlySet<string>, newId: () => string): RenewalPlan {
  const { source, target, candidates } = nextExerciseCandidates(data, targetYear);
  const chosen = candidates.filter((c) => ticked.has(c.key) && !c.alreadyPrepared);
  const projectIdMap = new Map(chosen.filter((c) => c.kind === 'action').map((c) => [c.sourceId, newId()]));
  const applicationIdMap = new Map(chosen.filter((c) => c.kind === 'application').map((c) => [c.sourceId, newId()]));

  const applicationCovers = (id: string) => {
    const app = data.applications.find((a) => a.id === id);
    return app !== undefined && periodsOverlap(app.periodStart, app.periodEnd, target.start, target.end);
  };
  const agreementFor = (id: string, from: IsoDate, to: IsoDate) => {
    const agreement = data.agreements.find((a) => a.id === id);
    if (!agreement || agreement.status === 'ended' || agreement.status === 'denounced') return undefined;
    const runs = agreement.tacitRenewal || periodsOverlap(agreement.startDate, agreement.endDate, from, to);
    return runs ? id : undefined;
  };
  const renewLines = (budget: BudgetRecord) =>
    renewBudgetLines(
      linesOf(data.budgetLines, budget.id).map(({ id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, budgetId: _b, ...line }) => line),
      { applicationIdMap, applicationCovers },
    );

  const projects: PlannedProject[] = [];
  for (const [sourceId, id] of projectIdMap) {
    const project = data.projects.find((p) => p.id === sourceId)!;
    const staff = data.projectStaff.filter((s) => s.projectId === sourceId);
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = project;
    const renewed = renewProject(fields, staff, { staffAvailable: data.staffAvailable, agreementFor, newId });
    const budget = budgetOf(data, 'project', source.startYear, sourceId);
    projects.push({
      ...renewed,
      id,
      sourceId,
      budget: budget && hasLines(data, budget) ? { sourceId: budget.id, year: targetYear, lines: renewLines(budget) } : undefined,
    });
  }

  const applications: PlannedApplication[] = [];
  for (const [sourceId, id] of applicationIdMap) {
    const app = data.applications.find((a) => a.id === sourceId)!;
    const payments = data.payments.filter((p) => p.applicationId === sourceId);
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = app;
    applications.push({ ...renewApplication(fields, payments, { projectIdMap }), id, sourceId });
  }

  const budgets: PlannedBudget[] = chosen
    .filter((c) => c.kind === 'budget')
    .map((c) => {
      const budget = data.budgets.find((b) => b.id === c.sourceId)!;
      return { sourceId: budget.id, scope: budget.scope, projectId: budget.projectId, year: targetYear, lines: renewLines(budget) };
    });
  return { source, target, projects, applications, budgets };
}

const plural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;

/** « 2 actions, 1 demande et 2 budgets » — what a renewal created, for its confirmation. */
export function describeRenewal(counts: { projects: number; applications: number; budgets: number }): string {
  const parts = [
    counts.projects > 0 ? plural(counts.projects, 'action', 'actions') : undefined,
    counts.applications > 0 ? plural(counts.applications, 'demande de subvention', 'demandes de subvention') : undefined,
    counts.budgets > 0 ? plural(counts.budgets, 'budget', 'budgets') : undefined,
  ].filter((p): p is string => p !== undefined);
  if (parts.length <= 1) return parts[0] ?? 'rien';
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}
