import { LOCK_DELAY_DEFAULT_MINUTES, newPassphraseProblems, parseLockDelay, WRONG_CURRENT_PASSPHRASE } from '../domain/workspace-lock';
import type { Validated } from '../domain/record';
import { base64ToBytes, bytesToBase64 } from './backup-codec';
import { PBKDF2_ITERATIONS } from './backup-crypto';
import {
  checkWorkspacePassphrase,
  protectInPlace,
  readProtection,
  rewrapDataKey,
  unprotectInPlace,
  type MigrationStep,
} from './workspace-protection';
import type { RegistryDb } from './registry-db';
import { WorkspaceDb } from './workspace-db';

// The lock of an espace (issue 7). The registry keeps, per espace, a verifier of its passphrase —
// PBKDF2-SHA256 with a random salt — never the passphrase itself: reading the registry tells nobody the
// passphrase, and checking a guess costs 600 000 hashes.

export interface PassphraseVerifier {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 of 16 random bytes. */
  salt: string;
  /** base64 of the 256 derived bits. */
  hash: string;
}

const verifierKey = (workspaceId: string) => `lockVerifier:${workspaceId}`;
const delayKey = (workspaceId: string) => `lockDelayMinutes:${workspaceId}`;

async function derive(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  return new Uint8Array(bits);
}

export async function createVerifier(passphrase: string, iterations: number = PBKDF2_ITERATIONS): Promise<PassphraseVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(passphrase, salt, iterations);
  return { kdf: 'PBKDF2-SHA256', iterations, salt: bytesToBase64(salt), hash: bytesToBase64(hash) };
}

export async function verifyPassphrase(verifier: PassphraseVerifier, passphrase: string): Promise<boolean> {
  const expected = base64ToBytes(verifier.hash);
  const actual = await derive(passphrase, base64ToBytes(verifier.salt), verifier.iterations);
  if (actual.length !== expected.length) return false;
  // Compare every byte, whatever the first difference, so that timing says nothing.
  let difference = 0;
  for (let i = 0; i < actual.length; i++) difference |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}

function isVerifier(value: unknown): value is PassphraseVerifier {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.kdf === 'PBKDF2-SHA256' && typeof v.iterations === 'number' && typeof v.salt === 'string' && typeof v.hash === 'string';
}

/** The espace's verifier, or undefined when the espace is not protected. */
export async function getLockVerifier(registry: RegistryDb, workspaceId: string): Promise<PassphraseVerifier | undefined> {
  const entry = await registry.settings.get(verifierKey(workspaceId));
  return isVerifier(entry?.value) ? entry.value : undefined;
}

/** True when the espace is not protected, or when `passphrase` is its passphrase. */
export async function passphraseOpens(registry: RegistryDb, workspaceId: string, passphrase: string): Promise<boolean> {
  const verifier = await getLockVerifier(registry, workspaceId);
  return verifier === undefined || verifyPassphrase(verifier, passphrase);
}

async function checkCurrent(registry: RegistryDb, workspaceId: string, current: string): Promise<Record<string, string> | null> {
  const verifier = await getLockVerifier(registry, workspaceId);
  if (!verifier) return { current: 'Cet espace n’est pas protégé par une phrase de passe.' };
  return (await verifyPassphrase(verifier, current)) ? null : { current: WRONG_CURRENT_PASSPHRASE };
}

/** Protects an unprotected espace. Nothing is written when the passphrase is refused. */
export async function protectWorkspace(
  registry: RegistryDb,
  workspaceId: string,
  passphrase: string,
  confirmation: string,
  iterations?: number,
): Promise<Validated<void>> {
  const problems = newPassphraseProblems(passphrase, confirmation);
  if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
  if (await getLockVerifier(registry, workspaceId)) {
    return { ok: false, errors: { passphrase: 'Cet espace est déjà protégé\u00a0: changez plutôt sa phrase de passe.' } };
  }
  await registry.settings.put({ key: verifierKey(workspaceId), value: await createVerifier(passphrase, iterations) });
  return { ok: true, value: undefined };
}

/** Replaces the passphrase; the current one is required. Nothing is written on a refusal. */
export async function changeWorkspacePassphrase(
  registry: RegistryDb,
  workspaceId: string,
  current: string,
  passphrase: string,
  confirmation: string,
  iterations?: number,
): Promise<Validated<void>> {
  const problems: Record<string, string> = { ...newPassphraseProblems(passphrase, confirmation) };
  const wrongCurrent = await checkCurrent(registry, workspaceId, current);
  if (wrongCurrent || Object.keys(problems).length > 0) return { ok: false, errors: { ...wrongCurrent, ...problems } };
  // Derived before the write so that the old verifier is replaced in one put, never removed first.
  const verifier = await createVerifier(passphrase, iterations);
  await registry.settings.put({ key: verifierKey(workspaceId), value: verifier });
  return { ok: true, value: undefined };
}

/** Removes the protection; the current passphrase is required. Nothing is written on a refusal. */
export async function removeWorkspaceProtection(registry: RegistryDb, workspaceId: string, current: string): Promise<Validated<void>> {
  const wrongCurrent = await checkCurrent(registry, workspaceId, current);
  if (wrongCurrent) return { ok: false, errors: wrongCurrent };
  await registry.settings.delete(verifierKey(workspaceId));
  return { ok: true, value: undefined };
}

export async function getLockDelayMinutes(registry: RegistryDb, workspaceId: string): Promise<number> {
  const entry = await registry.settings.get(delayKey(workspaceId));
  const parsed = entry === undefined ? null : parseLockDelay(entry.value as string | number);
  return parsed?.ok ? parsed.value : LOCK_DELAY_DEFAULT_MINUTES;
}

export async function setLockDelayMinutes(registry: RegistryDb, workspaceId: string, input: string | number): Promise<Validated<number>> {
  const parsed = parseLockDelay(input);
  if (!parsed.ok) return { ok: false, errors: { delay: parsed.problem } };
  await registry.settings.put({ key: delayKey(workspaceId), value: parsed.value });
  return { ok: true, value: parsed.value };
}

// ——— The lock with encryption at rest (issue 14) ———
// The espace's own database is the authority (its protection record, data/workspace-protection.ts); the
// registry's verifier is kept beside it so that the registry still says which espaces are protected, and
// for espaces protected before encryption existed (they are encrypted at their next unlock).

/** Whether the espace is protected, by its own record or by the registry's. */
export async function workspaceIsProtected(registry: RegistryDb, db: WorkspaceDb): Promise<boolean> {
  return (await readProtection(db)) !== undefined || (await getLockVerifier(registry, db.workspaceId)) !== undefined;
}

/** Whether an espace, open or not, is protected (its own record is read through a short-lived connection). */
export async function workspaceIsProtectedById(registry: RegistryDb, workspaceId: string): Promise<boolean> {
  if ((await getLockVerifier(registry, workspaceId)) !== undefined) return true;
  const db = new WorkspaceDb(workspaceId);
  try {
    return (await readProtection(db)) !== undefined;
  } finally {
    db.close();
  }
}

/** True when `passphrase` opens the espace (checked against its own record first). */
export async function workspacePassphraseOpens(registry: RegistryDb, workspaceId: string, passphrase: string): Promise<boolean> {
  const db = new WorkspaceDb(workspaceId);
  try {
    if (await readProtection(db)) return await checkWorkspacePassphrase(db, passphrase);
  } finally {
    db.close();
  }
  return passphraseOpens(registry, workspaceId, passphrase);
}

/**
 * Protects the open espace and encrypts it in place, with progress. Nothing is written on a refusal. The
 * registry's verifier comes last: until then the espace's own record already protects it, and the key is
 * in this connection, so the espace never locks under the hands of the person protecting it.
 */
export async function protectAndEncrypt(
  registry: RegistryDb,
  db: WorkspaceDb,
  passphrase: string,
  confirmation: string,
  onProgress?: (step: MigrationStep) => void,
  iterations?: number,
): Promise<Validated<void>> {
  const problems = newPassphraseProblems(passphrase, confirmation);
  if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
  if ((await readProtection(db)) || (await getLockVerifier(registry, db.workspaceId))) {
    return { ok: false, errors: { passphrase: 'Cet espace est déjà protégé\u00a0: changez plutôt sa phrase de passe.' } };
  }
  await protectInPlace(db, passphrase, onProgress, iterations);
  await registry.settings.put({ key: verifierKey(db.workspaceId), value: await createVerifier(passphrase, iterations) });
  return { ok: true, value: undefined };
}

/** Re-wraps the data key under a new passphrase and updates the registry's verifier. */
export async function changePassphraseAndRewrap(
  registry: RegistryDb,
  db: WorkspaceDb,
  current: string,
  passphrase: string,
  confirmation: string,
  iterations?: number,
): Promise<Validated<void>> {
  if (!(await readProtection(db)))
    return changeWorkspacePassphrase(registry, db.workspaceId, current, passphrase, confirmation, iterations);
  const problems: Record<string, string> = { ...newPassphraseProblems(passphrase, confirmation) };
  if (Object.keys(problems).length > 0) {
    const currentOk = await checkWorkspacePassphrase(db, current);
    return { ok: false, errors: currentOk ? problems : { current: WRONG_CURRENT_PASSPHRASE, ...problems } };
  }
  if (!(await rewrapDataKey(db, current, passphrase, iterations))) return { ok: false, errors: { current: WRONG_CURRENT_PASSPHRASE } };
  await registry.settings.put({ key: verifierKey(db.workspaceId), value: await createVerifier(passphrase, iterations) });
  return { ok: true, value: undefined };
}

/** Decrypts the espace in place, then removes its protection from the espace and from the registry. */
export async function removeProtectionAndDecrypt(
  registry: RegistryDb,
  db: WorkspaceDb,
  current: string,
  onProgress?: (step: MigrationStep) => void,
): Promise<Validated<void>> {
  if (!(await readProtection(db))) return removeWorkspaceProtection(registry, db.workspaceId, current);
  if (!(await checkWorkspacePassphrase(db, current))) return { ok: false, errors: { current: WRONG_CURRENT_PASSPHRASE } };
  // The registry first: while decrypting, the espace's own record (state « decrypting ») still protects
  // it, and it goes last, once every record is clear.
  await registry.settings.delete(verifierKey(db.workspaceId));
  await unprotectInPlace(db, current, onProgress);
  return { ok: true, value: undefined };
}
