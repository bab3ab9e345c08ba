import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const paths = { userData: '/tmp' };
  return {
    handlers,
    paths,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        handlers.set(channel, handler);
      }),
    },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    app: { getPath: vi.fn(() => paths.userData), getVersion: vi.fn(() => '1.2.3') },
    BrowserWindow: { fromWebContents: vi.fn(() => null) },
    Notification: class {},
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
  };
});
vi.mock('electron', () => electron);

import { CHANNELS, autoBackupFileName } from '../../../src/preload/api';
import { registerIpcHandlers } from '../../../src/main/ipc';
import { createBackup } from '../../../src/renderer/src/data/backup';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { createWorkspace } from '../../../src/renderer/src/data/workspace-repository';

const FIXTURES = join(__dirname, '../../fixtures/backups');

/** A format-2 file as the app writes it (of a new espace), protected when a passphrase is given. */
async function realBackup(passphrase?: string): Promise<Uint8Array> {
  const registry = new RegistryDb();
  const created = await createWorkspace(registry, 'Les Amis du Quartier', new Date('2026-11-24T09:00:00Z'));
  if (!created.ok) throw new Error('no espace');
  const db = new WorkspaceDb(created.value.id);
  try {
    const { bytes } = await createBackup(db, created.value, '0.1.0', passphrase ? { passphrase, iterations: 100_000 } : {});
    return bytes;
  } finally {
    db.close();
    registry.close();
  }
}

/** A copy of a ZIP with one byte flipped in the middle of the named entry's stored data. */
function flipInEntry(zip: Uint8Array, name: string): Uint8Array {
  const copy = new Uint8Array(zip);
  const view = new DataView(copy.buffer);
  const nameBytes = new TextEncoder().encode(name);
  for (let at = 0; at + 30 < copy.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50 || view.getUint16(at + 26, true) !== nameBytes.length) continue;
    if (!nameBytes.every((b, i) => copy[at + 30 + i] === b)) continue;
    const start = at + 30 + nameBytes.length + view.getUint16(at + 28, true);
    const entry = unzipSync(zip, { filter: (f) => f.name === name })[name]!;
    copy[start + Math.floor(entry.length / 2)]! ^= 0x01;
    return copy;
  }
  throw new Error(`no entry ${name}`);
}

const fromApp = { sender: { id: 1 }, senderFrame: { url: 'app://passerelle/index.html' } };
const WS = '0f8e2d7a-3c4b-4e5f-9a1b-2c3d4e5f6a7b';
const OTHER_WS = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

function invoke(channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(fromApp, ...args);
}

let userData: string;
let usbKey: string;

beforeEach(() => {
  electron.handlers.clear();
  vi.clearAllMocks();
  userData = mkdtempSync(join(tmpdir(), 'passerelle-userdata-'));
  usbKey = mkdtempSync(join(tmpdir(), 'passerelle-usb-'));
  electron.paths.userData = userData;
  registerIpcHandlers(['app://passerelle']);
});

afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
  rmSync(usbKey, { recursive: true, force: true });
});

async function chooseUsbKey() {
  electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [usbKey] });
  return invoke(CHANNELS.chooseBackupFolder, { workspaceId: WS });
}

describe('automatic backups folder', () => {
  it('has no folder until the user picks one, then remembers it', async () => {
    expect(await invoke(CHANNELS.backupFolder, { workspaceId: WS })).toEqual({ folder: null, available: false });
    expect(await chooseUsbKey()).toEqual({ status: 'chosen', folder: usbKey });
    expect(await invoke(CHANNELS.backupFolder, { workspaceId: WS })).toEqual({ folder: usbKey, available: true });
    expect(JSON.parse(readFileSync(join(userData, 'auto-backup.json'), 'utf8'))).toEqual({ folders: { [WS]: usbKey } });
  });

  it('each espace has its own folder: choosing one for an espace moves no other espace’s backups', async () => {
    const otherKey = mkdtempSync(join(tmpdir(), 'passerelle-usb-autre-'));
    try {
      await chooseUsbKey();
      electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [otherKey] });
      await invoke(CHANNELS.chooseBackupFolder, { workspaceId: OTHER_WS });
      expect(await invoke(CHANNELS.backupFolder, { workspaceId: WS })).toEqual({ folder: usbKey, available: true });
      expect(await invoke(CHANNELS.backupFolder, { workspaceId: OTHER_WS })).toEqual({ folder: otherKey, available: true });
      await invoke(CHANNELS.writeAutoBackup, {
        fileName: autoBackupFileName(WS, new Date('2026-11-24T10:00:00Z')),
        data: new Uint8Array([1]),
      });
      await invoke(CHANNELS.writeAutoBackup, {
        fileName: autoBackupFileName(OTHER_WS, new Date('2026-11-24T10:00:00Z')),
        data: new Uint8Array([2]),
      });
      expect(readdirSync(usbKey)).toEqual([autoBackupFileName(WS, new Date('2026-11-24T10:00:00Z'))]);
      expect(readdirSync(otherKey)).toEqual([autoBackupFileName(OTHER_WS, new Date('2026-11-24T10:00:00Z'))]);
      await expect(invoke(CHANNELS.backupFolder, { workspaceId: '../../etc' })).rejects.toThrow(/Requête refusée/);
    } finally {
      rmSync(otherKey, { recursive: true, force: true });
    }
  });

  it('an espace without a folder of its own keeps the laptop-wide folder chosen before', async () => {
    writeFileSync(join(userData, 'auto-backup.json'), JSON.stringify({ folder: usbKey }));
    expect(await invoke(CHANNELS.backupFolder, { workspaceId: WS })).toEqual({ folder: usbKey, available: true });
  });

  it('a cancelled dialog changes nothing', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await invoke(CHANNELS.chooseBackupFolder, { workspaceId: WS })).toEqual({ status: 'cancelled' });
    expect(existsSync(join(userData, 'auto-backup.json'))).toBe(false);
  });

  it('says when the key was removed', async () => {
    await chooseUsbKey();
    rmSync(usbKey, { recursive: true, force: true });
    expect(await invoke(CHANNELS.backupFolder, { workspaceId: WS })).toEqual({ folder: usbKey, available: false });
    await expect(
      invoke(CHANNELS.writeAutoBackup, { fileName: autoBackupFileName(WS, new Date()), data: new Uint8Array([1]) }),
    ).rejects.toThrow('Le dossier des sauvegardes automatiques est inaccessible (clé USB retirée ?).');
  });
});

describe('writing and pruning automatic backups', () => {
  it('writes exactly the bytes and lists this espace’s backups only', async () => {
    await chooseUsbKey();
    writeFileSync(join(usbKey, autoBackupFileName(OTHER_WS, new Date('2026-11-20T08:00:00Z'))), 'autre');
    writeFileSync(join(usbKey, 'notes.txt'), 'pas une sauvegarde');
    await invoke(CHANNELS.writeAutoBackup, {
      fileName: autoBackupFileName(WS, new Date('2026-11-23T09:00:00Z')),
      data: new Uint8Array([1]),
    });
    const listed = await invoke(CHANNELS.writeAutoBackup, {
      fileName: autoBackupFileName(WS, new Date('2026-11-24T10:30:15Z')),
      data: new Uint8Array([7, 8, 9]),
    });
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: `Passerelle-auto-${WS}-2026-11-23T09-00-00Z.zip`, createdAt: '2026-11-23T09:00:00Z' }),
        expect.objectContaining({ name: `Passerelle-auto-${WS}-2026-11-24T10-30-15Z.zip`, createdAt: '2026-11-24T10:30:15Z' }),
      ]),
    );
    expect(listed).toHaveLength(2);
    expect([...readFileSync(join(usbKey, `Passerelle-auto-${WS}-2026-11-24T10-30-15Z.zip`))]).toEqual([7, 8, 9]);
  });

  it('writes through a temporary file renamed at the end, and says which listed files verify', async () => {
    await chooseUsbKey();
    const plain = await realBackup();
    const format1 = readFileSync(join(FIXTURES, 'format-1.json'));
    // A format-1 file and a ZIP, both cut short by a crash of the old in-place write.
    writeFileSync(join(usbKey, `Passerelle-auto-${WS}-2026-11-20T08-00-00Z.json`), format1.subarray(0, format1.length - 40));
    writeFileSync(join(usbKey, autoBackupFileName(WS, new Date('2026-11-21T08:00:00Z'))), plain.subarray(0, plain.length - 5));
    writeFileSync(join(usbKey, `Passerelle-auto-${WS}-2026-11-22T08-00-00Z.json`), format1);
    const listed = (await invoke(CHANNELS.writeAutoBackup, {
      fileName: autoBackupFileName(WS, new Date('2026-11-24T10:00:00Z')),
      data: plain,
    })) as {
      name: string;
      complete: boolean;
    }[];
    expect(Object.fromEntries(listed.map((f) => [f.name.replace(/^.*-(\d{4}-)/, '$1'), f.complete]))).toEqual({
      '2026-11-20T08-00-00Z.json': false,
      '2026-11-21T08-00-00Z.zip': false,
      '2026-11-22T08-00-00Z.json': true,
      '2026-11-24T10-00-00Z.zip': true,
    });
    expect(readdirSync(usbKey).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a file with one byte changed in one entry does not verify, plain or protected, whatever the entry', async () => {
    await chooseUsbKey();
    const plain = await realBackup();
    const locked = await realBackup('la clé est sous le paillasson');
    const day = (d: number, h = 8) => autoBackupFileName(WS, new Date(Date.UTC(2026, 10, d, h)));
    const files: Record<string, Uint8Array> = {
      [day(10)]: plain,
      [day(11)]: flipInEntry(plain, 'tables/association.ndjson'),
      [day(12)]: flipInEntry(plain, 'tables/meta.ndjson'),
      [day(13)]: flipInEntry(plain, 'manifest.json'),
      [day(14)]: flipInEntry(plain, 'manifest.seal'),
      [day(15)]: locked,
      [day(16)]: flipInEntry(locked, 'tables/association.ndjson'),
      // One byte flipped then flipped back elsewhere is the same file: it verifies.
      [day(17)]: flipInEntry(flipInEntry(plain, 'tables/meta.ndjson'), 'tables/meta.ndjson'),
    };
    for (const [name, data] of Object.entries(files)) writeFileSync(join(usbKey, name), data);
    const listed = (await invoke(CHANNELS.writeAutoBackup, { fileName: day(24), data: plain })) as { name: string; complete: boolean }[];
    const verdict = (name: string) => listed.find((f) => f.name === name)?.complete;
    expect([10, 11, 12, 13, 14, 15, 16, 17, 24].map((d) => verdict(day(d)))).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
      false,
      true,
      true,
    ]);
  });

  it('an entry the manifest does not list, or a listed entry missing, and the file does not verify', async () => {
    await chooseUsbKey();
    const plain = await realBackup();
    const entries = unzipSync(plain);
    const withExtra = zipSync({ ...entries, 'files/000099.bin': new Uint8Array([1, 2, 3]) }, { level: 0 });
    const { 'tables/meta.ndjson': _dropped, ...rest } = entries;
    const withoutOne = zipSync(rest, { level: 0 });
    const rezipped = zipSync(entries, { level: 0 });
    const day = (d: number) => autoBackupFileName(WS, new Date(Date.UTC(2026, 10, d, 8)));
    writeFileSync(join(usbKey, day(20)), withExtra);
    writeFileSync(join(usbKey, day(21)), withoutOne);
    writeFileSync(join(usbKey, day(22)), rezipped);
    writeFileSync(join(usbKey, day(23)), new Uint8Array(0));
    const listed = (await invoke(CHANNELS.writeAutoBackup, { fileName: day(24), data: plain })) as { name: string; complete: boolean }[];
    expect([20, 21, 22, 23, 24].map((d) => listed.find((f) => f.name === day(d))?.complete)).toEqual([false, false, true, false, true]);
  });

  it('a write that fails leaves no temporary file and no half backup, and says so in French', async () => {
    await chooseUsbKey();
    const name = autoBackupFileName(WS, new Date('2026-11-24T10:00:00Z'));
    // A folder in the way of the final name makes the rename fail, as a full or pulled-out key would.
    mkdirSync(join(usbKey, name));
    writeFileSync(join(usbKey, name, 'occupé'), 'x');
    await expect(invoke(CHANNELS.writeAutoBackup, { fileName: name, data: new Uint8Array([1, 2, 3]) })).rejects.toThrow(
      'La sauvegarde automatique n’a pas pu être écrite dans le dossier choisi.',
    );
    expect(readdirSync(usbKey)).toEqual([name]);
  });

  it('deletes only automatic backups, and refuses any other name', async () => {
    await chooseUsbKey();
    const name = autoBackupFileName(WS, new Date('2026-11-01T00:00:00Z'));
    writeFileSync(join(usbKey, name), 'vieille');
    writeFileSync(join(usbKey, 'compta.xlsx'), 'à garder');
    await invoke(CHANNELS.deleteAutoBackups, { names: [name] });
    await expect(invoke(CHANNELS.deleteAutoBackups, { names: ['compta.xlsx'] })).rejects.toThrow(
      'Requête refusée : Ce nom n’est pas celui d’une sauvegarde automatique.',
    );
    await expect(invoke(CHANNELS.deleteAutoBackups, { names: [`../${name}`] })).rejects.toThrow(/Requête refusée/);
    expect(readdirSync(usbKey)).toEqual(['compta.xlsx']);
  });

  it('refuses to write a file that is not named as an automatic backup', async () => {
    await chooseUsbKey();
    await expect(invoke(CHANNELS.writeAutoBackup, { fileName: '../../.bashrc', data: new Uint8Array([1]) })).rejects.toThrow(
      /Requête refusée/,
    );
    expect(readdirSync(usbKey)).toEqual([]);
  });

  // Skipped when run as root (as CI is): root may write into any folder, so the refusal cannot happen.
  it.skipIf(process.getuid?.() === 0)('refuses a folder it cannot write to', async () => {
    chmodSync(usbKey, 0o500);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [usbKey] });
    await expect(invoke(CHANNELS.chooseBackupFolder, { workspaceId: WS })).rejects.toThrow('Passerelle ne peut pas écrire dans ce dossier');
  });
});
