import type { Validated } from '../domain/record';
import { workspaceNameSchema, type WorkspaceRecord } from '../domain/workspace';
import { emptyAssociationProfile } from '../domain/association';
import type { RegistryDb } from './registry-db';
import { WorkspaceDb } from './workspace-db';
import { binRow, createRow, refOf, restoreRow, updateRow, type Target } from './write-path';

export const CURRENT_WORKSPACE_KEY = 'currentWorkspaceId';

// The registry's espaces are records like the espace's own: created, renamed, binned and restored through
// the write path (DESIGN.md decision 12). Its settings are device housekeeping (a key and a value, no
// stamps, no bin), written here directly, like an espace's `meta`.

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
  const db = new WorkspaceDb(id);
  try {
    await db.transaction('rw', db.meta, db.association, async () => {
      await db.meta.put({ key: 'workspace', value: { id, createdAt: now.toISOString() } });
      await createRow(db.association, emptyAssociationProfile(validName.value), now, id);
    });
  } finally {
    db.close();
  }
  const record = await createRow(registry.workspaces, { name: validName.value }, now, id);
  return { ok: true, value: record };
}

/**
 * Renames an espace. Given the revision a form loaded (`{ id, updatedAt }`), the rename is refused when the
 * espace changed since (renamed in another tab or window): « modifiée ailleurs », like every form. The
 * registry keeps no journal, so there is no author to name nor change to merge: a one-field record.
 */
export async function renameWorkspace(
  registry: RegistryDb,
  target: Exclude<Target, undefined>,
  name: string,
  now: Date = new Date(),
): Promise<Validated<WorkspaceRecord>> {
  const validName = validateName(name);
  if (!validName.ok) return validName;
  const ref = refOf(target) ?? { id: '' };
  return registry.transaction('rw', registry.workspaces, async () => {
    const existing = await registry.workspaces.get(ref.id);
    if (!existing) return { ok: false, errors: { name: "Cet espace n'existe plus." } };
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = existing;
    const renamed = await updateRow(registry.workspaces, { ref }, { ...fields, name: validName.value }, now);
    if (renamed.ok) return { ok: true, value: renamed.value };
    return { ok: false, errors: renamed.conflict?.kind === 'changed' ? renamed.errors : { name: "Cet espace n'existe plus." } };
  });
}

/**
 * Deleting an espace hides it from the switcher but keeps its database, so that it can be restored from
 * Réglages: no data is lost by a wrong click.
 */
export async function deleteWorkspace(registry: RegistryDb, id: string, now: Date = new Date()): Promise<void> {
  await registry.transaction('rw', registry.workspaces, registry.settings, async () => {
    // Missing or already deleted: nothing to do (binRow refuses both).
    const binned = await binRow(registry.workspaces, { ref: { id } }, now);
    if (!binned.ok) return;
    const current = await registry.settings.get(CURRENT_WORKSPACE_KEY);
    if (current?.value === id) await registry.settings.delete(CURRENT_WORKSPACE_KEY);
  });
}

export async function restoreWorkspace(registry: RegistryDb, id: string, now: Date = new Date()): Promise<void> {
  await registry.transaction('rw', registry.workspaces, () => restoreRow(registry.workspaces, id, now));
}

export async function getCurrentWorkspaceId(registry: RegistryDb): Promise<string | undefined> {
  const setting = await registry.settings.get(CURRENT_WORKSPACE_KEY);
  return typeof setting?.value === 'string' ? setting.value : undefined;
}

export async function setCurrentWorkspaceId(registry: RegistryDb, id: string): Promise<void> {
  await registry.settings.put({ key: CURRENT_WORKSPACE_KEY, value: id });
}
