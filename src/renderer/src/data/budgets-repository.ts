import { useLiveQuery } from 'dexie-react-hooks';
import {
  budgetSchema,
  budgetLineSchema,
  lineFitsScope,
  type BudgetLine,
  type BudgetLineRecord,
  type BudgetRecord,
} from '../domain/budgets/budget';
import { applicationAmountForYear } from '../domain/budgets/budget-lines';
import { lineForSuggestion, type BudgetSuggestion } from '../domain/budgets/suggestions';
import { exerciseCalendar, exerciseStartingIn } from '../domain/exercise';
import { fieldMessage, firstIssueMessages } from '../domain/fields';
import type { FunderRecord } from '../domain/funding/funder';
import type { GrantApplicationRecord } from '../domain/funding/grant-application';
import type { Validated } from '../domain/record';
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
 * Accepts suggestions in one transaction: each updates the line it matches (same application, or same
 * source, account and précision) or becomes a new line. Returns the number of lines written.
 */
export async function acceptSuggestions(
  db: WorkspaceDb,
  target: BudgetTarget,
  suggestions: readonly BudgetSuggestion[],
  now: Date = new Date(),
): Promise<Validated<number>> {
  const checked: BudgetLine[] = [];
  for (const s of suggestions) {
    const line = validateLine(
      {
        account: s.account,
        label: s.label,
        amountCents: s.amountCents,
        source: s.source,
        funderId: s.funderId,
        grantApplicationId: s.grantApplicationId,
      },
      'pending',
      target.scope,
    );
    if (!line.ok) return line;
    checked.push(line.value);
  }
  return db.transaction('rw', [db.budgets, db.budgetLines, db.projects, db.grantApplications], async () => {
    const budget = await getOrCreateBudget(db, target, now);
    const lines = live(await db.budgetLines.where('budgetId').equals(budget.id).toArray());
    for (const [index, line] of checked.entries()) {
      const suggestion = suggestions[index];
      if (suggestion === undefined) continue;
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
    return { ok: true as const, value: checked.length };
  });
}

export interface BudgetView {
  budget: BudgetRecord | null;
  lines: BudgetLineRecord[];
  applications: GrantApplicationRecord[];
  funders: FunderRecord[];
}

/** The target's budget and lines, with what linked lines need (applications, funders). */
export async function loadBudgetView(db: WorkspaceDb, target: BudgetTarget): Promise<BudgetView> {
  const [budget, applications, funders] = await Promise.all([findBudget(db, target), db.grantApplications.toArray(), db.funders.toArray()]);
  return {
    budget: budget ?? null,
    lines: budget ? await listBudgetLines(db, budget.id) : [],
    applications: live(applications),
    funders: live(funders),
  };
}

export function useBudgetView(db: WorkspaceDb, target: BudgetTarget): BudgetView | undefined {
  const projectId = target.scope === 'project' ? target.projectId : '';
  return useLiveQuery(() => loadBudgetView(db, target), [db, target.scope, target.year, projectId]);
}
