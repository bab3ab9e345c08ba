import { format } from 'date-fns';
import { fr } from 'date-fns/locale/fr';
import { dateFromIso, type IsoDate } from '../dates';
import { reached, type GrantApplication } from '../funding/grant-application';
import type { Payment } from '../funding/payment';
import { contractTerms, amendmentsOf } from '../team/amendment';
import { monthlySmicAidCents, type AidedPostRecord } from '../team/aided-post';
import type { ContractRecord } from '../team/contract';
import { addDaysIso, addMonthsIso, daysInclusive, daysInYear, maxIso, minIso, monthPieces } from '../team/day-count';
import { aidWorkingTimeShare, type TeamData } from '../team/team-year';

// Trésorerie: the cash ahead, month by month, for twelve months. What keeps a coordinator awake is paying
// salaries every month while grants arrive months late; the app knows both, so it adds them up:
//
// - the start: the balance the user read on the bank statement, on its date (the forecast begins that
//   month; a flow counts when it falls after that day);
// - inflows: the tranches still expected of the requests granted (accordée or further — a request filed
//   or being prepared is not money yet), on their expected date; a tranche whose date has passed without
//   being received is counted on today's date and flagged « en retard »; the aids of aided posts (ASP for
//   PEC and adulte-relais, FONJEP…) at their payment rhythm — monthly at each month's end, quarterly at the
//   end of each calendar quarter, yearly on each anniversary of the aid's start for the twelve months ahead;
// - outflows: each contract's gross salary plus employer charges (its rate), month by month at the month's
//   end, the terms of its avenants included; a contract starting or ending within a month is prorated by
//   calendar days — gross × days covered ÷ days in the month, as the team's yearly costs are (team-year.ts);
//   charges are counted in the month of the salary (URSSAF's actual due date, the 5th or 15th of the next
//   month, is left aside); recurring lines the user adds (rent, insurance…) at their rhythm.
//
// Amounts are integer cents; each flow is rounded once, the month's totals add rounded flows.

export type CashRhythm = 'monthly' | 'quarterly' | 'yearly';

export interface RecurringLine {
  id: string;
  label: string;
  direction: 'in' | 'out';
  amountCents: number;
  rhythm: CashRhythm;
  /** The date of the first occurrence; later ones fall on the same day of the month (clamped to its end). */
  firstDate: IsoDate;
  lastDate?: IsoDate | undefined;
}

export interface OpeningBalance {
  date: IsoDate;
  amountCents: number;
}

export type CashFlowKind = 'tranche' | 'aid' | 'salary' | 'recurring';

export interface CashFlow {
  date: IsoDate;
  kind: CashFlowKind;
  direction: 'in' | 'out';
  label: string;
  amountCents: number;
  /** A tranche past its expected date, not received. */
  late?: boolean;
  sourceId: string;
}

export interface CashMonth {
  /** `yyyy-MM`. */
  month: string;
  start: IsoDate;
  end: IsoDate;
  openingCents: number;
  inCents: number;
  outCents: number;
  closingCents: number;
  negative: boolean;
  lateCents: number;
  flows: CashFlow[];
}

export interface CashForecastInput {
  today: IsoDate;
  opening: OpeningBalance | undefined;
  applications: readonly (Pick<GrantApplication, 'title' | 'status' | 'paidOn' | 'reportSubmittedOn'> & {
    id: string;
  })[];
  payments: readonly (Pick<Payment, 'applicationId' | 'expectedDate' | 'expectedCents' | 'receivedDate' | 'label'> & {
    id: string;
  })[];
  /** Live records only, like the rest: the repositories leave the bin out (data/live-records.ts). */
  team: TeamData;
  /** Names of the people, for the salary lines. */
  personName?: (personId: string) => string;
  recurring: readonly RecurringLine[];
  months?: number;
}

export interface CashForecast {
  /** The day the balance is known (the opening's date, else today with a zero balance). */
  from: IsoDate;
  openingKnown: boolean;
  months: CashMonth[];
  /** The first month whose closing balance is below zero. */
  firstNegative: CashMonth | undefined;
}

const monthStart = (date: IsoDate) => `${date.slice(0, 7)}-01`;
const monthEnd = (date: IsoDate) => addDaysIso(addMonthsIso(monthStart(date), 1), -1);
const daysIn = (date: IsoDate) => Number(monthEnd(date).slice(8, 10));

/** Days of [from, to] that fall in the month of `month`. */
function coveredDays(month: IsoDate, from: IsoDate, to: IsoDate | undefined): number {
  const start = maxIso(monthStart(month), from);
  const end = to === undefined ? monthEnd(month) : minIso(monthEnd(month), to);
  return start > end ? 0 : Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A contract's gross for one month, prorated by calendar days, its avenants' terms included. */
export function monthlyGrossCents(contract: ContractRecord, ownAmendments: Parameters<typeof contractTerms>[1], month: IsoDate): number {
  let gross = 0;
  for (const segment of contractTerms(contract, ownAmendments)) {
    gross += (segment.grossMonthlyCents * coveredDays(month, segment.from, segment.to)) / daysIn(month);
  }
  return gross;
}

/**
 * An aided post's aid for the days of [from, to] within the aid's period (unrounded): an annual amount by
 * days over the days of the year, a rate of the SMIC by the monthly formula prorated by days of each month.
 */
function aidBetween(post: AidedPostRecord, from: IsoDate, to: IsoDate): number {
  const start = maxIso(from, post.aidStartDate);
  const end = minIso(to, post.aidEndDate);
  if (start > end) return 0;
  if (post.aidMode === 'annual') return ((post.annualAidCents ?? 0) * daysInclusive(start, end)) / daysInYear(Number(start.slice(0, 4)));
  return monthPieces(start, end).reduce((sum, piece) => sum + (monthlySmicAidCents(post) * piece.covered) / piece.monthDays, 0);
}

function occurrences(first: IsoDate, stepMonths: number, until: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let i = 0; i < 1200; i++) {
    const date = addMonthsIso(first, i * stepMonths);
    if (date > until) break;
    dates.push(date);
  }
  return dates;
}

const STEP: Record<CashRhythm, number> = { monthly: 1, quarterly: 3, yearly: 12 };

export function cashForecast(input: CashForecastInput): CashForecast {
  const count = input.months ?? 12;
  const from = input.opening?.date ?? input.today;
  const first = monthStart(from);
  const last = monthEnd(addMonthsIso(first, count - 1));
  const flows: CashFlow[] = [];
  const inWindow = (date: IsoDate) => date > from && date <= last;

  // Tranches still expected of granted requests.
  const granted = new Map(
    input.applications.filter((a) => a.status !== 'refused' && reached(a.status, 'granted', a)).map((a) => [a.id, a]),
  );
  const lateDate = maxIso(input.today, addDaysIso(from, 1));
  for (const p of input.payments) {
    const app = granted.get(p.applicationId);
    if (p.receivedDate !== undefined || !app) continue;
    // Expected on or before the balance's day and still not received: not in the bank, so still to come.
    const late = p.expectedDate < input.today;
    const date = p.expectedDate <= from || late ? lateDate : p.expectedDate;
    if (!inWindow(date)) continue;
    flows.push({
      date,
      kind: 'tranche',
      direction: 'in',
      label: p.label ? `${app.title} — ${p.label}` : app.title,
      amountCents: p.expectedCents,
      ...(late ? { late: true } : {}),
      sourceId: p.id,
    });
  }

  const team = input.team;
  const name = input.personName ?? (() => 'Salarié·e');
  // Salaries and employer charges, at each month's end.
  for (const contract of team.contracts) {
    const own = amendmentsOf(contract.id, team.amendments);
    for (let m = 0; m < count; m++) {
      const month = addMonthsIso(first, m);
      const gross = monthlyGrossCents(contract, own, month);
      if (gross <= 0) continue;
      const date = monthEnd(month);
      if (!inWindow(date)) continue;
      flows.push({
        date,
        kind: 'salary',
        direction: 'out',
        label: `Salaire et charges — ${name(contract.personId)}`,
        amountCents: Math.round(gross * (1 + contract.employerChargesRate / 100)),
        sourceId: contract.id,
      });
    }
  }

  // Aids of aided posts, at their rhythm.
  const contracts = new Map(team.contracts.map((c) => [c.id, c]));
  for (const post of team.aidedPosts) {
    const contract = contracts.get(post.contractId);
    if (!contract) continue;
    const share = aidWorkingTimeShare(post, contract);
    const label = `Aide ${post.funder ?? post.scheme.toUpperCase()} — ${name(contract.personId)}`;
    const payments = new Map<IsoDate, number>();
    const add = (date: IsoDate, cents: number) => payments.set(date, (payments.get(date) ?? 0) + cents);
    if (post.paymentRhythm === 'yearly') {
      // Paid on each anniversary of the aid's start, for the twelve months it opens.
      for (const anniversary of occurrences(post.aidStartDate, 12, minIso(post.aidEndDate, last))) {
        add(anniversary, aidBetween(post, anniversary, addDaysIso(addMonthsIso(anniversary, 12), -1)));
      }
    } else {
      // Monthly (and « autre », taken as monthly) at each month's end; quarterly at the end of the calendar
      // quarter (31 March, 30 June…) for the quarter's months.
      for (let m = -2; m < count; m++) {
        const month = addMonthsIso(first, m);
        const amount = aidBetween(post, month, monthEnd(month));
        if (amount === 0) continue;
        const quarterEnd = monthEnd(addMonthsIso(month, 2 - ((Number(month.slice(5, 7)) - 1) % 3)));
        add(post.paymentRhythm === 'quarterly' ? quarterEnd : monthEnd(month), amount);
      }
    }
    for (const [date, cents] of payments) {
      if (!inWindow(date) || cents <= 0) continue;
      flows.push({ date, kind: 'aid', direction: 'in', label, amountCents: Math.round(cents * share), sourceId: post.id });
    }
  }

  // Recurring lines the user added.
  for (const line of input.recurring) {
    for (const date of occurrences(line.firstDate, STEP[line.rhythm], minIso(line.lastDate ?? last, last))) {
      if (!inWindow(date)) continue;
      flows.push({
        date,
        kind: 'recurring',
        direction: line.direction,
        label: line.label,
        amountCents: line.amountCents,
        sourceId: line.id,
      });
    }
  }

  flows.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label, 'fr'));
  const months: CashMonth[] = [];
  let balance = input.opening?.amountCents ?? 0;
  for (let m = 0; m < count; m++) {
    const start = addMonthsIso(first, m);
    const end = monthEnd(start);
    const own = flows.filter((f) => f.date >= start && f.date <= end);
    const inCents = own.filter((f) => f.direction === 'in').reduce((s, f) => s + f.amountCents, 0);
    const outCents = own.filter((f) => f.direction === 'out').reduce((s, f) => s + f.amountCents, 0);
    const openingCents = balance;
    balance = openingCents + inCents - outCents;
    months.push({
      month: start.slice(0, 7),
      start,
      end,
      openingCents,
      inCents,
      outCents,
      closingCents: balance,
      negative: balance < 0,
      lateCents: own.filter((f) => f.late).reduce((s, f) => s + f.amountCents, 0),
      flows: own,
    });
  }
  return { from, openingKnown: input.opening !== undefined, months, firstNegative: months.find((m) => m.negative) };
}

/** « mars 2027 » for a forecast month (`yyyy-MM`). */
export function cashMonthLabel(month: string): string {
  return format(dateFromIso(`${month}-01`), 'MMMM yyyy', { locale: fr });
}

/** The dashboard's and the screen's warning: « Trésorerie négative prévue en mars 2027 ». */
export function negativeCashWarning(forecast: CashForecast): string | undefined {
  return forecast.firstNegative ? `Trésorerie négative prévue en ${cashMonthLabel(forecast.firstNegative.month)}` : undefined;
}

/** « nov. 26 », for a chart's axis. */
export function cashMonthShort(month: string): string {
  return format(dateFromIso(`${month}-01`), 'MMM yy', { locale: fr });
}
