import type { PasserelleApi } from '../../../preload/api';
import { memorySecretStore, type Platform, type SyncSecretStore } from './platform';

// Electron wraps what main throws as "Error invoking remote method 'x': Error: <message>"; the user should
// read only the French message main wrote.
function unwrapRemoteError(error: unknown): never {
  const text = error instanceof Error ? error.message : String(error);
  throw new Error(text.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''));
}

export function createElectronPlatform(bridge: PasserelleApi): Platform {
  return {
    kind: 'electron',
    async saveFile(suggestedName, data, filters) {
      const result = await bridge.saveFile({ suggestedName, data, filters }).catch(unwrapRemoteError);
      return result.status;
    },
    async openFile(filters) {
      const result = await bridge.openFile({ filters }).catch(unwrapRemoteError);
      return result.status === 'opened' ? { fileName: result.fileName, data: result.data } : null;
    },
    appInfo: () => bridge.appInfo().catch(unwrapRemoteError),
    notify: (title, body) => bridge.notify({ title, body }).catch(unwrapRemoteError),
    openDocument: (fileName, data) => bridge.openDocument({ fileName, data }).catch(unwrapRemoteError),
    autoBackups: {
      async chooseFolder(workspaceId) {
        const result = await bridge.chooseBackupFolder({ workspaceId }).catch(unwrapRemoteError);
        return result.status === 'chosen' ? result.folder : null;
      },
      folder: (workspaceId) => bridge.backupFolder({ workspaceId }).catch(unwrapRemoteError),
      write: (fileName, data) => bridge.writeAutoBackup({ fileName, data }).catch(unwrapRemoteError),
      remove: (names) => bridge.deleteAutoBackups({ names }).catch(unwrapRemoteError),
    },
    syncSecrets: keychainSecrets(bridge),
  };
}

/** The OS keychain through main; where it is unavailable, this window's memory (and the screen says so). */
function keychainSecrets(bridge: PasserelleApi): SyncSecretStore {
  const fallback = memorySecretStore();
  return {
    kind: 'keychain',
    async save(workspaceId, password) {
      const result = await bridge.saveSyncSecret({ workspaceId, password }).catch(unwrapRemoteError);
      if (result.status === 'saved') return 'keychain';
      await fallback.save(workspaceId, password);
      return 'memory';
    },
    async read(workspaceId) {
      const result = await bridge.readSyncSecret({ workspaceId }).catch(unwrapRemoteError);
      return result.status === 'found' ? result.password : fallback.read(workspaceId);
    },
  };
}
