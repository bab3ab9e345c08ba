import { BUDGET_ACCOUNTS, BUDGET_CHAPTERS, budgetAccount, type BudgetSide } from '../budgets/accounts';
import type { BudgetLine } from '../budgets/budget';
import { funderKindShortLabel, type FunderRecord } from '../funding/funder';

// How a dossier prints a budget (Cerfa §5 and §6): the lines grouped by chapter in the form's order. The
// totals are budgets/budget-totals.ts's, the same the budget screens show. Whole euros: a line is stored in
// whole-euro cents already.

export type DossierBudgetLine = Pick<BudgetLine, 'account' | 'label' | 'amountCents'> & { funderId?: string | undefined };

/** A line's amount; a line saved without one counts for nothing. */
export function lineCents(line: Pick<DossierBudgetLine, 'amountCents'>): number {
  return line.amountCents ?? 0;
}

export interface BudgetRow {
  kind: 'chapter' | 'line';
  label: string;
  amountCents: number;
}

export type NamedFunder = Pick<FunderRecord, 'id' | 'name'> & { service?: string | undefined };

/**
 * What a budget prints for a line. A 74 line names its funder after the funder kind (« Commune : Ville de
 * Saint-Denis »), never the form's own instruction (« État (préciser le ou les ministères…) ») as if it were
 * the answer; one without a funder says it is to be specified, and the checklist asks for it.
 */
export function budgetLineLabel(line: DossierBudgetLine, funders: readonly NamedFunder[] = []): string {
  const account = budgetAccount(line.account);
  const detail = line.label ? ` — ${line.label}` : '';
  if (account?.funderKind === undefined) return `${account?.label ?? line.account}${detail}`;
  const kind = funderKindShortLabel(account.funderKind);
  const funder = line.funderId === undefined ? undefined : funders.find((f) => f.id === line.funderId);
  // The State line asks for the ministry, direction or service: its service follows the name.
  const service = account.funderKind === 'state' && funder?.service ? ` (${funder.service})` : '';
  if (funder) return `${kind} : ${funder.name}${service}${detail}`;
  return line.label ? `${kind} : ${line.label}` : `${kind} : financeur à préciser`;
}

/**
 * One side of a budget as the Cerfa prints it: each chapter that has lines, with its subtotal, then its
 * lines (account label, and the line's precision after a dash; a 74 line its funder's name).
 */
export function budgetRows(lines: readonly DossierBudgetLine[], side: BudgetSide, funders: readonly NamedFunder[] = []): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const chapter of BUDGET_CHAPTERS.filter((c) => c.side === side)) {
    const accountOrder = BUDGET_ACCOUNTS.filter((a) => a.chapter === chapter.chapter).map((a) => a.code);
    const own = lines
      .filter((line) => budgetAccount(line.account)?.chapter === chapter.chapter)
      .sort((a, b) => accountOrder.indexOf(a.account) - accountOrder.indexOf(b.account));
    if (own.length === 0) continue;
    rows.push({ kind: 'chapter', label: chapter.label, amountCents: own.reduce((sum, line) => sum + lineCents(line), 0) });
    for (const line of own) rows.push({ kind: 'line', label: budgetLineLabel(line, funders), amountCents: lineCents(line) });
  }
  return rows;
}

/** The share a grant takes of an action's products, in whole percent (« la subvention représente … % »). */
export function grantSharePercent(grantCents: number, productsCents: number): number | undefined {
  if (productsCents <= 0) return undefined;
  return Math.round((grantCents / productsCents) * 100);
}
