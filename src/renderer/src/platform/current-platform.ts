import type { PasserelleApi } from '../../../preload/api';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

declare global {
  interface Window {
    passerelle?: PasserelleApi;
  }
}

let platform: Platform | undefined;

/** The only place that looks at the preload bridge (DESIGN.md decision 3). */
export function currentPlatform(): Platform {
  platform ??= window.passerelle ? createElectronPlatform(window.passerelle) : createBrowserPlatform(__APP_VERSION__);
  return platform;
}
