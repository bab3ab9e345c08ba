import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays } from 'date-fns';
import { dateFromIso, type IsoDate } from '../domain/dates';
import type { Deadline } from '../domain/deadlines/deadline';
import type { ReminderLadder } from '../domain/deadlines/engine';

// The échéancier as an iCalendar file that Outlook, Thunderbird or a phone calendar imports. Each deadline
// is an all-day event whose UID is the deadline's stable key, so importing a newer export updates the
// events instead of doubling them; the reminder ladder becomes the events' alarms.

function dateArray(date: Date): DateArray {
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

export function deadlinesToIcs(
  deadlines: readonly Deadline[],
  options: { ladder: ReminderLadder; now?: Date },
): string {
  const events: EventAttributes[] = deadlines.map((d) => {
    const start = dateFromIso(d.dueDate as IsoDate);
    const description = [d.sourceLabel, d.detail].filter(Boolean).join(' — ');
    return {
      uid: `${d.key}@passerelle`,
      title: d.title,
      description,
      categories: [d.sourceLabel],
      start: dateArray(start),
      end: dateArray(addDays(start, 1)),
      transp: 'TRANSPARENT',
      ...(options.now ? { created: options.now.getTime(), lastModified: options.now.getTime() } : {}),
      alarms: options.ladder.daysBefore.map((days) => ({
        action: 'display' as const,
        description: d.title,
        trigger: { days, before: true },
      })),
    };
  });
  const { error, value } = createEvents(events, { productId: 'Passerelle', calName: 'Échéances Passerelle' });
  if (error || value === undefined || value === null) throw error ?? new Error('The calendar could not be written.');
  return value;
}
