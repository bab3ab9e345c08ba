import { Dexie, type IndexableType, type Table } from 'dexie';
import { deflateSync, Inflate, unzipSync, Zip, ZipPassThrough, type UnzipFileInfo } from 'fflate';
import {
  BACKUP_FORMAT_2,
  backupManifestSchema,
  chunkAssociatedData,
  fileEntryName,
  MANIFEST_ALTERED,
  MANIFEST_ENTRY,
  PBKDF2_ITERATIONS_RANGE,
  SEAL_ENTRY,
  tableEntryName,
  WRONG_PASSPHRASE_OR_ALTERED,
  type BackupManifest,
} from '../domain/backup/backup-manifest';
import { BACKUP_FORMAT } from '../domain/backup/backup-envelope';
import { tableLabel } from '../domain/backup/table-labels';
import { base64ToBytes, bytesToBase64, containsBlob } from './backup-codec';
import { PBKDF2_ITERATIONS } from './backup-crypto';

// Writing and reading format 2 (domain/backup/backup-manifest.ts says what is in it). Tables are read
// from Dexie a chunk of rows at a time by primary key (the approach of dexie-export-import), each chunk
// turned into NDJSON lines, deflated, encrypted for a protected espace, and framed as [u32 length][bytes]
// inside a stored ZIP entry: no step ever holds the espace as one string. The ZIP container is fflate's
// (small, no worker, streaming, tree-shaken to what is used here); the ZIP's own encryption is not used,
// since WinZip AES would authenticate neither the manifest nor the chunk order.

export const ROWS_PER_CHUNK = 2_000;
const FILE_CHUNK_BYTES = 1 << 20;
/** A chunk never inflates past this: a crafted frame cannot fill memory. */
const MAX_CHUNK_PLAIN_BYTES = 64 << 20;
const FILE_MARKER = '$passerelleFile';

export interface BackupProgress {
  /** The table being read or written, in the user's words. */
  label: string;
  /** Tables done so far, and how many there are. */
  done: number;
  total: number;
}

export type ProgressListener = (progress: BackupProgress) => void;

export type Rows = Record<string, unknown[]>;

/**
 * Deflate (raw) by the platform's CompressionStream, native in Chromium and Node: three to four times
 * faster than a JavaScript deflate at level 1 on an espace's NDJSON, and smaller (measured on 7,7 Mo of
 * journal lines: 118 ms and 1,0 Mo against 272 ms and 1,2 Mo). fflate's deflate is the fallback.
 */
async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof CompressionStream === 'undefined') return deflateSync(bytes, { level: 1 });
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates one chunk, refusing as soon as it grows past what Passerelle ever writes in one. */
async function inflate(data: Uint8Array<ArrayBuffer>, what: string): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof DecompressionStream === 'undefined') return inflateBounded(data, what);
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const out: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_CHUNK_PLAIN_BYTES) {
        await reader.cancel();
        throw new Refusal(`La sauvegarde est abîmée : ${what} est bien plus grand qu’annoncé.`);
      }
      out.push(value);
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`La sauvegarde est abîmée : ${what} est illisible.`);
  }
  return concat(out);
}

let lastBreath = 0;

/**
 * Lets the window paint between chunks when the work has held it for a frame or more: long work never
 * freezes it (DESIGN.md, « Long work »). A message, not a timer: Chromium clamps chained timers and may
 * throttle them to one a second, which made the yields themselves most of a backup's time.
 */
export function breathe(): Promise<void> {
  if (performance.now() - lastBreath < 16) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      lastBreath = performance.now();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.byteLength);
  new DataView(out.buffer).setUint32(0, payload.byteLength);
  out.set(payload, 4);
  return out;
}

type Header = Omit<BackupManifest, 'tables' | 'files'>;

interface Sealer {
  seal(plain: Uint8Array<ArrayBuffer>, entry: string, index: number): Promise<Uint8Array>;
}

function sealer(header: Header, key: CryptoKey | null): Sealer {
  return {
    async seal(plain, entry, index) {
      if (!key) return plain;
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const additionalData = utf8(chunkAssociatedData(header, entry, index));
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain));
      return concat([iv, sealed]);
    },
  };
}

/** Every Blob in a record becomes a marker naming its own entry; the record is not changed. */
async function extractFiles(value: unknown, addFile: (blob: Blob) => Promise<string>): Promise<unknown> {
  if (!containsBlob(value)) return value;
  if (value instanceof Blob) return { [FILE_MARKER]: await addFile(value) };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await extractFiles(item, addFile));
    return out;
  }
  const entries: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value as object)) entries.push([k, await extractFiles(v, addFile)]);
  return Object.fromEntries(entries);
}

/**
 * A table's rows a chunk at a time, by primary key. The next chunk's read is asked for before this one is
 * handed over, so that IndexedDB reads it while this one is encoded and deflated.
 */
async function* chunksOf(table: Table): AsyncGenerator<unknown[]> {
  const keyPath = table.schema.primKey.keyPath as string;
  const read = (after: IndexableType | undefined) =>
    (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(ROWS_PER_CHUNK).toArray();
  let pending: Promise<unknown[]> | null = read(undefined);
  try {
    while (pending) {
      const rows: unknown[] = await pending;
      pending = rows.length === ROWS_PER_CHUNK ? read(Dexie.getByKeyPath(rows[rows.length - 1] as object, keyPath) as IndexableType) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A backup that stopped half-way leaves no read to fail unobserved.
    pending?.catch(() => undefined);
  }
}

export interface WrittenBackup {
  manifest: BackupManifest;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Writes the espace behind `db` as a format-2 file, a chunk of rows at a time. */
export async function writeFormat2(
  db: Dexie,
  workspace: { id: string; name: string },
  appVersion: string,
  options: { now?: Date; passphrase?: string; iterations?: number; onProgress?: ProgressListener } = {},
): Promise<WrittenBackup> {
  let key: CryptoKey | null = null;
  let encryption: BackupManifest['encryption'] = null;
  if (options.passphrase) {
    const iterations = options.iterations ?? PBKDF2_ITERATIONS;
    const salt = crypto.getRandomValues(new Uint8Array(16));
    key = await deriveKey(options.passphrase, salt, iterations);
    encryption = { algorithm: 'AES-GCM', kdf: 'PBKDF2-SHA256', iterations, salt: bytesToBase64(salt) };
  }
  const header: Header = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_2,
    backupId: crypto.randomUUID(),
    schemaVersion: db.verno,
    appVersion,
    createdAt: (options.now ?? new Date()).toISOString(),
    workspace: { id: workspace.id, name: workspace.name },
    encryption,
  };
  const { seal } = sealer(header, key);

  const parts: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else parts.push(chunk);
  });
  const addEntry = (name: string, bytes: Uint8Array) => {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(bytes, true);
  };

  const manifest: BackupManifest = { ...header, tables: [], files: [] };
  const addFile = async (blob: Blob): Promise<string> => {
    const name = fileEntryName(manifest.files.length + 1);
    const content = new Uint8Array(await blob.arrayBuffer());
    const frames: Uint8Array[] = [];
    for (let at = 0, index = 0; at < content.byteLength || index === 0; at += FILE_CHUNK_BYTES, index++) {
      frames.push(frame(await seal(content.slice(at, at + FILE_CHUNK_BYTES), name, index)));
    }
    const bytes = concat(frames);
    manifest.files.push({ entry: name, bytes: bytes.byteLength, sha256: await sha256Hex(bytes), type: blob.type });
    addEntry(name, bytes);
    return name;
  };

  const tables = db.tables;
  for (const [done, table] of tables.entries()) {
    options.onProgress?.({ label: tableLabel(table.name), done, total: tables.length });
    const name = tableEntryName(table.name);
    const frames: Uint8Array[] = [];
    let count = 0;
    let index = 0;
    for await (const rows of chunksOf(table)) {
      const lines: string[] = [];
      for (const row of rows) lines.push(JSON.stringify(containsBlob(row) ? await extractFiles(row, addFile) : row));
      count += rows.length;
      frames.push(frame(await seal(await deflate(utf8(lines.join('\n'))), name, index++)));
      await breathe();
    }
    const bytes = concat(frames);
    manifest.tables.push({ table: table.name, entry: name, count, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) });
    addEntry(name, bytes);
  }
  options.onProgress?.({ label: 'Sommaire', done: tables.length, total: tables.length });

  const manifestBytes = utf8(JSON.stringify(manifest));
  addEntry(MANIFEST_ENTRY, manifestBytes);
  addEntry(SEAL_ENTRY, utf8(JSON.stringify({ seal: await sealManifest(manifestBytes, key) })));
  zip.end();
  if (zipError) throw zipError;
  return { manifest, bytes: concat(parts) };
}

async function sealManifest(manifestBytes: Uint8Array<ArrayBuffer>, key: CryptoKey | null): Promise<string> {
  if (!key) return sha256Hex(manifestBytes);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const tag = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: manifestBytes }, key, new Uint8Array(0));
  return bytesToBase64(concat([iv, new Uint8Array(tag)]));
}

async function manifestSealHolds(manifestBytes: Uint8Array<ArrayBuffer>, seal: string, key: CryptoKey | null): Promise<boolean> {
  if (!key) return seal === (await sha256Hex(manifestBytes));
  try {
    const bytes = base64ToBytes(seal);
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: manifestBytes }, key, bytes.slice(12));
    return true;
  } catch {
    return false;
  }
}

/** A ZIP file starts with a local file header. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export type Format2Result = { ok: true; manifest: BackupManifest; tables: Rows } | { ok: false; error: string; needsPassphrase?: boolean };

class Refusal extends Error {}

const DAMAGED = 'La sauvegarde est abîmée ou incomplète : le fichier a été tronqué ou modifié (copie interrompue ?).';

function inflateBounded(data: Uint8Array, what: string): Uint8Array<ArrayBuffer> {
  const out: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.byteLength;
    if (size > MAX_CHUNK_PLAIN_BYTES) throw new Refusal(`La sauvegarde est abîmée : ${what} est bien plus grand qu’annoncé.`);
    out.push(chunk);
  });
  try {
    inflater.push(data, true);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`La sauvegarde est abîmée : ${what} est illisible.`);
  }
  return concat(out);
}

/**
 * Reads a format-2 file without touching any database: the manifest and its seal first, then every
 * entry against the manifest's size and SHA-256 before a byte of it is decoded.
 */
export async function readFormat2(
  bytes: Uint8Array,
  options: { passphrase?: string; onProgress?: ProgressListener } = {},
): Promise<Format2Result> {
  try {
    return await readOrRefuse(bytes, options);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    throw error;
  }
}

function unzipOrRefuse(bytes: Uint8Array, filter: (file: UnzipFileInfo) => boolean): Record<string, Uint8Array<ArrayBuffer>> {
  try {
    return unzipSync(bytes, { filter }) as Record<string, Uint8Array<ArrayBuffer>>;
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(DAMAGED);
  }
}

async function readOrRefuse(bytes: Uint8Array, options: { passphrase?: string; onProgress?: ProgressListener }): Promise<Format2Result> {
  const listed = new Map<string, UnzipFileInfo>();
  const head = unzipOrRefuse(bytes, (file) => {
    if (listed.has(file.name)) throw new Refusal('La sauvegarde est abîmée : une de ses parties y figure deux fois.');
    listed.set(file.name, file);
    return file.name === MANIFEST_ENTRY || file.name === SEAL_ENTRY;
  });
  const manifestBytes = head[MANIFEST_ENTRY];
  const sealBytes = head[SEAL_ENTRY];
  if (!manifestBytes || !sealBytes) throw new Refusal('La sauvegarde est abîmée : son sommaire manque.');

  let manifest: BackupManifest;
  let seal: string;
  try {
    const parsed = backupManifestSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)));
    const sealed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(sealBytes)) as { seal?: unknown };
    if (!parsed.success || typeof sealed.seal !== 'string') throw new Error('invalid');
    manifest = parsed.data;
    seal = sealed.seal;
  } catch {
    const iterations = readIterations(manifestBytes);
    if (iterations !== undefined && (iterations < PBKDF2_ITERATIONS_RANGE.min || iterations > PBKDF2_ITERATIONS_RANGE.max)) {
      throw new Refusal('La sauvegarde demande un calcul de clé hors des limites de Passerelle : elle est refusée.');
    }
    throw new Refusal('La sauvegarde est abîmée : son sommaire est illisible.');
  }

  let key: CryptoKey | null = null;
  if (manifest.encryption) {
    if (!options.passphrase) {
      return { ok: false, needsPassphrase: true, error: 'Cette sauvegarde est protégée : saisissez sa phrase de passe.' };
    }
    key = await deriveKey(options.passphrase, base64ToBytes(manifest.encryption.salt), manifest.encryption.iterations);
  }
  if (!(await manifestSealHolds(manifestBytes, seal, key))) {
    return key ? { ok: false, needsPassphrase: true, error: WRONG_PASSPHRASE_OR_ALTERED } : { ok: false, error: MANIFEST_ALTERED };
  }

  // The manifest is now trusted: the ZIP must hold exactly its entries, each of the announced size, stored.
  const announced = new Map<string, number>();
  for (const entry of [...manifest.tables, ...manifest.files]) {
    if (announced.has(entry.entry)) throw new Refusal('La sauvegarde est abîmée : son sommaire cite deux fois la même partie.');
    announced.set(entry.entry, entry.bytes);
  }
  for (const [name, file] of listed) {
    if (name === MANIFEST_ENTRY || name === SEAL_ENTRY) continue;
    const size = announced.get(name);
    if (size === undefined) throw new Refusal(`La sauvegarde contient une partie que son sommaire ne cite pas (« ${name.slice(0, 80)} »).`);
    if (file.compression !== 0 || file.originalSize !== size || file.size !== size) {
      throw new Refusal(`La sauvegarde est abîmée : la partie « ${name} » n’a pas la taille annoncée.`);
    }
  }
  for (const name of announced.keys()) {
    if (!listed.has(name)) throw new Refusal(`La sauvegarde est incomplète : la partie « ${name} » manque.`);
  }

  const entries = unzipOrRefuse(bytes, (file) => announced.has(file.name));
  const checked = async (name: string, sha256: string, what: string) => {
    const content = entries[name];
    if (!content || (await sha256Hex(content)) !== sha256) {
      throw new Refusal(`La sauvegarde est abîmée : ${what} ne correspond pas à sa somme de contrôle.`);
    }
    return content;
  };
  const open = async (payload: Uint8Array<ArrayBuffer>, entry: string, index: number, what: string) => {
    if (!key) return payload;
    try {
      const additionalData = utf8(chunkAssociatedData(manifest, entry, index));
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: payload.slice(0, 12), additionalData }, key, payload.slice(12));
      return new Uint8Array(plain);
    } catch {
      throw new Refusal(`La sauvegarde a été modifiée : ${what} n’a pas pu être déchiffré.`);
    }
  };
  const framesOf = (content: Uint8Array<ArrayBuffer>, what: string): Uint8Array<ArrayBuffer>[] => {
    const frames: Uint8Array<ArrayBuffer>[] = [];
    const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
    for (let at = 0; at < content.byteLength;) {
      if (at + 4 > content.byteLength) throw new Refusal(`La sauvegarde est abîmée : ${what} est coupé.`);
      const length = view.getUint32(at);
      if (at + 4 + length > content.byteLength) throw new Refusal(`La sauvegarde est abîmée : ${what} est coupé.`);
      frames.push(content.subarray(at + 4, at + 4 + length));
      at += 4 + length;
    }
    return frames;
  };

  const files = new Map<string, Blob>();
  for (const file of manifest.files) {
    const what = 'un fichier joint';
    const content = await checked(file.entry, file.sha256, what);
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (const [index, payload] of framesOf(content, what).entries()) parts.push(await open(payload, file.entry, index, what));
    files.set(file.entry, new Blob(parts, { type: file.type }));
  }

  const tables: Rows = {};
  for (const [done, entry] of manifest.tables.entries()) {
    const label = tableLabel(entry.table);
    options.onProgress?.({ label, done, total: manifest.tables.length });
    if (Object.hasOwn(tables, entry.table)) throw new Refusal(`La sauvegarde cite deux fois la table « ${label} ».`);
    if (entry.entry !== tableEntryName(entry.table)) throw new Refusal(DAMAGED);
    const what = `la table « ${label} »`;
    const content = await checked(entry.entry, entry.sha256, what);
    const rows: unknown[] = [];
    for (const [index, payload] of framesOf(content, what).entries()) {
      const text = new TextDecoder().decode(await inflate(await open(payload, entry.entry, index, what), what));
      for (const line of text.split('\n')) {
        if (line === '') continue;
        try {
          rows.push(restoreFiles(JSON.parse(line), files));
        } catch (error) {
          if (error instanceof Refusal) throw error;
          throw new Refusal(`La sauvegarde est abîmée : un élément de ${what} est illisible.`);
        }
      }
      await breathe();
    }
    if (rows.length !== entry.count) {
      throw new Refusal(`La sauvegarde est abîmée : la table « ${label} » n’a pas le nombre d’éléments annoncé.`);
    }
    tables[entry.table] = rows;
  }
  return { ok: true, manifest, tables };
}

function restoreFiles(value: unknown, files: ReadonlyMap<string, Blob>): unknown {
  if (Array.isArray(value))
    return value.some((v) => typeof v === 'object' && v !== null) ? value.map((v) => restoreFiles(v, files)) : value;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (FILE_MARKER in record) {
    const blob = typeof record[FILE_MARKER] === 'string' ? files.get(record[FILE_MARKER]) : undefined;
    if (!blob) throw new Refusal('La sauvegarde est abîmée : un fichier joint cité par un enregistrement manque.');
    return blob;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(record)) {
    if (v === null || typeof v !== 'object') continue;
    const restored = restoreFiles(v, files);
    if (restored !== v) {
      copy ??= { ...record };
      copy[k] = restored;
    }
  }
  return copy ?? record;
}

/** The iteration count of a manifest that failed its schema, to say why when it is out of range. */
function readIterations(manifestBytes: Uint8Array): number | undefined {
  try {
    const value = (JSON.parse(new TextDecoder().decode(manifestBytes)) as { encryption?: { iterations?: unknown } }).encryption?.iterations;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}
