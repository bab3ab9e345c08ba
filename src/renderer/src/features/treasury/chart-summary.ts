import { formatCents } from '../../domain/money';
import { cashMonthLabel, type CashMonth } from '../../domain/treasury/cash-forecast';

// The chart's text for screen readers, kept out of cash-chart.tsx so that the page can build it without
// loading the chart library.

/** The aria-label of the chart: the lowest and the last balance, and the negative months. */
export function chartSummary(months: readonly CashMonth[]): string {
  if (months.length === 0) return 'Graphique de trésorerie vide.';
  const lowest = months.reduce((a, b) => (b.closingCents < a.closingCents ? b : a));
  const negative = months.filter((m) => m.negative).map((m) => cashMonthLabel(m.month));
  return (
    `Graphique de trésorerie sur ${months.length} mois, de ${cashMonthLabel(months[0]!.month)} à ${cashMonthLabel(months[months.length - 1]!.month)} : ` +
    `solde le plus bas ${formatCents(lowest.closingCents)} en ${cashMonthLabel(lowest.month)}, ` +
    `solde final ${formatCents(months[months.length - 1]!.closingCents)}` +
    (negative.length > 0 ? `, négatif en ${negative.join(', ')}.` : ', jamais négatif.') +
    ' Le tableau à côté donne chaque mois.'
  );
}
