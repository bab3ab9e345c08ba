import { useState } from 'react';
import { Link } from 'wouter';
import { deleteFunder, restoreFunder, useFunders, useGrantApplications } from '../../data/funding-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { filingPortalLabel, funderKindShortLabel, type FunderRecord } from '../../domain/funding/funder';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ExportMenu } from '../../ui/export-menu';
import { Page } from '../../ui/page';
import { fundersSheet, saveSheet } from './funding-export';
import { useToast } from '../../ui/toast';
import { FunderDialog } from './funder-dialog';
import { FundingTabs } from './funding-tabs';
import { SortableHeader, useSort } from '../../ui/sortable';
import { refusalText, useAction } from '../../ui/use-action';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { ActionsHeader, SmallButton } from '../../ui/list-pieces';

type Column = 'name' | 'kind' | 'portal' | 'applications';

export function FundersPage() {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const funders = useFunders(db);
  const applications = useGrantApplications(db);
  const toast = useToast();
  const [editing, setEditing] = useState<FunderRecord | 'new' | null>(null);
  const [deleting, setDeleting] = useState<FunderRecord | null>(null);
  const [search, setSearch] = useState('');

  const countFor = (id: string) => applications?.filter((a) => a.funderId === id).length ?? 0;
  const filtered = (funders ?? []).filter((f) =>
    `${f.name} ${f.service ?? ''} ${f.contactName ?? ''}`.toLocaleLowerCase('fr').includes(search.trim().toLocaleLowerCase('fr')),
  );
  const { sorted, sort, toggle } = useSort<FunderRecord, Column>(filtered, { key: 'name', direction: 'ascending' }, (f, key) =>
    key === 'name'
      ? f.name
      : key === 'kind'
        ? funderKindShortLabel(f.kind)
        : key === 'portal'
          ? filingPortalLabel(f.portal)
          : countFor(f.id),
  );

  async function confirmDelete(funder: FunderRecord) {
    const binned = await deleteFunder(db, { id: funder.id, updatedAt: funder.updatedAt });
    setDeleting(null);
    if (!binned.ok) {
      toast.show(refusalText(binned.errors), { tone: 'error' });
      return;
    }
    toast.show(`Financeur « ${funder.name} » mis à la corbeille.`, {
      action: { label: 'Annuler', run: () => restoreFunder(db, funder.id) },
    });
  }

  return (
    <Page
      title="Financeurs"
      action={
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          Nouveau financeur
        </button>
      }
    >
      <FundingTabs />
      {funders === undefined ? (
        <Loading />
      ) : funders.length === 0 ? (
        <EmptyState title="Aucun financeur pour l’instant">
          <p>
            Les financeurs — État, collectivités, CAF, fondations — avec leur service instructeur et leur portail de dépôt. Chacun est une
            organisation de l’annuaire des partenaires, où sa fiche réunit ses subventions, ses conventions et ses contacts. Chaque demande
            de subvention s’adresse à l’un d’eux.
          </p>
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            Ajouter un premier financeur
          </button>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <label className="search">
              <span className="search__label">Rechercher un financeur</span>
              <input type="search" className="field__control" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <ExportMenu what="les financeurs" onExport={(format) => saveSheet(format, fundersSheet(sorted))} />
          </div>
          <table className="data-table">
            <caption className="visually-hidden">Financeurs de l’association</caption>
            <thead>
              <tr>
                <SortableHeader label="Nom" column="name" sort={sort} onSort={toggle} />
                <SortableHeader label="Type" column="kind" sort={sort} onSort={toggle} />
                <SortableHeader label="Portail" column="portal" sort={sort} onSort={toggle} />
                <SortableHeader label="Demandes" column="applications" sort={sort} onSort={toggle} numeric />
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {sorted.map((f) => (
                <tr key={f.id}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setEditing(f)}>
                      {f.name}
                    </button>
                    {f.service ? <div className="muted small">{f.service}</div> : null}
                  </td>
                  <td>{funderKindShortLabel(f.kind)}</td>
                  <td>{filingPortalLabel(f.portal)}</td>
                  <td className="num">{countFor(f.id)}</td>
                  <td className="row-actions">
                    <Link
                      href={pathTo({ screen: 'partner', id: f.id })}
                      className="button button--small"
                      aria-label={`Fiche de ${f.name} dans l’annuaire`}
                    >
                      Fiche
                    </Link>
                    <SmallButton danger label={`Supprimer ${f.name}`} onClick={() => setDeleting(f)}>
                      Supprimer
                    </SmallButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {sorted.length === 0 ? <p className="muted">Aucun financeur ne correspond à « {search} ».</p> : null}
        </>
      )}
      <FunderDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        {...(editing !== null && editing !== 'new' ? { funder: editing } : {})}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Supprimer « ${deleting?.name ?? ''} »\u00a0?`}
        description={<p>Le financeur va à la corbeille&nbsp;; ses demandes restent. Vous pourrez annuler.</p>}
        confirmLabel="Supprimer le financeur"
        onConfirm={() => deleting && act(() => confirmDelete(deleting))}
        destructive
      />
    </Page>
  );
}
