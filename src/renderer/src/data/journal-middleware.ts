import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Dexie } from 'dexie';
import { changeSummary, classifyChange, type JournalEntry } from '../domain/journal/journal';

// The journal is written by a DBCore middleware (Dexie's layer under every table call), so that every
// table — including tables added by later schema versions — is journaled without any repository knowing.
//
// - Each read-write transaction is widened to include the journal table, so that the change and its
//   journal entries commit or fail together.
// - A transaction that names the journal itself is writing the journal on purpose (undo, restoring a
//   backup, the bin's purge): it is not journaled again, or undo would journal itself and a restore would
//   log every record of the espace.
// - `meta` is not journaled: it holds the espace's own housekeeping (ids, last backup), not user data.
//   `deadlineStates` is: marking a deadline done is a user's decision worth seeing in the log.

export const JOURNAL_TABLE = 'journal';
// The sync tables (issue 20) are the replication's bookkeeping, not user data, like `meta`.
const NOT_JOURNALED = new Set([JOURNAL_TABLE, 'meta', 'syncState', 'syncOutbox', 'syncConflicts']);

export interface JournalContext {
  /** The person at the keyboard now. */
  person(): string | null;
  /** This app session's id. */
  readonly session: string;
  now(): Date;
}

interface TransactionState {
  journaled: boolean;
  batch: string;
}

export function installJournal(db: Dexie, context: JournalContext): void {
  let seq = 0;
  db.use({
    stack: 'dbcore',
    name: 'journal',
    create(down: DBCore): DBCore {
      // Older schema versions (migration tests open them) have no journal to write to.
      if (!down.schema.tables.some((table) => table.name === JOURNAL_TABLE)) return down;
      const states = new WeakMap<DBCoreTransaction, TransactionState>();
      const journal = down.table(JOURNAL_TABLE);

      return {
        ...down,
        transaction(stores, mode, options) {
          const namesJournal = stores.includes(JOURNAL_TABLE);
          const widened = mode === 'readwrite' && !namesJournal ? [...stores, JOURNAL_TABLE] : stores;
          const trans = down.transaction(widened, mode, options);
          if (mode === 'readwrite') states.set(trans, { journaled: !namesJournal, batch: crypto.randomUUID() });
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (NOT_JOURNALED.has(name)) return table;
          return {
            ...table,
            mutate: (req) => {
              const state = states.get(req.trans);
              // Upgrades run in a versionchange transaction Dexie opens itself: not a user's change.
              if (!state?.journaled) return table.mutate(req);
              return journaledMutate(table, journal, req, state, context, () => ++seq);
            },
          };
        },
      };
    },
  });
}

// Written with .then() on the promises DBCore returns, not async/await: Dexie carries its transaction
// zone through its own promises, and a native await here would lose it for the layers below.
function journaledMutate(
  table: DBCoreTable,
  journal: DBCoreTable,
  req: DBCoreMutateRequest,
  state: TransactionState,
  context: JournalContext,
  nextSeq: () => number,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const keysKnown = keysOf(table, req);
  if (keysKnown === null) {
    // deleteRange (clear(), a range delete): find what it is about to delete, then journal them one by one.
    const range = req as Extract<DBCoreMutateRequest, { type: 'deleteRange' }>;
    return table
      .query({ trans, values: false, query: { index: table.schema.primaryKey, range: range.range } })
      .then(({ result }) => journaledMutate(table, journal, { type: 'delete', trans, keys: result }, state, context, nextSeq));
  }
  const keys = keysKnown;
  const known = keys.filter((key) => key !== undefined);
  const befores = new Map<unknown, unknown>();
  const read = known.length > 0 ? table.getMany({ trans, keys: known }) : table.getMany({ trans, keys: [] });
  return read.then((found) => {
    known.forEach((key, i) => befores.set(key, found[i]));
    return table.mutate(req).then((response) => {
      const at = context.now().toISOString();
      const person = context.person();
      const entries: JournalEntry[] = [];
      keys.forEach((key, i) => {
        if (key === undefined || response.failures[i] !== undefined) return;
        const before = befores.get(key);
        const after = req.type === 'add' || req.type === 'put' ? req.values[i] : undefined;
        // Deleting what does not exist changes nothing.
        if (before === undefined && after === undefined) return;
        const kind = classifyChange(before, after);
        entries.push({
          id: crypto.randomUUID(),
          at,
          table: table.name,
          recordId: String(key),
          person,
          session: context.session,
          batch: state.batch,
          seq: nextSeq(),
          kind,
          summary: changeSummary(kind, table.name, after ?? before),
          before: before ?? null,
          undoneAt: null,
        });
      });
      if (entries.length === 0) return response;
      return journal.mutate({ type: 'add', trans, values: entries }).then((written) => {
        // A journal that cannot be written must not let the change through unlogged.
        if (written.numFailures > 0) throw Object.values(written.failures)[0];
        return response;
      });
    });
  });
}

/** The primary key of each record the request touches, in request order; null for a range delete. */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | null {
  switch (req.type) {
    case 'add':
    case 'put': {
      if (req.keys) return req.keys;
      const { extractKey } = table.schema.primaryKey;
      return req.values.map((value) => (extractKey ? extractKey(value) : undefined));
    }
    case 'delete':
      return req.keys;
    case 'deleteRange':
      return null;
  }
}
