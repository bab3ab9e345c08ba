import { useCallback } from 'react';
import { undoLastChange } from '../../data/undo';
import type { WorkspaceDb } from '../../data/workspace-db';
import { useToast } from '../../ui/toast';

/** Undoes this session's last change and says what was undone (the toasts' « Annuler » and the buttons). */
export function useUndoLastChange(db: WorkspaceDb): () => Promise<void> {
  const toast = useToast();
  return useCallback(async () => {
    const outcome = await undoLastChange(db);
    if (outcome.ok) toast.show(`Annulé\u00a0: ${outcome.description}.`);
    else toast.show(outcome.message, { tone: 'error' });
  }, [db, toast]);
}
