import type { JournalEntry } from './journal';

// Undo reaches only the changes of the session asking, made by the person now at the keyboard: on a shared
// laptop, Ctrl+Z must never take back what someone else did.

/** The entries of the latest change this session and person can still undo; empty when there is none. */
export function lastUndoableBatch(entries: readonly JournalEntry[], session: string, person: string | null): JournalEntry[] {
  let latest: JournalEntry | undefined;
  for (const entry of entries) {
    if (entry.session !== session || entry.person !== person) continue;
    if (entry.kind === 'undo' || entry.undoneAt !== null) continue;
    if (latest === undefined || entry.seq > latest.seq) latest = entry;
  }
  if (latest === undefined) return [];
  const batch = latest.batch;
  return entries.filter((entry) => entry.batch === batch && entry.undoneAt === null).sort((a, b) => a.seq - b.seq);
}

/**
 * True when a record of the batch was changed again afterwards (by anyone) and that change still stands:
 * putting the old state back would silently erase it.
 */
export function isSuperseded(batch: readonly JournalEntry[], sameRecordEntries: readonly JournalEntry[]): boolean {
  const ids = new Set(batch.map((entry) => entry.id));
  const batchAt = Math.max(...batch.map((entry) => Date.parse(entry.at)));
  const touched = new Set(batch.map((entry) => `${entry.table}\u0000${entry.recordId}`));
  return sameRecordEntries.some(
    (entry) =>
      !ids.has(entry.id) &&
      entry.kind !== 'undo' &&
      entry.undoneAt === null &&
      touched.has(`${entry.table}\u0000${entry.recordId}`) &&
      (Date.parse(entry.at) > batchAt || (entry.session === batch[0]?.session && entry.seq > batch[batch.length - 1]!.seq)),
  );
}

export interface UndoStep {
  table: string;
  recordId: string;
  /** The record to put back; null to delete what the change created. */
  restore: unknown;
}

/** What to write, last change first, so that a record changed twice in one batch ends as it first was. */
export function undoSteps(batch: readonly JournalEntry[]): UndoStep[] {
  return [...batch]
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => ({ table: entry.table, recordId: entry.recordId, restore: entry.kind === 'create' ? null : entry.before }));
}

/** « Modification : Profil de l’association » or « Mise à la corbeille : Partenaire « X » (et 2 autres) ». */
export function describeBatch(batch: readonly JournalEntry[]): string {
  const first = batch[0];
  if (!first) return '';
  const rest = batch.length - 1;
  return rest === 0 ? first.summary : `${first.summary} (et ${rest} autre${rest > 1 ? 's' : ''})`;
}
