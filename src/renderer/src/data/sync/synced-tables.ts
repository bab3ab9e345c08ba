import { latestVersion, workspaceVersions, type SchemaVersion } from '../schema';

// Which tables of an espace replicate (issue 20). The list is derived from the schema, so a table added by
// a later version replicates without anyone remembering to list it here; only the tables that must stay
// on this laptop are named, each with its reason (a test checks every table is one or the other).

export const LOCAL_ONLY_TABLES: Readonly<Record<string, string>> = {
  meta: 'housekeeping of this copy of the espace (its protection, its last backup, the sync settings)',
  journal: 'each laptop’s own history of changes and its undo; replicating it would double every change',
  attachments: 'files (PDF, scans): kept out of replication at first, large attachments strain the engine',
  syncState: 'the replication’s own bookkeeping on this laptop',
  syncOutbox: 'the replication’s own bookkeeping on this laptop',
  syncConflicts: 'the conflicts left for a person on this laptop (each laptop computes the same ones)',
};

export interface SyncedTable {
  name: string;
  /** The primary key's field: `id` for records, `key` for deadline states. */
  primaryKey: string;
}

/** Every table of the latest schema with its primary key field, from the version entries. */
export function tablesOf(versions: readonly SchemaVersion[] = workspaceVersions): Map<string, string> {
  const tables = new Map<string, string>();
  for (const entry of versions) {
    for (const [name, definition] of Object.entries(entry.stores)) {
      if (definition === null) tables.delete(name);
      else tables.set(name, (definition.split(',')[0] ?? '').trim().replace(/^[&+*]+/, ''));
    }
  }
  return tables;
}

export function syncedTables(versions: readonly SchemaVersion[] = workspaceVersions): SyncedTable[] {
  return [...tablesOf(versions)].filter(([name]) => !(name in LOCAL_ONLY_TABLES)).map(([name, primaryKey]) => ({ name, primaryKey }));
}

const SYNCED = new Map(syncedTables().map((table) => [table.name, table]));

export function syncedTable(name: string): SyncedTable | undefined {
  return SYNCED.get(name);
}

/** The schema version documents written here carry. */
export const LOCAL_SCHEMA_VERSION = latestVersion(workspaceVersions);
