import { addDays } from 'date-fns';
import { describeRecord, recordNoun } from './record-names';

// The bin groups records by their deletedAt stamp: a feature that bins a partner with its contacts, or an
// agreement with its parties and files, stamps them all with the same instant, so one stamp is one thing
// the user deleted — restored or destroyed as a whole.

export const BIN_RETENTION_DAYS = 30;

export interface BinItem {
  table: string;
  /** The record's primary key, as stored. */
  key: string;
  record: Readonly<Record<string, unknown>> & { deletedAt: string };
}

export interface BinGroup {
  deletedAt: string;
  items: BinItem[];
  /** The record the user deleted; the others went with it. */
  main: BinItem;
  /** « Partenaire « Mission locale » et 2 contacts ». */
  description: string;
}

/**
 * The record the others point to: the one whose key appears most often among the other records' fields
 * (contacts carry partnerId, parties agreementId, files ownerId). Ties keep the first item.
 */
export function mainItem(items: readonly BinItem[]): BinItem {
  if (items.length === 0) throw new Error('A bin group holds at least one record.');
  let best = items[0]!;
  let bestCount = -1;
  for (const candidate of items) {
    const count = items.filter(
      (other) => other !== candidate && Object.values(other.record).some((value) => value === candidate.key),
    ).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function joinFrench(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

export function describeGroup(items: readonly BinItem[]): string {
  const main = mainItem(items);
  const others = new Map<string, number>();
  for (const item of items) {
    if (item === main) continue;
    others.set(item.table, (others.get(item.table) ?? 0) + 1);
  }
  // The most numerous companions first: « 3 contacts et 1 fichier joint ».
  const tails = [...others]
    .sort((a, b) => b[1] - a[1])
    .map(([table, count]) => {
      const noun = recordNoun(table);
      return `${count} ${count === 1 ? noun.one.charAt(0).toLowerCase() + noun.one.slice(1) : noun.many}`;
    });
  return joinFrench([describeRecord(main.table, main.record), ...tails]);
}

/** One group per deletion, newest first. */
export function groupBin(items: readonly BinItem[]): BinGroup[] {
  const byStamp = new Map<string, BinItem[]>();
  for (const item of items) {
    const group = byStamp.get(item.record.deletedAt);
    if (group) group.push(item);
    else byStamp.set(item.record.deletedAt, [item]);
  }
  return [...byStamp]
    .sort(([a], [b]) => Date.parse(b) - Date.parse(a))
    .map(([deletedAt, groupItems]) => ({
      deletedAt,
      items: groupItems,
      main: mainItem(groupItems),
      description: describeGroup(groupItems),
    }));
}

/** The last instant a deletion can be restored: 30 days after it. */
export function restorableUntil(deletedAt: string): Date {
  return addDays(new Date(deletedAt), BIN_RETENTION_DAYS);
}

/** Deletions 30 days old or more leave the bin for good when an espace opens. */
export function isExpired(deletedAt: string, now: Date): boolean {
  const at = Date.parse(deletedAt);
  // A stamp that is not a date cannot be dated: keep it rather than destroy it by mistake.
  if (Number.isNaN(at)) return false;
  return restorableUntil(deletedAt).getTime() <= now.getTime();
}

export function groupsToPurge<G extends { deletedAt: string }>(groups: readonly G[], now: Date): G[] {
  return groups.filter((group) => isExpired(group.deletedAt, now));
}
