import { createContext, useContext, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkspaceRecord } from '../domain/workspace';
import type { RegistryDb } from './registry-db';
import type { WorkspaceDb } from './workspace-db';
import { listDeletedWorkspaces, listWorkspaces } from './workspace-repository';

// The open databases are handed down by context so that features never open one themselves; the app
// shell decides which espace is current.

const RegistryContext = createContext<RegistryDb | null>(null);

export interface OpenWorkspace {
  record: WorkspaceRecord;
  db: WorkspaceDb;
}

const WorkspaceContext = createContext<OpenWorkspace | null>(null);

export function RegistryProvider({ registry, children }: { registry: RegistryDb; children: ReactNode }) {
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

export function WorkspaceProvider({ workspace, children }: { workspace: OpenWorkspace; children: ReactNode }) {
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>;
}

export function useRegistry(): RegistryDb {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useRegistry must be used inside <RegistryProvider>.');
  return registry;
}

export function useCurrentWorkspace(): OpenWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useCurrentWorkspace must be used inside <WorkspaceProvider>.');
  return workspace;
}

/** The espaces on this laptop, by name; `undefined` while loading. */
export function useWorkspaces(): WorkspaceRecord[] | undefined {
  const registry = useRegistry();
  return useLiveQuery(() => listWorkspaces(registry), [registry]);
}

export function useDeletedWorkspaces(): WorkspaceRecord[] | undefined {
  const registry = useRegistry();
  return useLiveQuery(() => listDeletedWorkspaces(registry), [registry]);
}
