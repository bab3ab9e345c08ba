import { useState } from 'react';
import { RETENTION } from '../../domain/backup/retention';
import { useUnlockedPassphrase } from '../../data/workspace-session';
import { useCurrentWorkspace, useRegistry } from '../../data/workspace-context';
import { currentPlatform } from '../../platform/current-platform';
import { autoBackupWriter } from '../../platform/platform';
import { useToast } from '../../ui/toast';
import { AUTO_BACKUP_INTERVAL_MS, runAutomaticBackup } from '../../data/automatic-backups';
import { formatMoment } from './backup-format';
import { useAction } from '../../ui/use-action';
import { Loading } from '../../ui/loading-state';
import { useAutoBackupProblem, useLastBackup } from '../../data/live-queries';
import { useAutoBackupFolder } from '../../platform/host-queries';

const RULE = `Passerelle sauvegarde au démarrage puis toutes les ${AUTO_BACKUP_INTERVAL_MS / 3_600_000} heures si quelque chose a changé, et garde toutes les sauvegardes des dernières ${RETENTION.keepAllHours} heures, une par jour pendant ${RETENTION.dailyDays} jours, puis une par semaine pendant trois mois.`;

export function AutomaticBackupsSection() {
  const act = useAction();
  const { db, record } = useCurrentWorkspace();
  const toast = useToast();
  const registry = useRegistry();
  const passphrase = useUnlockedPassphrase();
  const host = currentPlatform().autoBackups;
  const writer = autoBackupWriter(host);
  const [refresh, setRefresh] = useState(0);
  const folder = useAutoBackupFolder(host, record.id, refresh);
  const problem = useAutoBackupProblem(db);
  const last = useLastBackup(db);

  if (!host || !writer) {
    return (
      <section className="card" aria-labelledby="auto-title">
        <h2 id="auto-title">Sauvegardes automatiques</h2>
        <p>
          Dans le navigateur, Passerelle ne peut pas écrire seul dans un dossier : un rappel s’affiche quand la dernière sauvegarde date de
          plus d’une semaine. L’application de bureau, elle, sauvegarde automatiquement dans un dossier de votre choix (clé USB, dossier
          synchronisé).
        </p>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="auto-title">
      <h2 id="auto-title">Sauvegardes automatiques</h2>
      <p className="muted">
        {RULE} Chaque espace a son propre dossier : celui-ci ne vaut que pour « {record.name} ».
      </p>
      {folder === undefined ? (
        <Loading />
      ) : folder?.folder ? (
        <p>
          Dossier : <strong>{folder.folder}</strong>
          {folder.available ? '' : ' — inaccessible pour le moment (clé USB retirée ?)'}
        </p>
      ) : (
        <p>Aucun dossier choisi : les sauvegardes automatiques sont arrêtées.</p>
      )}
      {last?.automatic ? <p>Dernière sauvegarde automatique : {formatMoment(last.at)}.</p> : null}
      {problem ? (
        <p className="warning" role="alert">
          Échec de la sauvegarde automatique du {formatMoment(problem.at)} : {problem.message}
        </p>
      ) : null}
      <p className="inline-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            act(async () => {
              try {
                const chosen = await host.chooseFolder(record.id);
                if (!chosen) return;
                setRefresh((n) => n + 1);
                const info = await currentPlatform().appInfo();
                await runAutomaticBackup(db, record, writer, info.version, new Date(), passphrase, registry);
                toast.show('Dossier choisi : une première sauvegarde automatique y a été écrite.');
              } catch (e) {
                toast.show(e instanceof Error ? e.message : String(e), { tone: 'error' });
              }
            })
          }
        >
          {folder?.folder ? 'Changer de dossier…' : 'Choisir le dossier…'}
        </button>
      </p>
    </section>
  );
}
