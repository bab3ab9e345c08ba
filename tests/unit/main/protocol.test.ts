import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  net: { fetch: vi.fn(async (_url: string) => new Response('contenu', { status: 200 })) },
  shell: { openExternal: vi.fn() },
}));
vi.mock('electron', () => electron);

import { createAppProtocolHandler, resolveAppPath } from '../../../src/main/protocol';

const root = resolve('/opt/passerelle/resources/out/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://passerelle/', 'index.html'],
    ['app://passerelle', 'index.html'],
    ['app://passerelle/index.html', 'index.html'],
    ['app://passerelle/index.html?espace=1#equipe', 'index.html'],
    ['app://passerelle/assets/index-B1a2c3.js', 'assets/index-B1a2c3.js'],
    ['app://passerelle/assets/Roboto%20Medium.ttf', 'assets/Roboto Medium.ttf'],
    ['app://passerelle/assets/', 'assets/index.html'],
    ['app://passerelle/assets//app.css', 'assets/app.css'],
    ['app://passerelle/%C3%A9quipe.png', 'équipe.png'],
    // The URL parser resolves plain dot segments before we see them, inside the root.
    ['app://passerelle/assets/../index.html', 'index.html'],
    ['app://passerelle/../../index.html', 'index.html'],
    // It treats `%2e%2e` and `.%2e` as `..` too, so these stay inside as well.
    ['app://passerelle/%2E%2E/%2E%2E/etc/passwd', 'etc/passwd'],
    ['app://passerelle/assets/.%2e/x', 'x'],
    // Decoded once only: a double-encoded escape is just an odd file name inside the root.
    ['app://passerelle/%252e%252e%252fetc', '%2e%2e%2fetc'],
    ['app://passerelle/..notes.txt', '..notes.txt'],
  ])('maps %s inside the renderer folder', (url, relativePath) => {
    expect(resolveAppPath(root, url)).toBe(join(root, relativePath));
  });

  it.each([
    // Percent-encoded escapes, which a naive decode-then-join would follow.
    'app://passerelle/..%2f..%2f..%2fetc%2fpasswd',
    'app://passerelle/assets/..%2F..%2F..%2Fsecret',
    'app://passerelle/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://passerelle/assets/%2e%2e%5c%2e%2e%5csecret',
    // Backslashes, plain and encoded (a path separator on Windows).
    'app://passerelle/..%5c..%5cWindows%5cwin.ini',
    'app://passerelle/assets%5C..%5C..%5Csecret',
    'app://passerelle/..\\..\\secret',
    // Absolute paths and drive letters once decoded.
    'app://passerelle/%2fetc%2fpasswd',
    'app://passerelle/C:%5cWindows%5cwin.ini',
    'app://passerelle/C%3a/Windows/win.ini',
    // Null bytes and other control characters.
    'app://passerelle/index.html%00.png',
    'app://passerelle/index%0a.html',
    // Malformed percent-encoding.
    'app://passerelle/%E0%A4%A',
    // Other origins and schemes.
    'app://evil/index.html',
    'app://passerelle.evil.example/index.html',
    'app://passerelle:8080/index.html',
    'app://user@passerelle/index.html',
    'https://passerelle/index.html',
    'file:///opt/passerelle/resources/out/renderer/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const attempts = ['..', '%2e%2e', '.%2e', '%2e.', '..%2f', '%2f', '%5c', '..%5c', '%00', 'a'];
    for (const first of attempts) {
      for (const second of attempts) {
        const resolved = resolveAppPath(root, `app://passerelle/${first}/${second}/x`);
        if (resolved !== null) expect(resolved.startsWith(`${root}/`) || resolved.startsWith(`${root}\\`)).toBe(true);
      }
    }
  });
});

describe('createAppProtocolHandler', () => {
  let rendererRoot: string;

  beforeAll(() => {
    rendererRoot = mkdtempSync(join(tmpdir(), 'passerelle-renderer-'));
    mkdirSync(join(rendererRoot, 'assets'));
    writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html>');
    writeFileSync(join(rendererRoot, 'assets', 'app.js'), 'export {};');
  });

  afterAll(() => {
    rmSync(rendererRoot, { recursive: true, force: true });
  });

  beforeEach(() => {
    electron.net.fetch.mockClear();
  });

  it('serves a file of the renderer through net.fetch on its file:// URL', async () => {
    const handler = createAppProtocolHandler(rendererRoot);
    const response = await handler(new Request('app://passerelle/assets/app.js'));
    expect(response.status).toBe(200);
    expect(electron.net.fetch).toHaveBeenCalledWith(pathToFileURL(join(rendererRoot, 'assets', 'app.js')).toString());
  });

  it('serves index.html for the root', async () => {
    const handler = createAppProtocolHandler(rendererRoot);
    await handler(new Request('app://passerelle/'));
    expect(electron.net.fetch).toHaveBeenCalledWith(pathToFileURL(join(rendererRoot, 'index.html')).toString());
  });

  it.each([
    'app://passerelle/..%2f..%2fetc%2fpasswd',
    'app://evil/index.html',
    'app://passerelle/absent.js',
    // A directory without a trailing slash: Chromium would answer with a listing of its files.
    'app://passerelle/assets',
  ])('answers 404 without reading anything for %s', async (url) => {
    const handler = createAppProtocolHandler(rendererRoot);
    const response = await handler(new Request(url));
    expect(response.status).toBe(404);
    expect(electron.net.fetch).not.toHaveBeenCalled();
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handler = createAppProtocolHandler(rendererRoot);
    const response = await handler(new Request('app://passerelle/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expect(electron.net.fetch).not.toHaveBeenCalled();
  });
});
