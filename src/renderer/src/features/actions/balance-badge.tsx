import { formatCents } from '../../domain/money';

/** « Équilibré » or the gap, as the list of actions and the budget footer show it. */
export function BalanceBadge({ gapCents }: { gapCents: number }) {
  if (gapCents === 0) return <span className="badge budget-badge--balanced">Équilibré</span>;
  return <span className="badge badge--warning">Écart de {formatCents(Math.abs(gapCents))}</span>;
}
