import { describe, expect, it } from 'vitest';
import { periodEndAfterMonths } from '../../../src/renderer/src/domain/team/day-count';
import { contractWarnings } from '../../../src/renderer/src/domain/team/contract-checks';
import { trialPeriodEnd } from '../../../src/renderer/src/domain/team/trial-period';
import { firstTermEnd, termEnd } from '../../../src/renderer/src/domain/partners/agreement';
import { exercisesOf } from '../../../src/renderer/src/domain/funding/grant-application';

// One clamped month arithmetic for every rule that counts months (issue 15, « Month ends »).

describe('a period of n months, date to date', () => {
  it.each([
    ['2026-03-01', 1, '2026-03-31'],
    ['2026-03-02', 2, '2026-05-01'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-28'],
    ['2024-02-28', 12, '2025-02-27'],
    ['2024-03-01', 12, '2025-02-28'],
    ['2024-08-31', 18, '2026-02-28'],
    ['2024-08-30', 18, '2026-02-28'],
    ['2024-08-29', 18, '2026-02-28'],
    ['2024-08-28', 18, '2026-02-27'],
    ['2025-12-31', 6, '2026-06-30'],
  ])('from %s, %i months end on %s', (start, months, end) => {
    expect(periodEndAfterMonths(start, months)).toBe(end);
  });
});

describe('the 18-month CDD (L1242-8)', () => {
  const cdd = (startDate: string, plannedEndDate: string) =>
    contractWarnings({ kind: 'cdd', startDate, plannedEndDate, actualEndDate: undefined }, []).some((w) => w.includes('plus de 18 mois'));
  it.each([
    ['2024-08-31', '2026-02-27', false],
    ['2024-08-31', '2026-02-28', false],
    ['2024-08-31', '2026-03-01', true],
    ['2024-03-01', '2025-08-31', false],
    ['2024-03-01', '2025-09-01', true],
  ])('from %s to %s: warned %s', (start, end, warned) => {
    expect(cdd(start, end)).toBe(warned);
  });
});

describe('trial periods on month ends', () => {
  it('1 month from 31 January ends on the last day of February, leap or not', () => {
    expect(trialPeriodEnd('2026-01-31', { months: 1 })).toBe('2026-02-28');
    expect(trialPeriodEnd('2028-01-31', { months: 1 })).toBe('2028-02-29');
    expect(trialPeriodEnd('2026-01-30', { months: 1 })).toBe('2026-02-28');
    expect(trialPeriodEnd('2026-01-28', { months: 1 })).toBe('2026-02-27');
  });
});

describe('a 12-month tacit-renewal term from 29 February', () => {
  const agreement = { startDate: '2024-02-29', endDate: undefined, tacitRenewal: true, renewalPeriodMonths: 12 };
  it('ends on 28 Feb 2025, then each renewal on the eve of the next 1 March', () => {
    expect(firstTermEnd(agreement)).toBe('2025-02-28');
    expect(termEnd(agreement, 1)).toBe('2026-02-28');
    expect(termEnd(agreement, 3)).toBe('2028-02-29');
  });
  it('from 28 Feb 2024 the term ends on 27 Feb 2025 (the 28th exists)', () => {
    expect(firstTermEnd({ ...agreement, startDate: '2024-02-28' })).toBe('2025-02-27');
  });
});

describe('the years of a CPO', () => {
  it('cuts 29 Feb 2024 – 28 Feb 2027 into three years, none a day long', () => {
    expect(exercisesOf({ periodStart: '2024-02-29', periodEnd: '2027-02-28', multiYear: true })).toEqual([
      { number: 1, start: '2024-02-29', end: '2025-02-28' },
      { number: 2, start: '2025-03-01', end: '2026-02-28' },
      { number: 3, start: '2026-03-01', end: '2027-02-28' },
    ]);
  });
  it('keeps a fourth year when the period runs one day past three', () => {
    const years = exercisesOf({ periodStart: '2026-01-01', periodEnd: '2029-01-01', multiYear: true });
    expect(years.map((y) => [y.start, y.end])).toEqual([
      ['2026-01-01', '2026-12-31'],
      ['2027-01-01', '2027-12-31'],
      ['2028-01-01', '2028-12-31'],
      ['2029-01-01', '2029-01-01'],
    ]);
  });
});
