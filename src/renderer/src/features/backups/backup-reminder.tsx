import { useState } from 'react';
import { Link } from 'wouter';
import { backupIsOverdue, BACKUP_WARNING_DAYS } from '../../domain/backup/backup-envelope';
import { formatBytes } from '../../domain/backup/table-labels';
import { useUnlockedPassphrase } from '../../data/workspace-session';
import { useCurrentWorkspace, useRegistry } from '../../data/workspace-context';
import { useToast } from '../../ui/toast';
import { saveBackupNow } from './save-backup';
import { useAction } from '../../ui/use-action';
import { pathTo } from '../../ui/paths';
import { useLastBackup } from '../../data/live-queries';

/** A banner above every screen when the espace has had no backup for a week, with the download at hand. */
export function BackupReminder() {
  const act = useAction();
  const { db, record } = useCurrentWorkspace();
  const toast = useToast();
  const registry = useRegistry();
  const passphrase = useUnlockedPassphrase();
  const lastBackup = useLastBackup(db);
  const [dismissed, setDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  // A new espace is not nagged: the week counts from its creation when it was never backed up.
  if (lastBackup === undefined || dismissed || !backupIsOverdue(lastBackup?.at ?? record.createdAt, new Date())) return null;

  return (
    <div className="reminder" role="region" aria-label="Rappel de sauvegarde">
      <p>
        {lastBackup === null
          ? `Cet espace n’a jamais été sauvegardé depuis sa création, il y a plus de ${BACKUP_WARNING_DAYS} jours.`
          : `Aucune sauvegarde depuis plus de ${BACKUP_WARNING_DAYS} jours.`}{' '}
        Une sauvegarde sur une clé USB protège la mémoire de l’association si l’ordinateur est perdu ou réinstallé.
      </p>
      <div className="reminder__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() =>
            act(async () => {
              setBusy(true);
              try {
                const made = await saveBackupNow(db, record, passphrase, registry);
                if (made) toast.show(`Sauvegarde enregistrée (${formatBytes(made.bytes)}).`);
              } catch (e) {
                toast.show(e instanceof Error ? e.message : String(e), { tone: 'error' });
              } finally {
                setBusy(false);
              }
            })
          }
        >
          Sauvegarder maintenant
        </button>
        <Link href={pathTo({ screen: 'backups' })} className="button">
          Réglages des sauvegardes
        </Link>
        <button type="button" className="button" onClick={() => setDismissed(true)}>
          Plus tard
        </button>
      </div>
    </div>
  );
}
