import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { Dexie } from 'dexie';
import { RegistryDb } from '../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { RegistryProvider } from '../../src/renderer/src/data/workspace-context';
import { createWorkspace } from '../../src/renderer/src/data/workspace-repository';
import { savePerson } from '../../src/renderer/src/data/team-repository';
import { AUTO_BACKUP_INTERVAL_MS, useAutomaticBackups, type AutoBackupWriter } from '../../src/renderer/src/data/automatic-backups';
import { autoBackupFileName } from '../../src/renderer/src/platform/platform';
import type * as BackupModule from '../../src/renderer/src/data/backup';

// The automatic-backup service as the app runs it: handed the desktop folder (data/ cannot import the
// platform), it backs up at start-up, then at each interval only if a record changed since. The backup
// itself is tested in tests/unit/data (jsdom's Blob cannot stream it): here it is a few bytes.

vi.mock('../../src/renderer/src/data/backup', async (importOriginal) => ({
  ...(await importOriginal<typeof BackupModule>()),
  createBackup: vi.fn(async () => ({ bytes: new Uint8Array([1, 2, 3]), info: { createdAt: new Date().toISOString() } })),
}));

const appVersion = async () => '0.1.0';

function folder(): AutoBackupWriter & { write: ReturnType<typeof vi.fn> } {
  const listed: { name: string; createdAt: string }[] = [];
  return {
    fileName: autoBackupFileName,
    folder: async () => ({ folder: '/media/cle', available: true }),
    write: vi.fn(async (name: string) => {
      listed.push({ name, createdAt: new Date().toISOString() });
      return [...listed];
    }),
    remove: async () => undefined,
  };
}

/** Waits (on real timeouts: the interval is faked, and with it testing-library's waitFor) for `count` writes. */
async function writes(writer: { write: ReturnType<typeof vi.fn> }, count: number): Promise<void> {
  for (let waited = 0; writer.write.mock.calls.length < count && waited < 5_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(writer.write).toHaveBeenCalledTimes(count);
}

function Service({ db, workspace, writer }: { db: WorkspaceDb; workspace: { id: string; name: string }; writer: AutoBackupWriter | null }) {
  useAutomaticBackups(db, workspace, undefined, writer, appVersion);
  return null;
}

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: { id: string; name: string };

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  registry = new RegistryDb();
  const created = await createWorkspace(registry, 'Les Amis du Quartier');
  if (!created.ok) throw new Error('no espace');
  workspace = created.value;
  db = new WorkspaceDb(workspace.id);
  // Only the interval is faked: IndexedDB's own timers run as usual.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});

afterEach(() => {
  vi.useRealTimers();
  db.close();
  registry.close();
});

describe('the automatic backups', () => {
  it('back up at start-up, then at the next interval only when a record changed', async () => {
    const writer = folder();
    render(
      <RegistryProvider registry={registry}>
        <Service db={db} workspace={workspace} writer={writer} />
      </RegistryProvider>,
    );
    await writes(writer, 1);

    // Nothing changed (noting the backup in meta is no change): the interval writes nothing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    vi.advanceTimersByTime(AUTO_BACKUP_INTERVAL_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(writer.write).toHaveBeenCalledTimes(1);

    await savePerson(db, { lastName: 'Diallo', firstName: 'Awa', role: 'employee', email: '', phone: '' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    vi.advanceTimersByTime(AUTO_BACKUP_INTERVAL_MS);
    await writes(writer, 2);
  });

  it('in the browser (no folder handed in) never write', async () => {
    render(
      <RegistryProvider registry={registry}>
        <Service db={db} workspace={workspace} writer={null} />
      </RegistryProvider>,
    );
    await savePerson(db, { lastName: 'Diallo', firstName: 'Awa', role: 'employee', email: '', phone: '' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.meta.get('lastBackup')).toBeUndefined();
  });
});
