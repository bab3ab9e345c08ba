import { describe, expect, it } from 'vitest';
import { cashDeadlines } from '../../../../src/renderer/src/domain/deadlines/cash-deadlines';
import { cashForecast } from '../../../../src/renderer/src/domain/treasury/cash-forecast';

// The dashboard's « Trésorerie négative prévue en … »: only once a balance is entered, on the last day of
// the first month that closes below zero — and not when it closes at exactly zero.

const rent = (amountCents: number) => ({
  id: 'rent',
  label: 'Loyer',
  direction: 'out' as const,
  amountCents,
  rhythm: 'monthly' as const,
  firstDate: '2026-12-05',
});
const forecast = (openingCents: number | undefined, rentCents: number) =>
  cashForecast({
    today: '2026-11-24',
    opening: openingCents === undefined ? undefined : { date: '2026-11-24', amountCents: openingCents },
    applications: [],
    payments: [],
    team: { people: [], contracts: [], amendments: [], aidedPosts: [] },
    recurring: [rent(rentCents)],
  });

describe('the negative-cash deadline', () => {
  it('names the first negative month, due on its last day, with the balance', () => {
    // 3 000 € less 1 000 € each month from December: 0 at the end of February, −1 000 € at the end of March.
    const [deadline, ...rest] = cashDeadlines(forecast(300_000, 100_000));
    expect(rest).toEqual([]);
    expect(deadline).toMatchObject({
      key: 'association:cash-forecast:cash-negative:2027-03',
      title: 'Trésorerie négative prévue en mars 2027',
      dueDate: '2027-03-31',
      target: { screen: 'treasury' },
      kind: 'milestone',
      detail: 'Solde prévu fin mars 2027\u00a0: -1\u00a0000,00\u00a0€',
    });
  });

  it('says nothing at exactly zero, one cent above, or without a balance entered', () => {
    // Twelve months of 250 €: exactly 0 at the end of October 2027 (Dec–Oct is eleven rents: 2 750 €).
    expect(forecast(275_000, 25_000).months.at(-1)?.closingCents).toBe(0);
    expect(cashDeadlines(forecast(275_000, 25_000))).toEqual([]);
    expect(cashDeadlines(forecast(275_001, 25_000))).toEqual([]);
    expect(cashDeadlines(forecast(274_999, 25_000))).toMatchObject([{ title: 'Trésorerie négative prévue en octobre 2027' }]);
    expect(cashDeadlines(forecast(undefined, 100_000))).toEqual([]);
  });
});
