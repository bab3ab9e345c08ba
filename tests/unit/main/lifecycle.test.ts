import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The whole of Electron as src/main/index.ts sees it, recording what is called and in which order.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const state = {
    log: [] as string[],
    appListeners: new Map<string, Listener[]>(),
    isPackaged: false,
    hasLock: true,
    userData: '',
    resolveReady: () => {},
    windows: [] as FakeBrowserWindow[],
    permissionRequestHandler: undefined as undefined | Listener,
    permissionCheckHandler: undefined as undefined | ((...args: unknown[]) => boolean),
    devicePermissionHandler: undefined as undefined | ((...args: unknown[]) => boolean),
  };

  class FakeBrowserWindow {
    readonly listeners = new Map<string, Listener[]>();
    loadedUrl = '';
    minimized = true;
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
      state.log.push('new BrowserWindow');
    }
    static getAllWindows() {
      return state.windows;
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    loadURL = vi.fn(async (url: string) => {
      this.loadedUrl = url;
    });
    // The unsaved-changes question on close listens here (src/main/window.ts).
    webContents = { on: vi.fn() };
    isMinimized() {
      return this.minimized;
    }
    restore = vi.fn(() => {
      this.minimized = false;
    });
    show = vi.fn();
    focus = vi.fn();
    isMaximized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
  }

  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    setPath: vi.fn((name: string, value: string) => {
      state.log.push(`setPath ${name}`);
      if (name === 'userData') state.userData = value;
    }),
    getPath: vi.fn((name: string) => (name === 'userData' ? state.userData : `/home/marie/${name}`)),
    getVersion: () => '0.1.0',
    getName: () => 'passerelle',
    enableSandbox: vi.fn(() => state.log.push('enableSandbox')),
    commandLine: { appendSwitch: vi.fn((name: string, value: string) => state.log.push(`switch ${name}=${value}`)) },
    requestSingleInstanceLock: vi.fn(() => {
      state.log.push('requestSingleInstanceLock');
      return state.hasLock;
    }),
    whenReady: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          state.resolveReady = () => {
            state.log.push('ready');
            resolve();
          };
        }),
    ),
    on: vi.fn((name: string, listener: Listener) => {
      state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), listener]);
      return app;
    }),
    quit: vi.fn(() => state.log.push('quit')),
    exit: vi.fn(),
  };

  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    state,
    electron: {
      app,
      BrowserWindow: FakeBrowserWindow,
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => state.log.push('registerSchemesAsPrivileged')),
        handle: vi.fn(() => state.log.push('protocol.handle')),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn((handler: Listener) => {
            state.permissionRequestHandler = handler;
          }),
          setPermissionCheckHandler: vi.fn((handler: (...args: unknown[]) => boolean) => {
            state.permissionCheckHandler = handler;
          }),
          setDevicePermissionHandler: vi.fn((handler: (...args: unknown[]) => boolean) => {
            state.devicePermissionHandler = handler;
          }),
        },
      },
      Menu: {
        buildFromTemplate: vi.fn((template: unknown) => ({ template })),
        setApplicationMenu: vi.fn(() => state.log.push('setApplicationMenu')),
      },
      ipcMain: { handle: vi.fn() },
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
      screen: { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }) },
      shell: { openExternal: vi.fn(async () => undefined) },
      net: { fetch: vi.fn() },
      Notification: { isSupported: () => false },
    },
  };
});
vi.mock('electron', () => fake.electron);

import { CHANNELS } from '../../../src/preload/api';

const { state, electron } = fake;

function emitApp(name: string, ...args: unknown[]): void {
  for (const listener of state.appListeners.get(name) ?? []) listener(...args);
}

async function startApp(): Promise<void> {
  vi.resetModules();
  await import('../../../src/main/index');
}

async function becomeReady(): Promise<void> {
  state.resolveReady();
  // Let start() run past its `await app.whenReady()`.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

let userData: string;
const originalPlatform = process.platform;

beforeEach(() => {
  vi.clearAllMocks();
  userData = mkdtempSync(join(tmpdir(), 'passerelle-lifecycle-'));
  Object.assign(state, {
    log: [],
    isPackaged: false,
    hasLock: true,
    userData: '/home/marie/.config/passerelle',
    windows: [],
    permissionRequestHandler: undefined,
    permissionCheckHandler: undefined,
    devicePermissionHandler: undefined,
  });
  state.appListeners.clear();
  vi.stubEnv('PASSERELLE_USER_DATA', userData);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
});

const originalArgv = process.argv;

afterEach(() => {
  process.argv = originalArgv;
  vi.unstubAllEnvs();
  Object.defineProperty(process, 'platform', { value: originalPlatform });
  rmSync(userData, { recursive: true, force: true });
});

describe('before ready', () => {
  it('registers app:// as a privileged scheme, and creates nothing yet', async () => {
    await startApp();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(state.log).not.toContain('ready');
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
  });

  it('moves the profile to PASSERELLE_USER_DATA before taking the single-instance lock', async () => {
    await startApp();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(state.log.indexOf('setPath userData')).toBeLessThan(state.log.indexOf('requestSingleInstanceLock'));
  });

  it('ignores PASSERELLE_USER_DATA in a packaged app', async () => {
    state.isPackaged = true;
    await startApp();
    expect(electron.app.setPath).not.toHaveBeenCalled();
  });

  it('sandboxes every renderer', async () => {
    await startApp();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('asks Chromium for French, so that date inputs read jj/mm/aaaa', async () => {
    await startApp();
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'fr-FR');
    expect(state.log).not.toContain('ready');
  });
});

describe('on ready', () => {
  it('serves app://, denies permissions, installs the menu and IPC, then opens the window', async () => {
    await startApp();
    await becomeReady();

    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    // One handler per channel of the contract.
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(Object.keys(CHANNELS).length);
    expect(state.log.slice(state.log.indexOf('ready'))).toEqual(['ready', 'protocol.handle', 'setApplicationMenu', 'new BrowserWindow']);
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]?.loadedUrl).toBe('app://passerelle/index.html');
  });

  it('denies every permission request and check', async () => {
    await startApp();
    await becomeReady();
    const callback = vi.fn();
    state.permissionRequestHandler?.({}, 'media', callback, {});
    state.permissionRequestHandler?.({}, 'notifications', callback, {});
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(state.permissionCheckHandler?.(null, 'geolocation', 'app://passerelle', {})).toBe(false);
    expect(state.permissionCheckHandler?.(null, 'clipboard-read', 'app://passerelle', {})).toBe(false);
  });

  // WebUSB, WebHID, Web Serial and Bluetooth: a page granted a device could talk to a USB key or a card
  // reader without a dialog.
  it('denies every device permission (USB, HID, serial)', async () => {
    await startApp();
    await becomeReady();
    expect(electron.session.defaultSession.setDevicePermissionHandler).toHaveBeenCalledOnce();
    for (const deviceType of ['usb', 'hid', 'serial', 'bluetooth']) {
      expect(state.devicePermissionHandler?.({ deviceType, origin: 'app://passerelle', device: {} })).toBe(false);
    }
  });

  it('opens the window with devtools in development only', async () => {
    await startApp();
    await becomeReady();
    expect(state.windows[0]?.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('loads the dev server in development', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await startApp();
    await becomeReady();
    expect(state.windows[0]?.loadedUrl).toBe('http://localhost:5173');
  });

  it('never loads ELECTRON_RENDERER_URL in a packaged app', async () => {
    state.isPackaged = true;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    await startApp();
    await becomeReady();
    expect(state.windows[0]?.loadedUrl).toBe('app://passerelle/index.html');
  });

  it('hardens every web contents created, using the allowed origins', async () => {
    await startApp();
    const listeners = new Map<string, (event: { url: string; preventDefault: () => void }) => void>();
    const contents = {
      on: vi.fn((name: string, listener: (event: { url: string; preventDefault: () => void }) => void) => {
        listeners.set(name, listener);
      }),
      setWindowOpenHandler: vi.fn(),
    };
    emitApp('web-contents-created', {}, contents);
    const navigateAway = { url: 'https://evil.example/', preventDefault: vi.fn() };
    const navigateHome = { url: 'app://passerelle/index.html', preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(navigateAway);
    listeners.get('will-navigate')?.(navigateHome);
    expect(navigateAway.preventDefault).toHaveBeenCalledOnce();
    expect(navigateHome.preventDefault).not.toHaveBeenCalled();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});

describe('debugging switches', () => {
  it('refuses to start a packaged app with remote debugging, before taking the lock or opening anything', async () => {
    state.isPackaged = true;
    process.argv = ['/opt/Passerelle/passerelle', '--remote-debugging-port=9222'];
    await startApp();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledOnce();
    expect(String(electron.dialog.showErrorBox.mock.calls[0]?.[1])).toContain('--remote-debugging-port');
    expect(state.log).not.toContain('requestSingleInstanceLock');
    expect(state.windows).toHaveLength(0);
  });

  it('refuses the Node inspector too', async () => {
    state.isPackaged = true;
    process.argv = ['/opt/Passerelle/passerelle', '--inspect-brk=0.0.0.0:9229'];
    await startApp();
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('starts a packaged app without those switches, devtools off', async () => {
    state.isPackaged = true;
    process.argv = ['/opt/Passerelle/passerelle', '--lang=fr-FR'];
    await startApp();
    await becomeReady();
    expect(electron.app.exit).not.toHaveBeenCalled();
    expect(state.windows[0]?.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('lets development builds keep them (the Electron test driver uses them)', async () => {
    process.argv = ['electron', '.', '--remote-debugging-port=0', '--inspect=0'];
    await startApp();
    await becomeReady();
    expect(electron.app.exit).not.toHaveBeenCalled();
    expect(state.windows).toHaveLength(1);
  });
});

describe('single instance', () => {
  it('quits a second launch without opening anything', async () => {
    state.hasLock = false;
    await startApp();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(state.appListeners.has('second-instance')).toBe(false);
  });

  it('brings the first window back when a second launch is attempted', async () => {
    await startApp();
    await becomeReady();
    const window = state.windows[0];
    emitApp('second-instance');
    expect(window?.restore).toHaveBeenCalledOnce();
    expect(window?.focus).toHaveBeenCalledOnce();
  });
});

describe('closing the last window', () => {
  it('quits on Windows and Linux', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    await startApp();
    emitApp('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
  });

  it('keeps the app running on macOS', async () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    await startApp();
    emitApp('window-all-closed');
    expect(electron.app.quit).not.toHaveBeenCalled();
  });
});
