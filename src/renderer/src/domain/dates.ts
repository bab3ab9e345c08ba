// Dates are stored as ISO `yyyy-MM-dd` strings (DESIGN.md decision 6): they sort as text, survive JSON
// backups unchanged and carry no time zone. They become `Date` objects only at the edges — date-fns
// arithmetic and display — always at local midnight.

import { format } from 'date-fns';
import { fr } from 'date-fns/locale/fr';

/** An ISO `yyyy-MM-dd` calendar date, the storage format. */
export type IsoDate = string;

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Two-digit years are refused on purpose: « 24/11/26 » could be 1926 or 2026 (birth dates, old statutes),
// and a wrong century is an error nobody notices on screen.
const FRENCH_DATE_SHAPE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** True for an existing calendar date written `yyyy-MM-dd`: `2024-02-29` yes, `2026-02-30` no. */
export function isIsoDate(s: string): boolean {
  const match = ISO_DATE_SHAPE.exec(s);
  if (match === null) return false;
  const [, year, month, day] = match;
  return isCalendarDate(Number(year), Number(month), Number(day));
}

/**
 * Reads a date written the French way, day first — `24/11/2026`, also `1/3/2026`, `24.11.2026` or
 * `24-11-2026` — and returns it as ISO, or null when it is not a real date. Four-digit years only.
 */
export function parseFrenchDate(s: string): IsoDate | null {
  const match = FRENCH_DATE_SHAPE.exec(s.trim());
  if (match === null) return null;
  const [, dayText, monthText, yearText] = match;
  const day = Number(dayText);
  const month = Number(monthText);
  const year = Number(yearText);
  if (!isCalendarDate(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The `Date` at local midnight of an ISO date; throws a RangeError for anything else. */
export function dateFromIso(iso: IsoDate): Date {
  const match = ISO_DATE_SHAPE.exec(iso);
  const [, year, month, day] = match ?? [];
  if (!isCalendarDate(Number(year), Number(month), Number(day))) {
    throw new RangeError(`Not an ISO calendar date: "${iso}"`);
  }
  // Not `new Date(y, m, d)`: it maps years 0–99 to 1900–1999.
  const date = new Date(2000, 0, 1);
  date.setFullYear(Number(year), Number(month) - 1, Number(day));
  return date;
}

/** The local calendar day of a `Date`, as ISO. */
export function formatIsoFromDate(d: Date): IsoDate {
  return format(d, 'yyyy-MM-dd');
}

/** Today's local date as ISO; pass `now` from a fixed clock in tests. */
export function todayIso(now: Date = new Date()): IsoDate {
  return formatIsoFromDate(now);
}

/** Orders two ISO dates (for `Array.prototype.sort`): negative if a is earlier, 0 if equal. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

// French writes the first day of a month as an ordinal: « 1er novembre », then « 2 novembre ».
function dayPattern(date: Date): string {
  return date.getDate() === 1 ? "d'er'" : 'd';
}

// date-fns reads its pattern on every call; the deadline engine formats thousands of dates of ten years
// of records, most of them repeated. Each formatter remembers what it has already written.
function remembered(formatOne: (iso: IsoDate) => string): (iso: IsoDate) => string {
  const known = new Map<IsoDate, string>();
  return (iso) => {
    let text = known.get(iso);
    if (text === undefined) {
      text = formatOne(iso);
      // Bounded: a long session with every date of a century stays small.
      if (known.size > 20_000) known.clear();
      known.set(iso, text);
    }
    return text;
  };
}

/** `24 nov. 2026`, `1er janv. 2027` — for lists and screens. */
export const formatDateShort: (iso: IsoDate) => string = remembered((iso) => {
  const date = dateFromIso(iso);
  return format(date, `${dayPattern(date)} MMM yyyy`, { locale: fr });
});

/** `24 novembre 2026`, `1er janvier 2027` — for documents. */
export const formatDateLong: (iso: IsoDate) => string = remembered((iso) => {
  const date = dateFromIso(iso);
  return format(date, `${dayPattern(date)} MMMM yyyy`, { locale: fr });
});
