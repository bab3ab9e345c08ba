// The contract between the renderer and the Electron main process. It holds only types and the channel
// names, so that the preload, main and the renderer's Electron platform agree on one definition.

/** A file type offered in a dialog: a French label and extensions without the dot. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** File name proposed in the save dialog, without any folder. */
  suggestedName: string;
  /** The bytes to write. */
  data: Uint8Array;
  filters: FileFilter[];
}

export type SaveFileResult = { status: 'saved'; fileName: string } | { status: 'cancelled' };

export interface OpenFileRequest {
  filters: FileFilter[];
}

export type OpenFileResult =
  | { status: 'opened'; fileName: string; data: Uint8Array }
  | { status: 'cancelled' };

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electronVersion: string;
}

export interface NotificationRequest {
  title: string;
  body: string;
}

/** The object exposed to the renderer as `window.passerelle`: one function per IPC channel. */
export interface PasserelleApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  appInfo(): Promise<AppInfo>;
  notify(request: NotificationRequest): Promise<void>;
}

export const CHANNELS = {
  saveFile: 'passerelle:save-file',
  openFile: 'passerelle:open-file',
  appInfo: 'passerelle:app-info',
  notify: 'passerelle:notify',
} as const satisfies Record<keyof PasserelleApi, string>;

/** The origin the packaged renderer is served from (DESIGN.md decision 4). Never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'passerelle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Limits the main process enforces on IPC payloads. */
export const IPC_LIMITS = {
  maxFileBytes: 200 * 1024 * 1024,
  maxFileNameLength: 200,
  maxNotificationTitle: 200,
  maxNotificationBody: 1000,
} as const;
