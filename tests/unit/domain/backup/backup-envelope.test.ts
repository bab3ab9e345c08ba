import { describe, expect, it } from 'vitest';
import { backupIsOverdue, parseBackupEnvelope } from '../../../../src/renderer/src/domain/backup/backup-envelope';

const valid = {
  format: 'passerelle-backup',
  formatVersion: 1,
  schemaVersion: 4,
  appVersion: '0.1.0',
  createdAt: '2026-11-24T10:00:00.000Z',
  workspace: { id: 'ws', name: 'Les Amis du Quartier' },
  counts: { association: 1 },
  checksum: 'a'.repeat(64),
  encryption: null,
  payload: '{}',
};

describe('backup envelope', () => {
  it('accepts a well-formed envelope', () => {
    expect(parseBackupEnvelope(JSON.stringify(valid), 4).ok).toBe(true);
  });

  it.each([
    [
      { ...valid, formatVersion: 2 },
      'Cette sauvegarde a été écrite par une version plus récente de Passerelle : mettez l’application à jour pour la restaurer.',
    ],
    [{ ...valid, checksum: 'abc' }, 'La sauvegarde est abîmée : l’information « checksum » manque ou est invalide.'],
    [{ ...valid, workspace: undefined }, 'La sauvegarde est abîmée : l’information « workspace » manque ou est invalide.'],
  ])('refuses %o', (envelope, message) => {
    expect(parseBackupEnvelope(JSON.stringify(envelope), 4)).toEqual({ ok: false, error: message });
  });

  it('warns when no backup was made for more than 7 days', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(backupIsOverdue(undefined, now)).toBe(true);
    expect(backupIsOverdue('2026-11-18T10:00:00Z', now)).toBe(false);
    expect(backupIsOverdue('2026-11-17T09:59:00Z', now)).toBe(true);
  });
});
