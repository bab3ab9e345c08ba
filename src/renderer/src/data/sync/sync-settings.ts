import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { databaseNameFor } from '../../domain/sync/sync-messages';
import type { WorkspaceDb } from '../workspace-db';

// The espace's sync settings on this laptop, in `meta` (never replicated): the server's address, the
// espace's database there and the account. The password is not here: the platform keeps it (the OS
// keychain through Electron's safeStorage; in the browser host, memory for this session only).

export const SYNC_SETTINGS_KEY = 'syncSettings';

const settingsSchema = z.object({
  server: z.string().max(2000),
  database: z.string().max(300),
  username: z.string().max(300),
  enabled: z.boolean(),
});

export type SyncSettings = z.infer<typeof settingsSchema>;

export function defaultSyncSettings(workspaceId: string): SyncSettings {
  return { server: '', database: databaseNameFor(workspaceId), username: '', enabled: false };
}

export async function readSyncSettings(db: WorkspaceDb): Promise<SyncSettings> {
  const stored = settingsSchema.safeParse((await db.meta.get(SYNC_SETTINGS_KEY))?.value);
  return stored.success ? stored.data : defaultSyncSettings(db.workspaceId);
}

export async function writeSyncSettings(db: WorkspaceDb, settings: SyncSettings): Promise<void> {
  await db.meta.put({ key: SYNC_SETTINGS_KEY, value: settingsSchema.parse(settings) });
}

/** The espace's sync settings as Réglages shows them; undefined while loading. */
export function useSyncSettings(db: WorkspaceDb): SyncSettings | undefined {
  return useLiveQuery(() => readSyncSettings(db), [db]);
}

/** How many changes made here the server has not acknowledged yet; undefined while loading. */
export function usePendingSyncChanges(db: WorkspaceDb): number | undefined {
  return useLiveQuery(() => db.syncOutbox.count(), [db]);
}
