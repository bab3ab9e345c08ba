import { describe, expect, it } from 'vitest';
import { mergeYearlyFigures, figureOn, type YearlyFigureRecord } from '../../../src/renderer/src/domain/yearly-figures';
import { aidedPostSchema, type AidedPostRecord } from '../../../src/renderer/src/domain/team/aided-post';
import type { ContractRecord } from '../../../src/renderer/src/domain/team/contract';
import { contractYear } from '../../../src/renderer/src/domain/team/team-year';

// The dated figures entered in Réglages feed the aid calculations: a post without its own SMIC follows the
// SMIC in force on the first day of each month; an adulte-relais or FONJEP post without its own amount the
// amount in force each day (the adulte-relais aid is re-indexed each 1 July, D5134-158 and the yearly arrêté).

const stamps = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null });
const own = (
  figure: YearlyFigureRecord['figure'],
  from: string,
  cents: number,
  extra: Partial<YearlyFigureRecord> = {},
): YearlyFigureRecord => ({
  ...stamps(`f-${figure}-${from}`),
  figure,
  from,
  cents,
  source: 'Saisie de l’association',
  ...extra,
});

function contract(overrides: Partial<ContractRecord> = {}): ContractRecord {
  return {
    ...stamps('c1'),
    personId: 'p1',
    kind: 'pec',
    jobTitle: 'Agent d’accueil',
    category: 'employee',
    startDate: '2026-01-01',
    plannedEndDate: '2026-12-31',
    weeklyHours: 20,
    grossMonthlyCents: 105_000,
    employerChargesRate: 15,
    ...overrides,
  };
}

const pecPost = (extra: Partial<AidedPostRecord> = {}) =>
  ({
    ...stamps('ap'),
    contractId: 'c1',
    scheme: 'pec',
    aidStartDate: '2026-01-01',
    aidEndDate: '2026-12-31',
    aidMode: 'smic-rate',
    smicRatePercent: 60,
    aidedWeeklyHours: 20,
    paymentRhythm: 'monthly',
    renewalLeadMonths: 2,
    receipts: [],
    ...extra,
  }) as AidedPostRecord;

describe('merging the association’s values with the shipped defaults', () => {
  it('adds a value and replaces a default of the same date', () => {
    const figures = mergeYearlyFigures([
      own('smic-hourly', '2026-07-01', 1_230),
      own('smic-hourly', '2026-01-01', 1_203, { source: 'Correction' }),
    ]);
    expect(figures['smic-hourly'].map((f) => [f.from, f.cents])).toEqual([
      ['2024-11-01', 1_188],
      ['2026-01-01', 1_203],
      ['2026-07-01', 1_230],
    ]);
    expect(figureOn('smic-hourly', '2026-06-30', figures)?.cents).toBe(1_203);
    expect(figureOn('smic-hourly', '2026-07-01', figures)?.cents).toBe(1_230);
    expect(figureOn('smic-hourly', '2027-01-02', figures)?.cents).toBe(1_230);
  });
});

describe('a PEC paid at 60 % of the SMIC on 20 h, without a SMIC of its own', () => {
  // A month at 12,02 €: 0,6 × 1 202 × 20 × 52 ÷ 12 = 62 504 cents; at 12,30 €: 63 960 cents.
  it.each([
    ['no new value: 12 months at 12,02 €', [], 12 * 62_504],
    ['12,30 € from 1 July: 6 months each', [own('smic-hourly', '2026-07-01', 1_230)], 6 * 62_504 + 6 * 63_960],
    [
      'from 2 July: July still at 12,02 € (the SMIC of the month’s first day)',
      [own('smic-hourly', '2026-07-02', 1_230)],
      7 * 62_504 + 5 * 63_960,
    ],
    ['from 30 June: July on', [own('smic-hourly', '2026-06-30', 1_230)], 6 * 62_504 + 6 * 63_960],
  ] as const)('%s', (_label, values, cents) => {
    const figures = mergeYearlyFigures(values);
    expect(contractYear(contract(), [], pecPost(), 2026, { figures }).aidExpectedCents).toBe(cents);
  });

  it('keeps the SMIC of its own decision when it has one', () => {
    const figures = mergeYearlyFigures([own('smic-hourly', '2026-07-01', 1_230)]);
    expect(contractYear(contract(), [], pecPost({ smicHourlyCents: 1_188 }), 2026, { figures }).aidExpectedCents).toBe(
      Math.round(12 * ((0.6 * 1_188 * 20 * 52) / 12)),
    );
  });

  it('may be saved without its SMIC, not without its rate', () => {
    const input = {
      contractId: 'c1',
      scheme: 'pec',
      aidStartDate: '2026-01-01',
      aidEndDate: '2026-12-31',
      aidMode: 'smic-rate',
      smicRatePercent: '60',
      aidedWeeklyHours: '20',
      renewalLeadMonths: '2',
    };
    expect(aidedPostSchema.safeParse(input).success).toBe(true);
    expect(aidedPostSchema.safeParse({ ...input, smicRatePercent: '' }).success).toBe(false);
  });
});

describe('an adulte-relais post without its own amount follows the aid re-indexed each 1 July', () => {
  const post = {
    ...pecPost(),
    scheme: 'adulte-relais',
    aidMode: 'annual',
    aidEndDate: '2028-12-31',
    smicRatePercent: undefined,
    aidedWeeklyHours: undefined,
  } as AidedPostRecord;
  const relais = contract({ kind: 'adulte-relais', weeklyHours: 35, plannedEndDate: '2028-12-31' });
  // 2026: 181 days (1 Jan – 30 Jun) at 22 810,61 € and 184 days at 23 300,00 €, over 365.
  const expected = Math.round((181 * 2_281_061 + 184 * 2_330_000) / 365);

  it('counts each day at the amount then in force, and half of it at half time (D5134-158)', () => {
    const figures = mergeYearlyFigures([own('adulte-relais-aid', '2026-07-01', 2_330_000)]);
    expect(contractYear(relais, [], post, 2026, { figures }).aidExpectedCents).toBe(expected);
    expect(contractYear({ ...relais, weeklyHours: 17.5 }, [], post, 2026, { figures }).aidExpectedCents).toBe(
      Math.round(((181 * 2_281_061 + 184 * 2_330_000) / 365) * 0.5),
    );
    // Without the new value: the shipped 2024 amount all year.
    expect(contractYear(relais, [], post, 2026).aidExpectedCents).toBe(2_281_061);
  });

  it('a FONJEP post without an amount takes the 2026 post (7 164 €); one with its amount keeps it', () => {
    const fonjep = { ...post, scheme: 'fonjep' } as AidedPostRecord;
    expect(contractYear(contract({ kind: 'cdi', plannedEndDate: undefined }), [], fonjep, 2026).aidExpectedCents).toBe(716_400);
    expect(
      contractYear(contract({ kind: 'cdi', plannedEndDate: undefined }), [], { ...fonjep, annualAidCents: 700_000 }, 2026).aidExpectedCents,
    ).toBe(700_000);
  });

  it('still asks an amount of a post of another scheme', () => {
    const input = {
      contractId: 'c1',
      scheme: 'regional',
      aidStartDate: '2026-01-01',
      aidEndDate: '2026-12-31',
      aidMode: 'annual',
      renewalLeadMonths: '2',
    };
    expect(aidedPostSchema.safeParse(input).success).toBe(false);
    expect(aidedPostSchema.safeParse({ ...input, scheme: 'adulte-relais' }).success).toBe(true);
  });
});
