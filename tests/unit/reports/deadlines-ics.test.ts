import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fundingDeadlines } from '../../../src/renderer/src/domain/deadlines/funding-deadlines';
import { DEFAULT_REMINDER_LADDER } from '../../../src/renderer/src/domain/deadlines/engine';
import { deadlinesToIcs, foldLine } from '../../../src/renderer/src/reports/deadlines-ics';
import { staffDeadlines } from '../../../src/renderer/src/domain/deadlines/end-of-contract';
import { fixtureTeam } from '../../fixtures/team';
import { FIXTURE_TODAY, fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';

describe('the échéancier as .ics', () => {
  const deadlines = fundingDeadlines(
    { funders: fixtureFunders, applications: fixtureApplications, payments: fixturePayments },
    FIXTURE_TODAY,
  );
  const text = deadlinesToIcs(deadlines, { ladder: DEFAULT_REMINDER_LADDER, now: new Date('2026-11-24T09:00:00Z') });
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

  it('is read back by an independent parser with one all-day event per deadline', () => {
    expect(events).toHaveLength(deadlines.length);
    const late = events.find((e) => e.uid === 'payment:pay-caf-territories:payment-expected@passerelle')!;
    expect(late.summary).toBe('Versement attendu — CAF de la Seine-Saint-Denis — Fonds publics et territoires 2026 — Parentalité');
    expect(late.startDate.isDate).toBe(true);
    expect(late.startDate.toString()).toBe('2026-09-30');
    expect(late.endDate.toString()).toBe('2026-10-01');
    expect(late.description).toContain('5\u00a0000,00\u00a0€');
  });

  it('keeps French accents and long titles intact', () => {
    const cpoReport = events.find((e) => e.uid === 'grant:app-city-cpo:financial-report:2@passerelle')!;
    expect(cpoReport.summary).toBe(
      'Compte-rendu financier (année 2) — Ville de Saint-Denis — Convention pluriannuelle d’objectifs 2026-2028',
    );
    expect(cpoReport.startDate.toString()).toBe('2028-06-30');
  });

  it('turns the reminder ladder into alarms', () => {
    const first = calendar.getFirstSubcomponent('vevent')!;
    const triggers = first.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')));
    expect(triggers).toEqual(['-P30D', '-P7D', '-P1D', 'PT9H']);
  });
});

// RFC 5545 §3.3.6, dur-value: dur-date / dur-time / dur-week, with an optional sign.
const DUR_TIME = 'T(?:\\d+H(?:\\d+M(?:\\d+S)?)?|\\d+M(?:\\d+S)?|\\d+S)';
const DUR_VALUE = new RegExp(`^[+-]?P(?:\\d+W|\\d+D(?:${DUR_TIME})?|${DUR_TIME})$`);

describe('the .ics is valid RFC 5545', () => {
  // Long, accented titles (staff, with end-of-contract documents) beside the grants', every rung on.
  const deadlines = [
    ...fundingDeadlines({ funders: fixtureFunders, applications: fixtureApplications, payments: fixturePayments }, FIXTURE_TODAY),
    ...staffDeadlines(fixtureTeam, FIXTURE_TODAY),
  ];
  const ladder = { daysBefore: [30, 7, 1], onDueDate: true, whenOverdue: true };
  const text = deadlinesToIcs(deadlines, { ladder, now: new Date('2026-11-24T09:00:00Z') });
  const physical = text.split('\r\n');

  it('the duration grammar holds for every TRIGGER (no « -P30DT »)', () => {
    const unfolded = text.replace(/\r\n /g, '');
    const triggers = unfolded.split('\r\n').filter((l) => l.startsWith('TRIGGER'));
    expect(triggers.length).toBe(deadlines.length * 4);
    for (const line of triggers) expect(line.slice('TRIGGER:'.length)).toMatch(DUR_VALUE);
    // The grammar itself refuses what the former generator wrote.
    expect('-P30DT').not.toMatch(DUR_VALUE);
    expect('-P1DT12H').toMatch(DUR_VALUE);
  });

  it('no line is longer than 75 octets, lines end in CRLF, and folding never cuts a character', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const octets = physical.map((l) => new TextEncoder().encode(l).length);
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    // Some lines were long enough to need folding, with accents across the fold.
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
    expect(text).not.toContain('\uFFFD');
  });

  it('every alarm has its ACTION and DESCRIPTION, every event a DTSTAMP and a UID', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(deadlines.length);
    for (const event of events) {
      expect(event.getFirstPropertyValue('dtstamp')).not.toBeNull();
      expect(String(event.getFirstPropertyValue('uid'))).toMatch(/@passerelle$/);
      for (const valarm of event.getAllSubcomponents('valarm')) {
        expect(valarm.getFirstPropertyValue('action')).toBe('DISPLAY');
        expect(String(valarm.getFirstPropertyValue('description'))).not.toBe('');
      }
    }
    // Parsed back, titles keep their accents, commas and semicolons.
    const summaries = events.map((e) => new ICAL.Event(e).summary);
    expect(summaries).toContain('Reçu pour solde de tout compte à établir — Awa Diop');
    expect(summaries.sort()).toEqual(deadlines.map((d) => d.title).sort());
  });

  it('UIDs are stable from one export to the next, and unique', () => {
    const uids = (ics: string) => [...ics.replace(/\r\n /g, '').matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    const later = deadlinesToIcs(deadlines, { ladder, now: new Date('2026-12-24T09:00:00Z') });
    expect(uids(later)).toEqual(uids(text));
    expect(new Set(uids(text)).size).toBe(deadlines.length);
  });

  it('folds by octets: a line of 100 « é » is cut every 37 characters, never inside one', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    for (const part of folded) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});
