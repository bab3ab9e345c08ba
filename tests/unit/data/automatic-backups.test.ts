import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { createWorkspace } from '../../../src/renderer/src/data/workspace-repository';
import { getLastBackup, openBackup, recordBackupMade } from '../../../src/renderer/src/data/backup';
import {
  autoBackupProblemMessage,
  runAutomaticBackup,
  watchRecordChanges,
  type AutoBackupWriter,
} from '../../../src/renderer/src/data/automatic-backups';
import { savePerson } from '../../../src/renderer/src/data/team-repository';
import { autoBackupFileName, type AutoBackupFile } from '../../../src/renderer/src/platform/platform';

const NOW = new Date('2026-11-24T10:00:00Z');

function fakeFolder(existing: AutoBackupFile[]) {
  const files = new Map<string, Uint8Array>();
  const listed = [...existing];
  const host: AutoBackupWriter = {
    fileName: autoBackupFileName,
    folder: vi.fn(async () => ({ folder: '/media/cle', available: true })),
    write: vi.fn(async (name: string, data: Uint8Array) => {
      files.set(name, data);
      listed.push({ name, createdAt: NOW.toISOString() });
      return [...listed];
    }),
    remove: vi.fn(async (names: string[]) => {
      for (const name of names)
        listed.splice(
          listed.findIndex((f) => f.name === name),
          1,
        );
    }),
  };
  return { host, files, listed };
}

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

describe('automatic backup', () => {
  it('writes a complete backup under its automatic name, prunes by the retention rule and notes it', async () => {
    const registry = new RegistryDb();
    const created = await createWorkspace(registry, 'Les Amis du Quartier', NOW);
    if (!created.ok) throw new Error('no espace');
    const db = new WorkspaceDb(created.value.id);
    const at = (iso: string) => ({ name: `Passerelle-auto-${created.value.id}-${iso.replace(/:/g, '-')}.zip`, createdAt: iso });
    const older = [at('2026-11-24T06:00:00Z'), at('2026-11-20T08:00:00Z'), at('2026-11-20T20:00:00Z'), at('2026-06-01T08:00:00Z')];
    const { host, files, listed } = fakeFolder(older);

    const made = await runAutomaticBackup(db, created.value, host, '0.1.0', NOW);

    const expectedName = `Passerelle-auto-${created.value.id}-2026-11-24T10-00-00Z.zip`;
    expect(made).toMatchObject({ fileName: expectedName, automatic: true });
    const opened = await openBackup(files.get(expectedName) ?? new Uint8Array());
    expect(opened.ok && opened.backup.info.workspace.name).toBe('Les Amis du Quartier');
    // Kept: today's two, the newest of 20 November. Gone: the older one of that day, and June's.
    expect(listed.map((f) => f.createdAt).sort()).toEqual(['2026-11-20T20:00:00Z', '2026-11-24T06:00:00Z', NOW.toISOString()].sort());
    expect(await getLastBackup(db)).toEqual(made);
    db.close();
    registry.close();
  });

  it('retention counts only whole files: a cut one is never « the backup of the day », and goes', async () => {
    const registry = new RegistryDb();
    const created = await createWorkspace(registry, 'Les Amis du Quartier', NOW);
    if (!created.ok) throw new Error('no espace');
    const db = new WorkspaceDb(created.value.id);
    const at = (iso: string, complete: boolean) => ({
      name: `Passerelle-auto-${created.value.id}-${iso.replace(/:/g, '-')}.zip`,
      createdAt: iso,
      complete,
    });
    // On 20 November the later file was cut short: the earlier, whole one is that day's backup.
    const { host, listed } = fakeFolder([at('2026-11-20T08:00:00Z', true), at('2026-11-20T20:00:00Z', false)]);
    await runAutomaticBackup(db, created.value, host, '0.1.0', NOW);
    expect(listed.map((f) => f.createdAt).sort()).toEqual(['2026-11-20T08:00:00Z', NOW.toISOString()]);
    db.close();
    registry.close();
  });

  it('counts a change to a record, from this tab or another, as a reason for the next backup — not the note of the last backup', async () => {
    const registry = new RegistryDb();
    const created = await createWorkspace(registry, 'Les Amis du Quartier', NOW);
    if (!created.ok) throw new Error('no espace');
    const db = new WorkspaceDb(created.value.id);
    const otherTab = new WorkspaceDb(created.value.id);
    const onChange = vi.fn();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    const stop = watchRecordChanges(db, onChange);
    await settle();
    expect(onChange).not.toHaveBeenCalled();

    // The espace's own housekeeping (where the last backup is noted) is no change to back up.
    await recordBackupMade(db, { at: NOW.toISOString(), fileName: 'x.zip', bytes: 1, automatic: true });
    await settle();
    expect(onChange).not.toHaveBeenCalled();

    await savePerson(otherTab, { lastName: 'Bensaïd', firstName: 'Nadia', role: 'employee', email: '', phone: '' }, undefined, NOW);
    await settle();
    expect(onChange).toHaveBeenCalled();

    stop();
    onChange.mockClear();
    await savePerson(db, { lastName: 'Diallo', firstName: 'Awa', role: 'employee', email: '', phone: '' }, undefined, NOW);
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    otherTab.close();
    db.close();
    registry.close();
  });
});

describe('a failed automatic backup, as the Sauvegardes page says it', () => {
  const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
  it.each([
    [
      'Passerelle’s own refusal, kept',
      new Error('Le dossier des sauvegardes automatiques est inaccessible (clé USB retirée ?).'),
      /^Le dossier des sauvegardes automatiques est inaccessible/,
    ],
    ['a full disk', quota, /^Plus assez de place/],
    [
      'a full disk under Dexie’s wrapper',
      Object.assign(new Error('AbortError'), { name: 'AbortError', inner: quota }),
      /^Plus assez de place/,
    ],
    [
      'a programming error',
      new TypeError('(intermediate value).stream is not a function'),
      /^La sauvegarde automatique n’a pas pu être faite/,
    ],
    [
      'a closed database',
      Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }),
      /^La sauvegarde automatique n’a pas pu être faite/,
    ],
    ['something thrown that is no error', 'boom', /^La sauvegarde automatique n’a pas pu être faite/],
  ])('%s', (_case, error, said) => {
    const message = autoBackupProblemMessage(error);
    expect(message).toMatch(said);
    expect(message).not.toMatch(/quota|stream|closed|boom/i);
  });
});
