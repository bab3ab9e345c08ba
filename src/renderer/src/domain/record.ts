// Every stored record carries these (DESIGN.md decision 6). Timestamps are full ISO date-times;
// `deletedAt` is set when a record goes to the bin, so that it can be restored.
export interface RecordStamps {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export function newStamps(id: string, now: Date): RecordStamps {
  const at = now.toISOString();
  return { id, createdAt: at, updatedAt: at, deletedAt: null };
}

export function isInBin(record: Pick<RecordStamps, 'deletedAt'>): boolean {
  return record.deletedAt !== null;
}

/** A validation outcome: either the parsed value or one French message per failing field path. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };
