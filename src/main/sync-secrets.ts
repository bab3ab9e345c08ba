import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { z } from 'zod';
import type { SyncSecretRequest, SyncSecretResult, SyncSecretSaveRequest, SyncSecretSaveResult } from '../preload/api';

// Each espace's sync password (issue 20), encrypted with the OS keychain through Electron's safeStorage
// and kept in one file of the user's profile, by espace id. Never written in clear: where the OS offers
// no keychain, main says so and the renderer keeps the password in memory for the session only.

const secretsPath = () => join(app.getPath('userData'), 'sync-secrets.json');
const fileSchema = z.record(z.string(), z.string());

const workspaceId = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'L’espace est mal désigné.' });

export const saveSyncSecretRequestSchema = z.object(
  { workspaceId, password: z.string().max(1000, { error: 'Le mot de passe est trop long.' }) },
  { error: 'La demande doit désigner un espace et un mot de passe.' },
) satisfies z.ZodType<SyncSecretSaveRequest>;

export const readSyncSecretRequestSchema = z.object(
  { workspaceId },
  { error: 'La demande doit désigner un espace.' },
) satisfies z.ZodType<SyncSecretRequest>;

async function readSecrets(): Promise<Record<string, string>> {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(await readFile(secretsPath(), 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function saveSyncSecret(request: SyncSecretSaveRequest): Promise<SyncSecretSaveResult> {
  const secrets = await readSecrets();
  if (request.password === '') {
    delete secrets[request.workspaceId];
  } else {
    if (!safeStorage.isEncryptionAvailable()) return { status: 'unavailable' };
    secrets[request.workspaceId] = safeStorage.encryptString(request.password).toString('base64');
  }
  await writeFile(secretsPath(), JSON.stringify(secrets), { encoding: 'utf8', mode: 0o600 });
  return { status: 'saved' };
}

export async function readSyncSecret(request: SyncSecretRequest): Promise<SyncSecretResult> {
  const sealed = (await readSecrets())[request.workspaceId];
  if (sealed === undefined || !safeStorage.isEncryptionAvailable()) return { status: 'none' };
  try {
    return { status: 'found', password: safeStorage.decryptString(Buffer.from(sealed, 'base64')) };
  } catch {
    // Sealed by another profile or a changed keychain: ask again rather than fail.
    return { status: 'none' };
  }
}
