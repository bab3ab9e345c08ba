import { describe, expect, it, vi } from 'vitest';
import type { PasserelleApi } from '../../../src/preload/api';
import { createElectronPlatform } from '../../../src/renderer/src/platform/electron-platform';

function bridge(overrides: Partial<PasserelleApi> = {}): PasserelleApi {
  return {
    saveFile: vi.fn(async () => ({ status: 'saved' as const, fileName: 'a.json' })),
    openFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    appInfo: vi.fn(async () => ({ name: 'Passerelle', version: '1.0.0', platform: 'win32', electronVersion: '40.0.0' })),
    notify: vi.fn(async () => undefined),
    openDocument: vi.fn(async () => undefined),
    chooseBackupFolder: vi.fn(async () => ({ status: 'chosen' as const, folder: '/media/cle-usb/Passerelle' })),
    backupFolder: vi.fn(async () => ({ folder: '/media/cle-usb/Passerelle', available: true })),
    writeAutoBackup: vi.fn(async () => []),
    deleteAutoBackups: vi.fn(async () => undefined),
    saveSyncSecret: vi.fn(async () => ({ status: 'saved' as const })),
    readSyncSecret: vi.fn(async () => ({ status: 'none' as const })),
    ...overrides,
  };
}

describe('Electron platform', () => {
  it('passes the file through the bridge and reports the user’s choice', async () => {
    const api = bridge();
    const platform = createElectronPlatform(api);
    const data = new Uint8Array([1, 2, 3]);
    expect(await platform.saveFile('a.json', data, [{ name: 'JSON', extensions: ['json'] }])).toBe('saved');
    expect(api.saveFile).toHaveBeenCalledWith({
      suggestedName: 'a.json',
      data,
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    expect(await platform.openFile([])).toBeNull();
  });

  it('shows main’s French message without Electron’s technical prefix', async () => {
    const api = bridge({
      openFile: vi.fn(async () => {
        throw new Error("Error invoking remote method 'passerelle:open-file': Error: Ce fichier dépasse 200 Mo.");
      }),
    });
    await expect(createElectronPlatform(api).openFile([])).rejects.toThrow(/^Ce fichier dépasse 200 Mo\.$/);
  });
});
