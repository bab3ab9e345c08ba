import { useLiveQuery } from 'dexie-react-hooks';
import { buildSearchIndex, searchEntries, type SearchIndex } from '../domain/search/search';
import { live } from './live-records';
import type { WorkspaceDb } from './workspace-db';
import { readTables } from './read-tables';

// The search index of the open espace, built in memory from its records (out of the bin) while the search
// is open, and rebuilt when they change. Nothing of it is written anywhere: a protected espace's names
// stay encrypted on disk.

export async function loadSearchIndex(db: WorkspaceDb): Promise<SearchIndex> {
  const { people, funders, grantApplications, partners, agreements, projects, documents } = await readTables(
    db,
    'people',
    'funders',
    'grantApplications',
    'partners',
    'agreements',
    'projects',
    'documents',
  );
  return buildSearchIndex(
    searchEntries({
      people: live(people),
      funders: live(funders),
      applications: live(grantApplications),
      partners: live(partners),
      agreements: live(agreements),
      projects: live(projects),
      documents: live(documents),
    }),
  );
}

/** Undefined while loading, or while `enabled` is false (the search closed: nothing is read). */
export function useSearchIndex(db: WorkspaceDb, enabled: boolean): SearchIndex | undefined {
  return useLiveQuery(() => (enabled ? loadSearchIndex(db) : undefined), [db, enabled]);
}
