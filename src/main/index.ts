import { join } from 'node:path';
import { BrowserWindow, app, dialog, protocol, session } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../preload/api';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { createAppProtocolHandler } from './protocol';
import { debugSwitchIn, hardenWebContents, originOf } from './security';
import { createMainWindow } from './window';

// A packaged app never starts with a debugger attached: remote debugging would hand every page and
// database of the origin to whoever connects to the port, lock or no lock. Development builds keep the
// switches (Playwright's Electron driver uses them).
const refusedSwitch = app.isPackaged ? debugSwitchIn(process.argv) : null;

// End-to-end tests give each run a throwaway profile. A packaged app ignores the variable, so nothing in
// the environment can point a user's copy at another data folder.
const userDataOverride = process.env.PASSERELLE_USER_DATA;
if (userDataOverride && !app.isPackaged) app.setPath('userData', userDataOverride);

// Must happen before `ready`. `standard` gives the scheme real origins and relative URLs, `secure` lets
// IndexedDB and crypto.randomUUID work there, `supportFetchAPI` and `stream` serve module scripts and
// large assets. The origin app://passerelle owns the users' data: it must never change.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
]);

// French date inputs (jj/mm/aaaa) and French spell-checking whatever the system language.
app.commandLine.appendSwitch('lang', 'fr-FR');

// Every renderer sandboxed, including any the app did not create itself.
app.enableSandbox();

// electron-vite sets this in development only; a packaged app always loads its own files.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const devServerOrigin = devServerUrl === undefined ? null : originOf(devServerUrl);
const allowedOrigins: readonly string[] = devServerOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devServerOrigin];

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const window = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    windowStatePath: join(app.getPath('userData'), 'window-state.json'),
    devTools: !app.isPackaged,
  });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  const url = devServerOrigin !== null && devServerUrl !== undefined ? devServerUrl : `${APP_ORIGIN}/index.html`;
  window.loadURL(url).catch((error: unknown) => {
    console.error('Passerelle : la page n’a pas pu être chargée.', error);
  });
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

// Camera, microphone, geolocation, notifications from the page…: the app needs none of them, and its
// own notifications go through the main process.
function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

async function start(): Promise<void> {
  await app.whenReady();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '../renderer')));
  denyAllPermissions();
  installApplicationMenu();
  registerIpcHandlers(allowedOrigins);
  openMainWindow();
  // macOS keeps the app alive without windows; clicking its Dock icon opens one again.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

if (refusedSwitch !== null) {
  // Before the single-instance lock: a refused launch must not focus, or hand its arguments to, a running one.
  dialog.showErrorBox(
    'Passerelle ne peut pas démarrer ainsi',
    `L’option de débogage « --${refusedSwitch} » est refusée\u00a0: elle donnerait accès aux données de tous les espaces.`,
  );
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // One instance only: two would share one IndexedDB profile and each keep its own view of the data.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, allowedOrigins));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Passerelle n’a pas pu démarrer', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
