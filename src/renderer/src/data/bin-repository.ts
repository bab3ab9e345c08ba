import { useLiveQuery } from 'dexie-react-hooks';
import type { Table } from 'dexie';
import { groupBin, groupsToPurge, type BinGroup, type BinItem } from '../domain/bin/bin-groups';
import { JOURNAL_TABLE } from './journal-middleware';
import type { WorkspaceDb } from './workspace-db';
import { destroyBinned, restoreGroup } from './write-path';

// The bin, across every table of the schema: whatever carries a deletedAt stamp is in it. Written over
// db.tables so that a table added by a later schema version is covered without new code.

type AnyRow = Record<string, unknown>;

/** Tables whose records can be in the bin: the journal and the espace's housekeeping cannot. */
function binTables(db: WorkspaceDb): Table<AnyRow, unknown>[] {
  return db.tables.filter((table) => table.name !== JOURNAL_TABLE && table.name !== 'meta') as Table<AnyRow, unknown>[];
}

function hasDeletedAtIndex(table: Table<AnyRow, unknown>): boolean {
  return table.schema.indexes.some((index) => index.name === 'deletedAt');
}

/** The binned records of one table, optionally only those of one deletion. */
async function binnedIn(table: Table<AnyRow, unknown>, deletedAt?: string): Promise<AnyRow[]> {
  if (hasDeletedAtIndex(table)) {
    // null is not a valid IndexedDB key: live records are simply absent from the deletedAt index.
    return deletedAt === undefined ? table.orderBy('deletedAt').toArray() : table.where('deletedAt').equals(deletedAt).toArray();
  }
  return table.filter((row) => typeof row.deletedAt === 'string' && (deletedAt === undefined || row.deletedAt === deletedAt)).toArray();
}

// Keys are string UUIDs throughout the schema (DESIGN.md decision 6).
function keyOf(table: Table<AnyRow, unknown>, row: AnyRow): string {
  const keyPath = table.schema.primKey.keyPath;
  return String(typeof keyPath === 'string' ? row[keyPath] : row.id);
}

export async function listBinItems(db: WorkspaceDb): Promise<BinItem[]> {
  const items: BinItem[] = [];
  for (const table of binTables(db)) {
    for (const row of await binnedIn(table)) {
      items.push({ table: table.name, key: keyOf(table, row), record: row as BinItem['record'] });
    }
  }
  return items;
}

export async function listBinGroups(db: WorkspaceDb): Promise<BinGroup[]> {
  return groupBin(await listBinItems(db));
}

/**
 * Brings back everything deleted under one stamp, in one transaction (journaled as restorations), through
 * the write path: each record takes a revision after the one it had in the bin.
 */
export async function restoreBinGroup(db: WorkspaceDb, deletedAt: string, now: Date = new Date()): Promise<number> {
  const tables = binTables(db);
  return db.transaction('rw', tables, () => restoreGroup(tables, (table) => binnedIn(table, deletedAt), deletedAt, now));
}

/** Destroys everything deleted under one stamp (journaled with its last state, so this session can undo). */
export async function deleteBinGroupForever(db: WorkspaceDb, deletedAt: string): Promise<number> {
  const tables = binTables(db);
  return db.transaction('rw', tables, async () => {
    let count = 0;
    for (const table of tables)
      count += await destroyBinned(
        table,
        (await binnedIn(table, deletedAt)).map((row) => keyOf(table, row)),
      );
    return count;
  });
}

/**
 * Removes deletions older than 30 days. The transaction names the journal so that the middleware leaves it
 * alone: an automatic purge copying every purged record into the journal would keep it forever.
 */
export async function purgeExpiredBin(db: WorkspaceDb, now: Date = new Date()): Promise<number> {
  const expired = groupsToPurge(await listBinGroups(db), now);
  if (expired.length === 0) return 0;
  const tables = binTables(db);
  return db.transaction('rw', [...tables, db.journal], async () => {
    let count = 0;
    for (const group of expired) {
      for (const table of tables) {
        const keys = group.items.filter((item) => item.table === table.name).map((item) => item.key);
        if (keys.length > 0) count += await destroyBinned(table, keys);
      }
    }
    return count;
  });
}

/** Every deletion in the bin, newest first; `undefined` while loading. */
export function useBinGroups(db: WorkspaceDb): BinGroup[] | undefined {
  return useLiveQuery(() => listBinGroups(db), [db]);
}
