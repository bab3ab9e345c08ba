import { lazy, Suspense, useState } from 'react';
import { ExampleWorkspaceSection } from './example-workspace-section';
import { backupFileName, deletionConfirmed } from '../../domain/workspace';
import { formatIsoFromDate } from '../../domain/dates';
import { createBackup, recordBackupMade } from '../../data/backup';
import { workspacePassphraseOpens } from '../../data/workspace-lock';
import { useWorkspaceSession } from '../../data/workspace-session';
import { WorkspaceDb } from '../../data/workspace-db';
import { deleteWorkspace, renameWorkspace, restoreWorkspace, setCurrentWorkspaceId } from '../../data/workspace-repository';
import { useCurrentWorkspace, useDeletedWorkspaces, useRegistry, useWorkspaces } from '../../data/workspace-context';
import { workspaceRenameSchema, type WorkspaceRecord, type WorkspaceRenameValues } from '../../domain/workspace';
import { currentPlatform } from '../../platform/current-platform';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { ProtectionSettings } from './protection-settings';
import { YearlyFiguresSettings } from './yearly-figures-settings';
import { useAction } from '../../ui/use-action';
import { useSchemaForm } from '../../ui/use-schema-form';
import { Loading } from '../../ui/loading-state';
import { useOtherWorkspaceProtected } from '../../data/live-queries';
import { useAppInfo } from '../../platform/host-queries';

// Loaded when Réglages opens: most associations never sync, and the section must not weigh on start-up.
const SyncSettingsSection = lazy(() => import('./sync-settings').then((m) => ({ default: m.SyncSettingsSection })));

export function SettingsPage() {
  const workspaces = useWorkspaces();
  const deleted = useDeletedWorkspaces();
  const { record: current } = useCurrentWorkspace();
  const appInfo = useAppInfo();

  return (
    <Page title="Réglages">
      <section className="card" aria-labelledby="workspaces-title">
        <h2 id="workspaces-title">Espaces de cet ordinateur</h2>
        <p className="muted">Chaque association a son espace : ses données ne sont visibles que depuis cet espace.</p>
        {workspaces === undefined ? (
          <Loading />
        ) : (
          <ul className="workspace-list">
            {workspaces.map((w) => (
              <WorkspaceRow key={w.id} workspace={w} isCurrent={w.id === current.id} />
            ))}
          </ul>
        )}
      </section>

      {workspaces ? <ExampleWorkspaceSection workspaces={workspaces} /> : null}

      <ProtectionSettings />

      <YearlyFiguresSettings />

      <Suspense fallback={<Loading />}>
        <SyncSettingsSection />
      </Suspense>

      {deleted && deleted.length > 0 ? (
        <section className="card" aria-labelledby="deleted-title">
          <h2 id="deleted-title">Espaces supprimés</h2>
          <p className="muted">Leurs données sont conservées sur cet ordinateur ; vous pouvez les rétablir.</p>
          <ul className="workspace-list">
            {deleted.map((w) => (
              <DeletedWorkspaceRow key={w.id} workspace={w} />
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">À propos</h2>
        <p>
          Passerelle {appInfo ? `version ${appInfo.version}` : ''}
          {appInfo?.platform === 'web' ? ' — dans le navigateur' : ''}
        </p>
        <p className="muted">Les données sont enregistrées sur cet ordinateur, dans la base de l’application.</p>
      </section>
    </Page>
  );
}

const WRONG_OTHER_PASSPHRASE = 'Phrase de passe de cet espace\u00a0: elle ne correspond pas (cet espace est protégé).';

function WorkspaceRow({ workspace, isCurrent }: { workspace: WorkspaceRecord; isCurrent: boolean }) {
  const act = useAction();
  const registry = useRegistry();
  const toast = useToast();
  const [deleting, setDeleting] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [backupDone, setBackupDone] = useState(false);
  const session = useWorkspaceSession();
  // Another espace that is protected cannot be backed up from here: its passphrase is not known (only the
  // open espace's is, while it is unlocked), and its backup must be encrypted.
  const otherProtected = useOtherWorkspaceProtected(registry, workspace.id, isCurrent);
  const passphrase = isCurrent ? session.passphrase : undefined;
  // Renaming or deleting another protected espace asks its passphrase: from here its data is not open.
  const [otherPassphrase, setOtherPassphrase] = useState('');
  const [otherPassphraseError, setOtherPassphraseError] = useState<string | undefined>();

  async function otherPassphraseAccepted(): Promise<boolean> {
    if (!otherProtected) return true;
    const opens = otherPassphrase !== '' && (await workspacePassphraseOpens(registry, workspace.id, otherPassphrase));
    setOtherPassphraseError(opens ? undefined : WRONG_OTHER_PASSPHRASE);
    return opens;
  }

  // Renaming and deleting a protected espace other than the open one both ask its passphrase.
  const passphraseField = (label: string) => (
    <TextField
      label={label}
      type="password"
      value={otherPassphrase}
      onChange={(e) => setOtherPassphrase(e.target.value)}
      error={otherPassphraseError}
      autoComplete="off"
    />
  );

  // The rename is on the one form wiring: the name's schema from domain/, the revision the form loaded
  // sent with the save (renamed in another tab since: « modifiée ailleurs », nothing saved). The other
  // espace's passphrase is no field of it: a secret, never kept in a draft.
  const { form, formRef, field, onSubmit, refuse, saved, revision, summary } = useSchemaForm<
    WorkspaceRenameValues,
    WorkspaceRenameValues,
    WorkspaceRecord
  >({
    schema: workspaceRenameSchema,
    defaultValues: { name: workspace.name },
    record: workspace,
    valuesOf: (record) => ({ name: record.name }),
  });
  const typedRename = form.watch('name');
  const onRename = async ({ name }: WorkspaceRenameValues) => {
    if (name === workspace.name) return;
    // A wrong passphrase is said under its own field (otherPassphraseAccepted), and nothing is renamed.
    if (!(await otherPassphraseAccepted())) return;
    const result = await renameWorkspace(registry, revision() ?? workspace.id, name);
    if (!result.ok) return refuse(result.errors);
    saved({ name: result.value.name }, result.value);
    toast.show(`Espace renommé en « ${result.value.name} ».`);
  };

  async function saveBackup() {
    const platform = currentPlatform();
    const info = await platform.appInfo();
    const db = new WorkspaceDb(workspace.id);
    try {
      const backup = await createBackup(db, { id: workspace.id, name: workspace.name }, info.version, passphrase ? { passphrase } : {});
      const fileName = backupFileName(workspace.name, formatIsoFromDate(new Date()));
      const status = await platform.saveFile(fileName, backup.bytes, [{ name: 'Sauvegarde Passerelle', extensions: ['zip'] }]);
      if (status === 'saved') {
        await recordBackupMade(db, { at: backup.info.createdAt, fileName, bytes: backup.bytes.byteLength });
        setBackupDone(true);
        toast.show('Sauvegarde enregistrée.');
      }
    } finally {
      db.close();
    }
  }

  async function confirmDelete() {
    // The dialog closes on confirm: a refusal is said in a toast, and nothing is deleted.
    if (!(await otherPassphraseAccepted())) {
      toast.show(
        `« ${workspace.name} » n’a pas été supprimé\u00a0: ${WRONG_OTHER_PASSPHRASE.charAt(0).toLowerCase()}${WRONG_OTHER_PASSPHRASE.slice(1)}`,
      );
      return;
    }
    await deleteWorkspace(registry, workspace.id);
    setDeleting(false);
    setTypedName('');
    toast.show(`Espace « ${workspace.name} » supprimé.`, {
      action: {
        label: 'Annuler',
        run: async () => {
          await restoreWorkspace(registry, workspace.id);
          await setCurrentWorkspaceId(registry, workspace.id);
        },
      },
    });
  }

  return (
    <li className="workspace-list__item">
      <form
        ref={formRef}
        className="inline-form"
        onSubmit={onSubmit(onRename)}
        noValidate
        aria-label={`Renommer l’espace ${workspace.name}`}
      >
        {summary}
        <TextField label={isCurrent ? 'Nom de l’espace (ouvert)' : 'Nom de l’espace'} {...field('name')} />
        {otherProtected ? passphraseField('Phrase de passe de cet espace') : null}
        <button type="submit" className="button" disabled={(typedRename ?? '').trim() === workspace.name}>
          Renommer
        </button>
        <button type="button" className="button button--danger-outline" onClick={() => setDeleting(true)}>
          Supprimer…
        </button>
      </form>
      <ConfirmDialog
        open={deleting}
        onOpenChange={(open) => {
          setDeleting(open);
          if (!open) setTypedName('');
        }}
        title={`Supprimer l’espace « ${workspace.name} » ?`}
        description={
          <>
            <p>
              L’espace disparaîtra de la liste. Ses données restent sur cet ordinateur et l’espace peut être rétabli depuis les Réglages.
            </p>
            <p>Avant de le supprimer, enregistrez une sauvegarde complète dans un fichier :</p>
          </>
        }
        confirmLabel="Supprimer l’espace"
        confirmDisabled={!deletionConfirmed(workspace.name, typedName) || (otherProtected === true && otherPassphrase === '')}
        onConfirm={() => act(() => confirmDelete())}
        destructive
      >
        {otherProtected ? (
          <p className="warning">
            Cet espace est protégé par une phrase de passe&nbsp;: ouvrez-le et déverrouillez-le pour enregistrer sa sauvegarde (elle sera
            chiffrée).
          </p>
        ) : (
          <p>
            <button type="button" className="button" onClick={() => act(() => saveBackup())} disabled={otherProtected === undefined}>
              {backupDone ? 'Sauvegarde enregistrée ✓' : 'Enregistrer une sauvegarde…'}
            </button>
          </p>
        )}
        <TextField
          label={`Pour confirmer, tapez le nom de l’espace : ${workspace.name}`}
          value={typedName}
          onChange={(e) => setTypedName(e.target.value)}
          autoComplete="off"
        />
        {otherProtected ? passphraseField('Phrase de passe de l’espace à supprimer') : null}
      </ConfirmDialog>
    </li>
  );
}

function DeletedWorkspaceRow({ workspace }: { workspace: WorkspaceRecord }) {
  const act = useAction();
  const registry = useRegistry();
  const toast = useToast();
  return (
    <li className="workspace-list__item workspace-list__item--deleted">
      <span>{workspace.name}</span>
      <button
        type="button"
        className="button"
        onClick={() =>
          act(async () => {
            await restoreWorkspace(registry, workspace.id);
            toast.show(`Espace « ${workspace.name} » rétabli.`);
          })
        }
      >
        Rétablir
      </button>
    </li>
  );
}
