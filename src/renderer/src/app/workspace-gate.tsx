import { useEffect, useMemo, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { WorkspaceDb } from '../data/workspace-db';
import { useRegistry, useWorkspaces, WorkspaceProvider } from '../data/workspace-context';
import { getCurrentWorkspaceId, setCurrentWorkspaceId } from '../data/workspace-repository';
import { FirstRun } from './first-run';

/** Opens the current espace's database, or asks for a first association when there is none. */
export function WorkspaceGate({ children }: { children: ReactNode }) {
  const registry = useRegistry();
  const workspaces = useWorkspaces();
  const currentId = useLiveQuery(async () => (await getCurrentWorkspaceId(registry)) ?? null, [registry]);

  const current = useMemo(() => {
    if (!workspaces || currentId === undefined) return undefined;
    return workspaces.find((w) => w.id === currentId) ?? workspaces[0] ?? null;
  }, [workspaces, currentId]);

  // Remember the fallback choice so that the next start opens the same espace.
  useEffect(() => {
    if (current && current.id !== currentId) void setCurrentWorkspaceId(registry, current.id);
  }, [current, currentId, registry]);

  const db = useMemo(() => (current ? new WorkspaceDb(current.id) : null), [current?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => db?.close(), [db]);

  if (current === undefined) return <p className="loading" role="status">Chargement…</p>;
  if (current === null || !db) return <FirstRun />;
  return (
    <WorkspaceProvider key={current.id} workspace={{ record: current, db }}>
      {children}
    </WorkspaceProvider>
  );
}
