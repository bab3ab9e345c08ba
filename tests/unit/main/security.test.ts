import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
}));
vi.mock('electron', () => electron);

import type { WebContents } from 'electron';
import { APP_ORIGIN } from '../../../src/preload/api';
import {
  debugSwitchIn,
  hardenWebContents,
  isAllowedExternalUrl,
  isAllowedSender,
  originOf,
  secureWebPreferences,
} from '../../../src/main/security';

describe('secureWebPreferences', () => {
  it('keeps Node out of the page and the page isolated from the preload', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs', { devTools: false });
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  // Each of these, flipped, gives a page more than the checklist allows: experimental web platform
  // features, Blink features beyond the stable set, or a dropped file replacing the app by that file.
  it('turns experimental and Blink features off and never navigates to a dropped file', () => {
    const preferences = secureWebPreferences('/p.cjs', { devTools: true });
    expect(preferences.experimentalFeatures).toBe(false);
    expect(preferences.navigateOnDragDrop).toBe(false);
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences).not.toHaveProperty('disableBlinkFeatures');
    expect(preferences.safeDialogs).toBe(true);
  });

  it('gives devtools only when asked', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: false }).devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });
});

describe('debugSwitchIn', () => {
  it.each([
    [['/opt/Passerelle/passerelle', '--remote-debugging-port=9222'], 'remote-debugging-port'],
    [['passerelle', '--remote-debugging-pipe'], 'remote-debugging-pipe'],
    [['passerelle', '-remote-debugging-port=9222'], 'remote-debugging-port'],
    [['passerelle', '--inspect'], 'inspect'],
    [['passerelle', '--inspect=0.0.0.0:9229'], 'inspect'],
    [['passerelle', '--inspect-brk=9229'], 'inspect-brk'],
    [['passerelle', '--INSPECT-PORT=1'], 'inspect-port'],
    [['passerelle', '--js-flags=--allow-natives-syntax'], 'js-flags'],
  ])('finds the debugging switch in %j', (argv, expected) => {
    expect(debugSwitchIn(argv, 'linux')).toBe(expected);
  });

  it('reads /switch as a switch on Windows only (elsewhere it is a path)', () => {
    expect(debugSwitchIn(['C:\\Passerelle.exe', '/remote-debugging-port=9222'], 'win32')).toBe('remote-debugging-port');
    expect(debugSwitchIn(['/opt/Passerelle/passerelle', '/inspect'], 'linux')).toBeNull();
  });

  it.each([
    [['/opt/Passerelle/passerelle']],
    [['passerelle', '--lang=fr-FR', '--no-sandbox-and-elevated']],
    [['passerelle', '--inspector-of-nothing', '--remote-debugging']],
    [['passerelle', 'inspect']],
  ])('lets an ordinary command line through: %j', (argv) => {
    expect(debugSwitchIn(argv, 'linux')).toBeNull();
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://www.associations.gouv.fr/', true],
    ['https://lecompteasso.associations.gouv.fr/dossier?id=12#etape-2', true],
    ['HTTPS://WWW.URSSAF.FR/', true],
    ['https://192.0.2.10/', true],
    ['mailto:tresorier@asso-exemple.fr', true],
    ['mailto:tresorier@asso-exemple.fr?subject=Subvention%202026', true],
    ['MAILTO:contact@asso-exemple.fr', true],
  ])('opens %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it.each([
    // Look-alikes the URL parser would "repair" into https://evil.example/.
    'https:evil.example',
    'https:/evil.example',
    'https:\\\\evil.example',
    // Credentials make the visible host differ from the real one.
    'https://impots.gouv.fr@evil.example/',
    'https://user:motdepasse@evil.example/',
    // Other schemes.
    'http://www.associations.gouv.fr/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://passerelle/index.html',
    'ftp://example.org/',
    'vbscript:msgbox(1)',
    // Characters a parser strips or trims, hiding what is really opened.
    ' https://example.org/',
    'https://exa\tmple.org/',
    'https://example.org/\n',
    'https://exam\u0000ple.org/',
    // Not URLs, or empty ones.
    'https://',
    'https:',
    'mailto:',
    'www.example.org',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('origins and senders', () => {
  it('rebuilds the app:// origin that Node reports as "null"', () => {
    expect(new URL('app://passerelle/index.html').origin).toBe('null');
    expect(originOf('app://passerelle/index.html')).toBe(APP_ORIGIN);
  });

  it.each([
    ['app://passerelle/index.html', true],
    ['app://passerelle/', true],
    ['app://passerelle/deep/route?x=1#y', true],
    ['app://passerelle.evil.example/', false],
    ['app://evil/', false],
    ['app://passerelle:8080/', false],
    ['app://x@passerelle/', false],
    ['https://evil.example/', false],
    ['http://localhost:5173/', false],
    ['file:///home/user/index.html', false],
    ['about:blank', false],
    ['data:text/html,hello', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%j is an allowed sender in production: %s', (url, allowed) => {
    expect(isAllowedSender(url, [APP_ORIGIN])).toBe(allowed);
  });

  it('accepts the dev server only when it is in the allowed list', () => {
    expect(isAllowedSender('http://localhost:5173/index.html', [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
    expect(isAllowedSender('http://localhost:5174/', [APP_ORIGIN, 'http://localhost:5173'])).toBe(false);
  });
});

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
      windowOpenHandler = handler;
    }),
  };
  return {
    contents: contents as unknown as WebContents,
    emit(name: string, url?: string) {
      const listener = listeners.get(name);
      if (listener === undefined) throw new Error(`no listener for ${name}`);
      const event = { url, preventDefault: vi.fn() };
      listener(event);
      return event;
    },
    openWindow(url: string) {
      if (windowOpenHandler === undefined) throw new Error('no window open handler');
      return windowOpenHandler({ url });
    },
  };
}

describe('hardenWebContents', () => {
  beforeEach(() => {
    electron.shell.openExternal.mockClear();
  });

  it('lets the page navigate within its own origin', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, [APP_ORIGIN]);
    expect(page.emit('will-navigate', 'app://passerelle/index.html').preventDefault).not.toHaveBeenCalled();
    expect(page.emit('will-redirect', 'app://passerelle/index.html').preventDefault).not.toHaveBeenCalled();
  });

  it('stops navigation elsewhere, opening only allowed web pages in the browser', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, [APP_ORIGIN]);

    expect(page.emit('will-navigate', 'https://www.associations.gouv.fr/').preventDefault).toHaveBeenCalledOnce();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.associations.gouv.fr/');

    electron.shell.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'http://evil.example/', 'javascript:alert(1)', 'app://evil/']) {
      expect(page.emit('will-navigate', url).preventDefault).toHaveBeenCalledOnce();
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('stops redirects to other origins without opening them', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, [APP_ORIGIN]);
    expect(page.emit('will-redirect', 'https://evil.example/').preventDefault).toHaveBeenCalledOnce();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('never opens a new window, and hands allowed links to the browser', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, [APP_ORIGIN]);

    expect(page.openWindow('https://www.service-public.fr/associations')).toEqual({ action: 'deny' });
    expect(page.openWindow('mailto:contact@asso-exemple.fr')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://www.service-public.fr/associations'],
      ['mailto:contact@asso-exemple.fr'],
    ]);

    electron.shell.openExternal.mockClear();
    for (const url of ['app://passerelle/index.html', 'https:evil.example', 'file:///etc/passwd', 'http://x.example/']) {
      expect(page.openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const page = fakeWebContents();
    hardenWebContents(page.contents, [APP_ORIGIN]);
    expect(page.emit('will-attach-webview').preventDefault).toHaveBeenCalledOnce();
  });
});
