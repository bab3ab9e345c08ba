import type { RecordStamps } from './record';

// Optimistic concurrency, decided without the database: a form loaded a record (the base), the stored
// record may have changed since (theirs), the form now saves its values (mine). Either nothing changed
// since, or the two sets of changed fields do not overlap and both are kept (a merge), or they overlap
// and the save is refused — never one silently overwriting the other.

type Row = Record<string, unknown>;

const STAMPS: ReadonlySet<string> = new Set<keyof RecordStamps>(['id', 'createdAt', 'updatedAt', 'deletedAt']);

// Arrays and nested objects (partner ids, receipts) compare by content; a missing key equals undefined.
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields (stamps left out) whose values differ between two versions of a record. */
export function changedFields(from: Row, to: Row): string[] {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  return [...keys].filter((key) => !STAMPS.has(key) && !same(from[key], to[key])).sort();
}

export type MergeDecision = { kind: 'merge'; fields: Row; keptFromElsewhere: string[] } | { kind: 'conflict'; fields: string[] };

/**
 * Merges a form's values into a record changed elsewhere since the form loaded `base`. Fields changed on
 * both sides to different values are a conflict; the same change made twice is not.
 */
export function mergeChanges(base: Row, theirs: Row, mine: Row): MergeDecision {
  const theirChanges = changedFields(base, theirs);
  const myChanges = changedFields(base, mine);
  const overlap = myChanges.filter((key) => theirChanges.includes(key) && !same(theirs[key], mine[key]));
  if (overlap.length > 0) return { kind: 'conflict', fields: overlap };
  const fields: Row = {};
  for (const [key, value] of Object.entries(theirs)) if (!STAMPS.has(key)) fields[key] = value;
  for (const key of myChanges) {
    if (mine[key] === undefined) delete fields[key];
    else fields[key] = mine[key];
  }
  return { kind: 'merge', fields, keptFromElsewhere: theirChanges.filter((key) => !myChanges.includes(key)) };
}

/**
 * The next `updatedAt` of a record: now, or one millisecond after the stored one when the clock has not
 * moved on (two saves in one millisecond, a clock set back) — the stamp is the record's revision.
 */
export function nextRevision(stored: string | undefined, now: Date): string {
  const at = now.toISOString();
  if (stored === undefined || at > stored) return at;
  const after = Date.parse(stored) + 1;
  return Number.isNaN(after) ? at : new Date(after).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** « à 14 h 32 » the same day, « le 24/11/2026 à 14 h 32 » another day (local time). */
export function whenSaid(at: string, now: Date): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  const time = `à ${date.getHours()} h ${pad(date.getMinutes())}`;
  const sameDay = date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  return sameDay ? time : `le ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${time}`;
}

export interface ChangeAuthor {
  /** The person at the keyboard then (the journal's signature); null when nobody was picked. */
  person: string | null;
  /** When the stored version was written. */
  at: string;
}

function byWhom(author: ChangeAuthor, now: Date): string {
  const when = whenSaid(author.at, now);
  return author.person ? `par ${author.person}, ${when}` : when;
}

/** The refusal of a save or a deletion whose record changed since the form loaded it. */
export function changedElsewhereMessage(author: ChangeAuthor | undefined, now: Date): string {
  if (!author)
    return 'Cette fiche vient d’être modifiée ailleurs\u00a0: rien n’a été enregistré. Rechargez-la pour voir la dernière version.';
  return `Cette fiche a été modifiée ailleurs (${byWhom(author, now)})\u00a0: rien n’a été enregistré. Rechargez-la pour voir la dernière version.`;
}

/** The refusal of a save whose record went to the bin since the form loaded it. */
export function binnedElsewhereMessage(author: ChangeAuthor | undefined, now: Date): string {
  const who = author ? ` (${byWhom(author, now)})` : '';
  return `Cette fiche a été mise à la corbeille ailleurs${who}\u00a0: rien n’a été enregistré. Restaurez-la depuis la Corbeille pour la modifier.`;
}

/** Said after a save merged with changes made elsewhere on other fields. */
export function mergedMessage(author: ChangeAuthor | undefined, now: Date): string {
  const who = author ? ` (${byWhom(author, now)})` : '';
  return `Enregistré. Cette fiche avait été modifiée ailleurs${who} sur d’autres champs\u00a0: ces modifications sont gardées avec les vôtres.`;
}

export const MISSING_RECORD_MESSAGE = 'Cette fiche n’existe plus\u00a0: rien n’a été enregistré.';
export const ALREADY_BINNED_MESSAGE = 'Cette fiche est déjà dans la corbeille.';
