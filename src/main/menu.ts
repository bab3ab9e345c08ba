import { BrowserWindow, Menu, app, dialog, type MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from './window';

export interface MenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
  onAbout: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu, labelled in French: Electron's role labels follow the OS language only for a few
 * roles on macOS, so every item names itself.
 */
export function buildMenuTemplate({ platform, isPackaged, appName, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `À propos de ${appName}`, click: onAbout };

  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    // macOS puts the application's own menu first and expects Quit and About there.
    template.push({
      label: appName,
      submenu: [
        about,
        separator,
        { role: 'services', label: 'Services' },
        separator,
        { role: 'hide', label: `Masquer ${appName}` },
        { role: 'hideOthers', label: 'Masquer les autres' },
        { role: 'unhide', label: 'Tout afficher' },
        separator,
        { role: 'quit', label: `Quitter ${appName}` },
      ],
    });
  }

  template.push(
    {
      label: 'Fichier',
      submenu: isMac ? [{ role: 'close', label: 'Fermer la fenêtre' }] : [{ role: 'quit', label: 'Quitter' }],
    },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        separator,
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        separator,
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { role: 'zoomIn', label: 'Zoom avant' },
        { role: 'zoomOut', label: 'Zoom arrière' },
        { role: 'resetZoom', label: 'Taille réelle' },
        separator,
        { role: 'togglefullscreen', label: 'Plein écran' },
        // Developer tools would let anyone at the keyboard run code with the page's rights.
        ...(isPackaged ? [] : [separator, { role: 'toggleDevTools', label: 'Outils de développement' } as const]),
      ],
    },
    {
      label: 'Fenêtre',
      submenu: [
        { role: 'minimize', label: 'Réduire' },
        { role: 'close', label: 'Fermer' },
      ],
    },
    {
      label: 'Aide',
      role: 'help',
      submenu: [about],
    },
  );

  return template;
}

function showAboutDialog(): void {
  const name = PRODUCT_NAME;
  const options = {
    type: 'info' as const,
    title: `À propos de ${name}`,
    message: name,
    detail: `Version ${app.getVersion()}`,
    buttons: ['OK'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  void (parent === null ? dialog.showMessageBox(options) : dialog.showMessageBox(parent, options));
}

export function installApplicationMenu(): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appName: PRODUCT_NAME,
    onAbout: showAboutDialog,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
