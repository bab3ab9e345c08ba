import { shell, type WebContents, type WebPreferences } from 'electron';

/**
 * The renderer holds all the data but must never hold Node: a compromised page (a malicious import, a
 * bug in a dependency) would otherwise read and write the whole disk. These flags are the ones Electron's
 * security checklist asks for; tests fail if any of them changes.
 */
export function secureWebPreferences(preloadPath: string, { devTools }: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    // Off in packaged builds: the devtools console reads and writes every database of the origin, which is
    // what the lock keeps from someone at an unlocked session's keyboard.
    devTools,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // No `enableBlinkFeatures`: every Blink feature beyond the stable ones stays off (a test pins it).
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

// Switches that open the process to a debugger: DevTools over a port or a pipe (Chromium) and the Node
// inspector. The fuse `enableNodeCliInspectArguments` covers the Node ones in a packaged app, but not
// Chromium's remote debugging, which hands every page and database to whoever connects.
const DEBUG_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'js-flags',
];

/**
 * The first debugging switch of a command line, or null. Chromium reads `--name`, `-name` and, on Windows,
 * `/name`, each optionally followed by `=value`; names are compared in lower case, which refuses more than
 * Chromium would read, never less.
 */
export function debugSwitchIn(argv: readonly string[], platform: NodeJS.Platform = process.platform): string | null {
  for (const argument of argv) {
    const match = /^(?:--?|\/)([^=]+)/.exec(argument);
    if (match === null || (argument.startsWith('/') && platform !== 'win32')) continue;
    const name = (match[1] ?? '').toLowerCase();
    if (DEBUG_SWITCHES.includes(name)) return name;
  }
  return null;
}

/** C0 controls and DEL: never legitimate in a file name or a URL, and a classic way to smuggle input. */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

// A URL parser silently drops tabs and newlines and trims spaces: refusing them means the string we
// check is the string the user would see.
function hasWhitespaceOrControl(text: string): boolean {
  return hasControlCharacter(text) || /\s/.test(text);
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The origin as Chromium sees it. Node's URL gives `"null"` as the origin of any non-special scheme, so
 * `app://passerelle` must be rebuilt by hand; other schemes (file:, data:, blob:…) have no origin we trust.
 */
export function originOf(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:' && parsed.protocol !== 'app:') {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Whether a frame (an IPC sender, a navigation target) belongs to one of our own origins. */
export function isAllowedSender(frameUrl: string | null | undefined, allowedOrigins: readonly string[]): boolean {
  if (typeof frameUrl !== 'string') return false;
  const origin = originOf(frameUrl);
  return origin !== null && allowedOrigins.includes(origin);
}

/**
 * Only web pages over TLS and e-mail drafts may leave the app. The raw string must already start with the
 * scheme and `//`, because the URL parser "repairs" look-alikes such as `https:evil.example` into
 * `https://evil.example/`. Credentials are refused: `https://impots.gouv.fr@evil.example` is a phishing
 * classic that displays one host and opens another.
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (hasWhitespaceOrControl(url)) return false;
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'https:') {
    return /^https:\/\//i.test(url) && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  }
  if (parsed.protocol === 'mailto:') {
    return /^mailto:/i.test(url) && parsed.pathname !== '';
  }
  return false;
}

function openExternallyIfAllowed(url: string): void {
  if (!isAllowedExternalUrl(url)) return;
  // The normalised href, not the raw string, so the browser receives exactly what was checked.
  void shell.openExternal(new URL(url).href).catch(() => undefined);
}

/**
 * The window only ever shows our own pages: any navigation elsewhere is stopped (a link to a web page
 * opens in the user's browser instead), no second window is created, and `<webview>` cannot be attached.
 */
export function hardenWebContents(contents: WebContents, allowedOrigins: readonly string[]): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedSender(event.url, allowedOrigins)) return;
    event.preventDefault();
    openExternallyIfAllowed(event.url);
  });

  contents.on('will-redirect', (event) => {
    if (!isAllowedSender(event.url, allowedOrigins)) event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    openExternallyIfAllowed(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
