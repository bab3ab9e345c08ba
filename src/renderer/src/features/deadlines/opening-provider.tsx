import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadDeadlineData, type DeadlineData } from '../../data/deadlines-repository';
import { recordOpening } from '../../data/deadline-state-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import type { WorkspaceDb } from '../../data/workspace-db';
import { todayIso } from '../../domain/dates';
import { notificationSummary, remindersDue } from '../../domain/deadlines/engine';
import { currentPlatform } from '../../platform/current-platform';

// Opening an espace: read when it was last opened (for the catch-up panel) BEFORE recording this opening,
// and, in Electron, raise one desktop notification summing up the reminders of the day.

interface Opening {
  /** undefined while loading; `previous` is undefined on the very first opening. */
  loaded: boolean;
  previous: string | undefined;
  catchUpDismissed: boolean;
  dismissCatchUp: () => void;
}

const OpeningContext = createContext<Opening | null>(null);

// One opening per database object: StrictMode runs effects twice, and a second read would see this
// opening instead of the previous one.
const openings = new WeakMap<WorkspaceDb, Promise<string | undefined>>();

// The start-up notification uses the deadlines the dashboard reads anyway (shareStartupDeadlines), so that
// in Electron they are read once at start, not twice; only when no dashboard shows them soon after opening
// (the app reopened on another screen) does it read them itself.
export const STARTUP_FALLBACK_MS = 4_000;
interface StartupData {
  promise: Promise<DeadlineData>;
  resolve: (data: DeadlineData) => void;
  shared: boolean;
}
const startupData = new WeakMap<WorkspaceDb, StartupData>();

function startupDeferred(db: WorkspaceDb): StartupData {
  let entry = startupData.get(db);
  if (!entry) {
    let resolve: (data: DeadlineData) => void = () => undefined;
    const promise = new Promise<DeadlineData>((r) => (resolve = r));
    entry = { promise, resolve, shared: false };
    startupData.set(db, entry);
  }
  return entry;
}

/** Called by the dashboard with the deadlines it has just read; only the first call counts. */
export function shareStartupDeadlines(db: WorkspaceDb, data: DeadlineData): void {
  const entry = startupDeferred(db);
  entry.shared = true;
  entry.resolve(data);
}

async function notifyDueItems(db: WorkspaceDb): Promise<void> {
  const platform = currentPlatform();
  // The browser host shows the dashboard itself; only the desktop app notifies.
  if (platform.kind !== 'electron') return;
  const today = todayIso();
  const entry = startupDeferred(db);
  const fallback = new Promise<DeadlineData>((resolve, reject) => {
    setTimeout(() => {
      if (!entry.shared) void loadDeadlineData(db, today).then(resolve, reject);
    }, STARTUP_FALLBACK_MS);
  });
  const { deadlines, states, ladder } = await Promise.race([entry.promise, fallback]);
  const summary = notificationSummary(remindersDue(deadlines, states, today, ladder));
  if (summary !== null) await platform.notify('Passerelle — échéances', summary);
}

function openOnce(db: WorkspaceDb): Promise<string | undefined> {
  let opening = openings.get(db);
  if (!opening) {
    opening = recordOpening(db);
    openings.set(db, opening);
    void opening.then(() => notifyDueItems(db)).catch((error: unknown) => console.error('Passerelle: start-up reminders failed', error));
  }
  return opening;
}

export function OpeningProvider({ children }: { children: ReactNode }) {
  const { db } = useCurrentWorkspace();
  const [state, setState] = useState<{ loaded: boolean; previous: string | undefined }>({ loaded: false, previous: undefined });
  const [catchUpDismissed, setDismissed] = useState(false);

  useEffect(() => {
    let live = true;
    void openOnce(db).then((previous) => {
      if (live) setState({ loaded: true, previous });
    });
    return () => {
      live = false;
    };
  }, [db]);

  const dismissCatchUp = useCallback(() => setDismissed(true), []);
  const value = useMemo(() => ({ ...state, catchUpDismissed, dismissCatchUp }), [state, catchUpDismissed, dismissCatchUp]);
  return <OpeningContext.Provider value={value}>{children}</OpeningContext.Provider>;
}

export function useOpening(): Opening {
  const opening = useContext(OpeningContext);
  if (!opening) throw new Error('useOpening must be used inside <OpeningProvider>.');
  return opening;
}
