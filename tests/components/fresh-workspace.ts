import { Dexie } from 'dexie';
import { RegistryDb } from '../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { createWorkspace } from '../../src/renderer/src/data/workspace-repository';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';

export interface FreshWorkspace {
  registry: RegistryDb;
  db: WorkspaceDb;
  workspace: WorkspaceRecord;
}

/** Every database of the origin deleted, then one new espace: what a component test starts from. */
export async function freshWorkspace(name = 'Les Amis du Quartier'): Promise<FreshWorkspace> {
  for (const existing of await Dexie.getDatabaseNames()) await Dexie.delete(existing);
  const registry = new RegistryDb();
  const created = await createWorkspace(registry, name);
  if (!created.ok) throw new Error('expected an espace');
  return { registry, db: new WorkspaceDb(created.value.id), workspace: created.value };
}
