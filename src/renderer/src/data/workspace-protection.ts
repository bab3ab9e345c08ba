import type { IndexableType, Table } from 'dexie';
import { unlockWaitMs } from '../domain/workspace-lock';
import { PBKDF2_ITERATIONS } from './backup-crypto';
import { PROTECTION_KEY } from './encryption-middleware';
import { broadcastLock } from './lock-broadcast';
import type { WorkspaceDb } from './workspace-db';

// The key hierarchy of a protected espace, kept in the espace itself (its `meta` table, in clear):
//
//   passphrase → PBKDF2-SHA256 (600 000 iterations, random salt) → key-encryption key (KEK)
//   KEK wraps (AES-GCM) → a random 256-bit data key, which encrypts the records (encryption-middleware.ts)
//
// Changing the passphrase re-wraps the one data key; no record is rewritten. A wrong passphrase is told
// by AES-GCM itself: unwrapping fails. Because this record lives in the espace's own database, no edit
// of the device registry opens a protected espace — and without the key its records are unreadable.
//
// Protecting an existing espace encrypts it in place, one chunk per transaction, saving where it got to
// in the same transaction: a window closed midway resumes at the next unlock. Removing the protection
// decrypts it the same way.

export type ProtectionState = 'encrypting' | 'encrypted' | 'decrypting';

export interface MigrationProgress {
  /** The table being rewritten, and the last primary key done in it. */
  table: string;
  after: IndexableType | null;
}

export interface ProtectionRecord {
  version: 1;
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  salt: Uint8Array;
  iv: Uint8Array;
  wrappedKey: ArrayBuffer;
  state: ProtectionState;
  progress: MigrationProgress | null;
}

export interface LockFailures {
  count: number;
  /** ms since the epoch of the last wrong passphrase. */
  lastAt: number;
}

const FAILURES_KEY = 'lockFailures';
/** Records per transaction while encrypting or decrypting in place. */
export const MIGRATION_CHUNK = 250;

export interface MigrationStep {
  done: number;
  total: number;
}

function bytes(value: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(value);
}

async function deriveKek(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function wrap(dataKey: CryptoKey, passphrase: string, iterations: number) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const kek = await deriveKek(passphrase, salt, iterations);
  const wrappedKey = await crypto.subtle.wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv });
  return { kdf: 'PBKDF2-SHA256' as const, iterations, salt, iv, wrappedKey };
}

/** The data key, or null when the passphrase is not this espace's. */
async function unwrap(record: ProtectionRecord, passphrase: string, extractable: boolean): Promise<CryptoKey | null> {
  const kek = await deriveKek(passphrase, record.salt, record.iterations);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      record.wrappedKey,
      kek,
      { name: 'AES-GCM', iv: bytes(record.iv) },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return null;
  }
}

function isProtectionRecord(value: unknown): value is ProtectionRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<ProtectionRecord>;
  return record.version === 1 && record.salt instanceof Uint8Array && record.iv instanceof Uint8Array && record.wrappedKey !== undefined;
}

export async function readProtection(db: WorkspaceDb): Promise<ProtectionRecord | undefined> {
  const entry = await db.meta.get(PROTECTION_KEY);
  return isProtectionRecord(entry?.value) ? entry.value : undefined;
}

async function readFailures(db: WorkspaceDb): Promise<LockFailures> {
  const value = (await db.meta.get(FAILURES_KEY))?.value as Partial<LockFailures> | undefined;
  return { count: typeof value?.count === 'number' ? value.count : 0, lastAt: typeof value?.lastAt === 'number' ? value.lastAt : 0 };
}

/** How long before the next attempt is allowed (0 when it is allowed now). */
export async function unlockWaitRemainingMs(db: WorkspaceDb, nowMs: number = Date.now()): Promise<number> {
  const failures = await readFailures(db);
  return Math.max(0, failures.lastAt + unlockWaitMs(failures.count) - nowMs);
}

export type UnlockOutcome =
  | { ok: true }
  | { ok: false; reason: 'wrong'; waitMs: number }
  | { ok: false; reason: 'wait'; waitMs: number }
  | { ok: false; reason: 'unprotected' };

/**
 * Checks `passphrase` against the espace's own protection record and, when it is right, keeps the data
 * key in this connection. After five wrong passphrases each attempt waits longer (domain/workspace-lock.ts);
 * an attempt made too early is refused without being tried.
 */
export async function unlockWorkspace(db: WorkspaceDb, passphrase: string, nowMs: () => number = Date.now): Promise<UnlockOutcome> {
  const record = await readProtection(db);
  if (!record) return { ok: false, reason: 'unprotected' };
  const waitMs = await unlockWaitRemainingMs(db, nowMs());
  if (waitMs > 0) return { ok: false, reason: 'wait', waitMs };
  const key = await unwrap(record, passphrase, false);
  if (key === null) {
    const failures = await readFailures(db);
    const next = { count: failures.count + 1, lastAt: nowMs() };
    await db.meta.put({ key: FAILURES_KEY, value: next });
    return { ok: false, reason: 'wrong', waitMs: unlockWaitMs(next.count) };
  }
  await db.meta.delete(FAILURES_KEY);
  db.encryption.key = key;
  db.encryption.writeClear = record.state === 'decrypting';
  return { ok: true };
}

/** True when `passphrase` is the espace's (the key is not kept). Counts as an attempt. */
export async function checkWorkspacePassphrase(db: WorkspaceDb, passphrase: string): Promise<boolean> {
  const record = await readProtection(db);
  if (!record) return false;
  return (await unwrap(record, passphrase, false)) !== null;
}

/** Tables rewritten in place, in a fixed order so that progress can name where it stopped. */
function migratedTables(db: WorkspaceDb): Table<Record<string, unknown>, IndexableType>[] {
  return db.tables
    .filter((table) => table.name !== 'meta')
    .sort((a, b) => a.name.localeCompare(b.name))
    .concat(db.tables.filter((table) => table.name === 'meta')) as Table<Record<string, unknown>, IndexableType>[];
}

async function countAll(db: WorkspaceDb): Promise<number> {
  let total = 0;
  for (const table of migratedTables(db)) total += await table.count();
  return total;
}

/**
 * Rewrites every record through the middleware (which encrypts or, while removing the protection,
 * writes clear), one chunk per transaction. The transaction names the journal, so the rewrite is not
 * journaled as a change, and saves the progress with the chunk.
 */
async function migrate(db: WorkspaceDb, onProgress: (step: MigrationStep) => void): Promise<void> {
  const tables = migratedTables(db);
  const total = await countAll(db);
  let record = await readProtection(db);
  if (!record) return;
  let done = 0;
  const startIndex = record.progress
    ? Math.max(
        0,
        tables.findIndex((table) => table.name === record?.progress?.table),
      )
    : 0;
  for (let i = 0; i < startIndex; i++) done += await tables[i]!.count();
  for (let i = startIndex; i < tables.length; i++) {
    const table = tables[i]!;
    let after: IndexableType | null = record.progress?.table === table.name ? record.progress.after : null;
    if (after !== null) done += await table.where(':id').belowOrEqual(after).count();
    onProgress({ done, total });
    for (;;) {
      const current: ProtectionRecord = record;
      // Naming syncState too: the same records rewritten encrypted are no change to replicate (issue 20).
      const chunk = await db.transaction('rw', [table.name, 'journal', 'meta', 'syncState'], async () => {
        const collection = after === null ? table.orderBy(':id') : table.where(':id').above(after);
        const rows = await collection.limit(MIGRATION_CHUNK).toArray();
        const keyPath = String(table.schema.primKey.keyPath);
        const keys = rows.map((row) => row[keyPath] as IndexableType);
        const rewritten = rows.filter((row) => !(table.name === 'meta' && (row.key === PROTECTION_KEY || row.key === FAILURES_KEY)));
        if (rewritten.length > 0) await table.bulkPut(rewritten);
        const last = keys[keys.length - 1];
        const progress: MigrationProgress | null = last === undefined ? null : { table: table.name, after: last };
        const next = { ...current, progress: progress ?? { table: tables[i + 1]?.name ?? table.name, after: null } };
        await db.meta.put({ key: PROTECTION_KEY, value: next });
        return { count: keys.length, next };
      });
      record = chunk.next;
      done += chunk.count;
      onProgress({ done, total });
      if (chunk.count < MIGRATION_CHUNK) break;
      after = chunk.next.progress?.after ?? null;
    }
  }
}

/**
 * Protects an unprotected espace and encrypts it in place. The data key is kept in this connection: the
 * espace stays open for the person who protected it.
 */
export async function protectInPlace(
  db: WorkspaceDb,
  passphrase: string,
  onProgress: (step: MigrationStep) => void = () => undefined,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<void> {
  if (await readProtection(db)) throw new Error('Cet espace est déjà protégé.');
  const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrapped = await wrap(dataKey, passphrase, iterations);
  const record: ProtectionRecord = { version: 1, ...wrapped, state: 'encrypting', progress: null };
  // The key in memory is not extractable: page script cannot read it out of this connection.
  const raw = await crypto.subtle.exportKey('raw', dataKey);
  db.encryption.key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  db.encryption.writeClear = false;
  await db.meta.put({ key: PROTECTION_KEY, value: record });
  // Every other tab and window open on this espace has no key: they lock now, before writing anything.
  broadcastLock({ type: 'protected', workspaceId: db.workspaceId });
  await resumeMigration(db, onProgress);
}

/** Finishes an interrupted encryption or decryption; the espace must be unlocked. Does nothing otherwise. */
export async function resumeMigration(db: WorkspaceDb, onProgress: (step: MigrationStep) => void = () => undefined): Promise<void> {
  const record = await readProtection(db);
  if (!record || record.state === 'encrypted' || db.encryption.key === null) return;
  db.encryption.writeClear = record.state === 'decrypting';
  await migrate(db, onProgress);
  if (record.state === 'encrypting') {
    const latest = (await readProtection(db)) ?? record;
    await db.meta.put({ key: PROTECTION_KEY, value: { ...latest, state: 'encrypted', progress: null } });
  } else {
    // Every record is clear again: the protection itself goes last.
    await db.meta.delete(PROTECTION_KEY);
    db.encryption.key = null;
    db.encryption.writeClear = false;
  }
}

/** Whether an encryption or decryption is under way (the window was closed midway). */
export function migrationPending(record: ProtectionRecord | undefined): boolean {
  return record !== undefined && record.state !== 'encrypted';
}

/** Removes the protection and decrypts the espace in place. `current` must be its passphrase. */
export async function unprotectInPlace(
  db: WorkspaceDb,
  current: string,
  onProgress: (step: MigrationStep) => void = () => undefined,
): Promise<boolean> {
  const record = await readProtection(db);
  if (!record) return true;
  const key = await unwrap(record, current, false);
  if (key === null) return false;
  db.encryption.key = key;
  db.encryption.writeClear = true;
  await db.meta.put({ key: PROTECTION_KEY, value: { ...record, state: 'decrypting', progress: null } });
  await resumeMigration(db, onProgress);
  return true;
}

/** Re-wraps the data key under a new passphrase; no record is rewritten. False when `current` is wrong. */
export async function rewrapDataKey(
  db: WorkspaceDb,
  current: string,
  next: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<boolean> {
  const record = await readProtection(db);
  if (!record) return false;
  const dataKey = await unwrap(record, current, true);
  if (dataKey === null) return false;
  const wrapped = await wrap(dataKey, next, iterations);
  await db.meta.put({ key: PROTECTION_KEY, value: { ...((await readProtection(db)) ?? record), ...wrapped } });
  return true;
}
