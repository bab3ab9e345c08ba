import { describe, expect, it } from 'vitest';
import { figureHint, figureOn } from '../../../src/renderer/src/domain/yearly-figures';
import { aidedPostFormValues, defaultRenewalLeadMonths } from '../../../src/renderer/src/domain/team/aided-post';

describe('dated yearly figures', () => {
  it.each([
    ['2025-12-31', 1_188],
    ['2026-01-01', 1_202],
    ['2026-01-02', 1_202],
    ['2024-11-01', 1_188],
  ])('the hourly SMIC in force on %s is %i cents', (date, cents) => {
    expect(figureOn('smic-hourly', date)?.cents).toBe(cents);
  });

  it('knows nothing before its first value, and says where each value comes from', () => {
    expect(figureOn('smic-hourly', '2024-10-31')).toBeUndefined();
    expect(figureOn('smic-hourly', '2026-06-01')?.source).toMatch(/2026/);
    expect(figureHint('smic-hourly', '2026-03-01')).toBe('12,02\u00a0€');
  });

  it('takes a value given by the user over the shipped one from its date', () => {
    const figures = {
      'smic-hourly': [
        { from: '2026-01-01', cents: 1_202, source: 'JO' },
        { from: '2027-01-01', cents: 1_230, source: 'saisie' },
      ],
      'fonjep-post': [],
      'adulte-relais-aid': [],
    };
    expect(figureOn('smic-hourly', '2026-12-31', figures)?.cents).toBe(1_202);
    expect(figureOn('smic-hourly', '2027-01-01', figures)?.cents).toBe(1_230);
  });
});

describe('renewal lead time by scheme', () => {
  it('is 6 months for a FONJEP post, 2 otherwise', () => {
    expect(defaultRenewalLeadMonths('fonjep')).toBe(6);
    expect(defaultRenewalLeadMonths('pec')).toBe(2);
    expect(aidedPostFormValues('c1', undefined, { scheme: 'fonjep' }).renewalLeadMonths).toBe('6');
    expect(aidedPostFormValues('c1').renewalLeadMonths).toBe('2');
  });
});
