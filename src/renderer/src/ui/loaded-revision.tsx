import { useCallback, useRef } from 'react';

// What a form loaded: the record's id and revision (`updatedAt`), kept from the moment the form took its
// values — not the live record's, which follows changes made elsewhere. The save carries it, so the write
// path can tell a stale form (data/write-path.ts); comparing it with the live record says, before the user
// types further, that the record changed in another tab or window.

interface Revision {
  id: string;
  updatedAt: string;
}

export function useLoadedRevision(live: Revision | null | undefined, restored?: Revision) {
  // A draft that comes back carries the revision it was typed on, not the one on screen now.
  const first = restored ?? live;
  const loaded = useRef<Revision | undefined>(first ? { id: first.id, updatedAt: first.updatedAt } : undefined);
  // A form opened while its record was still loading takes the first revision it sees.
  if (loaded.current === undefined && live) loaded.current = { id: live.id, updatedAt: live.updatedAt };
  const target = useCallback(() => loaded.current, []);
  const adopt = useCallback((record: Revision) => {
    loaded.current = { id: record.id, updatedAt: record.updatedAt };
  }, []);
  const changedElsewhere = Boolean(live && loaded.current && live.id === loaded.current.id && live.updatedAt !== loaded.current.updatedAt);
  return { target, adopt, changedElsewhere };
}

/** Said above a form whose record changed elsewhere since it was opened. */
export function ChangedElsewhereNotice({ show, onReload }: { show: boolean; onReload: () => void }) {
  if (!show) return null;
  return (
    <div className="form-errors-summary" role="alert">
      Cette fiche vient d’être modifiée ailleurs (autre onglet ou autre fenêtre). Vos champs modifiés seront fusionnés à l’enregistrement
      s’ils ne touchent pas les mêmes champs{'\u00a0'}; sinon l’enregistrement sera refusé.{' '}
      <button type="button" className="button button--small" onClick={onReload}>
        Recharger la fiche
      </button>
    </div>
  );
}
