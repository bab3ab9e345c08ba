import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../../src/renderer/src/domain/team/contract';
import {
  currentTrialEnd,
  defaultTrialDuration,
  defaultTrialPeriodEnd,
  trialPeriodEnd,
  trialRulesFor,
} from '../../../../src/renderer/src/domain/team/trial-period';

type Dates = Pick<Contract, 'kind' | 'category' | 'startDate' | 'plannedEndDate'>;

describe('trial period counted date to date', () => {
  it.each([
    ['2026-03-02', { months: 2 }, '2026-05-01'],
    ['2026-03-01', { months: 2 }, '2026-04-30'],
    ['2026-01-31', { months: 1 }, '2026-02-28'],
    ['2028-01-30', { months: 1 }, '2028-02-29'],
    ['2026-09-07', { days: 14 }, '2026-09-20'],
    ['2026-12-20', { days: 45 }, '2027-02-02'],
  ] as const)('from %s for %o ends on %s', (start, duration, end) => {
    expect(trialPeriodEnd(start, duration)).toBe(end);
  });
});

describe('default trial periods', () => {
  it.each<[string, Dates, 'legal' | 'eclat', ReturnType<typeof defaultTrialDuration>]>([
    ['CDI employé, legal maximum', { kind: 'cdi', category: 'employee', startDate: '2026-03-02' }, 'legal', { months: 2 }],
    ['CDI technicien, legal maximum', { kind: 'cdi', category: 'technician', startDate: '2026-03-02' }, 'legal', { months: 3 }],
    ['CDI cadre, legal maximum', { kind: 'cdi', category: 'executive', startDate: '2026-03-02' }, 'legal', { months: 4 }],
    ['CDI employé under ÉCLAT', { kind: 'cdi', category: 'employee', startDate: '2026-03-02' }, 'eclat', { months: 1 }],
    ['CDI technicien under ÉCLAT', { kind: 'cdi', category: 'technician', startDate: '2026-03-02' }, 'eclat', { months: 2 }],
    ['CDI cadre under ÉCLAT', { kind: 'cdi', category: 'executive', startDate: '2026-03-02' }, 'eclat', { months: 3 }],
    // 2 Mar → 29 May: 89 days, 12 whole weeks → 12 days.
    [
      'CDD of 3 months: a day per week',
      { kind: 'cdd', category: 'employee', startDate: '2026-03-02', plannedEndDate: '2026-05-29' },
      'legal',
      { days: 12 },
    ],
    [
      'CDD of 6 months: capped at 2 weeks',
      { kind: 'cdd', category: 'employee', startDate: '2026-03-02', plannedEndDate: '2026-09-01' },
      'legal',
      { days: 14 },
    ],
    [
      'CDD over 6 months: capped at 1 month',
      { kind: 'cdd', category: 'employee', startDate: '2026-03-02', plannedEndDate: '2027-03-01' },
      'legal',
      { months: 1 },
    ],
    [
      'PEC of 12 months follows the CDD rule',
      { kind: 'pec', category: 'employee', startDate: '2026-04-01', plannedEndDate: '2027-03-31' },
      'eclat',
      { months: 1 },
    ],
    [
      'CDD of a week: one day',
      { kind: 'cdd', category: 'employee', startDate: '2026-03-02', plannedEndDate: '2026-03-06' },
      'legal',
      { days: 1 },
    ],
    [
      'apprenticeship: 45 days',
      { kind: 'apprenticeship', category: 'employee', startDate: '2026-09-07', plannedEndDate: '2028-08-31' },
      'legal',
      { days: 45 },
    ],
    [
      'service civique: none',
      { kind: 'civic-service', category: 'employee', startDate: '2026-02-02', plannedEndDate: '2026-09-30' },
      'legal',
      null,
    ],
    ['CDD without its end: cannot say', { kind: 'cdd', category: 'employee', startDate: '2026-03-02' }, 'legal', null],
  ])('%s', (_label, contract, rules, expected) => {
    expect(defaultTrialDuration(contract, rules)).toEqual(expected);
  });

  it('reads ÉCLAT from the association’s collective agreement', () => {
    expect(trialRulesFor('1518')).toBe('eclat');
    expect(trialRulesFor('1261')).toBe('legal');
    expect(trialRulesFor(undefined)).toBe('legal');
  });

  it('keeps the user’s end, and a renewal over it', () => {
    const base = { kind: 'cdi', category: 'employee', startDate: '2026-03-02' } as const;
    expect(defaultTrialPeriodEnd(base, 'eclat')).toBe('2026-04-01');
    expect(currentTrialEnd({ ...base, trialPeriodEnd: '2026-03-20' }, 'eclat')).toBe('2026-03-20');
    expect(currentTrialEnd({ ...base, trialPeriodEnd: '2026-04-01', trialRenewalEnd: '2026-05-01' }, 'eclat')).toBe('2026-05-01');
  });
});
