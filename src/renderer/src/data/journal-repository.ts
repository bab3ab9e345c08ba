import { useLiveQuery } from 'dexie-react-hooks';
import type { JournalEntry } from '../domain/journal/journal';
import type { WorkspaceDb } from './workspace-db';

/** The whole journal, newest first. */
export async function listJournal(db: WorkspaceDb): Promise<JournalEntry[]> {
  const entries = await db.journal.orderBy('at').reverse().toArray();
  // Entries of one millisecond keep the order they were written in.
  return entries.sort((a, b) => (a.at === b.at ? b.seq - a.seq : 0));
}

/** `undefined` while loading. */
export function useJournal(db: WorkspaceDb): JournalEntry[] | undefined {
  return useLiveQuery(() => listJournal(db), [db]);
}
