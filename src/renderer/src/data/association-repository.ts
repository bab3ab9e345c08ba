import { useLiveQuery } from 'dexie-react-hooks';
import { associationProfileSchema, type AssociationProfileRecord } from '../domain/association';
import { exerciseCalendar, type ExerciseCalendar } from '../domain/exercise';
import { firstIssueMessages } from '../domain/fields';
import type { WorkspaceDb } from './workspace-db';
import { createRow, prepareWrite, updateRow, type WriteOutcome } from './write-path';

// The profile is one record per espace, keyed by the espace's id.

export function getAssociationProfile(db: WorkspaceDb): Promise<AssociationProfileRecord | undefined> {
  return db.association.get(db.workspaceId);
}

/**
 * Validates the whole profile and replaces the stored one. Invalid input changes nothing and returns one
 * French message per failing field. `loadedRevision` is the `updatedAt` of the profile the form loaded:
 * a profile changed since is merged or refused (data/write-path.ts).
 */
export async function saveAssociationProfile(
  db: WorkspaceDb,
  input: unknown,
  now: Date = new Date(),
  loadedRevision?: string,
): Promise<WriteOutcome<AssociationProfileRecord>> {
  const parsed = associationProfileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const context = await prepareWrite(db, 'association', { id: db.workspaceId, updatedAt: loadedRevision });
  return db.transaction('rw', db.association, async (): Promise<WriteOutcome<AssociationProfileRecord>> => {
    const existing = await db.association.get(db.workspaceId);
    if (existing === undefined) return { ok: true, value: await createRow(db.association, parsed.data, now, db.workspaceId) };
    return updateRow(db.association, context, parsed.data, now);
  });
}

/** Puts back a profile's fields as they were (the « Annuler » of a save), as a new revision. */
export async function restoreAssociationProfile(
  db: WorkspaceDb,
  previous: AssociationProfileRecord,
  now: Date = new Date(),
): Promise<void> {
  const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = previous;
  await db.transaction('rw', db.association, () => updateRow(db.association, { ref: { id } }, fields, now));
}

/** The current espace's profile; `undefined` while loading. */
export function useAssociationProfile(db: WorkspaceDb): AssociationProfileRecord | null | undefined {
  return useLiveQuery(async () => (await getAssociationProfile(db)) ?? null, [db]);
}

/** The association's exercise calendar from its profile (the calendar year until the profile says). */
export function useExerciseCalendar(db: WorkspaceDb): ExerciseCalendar {
  return exerciseCalendar(useAssociationProfile(db) ?? undefined);
}
