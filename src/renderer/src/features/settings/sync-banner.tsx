import { useSyncStatus } from '../../data/sync/sync-runtime';
import { useCurrentWorkspace } from '../../data/workspace-context';

/** Shown at the top of every screen while the espace is read-only through its sync account (issue 20). */
export function SyncReadOnlyBanner() {
  const { record } = useCurrentWorkspace();
  const status = useSyncStatus(record.id);
  if (!status.readOnly) return null;
  return (
    <p role="status" className="sync-read-only-banner">
      Lecture seule : le compte de synchronisation de cet espace permet de consulter, pas de modifier.
    </p>
  );
}
