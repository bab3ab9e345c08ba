import { BUDGET_CHAPTERS, budgetAccount, isGrantAccount, type BudgetSide } from './accounts';
import type { BudgetLine } from './budget';

// What a budget adds up to (DOMAIN.md §5): totals per account and per chapter, total charges (60–69 and
// the indirect charges of an action), total produits (70–79 and the action's own resources), the gap the
// Cerfa wants at zero, and the contributions volontaires en nature (86 emplois = 87 contributions), which
// sit below the totals and balance on their own.
//
// Amounts are integer cents of whole euros; a linked 74 line's amount is the one its grant application
// gives (budget-lines.ts), passed in as `amountOf`.

export type AmountedLine = Pick<BudgetLine, 'account' | 'amountCents'> & Partial<Pick<BudgetLine, 'grantApplicationId' | 'funderId'>>;

/** The amount a line counts for; by default its stored amount. */
export type LineAmount<L extends AmountedLine = AmountedLine> = (line: L) => number;

export interface BudgetTotals {
  /** Sum per account code ('64.salaries', '74.municipality', '861'…); only accounts with lines. */
  byAccount: Record<string, number>;
  /** Sum per Cerfa chapter ('60', '74', 'CI', '86'…); only chapters with lines. */
  byChapter: Record<string, number>;
  chargesCents: number;
  productsCents: number;
  /** Charges − produits: positive when charges exceed produits (a deficit), negative for a surplus. */
  gapCents: number;
  balanced: boolean;
  /** 86 – emplois des contributions volontaires en nature. */
  contributionUsesCents: number;
  /** 87 – contributions volontaires en nature. */
  contributionResourcesCents: number;
  /** 86 − 87. */
  contributionGapCents: number;
  contributionsBalanced: boolean;
}

const storedAmount = (line: AmountedLine) => line.amountCents;

/** Lines on an unknown account are left out of every total (the repository refuses them anyway). */
export function budgetTotals<L extends AmountedLine>(lines: readonly L[], amountOf: LineAmount<L> = storedAmount): BudgetTotals {
  const byAccount: Record<string, number> = {};
  const byChapter: Record<string, number> = {};
  const bySide: Record<BudgetSide, number> = { charge: 0, product: 0, 'contribution-use': 0, 'contribution-resource': 0 };
  for (const line of lines) {
    const account = budgetAccount(line.account);
    if (!account) continue;
    const amount = amountOf(line);
    byAccount[account.code] = (byAccount[account.code] ?? 0) + amount;
    byChapter[account.chapter] = (byChapter[account.chapter] ?? 0) + amount;
    bySide[account.side] += amount;
  }
  const gapCents = bySide.charge - bySide.product;
  const contributionGapCents = bySide['contribution-use'] - bySide['contribution-resource'];
  return {
    byAccount,
    byChapter,
    chargesCents: bySide.charge,
    productsCents: bySide.product,
    gapCents,
    balanced: gapCents === 0,
    contributionUsesCents: bySide['contribution-use'],
    contributionResourcesCents: bySide['contribution-resource'],
    contributionGapCents,
    contributionsBalanced: contributionGapCents === 0,
  };
}

/** The chapters in Cerfa order, each with its total (0 when it has no line), for a table or a PDF. */
export function chapterRows(totals: BudgetTotals, side: BudgetSide): { chapter: string; label: string; totalCents: number }[] {
  return BUDGET_CHAPTERS.filter((c) => c.side === side).map((c) => ({
    chapter: c.chapter,
    label: c.label,
    totalCents: totals.byChapter[c.chapter] ?? 0,
  }));
}

/** Which 74 lines count as « la subvention »: those linked to these applications, or of these funders. */
export interface GrantSelection {
  grantApplicationIds?: readonly string[];
  funderIds?: readonly string[];
}

export interface GrantShare {
  grantCents: number;
  productsCents: number;
  /** Percentage of the total produits, rounded to one decimal; null when there are no produits. */
  percent: number | null;
}

/**
 * « La subvention représente X % du total des produits » (DOMAIN.md §5, Cerfa §6). Without a selection
 * every 74 line (subventions d'exploitation) counts; with one, only the 74 lines linked to one of the
 * applications or carrying one of the funders.
 */
export function grantShare<L extends AmountedLine>(
  lines: readonly L[],
  selection: GrantSelection = {},
  amountOf: LineAmount<L> = storedAmount,
): GrantShare {
  const apps = selection.grantApplicationIds ? new Set(selection.grantApplicationIds) : undefined;
  const funders = selection.funderIds ? new Set(selection.funderIds) : undefined;
  const selected = (line: L) => {
    if (apps === undefined && funders === undefined) return true;
    return (
      (apps !== undefined && line.grantApplicationId !== undefined && apps.has(line.grantApplicationId)) ||
      (funders !== undefined && line.funderId !== undefined && funders.has(line.funderId))
    );
  };
  const grantCents = lines.filter((line) => isGrantAccount(line.account) && selected(line)).reduce((sum, line) => sum + amountOf(line), 0);
  const { productsCents } = budgetTotals(lines, amountOf);
  return { grantCents, productsCents, percent: percentOf(grantCents, productsCents) };
}

/** part ÷ whole as a percentage rounded to one decimal (halves up); null when the whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

const percentFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** `42.5` → `42,5 %`, `50` → `50 %` (no-break space before the sign, as French typography wants). */
export function formatPercent(percent: number): string {
  return `${percentFormat.format(percent)}\u00a0%`;
}
