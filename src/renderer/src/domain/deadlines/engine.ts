import { addDays, differenceInCalendarDays } from 'date-fns';
import { dateFromIso, formatIsoFromDate, type IsoDate } from '../dates';
import { compareDeadlines, type Deadline } from './deadline';

// One engine for every source (DESIGN.md decision 9, DOMAIN.md §8): the sources' rules produce Deadline
// lists, this module sorts them into what the dashboard shows, applies the user's stored state (done,
// snoozed until a date), decides which rung of the reminder ladder each one stands on, and finds what fell
// due while the app was closed.

/** The user's state on one deadline, stored under its key; the deadline itself is always recomputed. */
export interface DeadlineState {
  key: string;
  /** When it was marked done (ISO date-time); absent when not done. */
  doneAt?: string;
  /** Hidden before this date; back in its group on it. */
  snoozedUntil?: IsoDate;
  /** Set when the document it asks for is ready to send (a compte-rendu financier produced): ISO date-time. */
  readyAt?: string;
  updatedAt: string;
}

/** Which reminders the user wants: days before the due date, on the day, and once overdue. */
export interface ReminderLadder {
  daysBefore: number[];
  onDueDate: boolean;
  whenOverdue: boolean;
}

export const DEFAULT_REMINDER_LADDER: ReminderLadder = { daysBefore: [30, 7, 1], onDueDate: true, whenOverdue: true };

/** The rungs offered in the settings, in order. */
export const LADDER_RUNGS = [30, 7, 1] as const;

export type ReminderStage = `J-${number}` | 'due' | 'overdue';

export function daysUntil(deadline: Pick<Deadline, 'dueDate'>, today: IsoDate): number {
  return differenceInCalendarDays(dateFromIso(deadline.dueDate), dateFromIso(today));
}

/**
 * The rung a deadline stands on today: 'overdue', 'due' on the day, else the smallest `J-n` it has
 * reached (5 days ahead with J-30, J-7, J-1 → 'J-7'); null when no reminder applies yet.
 */
export function reminderStage(deadline: Pick<Deadline, 'dueDate'>, today: IsoDate, ladder: ReminderLadder): ReminderStage | null {
  const days = daysUntil(deadline, today);
  if (days < 0) return ladder.whenOverdue ? 'overdue' : null;
  if (days === 0) return ladder.onDueDate ? 'due' : null;
  const rung = [...ladder.daysBefore].sort((a, b) => a - b).find((n) => days <= n);
  return rung === undefined ? null : `J-${rung}`;
}

export function isDone(state: DeadlineState | undefined): boolean {
  return state?.doneAt !== undefined;
}

export function isSnoozed(state: DeadlineState | undefined, today: IsoDate): boolean {
  return state?.snoozedUntil !== undefined && state.snoozedUntil > today;
}

export interface DeadlineBoard {
  overdue: Deadline[];
  /** Today and the next 7 days. */
  thisWeek: Deadline[];
  /** 8 to 30 days ahead. */
  next30: Deadline[];
  /** 31 to 90 days ahead. */
  next90: Deadline[];
  /** Marked done, whatever their date. */
  done: Deadline[];
  /** Hidden until a later date. */
  snoozed: Deadline[];
}

export function statesByKey(states: readonly DeadlineState[]): Map<string, DeadlineState> {
  return new Map(states.map((s) => [s.key, s]));
}

/** Sorts deadlines into the dashboard groups, each earliest first; beyond 90 days they are left out. */
export function classifyDeadlines(
  deadlines: readonly Deadline[],
  states: readonly DeadlineState[],
  today: IsoDate,
): DeadlineBoard {
  const byKey = statesByKey(states);
  const board: DeadlineBoard = { overdue: [], thisWeek: [], next30: [], next90: [], done: [], snoozed: [] };
  for (const deadline of [...deadlines].sort(compareDeadlines)) {
    const state = byKey.get(deadline.key);
    if (isDone(state)) board.done.push(deadline);
    else if (isSnoozed(state, today)) board.snoozed.push(deadline);
    else {
      const days = daysUntil(deadline, today);
      if (days < 0) board.overdue.push(deadline);
      else if (days <= 7) board.thisWeek.push(deadline);
      else if (days <= 30) board.next30.push(deadline);
      else if (days <= 90) board.next90.push(deadline);
    }
  }
  return board;
}

/** The open deadlines that stand on a rung of the ladder today: what a start-up notification sums up. */
export function remindersDue(
  deadlines: readonly Deadline[],
  states: readonly DeadlineState[],
  today: IsoDate,
  ladder: ReminderLadder,
): { deadline: Deadline; stage: ReminderStage }[] {
  const byKey = statesByKey(states);
  return [...deadlines]
    .sort(compareDeadlines)
    .filter((d) => !isDone(byKey.get(d.key)) && !isSnoozed(byKey.get(d.key), today))
    .flatMap((deadline) => {
      const stage = reminderStage(deadline, today, ladder);
      return stage === null ? [] : [{ deadline, stage }];
    });
}

/**
 * Catch-up: everything that fell due after `lastOpened` (a date or date-time, exclusive) up to today
 * (inclusive) — a laptop closed for a month still shows that month's deadlines. Those already marked done
 * are left out. Without a previous opening there is nothing to catch up on.
 */
export function caughtUp(
  deadlines: readonly Deadline[],
  lastOpened: string | undefined,
  today: IsoDate,
  states: readonly DeadlineState[] = [],
): Deadline[] {
  if (lastOpened === undefined) return [];
  const since = lastOpened.slice(0, 10);
  const byKey = statesByKey(states);
  return [...deadlines]
    .filter((d) => d.dueDate > since && d.dueDate <= today && !isDone(byKey.get(d.key)))
    .sort(compareDeadlines);
}

/** The French words of a rung, for badges. */
export function reminderStageLabel(stage: ReminderStage): string {
  if (stage === 'overdue') return 'En retard';
  if (stage === 'due') return 'Aujourd’hui';
  return stage;
}

/** « dans 3 jours », « demain », « aujourd’hui », « depuis 12 jours ». */
export function relativeDueLabel(deadline: Pick<Deadline, 'dueDate'>, today: IsoDate): string {
  const days = daysUntil(deadline, today);
  if (days === 0) return 'aujourd’hui';
  if (days === 1) return 'demain';
  if (days === -1) return 'depuis hier';
  return days > 0 ? `dans ${days} jours` : `en retard de ${-days} jours`;
}

/** A default snooze: one week later. */
export function defaultSnoozeDate(today: IsoDate): IsoDate {
  return formatIsoFromDate(addDays(dateFromIso(today), 7));
}

/** Validates a stored or typed ladder; anything odd falls back to the default rungs. */
export function normalizeLadder(value: unknown): ReminderLadder {
  if (value === null || typeof value !== 'object') return DEFAULT_REMINDER_LADDER;
  const v = value as Partial<ReminderLadder>;
  const daysBefore = Array.isArray(v.daysBefore)
    ? [...new Set(v.daysBefore.filter((n): n is number => Number.isInteger(n) && n > 0 && n <= 365))].sort((a, b) => b - a)
    : DEFAULT_REMINDER_LADDER.daysBefore;
  return {
    daysBefore,
    onDueDate: typeof v.onDueDate === 'boolean' ? v.onDueDate : DEFAULT_REMINDER_LADDER.onDueDate,
    whenOverdue: typeof v.whenOverdue === 'boolean' ? v.whenOverdue : DEFAULT_REMINDER_LADDER.whenOverdue,
  };
}

/** One line for the start-up notification: « 3 échéances en retard, 2 cette semaine. » */
export function notificationSummary(reminders: readonly { stage: ReminderStage }[]): string | null {
  if (reminders.length === 0) return null;
  const overdue = reminders.filter((r) => r.stage === 'overdue').length;
  const today = reminders.filter((r) => r.stage === 'due').length;
  const coming = reminders.length - overdue - today;
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  if (overdue > 0) parts.push(`${plural(overdue, 'échéance')} en retard`);
  if (today > 0) parts.push(`${plural(today, 'échéance')} aujourd’hui`);
  if (coming > 0) parts.push(`${plural(coming, 'échéance')} à venir`);
  return `${parts.join(', ')}.`;
}

/** A snooze date must be a real date after today; the French message names the field. */
export function snoozeDateProblem(until: string, today: IsoDate): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(dateFromIso(until).getTime())) {
    return 'Reporter au\u00a0: date attendue au format jj/mm/aaaa.';
  }
  if (until <= today) return 'Reporter au\u00a0: choisissez une date après aujourd’hui.';
  return null;
}
