// The only bridge between the sandboxed page and the main process: one function per channel of the
// contract, so the page can ask for exactly these services and can never send arbitrary IPC messages.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type PasserelleApi } from './api';

const api: PasserelleApi = {
  saveFile: (request) => ipcRenderer.invoke(CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(CHANNELS.openFile, request),
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  notify: (request) => ipcRenderer.invoke(CHANNELS.notify, request),
  openDocument: (request) => ipcRenderer.invoke(CHANNELS.openDocument, request),
  chooseBackupFolder: (request) => ipcRenderer.invoke(CHANNELS.chooseBackupFolder, request),
  backupFolder: (request) => ipcRenderer.invoke(CHANNELS.backupFolder, request),
  writeAutoBackup: (request) => ipcRenderer.invoke(CHANNELS.writeAutoBackup, request),
  deleteAutoBackups: (request) => ipcRenderer.invoke(CHANNELS.deleteAutoBackups, request),
  saveSyncSecret: (request) => ipcRenderer.invoke(CHANNELS.saveSyncSecret, request),
  readSyncSecret: (request) => ipcRenderer.invoke(CHANNELS.readSyncSecret, request),
};

contextBridge.exposeInMainWorld('passerelle', api);
