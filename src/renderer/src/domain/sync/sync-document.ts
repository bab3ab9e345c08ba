// How one record travels through CouchDB replication (DESIGN.md decision 17, issue 20): one document per
// record, named « <table>:<primary key> », carrying the schema version of the laptop that wrote it, so
// that a laptop still on an older Passerelle does not apply a record it cannot read. The record travels
// whole and unchanged under `record`: no field of ours can collide with CouchDB's own `_id`/`_rev`. A
// record in the bin is a record like another (its `deletedAt` set): soft deletes replicate as updates and
// the document is never deleted (purging is a later decision).

export type SyncRecord = Record<string, unknown>;

/** Who made the revision a document carries: the person at the keyboard then, and when. */
export interface SyncAuthor {
  person: string | null;
  at: string;
}

export interface SyncDocument {
  _id: string;
  _rev?: string | undefined;
  table: string;
  schemaVersion: number;
  author: SyncAuthor;
  record: SyncRecord;
}

const SEPARATOR = ':';

export function documentId(table: string, key: string): string {
  return `${table}${SEPARATOR}${key}`;
}

/** The table and key a document id names, or null when it is not one of ours (a design doc, a typo). */
export function parseDocumentId(id: string): { table: string; key: string } | null {
  const at = id.indexOf(SEPARATOR);
  if (at <= 0 || at === id.length - 1 || id.startsWith('_')) return null;
  return { table: id.slice(0, at), key: id.slice(at + 1) };
}

export function toDocument(table: string, key: string, record: SyncRecord, schemaVersion: number, author: SyncAuthor): SyncDocument {
  return { _id: documentId(table, key), table, schemaVersion, author, record };
}

export const NEWER_SCHEMA_MESSAGE =
  'Un autre ordinateur utilise une version plus récente de Passerelle : ses modifications ne sont pas appliquées ici. Mettez Passerelle à jour sur cet ordinateur.';
export const NOT_A_RECORD_MESSAGE = 'Un document reçu du serveur n’est pas un enregistrement de Passerelle : il est ignoré.';

export type DocumentReading =
  | { ok: true; table: string; key: string; record: SyncRecord; author: SyncAuthor; schemaVersion: number }
  | { ok: false; reason: 'newer-schema' | 'not-a-record'; message: string };

/**
 * What a document pulled from the server holds, checked for its shape (its record is checked against the
 * entity's schema by the caller, as a restore does). `localVersion` is this laptop's schema version.
 */
export function readDocument(doc: unknown, localVersion: number): DocumentReading {
  const refuse = (reason: 'newer-schema' | 'not-a-record', message: string) => ({ ok: false as const, reason, message });
  if (typeof doc !== 'object' || doc === null) return refuse('not-a-record', NOT_A_RECORD_MESSAGE);
  const d = doc as Partial<SyncDocument>;
  const named = typeof d._id === 'string' ? parseDocumentId(d._id) : null;
  if (named === null || d.table !== named.table) return refuse('not-a-record', NOT_A_RECORD_MESSAGE);
  if (typeof d.schemaVersion !== 'number' || !Number.isInteger(d.schemaVersion) || d.schemaVersion < 1) {
    return refuse('not-a-record', NOT_A_RECORD_MESSAGE);
  }
  if (d.schemaVersion > localVersion) return refuse('newer-schema', NEWER_SCHEMA_MESSAGE);
  if (typeof d.record !== 'object' || d.record === null || Array.isArray(d.record)) return refuse('not-a-record', NOT_A_RECORD_MESSAGE);
  const author = d.author;
  const validAuthor =
    typeof author === 'object' &&
    author !== null &&
    typeof author.at === 'string' &&
    (author.person === null || typeof author.person === 'string');
  return {
    ok: true,
    table: named.table,
    key: named.key,
    record: d.record,
    author: validAuthor ? { person: author.person, at: author.at } : { person: null, at: '' },
    schemaVersion: d.schemaVersion,
  };
}
