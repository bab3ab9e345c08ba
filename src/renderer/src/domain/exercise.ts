// The association's exercise (exercice comptable, DOMAIN.md §3 and §4): every yearly figure — ETPT, headcount,
// the five highest salaries, budgets, grant totals, compte-rendu and publication dates — is computed on it,
// never silently on the calendar year. The profile stores one exercise's start and end; every other exercise
// starts on the same day of the same month (the calendar year when the profile says nothing).
//
// An exercise is named by the year it starts in (a budget « 2025 » of a September–August association runs
// from 1 Sept 2025 to 31 Aug 2026), the way budgets are already keyed.

import { addDaysIso, addMonthsIso, daysInclusive, maxIso, minIso } from './team/day-count';
import type { IsoDate } from './dates';

/** Where the association's exercises start: a month (1–12) and a day of that month. */
export interface ExerciseCalendar {
  startMonth: number;
  startDay: number;
}

export interface AccountingExercise {
  /** The year the exercise starts in: its name in budgets and pickers. */
  startYear: number;
  start: IsoDate;
  end: IsoDate;
}

export const CALENDAR_YEAR: ExerciseCalendar = { startMonth: 1, startDay: 1 };

/**
 * The calendar of the profile's exercise dates. A profile without a start date — or with a start after the
 * 28th, which no month-by-month rule can repeat every year — keeps to the calendar year or to that month's
 * first day respectively.
 */
export function exerciseCalendar(profile: { exerciseStart?: IsoDate | null | undefined } | undefined): ExerciseCalendar {
  const start = profile?.exerciseStart;
  if (!start) return CALENDAR_YEAR;
  const month = Number(start.slice(5, 7));
  const day = Number(start.slice(8, 10));
  if (!(month >= 1 && month <= 12)) return CALENDAR_YEAR;
  return { startMonth: month, startDay: day >= 1 && day <= 28 ? day : 1 };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The exercise that starts in `startYear`: twelve months, its last day the eve of the next one's start. */
export function exerciseStartingIn(calendar: ExerciseCalendar, startYear: number): AccountingExercise {
  const start = `${pad(startYear, 4)}-${pad(calendar.startMonth, 2)}-${pad(calendar.startDay, 2)}`;
  return { startYear, start, end: addDaysIso(addMonthsIso(start, 12), -1) };
}

/**
 * What yearly figures take: an exercise, or a bare year for a calendar-year exercise (kept for callers that
 * have no profile at hand; every screen passes the association's exercise).
 */
export type YearOrExercise = number | AccountingExercise;

export function asExercise(period: YearOrExercise): AccountingExercise {
  return typeof period === 'number' ? exerciseStartingIn(CALENDAR_YEAR, period) : period;
}

/** Days of the exercise: 365, or 366 when it holds a 29 February. */
export function exerciseDays(exercise: AccountingExercise): number {
  return daysInclusive(exercise.start, exercise.end);
}

/** The exercise a date falls in. */
export function exerciseContaining(calendar: ExerciseCalendar, date: IsoDate): AccountingExercise {
  const year = Number(date.slice(0, 4));
  const sameYear = exerciseStartingIn(calendar, year);
  return date >= sameYear.start ? sameYear : exerciseStartingIn(calendar, year - 1);
}

/** The exercises that share at least one day with [from, to], in order. */
export function exercisesOverlapping(calendar: ExerciseCalendar, from: IsoDate, to: IsoDate): AccountingExercise[] {
  if (to < from) return [];
  const exercises: AccountingExercise[] = [];
  let current = exerciseContaining(calendar, from);
  while (current.start <= to) {
    exercises.push(current);
    current = exerciseStartingIn(calendar, current.startYear + 1);
  }
  return exercises;
}

/** The last exercise wholly ended on `today` (the reference of the dossier's « moyens humains »). */
export function lastClosedExercise(calendar: ExerciseCalendar, today: IsoDate): AccountingExercise {
  const current = exerciseContaining(calendar, today);
  return exerciseStartingIn(calendar, current.startYear - 1);
}

/** « 2026 » for a calendar-year exercise, « 2025-2026 » for one that straddles two years. */
export function exerciseLabel(exercise: AccountingExercise): string {
  const endYear = Number(exercise.end.slice(0, 4));
  return endYear === exercise.startYear ? String(exercise.startYear) : `${exercise.startYear}-${endYear}`;
}

/**
 * The part of an amount that belongs to [from, to] when the amount covers the period [periodStart, periodEnd],
 * pro rata temporis (the accounting rule for operating grants, DOMAIN.md §4), in whole cents.
 *
 * Rounding is cumulative — the share of a slice is round(amount × days up to its end ÷ days) minus the same
 * up to its start — so the shares of the exercises a period covers always add up to the amount, cent for cent.
 */
export function proRataCents(amountCents: number, periodStart: IsoDate, periodEnd: IsoDate, from: IsoDate, to: IsoDate): number {
  const total = daysInclusive(periodStart, periodEnd);
  if (total === 0) return 0;
  const sliceStart = maxIso(from, periodStart);
  const sliceEnd = minIso(to, periodEnd);
  if (sliceEnd < sliceStart) return 0;
  const before = daysInclusive(periodStart, addDaysIso(sliceStart, -1));
  const upToEnd = daysInclusive(periodStart, sliceEnd);
  return Math.round((amountCents * upToEnd) / total) - Math.round((amountCents * before) / total);
}

/** An amount's share in one exercise, pro rata temporis of its period. */
export function exerciseShareCents(amountCents: number, period: { start: IsoDate; end: IsoDate }, exercise: AccountingExercise): number {
  return proRataCents(amountCents, period.start, period.end, exercise.start, exercise.end);
}
