import type { PasserelleApi } from '../../../preload/api';
import type { Platform } from './platform';

export function createElectronPlatform(bridge: PasserelleApi): Platform {
  return {
    kind: 'electron',
    async saveFile(suggestedName, data, filters) {
      const result = await bridge.saveFile({ suggestedName, data, filters });
      return result.status;
    },
    async openFile(filters) {
      const result = await bridge.openFile({ filters });
      return result.status === 'opened' ? { fileName: result.fileName, data: result.data } : null;
    },
    appInfo: () => bridge.appInfo(),
    notify: (title, body) => bridge.notify({ title, body }),
  };
}
