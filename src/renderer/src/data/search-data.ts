import { useLiveQuery } from 'dexie-react-hooks';
import { buildSearchIndex, searchEntries, type SearchIndex } from '../domain/search/search';
import { live } from './live-records';
import type { WorkspaceDb } from './workspace-db';

// The search index of the open espace, built in memory from its records (out of the bin) while the search
// is open, and rebuilt when they change. Nothing of it is written anywhere: a protected espace's names
// stay encrypted on disk.

export async function loadSearchIndex(db: WorkspaceDb): Promise<SearchIndex> {
  const [people, funders, applications, partners, agreements, projects, documents] = await Promise.all([
    db.people.toArray(),
    db.funders.toArray(),
    db.grantApplications.toArray(),
    db.partners.toArray(),
    db.agreements.toArray(),
    db.projects.toArray(),
    db.documents.toArray(),
  ]);
  return buildSearchIndex(
    searchEntries({
      people: live(people),
      funders: live(funders),
      applications: live(applications),
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
