import { describe, expect, it } from 'vitest';
import { exerciseCalendar, exerciseStartingIn } from '../../../../src/renderer/src/domain/exercise';
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
    // accordée, no convention → accordé, pro rata temporis: Sept–Dec is 122 of its 303 days → 4 429,04 €
    { id: 'app-caf-clas', year: 2026, basis: 'granted', euros: 4_429 },
    { id: 'app-caf-clas', year: 2027, basis: 'granted', euros: 6_571 }, // the other 181 days: 6 570,96 €
    { id: 'app-region-digital', year: 2026, basis: 'agreed', euros: 15_500 }, // conventionné under accordé
    { id: 'app-department-summer', year: 2026, basis: 'agreed', euros: 4_000 }, // clôturée after payment
    { id: 'app-state-rights', year: 2026, basis: 'refused', euros: 0 }, // refusée → nothing
    // CPO 90 000 € over 1 096 days: 365 in 2026 (29 972,63 €), 365 in 2027, 366 in 2028 (30 054,74 €)
    { id: 'app-city-cpo', year: 2026, basis: 'agreed', euros: 29_973 },
    { id: 'app-city-cpo', year: 2027, basis: 'agreed', euros: 29_973 },
    { id: 'app-city-cpo', year: 2028, basis: 'agreed', euros: 30_055 },
    { id: 'app-city-cpo', year: 2029, basis: 'agreed', euros: 0 }, // after the CPO
  ])('$id in $year: $basis, $euros €', ({ id, year, basis, euros }) => {
    expect(applicationBasis(app(id))).toBe(basis);
    expect(applicationAmountForYear(app(id), year)).toBe(euros * 100);
  });

  it('splits a CPO starting in September by the days of its period in each calendar-year exercise', () => {
    // 36 000 € over 1 096 days (2028 is leap); 2026 holds 122 of them → 4 007,30 € → 4 007 €.
    const cpo = {
      status: 'agreement-signed',
      requestedCents: 3_600_000,
      grantedCents: 3_600_000,
      agreedCents: 3_600_000,
      periodStart: '2026-09-01',
      periodEnd: '2029-08-31',
      multiYear: true,
    } as const;
    expect(applicationAmountForYear(cpo, 2026)).toBe(400_700);
    // 2027: days 123 to 487 → round(3 600 000 × 487 / 1 096) − 400 730 = 1 198 905 cents → 11 989 €.
    expect(applicationAmountForYear(cpo, 2027)).toBe(1_198_900);
  });

  it('gives a September–August exercise the whole of a September–August grant, once', () => {
    const caf = {
      status: 'granted',
      requestedCents: 1_200_000,
      grantedCents: 1_200_000,
      periodStart: '2025-09-01',
      periodEnd: '2026-08-31',
      multiYear: false,
    } as const;
    const septAug = exerciseCalendar({ exerciseStart: '2024-09-01' });
    expect(applicationAmountForYear(caf, exerciseStartingIn(septAug, 2025))).toBe(1_200_000);
    expect(applicationAmountForYear(caf, exerciseStartingIn(septAug, 2026))).toBe(0);
    // A calendar-year association splits it: 122 days in 2025, 243 in 2026 — never 12 000 € in both.
    expect(applicationAmountForYear(caf, 2025) + applicationAmountForYear(caf, 2026)).toBe(1_200_000);
    expect(applicationAmountForYear(caf, 2026)).toBe(798_900);
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
    expect(amountOf({ account: '74.municipality', amountCents: 100, grantApplicationId: 'app-city-cpo' })).toBe(2_997_300);
    expect(amountOf({ account: '61.rent', amountCents: 960_000 })).toBe(960_000);
  });

  // Deleted, or in the bin (the repositories leave it out: tests/unit/data/bin-filtering.test.ts).
  it('keeps the stored amount when the application is not among the records', () => {
    const amountOf = lineAmountResolver(
      apps.filter((a) => a.id !== 'app-city-cpo'),
      2027,
    );
    expect(amountOf({ account: '74.municipality', amountCents: 100, grantApplicationId: 'app-city-cpo' })).toBe(100);
  });

  it('follows a vote: when the 2027 State request is accordée at 15 000 €, the association budget shows a 3 027 € gap', () => {
    const voted = apps.map((a) =>
      a.id === 'app-state-schooling-2027'
        ? { ...a, status: 'granted' as const, filedOn: '2026-11-26', decidedOn: '2027-03-10', grantedCents: 1_500_000 }
        : a,
    );
    const lines = resolveLines(fixtureAssociationBudgetLines, voted, 2027);
    expect(lines.find((l) => l.grantApplicationId === 'app-state-schooling-2027')?.effectiveCents).toBe(1_500_000);
    const totals = budgetTotals(lines, (l) => l.effectiveCents);
    // 3 000 € less from the State, 27 € less from the CPO (its 2027 share, 29 973 € rather than 30 000 €).
    expect(totals.gapCents).toBe(302_700);
  });
});
