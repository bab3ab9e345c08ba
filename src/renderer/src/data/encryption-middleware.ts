import type {
  DBCore,
  DBCoreCursor,
  DBCoreGetManyRequest,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Dexie,
} from 'dexie';
import { CLEAR_FIELDS, CLEAR_META_KEYS } from './schema';

// Encryption at rest of a protected espace (DESIGN.md decision 16), as a DBCore middleware: every table
// call goes through it, so no repository knows about it and a backup, which reads through Dexie, still
// sees plaintext. A record is stored as its clear fields (schema.ts CLEAR_FIELDS: what indexes need) plus
// one AES-GCM ciphertext of everything else, bound to its table and primary key (a ciphertext moved to
// another record does not decrypt).
//
// WebCrypto answers in a later task, and an IndexedDB transaction commits as soon as no request is pending
// at the end of a task. So while a record is being encrypted or decrypted the middleware keeps the
// transaction busy with tiny requests, and hands the result back from inside a request's success callback,
// where the transaction is active again for the layers above (`inTransaction`).
//
// The middleware sits at the lowest level (closest to IndexedDB): the journal, the hooks and liveQuery's
// observability above it all see plaintext, and the journal's own entries are encrypted too.

export const ENCRYPTED_FIELD = '\u00a7enc';
const META_TABLE = 'meta';
export const PROTECTION_KEY = 'protection';

export class WorkspaceLockedError extends Error {
  constructor() {
    super('Cet espace est verrouillé\u00a0: saisissez sa phrase de passe pour lire ou modifier ses données.');
    this.name = 'WorkspaceLockedError';
  }
}

export interface EncryptionState {
  /** The espace's data key while it is unlocked; null when locked or unprotected. */
  key: CryptoKey | null;
  /** While the protection is being removed, records are written back in clear. */
  writeClear: boolean;
}

interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

type Row = Record<string, unknown>;

function isSealed(value: unknown): value is Row & { [ENCRYPTED_FIELD]: Sealed } {
  return typeof value === 'object' && value !== null && ENCRYPTED_FIELD in value;
}

function isClearMetaRecord(table: string, value: unknown): boolean {
  return table === META_TABLE && typeof value === 'object' && value !== null && CLEAR_META_KEYS.includes(String((value as Row).key));
}

// ——— Serialisation: JSON for the structure, raw bytes appended for Blobs and typed arrays. ———

const TAG = '\u0000t';

type Binary = Uint8Array | Blob;

function encode(value: unknown, binaries: Binary[]): unknown {
  if (value === undefined) return { [TAG]: 'u' };
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return { [TAG]: 'u8', i: binaries.push(value) - 1 };
  if (value instanceof ArrayBuffer) return { [TAG]: 'ab', i: binaries.push(new Uint8Array(value)) - 1 };
  if (typeof Blob !== 'undefined' && value instanceof Blob) return { [TAG]: 'blob', type: value.type, i: binaries.push(value) - 1 };
  if (value instanceof Date) return { [TAG]: 'date', v: value.toISOString() };
  if (Array.isArray(value)) return value.map((item) => encode(item, binaries));
  const out: Row = {};
  for (const [name, item] of Object.entries(value)) out[name] = encode(item, binaries);
  return out;
}

function decode(value: unknown, binaries: Uint8Array[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => decode(item, binaries));
  const row = value as Row;
  const tag = row[TAG];
  if (tag !== undefined) {
    const bytes = typeof row.i === 'number' ? binaries[row.i] : undefined;
    switch (tag) {
      case 'u':
        return undefined;
      case 'u8':
        return bytes ? new Uint8Array(bytes) : new Uint8Array();
      case 'ab':
        return bytes ? new Uint8Array(bytes).buffer : new ArrayBuffer(0);
      case 'blob':
        return new Blob(bytes ? [new Uint8Array(bytes)] : [], { type: String(row.type ?? '') });
      case 'date':
        return new Date(String(row.v));
    }
  }
  const out: Row = {};
  for (const [name, item] of Object.entries(row)) {
    const decoded = decode(item, binaries);
    if (decoded !== undefined || (typeof item === 'object' && item !== null && (item as Row)[TAG] === 'u')) out[name] = decoded;
  }
  return out;
}

async function pack(secret: Row): Promise<Uint8Array<ArrayBuffer>> {
  const binaries: Binary[] = [];
  const structure = encode(secret, binaries);
  const parts = await Promise.all(
    binaries.map(async (binary) => (binary instanceof Uint8Array ? binary : new Uint8Array(await binary.arrayBuffer()))),
  );
  const json = new TextEncoder().encode(JSON.stringify({ v: structure, l: parts.map((part) => part.byteLength) }));
  const total = 4 + json.byteLength + parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, json.byteLength, true);
  out.set(json, 4);
  let offset = 4 + json.byteLength;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function unpack(bytes: Uint8Array): Row {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const { v, l } = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as { v: unknown; l: number[] };
  const binaries: Uint8Array[] = [];
  let offset = 4 + length;
  for (const size of l) {
    binaries.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return decode(v, binaries) as Row;
}

function additionalData(table: string, primaryKey: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${table}\u0000${JSON.stringify(primaryKey)}`);
}

// ——— Records ———

export async function sealRecord(key: CryptoKey, table: string, primaryKey: unknown, value: Row): Promise<Row> {
  const clearNames = CLEAR_FIELDS[table] ?? {};
  const clear: Row = {};
  const secret: Row = {};
  for (const [name, item] of Object.entries(value)) {
    if (name in clearNames) clear[name] = item;
    else secret[name] = item;
  }
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(table, primaryKey) },
    key,
    await pack(secret),
  );
  return { ...clear, [ENCRYPTED_FIELD]: { iv, data } satisfies Sealed };
}

export async function openRecord(
  key: CryptoKey,
  table: string,
  primaryKey: unknown,
  value: Row & { [ENCRYPTED_FIELD]: Sealed },
): Promise<Row> {
  const { [ENCRYPTED_FIELD]: sealed, ...clear } = value;
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: additionalData(table, primaryKey) },
    key,
    sealed.data,
  );
  return { ...unpack(new Uint8Array(plain)), ...clear };
}

// ——— Keeping the transaction alive ———

const NO_SUCH_KEY = '\uffff\uffffpasserelle-keep-alive';

/**
 * Resolves with `work`'s outcome from inside a success callback of `trans`, keeping it busy meanwhile.
 * `trans` is the native IDBTransaction at this level of Dexie's stack.
 */
function inTransaction<T>(trans: DBCoreTransaction, store: string, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  if (typeof idb.objectStore !== 'function') return work;
  return new Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    work.then(
      (value) => {
        outcome = { ok: true, value };
      },
      (error: unknown) => {
        outcome = { ok: false, error };
      },
    );
    const ping = (): void => {
      if (outcome !== null) {
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
        return;
      }
      try {
        const request = idb.objectStore(store).count(NO_SUCH_KEY);
        request.onsuccess = ping;
        request.onerror = ping;
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    ping();
  });
}

// ——— The middleware ———

export function installEncryption(db: Dexie, state: EncryptionState): void {
  db.use({
    stack: 'dbcore',
    name: 'encryption',
    // Below Dexie's own middlewares (the lowest is -1): everything above sees plaintext.
    level: -10,
    create(down: DBCore): DBCore {
      const hasMeta = down.schema.tables.some((table) => table.name === META_TABLE);
      return {
        ...down,
        transaction(stores, mode, options) {
          // A write must be able to check, in its own transaction, whether the espace is protected.
          const widened = mode === 'readwrite' && hasMeta && !stores.includes(META_TABLE) ? [...stores, META_TABLE] : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return encryptingTable(table, name, state, hasMeta ? down.table(META_TABLE) : null);
        },
      };
    },
  });
}

function primaryKeyOf(table: DBCoreTable, value: unknown, known: unknown): unknown {
  if (known !== undefined) return known;
  const { extractKey } = table.schema.primaryKey;
  return extractKey ? extractKey(value) : undefined;
}

function encryptingTable(table: DBCoreTable, name: string, state: EncryptionState, meta: DBCoreTable | null): DBCoreTable {
  const openOne = (primaryKey: unknown, value: unknown): Promise<unknown> | unknown => {
    if (!isSealed(value)) return value;
    if (state.key === null) throw new WorkspaceLockedError();
    return openRecord(state.key, name, primaryKey, value);
  };

  const openMany = (trans: DBCoreTransaction, keys: readonly unknown[], values: readonly unknown[]): Promise<unknown[]> | unknown[] => {
    if (!values.some(isSealed)) return values as unknown[];
    if (state.key === null) return Promise.reject(new WorkspaceLockedError());
    return inTransaction(trans, name, Promise.all(values.map((value, i) => openOne(keys[i], value))));
  };

  const refuseWhenProtected = (trans: DBCoreTransaction): Promise<void> => {
    if (meta === null) return Promise.resolve();
    return meta.get({ trans, key: PROTECTION_KEY }).then((protection) => {
      if (protection !== undefined) throw new WorkspaceLockedError();
    });
  };

  const sealValues = (req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>): Promise<DBCoreMutateRequest> => {
    const key = state.key;
    if (key === null) throw new WorkspaceLockedError();
    const sealed = Promise.all(
      req.values.map((value: unknown, i) =>
        isClearMetaRecord(name, value) ? value : sealRecord(key, name, primaryKeyOf(table, value, req.keys?.[i]), value as Row),
      ),
    );
    return inTransaction(req.trans, name, sealed).then((values) => ({ ...req, values }));
  };

  return {
    ...table,
    get(req) {
      return table
        .get(req)
        .then((value) => (isSealed(value) ? inTransaction(req.trans, name, Promise.resolve(openOne(req.key, value))) : value));
    },
    getMany(req: DBCoreGetManyRequest) {
      return table.getMany(req).then((values) => openMany(req.trans, req.keys, values));
    },
    query(req) {
      return table.query(req).then((response) => {
        if (!req.values || !response.result.some(isSealed)) return response;
        const keyOf = (value: unknown) => primaryKeyOf(table, value, undefined);
        const keys = response.result.map(keyOf);
        return Promise.resolve(openMany(req.trans, keys, response.result)).then((result) => ({ ...response, result }));
      });
    },
    openCursor(req) {
      return table.openCursor(req).then((cursor) => (cursor === null || !req.values ? cursor : decryptingCursor(cursor, name, openOne)));
    },
    mutate(req): Promise<DBCoreMutateResponse> {
      const writesClearMeta =
        ((req.type === 'add' || req.type === 'put') &&
          req.values.length > 0 &&
          req.values.every((value) => isClearMetaRecord(name, value))) ||
        (req.type === 'delete' &&
          name === META_TABLE &&
          req.keys.length > 0 &&
          req.keys.every((key) => CLEAR_META_KEYS.includes(String(key))));
      if (writesClearMeta) return table.mutate(req);
      if (state.key !== null) {
        if (state.writeClear || req.type === 'delete' || req.type === 'deleteRange') return table.mutate(req);
        return sealValues(req).then((sealed) => table.mutate(sealed));
      }
      // Locked, or never protected: only the espace's own record of its protection decides.
      return refuseWhenProtected(req.trans).then(() => table.mutate(req));
    },
  };
}

/**
 * A cursor whose `value` is the decrypted record. Each step is decrypted before the caller's callback
 * runs, from inside a request callback, so that the caller may continue the cursor or write.
 */
function decryptingCursor(
  cursor: DBCoreCursor,
  table: string,
  openOne: (primaryKey: unknown, value: unknown) => Promise<unknown> | unknown,
): DBCoreCursor {
  let current: unknown;
  const wrapped: DBCoreCursor = {
    get trans() {
      return cursor.trans;
    },
    get key() {
      return cursor.key as unknown;
    },
    get primaryKey() {
      return cursor.primaryKey as unknown;
    },
    get value() {
      return current;
    },
    get done() {
      return cursor.done;
    },
    continue: (key?: unknown) => cursor.continue(key),
    continuePrimaryKey: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
    advance: (count: number) => cursor.advance(count),
    stop: (value?: unknown) => cursor.stop(value),
    fail: (error: Error) => cursor.fail(error),
    next() {
      let gotOne = 1;
      return wrapped.start(() => (gotOne-- ? wrapped.continue() : wrapped.stop())).then(() => wrapped);
    },
    start(onNext) {
      return cursor.start(() => {
        const value: unknown = cursor.value;
        if (!isSealed(value)) {
          current = value;
          onNext();
          return;
        }
        let opened: Promise<unknown>;
        try {
          opened = Promise.resolve(openOne(cursor.primaryKey, value));
        } catch (error) {
          cursor.fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        inTransaction(cursor.trans, table, opened).then(
          (plain) => {
            current = plain;
            try {
              onNext();
            } catch (error) {
              cursor.fail(error instanceof Error ? error : new Error(String(error)));
            }
          },
          (error: unknown) => cursor.fail(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  };
  // The first record is already under the cursor when openCursor resolves.
  current = cursor.value;
  return wrapped;
}
