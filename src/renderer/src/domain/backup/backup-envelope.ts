import { z } from 'zod';

// The backup file: one JSON envelope that says what it is before anything is restored. The records travel
// in `payload`, a JSON text (or its AES-GCM ciphertext in base64 for a protected espace) whose SHA-256 is
// `checksum`, so that a byte changed anywhere is caught before a single record is written.

export const BACKUP_FORMAT = 'passerelle-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const backupEncryptionSchema = z.object({
  algorithm: z.literal('AES-GCM'),
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(100_000),
  salt: z.string().min(16),
  iv: z.string().min(12),
});

export const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.iso.datetime(),
  workspace: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  counts: z.record(z.string(), z.number().int().min(0)),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  encryption: backupEncryptionSchema.nullable(),
  payload: z.string(),
});

export type BackupEnvelope = z.infer<typeof backupEnvelopeSchema>;
export type BackupEncryption = z.infer<typeof backupEncryptionSchema>;

export type EnvelopeResult = { ok: true; envelope: BackupEnvelope } | { ok: false; error: string };

/**
 * Reads a file's text as a backup envelope, or says in French why it is not one. Nothing here trusts the
 * file: a truncated download, a spreadsheet renamed .json and a backup from a newer Passerelle each get
 * their own message.
 */
export function parseBackupEnvelope(text: string, currentSchemaVersion: number): EnvelopeResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Le fichier est vide : ce n’est pas une sauvegarde Passerelle.' };
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    if (trimmed.startsWith('{') && trimmed.includes(`"${BACKUP_FORMAT}"`) && !trimmed.endsWith('}')) {
      return { ok: false, error: 'La sauvegarde est incomplète : le fichier a été tronqué (copie interrompue ?).' };
    }
    return { ok: false, error: 'Ce fichier n’est pas une sauvegarde Passerelle : son contenu est illisible.' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: 'Ce fichier ne vient pas de Passerelle : ce n’est pas une sauvegarde.' };
  }
  const formatVersion = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      error: 'Cette sauvegarde a été écrite par une version plus récente de Passerelle : mettez l’application à jour pour la restaurer.',
    };
  }
  const parsed = backupEnvelopeSchema.safeParse(data);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'enveloppe';
    return { ok: false, error: `La sauvegarde est abîmée : l’information « ${field} » manque ou est invalide.` };
  }
  if (parsed.data.schemaVersion > currentSchemaVersion) {
    return {
      ok: false,
      error: `Cette sauvegarde vient d’une version plus récente de Passerelle (schéma ${parsed.data.schemaVersion}, cette application connaît le schéma ${currentSchemaVersion}) : mettez l’application à jour pour la restaurer.`,
    };
  }
  return { ok: true, envelope: parsed.data };
}

export const CHECKSUM_MISMATCH = 'La somme de contrôle ne correspond pas : le fichier a été modifié ou abîmé depuis la sauvegarde.';
export const WRONG_PASSPHRASE = 'Phrase de passe incorrecte : la sauvegarde n’a pas pu être déchiffrée.';

/** Days without a backup after which the Sauvegardes screen and the dashboard warn. */
export const BACKUP_WARNING_DAYS = 7;

export function backupIsOverdue(lastBackupAt: string | undefined, now: Date): boolean {
  if (lastBackupAt === undefined) return true;
  return now.getTime() - new Date(lastBackupAt).getTime() > BACKUP_WARNING_DAYS * 24 * 3600 * 1000;
}
