import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadDeadlineData } from '../../data/deadline-sources';
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

async function notifyDueItems(db: WorkspaceDb): Promise<void> {
  const platform = currentPlatform();
  // The browser host shows the dashboard itself; only the desktop app notifies.
  if (platform.kind !== 'electron') return;
  const today = todayIso();
  const { deadlines, states, ladder } = await loadDeadlineData(db, today);
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
