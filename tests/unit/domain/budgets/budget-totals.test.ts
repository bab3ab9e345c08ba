import { describe, expect, it } from 'vitest';
import { budgetTotals, chapterRows, formatPercent, grantShare, percentOf } from '../../../../src/renderer/src/domain/budgets/budget-totals';
import { fixtureAssociationBudgetLines, fixtureSchoolingBudgetLines } from '../../../fixtures/projects';

const euros = (n: number) => n * 100;
const line = (account: string, amount: number, extra: { grantApplicationId?: string; funderId?: string } = {}) => ({
  account,
  amountCents: euros(amount),
  ...extra,
});

describe('budgetTotals', () => {
  it.each([
    {
      name: 'an empty budget is balanced at zero',
      lines: [],
      charges: 0,
      products: 0,
      gap: 0,
      balanced: true,
    },
    {
      name: 'charges without produits leave a gap of the whole charges',
      lines: [line('60.supplies', 1_200), line('64.salaries', 15_840)],
      charges: 17_040,
      products: 0,
      gap: 17_040,
      balanced: false,
    },
    {
      name: 'indirect charges (CI) count as charges, own resources (RP) as produits',
      lines: [line('CI.fixed', 2_000), line('RP', 2_000)],
      charges: 2_000,
      products: 2_000,
      gap: 0,
      balanced: true,
    },
    {
      name: 'a surplus gives a negative gap',
      lines: [line('62.travel', 1_000), line('74.state', 1_500)],
      charges: 1_000,
      products: 1_500,
      gap: -500,
      balanced: false,
    },
    {
      name: 'contributions 86/87 stay out of charges and produits',
      lines: [line('61.rent', 500), line('75.fees', 500), line('861', 2_975), line('871', 2_975)],
      charges: 500,
      products: 500,
      gap: 0,
      balanced: true,
    },
    {
      name: 'a line on an unknown account counts nowhere',
      lines: [line('61.rent', 500), line('99.unknown', 1_000)],
      charges: 500,
      products: 0,
      gap: 500,
      balanced: false,
    },
  ])('$name', ({ lines, charges, products, gap, balanced }) => {
    const totals = budgetTotals(lines);
    expect(totals.chargesCents).toBe(euros(charges));
    expect(totals.productsCents).toBe(euros(products));
    expect(totals.gapCents).toBe(euros(gap));
    expect(totals.balanced).toBe(balanced);
  });

  it('adds the fixture action budget up to 36 541 € on both sides, by chapter and by account', () => {
    const totals = budgetTotals(fixtureSchoolingBudgetLines);
    expect(totals).toMatchObject({ chargesCents: euros(36_541), productsCents: euros(36_541), gapCents: 0, balanced: true });
    expect(totals.byChapter['64']).toBe(euros(15_840 + 6_653 + 6_240 + 2_808));
    expect(totals.byAccount['64.salaries']).toBe(euros(22_080));
    expect(totals.byChapter['74']).toBe(euros(30_000));
    expect(totals).toMatchObject({
      contributionUsesCents: euros(2_975),
      contributionResourcesCents: euros(2_975),
      contributionsBalanced: true,
    });
  });

  it('adds the fixture association budget up to 143 700 € and contributions to 10 975 €', () => {
    const totals = budgetTotals(fixtureAssociationBudgetLines);
    expect(totals).toMatchObject({ chargesCents: euros(143_700), productsCents: euros(143_700), balanced: true });
    expect(totals.contributionUsesCents).toBe(euros(10_975));
    expect(totals.contributionGapCents).toBe(0);
  });

  it('shows unbalanced contributions with their own gap', () => {
    const totals = budgetTotals([line('864', 8_000), line('870', 6_500)]);
    expect(totals.contributionGapCents).toBe(euros(1_500));
    expect(totals.contributionsBalanced).toBe(false);
    expect(totals.balanced).toBe(true);
  });

  it('uses the resolved amount of a linked line rather than its stored one', () => {
    const lines = [line('61.rent', 10_000), line('74.state', 8_000, { grantApplicationId: 'app-1' })];
    const totals = budgetTotals(lines, (l) => (l.grantApplicationId === 'app-1' ? euros(10_000) : l.amountCents));
    expect(totals.balanced).toBe(true);
  });

  it('lists every chapter of a side in Cerfa order, empty ones at 0', () => {
    const rows = chapterRows(budgetTotals(fixtureSchoolingBudgetLines), 'charge');
    expect(rows.map((r) => r.chapter)).toEqual(['60', '61', '62', '63', '64', '65', '66', '67', '68', '69', 'CI']);
    expect(rows.find((r) => r.chapter === '61')?.totalCents).toBe(0);
  });
});

describe('grantShare', () => {
  it.each([
    { name: 'every 74 line by default', selection: {}, grant: 30_000, percent: 82.1 },
    { name: 'one application', selection: { grantApplicationIds: ['app-state-schooling-2027'] }, grant: 18_000, percent: 49.3 },
    { name: 'one funder', selection: { funderIds: ['funder-city'] }, grant: 8_000, percent: 21.9 },
    {
      name: 'an application and a funder',
      selection: { grantApplicationIds: ['app-state-schooling-2027'], funderIds: ['funder-caf'] },
      grant: 22_000,
      percent: 60.2,
    },
    { name: 'nothing selected matches', selection: { funderIds: ['funder-region'] }, grant: 0, percent: 0 },
  ])('of the fixture action: $name', ({ selection, grant, percent }) => {
    const share = grantShare(fixtureSchoolingBudgetLines, selection);
    expect(share.grantCents).toBe(euros(grant));
    expect(share.productsCents).toBe(euros(36_541));
    expect(share.percent).toBe(percent);
  });

  it('has no percentage without produits', () => {
    expect(grantShare([line('60.supplies', 100)]).percent).toBeNull();
  });
});

describe('percentages', () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [17, 40, 42.5],
    [1, 8, 12.5],
    [0, 10, 0],
    [5, 5, 100],
  ])('%i of %i is %f %', (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });

  it.each([
    [42.5, '42,5\u00a0%'],
    [50, '50\u00a0%'],
    [0, '0\u00a0%'],
    [100, '100\u00a0%'],
  ])('formats %f as %s', (percent, text) => {
    expect(formatPercent(percent)).toBe(text);
  });
});
