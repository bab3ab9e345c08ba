// Calendar-day arithmetic on ISO dates for prorating (ETPT, salaries, aid). Day numbers count days since
// 1970-01-01 in UTC, so no time zone or daylight-saving change can make a day last 23 or 25 hours.

import { addMonths, lastDayOfMonth } from 'date-fns';
import { dateFromIso, formatIsoFromDate, type IsoDate } from '../dates';

const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function isoFromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month → 28 Feb). */
export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return formatIsoFromDate(addMonths(dateFromIso(iso), months));
}

/**
 * The last day of a period of `months` months that starts on `start`, counted date to date (the rule of
 * Code du travail L1242-8, L1221-19 and of every « durée de n mois » in the Code civil, art. 2229 and
 * 641 CPC: the period ends on the eve of the same day `months` later). When that day does not exist — a
 * period from 31 August or from 29 February — the period ends on the last day of the month instead: 18 months
 * from 31 Aug 2024 end on 28 Feb 2026, 12 months from 29 Feb 2024 end on 28 Feb 2025. The one month
 * arithmetic for every rule that counts months (CDD maxima, trial periods, terms, CPO years).
 */
export function periodEndAfterMonths(start: IsoDate, months: number): IsoDate {
  const sameDayLater = addMonthsIso(start, months);
  const clamped = sameDayLater.slice(8, 10) !== start.slice(8, 10);
  return clamped ? sameDayLater : addDaysIso(sameDayLater, -1);
}

export function addYearsIso(iso: IsoDate, years: number): IsoDate {
  return addMonthsIso(iso, 12 * years);
}

/** Days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

export function daysInYear(year: number): number {
  return daysInclusive(`${year}-01-01`, `${year}-12-31`);
}

export function yearStart(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01`;
}

export function yearEnd(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-12-31`;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Whether [fromA, toA] and [fromB, toB] share a day; a missing end is open-ended. */
export function periodsOverlap(fromA: IsoDate, toA: IsoDate | undefined, fromB: IsoDate, toB: IsoDate | undefined): boolean {
  return (toB === undefined || fromA <= toB) && (toA === undefined || fromB <= toA);
}

/**
 * Splits [from, to] into calendar-month pieces: for each, the days covered and the days in that month.
 * Monthly amounts (salaries, aid) are prorated with it: covered ÷ days in the month.
 */
export function monthPieces(from: IsoDate, to: IsoDate): Array<{ covered: number; monthDays: number }> {
  const pieces: Array<{ covered: number; monthDays: number }> = [];
  let cursor = from;
  while (cursor <= to) {
    const monthEnd = formatIsoFromDate(lastDayOfMonth(dateFromIso(cursor)));
    const pieceEnd = minIso(monthEnd, to);
    pieces.push({ covered: daysInclusive(cursor, pieceEnd), monthDays: Number(monthEnd.slice(8, 10)) });
    cursor = addDaysIso(monthEnd, 1);
  }
  return pieces;
}

/** The same calendar-month pieces with their dates, for amounts that change from one month to the next. */
export function monthSpans(from: IsoDate, to: IsoDate): Array<{ from: IsoDate; to: IsoDate; covered: number; monthDays: number }> {
  const spans: Array<{ from: IsoDate; to: IsoDate; covered: number; monthDays: number }> = [];
  let cursor = from;
  while (cursor <= to) {
    const monthEnd = formatIsoFromDate(lastDayOfMonth(dateFromIso(cursor)));
    const pieceEnd = minIso(monthEnd, to);
    spans.push({ from: cursor, to: pieceEnd, covered: daysInclusive(cursor, pieceEnd), monthDays: Number(monthEnd.slice(8, 10)) });
    cursor = addDaysIso(monthEnd, 1);
  }
  return spans;
}
