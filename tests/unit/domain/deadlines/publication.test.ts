import { describe, expect, it } from 'vitest';
import { fundingDeadlines, type FundingDeadlineData } from '../../../../src/renderer/src/domain/deadlines/funding-deadlines';
import { exerciseCalendar } from '../../../../src/renderer/src/domain/exercise';
import type { GrantApplication } from '../../../../src/renderer/src/domain/funding/grant-application';
import { yearlySummary } from '../../../../src/renderer/src/domain/funding/yearly-summary';

// Publication of the accounts (Code de commerce L612-4, D612-5): public grants of an exercise strictly
// above 153 000 €, each grant counted by its share of the exercise; due 3 months after approval.

const funders = [
  { id: 'city', name: 'Ville', kind: 'municipality' as const, portal: 'paper' as const },
  { id: 'foundation', name: 'Fondation', kind: 'private' as const, portal: 'paper' as const },
];

function grant(id: string, grantedCents: number, periodStart: string, periodEnd: string, extra: Partial<GrantApplication> = {}) {
  return {
    id,
    funderId: 'city',
    title: id,
    purpose: 'operating',
    renewal: false,
    multiYear: false,
    periodStart,
    periodEnd,
    status: 'granted',
    decidedOn: '2026-01-15',
    requestedCents: grantedCents,
    grantedCents,
    reportDelayMonths: 6,
    ...extra,
  } as GrantApplication & { id: string };
}

const publication = (applications: FundingDeadlineData['applications'], options = {}) =>
  fundingDeadlines({ funders, applications, payments: [] }, '2026-06-01', options).filter((d) => d.rule === 'accounts-publication');

describe('the 153 000 € threshold', () => {
  it.each([
    ['153 000 € exactly', 15_300_000, 0],
    ['one cent above', 15_300_001, 1],
    ['one cent below', 15_299_999, 0],
  ])('%s of public grants in 2026 → %i publication', (_label, cents, count) => {
    expect(publication([grant('a', cents, '2026-01-01', '2026-12-31')])).toHaveLength(count);
    const summary = yearlySummary(funders, [grant('a', cents, '2026-01-01', '2026-12-31')], [], 2026, '2026-06-01');
    expect(summary.publicationRequired).toBe(count === 1);
  });

  it('a private foundation’s grant does not count; a refused one neither', () => {
    expect(publication([grant('a', 20_000_000, '2026-01-01', '2026-12-31', { funderId: 'foundation' })])).toHaveLength(0);
    expect(publication([grant('a', 20_000_000, '2026-01-01', '2026-12-31', { status: 'refused' })])).toHaveLength(0);
  });

  it('a 3-year CPO of 459 000 € counts its share in each exercise, never whole in its first', () => {
    // 2026: 365, 2027: 365, 2028: 366 of 1 096 days → 152 860,40 / 152 860,40 / 153 279,20 €.
    const cpo = grant('cpo', 45_900_000, '2026-01-01', '2028-12-31', { multiYear: true });
    expect(publication([cpo]).map((d) => d.key)).toEqual(['association:accounts:accounts-publication:2028']);
    const shares = [2026, 2027, 2028].map((y) => yearlySummary(funders, [cpo], [], y, '2026-06-01').publicGrantedCents);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(45_900_000);
    expect(shares).toEqual([15_286_040, 15_286_040, 15_327_920]);
  });
});

describe('when publication is due', () => {
  const big = grant('a', 16_000_000, '2026-01-01', '2026-12-31');
  it('3 months after approval, taken at exercise end + 6 months by default', () => {
    expect(publication([big])[0]?.dueDate).toBe('2027-09-30');
  });
  it('3 months after the general assembly the profile gives for that exercise', () => {
    expect(publication([big], { accountsApprovedOn: '2027-05-20' })[0]?.dueDate).toBe('2027-08-20');
    // An assembly of 2028 approves the 2027 accounts, not 2026's.
    expect(publication([big], { accountsApprovedOn: '2028-05-20' })[0]?.dueDate).toBe('2027-09-30');
  });
  it('on a September–August exercise, by that exercise', () => {
    const calendar = exerciseCalendar({ exerciseStart: '2025-09-01' });
    const schoolYear = grant('b', 15_300_001, '2025-09-01', '2026-08-31');
    const [deadline] = publication([schoolYear], { calendar });
    expect(deadline).toMatchObject({ key: 'association:accounts:accounts-publication:2025', dueDate: '2027-05-28' });
    expect(deadline?.title).toContain('Publication des comptes 2025-2026');
    // The same grant for a calendar-year association is split in two, each below the threshold.
    expect(publication([schoolYear])).toHaveLength(0);
  });
});
