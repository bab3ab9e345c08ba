import { differenceInCalendarDays } from 'date-fns';
import { dateFromIso, type IsoDate } from '../dates';
import { committedCents, exercisesOf, reached, type GrantApplication } from '../funding/grant-application';
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
  if (reached(app.status, 'granted')) return app.agreedCents !== undefined ? 'agreed' : 'granted';
  return 'requested';
}

/** The application's amount on its basis (whole period), in cents. */
export function applicationAmountCents(app: ApplicationAmounts): number {
  const basis = applicationBasis(app);
  if (basis === 'refused') return 0;
  if (basis === 'requested') return app.requestedCents;
  return committedCents(app) ?? app.requestedCents;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(dateFromIso(to), dateFromIso(from)) + 1;
}

function daysInCalendarYear(from: IsoDate, to: IsoDate, year: number): number {
  const start = from > `${year}-01-01` ? from : `${year}-01-01`;
  const end = to < `${year}-12-31` ? to : `${year}-12-31`;
  return start <= end ? daysBetween(start, end) : 0;
}

/**
 * What the application brings to a budget of `year`, in whole euros (cents). An annual application counts
 * in full. A multi-year one (CPO) is split evenly between its exercises (exercisesOf), and each exercise
 * counts in `year` for the days it has in that calendar year: a CPO of 90 000 € over 2026–2028 gives
 * 30 000 € to 2027; one running September to August gives 4/12-ish of an exercise to its first year.
 */
export function applicationAmountForYear(app: ApplicationAmounts, year: number): number {
  const total = applicationAmountCents(app);
  if (!app.multiYear) return roundToWholeEuros(total);
  const exercises = exercisesOf(app);
  const perExercise = total / exercises.length;
  const share = exercises.reduce(
    (sum, ex) => sum + (perExercise * daysInCalendarYear(ex.start, ex.end, year)) / daysBetween(ex.start, ex.end),
    0,
  );
  return roundToWholeEuros(share);
}

export type ResolvableLine = Pick<BudgetLine, 'account' | 'amountCents' | 'grantApplicationId'>;

/**
 * The amount each line counts for in a budget of `year`: a line linked to an application found among
 * `applications` (out of the bin) follows it; any other line — and a line whose application was deleted —
 * keeps its stored amount. Pass the result to budgetTotals / grantShare.
 */
export function lineAmountResolver(
  applications: readonly (ApplicationAmounts & { id: string; deletedAt?: string | null })[],
  year: number,
): (line: ResolvableLine) => number {
  const byId = new Map(applications.filter((a) => !a.deletedAt).map((a) => [a.id, a]));
  return (line) => {
    const app = line.grantApplicationId === undefined ? undefined : byId.get(line.grantApplicationId);
    return app ? applicationAmountForYear(app, year) : line.amountCents;
  };
}

/** Whether the line's amount comes from an application rather than from the user. */
export function followsApplication(
  line: Pick<BudgetLine, 'grantApplicationId'>,
  applications: readonly { id: string; deletedAt?: string | null }[],
): boolean {
  return line.grantApplicationId !== undefined && applications.some((a) => a.id === line.grantApplicationId && !a.deletedAt);
}

/** Every line with the amount it counts for (`effectiveCents`). */
export function resolveLines<L extends ResolvableLine>(
  lines: readonly L[],
  applications: Parameters<typeof lineAmountResolver>[0],
  year: number,
): (L & { effectiveCents: number })[] {
  const amountOf = lineAmountResolver(applications, year);
  return lines.map((line) => ({ ...line, effectiveCents: amountOf(line) }));
}
