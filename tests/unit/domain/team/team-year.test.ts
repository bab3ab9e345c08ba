import { describe, expect, it } from 'vitest';
import type { ContractRecord } from '../../../../src/renderer/src/domain/team/contract';
import type { AmendmentRecord } from '../../../../src/renderer/src/domain/team/amendment';
import { contractYear, formatEtpt, teamYear, type TeamData } from '../../../../src/renderer/src/domain/team/team-year';
import type { AidedPostRecord } from '../../../../src/renderer/src/domain/team/aided-post';
import { exerciseCalendar, exerciseStartingIn } from '../../../../src/renderer/src/domain/exercise';
import { fixtureTeam, TEAM_IDS } from '../../../fixtures/team';

const stamps = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null });

function contract(overrides: Partial<ContractRecord>): ContractRecord {
  return {
    ...stamps('c1'),
    personId: 'p1',
    kind: 'cdi',
    jobTitle: 'Animateur',
    category: 'employee',
    startDate: '2026-01-01',
    weeklyHours: 35,
    grossMonthlyCents: 200_000,
    employerChargesRate: 40,
    ...overrides,
  };
}

function amendment(overrides: Partial<AmendmentRecord>): AmendmentRecord {
  return { ...stamps('a1'), contractId: 'c1', kind: 'change', effectiveDate: '2026-07-01', ...overrides };
}

describe('one contract over a year', () => {
  it.each([
    // label, contract, year, days, ETPT, gross (cents)
    ['full time, whole year', {}, 2026, 365, 1, 2_400_000],
    ['half time, whole year', { weeklyHours: 17.5, grossMonthlyCents: 100_000 }, 2026, 365, 0.5, 1_200_000],
    // 1 Jul → 31 Dec: 184 days; 6 whole months.
    ['full time from 1 July', { startDate: '2026-07-01' }, 2026, 184, 184 / 365, 1_200_000],
    // 16 → 31 March: 16 of 31 days of March, then April.
    [
      '16 March to 30 April',
      { startDate: '2026-03-16', plannedEndDate: '2026-04-30', kind: 'cdd' },
      2026,
      46,
      46 / 365,
      Math.round((200_000 * 16) / 31) + 200_000,
    ],
    ['a leap year counts 366 days', { startDate: '2028-01-01' }, 2028, 366, 1, 2_400_000],
    ['ended the year before', { startDate: '2024-01-01', plannedEndDate: '2025-12-31', kind: 'cdd' }, 2026, 0, 0, 0],
    [
      'actual end before the planned end',
      { startDate: '2026-01-01', plannedEndDate: '2026-12-31', actualEndDate: '2026-01-31', kind: 'cdd' },
      2026,
      31,
      31 / 365,
      200_000,
    ],
  ] as const)('%s', (_label, overrides, year, days, etpt, gross) => {
    const result = contractYear(contract(overrides), [], undefined, year);
    expect(result.days).toBe(days);
    expect(result.etpt).toBeCloseTo(etpt, 10);
    expect(result.grossCents).toBe(gross);
    expect(result.employerCostCents).toBe(Math.round(gross * 1.4));
  });

  it('follows an avenant that changes hours and salary mid-year', () => {
    // 24 h at 1 400 € until 30 June (181 days), then 35 h at 2 000 € (184 days).
    const result = contractYear(
      contract({ weeklyHours: 24, grossMonthlyCents: 140_000 }),
      [amendment({ newWeeklyHours: 35, newGrossMonthlyCents: 200_000 })],
      undefined,
      2026,
    );
    expect(result.etpt).toBeCloseTo((24 / 35) * (181 / 365) + 184 / 365, 10);
    expect(result.grossCents).toBe(6 * 140_000 + 6 * 200_000);
  });

  it('a service-civique engagement costs its indemnity but counts for no ETPT', () => {
    const result = contractYear(
      contract({ kind: 'civic-service', weeklyHours: 24, grossMonthlyCents: 11_145, employerChargesRate: 0 }),
      [],
      undefined,
      2026,
    );
    expect(result.etpt).toBe(0);
    expect(result.grossCents).toBe(12 * 11_145);
  });
});

describe('the sample team of Les Amis du Quartier in 2026 (checked by hand)', () => {
  const year = teamYear(fixtureTeam, 2026);

  it('counts 5 salariés, 1 volontaire and 2 aided jobs', () => {
    expect(year.headcount).toBe(5);
    expect(year.volunteers).toBe(1);
    expect(year.aidedJobs).toBe(2);
  });

  it('gives an ETPT of 3,85', () => {
    // Karim 1 + Fatou 1 + Sofiane 20/35 + Awa (28/35 × 59 + 305)/365 + Lucas 116/365.
    const byHand = 1 + 1 + 20 / 35 + (0.8 * 59 + 305) / 365 + 116 / 365;
    expect(byHand).toBeCloseTo(3.854168, 6);
    expect(year.etpt).toBeCloseTo(byHand, 10);
    expect(formatEtpt(year.etpt)).toBe('3,85');
  });

  it('sums the five highest gross annual salaries to 95 829,03 €', () => {
    // Karim 31 200,00; Awa 3 500,00 + 2 129,03 + 19 800,00; Fatou 22 800,00; Sofiane 12 600,00; Lucas 3 800,00.
    expect(year.topFiveGrossCents).toBe(3_120_000 + 2_542_903 + 2_280_000 + 1_260_000 + 380_000);
  });

  it('costs the association 128 076,84 € before aid, 99 663,72 € after', () => {
    const byContract = Object.fromEntries(year.contracts.map((c) => [c.contract.id, c.employerCostCents]));
    expect(byContract).toEqual({
      [TEAM_IDS.karimCdi]: 4_524_000, // 31 200 × 1,45
      [TEAM_IDS.awaCdd2]: 497_000, // 3 500 × 1,42
      [TEAM_IDS.awaCdi]: 3_113_922, // 21 929,03 × 1,42 = 31 139,2226
      [TEAM_IDS.sofianePec]: 1_449_000, // 12 600 × 1,15
      [TEAM_IDS.fatouAdulteRelais]: 2_736_000, // 22 800 × 1,20
      [TEAM_IDS.lucasApprenticeship]: 399_000, // 3 800 × 1,05
      [TEAM_IDS.inesCivicService]: 88_762, // 111,45 × 27/28 + 7 × 111,45
    });
    expect(year.employerCostCents).toBe(12_807_684);
    // PEC: 60 % × 11,88 € × 20 h × 52 ÷ 12 = 617,76 € a month × 12; adulte-relais: 21 000 € a year.
    expect(year.aidExpectedCents).toBe(741_312 + 2_100_000);
    expect(year.aidReceivedCents).toBe(3 * 61_776 + 525_000);
    expect(year.remainingCostCents).toBe(9_966_372);
  });

  it('in 2025 sees Awa’s first two contracts and the PEC’s first months', () => {
    const y2025 = teamYear(fixtureTeam, 2025);
    expect(y2025.headcount).toBe(4); // Karim, Awa, Sofiane, Fatou
    expect(y2025.volunteers).toBe(0);
    // Awa: 3 Mar–29 Aug (180 days) and 1 Sep–31 Dec (122 days) at 28 h; Sofiane 1 Apr–31 Dec (275 days) at 20 h.
    expect(y2025.etpt).toBeCloseTo(2 + (0.8 * (180 + 122)) / 365 + ((20 / 35) * 275) / 365, 10);
  });
});

describe('the figures of the association’s exercise, not of the calendar year', () => {
  const septAug = exerciseCalendar({ exerciseStart: '2025-09-01' });
  const exercise2025 = exerciseStartingIn(septAug, 2025);
  const person = { ...stamps('p1'), firstName: 'Awa', lastName: 'Diop', role: 'employee' } as unknown as TeamData['people'][number];
  const team = (contracts: ContractRecord[], aidedPosts: AidedPostRecord[] = []): TeamData => ({
    people: [person],
    contracts,
    amendments: [],
    aidedPosts,
  });

  it('an employee present from 1 Sept 2025 to 31 Aug 2026 is 1 ETPT of exercise 2025-2026, with 12 months of salary', () => {
    const year = teamYear(team([contract({ kind: 'cdd', startDate: '2025-09-01', plannedEndDate: '2026-08-31' })]), exercise2025);
    expect(year.etpt).toBeCloseTo(1, 10);
    expect(year.headcount).toBe(1);
    expect(year.topFiveGrossCents).toBe(12 * 200_000);
    expect(year.exercise).toEqual({ startYear: 2025, start: '2025-09-01', end: '2026-08-31' });
  });

  it.each([
    // the day before the exercise, its first day, its last day, the day after
    ['ends the eve of the exercise', '2024-09-01', '2025-08-31', 0, 0],
    ['starts on its last day', '2026-08-31', '2027-08-31', 1, 1 / 365],
    ['starts the day after it', '2026-09-01', '2027-08-31', 0, 0],
    ['ends on its first day', '2024-09-01', '2025-09-01', 1, 1 / 365],
  ] as const)('a contract that %s', (_label, startDate, plannedEndDate, headcount, etpt) => {
    const year = teamYear(team([contract({ kind: 'cdd', startDate, plannedEndDate })]), exercise2025);
    expect(year.headcount).toBe(headcount);
    expect(year.etpt).toBeCloseTo(etpt, 10);
  });

  it('an exercise holding 29 February counts 366 days', () => {
    const exercise2027 = exerciseStartingIn(septAug, 2027);
    const year = teamYear(team([contract({ startDate: '2028-03-01' })]), exercise2027);
    // 1 Mar → 31 Aug 2028: 184 days of a 366-day exercise.
    expect(year.etpt).toBeCloseTo(184 / 366, 10);
  });

  it('counts aid received on the exercise’s days and an annual aid prorated on them', () => {
    const post = {
      ...stamps('ap1'),
      contractId: 'c1',
      scheme: 'fonjep',
      aidStartDate: '2025-09-01',
      aidEndDate: '2028-08-31',
      aidMode: 'annual',
      annualAidCents: 716_400,
      paymentRhythm: 'quarterly',
      renewalLeadMonths: 6,
      receipts: [
        { date: '2025-08-31', amountCents: 100 },
        { date: '2025-09-01', amountCents: 179_100 },
        { date: '2026-08-31', amountCents: 179_100 },
        { date: '2026-09-01', amountCents: 1_000 },
      ],
    } as AidedPostRecord;
    const year = teamYear(team([contract({ startDate: '2025-09-01' })], [post]), exercise2025);
    expect(year.aidExpectedCents).toBe(716_400);
    expect(year.aidReceivedCents).toBe(358_200);
    expect(year.aidedJobs).toBe(1);
  });

  it('a bare year is still the calendar year', () => {
    const year = teamYear(team([contract({ kind: 'cdd', startDate: '2025-09-01', plannedEndDate: '2026-08-31' })]), 2026);
    expect(year.etpt).toBeCloseTo(243 / 365, 10);
  });
});

describe('adulte-relais aid by working time (D5134-158)', () => {
  const post = (hours: number | undefined) =>
    ({
      ...stamps('ap'),
      contractId: 'c1',
      scheme: 'adulte-relais',
      aidStartDate: '2026-01-01',
      aidEndDate: '2028-12-31',
      aidMode: 'annual',
      annualAidCents: 2_281_061,
      aidedWeeklyHours: hours,
      paymentRhythm: 'quarterly',
      renewalLeadMonths: 3,
      receipts: [],
    }) as AidedPostRecord;
  it.each([
    [35, undefined, 2_281_061],
    [17.5, undefined, 1_140_531], // half time: 11 405,305 → 11 405,31 €
    [24, undefined, Math.round((2_281_061 * 24) / 35)],
    [35, 17.5, 1_140_531], // the convention's hours win
  ])('%s h a week (post %s h): %i cents a year', (weeklyHours, aidedHours, cents) => {
    expect(
      contractYear(contract({ weeklyHours, kind: 'adulte-relais', plannedEndDate: '2028-12-31' }), [], post(aidedHours), 2026)
        .aidExpectedCents,
    ).toBe(cents);
  });
  it('leaves a FONJEP post’s amount as decided', () => {
    const fonjep = { ...post(undefined), scheme: 'fonjep' } as AidedPostRecord;
    expect(contractYear(contract({ weeklyHours: 17.5 }), [], fonjep, 2026).aidExpectedCents).toBe(2_281_061);
  });
});
