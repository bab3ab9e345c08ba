import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  type Listener = () => void;
  class FakeWebContents {
    readonly listeners = new Map<string, ((event: { preventDefault: () => void }) => void)[]>();
    on(name: string, listener: (event: { preventDefault: () => void }) => void) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    emit(name: string, event: { preventDefault: () => void }) {
      for (const listener of this.listeners.get(name) ?? []) listener(event);
    }
  }
  class FakeBrowserWindow {
    readonly webContents = new FakeWebContents();
    static created: FakeBrowserWindow[] = [];
    readonly listeners = new Map<string, Listener[]>();
    bounds: { x: number; y: number; width: number; height: number };
    maximized = false;
    shown = false;
    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      this.bounds = {
        x: options.x as number,
        y: options.y as number,
        width: options.width as number,
        height: options.height as number,
      };
      FakeBrowserWindow.created.push(this);
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    emit(name: string) {
      for (const listener of this.listeners.get(name) ?? []) listener();
    }
    maximize() {
      this.maximized = true;
    }
    show() {
      this.shown = true;
    }
    isMaximized() {
      return this.maximized;
    }
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    getNormalBounds() {
      return this.bounds;
    }
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    BrowserWindow: FakeBrowserWindow,
    screen: {
      getAllDisplays: () => [{ workArea }],
      getPrimaryDisplay: () => ({ workArea }),
    },
    shell: { openExternal: vi.fn() },
    dialog: { showMessageBoxSync: vi.fn<(window: unknown, options: { buttons: string[] }) => number>(() => 1) },
  };
});
vi.mock('electron', () => electron);

import { createMainWindow } from '../../../src/main/window';
import { readWindowStateFile, serializeWindowState } from '../../../src/main/window-state';

describe('createMainWindow', () => {
  let folder: string;
  let windowStatePath: string;

  beforeEach(() => {
    electron.BrowserWindow.created.length = 0;
    folder = mkdtempSync(join(tmpdir(), 'passerelle-window-'));
    windowStatePath = join(folder, 'window-state.json');
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  function create(devTools = true) {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', windowStatePath, devTools });
    const window = electron.BrowserWindow.created.at(-1);
    if (window === undefined) throw new Error('no window created');
    return window;
  }

  it('creates the window with a sandboxed, isolated renderer without Node', () => {
    const { options } = create();
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has devtools only when asked (never in a packaged app)', () => {
    expect(create(false).options.webPreferences).toMatchObject({ devTools: false });
    expect(create(true).options.webPreferences).toMatchObject({ devTools: true });
  });

  it('is titled Passerelle, hidden until painted, and no smaller than 960×640', () => {
    const window = create();
    expect(window.options).toMatchObject({ title: 'Passerelle', show: false, minWidth: 960, minHeight: 640 });
    expect(typeof window.options.backgroundColor).toBe('string');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('asks before a close would lose a form’s unsaved changes: leaving closes, staying keeps the window', () => {
    const window = create();
    const stay = { preventDefault: vi.fn() };
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    window.webContents.emit('will-prevent-unload', stay);
    expect(electron.dialog.showMessageBoxSync.mock.calls.at(-1)?.[1].buttons).toEqual(['Quitter sans enregistrer', 'Rester']);
    expect(stay.preventDefault).not.toHaveBeenCalled();

    const leave = { preventDefault: vi.fn() };
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    window.webContents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalledOnce();
  });

  it('opens with the default size when nothing was saved', () => {
    const { options } = create();
    expect(options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820 });
  });

  it('restores the saved bounds and maximises when shown', () => {
    writeFileSync(windowStatePath, serializeWindowState({ bounds: { x: 50, y: 60, width: 1100, height: 700 }, maximized: true }));
    const window = create();
    expect(window.options).toMatchObject({ x: 50, y: 60, width: 1100, height: 700 });
    expect(window.maximized).toBe(false);
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
  });

  it('ignores a malformed window-state.json', () => {
    writeFileSync(windowStatePath, '{"bounds":');
    expect(create().options).toMatchObject({ width: 1280, height: 820 });
  });

  it('saves its bounds when closed', () => {
    const window = create();
    window.bounds = { x: 10, y: 20, width: 1000, height: 700 };
    window.emit('move');
    window.emit('close');
    expect(readWindowStateFile(windowStatePath)).toEqual({
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: false,
    });
  });
});
