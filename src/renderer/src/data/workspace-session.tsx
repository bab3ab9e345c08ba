import { createContext, useContext, type ReactNode } from 'react';

// What the app shell knows about the open espace's session on a shared laptop: who is at the keyboard,
// whether the espace is protected, and — only while it is unlocked — its passphrase, so that backups of a
// protected espace are encrypted and an encrypted backup can be reopened. The passphrase lives in this
// React state only: never in a database, a storage or a log.

export interface WorkspaceSession {
  /** The person at the keyboard, once chosen. */
  person: string | undefined;
  isProtected: boolean;
  /** The open espace's passphrase while it is unlocked; undefined when the espace is not protected. */
  passphrase: string | undefined;
  /** Locks the espace at once (« Verrouiller »). */
  lock: () => void;
  /** Asks again who is at the keyboard (« Changer »). */
  changePerson: () => void;
  /** Keeps the passphrase just set in Réglages (undefined once the protection is removed). */
  rememberPassphrase: (passphrase: string | undefined) => void;
}

const WorkspaceSessionContext = createContext<WorkspaceSession | null>(null);

export function WorkspaceSessionProvider({ session, children }: { session: WorkspaceSession; children: ReactNode }) {
  return <WorkspaceSessionContext.Provider value={session}>{children}</WorkspaceSessionContext.Provider>;
}

export function useWorkspaceSession(): WorkspaceSession {
  const session = useContext(WorkspaceSessionContext);
  if (!session) throw new Error('useWorkspaceSession must be used inside <WorkspaceSessionProvider>.');
  return session;
}

/**
 * The unlocked passphrase, for a screen that may also be shown with no espace open (the welcome screen's
 * restore): undefined there.
 */
export function useUnlockedPassphrase(): string | undefined {
  return useContext(WorkspaceSessionContext)?.passphrase;
}
