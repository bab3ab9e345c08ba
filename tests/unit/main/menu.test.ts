import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  app: {},
  BrowserWindow: {},
  Menu: {},
  dialog: {},
  screen: {},
  shell: {},
}));

import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../src/main/menu';

function build(platform: NodeJS.Platform, isPackaged: boolean, onAbout = vi.fn()) {
  return buildMenuTemplate({ platform, isPackaged, appName: 'Passerelle', onAbout });
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
  return menu.submenu;
}

function labels(items: MenuItemConstructorOptions[]): (string | undefined)[] {
  return items.filter((item) => item.type !== 'separator').map((item) => item.label);
}

describe('buildMenuTemplate', () => {
  it('offers the French menus in order on Windows and Linux', () => {
    const template = build('win32', true);
    expect(template.map((menu) => menu.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(labels(submenuOf(template, 'Fichier'))).toEqual(['Quitter']);
    expect(labels(submenuOf(template, 'Édition'))).toEqual(['Annuler', 'Rétablir', 'Couper', 'Copier', 'Coller', 'Tout sélectionner']);
    expect(labels(submenuOf(template, 'Fenêtre'))).toEqual(['Réduire', 'Fermer']);
    expect(labels(submenuOf(template, 'Aide'))).toEqual(['À propos de Passerelle']);
  });

  it('binds each item to the role that does the work', () => {
    const template = build('linux', true);
    expect(submenuOf(template, 'Fichier')[0]?.role).toBe('quit');
    expect(submenuOf(template, 'Édition').map((item) => item.role ?? item.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    expect(submenuOf(template, 'Affichage').map((item) => item.role ?? item.type)).toEqual([
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'separator',
      'togglefullscreen',
    ]);
  });

  it('hides the developer tools from packaged builds only', () => {
    expect(labels(submenuOf(build('linux', true), 'Affichage'))).toEqual(['Zoom avant', 'Zoom arrière', 'Taille réelle', 'Plein écran']);
    const development = submenuOf(build('linux', false), 'Affichage');
    expect(labels(development)).toContain('Outils de développement');
    expect(development.find((item) => item.label === 'Outils de développement')?.role).toBe('toggleDevTools');
  });

  it('puts the application menu first on macOS, with About and Quit', () => {
    const template = build('darwin', true);
    expect(template.map((menu) => menu.label)).toEqual(['Passerelle', 'Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    const appMenu = submenuOf(template, 'Passerelle');
    expect(labels(appMenu)[0]).toBe('À propos de Passerelle');
    expect(appMenu.at(-1)).toMatchObject({ role: 'quit', label: 'Quitter Passerelle' });
    expect(submenuOf(template, 'Fichier').some((item) => item.role === 'quit')).toBe(false);
  });

  it('shows the About dialog from the Aide menu', () => {
    const onAbout = vi.fn();
    const about = submenuOf(build('win32', true, onAbout), 'Aide')[0];
    expect(about?.label).toBe('À propos de Passerelle');
    about?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('labels every item, so no English role label shows through', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = build(platform, false).flatMap((menu) => [menu, ...(Array.isArray(menu.submenu) ? menu.submenu : [])]);
      for (const item of items) {
        if (item.type !== 'separator') expect(item.label, JSON.stringify(item.role)).toBeTruthy();
      }
    }
  });
});
