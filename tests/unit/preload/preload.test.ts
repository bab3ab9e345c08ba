import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })) },
}));
vi.mock('electron', () => electron);

import { CHANNELS } from '../../../src/preload/api';

describe('the preload bridge', () => {
  let exposed: Record<string, unknown>;

  beforeAll(async () => {
    await import('../../../src/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(key).toBe('passerelle');
    exposed = api as Record<string, unknown>;
  });

  it('exposes exactly one function per channel of the contract, and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual(Object.keys(CHANNELS).sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('does not hand the page ipcRenderer or any of its methods', () => {
    for (const value of Object.values(exposed)) {
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toBe(electron.ipcRenderer.invoke);
    }
  });

  const WITHOUT_ARGUMENT: readonly string[] = ['appInfo'];

  it.each(Object.keys(CHANNELS).filter((name) => !WITHOUT_ARGUMENT.includes(name)) as (keyof typeof CHANNELS)[])(
    '%s invokes its own channel with the request',
    async (name) => {
      electron.ipcRenderer.invoke.mockClear();
      const request = { marqueur: name };
      const call = exposed[name] as (request: unknown) => Promise<unknown>;
      await expect(call(request)).resolves.toEqual({ channel: CHANNELS[name], args: [request] });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(CHANNELS[name], request);
    },
  );

  it.each(WITHOUT_ARGUMENT as (keyof typeof CHANNELS)[])('%s invokes its channel without arguments', async (name) => {
    electron.ipcRenderer.invoke.mockClear();
    const call = exposed[name] as (...args: unknown[]) => Promise<unknown>;
    // Even if the page passes something, nothing reaches the main process.
    await expect(call('ignoré')).resolves.toEqual({ channel: CHANNELS[name], args: [] });
  });

  it('imports only electron and the contract, so the bundle stays one sandbox-safe file', () => {
    const source = readFileSync(fileURLToPath(new URL('../../../src/preload/index.ts', import.meta.url)), 'utf8');
    const imported = [...source.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
    expect(imported.sort()).toEqual(['./api', 'electron']);
    expect(source).not.toMatch(/process\.env|require\(/);
  });
});
