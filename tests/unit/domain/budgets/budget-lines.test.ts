import { describe, expect, it } from 'vitest';
import {
  applicationAmountForYear,
  applicationBasis,
  lineAmountResolver,
  resolveLines,
  roundToWholeEuros,
} from '../../../../src/renderer/src/domain/budgets/budget-lines';
import { budgetTotals } from '../../../../src/renderer/src/domain/budgets/budget-totals';
import { fixtureApplications } from '../../../fixtures/funding';
import { fixtureAssociationBudgetLines } from '../../../fixtures/projects';

const app = (id: string) => {
  const found = fixtureApplications.find((a) => a.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('the amount a linked line follows', () => {
  it.each([
    { id: 'app-state-schooling-2027', year: 2027, basis: 'requested', euros: 18_000 }, // à préparer → demandé
    { id: 'app-foundation', year: 2026, basis: 'requested', euros: 10_000 }, // déposée → demandé
    { id: 'app-caf-clas', year: 2026, basis: 'granted', euros: 11_000 }, // accordée, no convention → accordé
    { id: 'app-region-digital', year: 2026, basis: 'agreed', euros: 15_500 }, // conventionné under accordé
    { id: 'app-department-summer', year: 2026, basis: 'agreed', euros: 4_000 }, // clôturée after payment
    { id: 'app-state-rights', year: 2026, basis: 'refused', euros: 0 }, // refusée → nothing
    { id: 'app-city-cpo', year: 2026, basis: 'agreed', euros: 30_000 }, // CPO 90 000 € over 3 years
    { id: 'app-city-cpo', year: 2027, basis: 'agreed', euros: 30_000 },
    { id: 'app-city-cpo', year: 2029, basis: 'agreed', euros: 0 }, // after the CPO
  ])('$id in $year: $basis, $euros €', ({ id, year, basis, euros }) => {
    expect(applicationBasis(app(id))).toBe(basis);
    expect(applicationAmountForYear(app(id), year)).toBe(euros * 100);
  });

  it('splits a CPO starting in September by the days of each exercise in the calendar year', () => {
    // 3 exercises of 12 000 €; 2026 holds Sept–Dec of the first: 122/365 → 4 010,96 → 4 011 €.
    const cpo = { status: 'agreement-signed', requestedCents: 3_600_000, grantedCents: 3_600_000, agreedCents: 3_600_000, periodStart: '2026-09-01', periodEnd: '2029-08-31', multiYear: true } as const;
    expect(applicationAmountForYear(cpo, 2026)).toBe(401_100);
    // 2027: 243 days of exercise 1 (2026-09-01…2027-08-31, 365 days) + 122 days of exercise 2 (366 days, 2028 leap).
    const expected = Math.round((1_200_000 * 243) / 365 + (1_200_000 * 122) / 366) / 100;
    expect(applicationAmountForYear(cpo, 2027)).toBe(Math.round(expected) * 100);
  });

  it.each([
    [12_349, 12_300],
    [12_350, 12_400],
    [0, 0],
  ])('rounds %i cents to whole euros: %i', (cents, rounded) => {
    expect(roundToWholeEuros(cents)).toBe(rounded);
  });
});

describe('lineAmountResolver', () => {
  const apps = fixtureApplications.map((a) => ({ ...a, deletedAt: null }));

  it('gives a linked line its application’s amount and leaves other lines as typed', () => {
    const amountOf = lineAmountResolver(apps, 2027);
    expect(amountOf({ account: '74.municipality', amountCents: 100, grantApplicationId: 'app-city-cpo' })).toBe(3_000_000);
    expect(amountOf({ account: '61.rent', amountCents: 960_000 })).toBe(960_000);
  });

  it('keeps the stored amount when the application is in the bin', () => {
    const binned = apps.map((a) => (a.id === 'app-city-cpo' ? { ...a, deletedAt: '2026-11-20T10:00:00.000Z' } : a));
    const amountOf = lineAmountResolver(binned, 2027);
    expect(amountOf({ account: '74.municipality', amountCents: 100, grantApplicationId: 'app-city-cpo' })).toBe(100);
  });

  it('follows a vote: when the 2027 State request is accordée at 15 000 €, the association budget shows a 3 000 € gap', () => {
    const voted = apps.map((a) =>
      a.id === 'app-state-schooling-2027' ? { ...a, status: 'granted' as const, filedOn: '2026-11-26', decidedOn: '2027-03-10', grantedCents: 1_500_000 } : a,
    );
    const lines = resolveLines(fixtureAssociationBudgetLines, voted, 2027);
    expect(lines.find((l) => l.grantApplicationId === 'app-state-schooling-2027')?.effectiveCents).toBe(1_500_000);
    const totals = budgetTotals(lines, (l) => l.effectiveCents);
    expect(totals.gapCents).toBe(300_000);
  });
});
