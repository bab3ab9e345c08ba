import { addDays } from 'date-fns';
import { dateFromIso, formatIsoFromDate, type IsoDate } from '../domain/dates';
import type { Deadline } from '../domain/deadlines/deadline';
import type { ReminderLadder } from '../domain/deadlines/engine';

// The échéancier as an iCalendar file (RFC 5545) that Outlook, Thunderbird or a phone calendar imports.
// Each deadline is an all-day event whose UID is the deadline's stable key, so importing a newer export
// updates the events instead of doubling them; the reminder ladder becomes the events' alarms.
//
// Written here rather than with the `ics` package, which wrote alarm triggers as `-P30DT` (RFC 5545 §3.3.6:
// a `T` must be followed by hours, minutes or seconds) and folded long lines by characters rather than
// octets (§3.1: 75 octets), so that accented French titles gave lines a strict calendar rejects, and
// strict readers dropped every reminder. The subset needed — one calendar of all-day events with display
// alarms — is small enough to write exactly and test line by line (tests/unit/reports/deadlines-ics.test.ts).

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** TEXT values (§3.3.11): backslash, semicolon, comma and line breaks are escaped. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds one content line (§3.1): no line longer than 75 octets, continuation lines start with one space,
 * and a multi-byte UTF-8 character is never cut in two.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function basicDate(iso: IsoDate): string {
  return iso.replace(/-/g, '');
}

/** UTC date-time in basic format (§3.3.5, form #2): 20261124T090000Z. */
function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** A UID is one TEXT value: the deadline's key with the app's domain, as §3.8.4.7 suggests. */
function uidOf(deadline: Deadline): string {
  return `${deadline.key}@passerelle`;
}

function alarm(trigger: string, description: string): string[] {
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(description)}`, `TRIGGER:${trigger}`, 'END:VALARM'];
}

export function deadlinesToIcs(deadlines: readonly Deadline[], options: { ladder: ReminderLadder; now?: Date }): string {
  const stamp = utcStamp(options.now ?? new Date());
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Passerelle//Echeances//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('Échéances Passerelle')}`,
  ];
  for (const d of deadlines) {
    const next = formatIsoFromDate(addDays(dateFromIso(d.dueDate), 1));
    const description = [d.sourceLabel, d.detail].filter(Boolean).join(' — ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(uidOf(d))}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(d.dueDate)}`,
      `DTEND;VALUE=DATE:${basicDate(next)}`,
      `SUMMARY:${escapeText(d.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(d.sourceLabel)}`,
      'TRANSP:TRANSPARENT',
    );
    // Before the day: dur-day (§3.3.6) counted back from the start of the all-day event.
    for (const days of options.ladder.daysBefore) lines.push(...alarm(`-P${days}D`, d.title));
    // On the day itself: 9 o'clock, rather than midnight.
    if (options.ladder.onDueDate) lines.push(...alarm('PT9H', d.title));
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
