import { useSyncExternalStore } from 'react';
import { checkAccess, type AccessCheck } from './sync-access';
import type { SyncBridge, SyncStatus } from './sync-bridge';
import type { PouchFactory } from './pouch-types';
import { checkServerAddress, PROTECTED_ESPACE_MESSAGE } from '../../domain/sync/sync-messages';
import { readSyncSettings, writeSyncSettings, type SyncSettings } from './sync-settings';
import type { WorkspaceDb } from '../workspace-db';

// The running replication of each open espace in this window. Small and loaded with the app; the engine
// itself (PouchDB and the bridge) is imported only when sync starts, so that an association that never
// syncs never downloads it.

const STOPPED: SyncStatus = { phase: 'stopped', lastSyncedAt: null, pending: 0, error: null, skipped: [], readOnly: false };

interface Running {
  bridge: SyncBridge;
  unsubscribe: () => void;
}

const running = new Map<string, Running>();
const statuses = new Map<string, SyncStatus>();
const listeners = new Set<() => void>();

function publish(workspaceId: string, status: SyncStatus): void {
  statuses.set(workspaceId, status);
  for (const listener of listeners) listener();
}

export function syncStatusOf(workspaceId: string): SyncStatus {
  return statuses.get(workspaceId) ?? STOPPED;
}

export function useSyncStatus(workspaceId: string): SyncStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => syncStatusOf(workspaceId),
  );
}

export type StartOutcome = { ok: true; access: Extract<AccessCheck, { ok: true }> } | { ok: false; message: string };

/** Checks the settings and the account, then starts live replication of the espace. */
export async function startSync(
  db: WorkspaceDb,
  settings: SyncSettings,
  password: string,
  options: { isProtected: boolean; factory?: PouchFactory },
): Promise<StartOutcome> {
  if (options.isProtected) return { ok: false, message: PROTECTED_ESPACE_MESSAGE };
  const address = checkServerAddress(settings.server);
  if (!address.ok) return { ok: false, message: address.message };
  const access = await checkAccess(address.url, settings.database, { username: settings.username, password });
  if (!access.ok) return access;
  stopSync(db.workspaceId);
  const engine = await import('./sync-engine');
  const bridge = engine.createBridge(db, options.factory);
  const unsubscribe = bridge.subscribe((status) => publish(db.workspaceId, status));
  running.set(db.workspaceId, { bridge, unsubscribe });
  bridge.setReadOnly(access.readOnly);
  await bridge.seedOutbox();
  const factory = options.factory ?? engine.browserPouchFactory;
  bridge.start(factory.remote(`${address.url}/${encodeURIComponent(settings.database)}`, { username: settings.username, password }));
  await writeSyncSettings(db, { ...settings, server: address.url, enabled: true });
  return { ok: true, access };
}

export function stopSync(workspaceId: string): void {
  const current = running.get(workspaceId);
  if (!current) return;
  current.bridge.stop();
  current.bridge.setReadOnly(false);
  current.unsubscribe();
  running.delete(workspaceId);
  publish(workspaceId, { ...syncStatusOf(workspaceId), phase: 'stopped', readOnly: false, error: null });
}

/** Stops and remembers that sync is off for this espace on this laptop. */
export async function turnSyncOff(db: WorkspaceDb): Promise<void> {
  stopSync(db.workspaceId);
  await writeSyncSettings(db, { ...(await readSyncSettings(db)), enabled: false });
}

/** « Tester la connexion »: nothing is written, here or there. */
export async function testConnection(settings: SyncSettings, password: string): Promise<AccessCheck> {
  const address = checkServerAddress(settings.server);
  if (!address.ok) return { ok: false, message: address.message };
  return checkAccess(address.url, settings.database, { username: settings.username, password });
}

export function isSyncRunning(workspaceId: string): boolean {
  return running.has(workspaceId);
}
