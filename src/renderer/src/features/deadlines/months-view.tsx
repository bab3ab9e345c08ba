import { Link } from 'wouter';
import { formatDateShort, type IsoDate } from '../../domain/dates';
import type { Deadline } from '../../domain/deadlines/deadline';
import type { DeadlineState } from '../../domain/deadlines/engine';
import { nextTwelveMonths } from '../../domain/deadlines/months';
import { formatCents } from '../../domain/money';
import { pathTo } from '../../ui/paths';

/** The year ahead, month by month: one compact table per month, laid out to print on A4 (styles.css). */
export function MonthsView({
  deadlines,
  states,
  today,
}: {
  deadlines: readonly Deadline[];
  states: ReadonlyMap<string, DeadlineState>;
  today: IsoDate;
}) {
  const months = nextTwelveMonths(deadlines, states, today);
  return (
    <div className="months">
      <p className="months__print-title">Échéances des douze prochains mois, au {formatDateShort(today)}</p>
      {months.map((month) => (
        <section key={month.month} className="months__month" aria-labelledby={`month-${month.month}`}>
          <h2 id={`month-${month.month}`}>
            <span className="months__name">{month.label}</span> <span className="count">({month.deadlines.length})</span>
            {month.expectedCents > 0 ? (
              <span className="deadline-group__money">Attendu&nbsp;: {formatCents(month.expectedCents)}</span>
            ) : null}
          </h2>
          {month.deadlines.length === 0 ? (
            <p className="muted">Rien ce mois-ci.</p>
          ) : (
            <table className="table months__table">
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Échéance</th>
                  <th scope="col">Domaine</th>
                </tr>
              </thead>
              <tbody>
                {month.deadlines.map((d) => (
                  <tr key={d.key}>
                    <td className="months__date">{formatDateShort(d.dueDate)}</td>
                    <td>
                      <Link href={pathTo(d.target)}>{d.title}</Link>
                    </td>
                    <td className="months__source">{d.sourceLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
