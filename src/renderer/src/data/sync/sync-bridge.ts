import { liveQuery, type Subscription, type Table } from 'dexie';
import { recordProblem } from '../../domain/backup/record-checks';
import { describeRecord } from '../../domain/bin/record-names';
import {
  documentId,
  parseDocumentId,
  readDocument,
  toDocument,
  type SyncAuthor,
  type SyncDocument,
  type SyncRecord,
} from '../../domain/sync/sync-document';
import { READ_ONLY_MESSAGE, WRITE_REFUSED_MESSAGE, syncFailureMessage } from '../../domain/sync/sync-messages';
import { latestSide, mergeAll, type MergeSide } from '../../domain/sync/three-way-merge';
import type { WorkspaceDb } from '../workspace-db';
import type { OutboxEntry } from './outbox-middleware';
import { openRevisions, type PouchDatabase, type PouchDoc, type PouchEmitter } from './pouch-types';
import { LOCAL_SCHEMA_VERSION, syncedTable, syncedTables } from './synced-tables';
import type { SyncConflictRow, SyncStateRow } from './sync-rows';

// The bridge between Dexie (the store, DESIGN.md decision 17) and a local PouchDB (the engine) that
// replicates with the server. It is loaded only when sync is turned on (data/sync/sync-loader.ts).
//
// One function does the work both ways: reconcile(ids) looks at each document as Dexie, the outbox and
// PouchDB see it and decides what to write where.
// - A change made here (in the outbox) is written to PouchDB on top of the revision last exchanged.
// - A revision that came from the server is checked (schema version, entity schema, as a restore does) and
//   applied to Dexie. Revisions written by this bridge are recognised by the revision kept in
//   `syncState`, and Dexie writes made here name `syncState`, so the outbox skips them (outbox-middleware):
//   nothing pulled is sent back.
// - Both changed, or CouchDB holds conflicting revisions: the pure three-way merge decides, from the last
//   common revision; the merged record is written on top of the winner and the losing revisions deleted,
//   and the fields that need a person's look are kept as « conflits à vérifier ».
// Dexie writes go in batches, one transaction each; a record changed here again while its batch was being
// prepared is left for the next round rather than overwritten.

const BATCH = 250;
const PULL_CHECKPOINT = 'syncPullCheckpoint';
const SEEDED = 'syncSeeded';

type Row = Record<string, unknown>;

export type SyncPhase = 'stopped' | 'connecting' | 'active' | 'idle' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  lastSyncedAt: string | null;
  /** Local changes not yet handed to the engine. */
  pending: number;
  /** The last problem, in French; null when all went through. */
  error: string | null;
  /** Documents not applied here, with the reason in French (newer schema, invalid record). */
  skipped: { docId: string; message: string }[];
  readOnly: boolean;
}

export interface BridgeOptions {
  now?: () => Date;
}

interface Plan {
  docId: string;
  table: string;
  key: string;
  /** The outbox entry this plan consumes (undefined when none existed). */
  pendingAt: string | undefined;
  /** The record Dexie should hold after this round; undefined: leave Dexie alone. */
  record?: SyncRecord | undefined;
  state?: Omit<SyncStateRow, 'rev'> & { rev?: string };
  /** The index, in the PouchDB write, of the document whose new revision `state` takes. */
  writeIndex?: number | undefined;
  conflicts: SyncConflictRow[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function revisionList(doc: PouchDoc): string[] {
  const revisions = doc._revisions;
  if (!revisions) return [doc._rev];
  return revisions.ids.map((hash, i) => `${revisions.start - i}-${hash}`);
}

export class SyncBridge {
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  private replication: PouchEmitter | null = null;
  private feed: PouchEmitter | null = null;
  private outboxWatch: Subscription | null = null;
  private listeners = new Set<(status: SyncStatus) => void>();
  private pushScheduled = false;
  /** Written to PouchDB here and not yet acknowledged by the server in this session. */
  private readonly unsent = new Set<string>();
  private outboxCount = 0;
  private pullScheduled = false;
  status: SyncStatus = { phase: 'stopped', lastSyncedAt: null, pending: 0, error: null, skipped: [], readOnly: false };

  constructor(
    readonly db: WorkspaceDb,
    readonly local: PouchDatabase,
    options: BridgeOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }

  private skip(docId: string, message: string): void {
    const skipped = [...this.status.skipped.filter((entry) => entry.docId !== docId), { docId, message }];
    this.update({ skipped, error: message });
  }

  /** Runs work after the work already queued: pushes and pulls never interleave. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The first time sync is turned on for this copy of the espace, every record goes to the outbox (the
   * server may be empty, or already hold the other laptop's records: reconcile tells which).
   */
  async seedOutbox(): Promise<number> {
    const done = await this.db.meta.get(SEEDED);
    if (done) return 0;
    const at = this.now().toISOString();
    let count = 0;
    for (const table of syncedTables()) {
      const keys = (await this.db.table(table.name).toCollection().primaryKeys()) as string[];
      const entries: OutboxEntry[] = keys.map((key) => ({ docId: documentId(table.name, String(key)), at, person: this.db.currentPerson }));
      await this.db.syncOutbox.bulkPut(entries);
      count += entries.length;
    }
    await this.db.meta.put({ key: SEEDED, value: at });
    return count;
  }

  /** Hands every change waiting in the outbox to the engine. */
  pushPending(): Promise<number> {
    return this.serial(async () => {
      let total = 0;
      for (;;) {
        const entries = await this.db.syncOutbox.limit(BATCH).toArray();
        if (entries.length === 0) break;
        await this.reconcileBatch(entries.map((entry) => entry.docId));
        total += entries.length;
        const left = await this.db.syncOutbox
          .where('docId')
          .anyOf(entries.map((e) => e.docId))
          .toArray();
        // Entries still there were changed again meanwhile or refused: the next round takes them.
        if (left.length === entries.length && left.every((e, i) => e.at === entries[i]?.at)) break;
      }
      this.outboxCount = await this.db.syncOutbox.count();
      this.update({ pending: this.outboxCount + this.unsent.size });
      return total;
    });
  }

  /** Applies what the engine received from the server since the last time. */
  pullIncoming(): Promise<number> {
    return this.serial(async () => {
      let total = 0;
      for (;;) {
        const checkpoint = (await this.db.meta.get(PULL_CHECKPOINT))?.value as number | string | undefined;
        const changes = await this.local.changes({ since: checkpoint ?? 0, limit: BATCH });
        const ids = [...new Set(changes.results.map((change) => change.id))].filter((id) => parseDocumentId(id) !== null);
        if (ids.length > 0) await this.reconcileBatch(ids);
        await this.db.meta.put({ key: PULL_CHECKPOINT, value: changes.last_seq });
        total += ids.length;
        if (changes.results.length < BATCH) break;
      }
      this.outboxCount = await this.db.syncOutbox.count();
      this.update({ pending: this.outboxCount + this.unsent.size });
      return total;
    });
  }

  private async reconcileBatch(docIds: readonly string[]): Promise<void> {
    const rows = await this.local.allDocs({ keys: docIds, include_docs: true, conflicts: true });
    const outbox = new Map((await this.db.syncOutbox.bulkGet([...docIds])).flatMap((e) => (e ? [[e.docId, e] as const] : [])));
    const states = new Map((await this.db.syncState.bulkGet([...docIds])).flatMap((s) => (s ? [[s.docId, s] as const] : [])));
    const records = await this.readRecords(docIds);
    const plans: Plan[] = [];
    const writes: Row[] = [];
    for (const [i, docId] of docIds.entries()) {
      const named = parseDocumentId(docId);
      const table = named ? syncedTable(named.table) : undefined;
      const pending = outbox.get(docId);
      if (!named || !table) continue;
      const plan: Plan = { docId, table: named.table, key: named.key, pendingAt: pending?.at, conflicts: [] };
      const row = rows.rows[i];
      const doc = row?.doc && !row.value?.deleted ? row.doc : undefined;
      const state = states.get(docId);
      const localRecord = records.get(docId);
      const author: SyncAuthor = { person: pending?.person ?? null, at: pending?.at ?? '' };
      if (!doc) {
        if (pending && localRecord) {
          plan.writeIndex =
            writes.push(toDocument(named.table, named.key, localRecord, LOCAL_SCHEMA_VERSION, author) as unknown as Row) - 1;
          plan.state = { docId, body: localRecord, author };
        }
        plans.push(plan);
        continue;
      }
      const leafRevs = [doc._rev, ...(doc._conflicts ?? [])];
      if (leafRevs.length === 1 && doc._rev === state?.rev) {
        if (pending && localRecord && !same(localRecord, state.body)) {
          plan.writeIndex =
            writes.push({
              ...(toDocument(named.table, named.key, localRecord, LOCAL_SCHEMA_VERSION, author) as unknown as Row),
              _rev: doc._rev,
            }) - 1;
          plan.state = { docId, body: localRecord, author };
        }
        plans.push(plan);
        continue;
      }
      const merged = await this.mergeDocument(
        docId,
        doc,
        leafRevs,
        state,
        pending && localRecord ? { record: localRecord, author } : undefined,
      );
      if (merged === null) continue;
      plan.record = merged.record;
      plan.conflicts = merged.conflicts;
      const winnerRecord = readDocument(doc, LOCAL_SCHEMA_VERSION);
      const changesWinner = !winnerRecord.ok || !same(winnerRecord.record, merged.record);
      if (changesWinner) {
        plan.writeIndex =
          writes.push({
            ...(toDocument(named.table, named.key, merged.record, LOCAL_SCHEMA_VERSION, merged.author) as unknown as Row),
            _rev: doc._rev,
          }) - 1;
      }
      for (const loser of doc._conflicts ?? []) writes.push({ _id: docId, _rev: loser, _deleted: true });
      plan.state = { docId, body: merged.record, author: merged.author, ...(changesWinner ? {} : { rev: doc._rev }) };
      plans.push(plan);
    }
    const results = writes.length > 0 ? await this.local.bulkDocs(writes) : [];
    for (const result of results) {
      if (result.error && result.status !== 409) this.update({ error: syncFailureMessage(result) });
      else if (result.ok && result.id && this.replication) this.unsent.add(result.id);
    }
    await this.apply(plans, results);
  }

  /** Every open revision of a document, merged from their common base; null when it cannot apply here. */
  private async mergeDocument(
    docId: string,
    winner: PouchDoc,
    leafRevs: string[],
    state: SyncStateRow | undefined,
    localSide: { record: SyncRecord; author: SyncAuthor } | undefined,
  ): Promise<{ record: SyncRecord; conflicts: SyncConflictRow[]; author: SyncAuthor } | null> {
    const leaves = leafRevs.length === 1 ? [winner] : await openRevisions(this.local, docId, leafRevs);
    const sides: MergeSide[] = [];
    for (const leaf of leaves) {
      const reading = readDocument(leaf, LOCAL_SCHEMA_VERSION);
      if (!reading.ok) {
        this.skip(docId, reading.message);
        return null;
      }
      // This laptop's edit is newer than the revision it started from: it stands in for that revision.
      if (localSide && leaf._rev === state?.rev) continue;
      sides.push({ record: reading.record, author: reading.author, rev: leaf._rev });
    }
    if (localSide) sides.push({ ...localSide, rev: '0-local' });
    const base = await this.baseOf(docId, leaves, state);
    const result = mergeAll(base, sides);
    const table = parseDocumentId(docId)?.table ?? '';
    const recordId = parseDocumentId(docId)?.key ?? '';
    const foundAt = this.now().toISOString();
    const label = describeRecord(table, result.record);
    const conflicts = result.conflicts.map((conflict) => ({
      id: `${docId}#${conflict.field}#${foundAt}`,
      docId,
      table,
      recordId,
      label,
      conflict,
      foundAt,
    }));
    return { record: result.record, conflicts, author: latestSide(sides).author };
  }

  /** The last revision every open one descends from, when this laptop still has its body. */
  private async baseOf(docId: string, leaves: PouchDoc[], state: SyncStateRow | undefined): Promise<SyncRecord | null> {
    if (leaves.length === 1) return state?.body ?? null;
    const [first, ...others] = leaves.map(revisionList);
    const common = (first ?? []).find((rev) => others.every((list) => list.includes(rev)));
    if (common === undefined) return null;
    if (state?.rev === common) return state.body;
    try {
      const reading = readDocument(await this.local.get(docId, { rev: common }), LOCAL_SCHEMA_VERSION);
      return reading.ok ? reading.record : null;
    } catch {
      return null;
    }
  }

  private async readRecords(docIds: readonly string[]): Promise<Map<string, SyncRecord>> {
    const byTable = new Map<string, string[]>();
    for (const docId of docIds) {
      const named = parseDocumentId(docId);
      if (!named || !syncedTable(named.table)) continue;
      byTable.set(named.table, [...(byTable.get(named.table) ?? []), named.key]);
    }
    const records = new Map<string, SyncRecord>();
    for (const [table, keys] of byTable) {
      const found = (await this.db.table(table).bulkGet(keys)) as (SyncRecord | undefined)[];
      keys.forEach((key, i) => {
        const record = found[i];
        if (record) records.set(documentId(table, key), record);
      });
    }
    return records;
  }

  /** Writes one batch's outcome to Dexie in one transaction. */
  private async apply(plans: Plan[], results: { ok?: boolean; rev?: string; error?: unknown }[]): Promise<void> {
    const valid: Plan[] = [];
    for (const plan of plans) {
      if (plan.record !== undefined) {
        const problem = recordProblem(plan.table, plan.record);
        if (problem !== null) {
          this.skip(plan.docId, `Une modification reçue n’est pas valide et n’est pas appliquée. ${problem}`);
          continue;
        }
      }
      valid.push(plan);
    }
    const tables = [...new Set(valid.map((plan) => plan.table))].map((name) => this.db.table(name));
    const db = this.db;
    await db.transaction('rw', [...tables, db.syncState, db.syncOutbox, db.syncConflicts, db.journal], async () => {
      for (const plan of valid) {
        const current = await db.syncOutbox.get(plan.docId);
        // Changed here again while this batch was prepared: the next round merges that change too.
        if (current?.at !== plan.pendingAt) continue;
        const written = plan.writeIndex === undefined ? undefined : results[plan.writeIndex];
        if (plan.writeIndex !== undefined && !written?.ok) continue;
        const rev = written?.rev ?? plan.state?.rev;
        if (plan.record !== undefined) await (db.table(plan.table) as Table<Row, string>).put(plan.record);
        if (plan.state && rev !== undefined) await db.syncState.put({ ...plan.state, rev });
        if (plan.conflicts.length > 0) await db.syncConflicts.bulkPut(plan.conflicts);
        if (current) await db.syncOutbox.delete(plan.docId);
      }
    });
  }

  /**
   * One round with the server, not live: send what waits, replicate both ways once, apply what came.
   * « Synchroniser maintenant », and the tests.
   */
  async syncOnce(remote: PouchDatabase): Promise<boolean> {
    let denied = false;
    const replicate = () => {
      const replication = this.local.sync(remote, { batch_size: 200 });
      replication.on('denied', (() => (denied = true)) as never);
      return replication as unknown as PromiseLike<unknown>;
    };
    try {
      await this.seedOutbox();
      await this.pushPending();
      await replicate();
      await this.pullIncoming();
      // Merging may have written a resolution to PouchDB: it goes out in the same round.
      await this.pushPending();
      await replicate();
      await this.pullIncoming();
    } catch (error) {
      this.update({ phase: 'error', error: syncFailureMessage(error) });
      return false;
    }
    const error = denied ? WRITE_REFUSED_MESSAGE : this.status.readOnly ? READ_ONLY_MESSAGE : (this.status.skipped.at(-1)?.message ?? null);
    this.update({ lastSyncedAt: this.now().toISOString(), error });
    return error === null;
  }

  /** Sets the espace read-only (or writable again) for the person at this laptop. */
  setReadOnly(readOnly: boolean): void {
    this.db.syncReadOnly = readOnly;
    this.update({ readOnly, ...(readOnly ? { error: READ_ONLY_MESSAGE } : {}) });
  }

  /** Live replication with the server: changes go both ways as they happen, and again after an outage. */
  start(remote: PouchDatabase): void {
    this.stop();
    this.update({ phase: 'connecting', error: null });
    this.replication = this.local
      .sync(remote, {
        live: true,
        retry: true,
        batch_size: 200,
        back_off_function: (delay: number) => (delay === 0 ? 500 : Math.min(delay * 2, 30_000)),
      })
      .on('change', ((info: { direction?: string; change?: { docs?: { _id: string }[] } }) => {
        if (info.direction === 'push') for (const doc of info.change?.docs ?? []) this.unsent.delete(doc._id);
        this.update({ lastSyncedAt: this.now().toISOString(), pending: this.outboxCount + this.unsent.size });
        if (info.direction === 'pull') this.schedulePull();
      }) as never)
      .on('active', (() => this.update({ phase: 'active' })) as never)
      .on('paused', ((error: unknown) => {
        this.update(
          error
            ? { phase: 'offline', error: syncFailureMessage(error) }
            : { phase: 'idle', lastSyncedAt: this.now().toISOString(), error: this.status.readOnly ? READ_ONLY_MESSAGE : null },
        );
      }) as never)
      .on('denied', (() => this.update({ error: WRITE_REFUSED_MESSAGE })) as never)
      .on('error', ((error: unknown) => this.update({ phase: 'error', error: syncFailureMessage(error) })) as never);
    this.feed = this.local.changes({ since: 'now', live: true }).on('change', (() => this.schedulePull()) as never);
    this.outboxWatch = liveQuery(() => this.db.syncOutbox.count()).subscribe({
      next: (count) => {
        this.outboxCount = count;
        this.update({ pending: count + this.unsent.size });
        if (count > 0) this.schedulePush();
      },
      error: () => undefined,
    });
    this.schedulePull();
  }

  private schedulePush(): void {
    if (this.pushScheduled) return;
    this.pushScheduled = true;
    void this.pushPending()
      .catch((error: unknown) => this.update({ error: syncFailureMessage(error) }))
      .finally(() => (this.pushScheduled = false));
  }

  private schedulePull(): void {
    if (this.pullScheduled) return;
    this.pullScheduled = true;
    void this.pullIncoming()
      .catch((error: unknown) => this.update({ error: syncFailureMessage(error) }))
      .finally(() => (this.pullScheduled = false));
  }

  stop(): void {
    this.replication?.cancel();
    this.feed?.cancel();
    this.outboxWatch?.unsubscribe();
    this.replication = null;
    this.feed = null;
    this.outboxWatch = null;
    if (this.status.phase !== 'stopped') this.update({ phase: 'stopped' });
  }

  /** Waits for the work already queued (tests, and the stop button before closing the espace). */
  settled(): Promise<unknown> {
    return this.queue;
  }
}

export type { SyncDocument };
