import { asExercise, exerciseShareCents, type YearOrExercise } from '../exercise';
import { committedCents, grantedOrLater, type GrantApplication } from '../funding/grant-application';
import type { BudgetLine } from './budget';

// A 74 line linked to a grant application follows the application (DOMAIN.md §5): its amount is not typed
// in the budget but read from the application, so a vote or a convention reaches every budget at once.

type ApplicationAmounts = Pick<
  GrantApplication,
  'status' | 'requestedCents' | 'grantedCents' | 'agreedCents' | 'periodStart' | 'periodEnd' | 'multiYear'
>;

/** Whole euros, halves up, in cents: the Cerfa budgets hold no centimes. */
export function roundToWholeEuros(cents: number): number {
  return Math.round(cents / 100) * 100;
}

/** Which of the application's amounts a budget counts. */
export type ApplicationBasis = 'agreed' | 'granted' | 'requested' | 'refused';

/**
 * Accordé once decided (conventionné when set), demandé while it is being prepared or examined. A refused
 * application finances nothing: its line counts 0 (a budget still showing the demandé would be balanced
 * on money that will not come).
 */
export function applicationBasis(app: Pick<ApplicationAmounts, 'status' | 'agreedCents' | 'grantedCents'>): ApplicationBasis {
  if (app.status === 'refused' || (app.status === 'closed' && app.grantedCents === undefined)) return 'refused';
  if (grantedOrLater(app)) return app.agreedCents !== undefined ? 'agreed' : 'granted';
  return 'requested';
}

/** The application's amount on its basis (whole period), in cents. */
export function applicationAmountCents(app: ApplicationAmounts): number {
  const basis = applicationBasis(app);
  if (basis === 'refused') return 0;
  if (basis === 'requested') return app.requestedCents;
  return committedCents(app) ?? app.requestedCents;
}

/**
 * What the application brings to the budget of an exercise, in whole euros (cents): its amount pro rata
 * temporis of the days of its period in the exercise (DOMAIN.md §4, the same rule as the yearly summary and
 * the publication threshold). A September–August grant of 12 000 € gives 4 011 € (122 of 365 days) to a
 * calendar-year budget and the rest to the next, never 12 000 € to both; a CPO of 90 000 € over 2026–2028
 * gives 29 973 € to 2027 (365 of 1 096 days). A bare year is the calendar year.
 */
export function applicationAmountForYear(app: ApplicationAmounts, period: YearOrExercise): number {
  const share = exerciseShareCents(applicationAmountCents(app), { start: app.periodStart, end: app.periodEnd }, asExercise(period));
  return roundToWholeEuros(share);
}

export type ResolvableLine = Pick<BudgetLine, 'account' | 'amountCents' | 'grantApplicationId'>;

/**
 * The amount each line counts for in a budget of `year`: a line linked to an application found among
 * `applications` (out of the bin: the repositories filter it) follows it; any other line — and a line whose
 * application was deleted — keeps its stored amount. Pass the result to budgetTotals / grantShare.
 */
export function lineAmountResolver(
  applications: readonly (ApplicationAmounts & { id: string })[],
  year: YearOrExercise,
): (line: ResolvableLine) => number {
  const byId = new Map(applications.map((a) => [a.id, a]));
  return (line) => {
    const app = line.grantApplicationId === undefined ? undefined : byId.get(line.grantApplicationId);
    return app ? applicationAmountForYear(app, year) : line.amountCents;
  };
}

/** Every line with the amount it counts for (`effectiveCents`). */
export function resolveLines<L extends ResolvableLine>(
  lines: readonly L[],
  applications: Parameters<typeof lineAmountResolver>[0],
  year: YearOrExercise,
): (L & { effectiveCents: number })[] {
  const amountOf = lineAmountResolver(applications, year);
  return lines.map((line) => ({ ...line, effectiveCents: amountOf(line) }));
}
