import { addDays, differenceInCalendarDays } from 'date-fns';
import { dateFromIso, formatIsoFromDate, type IsoDate } from '../dates';
import { compareDeadlines, deadlineKind, recordedFact, type Deadline } from './deadline';

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
  /** « Ne plus rappeler »: when (ISO date-time) and why; the record, and so the journal, keeps the reason. */
  dismissedAt?: string;
  dismissReason?: string;
  /** The deadline's title with the reason, when dismissed: the journal names the record by it. */
  title?: string;
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

export function isDone(state: DeadlineState | undefined, deadline?: Pick<Deadline, 'rule'>): boolean {
  // A deadline whose fact lives in a record is done when the record says so (it then is no longer
  // produced); a « fait » flag stored on it would hide a payment that was never recorded.
  if (deadline !== undefined && recordedFact(deadline) !== undefined) return false;
  return state?.doneAt !== undefined;
}

export function isDismissed(state: DeadlineState | undefined): boolean {
  return state?.dismissedAt !== undefined;
}

/**
 * Whether a deadline still belongs on any list today: a milestone whose day has passed does not (its
 * follow-up, where the law has one, is a deadline of its own); an obligation always does.
 */
export function isCurrent(deadline: Pick<Deadline, 'dueDate' | 'rule' | 'kind'>, today: IsoDate): boolean {
  return deadlineKind(deadline) === 'obligation' || deadline.dueDate >= today;
}

/** Neither done, dismissed nor passed (a milestone): what the reminders and the calendar export carry. */
export function isOpen(deadline: Deadline, state: DeadlineState | undefined, today: IsoDate): boolean {
  return isCurrent(deadline, today) && !isDone(state, deadline) && !isDismissed(state);
}

/** The deadlines still open on `today` (isOpen), in their order: what the calendar export carries. */
export function openDeadlines(deadlines: readonly Deadline[], states: ReadonlyMap<string, DeadlineState>, today: IsoDate): Deadline[] {
  return deadlines.filter((d) => isOpen(d, states.get(d.key), today));
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
  /** More than 90 days ahead. */
  later: Deadline[];
  /** Marked done, whatever their date. */
  done: Deadline[];
  /** Hidden until a later date. */
  snoozed: Deadline[];
  /** « Ne plus rappeler », with a reason. */
  dismissed: Deadline[];
}

export const BOARD_GROUPS = ['overdue', 'thisWeek', 'next30', 'next90', 'later'] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];

/** The group of an open deadline, by days from today: an obligation past its day is overdue. */
export function boardGroup(deadline: Pick<Deadline, 'dueDate'>, today: IsoDate): BoardGroup {
  const days = daysUntil(deadline, today);
  if (days < 0) return 'overdue';
  if (days <= 7) return 'thisWeek';
  if (days <= 30) return 'next30';
  if (days <= 90) return 'next90';
  return 'later';
}

export function statesByKey(states: readonly DeadlineState[]): Map<string, DeadlineState> {
  return new Map(states.map((s) => [s.key, s]));
}

/**
 * Sorts deadlines into the dashboard groups, each earliest first. A passed milestone is on no list; an
 * obligation is on one until done or dismissed, however old (no cut-off: the dashboard, the person page
 * and the contract card say the same thing).
 */
export function classifyDeadlines(
  deadlines: readonly Deadline[],
  states: readonly DeadlineState[] | ReadonlyMap<string, DeadlineState>,
  today: IsoDate,
): DeadlineBoard {
  const byKey = states instanceof Map ? states : statesByKey(states as readonly DeadlineState[]);
  const board: DeadlineBoard = { overdue: [], thisWeek: [], next30: [], next90: [], later: [], done: [], snoozed: [], dismissed: [] };
  // Passed milestones are dropped before sorting: ten years of contracts hold hundreds of them.
  for (const deadline of deadlines.filter((d) => isCurrent(d, today)).sort(compareDeadlines)) {
    const state = byKey.get(deadline.key);
    if (isDone(state, deadline)) board.done.push(deadline);
    else if (isDismissed(state)) board.dismissed.push(deadline);
    else if (isSnoozed(state, today)) board.snoozed.push(deadline);
    else board[boardGroup(deadline, today)].push(deadline);
  }
  return board;
}

/** The money expected from deadlines (expected payments), in cents. */
export function expectedCents(deadlines: readonly Pick<Deadline, 'amountCents'>[]): number {
  return deadlines.reduce((sum, d) => sum + (d.amountCents ?? 0), 0);
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
    .filter((d) => isOpen(d, byKey.get(d.key), today) && !isSnoozed(byKey.get(d.key), today))
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
  return [...deadlines].filter((d) => d.dueDate > since && d.dueDate <= today && isOpen(d, byKey.get(d.key), today)).sort(compareDeadlines);
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
