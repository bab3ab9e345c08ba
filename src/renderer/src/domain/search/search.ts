import type { FunderRecord } from '../funding/funder';
import type { Target } from '../target';
import type { GrantApplicationRecord } from '../funding/grant-application';
import type { AgreementRecord } from '../partners/agreement';
import { documentTitle, type VaultDocumentRecord } from '../association/document';
import type { PartnerRecord } from '../partners/partner';
import type { ProjectRecord } from '../projects/project';
import { personName, type PersonRecord } from '../team/person';

// « Rechercher » (Ctrl+K): people, funders, requests, partners, agreements, actions and documents in one
// list, grouped by kind. Accents and case are ignored — « helene » finds « Hélène » — and every word typed
// must begin a word of the record (« dup awa » finds « Awa Dupont »). Records in the bin never appear.
//
// The index is one folded string per record's title and one per its detail, kept in memory and built from
// the records the espace has open (so a protected espace's index never reaches the disk). Measured on XL
// (11 700 records, Node, a shared and noisy machine) against MiniSearch 7.2 and FlexSearch 0.8: this scan
// builds in 0,6 s and answers a keystroke in 1,4 ms (median; p95 15 ms); MiniSearch builds in 1,4 s,
// answers in 0,1 ms but its p95 was 98 ms (short prefixes); FlexSearch builds in 1,5 to 5 s and answers in
// 0,01 ms (p95 13 ms). Both libraries' indexes cost more to build than the scan costs over a whole search,
// and the index is rebuilt whenever a record changes while the search is open.

export const SEARCH_KINDS = [
  { kind: 'person', label: 'Personnes' },
  { kind: 'funder', label: 'Financeurs' },
  { kind: 'application', label: 'Demandes de subvention' },
  { kind: 'partner', label: 'Partenaires' },
  { kind: 'agreement', label: 'Conventions' },
  { kind: 'action', label: 'Actions' },
  { kind: 'document', label: 'Pièces de l’association' },
] as const;

export type SearchKind = (typeof SEARCH_KINDS)[number]['kind'];

export interface SearchEntry {
  kind: SearchKind;
  id: string;
  title: string;
  detail?: string | undefined;
  /** The screen that opens the record (ui/paths.ts turns it into an address). */
  target: Target;
}

export interface SearchIndex {
  /** Sorted by title (French collation) once, so that a search never sorts. */
  entries: readonly SearchEntry[];
  /** Per entry, « ␠word␠word » of its folded title, then of its detail: a term begins a word when « ␠term » is in it. */
  titles: readonly string[];
  details: readonly string[];
}

export interface SearchData {
  people: readonly PersonRecord[];
  funders: readonly FunderRecord[];
  applications: readonly GrantApplicationRecord[];
  partners: readonly PartnerRecord[];
  agreements: readonly AgreementRecord[];
  projects: readonly ProjectRecord[];
  documents: readonly VaultDocumentRecord[];
}

/** « Hélène  D'Aubigné » → « helene d aubigne »: no accents, lower case, words split on anything else. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One kind's entries, each with its title, detail and screen (the repository has left the bin out: data/search-data.ts). */
function entriesOf<T extends { id: string }>(
  kind: SearchKind,
  records: readonly T[],
  describe: (record: T) => Pick<SearchEntry, 'title' | 'detail' | 'target'>,
): SearchEntry[] {
  return records.map((r) => ({ kind, id: r.id, ...describe(r) }));
}

export function searchEntries(data: SearchData): SearchEntry[] {
  const funderName = new Map(data.funders.map((f) => [f.id, f.name]));
  return [
    ...entriesOf('person', data.people, (p) => ({ title: personName(p), detail: p.jobTitle, target: { screen: 'person', id: p.id } })),
    // One directory (issue 19): a funder is an organisation under the same id, found once and opened on
    // its page, whether or not it is also a partner.
    ...entriesOf('funder', data.funders, (f) => ({ title: f.name, detail: f.service, target: { screen: 'partner', id: f.id } })),
    ...entriesOf('application', data.applications, (a) => ({
      title: a.title,
      detail: funderName.get(a.funderId),
      target: { screen: 'application', id: a.id },
    })),
    ...entriesOf(
      'partner',
      data.partners.filter((p) => !funderName.has(p.id)),
      (p) => ({ title: p.name, detail: p.city, target: { screen: 'partner', id: p.id } }),
    ),
    ...entriesOf('agreement', data.agreements, (a) => ({
      title: a.title,
      detail: a.object?.slice(0, 120),
      target: { screen: 'agreement', id: a.id },
    })),
    ...entriesOf('action', data.projects, (p) => ({ title: p.title, detail: p.territory, target: { screen: 'action', id: p.id } })),
    ...entriesOf('document', data.documents, (d) => ({ title: documentTitle(d), target: { screen: 'documents' } })),
  ];
}

const COLLATOR = new Intl.Collator('fr');

export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const sorted = [...entries].sort((a, b) => COLLATOR.compare(a.title, b.title));
  return {
    entries: sorted,
    titles: sorted.map((e) => ` ${foldForSearch(e.title)}`),
    details: sorted.map((e) => ` ${foldForSearch(e.detail ?? '')}`),
  };
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  results: SearchEntry[];
}

/** Fewer characters than this find too much to be of use, and cost the most. */
export const MIN_QUERY_LENGTH = 2;

/** What a search leaves for the next keystroke: the query and every record it matched (not only those shown). */
export interface SearchState {
  query: string;
  matches: readonly number[];
}

export interface SearchOutcome {
  groups: SearchGroup[];
  state: SearchState | undefined;
}

/**
 * The records whose words begin with every word of the query, grouped by kind in SEARCH_KINDS order; in
 * each group, matches on the title before matches on the detail, each by title. At most `perGroup` each.
 * Given the previous keystroke's state, a query that extends it (« dup » → « dupo ») looks only at what
 * that one matched: typing narrows, and each letter costs less than the one before.
 */
export function searchFrom(index: SearchIndex, query: string, previous?: SearchState, perGroup = 6): SearchOutcome {
  const folded = foldForSearch(query);
  if (folded.length < MIN_QUERY_LENGTH) return { groups: [], state: undefined };
  const terms = folded.split(' ').map((term) => ` ${term}`);
  // Narrowing is safe only when every word of the new query extends or repeats a word of the old one.
  const narrows = previous !== undefined && folded.startsWith(previous.query) && !/ $/.test(previous.query);
  const candidates = narrows ? previous.matches : undefined;
  const count = candidates ? candidates.length : index.entries.length;
  const inTitle = new Map<SearchKind, SearchEntry[]>();
  const inDetail = new Map<SearchKind, SearchEntry[]>();
  const matches: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = candidates ? candidates[k]! : k;
    const title = index.titles[i]!;
    const detail = index.details[i]!;
    let all = true;
    let titleOnly = true;
    for (const term of terms) {
      if (title.includes(term)) continue;
      if (!detail.includes(term)) {
        all = false;
        break;
      }
      titleOnly = false;
    }
    if (!all) continue;
    matches.push(i);
    const entry = index.entries[i]!;
    const bucket = titleOnly ? inTitle : inDetail;
    const list = bucket.get(entry.kind);
    if (list === undefined) bucket.set(entry.kind, [entry]);
    else if (list.length < perGroup) list.push(entry);
  }
  const groups = SEARCH_KINDS.flatMap(({ kind, label }) => {
    const results = [...(inTitle.get(kind) ?? []), ...(inDetail.get(kind) ?? [])].slice(0, perGroup);
    return results.length === 0 ? [] : [{ kind, label, results }];
  });
  return { groups, state: { query: folded, matches } };
}

export function search(index: SearchIndex, query: string, perGroup = 6): SearchGroup[] {
  return searchFrom(index, query, undefined, perGroup).groups;
}
