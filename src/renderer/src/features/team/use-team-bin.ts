import { moveToBin, restoreFromBin, type TeamTable } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { useToast } from '../../ui/toast';
import { refusalText } from '../../ui/use-action';

/**
 * « Mettre à la corbeille » for a person, a contract, an avenant or an absence: a refusal (changed
 * elsewhere, already binned) is said in French; once binned, `then` runs and the toast offers « Annuler ».
 */
export function useTeamBin() {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  return async (table: TeamTable, record: { id: string; updatedAt: string }, binnedMessage: string, then?: () => void) => {
    const binned = await moveToBin(db, table, { id: record.id, updatedAt: record.updatedAt });
    if (!binned.ok) {
      toast.show(refusalText(binned.errors), { tone: 'error' });
      return;
    }
    then?.();
    toast.show(binnedMessage, { action: { label: 'Annuler', run: () => restoreFromBin(db, table, record.id) } });
  };
}
