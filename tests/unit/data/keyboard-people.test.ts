import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { chooseKeyboardPerson, listKeyboardPeople } from '../../../src/renderer/src/data/keyboard-people';
import { getCurrentPerson } from '../../../src/renderer/src/data/session';

const ID = '4f1c7a55-7a43-4b8e-9a63-0d6c1c2b9e01';
let registry: RegistryDb;
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  db = new WorkspaceDb(ID);
});

afterEach(() => {
  registry.close();
  db.close();
});

describe('the person at the keyboard', () => {
  it('keeps the names used in the espace and makes the chosen one current', async () => {
    expect(await listKeyboardPeople(db)).toEqual([]);
    expect(await chooseKeyboardPerson(registry, db, '  Marie  ')).toEqual({ ok: true, value: 'Marie' });
    expect(await chooseKeyboardPerson(registry, db, 'Karim')).toEqual({ ok: true, value: 'Karim' });
    expect(await chooseKeyboardPerson(registry, db, 'marie')).toEqual({ ok: true, value: 'Marie' });
    expect(await listKeyboardPeople(db)).toEqual(['Karim', 'Marie']);
    expect(await getCurrentPerson(registry, ID)).toBe('Marie');
  });

  it.each([
    ['', 'Votre nom\u00a0: champ obligatoire.'],
    ['x'.repeat(61), 'Votre nom\u00a0: 60 caractères au maximum.'],
  ])('refuses %j and changes nothing', async (typed, message) => {
    await chooseKeyboardPerson(registry, db, 'Marie');
    expect(await chooseKeyboardPerson(registry, db, typed)).toEqual({ ok: false, errors: { name: message } });
    expect(await listKeyboardPeople(db)).toEqual(['Marie']);
    expect(await getCurrentPerson(registry, ID)).toBe('Marie');
  });
});
