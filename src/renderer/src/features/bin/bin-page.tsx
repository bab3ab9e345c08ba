import { useState } from 'react';
import { deleteBinGroupForever, restoreBinGroup, useBinGroups } from '../../data/bin-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { BIN_RETENTION_DAYS, restorableUntil, type BinGroup } from '../../domain/bin/bin-groups';
import { formatDateShort, formatIsoFromDate } from '../../domain/dates';
import { formatDateTimeShort } from '../../domain/journal/journal';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { BinTabs } from './bin-tabs';
import { useUndoLastChange } from './use-undo';
import { useAction } from '../../ui/use-action';
import { EmptyState, Loading } from '../../ui/loading-state';
import { ActionsHeader } from '../../ui/list-pieces';

export function BinPage() {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const groups = useBinGroups(db);
  const toast = useToast();
  const undo = useUndoLastChange(db);
  const [toDestroy, setToDestroy] = useState<BinGroup | null>(null);

  const restore = async (group: BinGroup) => {
    await restoreBinGroup(db, group.deletedAt);
    toast.show(`Restauré\u00a0: ${group.description}.`, { action: { label: 'Annuler', run: undo } });
  };

  const destroy = async (group: BinGroup) => {
    setToDestroy(null);
    await deleteBinGroupForever(db, group.deletedAt);
    toast.show(`Supprimé définitivement\u00a0: ${group.description}.`, { action: { label: 'Annuler', run: undo } });
  };

  return (
    <Page
      title="Corbeille"
      action={
        <button type="button" className="button" onClick={() => act(() => undo())}>
          Annuler ma dernière modification
        </button>
      }
    >
      <BinTabs />
      {groups === undefined ? (
        <Loading />
      ) : groups.length === 0 ? (
        <EmptyState>
          <p>
            <strong>La corbeille est vide.</strong>
          </p>
          <p>
            Ce que vous supprimez dans Passerelle — un partenaire et ses contacts, une convention, une pièce — arrive ici et peut être
            restauré pendant {BIN_RETENTION_DAYS} jours. Passé ce délai, il est effacé pour de bon à l’ouverture de l’espace.
          </p>
          <p className="muted">Le journal, à côté, garde la trace de qui a modifié quoi et quand.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted">
            Les éléments supprimés restent restaurables {BIN_RETENTION_DAYS} jours, puis sont effacés définitivement. Ce qui a été supprimé
            ensemble est restauré ensemble.
          </p>
          <div className="table-wrap">
            <table className="data-table bin-table">
              <caption className="visually-hidden">Éléments dans la corbeille, du plus récent au plus ancien</caption>
              <thead>
                <tr>
                  <th scope="col">Élément</th>
                  <th scope="col">Supprimé le</th>
                  <th scope="col">Restaurable jusqu’au</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.deletedAt}>
                    <th scope="row" className="bin-table__what">
                      {group.description}
                    </th>
                    <td className="bin-table__when">{formatDateTimeShort(group.deletedAt)}</td>
                    <td className="bin-table__when">{formatDateShort(formatIsoFromDate(restorableUntil(group.deletedAt)))}</td>
                    <td className="bin-table__actions">
                      <div>
                        <button type="button" className="button button--small" onClick={() => act(() => restore(group))}>
                          Restaurer
                        </button>
                        <button type="button" className="button button--small button--danger" onClick={() => setToDestroy(group)}>
                          Supprimer définitivement
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ConfirmDialog
        open={toDestroy !== null}
        onOpenChange={(open) => {
          if (!open) setToDestroy(null);
        }}
        title="Supprimer définitivement ?"
        description={
          <p>
            {toDestroy?.description} {toDestroy && toDestroy.items.length > 1 ? 'seront effacés' : 'sera effacé'} de cet espace. Seule une
            sauvegarde faite avant permettra de {toDestroy && toDestroy.items.length > 1 ? 'les' : 'le'} retrouver.
          </p>
        }
        confirmLabel="Supprimer définitivement"
        destructive
        onConfirm={() => {
          if (toDestroy) act(() => destroy(toDestroy));
        }}
      />
    </Page>
  );
}
