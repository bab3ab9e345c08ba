import PouchDB from 'pouchdb-browser';
import { SyncBridge } from './sync-bridge';
import type { PouchDatabase, PouchFactory } from './pouch-types';
import type { WorkspaceDb } from '../workspace-db';

// Loaded with import() only when a person turns sync on (sync-runtime.ts): PouchDB stays out of the
// bundle every start-up reads. The laptop's replica is PouchDB's IndexedDB build, in a database of its
// own beside the espace's.

export const browserPouchFactory: PouchFactory = {
  local: (name) => new PouchDB(name) as unknown as PouchDatabase,
  remote: (url, auth) => new PouchDB(url, { auth, skip_setup: true }) as unknown as PouchDatabase,
};

export function replicaName(workspaceId: string): string {
  return `passerelle-sync-${workspaceId}`;
}

export function createBridge(db: WorkspaceDb, factory: PouchFactory = browserPouchFactory): SyncBridge {
  return new SyncBridge(db, factory.local(replicaName(db.workspaceId)));
}
