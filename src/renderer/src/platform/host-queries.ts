import { useEffect, useState } from 'react';
import { currentPlatform } from './current-platform';
import type { AppInfo, AutoBackupHost, BackupFolderInfo } from './platform';

// What screens ask the host (not IndexedDB): named hooks, `undefined` while the host has not answered.

function useHostAnswer<T>(ask: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [answer, setAnswer] = useState<{ deps: readonly unknown[]; value: T } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void ask().then((value) => {
      if (current) setAnswer({ deps, value });
    });
    return () => {
      current = false;
    };
    // The caller names what the question depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  // An answer to an older question (another espace) is not shown as this one's.
  return answer !== undefined && answer.deps.every((d, i) => Object.is(d, deps[i])) ? answer.value : undefined;
}

/** The app's name and version, as the host reports them. */
export function useAppInfo(): AppInfo | undefined {
  return useHostAnswer(() => currentPlatform().appInfo(), []);
}

/** The espace's automatic-backup folder; null where the host has none (the browser). `refresh` asks again. */
export function useAutoBackupFolder(
  host: AutoBackupHost | null | undefined,
  workspaceId: string,
  refresh: number,
): BackupFolderInfo | null | undefined {
  return useHostAnswer(async () => (host ? await host.folder(workspaceId) : null), [host, workspaceId, refresh]);
}
