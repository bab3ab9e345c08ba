import {
  LOCK_DELAY_DEFAULT_MINUTES,
  newPassphraseProblems,
  parseLockDelay,
  WRONG_CURRENT_PASSPHRASE,
} from '../domain/espace-lock';
import type { Validated } from '../domain/record';
import { base64ToBytes, bytesToBase64 } from './backup-codec';
import { PBKDF2_ITERATIONS } from './backup-crypto';
import type { RegistryDb } from './registry-db';

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
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
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
  return (
    v.kdf === 'PBKDF2-SHA256' &&
    typeof v.iterations === 'number' &&
    typeof v.salt === 'string' &&
    typeof v.hash === 'string'
  );
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

async function checkCurrent(
  registry: RegistryDb,
  workspaceId: string,
  current: string,
): Promise<Record<string, string> | null> {
  const verifier = await getLockVerifier(registry, workspaceId);
  if (!verifier) return { current: 'Cet espace n’est pas protégé par une phrase de passe.' };
  return (await verifyPassphrase(verifier, current)) ? null : { current: WRONG_CURRENT_PASSPHRASE };
}

/** Protects an unprotected espace. Nothing is written when the passphrase is refused. */
export async function protectEspace(
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
export async function changeEspacePassphrase(
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
export async function removeEspaceProtection(
  registry: RegistryDb,
  workspaceId: string,
  current: string,
): Promise<Validated<void>> {
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

export async function setLockDelayMinutes(
  registry: RegistryDb,
  workspaceId: string,
  input: string | number,
): Promise<Validated<number>> {
  const parsed = parseLockDelay(input);
  if (!parsed.ok) return { ok: false, errors: { delay: parsed.problem } };
  await registry.settings.put({ key: delayKey(workspaceId), value: parsed.value });
  return { ok: true, value: parsed.value };
}
