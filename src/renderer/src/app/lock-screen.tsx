import { useEffect, useRef, useState, type FormEvent } from 'react';
import { passphraseOpens } from '../data/workspace-lock';
import {
  protectInPlace,
  readProtection,
  resumeMigration,
  unlockWorkspace,
  unlockWaitRemainingMs,
  type MigrationStep,
} from '../data/workspace-protection';
import { useRegistry } from '../data/workspace-context';
import type { WorkspaceDb } from '../data/workspace-db';
import { PASSPHRASE_LABEL, unlockWaitMessage, WRONG_UNLOCK_PASSPHRASE } from '../domain/workspace-lock';
import type { WorkspaceRecord } from '../domain/workspace';
import { PassphraseField } from '../ui/passphrase-field';
import { useAction } from '../ui/use-action';
import { GateScreen } from './gate-screen';

/**
 * Shown instead of the app while a protected espace is locked. It reads nothing of the espace but its name
 * (from the registry) and its protection record: its records are encrypted and the key is only unwrapped
 * by the passphrase. After five wrong passphrases each attempt waits longer, and the screen says how long.
 * An encryption left unfinished (window closed midway) resumes here, with its progress.
 */
export function LockScreen({
  workspace,
  db,
  onUnlocked,
}: {
  workspace: WorkspaceRecord;
  db: WorkspaceDb;
  onUnlocked: (passphrase: string) => void;
}) {
  const registry = useRegistry();
  const act = useAction();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [progress, setProgress] = useState<MigrationStep | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Espace verrouillé — Passerelle';
  }, []);

  // A wait decided in an earlier visit (or another tab) is shown from the start.
  useEffect(() => {
    let cancelled = false;
    void unlockWaitRemainingMs(db).then((ms) => {
      if (!cancelled && ms > 0) setWaitUntil(Date.now() + ms);
    });
    return () => {
      cancelled = true;
    };
  }, [db]);

  const waiting = waitUntil > now;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [waiting]);

  async function finishMigration(): Promise<void> {
    setProgress({ done: 0, total: 0 });
    await resumeMigration(db, setProgress);
    setProgress(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (waiting) return;
    if (passphrase === '') {
      setError('Phrase de passe\u00a0: champ obligatoire.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      if (!(await readProtection(db))) {
        // Protected before encryption existed: checked against the registry, then encrypted now.
        if (await passphraseOpens(registry, workspace.id, passphrase)) {
          setProgress({ done: 0, total: 0 });
          await protectInPlace(db, passphrase, setProgress);
          setProgress(null);
          onUnlocked(passphrase);
          return;
        }
        setError(WRONG_UNLOCK_PASSPHRASE);
      } else {
        const outcome = await unlockWorkspace(db, passphrase);
        if (outcome.ok) {
          await finishMigration();
          onUnlocked(passphrase);
          return;
        }
        if (outcome.reason === 'wrong' || outcome.reason === 'wait') {
          setNow(Date.now());
          setWaitUntil(Date.now() + outcome.waitMs);
        }
        setError(outcome.reason === 'wait' ? unlockWaitMessage(outcome.waitMs) : WRONG_UNLOCK_PASSPHRASE);
      }
      setPassphrase('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  if (progress !== null) {
    const percent = progress.total === 0 ? 0 : Math.round((100 * progress.done) / progress.total);
    return (
      <GateScreen title="Chiffrement de l’espace" brand={false}>
        <p>
          Les données de « {workspace.name} » sont chiffrées sur cet ordinateur. Vous pouvez fermer la fenêtre&nbsp;: le travail reprendra
          au prochain déverrouillage.
        </p>
        <progress max={100} value={percent} aria-label="Avancement du chiffrement" />
        <p role="status">
          {progress.done} / {progress.total} éléments
        </p>
      </GateScreen>
    );
  }

  return (
    <GateScreen title="Espace verrouillé" otherWorkspace={{ currentId: workspace.id, headingId: 'lock-other-espace' }}>
      <p>L’espace « {workspace.name} » est protégé par une phrase de passe. Saisissez-la pour voir ses données.</p>
      <form onSubmit={(event) => act(() => submit(event))} noValidate>
        <PassphraseField
          ref={input}
          purpose="current"
          label={PASSPHRASE_LABEL}
          value={passphrase}
          onChange={setPassphrase}
          error={error}
          autoFocus
        />
        {waiting ? (
          <p role="status" className="lock-wait">
            {unlockWaitMessage(waitUntil - now)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy || waiting}>
          {busy ? 'Vérification…' : 'Déverrouiller'}
        </button>
      </form>
    </GateScreen>
  );
}
