import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { WorkspaceDb } from '../data/workspace-db';
import { WorkspaceSessionProvider, type WorkspaceSession } from '../data/workspace-session';
import { getLockDelayMinutes, getLockVerifier } from '../data/workspace-lock';
import { readProtection } from '../data/workspace-protection';
import { broadcastLock, listenForLocks } from '../data/lock-broadcast';
import { getCurrentPerson } from '../data/session';
import { useRegistry, useWorkspaces, WorkspaceProvider } from '../data/workspace-context';
import { getCurrentWorkspaceId, setCurrentWorkspaceId } from '../data/workspace-repository';
import { FirstRun } from './first-run';
import { InactivityLock } from './inactivity-lock';
import { LockScreen } from './lock-screen';
import { PersonScreen } from './person-screen';
import { Loading } from '../ui/loading-state';
import { DraftScope, keepEditsThroughLock } from '../ui/unsaved-changes';

// Which espace the person at the keyboard was confirmed for in this window. sessionStorage, not memory:
// a reload of the page is not a new start of the app and should not ask again, while closing the window
// (or the app) forgets it. Switching espace, locking or « Changer » ask again.
const PERSON_CONFIRMED_KEY = 'passerelle.personConfirmedFor';

function readPersonConfirmedFor(): string | null {
  try {
    return sessionStorage.getItem(PERSON_CONFIRMED_KEY);
  } catch {
    return null;
  }
}

function writePersonConfirmedFor(workspaceId: string | null): void {
  try {
    if (workspaceId === null) sessionStorage.removeItem(PERSON_CONFIRMED_KEY);
    else sessionStorage.setItem(PERSON_CONFIRMED_KEY, workspaceId);
  } catch {
    // Without sessionStorage the question is simply asked again after a reload.
  }
}

/** The espace open in this window: its id, and its passphrase while it is protected and unlocked. */
interface OpenSession {
  workspaceId: string;
  passphrase: string | undefined;
}

/**
 * Opens the current espace's database, or asks for a first association when there is none. Before the
 * app renders anything of the espace: its lock screen while it is protected and locked (nothing that reads
 * its records is rendered then), then « Qui utilise Passerelle ? ».
 */
export function WorkspaceGate({ children }: { children: ReactNode }) {
  const registry = useRegistry();
  const workspaces = useWorkspaces();
  const currentId = useLiveQuery(async () => (await getCurrentWorkspaceId(registry)) ?? null, [registry]);

  const current = useMemo(() => {
    if (!workspaces || currentId === undefined) return undefined;
    return workspaces.find((w) => w.id === currentId) ?? workspaces[0] ?? null;
  }, [workspaces, currentId]);
  const id = current?.id;

  // Remember the fallback choice so that the next start opens the same espace.
  useEffect(() => {
    if (current && current.id !== currentId) void setCurrentWorkspaceId(registry, current.id);
  }, [current, currentId, registry]);

  // A new connection after each lock: the locked one is closed with its key, so nothing rendered before
  // the lock (or kept by page script) can read through it again.
  const [generation, setGeneration] = useState(0);
  const db = useMemo(() => (id && generation >= 0 ? new WorkspaceDb(id) : null), [id, generation]);
  useEffect(() => () => db?.lockAndClose(), [db]);

  // Tagged with the espace they belong to: right after a switch, the previous espace's answer must not
  // be taken for the new one's. Protected means: by the espace's own record (no registry edit removes
  // it) or by the registry's (an espace protected before encryption, encrypted at its next unlock).
  const protection = useLiveQuery(async () => {
    if (!id || !db || db.workspaceId !== id) return null;
    const [verifier, own] = await Promise.all([getLockVerifier(registry, id), readProtection(db)]);
    return { workspaceId: id, verifier: verifier ?? own ?? null };
  }, [registry, id, db]);
  const delayMinutes = useLiveQuery(async () => (id ? getLockDelayMinutes(registry, id) : undefined), [registry, id]);
  const person = useLiveQuery(async () => (id ? getCurrentPerson(registry, id) : undefined), [registry, id]);

  const [open, setOpen] = useState<OpenSession | null>(null);
  const [personConfirmedFor, setPersonConfirmedFor] = useState<string | null>(readPersonConfirmedFor);

  const confirmPerson = useCallback((workspaceId: string | null) => {
    writePersonConfirmedFor(workspaceId);
    setPersonConfirmedFor(workspaceId);
  }, []);

  const known = protection && protection.workspaceId === id ? protection : undefined;
  const isProtected = Boolean(known?.verifier);
  // Without the key in this connection a protected espace is locked, even if it was open here when
  // another tab protected it.
  const locked = known === undefined || (isProtected && (open?.workspaceId !== id || db?.encryption.key === null));

  // An espace without protection is open as soon as it is shown. Holding it as open means that protecting
  // it from Réglages does not lock it under the user's hands.
  useEffect(() => {
    if (id && known && !known.verifier && open?.workspaceId !== id) setOpen({ workspaceId: id, passphrase: undefined });
  }, [id, known, open?.workspaceId]);

  const lockHere = useCallback(() => {
    // Nobody is there to answer « Quitter sans enregistrer ? »: the open forms keep their edits in memory.
    if (id) keepEditsThroughLock(id);
    setOpen(null);
    setGeneration((value) => value + 1);
    // Whoever unlocks next says who they are.
    confirmPerson(null);
  }, [id, confirmPerson]);

  const lock = useCallback(() => {
    if (id) broadcastLock({ type: 'lock', workspaceId: id });
    lockHere();
  }, [id, lockHere]);

  // Another tab or window locked or protected this espace: lock here too.
  useEffect(() => {
    if (!id) return undefined;
    return listenForLocks((message) => {
      if (message.workspaceId === id) lockHere();
    });
  }, [id, lockHere]);

  const session = useMemo<WorkspaceSession>(
    () => ({
      person,
      isProtected,
      passphrase: isProtected && open?.workspaceId === id ? open?.passphrase : undefined,
      lock,
      changePerson: () => confirmPerson(null),
      rememberPassphrase: (passphrase) => {
        if (!id) return;
        setOpen({ workspaceId: id, passphrase });
      },
    }),
    [person, isProtected, open, id, lock, confirmPerson],
  );

  if (current === undefined) return <Loading screen />;
  if (current === null || !db) return <FirstRun />;
  if (known === undefined) return <Loading screen />;
  if (locked) {
    return (
      <LockScreen
        key={`${current.id}-${generation}`}
        workspace={current}
        db={db}
        onUnlocked={(passphrase) => setOpen({ workspaceId: current.id, passphrase })}
      />
    );
  }
  if (personConfirmedFor !== current.id) {
    return <PersonScreen key={current.id} workspace={current} db={db} onChosen={() => confirmPerson(current.id)} />;
  }
  return (
    <WorkspaceProvider key={current.id} workspace={{ record: current, db }}>
      <WorkspaceSessionProvider session={session}>
        {isProtected && delayMinutes !== undefined ? <InactivityLock delayMinutes={delayMinutes} onLock={lock} /> : null}
        <DraftScope workspaceId={current.id}>{children}</DraftScope>
      </WorkspaceSessionProvider>
    </WorkspaceProvider>
  );
}
