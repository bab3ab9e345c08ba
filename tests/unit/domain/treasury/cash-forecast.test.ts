import { describe, expect, it } from 'vitest';
import type { AidedPostRecord } from '../../../../src/renderer/src/domain/team/aided-post';
import type { ContractRecord } from '../../../../src/renderer/src/domain/team/contract';
import type { PersonRecord } from '../../../../src/renderer/src/domain/team/person';
import { cashForecast, type CashForecastInput } from '../../../../src/renderer/src/domain/treasury/cash-forecast';

// The twelve months ahead, figures computed by hand. « Today » is 24 November 2026; the balance read on the
// bank statement that day is 10 000 €.

const STAMPS = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null };
const TODAY = '2026-11-24';
const granted = { id: 'app', title: 'Contrat de ville 2026', status: 'granted' as const, deletedAt: null };
const person = { id: 'p1', ...STAMPS, firstName: 'Awa', lastName: 'Diop' } as unknown as PersonRecord;
const noTeam = { people: [], contracts: [], amendments: [], aidedPosts: [] };

function input(overrides: Partial<CashForecastInput> = {}): CashForecastInput {
  return {
    today: TODAY,
    opening: { date: TODAY, amountCents: 1_000_000 },
    applications: [granted],
    payments: [],
    team: noTeam,
    recurring: [],
    ...overrides,
  };
}

const tranche = (id: string, expectedDate: string, expectedCents: number, extra: object = {}) => ({
  id,
  applicationId: 'app',
  expectedDate,
  expectedCents,
  deletedAt: null,
  ...extra,
});
const month = (forecast: ReturnType<typeof cashForecast>, yyyyMm: string) => forecast.months.find((m) => m.month === yyyyMm)!;

describe('the cash forecast', () => {
  it('runs twelve months from the balance’s month, the balance carried month to month', () => {
    const forecast = cashForecast(input());
    expect(forecast.months.map((m) => m.month)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
    ]);
    expect(forecast.months.every((m) => m.closingCents === 1_000_000)).toBe(true);
    expect(forecast.firstNegative).toBeUndefined();
  });

  it('a month with two tranches counts both; a received, refused or undecided one counts nothing', () => {
    const forecast = cashForecast(
      input({
        applications: [granted, { id: 'refused', title: 'Refusée', status: 'refused' }, { id: 'filed', title: 'Déposée', status: 'filed' }],
        payments: [
          tranche('t1', '2026-12-10', 300_000, { label: 'Avance' }),
          tranche('t2', '2026-12-20', 200_000, { label: 'Solde' }),
          tranche('t3', '2026-12-15', 999_900, { receivedDate: '2026-11-02' }),
          { ...tranche('t4', '2026-12-15', 111_100), applicationId: 'refused' },
          { ...tranche('t5', '2026-12-15', 222_200), applicationId: 'filed' },
        ],
      }),
    );
    const december = month(forecast, '2026-12');
    expect(december.inCents).toBe(500_000);
    expect(december.flows.map((f) => f.label)).toEqual(['Contrat de ville 2026 — Avance', 'Contrat de ville 2026 — Solde']);
    expect(december.closingCents).toBe(1_500_000);
  });

  it('a late tranche is still expected: counted the day after the balance, flagged; the day before, the day, the day after', () => {
    const forecast = cashForecast(
      input({
        payments: [
          tranche('late', '2026-09-30', 500_000),
          tranche('yesterday', '2026-11-23', 100_000),
          tranche('today', '2026-11-24', 20_000),
          tranche('tomorrow', '2026-11-25', 3_000),
        ],
      }),
    );
    const november = month(forecast, '2026-11');
    expect(november.flows.map((f) => [f.sourceId, f.date, f.late ?? false])).toEqual([
      ['late', '2026-11-25', true],
      ['yesterday', '2026-11-25', true],
      // Expected on the balance's day, not received: not in the bank yet, not late either.
      ['today', '2026-11-25', false],
      ['tomorrow', '2026-11-25', false],
    ]);
    expect(november.lateCents).toBe(600_000);
    expect(november.inCents).toBe(623_000);
  });

  it('a contract ending mid-month is prorated by calendar days, charges included; nothing after', () => {
    const contract = {
      id: 'c1',
      ...STAMPS,
      personId: 'p1',
      kind: 'cdd',
      jobTitle: 'Animatrice',
      category: 'employee',
      startDate: '2026-03-02',
      plannedEndDate: '2027-01-15',
      weeklyHours: 35,
      grossMonthlyCents: 200_000,
      employerChargesRate: 40,
    } as unknown as ContractRecord;
    const forecast = cashForecast(input({ team: { ...noTeam, people: [person], contracts: [contract] }, personName: () => 'Awa Diop' }));
    // November and December: 2 000 € × 1,40 = 2 800 €, at the month's end.
    expect(month(forecast, '2026-11').flows).toEqual([
      {
        date: '2026-11-30',
        kind: 'salary',
        direction: 'out',
        label: 'Salaire et charges — Awa Diop',
        amountCents: 280_000,
        sourceId: 'c1',
      },
    ]);
    expect(month(forecast, '2026-12').outCents).toBe(280_000);
    // January: 15 of 31 days — 2 000 × 15 / 31 = 967,741… × 1,40 = 1 354,84 €.
    expect(month(forecast, '2027-01').outCents).toBe(135_484);
    expect(month(forecast, '2027-02').outCents).toBe(0);
    expect(month(forecast, '2027-02').closingCents).toBe(1_000_000 - 280_000 - 280_000 - 135_484);
  });

  it('an aid paid quarterly arrives at the end of each calendar quarter for the quarter’s days', () => {
    const contract = {
      id: 'c2',
      ...STAMPS,
      personId: 'p1',
      kind: 'cdi',
      jobTitle: 'Animatrice',
      category: 'employee',
      startDate: '2025-01-01',
      weeklyHours: 35,
      grossMonthlyCents: 0,
      employerChargesRate: 0,
    } as unknown as ContractRecord;
    const fonjep = {
      id: 'post',
      ...STAMPS,
      contractId: 'c2',
      scheme: 'fonjep',
      funder: 'FONJEP',
      aidStartDate: '2025-01-01',
      aidEndDate: '2027-12-31',
      aidMode: 'annual',
      annualAidCents: 730_000,
      paymentRhythm: 'quarterly',
      renewalLeadMonths: 6,
      receipts: [],
    } as unknown as AidedPostRecord;
    const forecast = cashForecast(input({ team: { people: [person], contracts: [contract], amendments: [], aidedPosts: [fonjep] } }));
    const aids = forecast.months.flatMap((m) => m.flows.filter((f) => f.kind === 'aid').map((f) => [f.date, f.amountCents]));
    // 7 300 € a year = 20 € a day: Oct–Dec 2026 92 days = 1 840 €; Jan–Mar 2027 90 days = 1 800 €;
    // Apr–Jun 91 days = 1 820 €; Jul–Sep 92 days = 1 840 €. Oct 2027 is in the window, its quarter ends after.
    expect(aids).toEqual([
      ['2026-12-31', 184_000],
      ['2027-03-31', 180_000],
      ['2027-06-30', 182_000],
      ['2027-09-30', 184_000],
    ]);
  });

  it('an aid paid monthly arrives at each month’s end; an aid paid yearly on its anniversary', () => {
    const contract = {
      id: 'c3',
      ...STAMPS,
      personId: 'p1',
      kind: 'pec',
      jobTitle: 'Agent',
      category: 'employee',
      startDate: '2026-04-01',
      weeklyHours: 20,
      grossMonthlyCents: 0,
      employerChargesRate: 0,
    } as unknown as ContractRecord;
    const monthly = {
      id: 'pec',
      ...STAMPS,
      contractId: 'c3',
      scheme: 'pec',
      aidStartDate: '2026-04-01',
      aidEndDate: '2027-03-31',
      aidMode: 'annual',
      annualAidCents: 365_000,
      paymentRhythm: 'monthly',
      renewalLeadMonths: 2,
      receipts: [],
    } as unknown as AidedPostRecord;
    const yearly = {
      ...monthly,
      id: 'yearly',
      paymentRhythm: 'yearly',
      aidStartDate: '2026-02-01',
      aidEndDate: '2028-01-31',
    } as AidedPostRecord;
    const forecast = cashForecast(
      input({ team: { people: [person], contracts: [contract], amendments: [], aidedPosts: [monthly, yearly] } }),
    );
    const of = (id: string) => forecast.months.flatMap((m) => m.flows.filter((f) => f.sourceId === id).map((f) => [f.date, f.amountCents]));
    // 3 650 € a year = 10 € a day, ending 31 March 2027.
    expect(of('pec')).toEqual([
      ['2026-11-30', 30_000],
      ['2026-12-31', 31_000],
      ['2027-01-31', 31_000],
      ['2027-02-28', 28_000],
      ['2027-03-31', 31_000],
    ]);
    // Paid on 1 February 2027 for 1 Feb 2027 – 31 Jan 2028: 365 days.
    expect(of('yearly')).toEqual([['2027-02-01', 365_000]]);
  });

  it('recurring lines at their rhythm; the first month below zero is flagged', () => {
    const forecast = cashForecast(
      input({
        opening: { date: TODAY, amountCents: 300_000 },
        recurring: [
          { id: 'rent', label: 'Loyer du local', direction: 'out', amountCents: 80_000, rhythm: 'monthly', firstDate: '2026-01-05' },
          { id: 'insurance', label: 'Assurance', direction: 'out', amountCents: 60_000, rhythm: 'yearly', firstDate: '2025-03-15' },
          {
            id: 'dues',
            label: 'Cotisations',
            direction: 'in',
            amountCents: 10_000,
            rhythm: 'quarterly',
            firstDate: '2026-10-01',
            lastDate: '2027-04-01',
          },
        ],
      }),
    );
    // 3 000 € on 24 Nov; Dec −800; Jan −800 +100 (dues); Feb −800; Mar −800 −600 → −1 700 €.
    expect(forecast.months.slice(0, 5).map((m) => m.closingCents)).toEqual([300_000, 220_000, 150_000, 70_000, -70_000]);
    expect(forecast.firstNegative?.month).toBe('2027-03');
    expect(month(forecast, '2027-03').negative).toBe(true);
    expect(month(forecast, '2027-02').negative).toBe(false);
    // Dues stop after 1 April 2027.
    expect(forecast.months.flatMap((m) => m.flows.filter((f) => f.sourceId === 'dues').map((f) => f.date))).toEqual([
      '2027-01-01',
      '2027-04-01',
    ]);
  });

  it('without a balance entered: from today at zero, and says it is not known', () => {
    const forecast = cashForecast(input({ opening: undefined }));
    expect(forecast.from).toBe(TODAY);
    expect(forecast.openingKnown).toBe(false);
  });
});
