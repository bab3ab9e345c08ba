import type { FunderRecord } from '../domain/funding/funder';
import type { PartnerRecord } from '../domain/partners/partner';
import type { TeamData } from '../domain/team/team-year';

// The bin is filtered here, in data/, and only here (issue 21): repositories hand the domain live records
// only, so that no domain function or rule has to remember that a record can be in the bin.

/** The records out of the bin. */
export function live<T extends { deletedAt: string | null }>(records: readonly T[]): T[] {
  return records.filter((record) => record.deletedAt === null);
}

/**
 * The funders of the directory (issue 19): out of the bin, and whose organisation record is not in the bin
 * either (a funder is binned along its record; a sync or an old version may have left it out).
 */
export function liveFunders(funders: readonly FunderRecord[], partners: readonly PartnerRecord[]): FunderRecord[] {
  const binned = new Set(partners.filter((p) => p.deletedAt !== null).map((p) => p.id));
  return live(funders).filter((f) => !binned.has(f.id));
}

/**
 * The Équipe that counts: out of the bin, and attached to a person and a contract that are too (a contract
 * whose person is in the bin does not count, even if a sync or an old version left it out).
 */
export function liveTeam(data: TeamData): TeamData {
  const people = live(data.people);
  const personIds = new Set(people.map((p) => p.id));
  const contracts = live(data.contracts).filter((c) => personIds.has(c.personId));
  const contractIds = new Set(contracts.map((c) => c.id));
  return {
    people,
    contracts,
    amendments: live(data.amendments).filter((a) => contractIds.has(a.contractId)),
    aidedPosts: live(data.aidedPosts).filter((p) => contractIds.has(p.contractId)),
    absences: live(data.absences ?? []).filter((a) => contractIds.has(a.contractId)),
    ...(data.figures ? { figures: data.figures } : {}),
  };
}
