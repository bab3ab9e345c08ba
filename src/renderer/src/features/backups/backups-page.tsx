import { useEffect, useState } from 'react';
import { backupIsOverdue, BACKUP_WARNING_DAYS } from '../../domain/backup/backup-envelope';
import { formatBytes } from '../../domain/backup/table-labels';
import { changesPhrase, RESTORE_UNDO_DAYS } from '../../domain/backup/restore-undo';
import { undoRestore, type ProgressListener, type RestoreUndoOffer } from '../../data/backup';
import { useWorkspaceSession } from '../../data/workspace-session';
import { useCurrentWorkspace, useRegistry } from '../../data/workspace-context';
import { currentPlatform } from '../../platform/current-platform';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { AutomaticBackupsSection } from './automatic-backups-section';
import { formatMoment } from './backup-format';
import { RestoreFlow } from './restore-flow';
import { saveBackupNow } from './save-backup';
import { useAction } from '../../ui/use-action';
import { Loading } from '../../ui/loading-state';
import { useLastBackup, useRestoreUndoOffer } from '../../data/live-queries';

function useStorageEstimate() {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number; persisted: boolean } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (!navigator.storage?.estimate) return;
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      const persisted = (await navigator.storage.persisted?.()) ?? false;
      if (!cancelled) setEstimate({ usage, quota, persisted });
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return estimate;
}

export function BackupsPage() {
  const act = useAction();
  const { record, db } = useCurrentWorkspace();
  const registry = useRegistry();
  const toast = useToast();
  // A protected espace's backups are encrypted with its passphrase, known while it is unlocked.
  const { passphrase } = useWorkspaceSession();
  const lastBackup = useLastBackup(db);
  const undoOffer = useRestoreUndoOffer(registry, record.id, db);
  const [confirmingUndo, setConfirmingUndo] = useState<RestoreUndoOffer | null>(null);
  const storage = useStorageEstimate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function backupNow() {
    setBusy('Sauvegarde en cours…');
    setError(null);
    const onProgress: ProgressListener = ({ label, done, total }) =>
      setBusy(`Sauvegarde en cours… ${label} (${Math.min(done + 1, total)} sur ${total})`);
    try {
      const made = await saveBackupNow(db, record, passphrase, registry, onProgress);
      if (made) toast.show(`Sauvegarde enregistrée (${formatBytes(made.bytes)}).`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  async function undo() {
    setConfirmingUndo(null);
    setBusy('Retour à l’état d’avant la restauration…');
    setError(null);
    try {
      const info = await currentPlatform().appInfo();
      const onProgress: ProgressListener = ({ label, done, total }) =>
        setBusy(`Retour à l’état d’avant la restauration… ${label} (${Math.min(done + 1, total)} sur ${total})`);
      const undone = await undoRestore(registry, record, info.version, { ...(passphrase ? { passphrase } : {}), onProgress });
      if (undone) toast.show('Restauration annulée : les données d’avant sont revenues. Cette annulation peut elle-même être annulée.');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  const overdue = lastBackup !== undefined && backupIsOverdue(lastBackup?.at ?? record.createdAt, new Date());

  return (
    <Page
      title="Sauvegardes"
      action={
        <button type="button" className="button button--primary" onClick={() => act(() => backupNow())} disabled={busy !== null}>
          Sauvegarder maintenant
        </button>
      }
    >
      {busy ? (
        <p className="progress" role="status">
          {busy}
        </p>
      ) : null}
      {error ? (
        <div className="form-errors-summary" role="alert">
          {error}
        </div>
      ) : null}

      <section className="card" aria-labelledby="last-backup-title">
        <h2 id="last-backup-title">Dernière sauvegarde</h2>
        {lastBackup === undefined ? (
          <Loading />
        ) : lastBackup === null ? (
          <p>Aucune sauvegarde de cet espace n’a encore été enregistrée depuis Passerelle.</p>
        ) : (
          <p>
            {formatMoment(lastBackup.at)} — « {lastBackup.fileName} » ({formatBytes(lastBackup.bytes)})
          </p>
        )}
        {overdue ? (
          <p className="warning">
            Aucune sauvegarde depuis plus de {BACKUP_WARNING_DAYS} jours : enregistrez-en une sur une clé USB ou un dossier synchronisé. Un
            ordinateur perdu ou réinstallé ne doit pas emporter la mémoire de l’association.
          </p>
        ) : null}
        <p className="muted">
          Le fichier contient tout l’espace « {record.name} », fichiers joints compris, et une somme de contrôle qui permet de vérifier
          qu’il est intact.
          {passphrase ? ' L’espace étant protégé, le fichier est chiffré avec sa phrase de passe.' : ''}
          {currentPlatform().kind === 'browser' ? ' Dans le navigateur, il est enregistré dans vos Téléchargements.' : ''}
        </p>
      </section>

      <AutomaticBackupsSection />

      <section className="card" aria-labelledby="restore-title">
        <h2 id="restore-title">Restaurer une sauvegarde</h2>
        <p>
          Passerelle vous montre ce que contient le fichier avant de modifier quoi que ce soit. Vous pourrez le restaurer dans cet espace
          (une copie de l’état actuel est gardée) ou dans un nouvel espace.
        </p>
        <RestoreFlow
          target={record}
          buttonLabel="Choisir un fichier de sauvegarde…"
          onBusy={setBusy}
          onError={setError}
          disabled={busy !== null}
        />
        {undoOffer ? (
          <>
            <p>
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => setConfirmingUndo(undoOffer)}
                disabled={busy !== null}
              >
                {undoOffer.kind === 'undo' ? 'Annuler l’annulation' : 'Annuler la restauration'} du {formatMoment(undoOffer.at)}
              </button>
            </p>
            <p className="muted">
              Possible jusqu’au {formatMoment(undoOffer.expiresAt)} ({RESTORE_UNDO_DAYS} jours après la restauration).
            </p>
          </>
        ) : null}
        {confirmingUndo ? (
          <ConfirmDialog
            open
            onOpenChange={(open) => {
              if (!open) setConfirmingUndo(null);
            }}
            title={
              confirmingUndo.kind === 'undo'
                ? `Annuler l’annulation du ${formatMoment(confirmingUndo.at)}\u00a0?`
                : `Annuler la restauration du ${formatMoment(confirmingUndo.at)}\u00a0?`
            }
            description={
              <>
                <p>
                  L’espace « {record.name} » reviendra à son état du {formatMoment(confirmingUndo.at)}, juste avant{' '}
                  {confirmingUndo.kind === 'undo' ? 'l’annulation' : 'la restauration'}.{' '}
                  {confirmingUndo.changesSince === 0
                    ? 'Aucune modification n’a été faite depuis.'
                    : `${changesPhrase(confirmingUndo.changesSince).replace(/^./, (c) => c.toUpperCase())} faite${confirmingUndo.changesSince > 1 ? 's' : ''} depuis ser${confirmingUndo.changesSince > 1 ? 'ont' : 'a'} retirée${confirmingUndo.changesSince > 1 ? 's' : ''} de l’espace.`}
                </p>
                <p>Une copie de l’état actuel est gardée : vous pourrez annuler cette annulation.</p>
              </>
            }
            confirmLabel="Revenir à l’état d’avant"
            destructive
            onConfirm={() => act(() => undo())}
          />
        ) : null}
      </section>

      <section className="card" aria-labelledby="storage-title">
        <h2 id="storage-title">Stockage sur cet ordinateur</h2>
        {storage ? (
          <>
            <p>
              {formatBytes(storage.usage)} utilisés
              {storage.quota > 0 ? ` sur ${formatBytes(storage.quota)} disponibles` : ''}.
            </p>
            <p className="muted">
              {storage.persisted
                ? 'Le stockage est durable : il ne sera pas effacé pour faire de la place.'
                : 'Le stockage n’est pas marqué durable : en cas de manque de place, le navigateur pourrait l’effacer. Sauvegardez régulièrement.'}
            </p>
          </>
        ) : (
          <p className="muted">L’espace utilisé n’est pas disponible ici.</p>
        )}
      </section>
    </Page>
  );
}
