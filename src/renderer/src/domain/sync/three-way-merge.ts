import { isIsoDate } from '../dates';
import type { SyncAuthor, SyncRecord } from './sync-document';

// Two laptops edited the same record while apart (issue 20). CouchDB keeps both revisions and picks a
// winner by its revision rule, which says nothing about who edited last, so Passerelle merges them itself,
// field by field from the last revision both laptops had (the base):
//
// - a field changed on one side only takes that side's value: nothing either laptop typed is lost;
// - a field changed on both sides to different values takes the later edit's (the record's `updatedAt`);
//   when that field is an amount, a date or a status, the merge also reports a « conflit à vérifier »
//   with both values and who made each, for a person to confirm — a grant amount must not change
//   silently because someone else's clock was a minute ahead.
//
// The result does not depend on which laptop merges: the sides are put in one order (later edit first,
// then CouchDB's revision id) before anything is compared, so both laptops reach the same record and
// the same list of conflicts.

export interface MergeSide {
  record: SyncRecord;
  author: SyncAuthor;
  /** The CouchDB revision id; breaks a tie between edits stamped the same millisecond. */
  rev: string;
}

export type ConflictKind = 'money' | 'date' | 'status';

export interface ConflictValue {
  value: unknown;
  author: SyncAuthor;
}

/** A field both laptops changed, kept for a person to confirm or change. */
export interface FieldConflict {
  field: string;
  kind: ConflictKind;
  /** The value the merge kept (the later edit). */
  kept: ConflictValue;
  /** The value the other laptop had written. */
  other: ConflictValue;
}

export interface MergeResult {
  record: SyncRecord;
  conflicts: FieldConflict[];
}

const NEVER_FLAGGED: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt']);
const DATE_NAME = /(Date|Start|End|Until)$/;

/** Whether a field holds money (integer cents, DESIGN.md decision 6), a date or a status. */
export function conflictKind(field: string, ...values: unknown[]): ConflictKind | null {
  if (NEVER_FLAGGED.has(field)) return null;
  if (/Cents$/.test(field)) return 'money';
  if (field === 'status' || /Status$/.test(field)) return 'status';
  if (DATE_NAME.test(field) || values.some((value) => typeof value === 'string' && isIsoDate(value))) return 'date';
  return null;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Negative when `a` is the later edit: later `updatedAt`, then later author stamp, then higher revision. */
function laterFirst(a: MergeSide, b: MergeSide): number {
  return (
    text(b.record.updatedAt).localeCompare(text(a.record.updatedAt)) ||
    text(b.author.at).localeCompare(text(a.author.at)) ||
    b.rev.localeCompare(a.rev) ||
    JSON.stringify(b.record).localeCompare(JSON.stringify(a.record))
  );
}

/** Merges two revisions of one record against their common base (null when none is known). */
export function mergeRecords(base: SyncRecord | null, one: MergeSide, two: MergeSide): MergeResult {
  const [later, earlier] = laterFirst(one, two) <= 0 ? [one, two] : [two, one];
  const from = base ?? {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(later.record), ...Object.keys(earlier.record)])].sort();
  const record: SyncRecord = {};
  const conflicts: FieldConflict[] = [];
  for (const key of keys) {
    const l = later.record[key];
    const e = earlier.record[key];
    const laterChanged = !same(from[key], l);
    const earlierChanged = !same(from[key], e);
    let value: unknown;
    if (laterChanged && earlierChanged && !same(l, e)) {
      value = l;
      const kind = conflictKind(key, l, e);
      if (kind) conflicts.push({ field: key, kind, kept: { value: l, author: later.author }, other: { value: e, author: earlier.author } });
    } else if (earlierChanged) {
      value = e;
    } else {
      value = l;
    }
    if (value !== undefined) record[key] = value;
  }
  // The stamps follow the record's history rather than either side: created once, changed at the latest.
  const created = [text(later.record.createdAt), text(earlier.record.createdAt)].filter((at) => at !== '').sort()[0];
  if (created !== undefined) record.createdAt = created;
  const updated = [text(later.record.updatedAt), text(earlier.record.updatedAt)].sort().at(-1);
  if (updated) record.updatedAt = updated;
  return { record, conflicts };
}

/**
 * Merges every open revision of a document (CouchDB may hold more than two when several laptops edited
 * it), in one order that does not depend on where the merge runs.
 */
export function mergeAll(base: SyncRecord | null, sides: readonly MergeSide[]): MergeResult {
  const ordered = [...sides].sort(laterFirst);
  const first = ordered[0];
  if (!first) throw new Error('mergeAll needs at least one revision.');
  let merged: MergeResult = { record: first.record, conflicts: [] };
  let author = first.author;
  let rev = first.rev;
  for (const side of ordered.slice(1)) {
    const next = mergeRecords(base, { record: merged.record, author, rev }, side);
    merged = { record: next.record, conflicts: [...merged.conflicts, ...next.conflicts] };
    author = laterFirst({ record: merged.record, author, rev }, side) <= 0 ? author : side.author;
    rev = rev > side.rev ? rev : side.rev;
  }
  return merged;
}

/** The side whose edit is the latest (the author a merged revision carries). */
export function latestSide(sides: readonly MergeSide[]): MergeSide {
  const first = [...sides].sort(laterFirst)[0];
  if (!first) throw new Error('latestSide needs at least one revision.');
  return first;
}
