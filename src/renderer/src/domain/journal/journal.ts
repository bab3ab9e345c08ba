import { format } from 'date-fns';
import { tableLabel } from '../backup/table-labels';
import { formatDateShort, formatIsoFromDate, type IsoDate } from '../dates';
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
  person?: string;
  table?: string;
  /** Inclusive local calendar days. */
  from?: IsoDate;
  to?: IsoDate;
  text?: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');

/** The entries that match every filter given; text matches the summary, the kind, the table or the person. */
export function filterJournal(entries: readonly JournalEntry[], filter: JournalFilter): JournalEntry[] {
  const needle = filter.text ? fold(filter.text.trim()) : '';
  return entries.filter((entry) => {
    if (filter.person && entry.person !== filter.person) return false;
    if (filter.table && entry.table !== filter.table) return false;
    const day = formatIsoFromDate(new Date(entry.at));
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    if (needle) {
      const haystack = fold([entry.summary, tableLabel(entry.table), entry.person ?? ''].join(' '));
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });
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
