import getJoursFeries from '@socialgouv/jours-feries';
import { formatIsoFromDate, type IsoDate } from './dates';
import { addDaysIso, dayNumber } from './team/day-count';

// Working-day counts for legal deadlines, with French public holidays (@socialgouv/jours-feries). The
// Code du travail counts most such deadlines in *jours ouvrables*: every day but Sunday and public
// holidays (Saturday included); *jours ouvrés* also leave out Saturday.

export type WorkingDayKind = 'ouvrables' | 'ouvres';

const holidaysByYear = new Map<string, ReadonlySet<IsoDate>>();

export function publicHolidays(year: number, alsaceMoselle = false): ReadonlySet<IsoDate> {
  const cacheKey = `${year}:${alsaceMoselle}`;
  let holidays = holidaysByYear.get(cacheKey);
  if (!holidays) {
    // The package builds local-midnight dates; read back as local calendar days.
    holidays = new Set(Object.values(getJoursFeries(year, { alsace: alsaceMoselle })).map((d) => formatIsoFromDate(d)));
    holidaysByYear.set(cacheKey, holidays);
  }
  return holidays;
}

export function isWorkingDay(iso: IsoDate, kind: WorkingDayKind, alsaceMoselle = false): boolean {
  // Day 0 (1970-01-01) was a Thursday: (n + 4) % 7 gives 0 for Sunday … 6 for Saturday.
  const weekday = (((dayNumber(iso) + 4) % 7) + 7) % 7;
  if (weekday === 0) return false;
  if (weekday === 6 && kind === 'ouvres') return false;
  return !publicHolidays(Number(iso.slice(0, 4)), alsaceMoselle).has(iso);
}

/** The `count`-th working day after `from` (from itself not counted). */
export function addWorkingDays(from: IsoDate, count: number, kind: WorkingDayKind, alsaceMoselle = false): IsoDate {
  let day = from;
  let left = count;
  while (left > 0) {
    day = addDaysIso(day, 1);
    if (isWorkingDay(day, kind, alsaceMoselle)) left -= 1;
  }
  return day;
}
