import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useProjectSummaries } from '../../data/projects-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort } from '../../domain/dates';
import { formatCents } from '../../domain/money';
import { formatProjectDuration } from '../../domain/projects/project-duration';
import { DossiersTabs } from '../../ui/dossiers-tabs';
import { Page } from '../../ui/page';
import { BalanceBadge } from './balance-badge';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { SearchBox } from '../../ui/list-pieces';

// The search survives going to an action and back, for the session.
const remembered = { search: '' };

export function ActionsListPage() {
  const { db } = useCurrentWorkspace();
  const summaries = useProjectSummaries(db);
  const [, navigate] = useLocation();
  const [search, setSearchState] = useState(remembered.search);
  const setSearch = (s: string) => setSearchState((remembered.search = s));
  const needle = search.trim().toLocaleLowerCase('fr');
  const shown = (summaries ?? []).filter((s) =>
    `${s.project.title} ${s.project.beneficiaryType ?? ''} ${s.project.territory ?? ''}`.toLocaleLowerCase('fr').includes(needle),
  );

  const newAction = (
    <button type="button" className="button button--primary" onClick={() => navigate(pathTo({ screen: 'new-action' }))}>
      Nouvelle action
    </button>
  );

  return (
    <Page title="Actions" action={newAction}>
      <DossiersTabs />
      {summaries === undefined ? (
        <Loading />
      ) : summaries.length === 0 ? (
        <EmptyState title="Aucune action">
          <p>
            Une action (un projet) est ce qu’une subvention finance : ses objectifs et leurs indicateurs, son public, son territoire, ses
            dates, l’équipe qui la mène et son budget. Chaque action décrite ici remplit la partie 6 du dossier Cerfa 12156 et son budget
            prévisionnel.
          </p>
          {newAction}
        </EmptyState>
      ) : (
        <>
          <p>
            <Link href={pathTo({ screen: 'next-exercise' })}>Préparer l’exercice suivant</Link> : reconduire les actions, demandes et
            budgets de l’exercice écoulé.
          </p>
          <div className="toolbar">
            <SearchBox label="Rechercher une action" value={search} onChange={setSearch} />
          </div>
          {shown.length === 0 ? (
            <p role="status">Aucune action ne correspond à « {search} ».</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">Actions de l’association</caption>
              <thead>
                <tr>
                  <th scope="col">Intitulé</th>
                  <th scope="col">Dates</th>
                  <th scope="col">Bénéficiaires</th>
                  <th scope="col" className="numeric">
                    Budget (charges)
                  </th>
                  <th scope="col">Équilibre</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ project, totals, budgetYear }) => (
                  <tr key={project.id}>
                    <td>
                      <Link href={pathTo({ screen: 'action', id: project.id })}>{project.title}</Link>
                    </td>
                    <td>
                      {formatDateShort(project.startDate)} – {formatDateShort(project.endDate)}
                      <span className="actions-muted"> ({formatProjectDuration(project)})</span>
                    </td>
                    <td>
                      {project.beneficiaryCount !== undefined ? `${project.beneficiaryCount} — ` : ''}
                      {project.beneficiaryType ?? <span className="actions-muted">à préciser</span>}
                    </td>
                    <td className="numeric">
                      {totals ? (
                        <>
                          {formatCents(totals.chargesCents)}
                          <span className="actions-muted"> ({budgetYear})</span>
                        </>
                      ) : (
                        <span className="actions-muted">pas de budget</span>
                      )}
                    </td>
                    <td>{totals ? <BalanceBadge gapCents={totals.gapCents} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Page>
  );
}
