import { BrowserWindow, dialog, screen } from 'electron';
import { secureWebPreferences } from './security';
import { MIN_WINDOW_SIZE, createWindowStateSaver, readWindowStateFile, restoreWindowState, type WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** `userData/window-state.json`. */
  windowStatePath: string;
  /** False in a packaged app: its devtools would read every database of the origin. */
  devTools: boolean;
}

/** The name users see; app.getName() gives the npm package's lowercase name when not packaged. */
export const PRODUCT_NAME = 'Passerelle';

// Painted before the renderer's first frame, so the window never flashes white against the app's
// background.
const BACKGROUND_COLOR = '#f6f7f9';

export function createMainWindow({ preloadPath, windowStatePath, devTools }: MainWindowOptions): BrowserWindow {
  const state = restoreWindowState(
    readWindowStateFile(windowStatePath),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );

  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    webPreferences: secureWebPreferences(preloadPath, { devTools }),
  });

  // Shown only once painted, and maximised at that moment: maximize() on a hidden window shows it
  // early on Windows, before the first frame.
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });

  trackWindowState(window, windowStatePath);
  askBeforeLosingChanges(window);
  return window;
}

/**
 * A form with unsaved changes makes the page refuse to unload (its beforeunload handler); Electron then
 * cancels the close silently. Ask instead, in French: leave (the changes are lost) or stay.
 */
function askBeforeLosingChanges(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Quitter sans enregistrer', 'Rester'],
      defaultId: 1,
      cancelId: 1,
      title: 'Quitter sans enregistrer\u00a0?',
      message: 'Quitter sans enregistrer\u00a0?',
      detail: 'Des modifications d’un formulaire ne sont pas enregistrées. Si vous quittez, elles seront perdues.',
    });
    // preventDefault here overrides the page's refusal: the window closes.
    if (choice === 0) event.preventDefault();
  });
}

function trackWindowState(window: BrowserWindow, windowStatePath: string): void {
  const saver = createWindowStateSaver(windowStatePath);
  const current = (): WindowState => ({
    // The normal bounds, so a maximised window comes back to its previous size when restored.
    bounds: window.getNormalBounds(),
    maximized: window.isMaximized(),
  });
  const schedule = (): void => {
    if (!window.isDestroyed() && !window.isMinimized()) saver.schedule(current());
  };
  window.on('resize', schedule);
  window.on('move', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('close', () => {
    if (!window.isMinimized()) saver.schedule(current());
    saver.flush();
  });
}
