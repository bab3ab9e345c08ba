import type { Validated } from '../domain/record';
import { newStamps } from '../domain/record';
import { workspaceNameSchema, type WorkspaceRecord } from '../domain/workspace';
import { emptyAssociationProfile } from '../domain/association';
import type { RegistryDb } from './registry-db';
import { WorkspaceDb } from './workspace-db';

export const CURRENT_WORKSPACE_KEY = 'currentWorkspaceId';

function byName(a: WorkspaceRecord, b: WorkspaceRecord): number {
  return a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' });
}

function validateName(name: string): Validated<string> {
  const parsed = workspaceNameSchema.safeParse(name);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: { name: parsed.error.issues[0]?.message ?? "Nom de l'espace invalide." } };
}

export async function listWorkspaces(registry: RegistryDb): Promise<WorkspaceRecord[]> {
  const all = await registry.workspaces.toArray();
  return all.filter((w) => w.deletedAt === null).sort(byName);
}

export async function listDeletedWorkspaces(registry: RegistryDb): Promise<WorkspaceRecord[]> {
  const all = await registry.workspaces.toArray();
  return all.filter((w) => w.deletedAt !== null).sort(byName);
}

export async function getWorkspace(registry: RegistryDb, id: string): Promise<WorkspaceRecord | undefined> {
  return registry.workspaces.get(id);
}

/**
 * Creates an espace: its own database, holding an association profile named after it, then its entry in
 * the registry. The registry entry comes last so that a failure never lists an espace without a database.
 */
export async function createWorkspace(
  registry: RegistryDb,
  name: string,
  now: Date = new Date(),
  id: string = crypto.randomUUID(),
): Promise<Validated<WorkspaceRecord>> {
  const validName = validateName(name);
  if (!validName.ok) return validName;
  const record: WorkspaceRecord = { ...newStamps(id, now), name: validName.value };
  const db = new WorkspaceDb(id);
  try {
    await db.transaction('rw', db.meta, db.association, async () => {
      await db.meta.put({ key: 'workspace', value: { id, createdAt: record.createdAt } });
      await db.association.put({ ...newStamps(id, now), ...emptyAssociationProfile(validName.value) });
    });
  } finally {
    db.close();
  }
  await registry.workspaces.add(record);
  return { ok: true, value: record };
}

export async function renameWorkspace(
  registry: RegistryDb,
  id: string,
  name: string,
  now: Date = new Date(),
): Promise<Validated<WorkspaceRecord>> {
  const validName = validateName(name);
  if (!validName.ok) return validName;
  const existing = await registry.workspaces.get(id);
  if (!existing) return { ok: false, errors: { name: "Cet espace n'existe plus." } };
  const renamed = { ...existing, name: validName.value, updatedAt: now.toISOString() };
  await registry.workspaces.put(renamed);
  return { ok: true, value: renamed };
}

/**
 * Deleting an espace hides it from the switcher but keeps its database, so that it can be restored from
 * Réglages: no data is lost by a wrong click.
 */
export async function deleteWorkspace(registry: RegistryDb, id: string, now: Date = new Date()): Promise<void> {
  await registry.transaction('rw', registry.workspaces, registry.settings, async () => {
    const existing = await registry.workspaces.get(id);
    if (!existing) return;
    await registry.workspaces.put({ ...existing, deletedAt: now.toISOString(), updatedAt: now.toISOString() });
    const current = await registry.settings.get(CURRENT_WORKSPACE_KEY);
    if (current?.value === id) await registry.settings.delete(CURRENT_WORKSPACE_KEY);
  });
}

export async function restoreWorkspace(registry: RegistryDb, id: string, now: Date = new Date()): Promise<void> {
  const existing = await registry.workspaces.get(id);
  if (!existing) return;
  await registry.workspaces.put({ ...existing, deletedAt: null, updatedAt: now.toISOString() });
}

export async function getCurrentWorkspaceId(registry: RegistryDb): Promise<string | undefined> {
  const setting = await registry.settings.get(CURRENT_WORKSPACE_KEY);
  return typeof setting?.value === 'string' ? setting.value : undefined;
}

export async function setCurrentWorkspaceId(registry: RegistryDb, id: string): Promise<void> {
  await registry.settings.put({ key: CURRENT_WORKSPACE_KEY, value: id });
}
