import { useLiveQuery } from 'dexie-react-hooks';
import {
  budgetSchema,
  budgetLineSchema,
  lineFitsScope,
  type BudgetLine,
  type BudgetLineRecord,
  type BudgetRecord,
} from '../domain/budgets/budget';
import { applicationAmountForYear, lineAmountResolver } from '../domain/budgets/budget-lines';
import {
  lineForSuggestion,
  suggestBudgetLines,
  suggestionState,
  type BudgetSuggestion,
  type SuggestionInput,
  type SuggestionState,
} from '../domain/budgets/suggestions';
import { exerciseCalendar, exerciseStartingIn, type AccountingExercise } from '../domain/exercise';
import { fieldMessage, firstIssueMessages } from '../domain/fields';
import type { FunderRecord } from '../domain/funding/funder';
import type { GrantApplicationRecord } from '../domain/funding/grant-application';
import type { Validated } from '../domain/record';
import { listAgreements } from './agreements-repository';
import { getProject } from './projects-repository';
import { getTeam, teamTables } from './team-repository';
import type { WorkspaceDb } from './workspace-db';
import { binOne, createRow, prepareWrite, restoreOne, saveRow, updateRow, type Target, type WriteOutcome } from './write-path';

// Budgets prévisionnels (DOMAIN.md §5): one per exercise for the association, one per action and year.
// A budget record is created with its first line, so browsing years leaves nothing behind. Every line is
// validated (known Cerfa account allowed in this budget, whole euros ≥ 0) before anything is written; a
// line linked to a grant application takes the application's amount for the budget's year.

export type BudgetTarget = { scope: 'association'; year: number } | { scope: 'project'; projectId: string; year: number };

const live = <T extends { deletedAt: string | null }>(records: T[]) => records.filter((r) => r.deletedAt === null);

const matches = (target: BudgetTarget) => (budget: BudgetRecord) =>
  budget.deletedAt === null &&
  budget.scope === target.scope &&
  budget.year === target.year &&
  (target.scope === 'association' || budget.projectId === target.projectId);

export async function findBudget(db: WorkspaceDb, target: BudgetTarget): Promise<BudgetRecord | undefined> {
  return (await db.budgets.where('year').equals(target.year).toArray()).find(matches(target));
}

/** The budget of the target, created when it does not exist yet. Throws if the action is unknown. */
export async function getOrCreateBudget(db: WorkspaceDb, target: BudgetTarget, now: Date = new Date()): Promise<BudgetRecord> {
  return db.transaction('rw', db.budgets, db.projects, async () => {
    const existing = await findBudget(db, target);
    if (existing) return existing;
    if (target.scope === 'project') {
      const project = await db.projects.get(target.projectId);
      if (!project || project.deletedAt !== null) throw new Error('Action introuvable.');
    }
    return createRow(db.budgets, budgetSchema.parse(target), now);
  });
}

export function getOrCreateAssociationBudget(db: WorkspaceDb, year: number, now?: Date): Promise<BudgetRecord> {
  return getOrCreateBudget(db, { scope: 'association', year }, now);
}

export function getOrCreateProjectBudget(db: WorkspaceDb, projectId: string, year: number, now?: Date): Promise<BudgetRecord> {
  return getOrCreateBudget(db, { scope: 'project', projectId, year }, now);
}

export async function listBudgetLines(db: WorkspaceDb, budgetId: string): Promise<BudgetLineRecord[]> {
  return live(await db.budgetLines.where('budgetId').equals(budgetId).toArray()).sort((a, b) => a.position - b.position);
}

/** The schema, then the rule that needs the budget's scope: action-only lines stay out of the association's. */
function validateLine(input: Record<string, unknown>, budgetId: string, scope: BudgetTarget['scope']): Validated<BudgetLine> {
  const parsed = budgetLineSchema.safeParse({ ...input, budgetId });
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  if (!lineFitsScope(parsed.data, scope)) {
    return { ok: false, errors: { account: fieldMessage('Compte', 'cette ligne n’existe que dans le budget d’une action.') } };
  }
  return { ok: true, value: parsed.data };
}

async function linkedAmount(db: WorkspaceDb, line: BudgetLine, year: number): Promise<Validated<BudgetLine>> {
  if (line.grantApplicationId === undefined) return { ok: true, value: line };
  const app = await db.grantApplications.get(line.grantApplicationId);
  if (!app || app.deletedAt !== null) {
    return { ok: false, errors: { grantApplicationId: fieldMessage('Demande de subvention', 'cette demande n’existe plus.') } };
  }
  // The budget's exercise, from the profile: the application's share of it (pro rata temporis).
  const exercise = exerciseStartingIn(exerciseCalendar(await db.association.get(db.workspaceId)), year);
  return { ok: true, value: { ...line, funderId: line.funderId ?? app.funderId, amountCents: applicationAmountForYear(app, exercise) } };
}

/** Adds a line to the target's budget (creating the budget with it). Invalid input writes nothing. */
export async function addBudgetLine(
  db: WorkspaceDb,
  target: BudgetTarget,
  input: Record<string, unknown>,
  now: Date = new Date(),
): Promise<Validated<BudgetLineRecord>> {
  const checked = validateLine(input, 'pending', target.scope);
  if (!checked.ok) return checked;
  return db.transaction('rw', [db.budgets, db.budgetLines, db.projects, db.grantApplications, db.association], async () => {
    const linked = await linkedAmount(db, checked.value, target.year);
    if (!linked.ok) return linked;
    const budget = await getOrCreateBudget(db, target, now);
    const sameAccount = live(await db.budgetLines.where('budgetId').equals(budget.id).toArray()).filter(
      (l) => l.account === linked.value.account,
    );
    const record = await createRow(
      db.budgetLines,
      { ...linked.value, budgetId: budget.id, position: sameAccount.reduce((max, l) => Math.max(max, l.position + 1), 0) },
      now,
    );
    return { ok: true as const, value: record };
  });
}

/** Replaces a line's fields (account, précision, amount…); invalid input writes nothing. */
export async function updateBudgetLine(
  db: WorkspaceDb,
  target: Exclude<Target, undefined>,
  input: Record<string, unknown>,
  now: Date = new Date(),
): Promise<WriteOutcome<BudgetLineRecord>> {
  const context = await prepareWrite(db, 'budgetLines', target);
  const id = context.ref?.id ?? '';
  return db.transaction(
    'rw',
    [db.budgets, db.budgetLines, db.grantApplications, db.association],
    async (): Promise<WriteOutcome<BudgetLineRecord>> => {
      const existing = await db.budgetLines.get(id);
      const budget = existing ? await db.budgets.get(existing.budgetId) : undefined;
      if (!existing || !budget) return { ok: false as const, errors: { '': 'Cette ligne n’existe plus\u00a0: rien n’a été enregistré.' } };
      const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = existing;
      const checked = validateLine({ ...fields, ...input }, budget.id, budget.scope);
      if (!checked.ok) return checked;
      const linked = await linkedAmount(db, checked.value, budget.year);
      if (!linked.ok) return linked;
      // The line is edited field by field: what the caller did not send is taken from the stored line, so
      // the revision check compares against the stored line itself.
      return updateRow(db.budgetLines, context, linked.value, now);
    },
  );
}

/** Removes a line (to the bin: « Annuler » brings it back). */
export function removeBudgetLine(db: WorkspaceDb, target: Target, now: Date = new Date()): Promise<WriteOutcome<BudgetLineRecord>> {
  return binOne(db, db.budgetLines, target, now);
}

export function restoreBudgetLine(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  return restoreOne(db, db.budgetLines, id, now);
}

/**
 * What a budget's suggestions are computed from, read from the espace as it is now: the team, the funders and
 * their applications, the agreements, the action and its staff, the exercise of the profile. Undefined when
 * the action is gone.
 */
async function suggestionInput(db: WorkspaceDb, target: BudgetTarget): Promise<SuggestionInput | undefined> {
  const [team, funders, applications, agreements, profile, project] = await Promise.all([
    getTeam(db),
    db.funders.toArray(),
    db.grantApplications.toArray(),
    listAgreements(db),
    db.association.get(db.workspaceId),
    target.scope === 'project' ? getProject(db, target.projectId) : Promise.resolve(undefined),
  ]);
  if (target.scope === 'project' && project === undefined) return undefined;
  return {
    scope: target.scope,
    year: target.year,
    exercise: exerciseStartingIn(exerciseCalendar(profile), target.year),
    team,
    funders: live(funders),
    applications: live(applications),
    agreements,
    ...(project ? { project: project.project, projectStaff: project.staff } : {}),
  };
}

/** Every table suggestionInput reads, for the transaction that accepts suggestions. */
const suggestionTables = (db: WorkspaceDb) => [
  ...teamTables(db),
  db.funders,
  db.grantApplications,
  db.agreements,
  db.agreementParties,
  db.association,
  db.projects,
  db.projectStaff,
];

export interface SuggestedLine {
  suggestion: BudgetSuggestion;
  /** Whether the budget already holds it with this amount, holds it with another, or not at all. */
  state: SuggestionState;
}

/** The target's suggestions, computed by the domain from the records, each with its state in the budget. */
export async function loadBudgetSuggestions(db: WorkspaceDb, target: BudgetTarget): Promise<SuggestedLine[]> {
  const [input, budget] = await Promise.all([suggestionInput(db, target), findBudget(db, target)]);
  if (!input) return [];
  const lines = budget ? await listBudgetLines(db, budget.id) : [];
  const amountOf = lineAmountResolver(input.applications, input.exercise ?? target.year);
  return suggestBudgetLines(input).map((suggestion) => ({ suggestion, state: suggestionState(suggestion, lines, amountOf) }));
}

export function useBudgetSuggestions(db: WorkspaceDb, target: BudgetTarget): SuggestedLine[] | undefined {
  const projectId = target.scope === 'project' ? target.projectId : '';
  return useLiveQuery(() => loadBudgetSuggestions(db, target), [db, target.scope, target.year, projectId]);
}

/**
 * Accepts the suggestions named by their keys, in one transaction: they are computed again there from the
 * records as they are — never from what a screen showed, which may be older — and each updates the line it
 * matches (same application, or same source, account and précision) or becomes a new line. A key the records
 * no longer suggest (a person taken off the action, a request refused meanwhile) refuses the whole
 * acceptance: nothing is written. Returns the number of lines written.
 */
export async function acceptSuggestions(
  db: WorkspaceDb,
  target: BudgetTarget,
  keys: readonly string[],
  now: Date = new Date(),
): Promise<Validated<number>> {
  return db.transaction('rw', [db.budgets, db.budgetLines, ...suggestionTables(db)], async (): Promise<Validated<number>> => {
    const input = await suggestionInput(db, target);
    if (!input) return { ok: false, errors: { '': 'Action introuvable\u00a0: rien n’a été enregistré.' } };
    const computed = new Map(suggestBudgetLines(input).map((s) => [s.key, s]));
    const suggestions = keys.map((key) => computed.get(key));
    if (suggestions.some((s) => s === undefined)) {
      return {
        ok: false,
        errors: {
          '': 'Les suggestions ont changé entre-temps (équipe, demandes ou conventions modifiées)\u00a0: rien n’a été enregistré.',
        },
      };
    }
    const checked: { suggestion: BudgetSuggestion; line: BudgetLine }[] = [];
    for (const suggestion of suggestions as BudgetSuggestion[]) {
      const line = validateLine(
        {
          account: suggestion.account,
          label: suggestion.label,
          amountCents: suggestion.amountCents,
          source: suggestion.source,
          funderId: suggestion.funderId,
          grantApplicationId: suggestion.grantApplicationId,
        },
        'pending',
        target.scope,
      );
      if (!line.ok) return line;
      checked.push({ suggestion, line: line.value });
    }
    const budget = await getOrCreateBudget(db, target, now);
    const lines = live(await db.budgetLines.where('budgetId').equals(budget.id).toArray());
    for (const { suggestion, line } of checked) {
      const existing = lineForSuggestion(suggestion, lines);
      if (existing) {
        const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = existing;
        const saved = await saveRow(db.budgetLines, { ref: { id } }, { ...fields, amountCents: line.amountCents }, now);
        if (saved.ok) lines.splice(lines.indexOf(existing), 1, saved.value);
      } else {
        const position = lines.filter((l) => l.account === line.account).reduce((max, l) => Math.max(max, l.position + 1), 0);
        lines.push(await createRow(db.budgetLines, { ...line, budgetId: budget.id, position }, now));
      }
    }
    return { ok: true, value: checked.length };
  });
}

export interface BudgetView {
  budget: BudgetRecord | null;
  lines: BudgetLineRecord[];
  applications: GrantApplicationRecord[];
  funders: FunderRecord[];
  /** The association's exercise the budget is for (its profile's dates), what linked lines take their share of. */
  exercise: AccountingExercise;
}

/** The target's budget and lines, with what linked lines need (applications, funders, the exercise). */
export async function loadBudgetView(db: WorkspaceDb, target: BudgetTarget): Promise<BudgetView> {
  const [budget, applications, funders, profile] = await Promise.all([
    findBudget(db, target),
    db.grantApplications.toArray(),
    db.funders.toArray(),
    db.association.get(db.workspaceId),
  ]);
  return {
    budget: budget ?? null,
    lines: budget ? await listBudgetLines(db, budget.id) : [],
    applications: live(applications),
    funders: live(funders),
    exercise: exerciseStartingIn(exerciseCalendar(profile), target.year),
  };
}

export function useBudgetView(db: WorkspaceDb, target: BudgetTarget): BudgetView | undefined {
  const projectId = target.scope === 'project' ? target.projectId : '';
  return useLiveQuery(() => loadBudgetView(db, target), [db, target.scope, target.year, projectId]);
}
