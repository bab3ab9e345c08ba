import type { IsoDate } from '../../domain/dates';
import { amendmentsOf, effectiveEndDate } from '../../domain/team/amendment';
import type { ContractKind, ContractRecord } from '../../domain/team/contract';
import type { PersonRecord } from '../../domain/team/person';
import type { TeamData } from '../../domain/team/team-year';

// The rows of the Équipe list: each person with the contract that describes them today. Kept beside the
// screen, but free of React so that the component only renders.

export interface TeamRow {
  person: PersonRecord;
  /** The contract running today, else the next one to start, else the last one that ended. */
  current: ContractRecord | undefined;
  currentEnd: IsoDate | undefined;
  status: 'active' | 'upcoming' | 'ended' | 'none';
  aided: boolean;
  kinds: ReadonlySet<ContractKind>;
}

/** Groups records by a key once, keeping their order: searching the whole list for each person was quadratic. */
function groupBy<T>(records: readonly T[], key: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(key(record));
    if (group) group.push(record);
    else groups.set(key(record), [record]);
  }
  return groups;
}

export function teamRows(team: TeamData, today: IsoDate): TeamRow[] {
  const aidedContracts = new Set(team.aidedPosts.map((p) => p.contractId));
  const contractsOf = groupBy(team.contracts, (c) => c.personId);
  const amendmentsByContract = groupBy(team.amendments, (a) => a.contractId);
  return team.people.map((person) => {
    const withEnds = (contractsOf.get(person.id) ?? [])
      .map((contract) => ({
        contract,
        end: effectiveEndDate(contract, amendmentsOf(contract.id, amendmentsByContract.get(contract.id) ?? [])),
      }))
      .sort((a, b) => a.contract.startDate.localeCompare(b.contract.startDate));
    const running = withEnds.find((c) => c.contract.startDate <= today && (c.end === undefined || c.end >= today));
    const upcoming = withEnds.find((c) => c.contract.startDate > today);
    const last = withEnds[withEnds.length - 1];
    const chosen = running ?? upcoming ?? last;
    const status = running ? 'active' : upcoming ? 'upcoming' : last ? 'ended' : 'none';
    return {
      person,
      current: chosen?.contract,
      currentEnd: chosen?.end,
      status,
      aided: chosen !== undefined && aidedContracts.has(chosen.contract.id),
      kinds: new Set(withEnds.map((c) => c.contract.kind)),
    };
  });
}

export interface TeamFilters {
  search: string;
  status: 'all' | 'active' | 'ended';
  kind: 'all' | ContractKind;
  aided: 'all' | 'aided' | 'not-aided';
  sort: 'name' | 'job' | 'kind' | 'start' | 'end';
  descending: boolean;
}

export const DEFAULT_FILTERS: TeamFilters = { search: '', status: 'all', kind: 'all', aided: 'all', sort: 'name', descending: false };

const FRENCH = new Intl.Collator('fr');

function normalized(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr');
}

export function filterRows(rows: readonly TeamRow[], filters: TeamFilters): TeamRow[] {
  const words = normalized(filters.search).split(/\s+/).filter(Boolean);
  const kept = rows.filter((row) => {
    if (filters.status === 'active' && row.status !== 'active' && row.status !== 'upcoming') return false;
    if (filters.status === 'ended' && row.status !== 'ended') return false;
    if (filters.kind !== 'all' && row.current?.kind !== filters.kind) return false;
    if (filters.aided === 'aided' && !row.aided) return false;
    if (filters.aided === 'not-aided' && row.aided) return false;
    const haystack = normalized(
      [row.person.firstName, row.person.lastName, row.person.jobTitle ?? '', row.current?.jobTitle ?? ''].join(' '),
    );
    return words.every((w) => haystack.includes(w));
  });
  const key = (row: TeamRow): string => {
    switch (filters.sort) {
      case 'job':
        return row.current?.jobTitle ?? row.person.jobTitle ?? '';
      case 'kind':
        return row.current?.kind ?? '';
      case 'start':
        return row.current?.startDate ?? '';
      case 'end':
        // Open-ended contracts sort after every dated end.
        return row.current ? (row.currentEnd ?? '9999-12-31') : '';
      default:
        return `${row.person.lastName} ${row.person.firstName}`;
    }
  };
  // One collator for the whole sort: localeCompare(…, 'fr') builds one per comparison.
  const compare = FRENCH.compare;
  const sorted = [...kept].sort((a, b) => compare(key(a), key(b)) || compare(a.person.lastName, b.person.lastName));
  return filters.descending ? sorted.reverse() : sorted;
}
