import { useLiveQuery } from 'dexie-react-hooks';
import { Dexie, type Collection } from 'dexie';
import {
  compareJournalEntries,
  journalAtBounds,
  journalMatcher,
  type JournalEntry,
  type JournalFilter,
} from '../domain/journal/journal';
import type { WorkspaceDb } from './workspace-db';

/** The whole journal, newest first. */
export async function listJournal(db: WorkspaceDb): Promise<JournalEntry[]> {
  const entries = await db.journal.orderBy('at').reverse().toArray();
  // Entries of one millisecond keep the order they were written in.
  return entries.sort((a, b) => (a.at === b.at ? b.seq - a.seq : 0));
}

/**
 * The entries matching `filter`, newest first, as an index walk: by kind of record or by person through
 * their compound indexes with the dates as a range, else by date alone. Only what no index covers (the
 * text, the person when the kind is chosen too, « nobody ») is tested entry by entry.
 */
function matching(db: WorkspaceDb, filter: JournalFilter): Collection<JournalEntry, string> {
  const { lower, upper } = journalAtBounds(filter);
  const from = lower ?? Dexie.minKey;
  const to = upper ?? Dexie.maxKey;
  let collection: Collection<JournalEntry, string>;
  let rest: JournalFilter;
  if (filter.table) {
    collection = db.journal.where('[table+at]').between([filter.table, from], [filter.table, to], true, false);
    rest = { person: filter.person, text: filter.text };
  } else if (filter.person) {
    collection = db.journal.where('[person+at]').between([filter.person, from], [filter.person, to], true, false);
    rest = { text: filter.text };
  } else if (lower !== undefined || upper !== undefined) {
    collection = db.journal.where('at').between(from, to, true, false);
    rest = { person: filter.person, text: filter.text };
  } else {
    collection = db.journal.orderBy('at');
    rest = { person: filter.person, text: filter.text };
  }
  collection = collection.reverse();
  const needsTest = (rest.person !== undefined && rest.person !== '') || Boolean(rest.text?.trim());
  return needsTest ? collection.filter(journalMatcher(rest)) : collection;
}

export interface JournalPage {
  /** The newest `limit` matching entries. */
  entries: JournalEntry[];
  /** How many entries match the filter. */
  matching: number;
  /** How many entries the journal holds. */
  total: number;
}

/** One screenful of the journal: a long journal is never read whole to show its newest lines. */
export async function readJournalPage(db: WorkspaceDb, filter: JournalFilter, limit: number): Promise<JournalPage> {
  return db.transaction('r', db.journal, async () => {
    const [page, count, total] = await Promise.all([
      matching(db, filter).limit(limit).toArray(),
      matching(db, filter).count(),
      db.journal.count(),
    ]);
    const last = page[page.length - 1];
    if (page.length < limit || last === undefined) return { entries: page.sort(compareJournalEntries), matching: count, total };
    // The index orders one millisecond's entries by id, not by the order they were written in: take the
    // whole millisecond at the cut so the page ends where the full sorted journal would.
    const tied = await db.journal.where('at').equals(last.at).filter(journalMatcher(filter)).toArray();
    const before = page.filter((e) => e.at !== last.at);
    return { entries: [...before, ...tied].sort(compareJournalEntries).slice(0, limit), matching: count, total };
  });
}

/** Every entry matching `filter`, newest first: what the CSV export writes. */
export async function listJournalMatching(db: WorkspaceDb, filter: JournalFilter): Promise<JournalEntry[]> {
  return (await matching(db, filter).toArray()).sort(compareJournalEntries);
}

/** The people who signed changes, by name; null stands for changes made with nobody picked. */
export async function listJournalPeople(db: WorkspaceDb): Promise<(string | null)[]> {
  return db.transaction('r', db.journal, async () => {
    const [names, signed, total] = await Promise.all([
      db.journal.orderBy('person').uniqueKeys(),
      db.journal.orderBy('person').count(),
      db.journal.count(),
    ]);
    // null is not an index key: unsigned changes are the ones the person index leaves out.
    const people: (string | null)[] = names.map(String);
    if (total > signed) people.push(null);
    return people.sort((a, b) => (a ?? '').localeCompare(b ?? '', 'fr'));
  });
}

/** `undefined` while loading. */
export function useJournal(db: WorkspaceDb): JournalEntry[] | undefined {
  return useLiveQuery(() => listJournal(db), [db]);
}

/** `undefined` while loading; follows every change to the journal. */
export function useJournalPage(db: WorkspaceDb, filter: JournalFilter, limit: number): JournalPage | undefined {
  const { person, table, from, to, text } = filter;
  return useLiveQuery(
    () => readJournalPage(db, { person, table, from, to, text }, limit),
    [db, person, table, from, to, text, limit],
  );
}

export function useJournalPeople(db: WorkspaceDb): (string | null)[] | undefined {
  return useLiveQuery(() => listJournalPeople(db), [db]);
}
