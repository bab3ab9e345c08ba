import { useRef, useState, type FormEvent } from 'react';
import { TextField } from '../ui/field';
import { ErrorLine } from '../ui/form-pieces';
import { GateScreen } from './gate-screen';
import { createWorkspace, setCurrentWorkspaceId } from '../data/workspace-repository';
import { openExampleWorkspace } from '../data/example-workspace';
import { failureMessage } from '../ui/failure-message';
import { useRegistry } from '../data/workspace-context';
import { RestoreFlow } from '../features/backups/restore-flow';
import { useAction } from '../ui/use-action';

/** The first screen of a new installation: the association's name creates its espace. */
export function FirstRun() {
  const registry = useRegistry();
  const act = useAction();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const [restoreBusy, setRestoreBusy] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [exampleError, setExampleError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await createWorkspace(registry, name).finally(() => setBusy(false));
    if (!result.ok) {
      setError(result.errors.name);
      nameInput.current?.focus();
      return;
    }
    await setCurrentWorkspaceId(registry, result.value.id);
  }

  return (
    <GateScreen title="Bienvenue dans Passerelle" gate={false}>
      <p>
        Passerelle vous aide à suivre les contrats de l’équipe, les subventions, les partenaires et toutes les échéances de votre
        association, sans connexion internet. Vos données restent sur cet ordinateur.
      </p>
      <form onSubmit={(event) => act(() => submit(event))} noValidate>
        <TextField
          name="name"
          label="Nom de votre association"
          hint="Il crée l’espace de l’association. Plusieurs associations peuvent partager cet ordinateur, chacune dans son espace."
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error}
          required
          autoFocus
          autoComplete="organization"
          ref={nameInput}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          Créer l’espace
        </button>
      </form>
      <section className="first-run__restore" aria-labelledby="first-run-example">
        <h2 id="first-run-example">Envie d’essayer d’abord&nbsp;?</h2>
        <p>Une association fictive dans un espace à part, que vous supprimerez d’un clic depuis Réglages.</p>
        <ErrorLine message={exampleError} />
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setExampleError(null);
            // A failure is said beside the button (the toast too, through the one action helper).
            act(() =>
              openExampleWorkspace(registry)
                .catch((error: unknown) => {
                  setExampleError(failureMessage(error));
                  throw error;
                })
                .finally(() => setBusy(false)),
            );
          }}
        >
          Découvrir avec une association exemple
        </button>
      </section>
      <section className="first-run__restore" aria-labelledby="first-run-restore">
        <h2 id="first-run-restore">Vous avez déjà une sauvegarde ?</h2>
        <p>Sur un nouvel ordinateur, restaurez le fichier de sauvegarde de votre association.</p>
        {restoreBusy ? <p role="status">{restoreBusy}</p> : null}
        <ErrorLine message={restoreError} />
        <RestoreFlow
          buttonLabel="Restaurer une sauvegarde…"
          onBusy={setRestoreBusy}
          onError={setRestoreError}
          disabled={restoreBusy !== null}
        />
      </section>
    </GateScreen>
  );
}
