import { useLiveQuery } from 'dexie-react-hooks';
import {
  associationProfileSchema,
  type AssociationProfileRecord,
} from '../domain/association';
import { exerciseCalendar, type ExerciseCalendar } from '../domain/exercise';
import { firstIssueMessages } from '../domain/fields';
import type { Validated } from '../domain/record';
import type { WorkspaceDb } from './workspace-db';

// The profile is one record per espace, keyed by the espace's id.

export function getAssociationProfile(db: WorkspaceDb): Promise<AssociationProfileRecord | undefined> {
  return db.association.get(db.workspaceId);
}

/**
 * Validates the whole profile and replaces the stored one. Invalid input changes nothing and returns one
 * French message per failing field.
 */
export async function saveAssociationProfile(
  db: WorkspaceDb,
  input: unknown,
  now: Date = new Date(),
): Promise<Validated<AssociationProfileRecord>> {
  const parsed = associationProfileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  return db.transaction('rw', db.association, async () => {
    const existing = await db.association.get(db.workspaceId);
    const at = now.toISOString();
    const record: AssociationProfileRecord = {
      ...parsed.data,
      id: db.workspaceId,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      deletedAt: null,
    };
    await db.association.put(record);
    return { ok: true as const, value: record };
  });
}

/** Puts back a profile exactly as it was (the « Annuler » of a save). */
export async function restoreAssociationProfile(db: WorkspaceDb, previous: AssociationProfileRecord): Promise<void> {
  await db.association.put(previous);
}

/** The current espace's profile; `undefined` while loading. */
export function useAssociationProfile(db: WorkspaceDb): AssociationProfileRecord | null | undefined {
  return useLiveQuery(async () => (await getAssociationProfile(db)) ?? null, [db]);
}

/** The association's exercise calendar from its profile (the calendar year until the profile says). */
export function useExerciseCalendar(db: WorkspaceDb): ExerciseCalendar {
  return exerciseCalendar(useAssociationProfile(db) ?? undefined);
}
