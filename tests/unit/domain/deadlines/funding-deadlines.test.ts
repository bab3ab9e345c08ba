import { describe, expect, it } from 'vitest';
import { fundingDeadlines } from '../../../../src/renderer/src/domain/deadlines/funding-deadlines';
import {
  caughtUp,
  classifyDeadlines,
  DEFAULT_REMINDER_LADDER,
  notificationSummary,
  reminderStage,
  remindersDue,
  type DeadlineState,
} from '../../../../src/renderer/src/domain/deadlines/engine';
import { FIXTURE_TODAY, fixtureApplications, fixtureFunders, fixturePayments } from '../../../fixtures/funding';

const data = { funders: fixtureFunders, applications: fixtureApplications, payments: fixturePayments };
const deadlines = fundingDeadlines(data, FIXTURE_TODAY);
const byKey = (key: string) => deadlines.find((d) => d.key === key);

describe('funding rules (fixture year, today 24 Nov 2026)', () => {
  it('dépôt: the closing date of a request still being prepared', () => {
    expect(byKey('grant:app-state-schooling-2027:filing')).toMatchObject({
      dueDate: '2026-11-27',
      title:
        'Dépôt de la demande — Préfecture de la Seine-Saint-Denis — politique de la ville — Contrat de ville 2027 — Accompagnement à la scolarité',
      target: { screen: 'application', id: 'app-state-schooling-2027' },
      sourceLabel: 'Financements',
    });
    expect(deadlines.filter((d) => d.rule === 'filing')).toHaveLength(1);
  });

  it('tranche attendue: each payment not received, for granted requests; received ones give none', () => {
    expect(
      deadlines
        .filter((d) => d.rule === 'payment-expected')
        .map((d) => d.key)
        .sort(),
    ).toEqual([
      'payment:pay-caf-clas-balance:payment-expected',
      'payment:pay-caf-territories:payment-expected',
      'payment:pay-city-cpo-2:payment-expected',
      'payment:pay-city-cpo-3:payment-expected',
      'payment:pay-department-operating:payment-expected',
      'payment:pay-region-balance:payment-expected',
    ]);
    expect(byKey('payment:pay-caf-territories:payment-expected')?.detail).toBe('Montant attendu\u00a0: 5\u00a0000,00\u00a0€');
  });

  it('compte-rendu financier: one per CPO year, none for refused, filed or closed requests', () => {
    const reports = deadlines.filter((d) => d.rule === 'financial-report');
    expect(reports.filter((d) => d.key.startsWith('grant:app-city-cpo:')).map((d) => [d.key, d.dueDate])).toEqual([
      ['grant:app-city-cpo:financial-report:1', '2027-06-30'],
      ['grant:app-city-cpo:financial-report:2', '2028-06-30'],
      ['grant:app-city-cpo:financial-report:3', '2029-06-30'],
    ]);
    // Each opens the compte-rendu of its own exercise.
    expect(byKey('grant:app-city-cpo:financial-report:2')?.target).toEqual({ screen: 'report', id: 'app-city-cpo', exercise: 2 });
    const withReport = new Set(reports.map((d) => d.key.split(':')[1]));
    expect(withReport.has('app-state-rights')).toBe(false); // refused
    expect(withReport.has('app-foundation')).toBe(false); // still filed
    expect(withReport.has('app-department-summer')).toBe(false); // closed, report submitted
    // The CLAS runs to June 2027: six months after the end of exercise 2027.
    expect(byKey('grant:app-caf-clas:financial-report:1')?.dueDate).toBe('2028-06-30');
    expect(reports).toHaveLength(9);
  });

  it('convention à signer: accordée above 23 000 € without a signed convention', () => {
    expect(deadlines.filter((d) => d.rule === 'convention-to-sign').map((d) => [d.key, d.dueDate])).toEqual([
      ['grant:app-department-operating:convention-to-sign', '2026-10-06'],
    ]);
  });

  it('publication des comptes: the CPO counts by its share of each exercise, so 2026 stays below 153 000 €', () => {
    expect(deadlines.filter((d) => d.rule === 'accounts-publication')).toEqual([]);
  });

  it('keeps every key unique and stable across recomputations', () => {
    const keys = deadlines.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      fundingDeadlines(data, '2027-02-01')
        .map((d) => d.key)
        .sort(),
    ).toEqual([...keys].sort());
  });

  it('a received tranche disappears from the deadlines', () => {
    const payments = fixturePayments.map((p) =>
      p.id === 'pay-caf-territories' ? { ...p, receivedDate: '2026-11-24', receivedCents: 500_000 } : p,
    );
    expect(
      fundingDeadlines({ ...data, payments }, FIXTURE_TODAY).some((d) => d.key === 'payment:pay-caf-territories:payment-expected'),
    ).toBe(false);
  });
});

describe('engine', () => {
  it('classifies overdue first, then this week, 30 days and 90 days', () => {
    const board = classifyDeadlines(deadlines, [], FIXTURE_TODAY);
    expect(board.overdue.map((d) => d.key)).toEqual([
      'payment:pay-caf-territories:payment-expected', // the late tranche, 30 Sept
      'grant:app-department-operating:convention-to-sign', // 6 Oct
    ]);
    expect(board.thisWeek.map((d) => d.key)).toEqual(['grant:app-state-schooling-2027:filing']);
    expect(board.next30.map((d) => d.key)).toEqual(['payment:pay-department-operating:payment-expected']);
    expect(board.next90.map((d) => d.key)).toEqual(['payment:pay-city-cpo-2:payment-expected']);
  });

  it('honours snoozed states, a snooze ends on its date, and « fait » does not hide a payment not recorded', () => {
    const states: DeadlineState[] = [
      // Marked « fait » before issue 17: the payment record still says not received, so it stays overdue.
      { key: 'payment:pay-caf-territories:payment-expected', doneAt: '2026-11-24T10:00:00.000Z', updatedAt: '2026-11-24T10:00:00.000Z' },
      { key: 'grant:app-department-operating:convention-to-sign', snoozedUntil: '2026-12-01', updatedAt: '2026-11-24T10:00:00.000Z' },
    ];
    const board = classifyDeadlines(deadlines, states, FIXTURE_TODAY);
    expect(board.overdue.map((d) => d.key)).toEqual(['payment:pay-caf-territories:payment-expected']);
    expect(board.done).toEqual([]);
    expect(board.snoozed.map((d) => d.key)).toEqual(['grant:app-department-operating:convention-to-sign']);
    expect(classifyDeadlines(deadlines, states, '2026-12-01').overdue.map((d) => d.key)).toEqual([
      'payment:pay-caf-territories:payment-expected',
      'grant:app-department-operating:convention-to-sign',
      'grant:app-state-schooling-2027:filing', // 27 Nov, missed by then
    ]);
  });

  it.each([
    ['2026-12-25', null],
    ['2026-12-24', 'J-30'],
    ['2026-12-02', 'J-30'],
    ['2026-12-01', 'J-7'],
    ['2026-11-27', 'J-7'],
    ['2026-11-25', 'J-1'],
    ['2026-11-24', 'due'],
    ['2026-11-23', 'overdue'],
  ])('a deadline due %s stands on rung %s today', (dueDate, stage) => {
    expect(reminderStage({ dueDate }, FIXTURE_TODAY, DEFAULT_REMINDER_LADDER)).toBe(stage);
  });

  it('follows the ladder chosen in the settings', () => {
    const ladder = { daysBefore: [7], onDueDate: false, whenOverdue: false };
    expect(reminderStage({ dueDate: '2026-12-10' }, FIXTURE_TODAY, ladder)).toBeNull();
    expect(reminderStage({ dueDate: '2026-11-30' }, FIXTURE_TODAY, ladder)).toBe('J-7');
    expect(reminderStage({ dueDate: '2026-11-24' }, FIXTURE_TODAY, ladder)).toBeNull();
    expect(reminderStage({ dueDate: '2026-11-01' }, FIXTURE_TODAY, ladder)).toBeNull();
  });

  it('sums up the reminders of the day in one notification line', () => {
    const reminders = remindersDue(deadlines, [], FIXTURE_TODAY, DEFAULT_REMINDER_LADDER);
    expect(reminders.map((r) => r.stage)).toEqual(['overdue', 'overdue', 'J-7', 'J-30']);
    expect(notificationSummary(reminders)).toBe('2 échéances en retard, 2 échéances à venir.');
    expect(notificationSummary([])).toBeNull();
  });
});

describe('catch-up', () => {
  it('shows everything that fell due since the app was last opened, months ago', () => {
    const missed = caughtUp(deadlines, '2026-09-01T08:30:00.000Z', FIXTURE_TODAY);
    expect(missed.map((d) => d.key)).toEqual([
      'payment:pay-caf-territories:payment-expected',
      'grant:app-department-operating:convention-to-sign',
    ]);
  });

  it('shows nothing when opened yesterday with nothing due since, nor on the first opening', () => {
    expect(caughtUp(deadlines, '2026-11-23', FIXTURE_TODAY)).toEqual([]);
    expect(caughtUp(deadlines, undefined, FIXTURE_TODAY)).toEqual([]);
  });

  it('includes what falls due today, and leaves out what is dismissed', () => {
    expect(caughtUp(deadlines, '2026-11-26', '2026-11-27').map((d) => d.rule)).toEqual(['filing']);
    const dismissed: DeadlineState[] = [
      { key: 'payment:pay-caf-territories:payment-expected', dismissedAt: 'x', dismissReason: 'Abandonné', updatedAt: 'x' },
    ];
    expect(caughtUp(deadlines, '2026-09-01', FIXTURE_TODAY, dismissed).map((d) => d.rule)).toEqual(['convention-to-sign']);
  });
});
