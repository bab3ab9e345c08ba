import { formatCents } from '../money';
import { cashMonthLabel, negativeCashWarning, type CashForecast } from '../treasury/cash-forecast';
import { deadlineKey, type Deadline } from './deadline';

// The Trésorerie's warning on the dashboard: the first month the forecast closes below zero
// (treasury/cash-forecast.ts), on that month's last day — the day its closing balance is counted. Only once
// the user has entered a bank balance: a forecast from zero would warn every espace every month. The key
// holds the month, so a dismissed warning comes back when the forecast moves to another month.

export function cashDeadlines(forecast: CashForecast): Deadline[] {
  const month = forecast.firstNegative;
  const title = negativeCashWarning(forecast);
  if (!forecast.openingKnown || month === undefined || title === undefined) return [];
  return [
    {
      key: deadlineKey('association', 'cash-forecast', 'cash-negative', month.month),
      source: 'association',
      rule: 'cash-negative',
      title,
      dueDate: month.end,
      target: { screen: 'treasury' },
      sourceLabel: 'Trésorerie',
      detail: `Solde prévu fin ${cashMonthLabel(month.month)}\u00a0: ${formatCents(month.closingCents)}`,
      kind: 'milestone',
    },
  ];
}
