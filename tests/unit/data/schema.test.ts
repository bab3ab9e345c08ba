import { describe, expect, it } from 'vitest';
import { registryVersions, workspaceVersions, type SchemaVersion } from '../../../src/renderer/src/data/schema';
import { migrateFrom } from './migration-helper';

describe('schema versions', () => {
  it.each([
    ['registry', registryVersions],
    ['workspace', workspaceVersions],
  ])('%s versions start at 1 and go up by one', (_name, versions) => {
    expect(versions.map((v) => v.version)).toEqual(versions.map((_v, i) => i + 1));
  });

  // Shipped versions are frozen (DESIGN.md decision 8): a user's database was created from them. A change
  // belongs in a new version; if this test fails, revert the edit and append a version instead.
  it('keeps the shipped version 1 of each database unchanged', () => {
    expect(registryVersions[0]?.stores).toEqual({ workspaces: 'id, name, deletedAt', settings: 'key' });
    expect(workspaceVersions[0]?.stores).toEqual({ association: 'id', meta: 'key' });
  });
});

describe('migration helper', () => {
  // A made-up version 2 that splits a full name: it proves the helper runs a real upgrade over seeded data.
  const versions: SchemaVersion[] = [
    { version: 1, stores: { people: 'id' } },
    {
      version: 2,
      stores: { people: 'id, lastName' },
      upgrade: (tx) =>
        tx
          .table('people')
          .toCollection()
          .modify((person: { fullName?: string; firstName?: string; lastName?: string }) => {
            const [firstName = '', ...rest] = (person.fullName ?? '').split(' ');
            person.firstName = firstName;
            person.lastName = rest.join(' ');
            delete person.fullName;
          }),
    },
  ];

  it('opens version N, seeds it, reopens at N+1 and shows the upgraded records', async () => {
    let checked = false;
    await migrateFrom({
      name: 'migration-helper-test',
      versions,
      from: 1,
      seed: async (db) => {
        await db.table('people').bulkAdd([
          { id: 'a', fullName: 'Awa Diop' },
          { id: 'b', fullName: 'Jean Paul Martin' },
        ]);
      },
      check: async (db) => {
        expect(await db.table('people').orderBy('lastName').toArray()).toEqual([
          { id: 'a', firstName: 'Awa', lastName: 'Diop' },
          { id: 'b', firstName: 'Jean', lastName: 'Paul Martin' },
        ]);
        checked = true;
      },
    });
    expect(checked).toBe(true);
  });
});
