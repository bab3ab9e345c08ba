import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 640 } as const;

// Smallest piece of the window that must still be on a screen for us to trust the saved position: enough
// to grab the title bar. Less than that means the monitor it was on has been unplugged.
const MIN_VISIBLE = { width: 120, height: 60 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

/** Reads what `serializeWindowState` wrote; anything else (hand-edited, truncated, older) gives null. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const result = windowStateSchema.safeParse(json);
  return result.success ? result.data : null;
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

function intersection(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Fits a rectangle inside a work area, shrinking it first if the screen is smaller than the window. */
function fitInto(bounds: Rectangle, area: Rectangle): Rectangle {
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    width,
    height,
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
  };
}

export function defaultWindowState(primaryWorkArea: Rectangle): WindowState {
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, primaryWorkArea.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, primaryWorkArea.height);
  return {
    bounds: {
      width,
      height,
      x: primaryWorkArea.x + Math.round((primaryWorkArea.width - width) / 2),
      y: primaryWorkArea.y + Math.round((primaryWorkArea.height - height) / 2),
    },
    maximized: false,
  };
}

/**
 * The state to open the window with: the saved one if it is still reachable on one of today's screens
 * (moved fully onto the screen it mostly sits on), otherwise the default, centred on the primary screen.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: readonly Rectangle[], primaryWorkArea: Rectangle): WindowState {
  if (saved === null) return defaultWindowState(primaryWorkArea);
  let best: { area: Rectangle; visible: number } | null = null;
  for (const area of workAreas) {
    const overlap = intersection(saved.bounds, area);
    if (overlap.width < MIN_VISIBLE.width || overlap.height < MIN_VISIBLE.height) continue;
    const visible = overlap.width * overlap.height;
    if (best === null || visible > best.visible) best = { area, visible };
  }
  if (best === null) return { ...defaultWindowState(primaryWorkArea), maximized: saved.maximized };
  return { bounds: fitInto(saved.bounds, best.area), maximized: saved.maximized };
}

export function readWindowStateFile(filePath: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(filePath, 'utf8'));
  } catch {
    return null;
  }
}

export interface WindowStateSaver {
  /** Remembers the latest state and writes it once the window has stopped moving for a while. */
  schedule(state: WindowState): void;
  /** Writes a pending state now: the process may exit before the timer fires. */
  flush(): void;
}

export function createWindowStateSaver(filePath: string, delayMs = 500): WindowStateSaver {
  let pending: WindowState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const state = pending;
    pending = null;
    try {
      // Write then rename, so a crash mid-write leaves the previous file rather than half a JSON.
      const temporaryPath = `${filePath}.tmp`;
      writeFileSync(temporaryPath, serializeWindowState(state), 'utf8');
      renameSync(temporaryPath, filePath);
    } catch {
      // Losing the window's position is not worth an error dialog; the next move tries again.
    }
  }

  return {
    schedule(state) {
      pending = state;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
