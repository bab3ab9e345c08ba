import { addMonths } from 'date-fns';
import { dateFromIso, type IsoDate } from '../dates';
import { compareDeadlines, type Deadline } from './deadline';
import { isDismissed, isDone, isCurrent, type DeadlineState } from './engine';

// The year ahead, month by month (the dashboard's « 12 mois » view, printable on A4): every open deadline
// due from the first day of this month to the last day of the eleventh month after it, with the money
// expected each month. What is already late stays in the « En retard » group of the main view.

export interface MonthOfDeadlines {
  /** yyyy-MM */
  month: string;
  /** « décembre 2026 » */
  label: string;
  deadlines: Deadline[];
  expectedCents: number;
}

const MONTH_LABEL = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' });

export function nextTwelveMonths(
  deadlines: readonly Deadline[],
  states: ReadonlyMap<string, DeadlineState>,
  today: IsoDate,
): MonthOfDeadlines[] {
  const first = dateFromIso(`${today.slice(0, 7)}-01`);
  const months: MonthOfDeadlines[] = Array.from({ length: 12 }, (_, i) => {
    const date = addMonths(first, i);
    const month = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    return { month, label: MONTH_LABEL.format(date), deadlines: [], expectedCents: 0 };
  });
  const index = new Map(months.map((m, i) => [m.month, i]));
  for (const deadline of [...deadlines].sort(compareDeadlines)) {
    const at = index.get(deadline.dueDate.slice(0, 7));
    if (at === undefined || deadline.dueDate < today) continue;
    const state = states.get(deadline.key);
    if (!isCurrent(deadline, today) || isDone(state, deadline) || isDismissed(state)) continue;
    const month = months[at]!;
    month.deadlines.push(deadline);
    month.expectedCents += deadline.amountCents ?? 0;
  }
  return months;
}
