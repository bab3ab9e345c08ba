import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const parentWindow = { id: 'fenêtre principale' };
  class FakeNotification {
    static isSupported = vi.fn(() => true);
    static shown: { title: string; body: string }[] = [];
    constructor(readonly options: { title: string; body: string }) {}
    show() {
      FakeNotification.shown.push(this.options);
    }
  }
  const temp = { folder: '/tmp' };
  return {
    handlers,
    parentWindow,
    temp,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        handlers.set(channel, handler);
      }),
    },
    dialog: {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(),
    },
    app: {
      getPath: vi.fn((name: string) => (name === 'documents' ? '/home/marie/Documents' : temp.folder)),
      getVersion: vi.fn(() => '1.2.3'),
    },
    BrowserWindow: { fromWebContents: vi.fn(() => parentWindow) },
    Notification: FakeNotification,
    shell: { openExternal: vi.fn(), openPath: vi.fn(async (_path: string) => '') },
  };
});
vi.mock('electron', () => electron);

import { CHANNELS, IPC_LIMITS, APP_ORIGIN } from '../../../src/preload/api';
import { guardedHandle, registerIpcHandlers } from '../../../src/main/ipc';

const sender = { id: 1 };
const fromApp = { sender, senderFrame: { url: 'app://passerelle/index.html' } };
const pdfFilter = { name: 'Documents PDF', extensions: ['pdf'] };

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
}

beforeEach(() => {
  electron.handlers.clear();
  vi.clearAllMocks();
  electron.Notification.shown.length = 0;
  electron.Notification.isSupported.mockReturnValue(true);
});

describe('guardedHandle', () => {
  const schema = z.object({ name: z.string({ error: 'Le nom doit être un texte.' }) });
  let handler: ReturnType<typeof vi.fn<(request: { name: string }) => Promise<string>>>;

  beforeEach(() => {
    handler = vi.fn(async (request: { name: string }) => `bonjour ${request.name}`);
    guardedHandle('test:channel', schema, handler, [APP_ORIGIN]);
  });

  it('passes the parsed arguments of our own page to the handler', async () => {
    await expect(invoke('test:channel', fromApp, { name: 'Marie', extra: 'ignoré' })).resolves.toBe('bonjour Marie');
    expect(handler).toHaveBeenCalledOnce();
    expect(handler.mock.calls[0]?.[0]).toEqual({ name: 'Marie' });
  });

  it.each([
    ['a web page', { sender, senderFrame: { url: 'https://evil.example/' } }],
    ['a local file', { sender, senderFrame: { url: 'file:///home/marie/page.html' } }],
    ['a look-alike host', { sender, senderFrame: { url: 'app://passerelle.evil.example/' } }],
    ['the dev server, in production', { sender, senderFrame: { url: 'http://localhost:5173/' } }],
    ['a destroyed frame', { sender, senderFrame: null }],
    ['no frame at all', { sender }],
  ])('refuses calls from %s without running the handler', async (_label, event) => {
    await expect(invoke('test:channel', event, { name: 'Marie' })).rejects.toThrow(/Appel refusé/);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a wrong type', [{ name: 42 }], /Le nom doit être un texte/],
    ['no argument', [], /Requête refusée/],
    ['too many arguments', [{ name: 'Marie' }, 'de trop'], /trop d’arguments/],
  ])('refuses %s without running the handler', async (_label, args, message) => {
    await expect(invoke('test:channel', fromApp, ...args)).rejects.toThrow(message);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('the Passerelle handlers', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'passerelle-ipc-'));
    registerIpcHandlers([APP_ORIGIN]);
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('registers exactly one handler per channel of the contract', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  describe('saveFile', () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);

    it('writes exactly the bytes to the path chosen in the dialog', async () => {
      const chosenPath = join(folder, 'Dossier subvention 2026.pdf');
      electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosenPath });

      const result = await invoke(CHANNELS.saveFile, fromApp, {
        suggestedName: 'dossier-subvention-2026.pdf',
        data: bytes,
        filters: [pdfFilter],
      });

      expect(result).toEqual({ status: 'saved', fileName: 'Dossier subvention 2026.pdf' });
      expect(new Uint8Array(readFileSync(chosenPath))).toEqual(bytes);
      expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
        electron.parentWindow,
        expect.objectContaining({
          defaultPath: join('/home/marie/Documents', 'dossier-subvention-2026.pdf'),
          filters: [pdfFilter],
        }),
      );
    });

    it('writes nothing when the dialog is cancelled', async () => {
      electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
      const result = await invoke(CHANNELS.saveFile, fromApp, { suggestedName: 'a.pdf', data: bytes, filters: [] });
      expect(result).toEqual({ status: 'cancelled' });
      expect(readdirSync(folder)).toEqual([]);
    });

    it('explains in French why a write failed', async () => {
      electron.dialog.showSaveDialog.mockResolvedValue({
        canceled: false,
        filePath: join(folder, 'dossier-absent', 'a.pdf'),
      });
      await expect(invoke(CHANNELS.saveFile, fromApp, { suggestedName: 'a.pdf', data: bytes, filters: [] })).rejects.toThrow(
        '« a.pdf » n’a pas pu être enregistré : fichier introuvable.',
      );
    });

    it.each([
      ['a path in the name', { suggestedName: '../../.bashrc', data: bytes, filters: [] }],
      ['a folder in the name', { suggestedName: 'sous-dossier/a.pdf', data: bytes, filters: [] }],
      ['a Windows folder in the name', { suggestedName: 'C:\\Users\\a.pdf', data: bytes, filters: [] }],
      ['two dots in the name', { suggestedName: '..', data: bytes, filters: [] }],
      ['a control character in the name', { suggestedName: 'a\u0000.pdf', data: bytes, filters: [] }],
      ['a Windows reserved character', { suggestedName: 'Bilan : 2026.pdf', data: bytes, filters: [] }],
      ['an empty name', { suggestedName: '', data: bytes, filters: [] }],
      ['a too long name', { suggestedName: `${'a'.repeat(IPC_LIMITS.maxFileNameLength)}.pdf`, data: bytes, filters: [] }],
      ['a name that is not a string', { suggestedName: 42, data: bytes, filters: [] }],
      ['data that is not bytes', { suggestedName: 'a.pdf', data: 'JVBERi0=', filters: [] }],
      ['data as a plain array', { suggestedName: 'a.pdf', data: [1, 2, 3], filters: [] }],
      ['an extension with a dot', { suggestedName: 'a.pdf', data: bytes, filters: [{ name: 'PDF', extensions: ['.pdf'] }] }],
      ['a wildcard extension', { suggestedName: 'a.pdf', data: bytes, filters: [{ name: 'Tout', extensions: ['*'] }] }],
      ['an upper-case extension', { suggestedName: 'a.pdf', data: bytes, filters: [{ name: 'PDF', extensions: ['PDF'] }] }],
      ['a filter without a name', { suggestedName: 'a.pdf', data: bytes, filters: [{ extensions: ['pdf'] }] }],
      ['no request', undefined],
    ])('refuses %s without opening a dialog', async (_label, request) => {
      await expect(invoke(CHANNELS.saveFile, fromApp, request)).rejects.toThrow(/^Requête refusée : /);
      expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    });

    it('refuses data over the size limit', async () => {
      // A view claiming more than the limit, without allocating 200 MB in the test.
      const oversized = new Uint8Array(8);
      Object.defineProperty(oversized, 'byteLength', { value: IPC_LIMITS.maxFileBytes + 1 });
      await expect(invoke(CHANNELS.saveFile, fromApp, { suggestedName: 'a.pdf', data: oversized, filters: [] })).rejects.toThrow(
        'Requête refusée : Le fichier dépasse la taille maximale de 200 Mo.',
      );
      expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    });

    it('refuses a foreign page without opening a dialog or writing', async () => {
      const event = { sender, senderFrame: { url: 'https://evil.example/' } };
      await expect(invoke(CHANNELS.saveFile, event, { suggestedName: 'a.pdf', data: bytes, filters: [] })).rejects.toThrow(/Appel refusé/);
      expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    });
  });

  describe('openFile', () => {
    it('returns the name and bytes of the file chosen in the dialog', async () => {
      const filePath = join(folder, 'sauvegarde-2026-03-01.json');
      writeFileSync(filePath, '{"version":1}');
      electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [filePath] });

      const result = await invoke(CHANNELS.openFile, fromApp, {
        filters: [{ name: 'Sauvegardes Passerelle', extensions: ['json'] }],
      });

      expect(result).toEqual({
        status: 'opened',
        fileName: 'sauvegarde-2026-03-01.json',
        data: new Uint8Array(Buffer.from('{"version":1}')),
      });
      expect((result as { data: unknown }).data).toBeInstanceOf(Uint8Array);
      expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(electron.parentWindow, {
        properties: ['openFile'],
        filters: [{ name: 'Sauvegardes Passerelle', extensions: ['json'] }],
      });
    });

    it('reports a cancelled dialog', async () => {
      electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
      await expect(invoke(CHANNELS.openFile, fromApp, { filters: [] })).resolves.toEqual({ status: 'cancelled' });
    });

    it('refuses a file over the size limit before reading it', async () => {
      const filePath = join(folder, 'enorme.json');
      writeFileSync(filePath, '');
      // A sparse file: its size exceeds the limit without using disk space.
      truncateSync(filePath, IPC_LIMITS.maxFileBytes + 1);
      electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [filePath] });

      await expect(invoke(CHANNELS.openFile, fromApp, { filters: [] })).rejects.toThrow(
        '« enorme.json » dépasse la taille maximale de 200 Mo.',
      );
    });

    it('refuses malformed filters without opening a dialog', async () => {
      await expect(invoke(CHANNELS.openFile, fromApp, { filters: [{ name: 'JSON', extensions: ['json;rm -rf'] }] })).rejects.toThrow(
        'Requête refusée : Extension de fichier invalide.',
      );
      expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    });

    it('refuses a foreign page without opening a dialog', async () => {
      await expect(invoke(CHANNELS.openFile, { sender, senderFrame: null }, { filters: [] })).rejects.toThrow(/Appel refusé/);
      expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    });
  });

  describe('openDocument', () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);

    beforeEach(() => {
      electron.temp.folder = folder;
      electron.shell.openPath.mockResolvedValue('');
    });

    it('writes exactly the bytes in a fresh folder under the temporary directory, then opens that file', async () => {
      await expect(invoke(CHANNELS.openDocument, fromApp, { fileName: 'Convention signée.pdf', data: pdf })).resolves.toBeUndefined();

      expect(electron.app.getPath).toHaveBeenCalledWith('temp');
      expect(electron.shell.openPath).toHaveBeenCalledOnce();
      const opened = electron.shell.openPath.mock.calls[0]?.[0] ?? '';
      expect(basename(opened)).toBe('Convention signée.pdf');
      expect(dirname(dirname(opened))).toBe(folder);
      expect(basename(dirname(opened))).toMatch(/^passerelle-document-/);
      expect(new Uint8Array(readFileSync(opened))).toEqual(pdf);
    });

    it('gives each call its own folder, so two files of the same name never overwrite each other', async () => {
      await invoke(CHANNELS.openDocument, fromApp, { fileName: 'scan.png', data: pdf });
      await invoke(CHANNELS.openDocument, fromApp, { fileName: 'scan.png', data: new Uint8Array([1]) });
      const [first, second] = electron.shell.openPath.mock.calls.map((call) => call[0]);
      expect(first).not.toBe(second);
      expect(readdirSync(folder)).toHaveLength(2);
    });

    it('explains in French when no application can show the file', async () => {
      electron.shell.openPath.mockResolvedValue('No application is associated');
      await expect(invoke(CHANNELS.openDocument, fromApp, { fileName: 'a.pdf', data: pdf })).rejects.toThrow(
        '« a.pdf » n’a pas pu être ouvert : aucune application ne sait l’afficher (No application is associated).',
      );
    });

    it.each([
      ['a path in the name', { fileName: '../../.bashrc', data: pdf }],
      ['a folder in the name', { fileName: 'sous-dossier/a.pdf', data: pdf }],
      ['a Windows folder in the name', { fileName: 'C:\\Users\\a.pdf', data: pdf }],
      ['an absolute path', { fileName: '/etc/passwd.pdf', data: pdf }],
      ['two dots', { fileName: '..', data: pdf }],
      ['a control character', { fileName: 'a\u0000.pdf', data: pdf }],
      ['an empty name', { fileName: '', data: pdf }],
      ['a program', { fileName: 'convention.exe', data: pdf }],
      ['a shell script', { fileName: 'convention.pdf.sh', data: pdf }],
      ['a desktop launcher', { fileName: 'convention.desktop', data: pdf }],
      ['no extension', { fileName: 'convention', data: pdf }],
      ['data that is not bytes', { fileName: 'a.pdf', data: 'JVBERi0=' }],
      ['no request', undefined],
    ])('refuses %s without writing or opening anything', async (_label, request) => {
      await expect(invoke(CHANNELS.openDocument, fromApp, request)).rejects.toThrow(/^Requête refusée : /);
      expect(electron.shell.openPath).not.toHaveBeenCalled();
      expect(readdirSync(folder)).toEqual([]);
    });

    it('refuses data over the 10 Mo limit', async () => {
      const oversized = new Uint8Array(8);
      Object.defineProperty(oversized, 'byteLength', { value: IPC_LIMITS.maxOpenDocumentBytes + 1 });
      await expect(invoke(CHANNELS.openDocument, fromApp, { fileName: 'a.pdf', data: oversized })).rejects.toThrow(
        'Requête refusée : Le fichier dépasse la taille maximale de 10 Mo.',
      );
      expect(electron.shell.openPath).not.toHaveBeenCalled();
      expect(readdirSync(folder)).toEqual([]);
    });

    it('refuses a foreign page without writing or opening anything', async () => {
      const event = { sender, senderFrame: { url: 'https://evil.example/' } };
      await expect(invoke(CHANNELS.openDocument, event, { fileName: 'a.pdf', data: pdf })).rejects.toThrow(/Appel refusé/);
      expect(electron.shell.openPath).not.toHaveBeenCalled();
      expect(readdirSync(folder)).toEqual([]);
      expect(existsSync(join(folder, 'a.pdf'))).toBe(false);
    });
  });

  describe('appInfo', () => {
    it('describes the application', async () => {
      const info = await invoke(CHANNELS.appInfo, fromApp);
      expect(info).toEqual({
        name: 'Passerelle',
        version: '1.2.3',
        platform: process.platform,
        electronVersion: process.versions.electron,
      });
    });

    it('takes no argument', async () => {
      await expect(invoke(CHANNELS.appInfo, fromApp, { chemin: '/etc' })).rejects.toThrow(/Requête refusée/);
    });
  });

  describe('notify', () => {
    it('shows a system notification and resolves with nothing', async () => {
      const result = await invoke(CHANNELS.notify, fromApp, {
        title: 'Échéance dans 7 jours',
        body: 'Compte-rendu financier FDVA à déposer le 30 juin.',
      });
      expect(result).toBeUndefined();
      expect(electron.Notification.shown).toEqual([
        { title: 'Échéance dans 7 jours', body: 'Compte-rendu financier FDVA à déposer le 30 juin.' },
      ]);
    });

    it('does nothing where notifications are not supported', async () => {
      electron.Notification.isSupported.mockReturnValue(false);
      await expect(invoke(CHANNELS.notify, fromApp, { title: 'Échéance', body: '' })).resolves.toBeUndefined();
      expect(electron.Notification.shown).toEqual([]);
    });

    it.each([
      ['an empty title', { title: '', body: 'x' }],
      ['a too long title', { title: 'x'.repeat(IPC_LIMITS.maxNotificationTitle + 1), body: '' }],
      ['a too long body', { title: 'x', body: 'x'.repeat(IPC_LIMITS.maxNotificationBody + 1) }],
      ['a missing body', { title: 'x' }],
    ])('refuses %s', async (_label, request) => {
      await expect(invoke(CHANNELS.notify, fromApp, request)).rejects.toThrow(/Requête refusée/);
      expect(electron.Notification.shown).toEqual([]);
    });
  });
});
