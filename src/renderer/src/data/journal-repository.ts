import { useLiveQuery } from 'dexie-react-hooks';
import { Dexie, type Collection } from 'dexie';
import { compareJournalEntries, journalAtBounds, journalMatcher, type JournalEntry, type JournalFilter } from '../domain/journal/journal';
import type { WorkspaceDb } from './workspace-db';

/** The whole journal, newest first. */
export async function listJournal(db: WorkspaceDb): Promise<JournalEntry[]> {
  const entries = await db.journal.orderBy('at').reverse().toArray();
  // Entries of one millisecond keep the order they were written in.
  return entries.sort((a, b) => (a.at === b.at ? b.seq - a.seq : 0));
}

/**
 * The entries matching `filter` as an index range: by kind of record or by person through their compound
 * indexes with the dates as a range, else by date alone. What no index covers (the text, the person when
 * the kind is chosen too, « nobody ») comes back as a test to apply to the entries read.
 */
function matching(
  db: WorkspaceDb,
  filter: JournalFilter,
): { range: Collection<JournalEntry, string>; test: ((entry: JournalEntry) => boolean) | null } {
  const { lower, upper } = journalAtBounds(filter);
  const from = lower ?? Dexie.minKey;
  const to = upper ?? Dexie.maxKey;
  let range: Collection<JournalEntry, string>;
  let rest: JournalFilter;
  if (filter.table) {
    range = db.journal.where('[table+at]').between([filter.table, from], [filter.table, to], true, false);
    rest = { person: filter.person, text: filter.text };
  } else if (filter.person) {
    range = db.journal.where('[person+at]').between([filter.person, from], [filter.person, to], true, false);
    rest = { text: filter.text };
  } else if (lower !== undefined || upper !== undefined) {
    range = db.journal.where('at').between(from, to, true, false);
    rest = { person: filter.person, text: filter.text };
  } else {
    range = db.journal.orderBy('at');
    rest = { person: filter.person, text: filter.text };
  }
  const needsTest = (rest.person !== undefined && rest.person !== '') || Boolean(rest.text?.trim());
  return { range, test: needsTest ? journalMatcher(rest) : null };
}

export interface JournalPage {
  /** The newest `limit` matching entries. */
  entries: JournalEntry[];
  /** How many entries match the filter. */
  matching: number;
  /** How many entries the journal holds. */
  total: number;
}

/**
 * One screenful of the journal. Filtered by index only, it counts the range and walks its newest `limit`
 * entries: a long journal is never read whole to show its newest lines. A text search reads the range in
 * one go (a cursor tested entry by entry is many times slower than one bulk read) and filters it in memory.
 */
export async function readJournalPage(db: WorkspaceDb, filter: JournalFilter, limit: number): Promise<JournalPage> {
  return db.transaction('r', db.journal, async () => {
    const { range, test } = matching(db, filter);
    if (test !== null) {
      const [read, total] = await Promise.all([range.toArray(), db.journal.count()]);
      const found = read.filter(test).sort(compareJournalEntries);
      return { entries: found.slice(0, limit), matching: found.length, total };
    }
    const [page, count, total] = await Promise.all([
      range.clone().reverse().limit(limit).toArray(),
      range.clone().count(),
      db.journal.count(),
    ]);
    const last = page[page.length - 1];
    if (page.length < limit || last === undefined) return { entries: page.sort(compareJournalEntries), matching: count, total };
    // The index orders one millisecond's entries by id, not by the order they were written in: take the
    // whole millisecond at the cut so the page ends where the full sorted journal would.
    const tied = (await db.journal.where('at').equals(last.at).toArray()).filter(journalMatcher(filter));
    const before = page.filter((e) => e.at !== last.at);
    return { entries: [...before, ...tied].sort(compareJournalEntries).slice(0, limit), matching: count, total };
  });
}

/** Every entry matching `filter`, newest first: what the CSV export writes. */
export async function listJournalMatching(db: WorkspaceDb, filter: JournalFilter): Promise<JournalEntry[]> {
  const { range, test } = matching(db, filter);
  const read = await range.toArray();
  return (test === null ? read : read.filter(test)).sort(compareJournalEntries);
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
  return useLiveQuery(() => readJournalPage(db, { person, table, from, to, text }, limit), [db, person, table, from, to, text, limit]);
}

export function useJournalPeople(db: WorkspaceDb): (string | null)[] | undefined {
  return useLiveQuery(() => listJournalPeople(db), [db]);
}
