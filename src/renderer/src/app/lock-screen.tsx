import { useEffect, useRef, useState, type FormEvent } from 'react';
import { passphraseOpens } from '../data/espace-lock';
import { useRegistry } from '../data/workspace-context';
import { PASSPHRASE_LABEL, WRONG_UNLOCK_PASSPHRASE } from '../domain/espace-lock';
import type { WorkspaceRecord } from '../domain/workspace';
import { TextField } from '../ui/field';
import { EspaceSelect } from './workspace-switcher';

/**
 * Shown instead of the app while a protected espace is locked. It reads nothing of the espace but its name
 * (from the registry): its records are not opened before the passphrase is given.
 */
export function LockScreen({
  workspace,
  onUnlocked,
}: {
  workspace: WorkspaceRecord;
  onUnlocked: (passphrase: string) => void;
}) {
  const registry = useRegistry();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Espace verrouillé — Passerelle';
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase === '') {
      setError('Phrase de passe\u00a0: champ obligatoire.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    const opens = await passphraseOpens(registry, workspace.id, passphrase);
    setBusy(false);
    if (opens) {
      onUnlocked(passphrase);
      return;
    }
    setError(WRONG_UNLOCK_PASSPHRASE);
    setPassphrase('');
    input.current?.focus();
  }

  return (
    <main className="first-run">
      <div className="first-run__card gate-card">
        <p className="first-run__brand" aria-hidden="true">
          Passerelle
        </p>
        <h1>Espace verrouillé</h1>
        <p>
          L’espace « {workspace.name} » est protégé par une phrase de passe. Saisissez-la pour voir ses données.
        </p>
        <form onSubmit={submit} noValidate>
          <TextField
            ref={input}
            label={PASSPHRASE_LABEL}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={error}
            autoComplete="current-password"
            autoFocus
            required
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Vérification…' : 'Déverrouiller'}
          </button>
        </form>
        <section className="gate-card__other" aria-labelledby="lock-other-espace">
          <h2 id="lock-other-espace">Un autre espace ?</h2>
          <EspaceSelect currentId={workspace.id} />
        </section>
      </div>
    </main>
  );
}
