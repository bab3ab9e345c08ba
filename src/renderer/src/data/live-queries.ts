import { useLiveQuery } from 'dexie-react-hooks';
import {
  getAutoBackupProblem,
  getLastBackup,
  restoreUndoAvailable,
  type AutoBackupProblem,
  type LastBackup,
  type RestoreUndoOffer,
} from './backup';
import { workspaceIsProtectedById, getLockDelayMinutes } from './workspace-lock';
import type { RegistryDb } from './registry-db';
import type { ImportReferences } from '../domain/spreadsheets/import-targets';
import { loadImportReferences } from './spreadsheet-import';
import type { WorkspaceDb } from './workspace-db';

// Named hooks over useLiveQuery for the reads of the Sauvegardes, Réglages and Importer screens (DESIGN.md:
// reads in components go through named hooks; `undefined` means loading, `null` means « none »). Features
// do not import Dexie: a screen asks for what it shows, and the query stays in data/.

/** The espace's last backup, null before the first. */
export function useLastBackup(db: WorkspaceDb): LastBackup | null | undefined {
  return useLiveQuery(async () => (await getLastBackup(db)) ?? null, [db]);
}

/** Why the last automatic backup could not be made, null when it could. */
export function useAutoBackupProblem(db: WorkspaceDb): AutoBackupProblem | null | undefined {
  return useLiveQuery(async () => (await getAutoBackupProblem(db)) ?? null, [db]);
}

/** The restore that can still be undone (its copy kept, within its days), null when none. */
export function useRestoreUndoOffer(registry: RegistryDb, workspaceId: string, db: WorkspaceDb): RestoreUndoOffer | null | undefined {
  return useLiveQuery(async () => (await restoreUndoAvailable(registry, workspaceId, new Date(), db)) ?? null, [registry, workspaceId, db]);
}

/** Minutes of inactivity before a protected espace locks. */
export function useLockDelayMinutes(registry: RegistryDb, workspaceId: string): number | undefined {
  return useLiveQuery(() => getLockDelayMinutes(registry, workspaceId), [registry, workspaceId]);
}

/** Whether another espace (not the open one) is protected; false for the open one, whose passphrase is known. */
export function useOtherWorkspaceProtected(registry: RegistryDb, workspaceId: string, isCurrent: boolean): boolean | undefined {
  return useLiveQuery(
    async () => !isCurrent && (await workspaceIsProtectedById(registry, workspaceId)),
    [registry, workspaceId, isCurrent],
  );
}

/** What an import matches rows against (people, funders, partners already there). */
export function useImportReferences(db: WorkspaceDb): ImportReferences | undefined {
  return useLiveQuery(() => loadImportReferences(db), [db]);
}
