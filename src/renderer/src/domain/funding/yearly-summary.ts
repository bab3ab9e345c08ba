import type { IsoDate } from '../dates';
import {
  asExercise,
  exerciseShareCents,
  exercisesOverlapping,
  type AccountingExercise,
  type ExerciseCalendar,
  type YearOrExercise,
} from '../exercise';
import { isPublicFunder, type Funder } from './funder';
import { committedCents, type GrantApplication } from './grant-application';
import { isPaymentOverdue, overpaidCents, paidCents, type Payment } from './payment';

// The summary by funder of one exercise that associations keep in a spreadsheet: demandé, accordé,
// conventionné, versé and reste à percevoir. Every application whose period overlaps the exercise is listed
// with its full amounts, and with its « part de l'exercice »: the committed amount (conventionné, else
// accordé) pro rata temporis of the days of its period that fall in the exercise (DOMAIN.md §4, the
// accounting rule for operating grants). Totals that decide something — the publication threshold — use
// the share, so a three-year CPO counts a third-ish in each of its exercises, never whole in its first.

/**
 * Above this, the public grants of an exercise oblige the association to have its accounts certified and to
 * publish them (Code de commerce L612-4, amount set by D612-5: 153 000 €; strictly above).
 */
export const PUBLICATION_THRESHOLD_CENTS = 15_300_000;

type Identified<T> = T & { id: string };

export interface SummaryRow {
  funderId: string;
  funderName: string;
  applicationCount: number;
  requestedCents: number;
  grantedCents: number;
  agreedCents: number;
  paidCents: number;
  /** Conventionné (or accordé when there is no convention) minus versé, never below zero. */
  remainingCents: number;
  /** Received above the committed amount, application by application: shown, never netted into the rest. */
  overpaidCents: number;
  latePaymentCount: number;
  latePaymentCents: number;
  /** The part of the committed amounts that belongs to the exercise (pro rata temporis). */
  exerciseShareCents: number;
}

/** One application of the exercise, with its full amounts and its share. */
export interface SummaryGrant {
  applicationId: string;
  funderName: string;
  title: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Conventionné, else accordé; 0 while undecided or refused. */
  committedCents: number;
  exerciseShareCents: number;
  public: boolean;
}

export interface YearlySummary {
  /** The year the exercise starts in. */
  year: number;
  exercise: AccountingExercise;
  rows: SummaryRow[];
  /** Every application overlapping the exercise, by funder then period. */
  grants: SummaryGrant[];
  totals: Omit<SummaryRow, 'funderId' | 'funderName'>;
  /** The exercise's share of public grants (conventionné, else accordé), refusals excluded: what L612-4 looks at. */
  publicGrantedCents: number;
  publicationRequired: boolean;
}

export function applicationYear(app: Pick<GrantApplication, 'periodStart'>): number {
  return Number(app.periodStart.slice(0, 4));
}

/** The committed amount of an application (0 while undecided or when refused). */
export function committedAmountCents(app: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'>): number {
  return app.status === 'refused' ? 0 : (committedCents(app) ?? 0);
}

/** The part of an application's committed amount that belongs to an exercise, pro rata temporis. */
export function applicationShareCents(
  app: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents' | 'periodStart' | 'periodEnd'>,
  exercise: AccountingExercise,
): number {
  return exerciseShareCents(committedAmountCents(app), { start: app.periodStart, end: app.periodEnd }, exercise);
}

/** Whether an application's period shares a day with the exercise. */
export function overlapsExercise(app: Pick<GrantApplication, 'periodStart' | 'periodEnd'>, exercise: AccountingExercise): boolean {
  return app.periodStart <= exercise.end && app.periodEnd >= exercise.start;
}

/** Reste à percevoir of one application. */
export function remainingCents(app: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'>, paid: number): number {
  if (app.status === 'refused') return 0;
  return Math.max(0, (committedCents(app) ?? 0) - paid);
}

export function yearlySummary(
  funders: readonly Identified<Funder>[],
  applications: readonly Identified<GrantApplication>[],
  payments: readonly Payment[],
  period: YearOrExercise,
  today: IsoDate,
): YearlySummary {
  const exercise = asExercise(period);
  const funderById = new Map(funders.map((f) => [f.id, f]));
  const rowsByFunder = new Map<string, SummaryRow>();
  const grants: SummaryGrant[] = [];
  let publicGrantedCents = 0;

  for (const app of applications) {
    if (!overlapsExercise(app, exercise)) continue;
    const funder = funderById.get(app.funderId);
    const isPublic = funder !== undefined && isPublicFunder(funder.kind);
    const share = applicationShareCents(app, exercise);
    const own = payments.filter((p) => p.applicationId === app.id);
    const paid = paidCents(own);
    const late = own.filter((p) => isPaymentOverdue(p, today));
    const row = rowsByFunder.get(app.funderId) ?? emptyRow(app.funderId, funder?.name ?? 'Financeur supprimé');
    row.applicationCount += 1;
    row.requestedCents += app.requestedCents;
    if (app.status !== 'refused') {
      row.grantedCents += app.grantedCents ?? 0;
      row.agreedCents += app.agreedCents ?? 0;
      if (isPublic) publicGrantedCents += share;
    }
    row.exerciseShareCents += share;
    grants.push({
      applicationId: app.id,
      funderName: row.funderName,
      title: app.title,
      periodStart: app.periodStart,
      periodEnd: app.periodEnd,
      committedCents: committedAmountCents(app),
      exerciseShareCents: share,
      public: isPublic,
    });
    row.paidCents += paid;
    row.remainingCents += remainingCents(app, paid);
    row.overpaidCents += overpaidCents(app, paid);
    row.latePaymentCount += late.length;
    row.latePaymentCents += late.reduce((sum, p) => sum + p.expectedCents, 0);
    rowsByFunder.set(app.funderId, row);
  }

  const rows = [...rowsByFunder.values()].sort((a, b) => a.funderName.localeCompare(b.funderName, 'fr'));
  const totals = rows.reduce(
    (t, r) => ({
      applicationCount: t.applicationCount + r.applicationCount,
      requestedCents: t.requestedCents + r.requestedCents,
      grantedCents: t.grantedCents + r.grantedCents,
      agreedCents: t.agreedCents + r.agreedCents,
      paidCents: t.paidCents + r.paidCents,
      remainingCents: t.remainingCents + r.remainingCents,
      overpaidCents: t.overpaidCents + r.overpaidCents,
      latePaymentCount: t.latePaymentCount + r.latePaymentCount,
      latePaymentCents: t.latePaymentCents + r.latePaymentCents,
      exerciseShareCents: t.exerciseShareCents + r.exerciseShareCents,
    }),
    emptyTotals(),
  );
  grants.sort(
    (a, b) =>
      a.funderName.localeCompare(b.funderName, 'fr') || a.periodStart.localeCompare(b.periodStart) || a.title.localeCompare(b.title, 'fr'),
  );
  return {
    year: exercise.startYear,
    exercise,
    rows,
    grants,
    totals,
    publicGrantedCents,
    publicationRequired: publicGrantedCents > PUBLICATION_THRESHOLD_CENTS,
  };
}

function emptyRow(funderId: string, funderName: string): SummaryRow {
  return { funderId, funderName, ...emptyTotals() };
}

function emptyTotals(): YearlySummary['totals'] {
  return {
    applicationCount: 0,
    requestedCents: 0,
    grantedCents: 0,
    agreedCents: 0,
    paidCents: 0,
    remainingCents: 0,
    overpaidCents: 0,
    latePaymentCount: 0,
    latePaymentCents: 0,
    exerciseShareCents: 0,
  };
}

/** The exercises (by their start year) that applications overlap, newest first, for the picker. */
export function summaryYears(
  applications: readonly Pick<GrantApplication, 'periodStart' | 'periodEnd'>[],
  calendar: ExerciseCalendar,
): number[] {
  const years = new Set<number>();
  for (const app of applications) {
    for (const exercise of exercisesOverlapping(calendar, app.periodStart, app.periodEnd)) years.add(exercise.startYear);
  }
  return [...years].sort((a, b) => b - a);
}
