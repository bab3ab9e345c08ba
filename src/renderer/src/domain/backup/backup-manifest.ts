import { z } from 'zod';
import { BACKUP_FORMAT } from './backup-envelope';

// Backup format 2 (DESIGN.md decision 15): a ZIP whose `manifest.json` says what the file is and lists
// every entry with its size, its record count and its SHA-256; `manifest.seal` authenticates the
// manifest's exact bytes (a SHA-256 for a plain backup, an AES-GCM tag under the passphrase's key for a
// protected one). Each table is one entry of framed chunks; each file (a signed agreement, a scan) is an
// entry of its own. Nothing in the file is trusted before the manifest and its seal are checked.

export const BACKUP_FORMAT_2 = 2;

/**
 * The PBKDF2 iteration count a backup may ask for. The lower bound keeps a guess costly; the upper bound
 * keeps one unlock attempt of a crafted file to a few seconds (a file asking for 10⁹ would hang it).
 */
export const PBKDF2_ITERATIONS_RANGE = { min: 100_000, max: 2_000_000 } as const;

export const MANIFEST_ENTRY = 'manifest.json';
export const SEAL_ENTRY = 'manifest.seal';
export const tableEntryName = (table: string) => `tables/${table}.ndjson`;
export const fileEntryName = (index: number) => `files/${String(index).padStart(6, '0')}.bin`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const entryName = z.string().regex(/^(tables\/[A-Za-z][A-Za-z0-9]{0,60}\.ndjson|files\/\d{6,9}\.bin)$/);

export const manifestEncryptionSchema = z.object({
  algorithm: z.literal('AES-GCM'),
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(PBKDF2_ITERATIONS_RANGE.min).max(PBKDF2_ITERATIONS_RANGE.max),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
});

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_2),
  backupId: z.string().min(1).max(100),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string().max(50),
  createdAt: z.iso.datetime(),
  workspace: z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) }),
  encryption: manifestEncryptionSchema.nullable(),
  tables: z
    .array(
      z.object({
        table: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,60}$/),
        entry: entryName,
        count: z.number().int().min(0),
        bytes: z.number().int().min(0),
        sha256,
      }),
    )
    .max(500),
  files: z.array(z.object({ entry: entryName, bytes: z.number().int().min(0), sha256, type: z.string().max(200) })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type ManifestEncryption = z.infer<typeof manifestEncryptionSchema>;

/**
 * The part of the manifest known before any data is written: it is the associated data of every chunk's
 * AES-GCM, with the entry's name and the chunk's rank, so that no chunk can be moved to another entry,
 * another place or another backup, and no header field edited, without decryption failing.
 */
export function chunkAssociatedData(
  manifest: Pick<
    BackupManifest,
    'format' | 'formatVersion' | 'backupId' | 'schemaVersion' | 'appVersion' | 'createdAt' | 'workspace' | 'encryption'
  >,
  entry: string,
  index: number,
): string {
  const header = [
    manifest.format,
    manifest.formatVersion,
    manifest.backupId,
    manifest.schemaVersion,
    manifest.appVersion,
    manifest.createdAt,
    manifest.workspace.id,
    manifest.workspace.name,
    manifest.encryption ? `${manifest.encryption.iterations}:${manifest.encryption.salt}` : 'plain',
  ];
  return JSON.stringify([...header, entry, index]);
}

export const WRONG_PASSPHRASE_OR_ALTERED =
  'Phrase de passe incorrecte, ou fichier modifié depuis la sauvegarde : elle n’a pas pu être déchiffrée.';
export const MANIFEST_ALTERED = 'La sauvegarde a été modifiée ou abîmée : son sommaire ne correspond plus à sa somme de contrôle.';
