import type { RegistryDb } from './registry-db';

// Who is at the keyboard of a shared laptop, per espace: a lightweight profile picked when the espace is
// opened (no password). The journal signs each change with it.

const key = (workspaceId: string) => `currentPerson:${workspaceId}`;

export async function getCurrentPerson(registry: RegistryDb, workspaceId: string): Promise<string | undefined> {
  const entry = await registry.settings.get(key(workspaceId));
  return typeof entry?.value === 'string' ? entry.value : undefined;
}

export async function setCurrentPerson(registry: RegistryDb, workspaceId: string, name: string): Promise<void> {
  await registry.settings.put({ key: key(workspaceId), value: name });
}
