// The few PouchDB calls the bridge makes, typed here rather than with a types package for all of PouchDB:
// the bridge takes the database as a parameter, so tests hand it an in-memory PouchDB and the app the
// browser build (IndexedDB), both behind the same calls.

export interface PouchDocMeta {
  _id: string;
  _rev: string;
  _conflicts?: string[];
  _deleted?: boolean;
  _revisions?: { start: number; ids: string[] };
}

export type PouchDoc = PouchDocMeta & Record<string, unknown>;

export interface PouchBulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  name?: string;
}

export interface PouchEmitter {
  on(event: string, listener: (...args: never[]) => void): PouchEmitter;
  cancel(): void;
}

export interface PouchDatabase {
  bulkDocs(docs: readonly Record<string, unknown>[]): Promise<PouchBulkResult[]>;
  /** With `open_revs`, PouchDB answers a list of `{ ok: doc }` instead (see openRevisions). */
  get(id: string, options?: Record<string, unknown>): Promise<PouchDoc>;
  allDocs(
    options: Record<string, unknown>,
  ): Promise<{ rows: { id: string; key: string; doc?: PouchDoc | null; error?: string; value?: { rev: string; deleted?: boolean } }[] }>;
  changes(
    options: Record<string, unknown>,
  ): PouchEmitter & Promise<{ results: { id: string; seq: number | string }[]; last_seq: number | string }>;
  sync(remote: PouchDatabase | string, options: Record<string, unknown>): PouchEmitter;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchFactory {
  /** A local database on this laptop. */
  local(name: string): PouchDatabase;
  /** The server's database, with the account's credentials. */
  remote(url: string, auth: { username: string; password: string }): PouchDatabase;
}

/** The open revisions of a document, each with its revision history. */
export async function openRevisions(db: PouchDatabase, id: string, revs: string[]): Promise<PouchDoc[]> {
  const answer = (await db.get(id, { open_revs: revs, revs: true })) as unknown as { ok?: PouchDoc }[];
  return answer.flatMap((entry) => (entry.ok ? [entry.ok] : []));
}
