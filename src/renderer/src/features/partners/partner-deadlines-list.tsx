import { Link } from 'wouter';
import { usePartnerDeadlineData } from '../../data/partner-deadlines-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import { partnerDeadlines } from '../../domain/deadlines/partner-deadlines';
import { Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

/**
 * The partner section's own échéances until the shared dashboard shows them: overdue first, then the
 * coming ones. `agreementId` narrows it to one agreement.
 */
export function PartnerDeadlinesList({ agreementId, heading = 'Échéances' }: { agreementId?: string; heading?: string }) {
  const { db } = useCurrentWorkspace();
  const data = usePartnerDeadlineData(db);
  const today = todayIso();
  if (data === undefined) return <Loading />;
  const all = partnerDeadlines(data, today);
  const deadlines = agreementId === undefined ? all : all.filter((d) => d.target.screen === 'agreement' && d.target.id === agreementId);
  const headingId = `deadlines-${agreementId ?? 'all'}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {deadlines.length === 0 ? (
        <p className="muted">
          {agreementId === undefined
            ? 'Aucune échéance : les dates de dénonciation, de fin de convention et de validité des pièces apparaîtront ici.'
            : 'Aucune échéance pour cette convention.'}
        </p>
      ) : (
        <ul className="deadline-list">
          {deadlines.map((deadline) => {
            const overdue = deadline.dueDate < today;
            return (
              <li key={deadline.key} className={overdue ? 'deadline deadline--overdue' : 'deadline'}>
                <span className="deadline__date">
                  {formatDateShort(deadline.dueDate)}
                  {overdue ? <span className="badge badge--danger">En retard</span> : null}
                </span>
                <span className="deadline__body">
                  {agreementId === undefined ? <Link href={pathTo(deadline.target)}>{deadline.title}</Link> : <span>{deadline.title}</span>}
                  {deadline.detail ? <span className="deadline__detail">{deadline.detail}</span> : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
