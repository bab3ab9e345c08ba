import { memorySecretStore, type AppInfo, type FileFilter, type Platform } from './platform';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  json: 'application/json',
  csv: 'text/csv',
  ics: 'text/calendar',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function mimeFor(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

function acceptAttribute(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

// Revoking at once can cancel a download or blank a tab that is still loading.
const BLOB_URL_LIFETIME_MS = 60_000;

function download(fileName: string, data: Uint8Array): void {
  const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeFor(fileName) });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
}

export function createBrowserPlatform(appVersion: string): Platform {
  return {
    kind: 'browser',
    async saveFile(suggestedName, data) {
      // A browser cannot show a save dialog on demand; it downloads to the user's folder.
      download(suggestedName, data);
      return 'saved';
    },
    async openDocument(fileName, data) {
      const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeFor(fileName) });
      const url = URL.createObjectURL(blob);
      // Not 'noopener': with it window.open always returns null and a blocked pop-up cannot be told apart.
      const opened = window.open(url, '_blank');
      if (opened === null) {
        URL.revokeObjectURL(url);
        download(fileName, data);
        return;
      }
      opened.opener = null;
      setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
    },
    openFile(filters) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(filters);
        input.addEventListener('change', async () => {
          const file = input.files?.[0];
          if (!file) return resolve(null);
          resolve({ fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
        });
        input.addEventListener('cancel', () => resolve(null));
        input.click();
      });
    },
    async appInfo(): Promise<AppInfo> {
      return { name: 'Passerelle', version: appVersion, platform: 'web', electronVersion: '' };
    },
    async notify(title, body) {
      if (typeof Notification === 'undefined') return;
      let permission = Notification.permission;
      if (permission === 'default') permission = await Notification.requestPermission();
      if (permission === 'granted') new Notification(title, { body });
    },
    // A web page cannot write to a folder on its own: the Sauvegardes screen reminds the user instead.
    autoBackups: null,
    // No keychain in a browser: the sync password stays in this tab's memory until it closes.
    syncSecrets: memorySecretStore(),
  };
}
