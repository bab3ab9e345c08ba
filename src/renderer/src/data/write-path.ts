import type { Table } from 'dexie';
import type { RecordStamps } from '../domain/record';
import {
  ALREADY_BINNED_MESSAGE,
  MISSING_RECORD_MESSAGE,
  binnedElsewhereMessage,
  changedElsewhereMessage,
  mergeChanges,
  mergedMessage,
  nextRevision,
  type ChangeAuthor,
} from '../domain/write-conflicts';
import type { WorkspaceDb } from './workspace-db';

// The one write path of every repository (DESIGN.md decision 12). Repositories validate, check the rules
// that need other records, then write through these functions:
//
// - createRow: fresh stamps; updateRow: an unknown id is refused, `createdAt` and `deletedAt` are kept —
//   a save never takes a record out of the bin nor puts it in; binRow / restoreRow: the only ways to
//   change `deletedAt`.
// - A save or a deletion carries the `updatedAt` its form loaded (a RecordRef). If the stored record
//   changed since, the journal gives the version the form loaded and who changed it: changes on other
//   fields are merged (and said), overlapping changes are refused with who and when.
//
// Reading the journal happens before the write transaction (prepareWrite): a read-write transaction that
// names the journal is not journaled (journal-middleware.ts), and a save must be. If the record changes
// again between the two, the write refuses rather than guess.

type Row = Record<string, unknown>;
type StampedTable<T extends RecordStamps> = Table<T, string>;

/** A record as a form loaded it: its id and the revision (`updatedAt`) it saw. */
export interface RecordRef {
  id: string;
  updatedAt?: string | undefined;
}

/** What callers pass: nothing (a new record), an id (no revision check) or the loaded revision. */
export type Target = string | RecordRef | undefined;

export function refOf(target: Target): RecordRef | undefined {
  return typeof target === 'string' ? { id: target } : target;
}

/** Why a write was refused, for a form to offer « Recharger ». */
export interface WriteConflict {
  kind: 'changed' | 'binned' | 'missing';
  author?: ChangeAuthor | undefined;
}

export type WriteOutcome<T> =
  | { ok: true; value: T; merged?: { fields: string[]; message: string } | undefined }
  | { ok: false; errors: Record<string, string>; conflict?: WriteConflict | undefined };

/** What prepareWrite learned outside the transaction. */
export interface WriteContext {
  ref: RecordRef | undefined;
  /** The stored record seen, when it differs from the revision the form loaded. */
  seen?: Row | undefined;
  /** That revision, from the journal. */
  base?: Row | undefined;
  author?: ChangeAuthor | undefined;
}

function refuse(message: string, conflict?: WriteConflict): { ok: false; errors: Record<string, string>; conflict?: WriteConflict } {
  return conflict ? { ok: false, errors: { '': message }, conflict } : { ok: false, errors: { '': message } };
}

/**
 * Reads, before the write transaction, what a revision check needs: when the stored record is not the
 * revision the form loaded, the version it loaded (the journal's before-state of the next change) and the
 * last change's author.
 */
export async function prepareWrite(db: WorkspaceDb, tableName: string, target: Target): Promise<WriteContext> {
  const ref = refOf(target);
  if (ref?.updatedAt === undefined) return { ref };
  const stored = (await db.table(tableName).get(ref.id)) as Row | undefined;
  if (stored === undefined || stored.updatedAt === ref.updatedAt) return { ref };
  const entries = (await db.journal.where('recordId').equals(ref.id).toArray())
    .filter((entry) => entry.table === tableName)
    .sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
  const last = entries[entries.length - 1];
  const base = [...entries].reverse().find((entry) => (entry.before as Row | null)?.updatedAt === ref.updatedAt)?.before as Row | undefined;
  const author: ChangeAuthor = { person: last?.person ?? null, at: String(stored.updatedAt) };
  return { ref, seen: stored, base, author };
}

/** A new record: a fresh id (unless given) and stamps. */
export async function createRow<T extends RecordStamps>(
  table: StampedTable<T>,
  fields: Omit<T, keyof RecordStamps>,
  now: Date,
  id: string = crypto.randomUUID(),
): Promise<T> {
  const at = now.toISOString();
  const record = { ...fields, id, createdAt: at, updatedAt: at, deletedAt: null } as T;
  await table.add(record);
  return record;
}

/** Many new records at once (an import), in the caller's transaction. */
export async function createRows<T extends RecordStamps>(
  table: StampedTable<T>,
  rows: readonly Omit<T, keyof RecordStamps>[],
  now: Date,
): Promise<T[]> {
  const at = now.toISOString();
  const records = rows.map((fields) => ({ ...fields, id: crypto.randomUUID(), createdAt: at, updatedAt: at, deletedAt: null }) as T);
  await table.bulkAdd(records);
  return records;
}

function withoutStamps(row: Row): Row {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = row;
  return fields;
}

/**
 * Replaces a record's fields, in the caller's transaction. Refused when the id is unknown; checked
 * against the revision the form loaded when the context carries one.
 */
export async function updateRow<T extends RecordStamps>(
  table: StampedTable<T>,
  context: WriteContext,
  fields: Omit<T, keyof RecordStamps>,
  now: Date,
): Promise<WriteOutcome<T>> {
  const ref = context.ref;
  if (ref === undefined) throw new Error('updateRow needs the id of the record to replace.');
  const stored = await table.get(ref.id);
  if (stored === undefined) return refuse(MISSING_RECORD_MESSAGE, { kind: 'missing' });
  const stamps = {
    id: stored.id,
    createdAt: stored.createdAt,
    deletedAt: stored.deletedAt,
    updatedAt: nextRevision(stored.updatedAt, now),
  };
  if (ref.updatedAt === undefined || stored.updatedAt === ref.updatedAt) {
    const record = { ...fields, ...stamps } as unknown as T;
    await table.put(record);
    return { ok: true, value: record };
  }
  // Changed since the form loaded it: only the change prepareWrite examined can be merged.
  if (context.seen === undefined || context.seen.updatedAt !== stored.updatedAt) {
    return refuse(changedElsewhereMessage(undefined, now), { kind: 'changed' });
  }
  const base = context.base;
  if (base !== undefined && base.deletedAt === null && stored.deletedAt !== null) {
    return refuse(binnedElsewhereMessage(context.author, now), { kind: 'binned', author: context.author });
  }
  if (base === undefined || base.deletedAt !== stored.deletedAt) {
    return refuse(changedElsewhereMessage(context.author, now), { kind: 'changed', author: context.author });
  }
  const decision = mergeChanges(withoutStamps(base), withoutStamps(stored as unknown as Row), fields as Row);
  if (decision.kind === 'conflict')
    return refuse(changedElsewhereMessage(context.author, now), { kind: 'changed', author: context.author });
  const record = { ...decision.fields, ...stamps } as unknown as T;
  await table.put(record);
  return {
    ok: true,
    value: record,
    merged:
      decision.keptFromElsewhere.length > 0
        ? { fields: decision.keptFromElsewhere, message: mergedMessage(context.author, now) }
        : undefined,
  };
}

/** Creates (no ref in the context) or updates, in the caller's transaction. */
export function saveRow<T extends RecordStamps>(
  table: StampedTable<T>,
  context: WriteContext,
  fields: Omit<T, keyof RecordStamps>,
  now: Date,
): Promise<WriteOutcome<T>> {
  if (context.ref === undefined) return createRow(table, fields, now).then((value) => ({ ok: true as const, value }));
  return updateRow(table, context, fields, now);
}

/**
 * Sends a record to the bin, in the caller's transaction; the stamp it returns (`deletedAt`) is the one
 * records binned along with it take, so that the bin restores them together. Refused when the record
 * changed since the page showed it.
 */
export async function binRow<T extends RecordStamps>(table: StampedTable<T>, context: WriteContext, now: Date): Promise<WriteOutcome<T>> {
  const ref = context.ref;
  if (ref === undefined) throw new Error('binRow needs the id of the record.');
  const stored = await table.get(ref.id);
  if (stored === undefined) return refuse(MISSING_RECORD_MESSAGE, { kind: 'missing' });
  if (stored.deletedAt !== null) return refuse(ALREADY_BINNED_MESSAGE, { kind: 'binned' });
  if (ref.updatedAt !== undefined && stored.updatedAt !== ref.updatedAt) {
    const author = context.seen?.updatedAt === stored.updatedAt ? context.author : undefined;
    return refuse(changedElsewhereMessage(author, now), { kind: 'changed', author });
  }
  const record = { ...stored, deletedAt: now.toISOString(), updatedAt: nextRevision(stored.updatedAt, now) };
  await table.put(record);
  return { ok: true, value: record };
}

/** Takes a record out of the bin, in the caller's transaction; false when it was not there. */
export async function restoreRow<T extends RecordStamps>(table: StampedTable<T>, id: string, now: Date): Promise<T | undefined> {
  const stored = await table.get(id);
  if (stored === undefined || stored.deletedAt === null) return undefined;
  const record = { ...stored, deletedAt: null, updatedAt: nextRevision(stored.updatedAt, now) };
  await table.put(record);
  return record;
}

/**
 * The rows whose `deletedAt` is `from` get `to` instead, each with its next revision. Not async: the caller
 * awaits Dexie's own promise, which keeps the transaction open.
 */
function restampAlong<T extends RecordStamps>(
  table: StampedTable<T>,
  rows: readonly T[],
  from: string | null,
  to: string | null,
  now: Date,
): Promise<unknown> {
  return table.bulkPut(
    rows.filter((row) => row.deletedAt === from).map((row) => ({ ...row, deletedAt: to, updatedAt: nextRevision(row.updatedAt, now) })),
  );
}

/** Records binned along with another: the live ones take its stamp. */
export async function binAlong<T extends RecordStamps>(
  table: StampedTable<T>,
  rows: readonly T[],
  stamp: string,
  now: Date,
): Promise<void> {
  await restampAlong(table, rows, null, stamp, now);
}

/** Records restored along with another: those binned under the same stamp. */
export async function restoreAlong<T extends RecordStamps>(
  table: StampedTable<T>,
  rows: readonly T[],
  stamp: string,
  now: Date,
): Promise<void> {
  await restampAlong(table, rows, stamp, null, now);
}

/** One write of the path in its own transaction on one table: prepare, then save. */
export async function saveOne<T extends RecordStamps>(
  db: WorkspaceDb,
  table: StampedTable<T>,
  target: Target,
  fields: Omit<T, keyof RecordStamps>,
  now: Date,
): Promise<WriteOutcome<T>> {
  const context = await prepareWrite(db, table.name, target);
  return db.transaction('rw', table, () => saveRow(table, context, fields, now));
}

/** Bins one record alone (no record follows it). */
export async function binOne<T extends RecordStamps>(
  db: WorkspaceDb,
  table: StampedTable<T>,
  target: Target,
  now: Date,
): Promise<WriteOutcome<T>> {
  const context = await prepareWrite(db, table.name, target);
  return db.transaction('rw', table, () => binRow(table, context, now));
}

/** Restores one record alone. */
export async function restoreOne<T extends RecordStamps>(db: WorkspaceDb, table: StampedTable<T>, id: string, now: Date): Promise<void> {
  await db.transaction('rw', table, () => restoreRow(table, id, now));
}

// ---------------------------------------------------------------------------------------------------------
// Writes that are not a form's save, each with its own rule.

/**
 * Restores, across tables, every record binned under one stamp (a bin group), in the caller's transaction.
 * Each takes a revision after its stored one, so a form still open on the binned version is checked.
 */
export async function restoreGroup(
  tables: readonly Table<Row, unknown>[],
  rowsOf: (table: Table<Row, unknown>) => Promise<Row[]>,
  stamp: string,
  now: Date,
): Promise<number> {
  let count = 0;
  for (const table of tables) {
    const rows = (await rowsOf(table)).filter((row) => row.deletedAt === stamp);
    if (rows.length === 0) continue;
    await restoreAlong(table as unknown as StampedTable<RecordStamps>, rows as unknown as RecordStamps[], stamp, now);
    count += rows.length;
  }
  return count;
}

/**
 * Destroys records for good, in the caller's transaction: only those the store still holds in the bin
 * (destroying is the bin's « Supprimer définitivement » and its 30-day purge, never a way around binning;
 * a record restored meanwhile, in another tab, stays). Returns how many went.
 */
export async function destroyBinned(table: Table<Row, unknown>, keys: readonly unknown[]): Promise<number> {
  const stored = await table.bulkGet(keys as never[]);
  const binned = keys.filter((_key, index) => typeof stored[index]?.deletedAt === 'string');
  await table.bulkDelete(binned as never[]);
  return binned.length;
}

/**
 * Undo's one write, in the caller's transaction: puts back the state a record had before a change (`null`:
 * the change created it, so it goes). The state comes back with a revision after the stored one — never
 * its old `updatedAt`: a form still open on the undone version is then checked, and a sync merge, which
 * keeps the later edit, takes the undo as the later one. `deletedAt` comes back with the rest: undoing a
 * deletion is a restoration, undoing a restoration a deletion.
 */
export async function putBack(table: Table<Row, unknown>, key: unknown, before: Row | null, now: Date): Promise<void> {
  if (before === null) {
    await table.delete(key as never);
    return;
  }
  const stored = (await table.get(key as never)) as Row | undefined;
  const latest = [stored?.updatedAt, before.updatedAt]
    .filter((at): at is string => typeof at === 'string')
    .sort()
    .at(-1);
  await table.put({ ...before, updatedAt: nextRevision(latest, now) });
}

/**
 * A keyed state (a deadline's done, snoozed or dismissed: keyed by the deadline, with no id, no bin) is set
 * whole, in its own transaction, with a revision after the stored one. Returns what it replaced and what it
 * wrote, so that « Annuler » can check nothing changed since.
 */
export async function setState<T extends { key: string; updatedAt: string }>(
  db: WorkspaceDb,
  table: Table<T, string>,
  state: Omit<T, 'updatedAt'>,
  now: Date,
): Promise<{ previous: T | undefined; written: T }> {
  return db.transaction('rw', table, async () => {
    const previous = await table.get(state.key);
    const written = { ...state, updatedAt: nextRevision(previous?.updatedAt, now) } as T;
    await table.put(written);
    return { previous, written };
  });
}

/** Said when « Annuler » would undo a state someone changed since (another tab, another window). */
export const STATE_CHANGED_MESSAGE =
  'Cette échéance a été modifiée entre-temps (autre onglet ou autre fenêtre)\u00a0: rien n’a été changé.';

/**
 * Puts back the state a key had before one change (`undefined`: it had none, so it goes) — the « Annuler »
 * of setState. With `written` (what the change wrote; `null`: the change removed the state), refused when
 * the stored state is no longer that.
 */
export async function putBackState<T extends { key: string; updatedAt: string }>(
  db: WorkspaceDb,
  table: Table<T, string>,
  key: string,
  previous: T | undefined,
  now: Date,
  written?: T | null,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction('rw', table, async () => {
    const stored = await table.get(key);
    const changedSince = written === null ? stored !== undefined : written !== undefined && stored?.updatedAt !== written.updatedAt;
    if (changedSince) return { ok: false as const, message: STATE_CHANGED_MESSAGE };
    if (previous === undefined) await table.delete(key);
    else await table.put({ ...previous, updatedAt: nextRevision(stored?.updatedAt ?? previous.updatedAt, now) });
    return { ok: true as const };
  });
}

/** Rows handed to IndexedDB at once: queuing 100 000 adds in one call held the window for seconds. */
const WRITE_SLICE = 2_000;

/**
 * Restoring a backup: every table of the espace emptied and filled with the backup's rows, as they are.
 * This is the one write outside the rules above, on purpose: a restore puts back a whole espace at one
 * moment, so its records keep the stamps they had then — their revisions, their bin stamps, and the
 * backup's own journal (the transaction names the journal: nothing of the restore is journaled record by
 * record, and undo cannot take back a restore; « Annuler la restauration » does, from the copy kept
 * before). The backup's records were each checked against their schema before (openBackup).
 *
 * One transaction, so that a failure anywhere rolls every table back. Inside it only IndexedDB's own
 * requests are awaited (anything else would let the transaction commit early); the window paints while a
 * slice is written. The next slice is queued before the previous one is awaited, so IndexedDB is never
 * left idle.
 */
export async function replaceWholeWorkspace(
  db: WorkspaceDb,
  tables: Readonly<Record<string, readonly unknown[]>>,
  onTable?: (name: string, done: number, total: number) => void,
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const [done, table] of db.tables.entries()) {
      onTable?.(table.name, done, db.tables.length);
      await table.clear();
      const rows = tables[table.name] ?? [];
      let previous: Promise<unknown> | null = null;
      for (let at = 0; at < rows.length; at += WRITE_SLICE) {
        const slice = table.bulkAdd(rows.slice(at, at + WRITE_SLICE));
        // Its failure is the transaction's and is thrown by the slice awaited before it or after.
        slice.catch(() => undefined);
        if (previous) await previous;
        previous = slice;
      }
      if (previous) await previous;
    }
  });
}
