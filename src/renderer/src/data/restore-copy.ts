import { Dexie, type Table } from 'dexie';

// The copy kept before a restore, so that « Annuler la restauration » can bring the espace back. It is a
// format-2 backup (encrypted like the espace when it is protected), stored in a sibling database as Blob
// slices of a few megabytes: one IndexedDB value of the whole espace went past Chromium's limit for an
// espace of ten years and hung the restore. A copy is written under a fresh id and becomes the espace's
// copy only once the restore that needed it has succeeded; the previous copy is deleted after that.

export const RESTORE_COPIES_DB_NAME = 'passerelle-restore-copies';
const SLICE_BYTES = 4 << 20;

interface CopySlice {
  copyId: string;
  index: number;
  data: Blob;
}

class RestoreCopiesDb extends Dexie {
  slices!: Table<CopySlice, [string, number]>;

  constructor() {
    super(RESTORE_COPIES_DB_NAME);
    this.version(1).stores({ slices: '[copyId+index], copyId' });
  }
}

async function withCopies<T>(work: (db: RestoreCopiesDb) => Promise<T>): Promise<T> {
  const db = new RestoreCopiesDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Stores `bytes` under a new id, returned. */
export async function writeRestoreCopy(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const copyId = crypto.randomUUID();
  await withCopies(async (db) => {
    const slices: CopySlice[] = [];
    for (let at = 0, index = 0; at < bytes.byteLength || index === 0; at += SLICE_BYTES, index++) {
      slices.push({ copyId, index, data: new Blob([bytes.slice(at, at + SLICE_BYTES)]) });
    }
    await db.transaction('rw', db.slices, async () => {
      for (const slice of slices) await db.slices.add(slice);
    });
  });
  return copyId;
}

export async function readRestoreCopy(copyId: string): Promise<Uint8Array<ArrayBuffer> | null> {
  return withCopies(async (db) => {
    const slices = await db.slices.where('copyId').equals(copyId).sortBy('index');
    if (slices.length === 0) return null;
    const parts = await Promise.all(slices.map(async (slice) => new Uint8Array(await slice.data.arrayBuffer())));
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    return out;
  });
}

export async function deleteRestoreCopy(copyId: string): Promise<void> {
  await withCopies((db) => db.slices.where('copyId').equals(copyId).delete());
}

/** Removes every copy but those listed (copies left by a restore that failed half-way, a closed tab…). */
export async function deleteRestoreCopiesExcept(keep: ReadonlySet<string>): Promise<void> {
  await withCopies(async (db) => {
    const ids = new Set((await db.slices.toCollection().primaryKeys()).map(([copyId]) => copyId));
    for (const id of ids) if (!keep.has(id)) await db.slices.where('copyId').equals(id).delete();
  });
}
