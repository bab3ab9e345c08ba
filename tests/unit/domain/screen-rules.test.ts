import { describe, expect, it } from 'vitest';
import { CALENDAR_YEAR, exerciseCalendar, exerciseStartingIn } from '../../../src/renderer/src/domain/exercise';
import { defaultDossierExercise, dossierApplications } from '../../../src/renderer/src/domain/dossier/dossier-choices';
import {
  grantApplicationSchema,
  grantedOrLater,
  pathOf,
  stepDateFields,
  type GrantStatus,
} from '../../../src/renderer/src/domain/funding/grant-application';
import { isGrantAccount } from '../../../src/renderer/src/domain/budgets/accounts';
import { personYear, type TeamData } from '../../../src/renderer/src/domain/team/team-year';
import type { ContractRecord } from '../../../src/renderer/src/domain/team/contract';
import { openDeadlines, type DeadlineState } from '../../../src/renderer/src/domain/deadlines/engine';
import type { Deadline } from '../../../src/renderer/src/domain/deadlines/deadline';

// The rules that used to be written in screens (issue 21), each as a named domain function, checked at
// its boundaries.

const SEPT_AUG = exerciseCalendar({ exerciseStart: '2025-09-01' });

describe('defaultDossierExercise', () => {
  it.each([
    // calendar, today, start year of the exercise the dossier opens on
    ['calendar year, 31 August: this year', CALENDAR_YEAR, '2026-08-31', 2026],
    ['calendar year, 1 September: next year', CALENDAR_YEAR, '2026-09-01', 2027],
    ['calendar year, 31 December: next year', CALENDAR_YEAR, '2026-12-31', 2027],
    ['calendar year, 1 January: the year just begun', CALENDAR_YEAR, '2027-01-01', 2027],
    // A September–August exercise: on 1 September the one just begun (the old rule said next year's).
    ['Sept–Aug, 1 September: the exercise just begun', SEPT_AUG, '2026-09-01', 2026],
    ['Sept–Aug, 30 April: still this exercise', SEPT_AUG, '2027-04-30', 2026],
    ['Sept–Aug, 1 May: the next one', SEPT_AUG, '2027-05-01', 2027],
    ['Sept–Aug, 31 August: the next one', SEPT_AUG, '2027-08-31', 2027],
  ] as const)('%s', (_label, calendar, today, startYear) => {
    expect(defaultDossierExercise(calendar, today).startYear).toBe(startYear);
  });

  it('names a whole exercise of the association, not a calendar year', () => {
    expect(defaultDossierExercise(SEPT_AUG, '2026-09-01')).toEqual({ startYear: 2026, start: '2026-09-01', end: '2027-08-31' });
  });
});

describe('dossierApplications', () => {
  const exercise = exerciseStartingIn(CALENDAR_YEAR, 2026);
  const app = (id: string, status: GrantStatus, periodStart: string, periodEnd: string) => ({ id, status, periodStart, periodEnd });

  it('carries the applications being prepared or filed whose period touches the exercise, by a single day', () => {
    const apps = [
      app('prepared', 'to-prepare', '2026-01-01', '2026-12-31'),
      app('filed', 'filed', '2026-03-01', '2026-08-31'),
      app('ends-on-first-day', 'filed', '2025-01-01', '2026-01-01'),
      app('starts-on-last-day', 'to-prepare', '2026-12-31', '2027-12-30'),
      app('ended-the-day-before', 'filed', '2025-01-01', '2025-12-31'),
      app('starts-the-day-after', 'filed', '2027-01-01', '2027-12-31'),
      app('granted', 'granted', '2026-01-01', '2026-12-31'),
      app('refused', 'refused', '2026-01-01', '2026-12-31'),
      app('closed', 'closed', '2026-01-01', '2026-12-31'),
    ];
    expect(dossierApplications(apps, exercise).map((a) => a.id)).toEqual(['prepared', 'filed', 'ends-on-first-day', 'starts-on-last-day']);
  });
});

describe('grantedOrLater', () => {
  // « Clôturée » ends both paths: the record says which one it took (an amount voted, a convention, a payment).
  it.each([
    ['to-prepare', {}, false],
    ['filed', {}, false],
    ['refused', {}, false],
    ['granted', { grantedCents: 1_000_000 }, true],
    ['agreement-signed', { grantedCents: 1_000_000 }, true],
    ['paid', { grantedCents: 1_000_000, paidOn: '2027-02-01' }, true],
    ['report-submitted', { grantedCents: 1_000_000, reportSubmittedOn: '2027-03-01' }, true],
    ['closed', { grantedCents: 1_000_000, paidOn: '2027-02-01', reportSubmittedOn: '2027-03-01' }, true],
    ['closed', { grantedCents: 1_000_000 }, true],
    ['closed', { agreementSignedOn: '2026-05-02' }, true],
    ['closed', {}, false],
  ] as const)('%s %j → %s', (status, dates, expected) => {
    expect(grantedOrLater({ status, ...dates })).toBe(expected);
  });
});

describe('pathOf', () => {
  it.each([
    [
      'granted then closed',
      { grantedCents: 1_000_000 },
      ['to-prepare', 'filed', 'granted', 'agreement-signed', 'paid', 'report-submitted', 'closed'],
    ],
    [
      'granted, compte-rendu before the balance, closed',
      { grantedCents: 1_000_000, reportSubmittedOn: '2027-03-01', paidOn: '2027-05-02' },
      ['to-prepare', 'filed', 'granted', 'agreement-signed', 'report-submitted', 'paid', 'closed'],
    ],
    ['refused then closed', {}, ['to-prepare', 'filed', 'refused', 'closed']],
  ] as const)('%s', (_, dates, expected) => {
    expect(pathOf('closed', dates)).toEqual(expected);
  });

  it.each([
    ['a refusal closed', {}, ['filedOn', 'decidedOn', 'closedOn']],
    ['a refusal closed, blanks typed', { grantedCents: ' ', paidOn: '' }, ['filedOn', 'decidedOn', 'closedOn']],
    [
      'a grant closed (amount voted typed)',
      { grantedCents: '15 000' },
      ['filedOn', 'decidedOn', 'agreementSignedOn', 'paidOn', 'reportSubmittedOn', 'closedOn'],
    ],
    [
      'a grant closed, compte-rendu before the balance: the fields keep their order',
      { grantedCents: '15 000', reportSubmittedOn: '2027-03-01', paidOn: '2027-05-02' },
      ['filedOn', 'decidedOn', 'agreementSignedOn', 'paidOn', 'reportSubmittedOn', 'closedOn'],
    ],
  ] as const)('the form of %s shows its step dates', (_, typed, expected) => {
    expect(stepDateFields('closed', typed)).toEqual(expected);
  });

  it('does not ask a refusal clôturée for the amount voted, and still asks a granted one', () => {
    const base = {
      funderId: 'f',
      title: 'Contrat de ville 2026',
      purpose: 'project',
      renewal: false,
      multiYear: false,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      status: 'closed',
      filedOn: '2025-11-02',
      decidedOn: '2026-02-10',
      closedOn: '2026-03-01',
      requestedCents: 1_000_000,
    };
    expect(grantApplicationSchema.safeParse(base).success).toBe(true);
    const signed = grantApplicationSchema.safeParse({ ...base, agreementSignedOn: '2026-02-20' });
    expect(signed.success).toBe(false);
    expect(signed.error?.issues.map((i) => i.path.join('.'))).toEqual(['grantedCents']);
  });
});

describe('isGrantAccount', () => {
  it.each([
    ['74.state', true],
    ['74.region', true],
    ['741', false],
    ['75', false],
    ['64', false],
    ['', false],
    ['inconnu', false],
  ])('%s → %s', (code, expected) => {
    expect(isGrantAccount(code)).toBe(expected);
  });
});

describe('personYear', () => {
  const stamps = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null });
  const contract = (id: string, overrides: Partial<ContractRecord>): ContractRecord => ({
    ...stamps(id),
    personId: 'p1',
    kind: 'cdd',
    cddReason: 'Accroissement temporaire d’activité',
    jobTitle: 'Animatrice',
    category: 'employee',
    startDate: '2026-01-01',
    weeklyHours: 35,
    grossMonthlyCents: 200_000,
    employerChargesRate: 40,
    ...overrides,
  });
  const team: TeamData = {
    people: [],
    contracts: [
      // Listed out of order: the page shows them by start date.
      contract('second', { startDate: '2026-07-01', plannedEndDate: '2026-12-31', weeklyHours: 17.5, grossMonthlyCents: 100_000 }),
      contract('first', { startDate: '2026-01-01', plannedEndDate: '2026-06-30' }),
      contract('last-year', { startDate: '2025-01-01', plannedEndDate: '2025-12-31' }),
      contract('someone-else', { personId: 'p2' }),
    ],
    amendments: [],
    aidedPosts: [],
  } as unknown as TeamData;

  it('keeps the person’s contracts that cover the exercise, by start date, and sums them', () => {
    const year = personYear('p1', team, 2026);
    expect(year.rows.map((r) => r.contract.id)).toEqual(['first', 'second']);
    // 1 Jan → 30 Jun: 181 days full time, 6 × 2 000 €; 1 Jul → 31 Dec: 184 days half time, 6 × 1 000 €.
    expect(year.totals.days).toBe(365);
    expect(year.totals.etpt).toBeCloseTo(181 / 365 + (0.5 * 184) / 365, 10);
    expect(year.totals.grossCents).toBe(1_800_000);
    expect(year.totals.employerCostCents).toBe(2_520_000);
  });

  it('is empty with zero totals on an exercise the person did not work', () => {
    const year = personYear('p1', team, 2024);
    expect(year.rows).toEqual([]);
    expect(year.totals).toEqual({ days: 0, etpt: 0, grossCents: 0, employerCostCents: 0, aidExpectedCents: 0, aidReceivedCents: 0 });
  });
});

describe('openDeadlines', () => {
  const deadline = (key: string, dueDate: string, rule = 'financial-report'): Deadline => ({
    key,
    source: 'grant',
    rule,
    title: key,
    dueDate,
    target: { screen: 'dashboard' },
    sourceLabel: 'Financements',
  });
  const state = (key: string, s: Partial<DeadlineState>): [string, DeadlineState] => [key, { key, ...s } as DeadlineState];

  it('keeps what is neither done, dismissed nor a passed milestone — a late obligation stays', () => {
    const deadlines = [
      deadline('late-obligation', '2026-11-23'),
      deadline('today', '2026-11-24'),
      deadline('done', '2026-12-01'),
      deadline('dismissed', '2026-12-01'),
      deadline('passed-milestone', '2026-11-23', 'trial-period-end'),
      deadline('milestone-today', '2026-11-24', 'trial-period-end'),
      deadline('snoozed', '2026-12-01'),
      // Its fact lives in the application (the filing date): a stored « fait » does not close it.
      deadline('filing-flagged-done', '2026-12-01', 'filing'),
    ];
    const states = new Map([
      state('done', { doneAt: '2026-11-20T10:00:00.000Z' }),
      state('dismissed', { dismissedAt: '2026-11-20T10:00:00.000Z', dismissReason: 'Sans objet' }),
      state('snoozed', { snoozedUntil: '2026-12-15' }),
      state('filing-flagged-done', { doneAt: '2026-11-20T10:00:00.000Z' }),
    ]);
    expect(openDeadlines(deadlines, states, '2026-11-24').map((d) => d.key)).toEqual([
      'late-obligation',
      'today',
      'milestone-today',
      'snoozed',
      'filing-flagged-done',
    ]);
  });
});
