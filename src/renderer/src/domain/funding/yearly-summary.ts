import type { IsoDate } from '../dates';
import { isPublicFunder, type Funder } from './funder';
import { committedCents, type GrantApplication } from './grant-application';
import { isPaymentOverdue, paidCents, type Payment } from './payment';

// The yearly summary by funder that associations keep in a spreadsheet: demandé, accordé, conventionné,
// versé and reste à percevoir. An application belongs to the year its period starts in; its amounts are for
// its whole period (a CPO counts once, in its first year).

/** Above this, public grants of the year oblige the association to publish its accounts (DOMAIN.md §4). */
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
  latePaymentCount: number;
  latePaymentCents: number;
}

export interface YearlySummary {
  year: number;
  rows: SummaryRow[];
  totals: Omit<SummaryRow, 'funderId' | 'funderName'>;
  /** Accordé by public funders, refusals excluded: what the 153 000 € rule looks at. */
  publicGrantedCents: number;
  publicationRequired: boolean;
}

export function applicationYear(app: Pick<GrantApplication, 'periodStart'>): number {
  return Number(app.periodStart.slice(0, 4));
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
  year: number,
  today: IsoDate,
): YearlySummary {
  const funderById = new Map(funders.map((f) => [f.id, f]));
  const rowsByFunder = new Map<string, SummaryRow>();
  let publicGrantedCents = 0;

  for (const app of applications) {
    if (applicationYear(app) !== year) continue;
    const funder = funderById.get(app.funderId);
    const own = payments.filter((p) => p.applicationId === app.id);
    const paid = paidCents(own);
    const late = own.filter((p) => isPaymentOverdue(p, today));
    const row =
      rowsByFunder.get(app.funderId) ??
      emptyRow(app.funderId, funder?.name ?? 'Financeur supprimé');
    row.applicationCount += 1;
    row.requestedCents += app.requestedCents;
    if (app.status !== 'refused') {
      row.grantedCents += app.grantedCents ?? 0;
      row.agreedCents += app.agreedCents ?? 0;
      if (funder && isPublicFunder(funder.kind)) publicGrantedCents += app.grantedCents ?? 0;
    }
    row.paidCents += paid;
    row.remainingCents += remainingCents(app, paid);
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
      latePaymentCount: t.latePaymentCount + r.latePaymentCount,
      latePaymentCents: t.latePaymentCents + r.latePaymentCents,
    }),
    emptyTotals(),
  );
  return {
    year,
    rows,
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
    latePaymentCount: 0,
    latePaymentCents: 0,
  };
}

/** The years that have applications, newest first, for the year picker. */
export function summaryYears(applications: readonly Pick<GrantApplication, 'periodStart'>[]): number[] {
  return [...new Set(applications.map(applicationYear))].sort((a, b) => b - a);
}
