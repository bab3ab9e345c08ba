import { knownSpelling, personNameSchema, withPersonName } from '../domain/keyboard-person';
import type { Validated } from '../domain/record';
import type { RegistryDb } from './registry-db';
import { setCurrentPerson } from './session';
import type { WorkspaceDb } from './workspace-db';

// The names of the people who have used an espace live in the espace itself (its meta table), so that
// they travel with its backups and are not readable while the espace is locked.

const PEOPLE_KEY = 'keyboardPeople';

export async function listKeyboardPeople(db: WorkspaceDb): Promise<string[]> {
  const entry = await db.meta.get(PEOPLE_KEY);
  return Array.isArray(entry?.value) ? entry.value.filter((n): n is string => typeof n === 'string') : [];
}

/** Records who is at the keyboard of this espace: validated, remembered in the espace, then made current. */
export async function chooseKeyboardPerson(registry: RegistryDb, db: WorkspaceDb, typed: string): Promise<Validated<string>> {
  const parsed = personNameSchema.safeParse(typed);
  if (!parsed.success) return { ok: false, errors: { name: parsed.error.issues[0]?.message ?? 'Nom invalide.' } };
  const name = await db.transaction('rw', db.meta, async () => {
    const names = await listKeyboardPeople(db);
    const spelled = knownSpelling(names, parsed.data);
    await db.meta.put({ key: PEOPLE_KEY, value: withPersonName(names, spelled) });
    return spelled;
  });
  await setCurrentPerson(registry, db.workspaceId, name);
  return { ok: true, value: name };
}
