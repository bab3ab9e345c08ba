import { useLiveQuery } from 'dexie-react-hooks';
import { recordProblem } from '../../domain/backup/record-checks';
import type { RecordStamps } from '../../domain/record';
import { saveOne, type WriteOutcome } from '../write-path';
import type { WorkspaceDb } from '../workspace-db';
import type { SyncConflictRow } from './sync-rows';

// « Conflits à vérifier »: the fields both laptops changed that the merge settled by the later edit and
// left for a person to confirm. Keeping the merged value only clears the row; taking the other value is
// a save like any other (the write path, the journal, the outbox: it replicates to the other laptop).

export function useSyncConflicts(db: WorkspaceDb): SyncConflictRow[] | undefined {
  return useLiveQuery(() => db.syncConflicts.toArray().then((rows) => rows.sort((a, b) => b.foundAt.localeCompare(a.foundAt))), [db]);
}

export async function keepMergedValue(db: WorkspaceDb, conflictId: string): Promise<void> {
  await db.syncConflicts.delete(conflictId);
}

export async function takeOtherValue(db: WorkspaceDb, row: SyncConflictRow, now: Date = new Date()): Promise<WriteOutcome<RecordStamps>> {
  const table = db.table(row.table);
  const stored = (await table.get(row.recordId)) as (RecordStamps & Record<string, unknown>) | undefined;
  if (!stored) return { ok: false, errors: { '': 'Cet enregistrement n’existe plus sur cet ordinateur : rien n’a été modifié.' } };
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = stored;
  const next = { ...fields, [row.conflict.field]: row.conflict.other.value };
  const problem = recordProblem(row.table, { ...stored, ...next });
  if (problem !== null) return { ok: false, errors: { '': `Cette valeur n’est plus valide : rien n’a été modifié. ${problem}` } };
  const outcome = await saveOne(db, table as never, { id: stored.id, updatedAt: stored.updatedAt }, next as never, now);
  if (outcome.ok) await db.syncConflicts.delete(row.id);
  return outcome as WriteOutcome<RecordStamps>;
}
