import { useEffect, useState } from 'react';
import { useWorkspaceSession } from '../../data/workspace-session';
import { keepMergedValue, takeOtherValue, useSyncConflicts } from '../../data/sync/sync-conflicts';
import type { SyncPhase } from '../../data/sync/sync-bridge';
import { isSyncRunning, startSync, testConnection, turnSyncOff, useSyncStatus } from '../../data/sync/sync-runtime';
import { usePendingSyncChanges, useSyncSettings, writeSyncSettings, type SyncSettings } from '../../data/sync/sync-settings';
import type { SyncConflictRow } from '../../data/sync/sync-rows';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { conflictFieldLabel, conflictValueText } from '../../domain/sync/conflict-display';
import { PROTECTED_ESPACE_MESSAGE } from '../../domain/sync/sync-messages';
import {
  SYNC_DATABASE_LABEL,
  SYNC_SERVER_LABEL,
  syncFormSchema,
  type SyncFormOutput,
  type SyncFormValues,
} from '../../domain/sync/sync-form';
import { whenSaid } from '../../domain/write-conflicts';
import { currentPlatform } from '../../platform/current-platform';
import { TextField } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { refusalText, useAction } from '../../ui/use-action';
import { useSchemaForm } from '../../ui/use-schema-form';

// Réglages › Synchronisation (issue 20): the espace shared with other laptops through a CouchDB server.

const PHASES: Record<SyncPhase, string> = {
  stopped: 'Arrêtée',
  connecting: 'Connexion au serveur…',
  active: 'Échange en cours…',
  idle: 'À jour',
  offline: 'Hors ligne : les modifications attendent le retour de la connexion',
  error: 'Interrompue',
};

export function SyncSettingsSection() {
  const { record, db } = useCurrentWorkspace();
  const session = useWorkspaceSession();
  const status = useSyncStatus(record.id);
  const stored = useSyncSettings(db);
  const pending = usePendingSyncChanges(db);
  const conflicts = useSyncConflicts(db);
  const running = isSyncRunning(record.id) && status.phase !== 'stopped';

  return (
    <section className="card" aria-labelledby="sync-title">
      <h2 id="sync-title">Synchronisation</h2>
      <p className="muted">
        Pour partager cet espace entre plusieurs ordinateurs (deux coordinatrices, un centre social, un réseau qui consulte les chiffres),
        Passerelle le synchronise avec un serveur CouchDB. Chaque ordinateur garde toutes les données et travaille hors ligne ; les
        modifications partent et arrivent dès que le serveur est joignable.
      </p>
      {session.isProtected ? (
        <p role="alert" className="sync-protected">
          {PROTECTED_ESPACE_MESSAGE}
        </p>
      ) : stored === undefined ? (
        <p role="status">Chargement…</p>
      ) : (
        <SyncForm key={record.id} stored={stored} running={running} />
      )}
      <dl className="sync-status" aria-label="État de la synchronisation">
        <dt>État</dt>
        <dd data-testid="sync-phase">{PHASES[status.phase]}</dd>
        <dt>Dernière synchronisation</dt>
        <dd>{status.lastSyncedAt ? whenSaid(status.lastSyncedAt, new Date()) : 'jamais depuis l’ouverture'}</dd>
        <dt>Modifications en attente</dt>
        <dd data-testid="sync-pending">{running ? status.pending : (pending ?? '…')}</dd>
        {status.readOnly ? (
          <>
            <dt>Accès</dt>
            <dd>lecture seule</dd>
          </>
        ) : null}
      </dl>
      {status.error ? (
        <p role="alert" className="field__error">
          {status.error}
        </p>
      ) : null}
      <ConflictList conflicts={conflicts} />
    </section>
  );
}

function SyncForm({ stored, running }: { stored: SyncSettings; running: boolean }) {
  const { record, db } = useCurrentWorkspace();
  const session = useWorkspaceSession();
  const act = useAction();
  const toast = useToast();
  const secrets = currentPlatform().syncSecrets;
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  // On the one form wiring; the credentials are secrets: never a draft, not even through the lock.
  const { form, formRef, field, onSubmit, saved, summary } = useSchemaForm<SyncFormValues, SyncFormOutput>({
    schema: syncFormSchema,
    defaultValues: { server: stored.server, database: stored.database, username: stored.username, password: '' },
    noDraft: true,
  });
  const busy = form.formState.isSubmitting;
  const { resetField } = form;

  // The password kept by the platform (keychain, or this session's memory) fills the field, unchanged.
  useEffect(() => {
    let cancelled = false;
    void secrets.read(record.id).then((kept) => {
      if (!cancelled && kept !== null) resetField('password', { defaultValue: kept });
    });
    return () => {
      cancelled = true;
    };
  }, [record.id, secrets, resetField]);

  const settingsOf = (values: SyncFormOutput): SyncSettings => ({
    ...stored,
    server: values.server,
    database: values.database,
    username: values.username,
  });

  const test = async (values: SyncFormOutput) => {
    const result = await testConnection(settingsOf(values), values.password);
    setMessage(
      result.ok
        ? {
            tone: 'ok',
            text: `Connexion réussie : ${result.documents} éléments sur le serveur${result.readOnly ? ', accès en lecture seule' : ''}.`,
          }
        : { tone: 'error', text: result.message },
    );
  };

  const start = async (values: SyncFormOutput) => {
    const outcome = await startSync(db, settingsOf(values), values.password, { isProtected: session.isProtected });
    if (!outcome.ok) {
      setMessage({ tone: 'error', text: outcome.message });
      return;
    }
    const where = await secrets.save(record.id, values.password);
    setMessage(null);
    saved(form.getValues());
    toast.show(
      where === 'keychain'
        ? 'Synchronisation démarrée. Le mot de passe est gardé chiffré par le trousseau de l’ordinateur.'
        : 'Synchronisation démarrée. Le mot de passe est gardé en mémoire pour cette session seulement.',
    );
  };

  function stop() {
    act(async () => {
      await turnSyncOff(db);
      await writeSyncSettings(db, { ...stored, enabled: false });
      toast.show('Synchronisation arrêtée. Les modifications faites ici attendront la prochaine synchronisation.');
    });
  }

  return (
    <form ref={formRef} className="sync-form" onSubmit={onSubmit(start)} noValidate aria-label="Réglages de la synchronisation">
      {summary}
      <TextField
        label={SYNC_SERVER_LABEL}
        placeholder="https://serveur.exemple.org:6984"
        autoComplete="url"
        inputMode="url"
        {...field('server')}
        disabled={running || busy}
        required
      />
      <TextField
        label={SYNC_DATABASE_LABEL}
        hint="Le même nom sur chaque ordinateur qui partage cet espace."
        {...field('database')}
        disabled={running || busy}
        required
      />
      <TextField label="Identifiant" autoComplete="username" {...field('username')} disabled={running || busy} />
      <TextField
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        {...field('password')}
        disabled={running || busy}
        hint={
          secrets.kind === 'keychain'
            ? 'Gardé chiffré par le trousseau du système, jamais en clair.'
            : 'Dans le navigateur, il est gardé en mémoire pour cette session seulement : il faudra le saisir à nouveau après avoir fermé l’onglet.'
        }
      />
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'field__error' : 'muted'}>
          {message.text}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onSubmit(test)} disabled={running || busy}>
          Tester la connexion
        </button>
        {running ? (
          <button type="button" className="button" onClick={stop}>
            Arrêter la synchronisation
          </button>
        ) : (
          <button type="submit" className="button button--primary" disabled={busy}>
            Démarrer la synchronisation
          </button>
        )}
      </div>
    </form>
  );
}

function ConflictList({ conflicts }: { conflicts: SyncConflictRow[] | undefined }) {
  const { db } = useCurrentWorkspace();
  const act = useAction();
  const toast = useToast();
  if (conflicts === undefined || conflicts.length === 0) return null;
  const who = (author: { person: string | null; at: string }) =>
    `${author.person ?? 'personne indiquée'}${author.at ? `, ${whenSaid(author.at, new Date())}` : ''}`;
  return (
    <section aria-labelledby="sync-conflicts-title" className="sync-conflicts">
      <h3 id="sync-conflicts-title">Conflits à vérifier ({conflicts.length})</h3>
      <p className="muted">
        Deux ordinateurs ont changé la même valeur. Passerelle a gardé la modification la plus récente ; vérifiez-la, ou reprenez l’autre.
      </p>
      <ul className="sync-conflict-list">
        {conflicts.map((row) => {
          const { conflict } = row;
          const kept = conflictValueText(conflict, conflict.kept.value, row.table);
          const other = conflictValueText(conflict, conflict.other.value, row.table);
          return (
            <li key={row.id} className="sync-conflict" aria-label={`${row.label} — ${conflictFieldLabel(conflict.field)}`}>
              <p>
                <strong>{row.label}</strong> — {conflictFieldLabel(conflict.field)}
              </p>
              <p>
                Gardé : <strong>{kept}</strong> ({who(conflict.kept.author)})
                <br />
                Autre valeur : <strong>{other}</strong> ({who(conflict.other.author)})
              </p>
              <div className="form-actions">
                <button type="button" className="button button--small" onClick={() => act(() => keepMergedValue(db, row.id))}>
                  Garder {kept}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    act(async () => {
                      const outcome = await takeOtherValue(db, row);
                      if (outcome.ok) toast.show(`${conflictFieldLabel(conflict.field)} : ${other} repris.`);
                      else toast.show(refusalText(outcome.errors), { tone: 'error' });
                    })
                  }
                >
                  Reprendre {other}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
