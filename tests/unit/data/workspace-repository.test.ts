import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb, workspaceDbName } from '../../../src/renderer/src/data/workspace-db';
import {
  createWorkspace,
  deleteWorkspace,
  getCurrentWorkspaceId,
  listDeletedWorkspaces,
  listWorkspaces,
  renameWorkspace,
  restoreWorkspace,
  setCurrentWorkspaceId,
} from '../../../src/renderer/src/data/workspace-repository';

let registry: RegistryDb;
const NOW = new Date('2026-11-24T09:00:00Z');

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  await registry.open();
});

afterEach(() => registry.close());

describe('workspaces', () => {
  it('creates an espace with its own database holding a profile named after the association', async () => {
    const result = await createWorkspace(registry, '  Les Amis du Quartier  ', NOW);
    if (!result.ok) throw new Error('expected success');
    expect(result.value.name).toBe('Les Amis du Quartier');
    expect(result.value.createdAt).toBe(NOW.toISOString());
    expect(await Dexie.getDatabaseNames()).toContain(workspaceDbName(result.value.id));

    const db = new WorkspaceDb(result.value.id);
    const profile = await db.association.get(result.value.id);
    db.close();
    expect(profile?.name).toBe('Les Amis du Quartier');
  });

  it('refuses an empty name with a French message and creates nothing', async () => {
    const result = await createWorkspace(registry, '   ', NOW);
    expect(result).toEqual({ ok: false, errors: { name: 'Nom de l’espace\u00a0: champ obligatoire.' } });
    expect(await registry.workspaces.count()).toBe(0);
    expect((await Dexie.getDatabaseNames()).filter((n) => n.startsWith('passerelle-ws-'))).toEqual([]);
  });

  it('keeps two associations apart: each database holds only its own profile', async () => {
    const a = await createWorkspace(registry, 'Association A', NOW);
    const b = await createWorkspace(registry, 'Association B', NOW);
    if (!a.ok || !b.ok) throw new Error('expected success');
    expect(a.value.id).not.toBe(b.value.id);

    const dbA = new WorkspaceDb(a.value.id);
    const dbB = new WorkspaceDb(b.value.id);
    await dbA.association.update(a.value.id, { purpose: 'Soutien scolaire' });
    expect((await dbA.association.toArray()).map((p) => p.name)).toEqual(['Association A']);
    expect((await dbB.association.toArray()).map((p) => p.name)).toEqual(['Association B']);
    expect((await dbB.association.get(b.value.id))?.purpose).toBeUndefined();
    dbA.close();
    dbB.close();
  });

  it('lists espaces by name, French order', async () => {
    await createWorkspace(registry, 'Zèbre', NOW);
    await createWorkspace(registry, 'école des parents', NOW);
    await createWorkspace(registry, 'Amicale', NOW);
    expect((await listWorkspaces(registry)).map((w) => w.name)).toEqual(['Amicale', 'école des parents', 'Zèbre']);
  });

  it('renames an espace and refuses an empty name', async () => {
    const created = await createWorkspace(registry, 'Ancien nom', NOW);
    if (!created.ok) throw new Error('expected success');
    const renamed = await renameWorkspace(registry, created.value.id, 'Nouveau nom', NOW);
    expect(renamed.ok).toBe(true);
    const refused = await renameWorkspace(registry, created.value.id, '', NOW);
    expect(refused.ok).toBe(false);
    expect((await listWorkspaces(registry)).map((w) => w.name)).toEqual(['Nouveau nom']);
  });

  it('deleting hides the espace but keeps its data, and restoring brings it back', async () => {
    const created = await createWorkspace(registry, 'À supprimer', NOW);
    if (!created.ok) throw new Error('expected success');
    await setCurrentWorkspaceId(registry, created.value.id);

    await deleteWorkspace(registry, created.value.id, NOW);
    expect(await listWorkspaces(registry)).toEqual([]);
    expect((await listDeletedWorkspaces(registry)).map((w) => w.name)).toEqual(['À supprimer']);
    expect(await getCurrentWorkspaceId(registry)).toBeUndefined();
    expect(await Dexie.getDatabaseNames()).toContain(workspaceDbName(created.value.id));

    await restoreWorkspace(registry, created.value.id, NOW);
    expect((await listWorkspaces(registry)).map((w) => w.name)).toEqual(['À supprimer']);
    expect(await listDeletedWorkspaces(registry)).toEqual([]);
  });
});
