import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWindowStateSaver,
  defaultWindowState,
  parseWindowState,
  readWindowStateFile,
  restoreWindowState,
  serializeWindowState,
  type Rectangle,
  type WindowState,
} from '../../../src/main/window-state';

const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
// A second monitor on the left of the laptop, as Windows and macOS place it: negative coordinates.
const leftMonitor: Rectangle = { x: -2560, y: 0, width: 2560, height: 1400 };

describe('defaultWindowState', () => {
  it('centres a 1280×820 window on the primary screen', () => {
    expect(defaultWindowState(laptop)).toEqual({
      bounds: { x: 320, y: 110, width: 1280, height: 820 },
      maximized: false,
    });
  });

  it('fits a small screen', () => {
    const small: Rectangle = { x: 0, y: 25, width: 1366, height: 720 };
    expect(defaultWindowState(small).bounds).toEqual({ x: 43, y: 25, width: 1280, height: 720 });
  });
});

describe('parseWindowState', () => {
  it('reads back what was written', () => {
    const state: WindowState = { bounds: { x: -2000, y: 40, width: 1400, height: 900 }, maximized: true };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });

  it.each([
    ['nothing saved yet', null],
    ['empty file', ''],
    ['truncated write', '{"bounds":{"x":10,'],
    ['not an object', '42'],
    ['missing maximized', '{"bounds":{"x":0,"y":0,"width":1000,"height":700}}'],
    ['strings for numbers', '{"bounds":{"x":"0","y":0,"width":1000,"height":700},"maximized":false}'],
    ['zero width', '{"bounds":{"x":0,"y":0,"width":0,"height":700},"maximized":false}'],
    ['negative height', '{"bounds":{"x":0,"y":0,"width":1000,"height":-5},"maximized":false}'],
    ['fractional pixels', '{"bounds":{"x":0.5,"y":0,"width":1000,"height":700},"maximized":false}'],
    ['absurd size', '{"bounds":{"x":0,"y":0,"width":1e9,"height":700},"maximized":false}'],
  ])('gives null for %s', (_label, text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('restoreWindowState', () => {
  it('keeps a window that is fully on a screen', () => {
    const saved: WindowState = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual(saved);
  });

  it('keeps a window on a secondary monitor at negative coordinates', () => {
    const saved: WindowState = { bounds: { x: -2400, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoreWindowState(saved, [laptop, leftMonitor], laptop)).toEqual(saved);
  });

  it('falls back to the default when the monitor it was on is unplugged, keeping maximized', () => {
    const saved: WindowState = { bounds: { x: -2400, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({
      ...defaultWindowState(laptop),
      maximized: true,
    });
  });

  it('falls back to the default when only a sliver would be visible', () => {
    const saved: WindowState = { bounds: { x: 1880, y: 200, width: 1200, height: 800 }, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual(defaultWindowState(laptop));
  });

  it('moves a partly off-screen window fully onto its screen', () => {
    const saved: WindowState = { bounds: { x: 1200, y: -100, width: 1200, height: 800 }, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({ x: 720, y: 0, width: 1200, height: 800 });
  });

  it('shrinks a window saved on a bigger screen', () => {
    const saved: WindowState = { bounds: { x: 0, y: 0, width: 2500, height: 1400 }, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual(laptop);
  });

  it('uses the default when nothing valid was saved', () => {
    expect(restoreWindowState(null, [laptop], laptop)).toEqual(defaultWindowState(laptop));
  });
});

describe('window-state.json on disk', () => {
  let folder: string;
  let filePath: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'passerelle-window-state-'));
    filePath = join(folder, 'window-state.json');
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads a missing or malformed file as nothing saved', () => {
    expect(readWindowStateFile(filePath)).toBeNull();
    writeFileSync(filePath, '{ not json');
    expect(readWindowStateFile(filePath)).toBeNull();
  });

  it('writes only the last state, once the window has stopped moving', () => {
    vi.useFakeTimers();
    const saver = createWindowStateSaver(filePath, 500);
    const last: WindowState = { bounds: { x: 30, y: 40, width: 1100, height: 700 }, maximized: false };

    saver.schedule({ bounds: { x: 10, y: 10, width: 1000, height: 700 }, maximized: false });
    vi.advanceTimersByTime(400);
    saver.schedule({ bounds: { x: 20, y: 20, width: 1000, height: 700 }, maximized: false });
    vi.advanceTimersByTime(400);
    saver.schedule(last);
    expect(existsSync(filePath)).toBe(false);

    vi.advanceTimersByTime(500);
    expect(readWindowStateFile(filePath)).toEqual(last);
    expect(existsSync(`${filePath}.tmp`)).toBe(false);
  });

  it('writes a pending state immediately on flush, as when the window closes', () => {
    vi.useFakeTimers();
    const saver = createWindowStateSaver(filePath, 500);
    const state: WindowState = { bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: true };
    saver.schedule(state);
    saver.flush();
    expect(JSON.parse(readFileSync(filePath, 'utf8'))).toEqual(state);
  });

  it('does not throw when the folder cannot be written', () => {
    const saver = createWindowStateSaver(join(folder, 'missing-folder', 'window-state.json'), 500);
    saver.schedule({ bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: false });
    expect(() => saver.flush()).not.toThrow();
  });
});
