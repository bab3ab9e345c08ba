import type { DBCore, DBCoreMutateRequest, Dexie } from 'dexie';
import { documentId } from '../../domain/sync/sync-document';
import { syncedTable } from './synced-tables';

// Every local change to a replicated table leaves its document id in `syncOutbox`, in the same transaction
// as the change (a DBCore middleware, like the journal): a change made while sync is off, or just before
// the window closes, is still handed to the engine later, and « modifications en attente » counts them.
//
// The origin flag: a read-write transaction that names `syncState` is the sync bridge applying changes
// pulled from the server (it records their revision there in the same transaction). Those changes are
// not put in the outbox, so nothing pulled in is ever sent back as if it had been made here.
//
// A read-only sync account (a network's reader) makes the espace read-only: the same layer refuses every
// write of a user to a replicated table, so no screen can write around it.

export const SYNC_OUTBOX_TABLE = 'syncOutbox';
export const SYNC_STATE_TABLE = 'syncState';

export interface OutboxEntry {
  docId: string;
  /** When the change was made (a later change of the same record replaces the entry). */
  at: string;
  person: string | null;
}

export interface OutboxContext {
  person(): string | null;
  now(): Date;
  /** True while the espace is read-only (a reader's sync account). */
  readOnly(): boolean;
}

export class ReadOnlyWorkspaceError extends Error {
  override name = 'ReadOnlyWorkspaceError';
  constructor() {
    super('This espace is read-only: its sync account may only read.');
  }
}

export function installOutbox(db: Dexie, context: OutboxContext): void {
  db.use({
    stack: 'dbcore',
    name: 'sync-outbox',
    create(down: DBCore): DBCore {
      if (!down.schema.tables.some((table) => table.name === SYNC_OUTBOX_TABLE)) return down;
      const user = new WeakSet<object>();
      const outbox = down.table(SYNC_OUTBOX_TABLE);
      return {
        ...down,
        transaction(stores, mode, options) {
          const bySync = stores.includes(SYNC_STATE_TABLE);
          const widened = mode === 'readwrite' && !bySync && !stores.includes(SYNC_OUTBOX_TABLE) ? [...stores, SYNC_OUTBOX_TABLE] : stores;
          const trans = down.transaction(widened, mode, options);
          if (mode === 'readwrite' && !bySync) user.add(trans);
          return trans;
        },
        table(name) {
          const table = down.table(name);
          const synced = syncedTable(name);
          if (!synced) return table;
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) => {
              if (!user.has(req.trans)) return table.mutate(req);
              if (context.readOnly()) return Promise.reject(new ReadOnlyWorkspaceError());
              // A purge from the bin (a hard delete) is not replicated: the server keeps the record binned.
              if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
              const { extractKey } = table.schema.primaryKey;
              const keys = req.keys ?? req.values.map((value) => (extractKey ? extractKey(value) : undefined));
              return table.mutate(req).then((response) => {
                const at = context.now().toISOString();
                const person = context.person();
                const values: OutboxEntry[] = [];
                keys.forEach((key, i) => {
                  if (key === undefined || response.failures[i] !== undefined) return;
                  values.push({ docId: documentId(name, String(key)), at, person });
                });
                if (values.length === 0) return response;
                return outbox.mutate({ type: 'put', trans: req.trans, values }).then((written) => {
                  if (written.numFailures > 0) throw Object.values(written.failures)[0];
                  return response;
                });
              });
            },
          };
        },
      };
    },
  });
}
