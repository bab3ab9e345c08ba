import type { BackupEncryption } from '../domain/backup/backup-envelope';
import { base64ToBytes, bytesToBase64 } from './backup-codec';

// Backups of a protected espace are encrypted with a key derived from its passphrase (Web Crypto:
// PBKDF2-SHA256, then AES-GCM, which also authenticates: a wrong passphrase or a changed byte fails).

export const PBKDF2_ITERATIONS = 600_000;

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

export async function encryptText(
  text: string,
  passphrase: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<{ ciphertext: string; encryption: BackupEncryption }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  return {
    ciphertext: bytesToBase64(new Uint8Array(sealed)),
    encryption: {
      algorithm: 'AES-GCM',
      kdf: 'PBKDF2-SHA256',
      iterations,
      salt: bytesToBase64(salt),
      iv: bytesToBase64(iv),
    },
  };
}

/** The plain text, or null when the passphrase is wrong (or the ciphertext was altered). */
export async function decryptText(ciphertext: string, encryption: BackupEncryption, passphrase: string): Promise<string | null> {
  try {
    const key = await deriveKey(passphrase, base64ToBytes(encryption.salt), encryption.iterations);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: base64ToBytes(encryption.iv) }, key, base64ToBytes(ciphertext));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
