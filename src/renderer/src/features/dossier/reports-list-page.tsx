import { useMemo } from 'react';
import { Link } from 'wouter';
import { useExerciseCalendar } from '../../data/association-repository';
import { useDossierSources, useFinancialReports } from '../../data/dossier-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import { needsFinancialReport } from '../../domain/dossier/financial-report';
import { exercisesOf, financialReportDueDates, reached } from '../../domain/funding/grant-application';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { Page } from '../../ui/page';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

// The granted applications whose period has ended (or ends within two months): each owes a compte-rendu
// financier (Cerfa 15059) within six months of its exercise's end.

export function ReportsListPage() {
  const { db } = useCurrentWorkspace();
  const sources = useDossierSources(db);
  const reports = useFinancialReports(db);
  const calendar = useExerciseCalendar(db);
  const today = todayIso();
  const rows = useMemo(() => {
    if (!sources || !reports) return undefined;
    // One row per compte-rendu owed: a CPO owes one for each exercise, as soon as that exercise ends.
    return sources.applications
      .flatMap((app) =>
        financialReportDueDates(app, calendar)
          .filter(({ exercise }) => needsFinancialReport({ ...app, periodEnd: exercise.end }, today))
          .map(({ exercise, dueDate }) => ({ app, exercise, due: dueDate, count: exercisesOf(app).length })),
      )
      .sort((a, b) => a.exercise.end.localeCompare(b.exercise.end))
      .map(({ app, exercise, due, count }) => {
        const report = reports.find((r) => r.grantApplicationId === app.id && r.exercise === exercise.number);
        // « Compte-rendu remis » on the application covers all its exercises, as for the deadlines.
        const state = reached(app.status, 'report-submitted', app)
          ? 'Remis au financeur'
          : report?.producedAt
            ? `Prêt à envoyer (produit le ${formatDateShort(report.producedAt.slice(0, 10))})`
            : report
              ? 'En cours de rédaction'
              : 'À rédiger';
        return {
          app,
          exercise,
          count,
          funder: sources.funders.find((f) => f.id === app.funderId)?.name ?? '—',
          due,
          state,
        };
      });
  }, [sources, reports, today, calendar]);

  // The exercise column only where a multi-year grant (CPO) is listed.
  const multiYear = rows?.some((r) => r.count > 1) ?? false;

  return (
    <Page title="Comptes-rendus financiers">
      <DossiersTabs />
      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title="Aucun compte-rendu à rédiger">
          <p>Une subvention accordée dont la période s’achève apparaîtra ici : son compte-rendu financier est dû dans les six mois.</p>
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Subventions accordées dont la période est terminée ou se termine</caption>
          <thead>
            <tr>
              <th scope="col">Demande</th>
              <th scope="col">Financeur</th>
              {multiYear ? <th scope="col">Exercice</th> : null}
              <th scope="col">Fin de période</th>
              <th scope="col">Compte-rendu dû le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ app, exercise, count, funder, due, state }) => (
              <tr key={`${app.id}:${exercise.number}`}>
                <td>
                  <Link href={pathTo({ screen: 'report', id: app.id, exercise: exercise.number })}>
                    {count > 1 ? `${app.title} — exercice ${exercise.number}` : app.title}
                  </Link>
                </td>
                <td>{funder}</td>
                {multiYear ? <td>{count > 1 ? `${exercise.number} sur ${count}` : '—'}</td> : null}
                <td>{formatDateShort(exercise.end)}</td>
                <td>{due ? formatDateShort(due) : '—'}</td>
                <td>{state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
