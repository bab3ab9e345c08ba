import { useState } from 'react';
import { formatBytes, tableLabel } from '../../domain/backup/table-labels';
import type { WorkspaceRecord } from '../../domain/workspace';
import { openBackup, restoreAsNewWorkspace, restoreIntoWorkspace, type OpenedBackup, type ProgressListener } from '../../data/backup';
import { useUnlockedPassphrase } from '../../data/workspace-session';
import { useRegistry } from '../../data/workspace-context';
import { setCurrentWorkspaceId } from '../../data/workspace-repository';
import { currentPlatform } from '../../platform/current-platform';
import { RESTORE_UNDO_DAYS } from '../../domain/backup/restore-undo';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextField } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { BACKUP_FILTERS, formatMoment } from './backup-format';
import { useAction } from '../../ui/use-action';

type RestoreStep =
  | { step: 'idle' }
  | { step: 'passphrase'; bytes: Uint8Array; fileName: string; error?: string }
  | { step: 'preview'; backup: OpenedBackup; fileName: string; bytes: number }
  | { step: 'confirm-replace'; backup: OpenedBackup; fileName: string; bytes: number };

interface RestoreFlowProps {
  /** The open espace, which the backup may replace; absent on a laptop with no espace yet. */
  target?: WorkspaceRecord;
  buttonLabel: string;
  onBusy: (message: string | null) => void;
  onError: (message: string | null) => void;
  disabled?: boolean;
}

/**
 * Pick a file → check it (and ask for its passphrase if it is protected) → show what it holds → restore
 * into the open espace (keeping a copy for « Annuler la restauration ») or into a new espace. Nothing
 * changes before the last click.
 */
export function RestoreFlow({ target, buttonLabel, onBusy, onError, disabled }: RestoreFlowProps) {
  const act = useAction();
  const registry = useRegistry();
  const toast = useToast();
  const [state, setState] = useState<RestoreStep>({ step: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const unlockedPassphrase = useUnlockedPassphrase();

  // Progress by table: « Vérification de la sauvegarde… Versements (7 sur 23) ».
  const progress =
    (what: string): ProgressListener =>
    ({ label, done, total }) =>
      onBusy(`${what} ${label} (${Math.min(done + 1, total)} sur ${total})`);

  async function examine(bytes: Uint8Array, fileName: string, withPassphrase?: string) {
    onBusy('Vérification de la sauvegarde…');
    onError(null);
    const onProgress = progress('Vérification de la sauvegarde…');
    let opened = await openBackup(bytes, withPassphrase === undefined ? { onProgress } : { passphrase: withPassphrase, onProgress });
    // A backup of the open, unlocked espace is tried with its passphrase before asking for one.
    if (!opened.ok && opened.needsPassphrase && withPassphrase === undefined && unlockedPassphrase) {
      const retried = await openBackup(bytes, { passphrase: unlockedPassphrase, onProgress });
      if (retried.ok || !retried.needsPassphrase) opened = retried;
    }
    onBusy(null);
    if (opened.ok) {
      setPassphrase('');
      setState({ step: 'preview', backup: opened.backup, fileName, bytes: bytes.byteLength });
    } else if (opened.needsPassphrase) {
      setState({ step: 'passphrase', bytes, fileName, ...(withPassphrase === undefined ? {} : { error: opened.error }) });
    } else {
      setState({ step: 'idle' });
      onError(`« ${fileName} » : ${opened.error} Rien n’a été modifié.`);
    }
  }

  async function pick() {
    onError(null);
    try {
      const file = await currentPlatform().openFile(BACKUP_FILTERS);
      if (file) await examine(file.data, file.fileName);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  }

  async function run(work: () => Promise<void>, message: string) {
    setState({ step: 'idle' });
    onBusy(message);
    try {
      await work();
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      onBusy(null);
    }
  }

  const replace = (backup: OpenedBackup, into: WorkspaceRecord) =>
    run(async () => {
      const info = await currentPlatform().appInfo();
      await restoreIntoWorkspace(registry, into, backup, info.version, {
        ...(unlockedPassphrase ? { passphrase: unlockedPassphrase } : {}),
        onProgress: progress('Restauration en cours…'),
      });
      // Undoing asks first (it names what it would lose): from the Sauvegardes page, not from a toast.
      toast.show(`Sauvegarde restaurée. « Annuler la restauration » reste possible ${RESTORE_UNDO_DAYS} jours depuis Sauvegardes.`);
    }, 'Restauration en cours…');

  const restoreNew = (backup: OpenedBackup) =>
    run(async () => {
      const created = await restoreAsNewWorkspace(registry, backup, new Date(), { onProgress: progress('Restauration en cours…') });
      await setCurrentWorkspaceId(registry, created.id);
      toast.show(`Sauvegarde restaurée dans l’espace « ${created.name} ».`);
    }, 'Restauration en cours…');

  // A dialog's own closing (Échap, Annuler, or the click that moves on to the next step) only ends the
  // flow if the flow is still at that dialog's step.
  const closeStep = (step: RestoreStep['step']) => (open: boolean) => {
    if (!open) setState((current) => (current.step === step ? { step: 'idle' } : current));
  };

  return (
    <>
      <button type="button" className="button" onClick={() => act(() => pick())} disabled={disabled}>
        {buttonLabel}
      </button>

      {state.step === 'passphrase' ? (
        <ConfirmDialog
          open
          onOpenChange={closeStep('passphrase')}
          title="Sauvegarde protégée"
          description={<p>« {state.fileName} » est chiffrée. Saisissez la phrase de passe de l’espace sauvegardé.</p>}
          confirmLabel="Ouvrir la sauvegarde"
          confirmDisabled={passphrase === ''}
          onConfirm={() => act(() => examine(state.bytes, state.fileName, passphrase))}
        >
          <TextField
            label="Phrase de passe"
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={state.error}
            autoComplete="off"
          />
        </ConfirmDialog>
      ) : null}

      {state.step === 'preview' ? (
        <ConfirmDialog
          open
          onOpenChange={closeStep('preview')}
          title="Contenu de la sauvegarde"
          description={<BackupPreview backup={state.backup} fileName={state.fileName} bytes={state.bytes} />}
          confirmLabel={target ? `Remplacer « ${target.name} »…` : 'Restaurer dans un nouvel espace'}
          onConfirm={() =>
            target
              ? setState({ step: 'confirm-replace', backup: state.backup, fileName: state.fileName, bytes: state.bytes })
              : act(() => restoreNew(state.backup))
          }
        >
          {target ? (
            <p>
              <button type="button" className="button" onClick={() => act(() => restoreNew(state.backup))}>
                Restaurer dans un nouvel espace
              </button>
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}

      {state.step === 'confirm-replace' && target ? (
        <ConfirmDialog
          open
          onOpenChange={closeStep('confirm-replace')}
          title={`Remplacer les données de « ${target.name} » ?`}
          description={
            <p>
              Toutes les données actuelles de l’espace « {target.name} » seront remplacées par celles de la sauvegarde du{' '}
              {formatMoment(state.backup.info.createdAt)}. Une copie de l’état actuel est gardée : « Annuler la restauration » la remettra
              en place.
            </p>
          }
          confirmLabel="Remplacer les données"
          destructive
          onConfirm={() => act(() => replace(state.backup, target))}
        />
      ) : null}
    </>
  );
}

function BackupPreview({ backup, fileName, bytes }: { backup: OpenedBackup; fileName: string; bytes: number }) {
  const { info: envelope } = backup;
  const counts = Object.entries(envelope.counts).filter(([table, count]) => count > 0 && table !== 'meta');
  return (
    <div>
      <dl className="summary-list">
        <dt>Fichier</dt>
        <dd>
          {fileName} ({formatBytes(bytes)})
        </dd>
        <dt>Association</dt>
        <dd>{envelope.workspace.name}</dd>
        <dt>Sauvegardée le</dt>
        <dd>{formatMoment(envelope.createdAt)}</dd>
        <dt>Version de Passerelle</dt>
        <dd>
          {envelope.appVersion} (schéma {envelope.schemaVersion}){envelope.encrypted ? ' — chiffrée' : ''}
        </dd>
      </dl>
      <table className="data-table">
        <caption>Ce que contient la sauvegarde</caption>
        <thead>
          <tr>
            <th scope="col">Données</th>
            <th scope="col" className="numeric">
              Nombre
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map(([table, count]) => (
            <tr key={table}>
              <td>{tableLabel(table)}</td>
              <td className="numeric">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
