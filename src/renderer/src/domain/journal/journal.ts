import { addDays, format } from 'date-fns';
import { tableLabel } from '../backup/table-labels';
import { dateFromIso, formatDateShort, formatIsoFromDate, type IsoDate } from '../dates';
import { describeRecord } from '../bin/record-names';

// The journal: who changed what and when in one espace. Each entry keeps the record as it was before the
// change, so that the session that made it can undo it.

export type ChangeKind = 'create' | 'update' | 'bin' | 'restore' | 'delete' | 'undo';

export interface JournalEntry {
  id: string;
  /** ISO date-time of the change. */
  at: string;
  table: string;
  /** The changed record's primary key, as text. */
  recordId: string;
  /** The person at the keyboard, or null when nobody was picked. */
  person: string | null;
  /** The app session that made the change: undo only reaches a session's own changes. */
  session: string;
  /** One id per transaction: a partner binned with its contacts is one change, undone as one. */
  batch: string;
  /** Order within the session: two changes can share a millisecond. */
  seq: number;
  kind: ChangeKind;
  /** « Mise à la corbeille : Partenaire « Mission locale » ». */
  summary: string;
  /** The record before the change; null when the change created it. */
  before: unknown;
  /** Set when the change has been undone. */
  undoneAt: string | null;
}

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  create: 'Création',
  update: 'Modification',
  bin: 'Mise à la corbeille',
  restore: 'Restauration',
  delete: 'Suppression définitive',
  undo: 'Annulation',
};

type AnyRecord = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is AnyRecord => typeof value === 'object' && value !== null;

/** What kind of change turns `before` into `after` (undefined = the record does not exist). */
export function classifyChange(before: unknown, after: unknown): Exclude<ChangeKind, 'undo'> {
  if (before === undefined) return 'create';
  if (after === undefined) return 'delete';
  const wasBinned = isRecord(before) && typeof before.deletedAt === 'string';
  const isBinned = isRecord(after) && typeof after.deletedAt === 'string';
  if (!wasBinned && isBinned) return 'bin';
  if (wasBinned && !isBinned) return 'restore';
  return 'update';
}

/** « Modification : Partenaire « Mission locale » ». */
export function changeSummary(kind: ChangeKind, table: string, record: unknown): string {
  const what = isRecord(record) ? describeRecord(table, record) : tableLabel(table);
  return `${CHANGE_KIND_LABELS[kind]}\u00a0: ${what}`;
}

export interface JournalFilter {
  /** A name, or null for the changes made with nobody picked; undefined or '' for everyone. */
  person?: string | null;
  table?: string;
  /** Inclusive local calendar days. */
  from?: IsoDate;
  to?: IsoDate;
  text?: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');

/** Whether one entry matches every filter given; text matches the summary, the kind, the table or the person. */
export function journalMatcher(filter: JournalFilter): (entry: JournalEntry) => boolean {
  const needle = filter.text ? fold(filter.text.trim()) : '';
  const bounds = journalAtBounds(filter);
  return (entry) => {
    if (filter.person !== undefined && filter.person !== '' && entry.person !== filter.person) return false;
    if (filter.table && entry.table !== filter.table) return false;
    if (bounds.lower !== undefined && entry.at < bounds.lower) return false;
    if (bounds.upper !== undefined && entry.at >= bounds.upper) return false;
    if (needle) {
      const haystack = fold([entry.summary, tableLabel(entry.table), entry.person ?? ''].join(' '));
      if (!haystack.includes(needle)) return false;
    }
    return true;
  };
}

/** The entries that match every filter given. */
export function filterJournal(entries: readonly JournalEntry[], filter: JournalFilter): JournalEntry[] {
  return entries.filter(journalMatcher(filter));
}

/**
 * The from/to days as bounds on the entries' `at` stamps (UTC ISO text, which sorts as time does): from the
 * local midnight starting `from`, up to (excluded) the local midnight ending `to`. An index range can use them.
 */
export function journalAtBounds(filter: Pick<JournalFilter, 'from' | 'to'>): { lower?: string; upper?: string } {
  // A half-typed date filters nothing rather than failing the page.
  const midnight = (iso: string | undefined, days: number) => {
    if (!iso) return undefined;
    try {
      return addDays(dateFromIso(iso), days).toISOString();
    } catch {
      return undefined;
    }
  };
  return { lower: midnight(filter.from, 0), upper: midnight(filter.to, 1) };
}

/** Newest first; entries of one millisecond in the order they were written (then by id, as the index has them). */
export function compareJournalEntries(a: JournalEntry, b: JournalEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.seq !== b.seq) return b.seq - a.seq;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** `24/11/2026 14:05`, local time: what a French spreadsheet reads as a date-time. */
export function formatJournalTime(at: string): string {
  return format(new Date(at), 'dd/MM/yyyy HH:mm');
}

/** `24 nov. 2026 à 14:05`, local time: for screens. */
export function formatDateTimeShort(at: string): string {
  const date = new Date(at);
  return `${formatDateShort(formatIsoFromDate(date))} à ${format(date, 'HH:mm')}`;
}

export const NOBODY = 'Personne non renseignée';

/** The journal as spreadsheet rows, header first. */
export function journalCsvRows(entries: readonly JournalEntry[]): string[][] {
  return [
    ['Date', 'Personne', 'Type de fiche', 'Action', 'Détail', 'Annulé'],
    ...entries.map((entry) => [
      formatJournalTime(entry.at),
      entry.person ?? NOBODY,
      tableLabel(entry.table),
      CHANGE_KIND_LABELS[entry.kind],
      entry.summary,
      entry.undoneAt ? 'oui' : 'non',
    ]),
  ];
}
