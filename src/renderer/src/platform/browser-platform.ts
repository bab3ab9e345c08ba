import type { AppInfo, FileFilter, Platform } from './platform';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
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

export function createBrowserPlatform(appVersion: string): Platform {
  return {
    kind: 'browser',
    async saveFile(suggestedName, data) {
      // A browser cannot show a save dialog on demand; it downloads to the user's folder.
      const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeFor(suggestedName) });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return 'saved';
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
  };
}
