import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fundingDeadlines } from '../../../src/renderer/src/domain/deadlines/funding-deadlines';
import { DEFAULT_REMINDER_LADDER } from '../../../src/renderer/src/domain/deadlines/engine';
import { deadlinesToIcs } from '../../../src/renderer/src/reports/deadlines-ics';
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
    expect(cpoReport.summary).toBe('Compte-rendu financier (année 2) — Ville de Saint-Denis — Convention pluriannuelle d’objectifs 2026-2028');
    expect(cpoReport.startDate.toString()).toBe('2028-06-30');
  });

  it('turns the reminder ladder into alarms', () => {
    const first = calendar.getFirstSubcomponent('vevent')!;
    const triggers = first.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')));
    expect(triggers).toEqual(['-P30D', '-P7D', '-P1D']);
  });
});
