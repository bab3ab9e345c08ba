import { useRef, useState, type FormEvent } from 'react';
import { TextField } from '../ui/field';
import { createWorkspace, setCurrentWorkspaceId } from '../data/workspace-repository';
import { useRegistry } from '../data/workspace-context';

/** The first screen of a new installation: the association's name creates its espace. */
export function FirstRun() {
  const registry = useRegistry();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await createWorkspace(registry, name);
    setBusy(false);
    if (!result.ok) {
      setError(result.errors.name);
      nameInput.current?.focus();
      return;
    }
    await setCurrentWorkspaceId(registry, result.value.id);
  }

  return (
    <main className="first-run">
      <div className="first-run__card">
        <p className="first-run__brand" aria-hidden="true">
          Passerelle
        </p>
        <h1>Bienvenue dans Passerelle</h1>
        <p>
          Passerelle vous aide à suivre les contrats de l’équipe, les subventions, les partenaires et toutes les
          échéances de votre association, sans connexion internet. Vos données restent sur cet ordinateur.
        </p>
        <form onSubmit={submit} noValidate>
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
      </div>
    </main>
  );
}
