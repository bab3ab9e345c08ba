import { useMemo } from 'react';
import { Link } from 'wouter';
import { useExerciseCalendar } from '../../data/association-repository';
import { useDossierSources, useFinancialReports } from '../../data/dossier-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import { needsFinancialReport } from '../../domain/dossier/financial-report';
import { financialReportDueDates, reached } from '../../domain/funding/grant-application';
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
    return sources.applications
      .filter((a) => needsFinancialReport(a, today))
      .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
      .map((app) => {
        const report = reports.find((r) => r.grantApplicationId === app.id);
        const due = financialReportDueDates(app, calendar)[0]?.dueDate;
        const state = reached(app.status, 'report-submitted', app)
          ? 'Remis au financeur'
          : report?.producedAt
            ? `Prêt à envoyer (produit le ${formatDateShort(report.producedAt.slice(0, 10))})`
            : report
              ? 'En cours de rédaction'
              : 'À rédiger';
        return { app, funder: sources.funders.find((f) => f.id === app.funderId)?.name ?? '—', due, state };
      });
  }, [sources, reports, today, calendar]);

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
              <th scope="col">Fin de période</th>
              <th scope="col">Compte-rendu dû le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ app, funder, due, state }) => (
              <tr key={app.id}>
                <td>
                  <Link href={pathTo({ screen: 'report', id: app.id })}>{app.title}</Link>
                </td>
                <td>{funder}</td>
                <td>{formatDateShort(app.periodEnd)}</td>
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
