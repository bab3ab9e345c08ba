import { Dexie } from 'dexie';
import type { WorkspaceRecord } from '../domain/workspace';
import type { RegistryDb } from './registry-db';
import { WorkspaceDb, workspaceDbName } from './workspace-db';
import {
  CURRENT_WORKSPACE_KEY,
  createWorkspace,
  getCurrentWorkspaceId,
  listWorkspaces,
  setCurrentWorkspaceId,
} from './workspace-repository';

// « Découvrir avec une association exemple » (DESIGN.md, The screens): the fixture association every test
// knows (« Les Amis du Quartier », written into example-workspace.json by node scripts/example-workspace.mjs) in an espace
// of its own, named « Exemple — … » and marked `example` in the registry, so the navigation shows its
// badge. It is never mixed with real data — its own database — and it goes in one step: the registry
// entry and the database, which only an espace marked as an example can be deleted that way.

export const EXAMPLE_NAME = 'Exemple — Les Amis du Quartier';

export function isExample(record: Pick<WorkspaceRecord, 'example'> | undefined): boolean {
  return record?.example === true;
}

/** The example espace, created and filled the first time, then opened: there is only ever one. */
export async function openExampleWorkspace(registry: RegistryDb, now: Date = new Date()): Promise<WorkspaceRecord> {
  const existing = (await listWorkspaces(registry)).find(isExample);
  if (existing) {
    await setCurrentWorkspaceId(registry, existing.id);
    return existing;
  }
  const { default: example } = (await import('./example-workspace.json')) as {
    default: { profile: Record<string, unknown>; tables: Record<string, unknown[]> };
  };
  const created = await createWorkspace(registry, EXAMPLE_NAME, now);
  if (!created.ok) throw new Error(Object.values(created.errors).join(' '));
  const id = created.value.id;
  const db = new WorkspaceDb(id);
  try {
    const tables = Object.keys(example.tables).filter((name) => db.tables.some((t) => t.name === name));
    // Naming the journal: loading the example is not a change anyone made (journal-middleware.ts).
    await db.transaction('rw', [...tables.map((name) => db.table(name)), db.association, db.journal], async () => {
      const profile = await db.association.get(id);
      await db.association.put({ ...profile!, ...example.profile, name: EXAMPLE_NAME, id });
      for (const name of tables) await db.table(name).bulkAdd(example.tables[name]!);
    });
  } catch (error) {
    db.close();
    await registry.workspaces.delete(id);
    await Dexie.delete(workspaceDbName(id));
    throw error;
  }
  db.close();
  const marked: WorkspaceRecord = { ...created.value, example: true };
  await registry.workspaces.put(marked);
  await setCurrentWorkspaceId(registry, id);
  return marked;
}

/** Deletes the example espace for good; refuses any espace not marked as the example. */
export async function deleteExampleWorkspace(registry: RegistryDb, id: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const record = await registry.workspaces.get(id);
  if (!isExample(record)) return { ok: false, message: 'Seul l’espace exemple se supprime ainsi. Rien n’a été supprimé.' };
  if ((await getCurrentWorkspaceId(registry)) === id) await registry.settings.delete(CURRENT_WORKSPACE_KEY);
  await registry.workspaces.delete(id);
  await Dexie.delete(workspaceDbName(id));
  return { ok: true };
}
