import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { deleteExampleWorkspace, EXAMPLE_NAME, openExampleWorkspace } from '../../../src/renderer/src/data/example-workspace';
import shipped from '../../../src/renderer/src/data/example-workspace.json';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb, workspaceDbName } from '../../../src/renderer/src/data/workspace-db';
import { createWorkspace, getCurrentWorkspaceId, listWorkspaces } from '../../../src/renderer/src/data/workspace-repository';
import { fixtureWorkspace } from '../../fixtures/generator/fixture-workspace';

// The example association the app ships is the fixture association every test knows; it lives in an
// espace of its own, there is only one, and it goes in one step — the only espace that can go that way.

let registry: RegistryDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  await registry.open();
});
afterEach(() => registry.close());

describe('the example espace', () => {
  it('ships the fixture association as it is (run node scripts/example-workspace.mjs after changing the fixtures)', () => {
    const fixture = fixtureWorkspace();
    expect(JSON.parse(JSON.stringify({ profile: fixture.profile, tables: fixture.tables }))).toEqual(shipped);
  });

  it('is created once, named and marked as an example, filled, and opened; a real espace is untouched', async () => {
    const real = await createWorkspace(registry, 'Mon association');
    if (!real.ok) throw new Error('expected success');
    const example = await openExampleWorkspace(registry);
    expect(example).toMatchObject({ name: EXAMPLE_NAME, example: true });
    expect(await getCurrentWorkspaceId(registry)).toBe(example.id);
    const db = new WorkspaceDb(example.id);
    expect(await db.people.count()).toBe(shipped.tables.people.length);
    expect(await db.grantApplications.count()).toBe(shipped.tables.grantApplications.length);
    expect((await db.association.get(example.id))?.name).toBe(EXAMPLE_NAME);
    // Loading it is no one's change: none of its records is in the journal (only the new espace's profile).
    expect((await db.journal.toArray()).map((e) => e.table)).toEqual(['association']);
    db.close();
    const realDb = new WorkspaceDb(real.value.id);
    expect(await realDb.people.count()).toBe(0);
    realDb.close();
    expect((await openExampleWorkspace(registry)).id).toBe(example.id);
    expect((await listWorkspaces(registry)).filter((w) => w.example)).toHaveLength(1);
  });

  it('is deleted in one step with its database; a real espace cannot be deleted that way', async () => {
    const real = await createWorkspace(registry, 'Mon association');
    if (!real.ok) throw new Error('expected success');
    const example = await openExampleWorkspace(registry);
    expect(await deleteExampleWorkspace(registry, real.value.id)).toEqual({
      ok: false,
      message: 'Seul l’espace exemple se supprime ainsi. Rien n’a été supprimé.',
    });
    expect(await deleteExampleWorkspace(registry, example.id)).toEqual({ ok: true });
    expect((await listWorkspaces(registry)).map((w) => w.name)).toEqual(['Mon association']);
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName(example.id));
    expect(await Dexie.getDatabaseNames()).toContain(workspaceDbName(real.value.id));
    expect(await getCurrentWorkspaceId(registry)).toBeUndefined();
  });
});
