import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The sync password in Electron: sealed by the OS keychain (safeStorage), never in clear on disk, and
// refused — not written — where no keychain exists. The handlers are reached through the IPC guard.

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const paths = { userData: '/tmp' };
  const keychain = { available: true };
  return {
    handlers,
    paths,
    keychain,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => handlers.set(channel, handler)),
    },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    app: { getPath: vi.fn(() => paths.userData), getVersion: vi.fn(() => '1.2.3') },
    BrowserWindow: { fromWebContents: vi.fn(() => null) },
    Notification: class {},
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
    // A stand-in keychain: reversible, and visibly not the clear text.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => keychain.available),
      encryptString: vi.fn((text: string) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x5a))),
      decryptString: vi.fn((sealed: Buffer) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString('utf8')),
    },
  };
});
vi.mock('electron', () => electron);

import { CHANNELS } from '../../../src/preload/api';
import { registerIpcHandlers } from '../../../src/main/ipc';

const fromApp = { sender: { id: 1 }, senderFrame: { url: 'app://passerelle/index.html' } };
const fromElsewhere = { sender: { id: 2 }, senderFrame: { url: 'https://example.org/' } };
const WS = '0f8e2d7a-3c4b-4e5f-9a1b-2c3d4e5f6a7b';
const invoke = (channel: string, event: unknown, ...args: unknown[]) => electron.handlers.get(channel)!(event, ...args);

let userData: string;
beforeEach(() => {
  electron.handlers.clear();
  electron.keychain.available = true;
  userData = mkdtempSync(join(tmpdir(), 'passerelle-secrets-'));
  electron.paths.userData = userData;
  registerIpcHandlers(['app://passerelle']);
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('sync password through safeStorage', () => {
  it('keeps it sealed on disk and gives it back to the app', async () => {
    expect(await invoke(CHANNELS.saveSyncSecret, fromApp, { workspaceId: WS, password: 'mot-de-passe-awa' })).toEqual({ status: 'saved' });
    expect(readFileSync(join(userData, 'sync-secrets.json'), 'utf8')).not.toContain('mot-de-passe-awa');
    expect(await invoke(CHANNELS.readSyncSecret, fromApp, { workspaceId: WS })).toEqual({ status: 'found', password: 'mot-de-passe-awa' });
    // An empty password forgets it.
    await invoke(CHANNELS.saveSyncSecret, fromApp, { workspaceId: WS, password: '' });
    expect(await invoke(CHANNELS.readSyncSecret, fromApp, { workspaceId: WS })).toEqual({ status: 'none' });
  });

  it('writes nothing where the OS has no keychain', async () => {
    electron.keychain.available = false;
    expect(await invoke(CHANNELS.saveSyncSecret, fromApp, { workspaceId: WS, password: 'secret' })).toEqual({ status: 'unavailable' });
    expect(() => readFileSync(join(userData, 'sync-secrets.json'), 'utf8')).toThrow();
  });

  it('refuses another origin, a malformed espace id and extra arguments', async () => {
    await expect(invoke(CHANNELS.readSyncSecret, fromElsewhere, { workspaceId: WS })).rejects.toThrow();
    await expect(invoke(CHANNELS.readSyncSecret, fromApp, { workspaceId: '../../etc' })).rejects.toThrow(/Requête refusée/);
    await expect(invoke(CHANNELS.saveSyncSecret, fromApp, { workspaceId: WS, password: 'x' }, 'extra')).rejects.toThrow();
  });
});
