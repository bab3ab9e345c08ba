import { describeBatch, isSuperseded, lastUndoableBatch, undoSteps } from '../domain/journal/undo';
import type { JournalEntry } from '../domain/journal/journal';
import type { WorkspaceDb } from './workspace-db';
import { putBack } from './write-path';

// Generic undo from the journal's before-states: whatever table the last change touched, its records are
// put back as they were (or deleted, when the change created them), through the write path's putBack (a
// fresh revision on each). The transaction names the journal: the middleware leaves these writes alone, and
// the undo journals itself below — the undone entries marked, one « Annulation » entry per record.

export type UndoOutcome = { ok: true; description: string } | { ok: false; message: string };

/** Puts back the last change this session's person made in this espace. */
export async function undoLastChange(db: WorkspaceDb, now: Date = new Date()): Promise<UndoOutcome> {
  const mine = await db.journal.filter((entry) => entry.session === db.sessionId).toArray();
  const batch = lastUndoableBatch(mine, db.sessionId, db.currentPerson);
  if (batch.length === 0) return { ok: false, message: 'Rien à annuler\u00a0: vous n’avez rien modifié depuis l’ouverture de l’espace.' };
  return undoBatch(db, batch, now);
}

/**
 * Puts back the change that created a record (a renewal's « Annuler »: every record that change created
 * goes, not the session's last change, which may be another one since), when this session and person
 * made it and nothing of it was changed since.
 */
export async function undoChangeThatCreated(
  db: WorkspaceDb,
  table: string,
  recordId: string,
  now: Date = new Date(),
): Promise<UndoOutcome> {
  const created = (await db.journal.where('recordId').equals(recordId).toArray()).find(
    (entry) => entry.table === table && entry.kind === 'create' && entry.session === db.sessionId && entry.person === db.currentPerson,
  );
  if (created === undefined || created.undoneAt !== null) {
    return {
      ok: false,
      message: 'Impossible d’annuler\u00a0: ce changement a déjà été annulé ou n’a pas été fait ici. Rien n’a été changé.',
    };
  }
  const batch = (await db.journal.where('batch').equals(created.batch).toArray())
    .filter((entry) => entry.undoneAt === null)
    .sort((a, b) => a.seq - b.seq);
  return undoBatch(db, batch, now);
}

async function undoBatch(db: WorkspaceDb, batch: JournalEntry[], now: Date): Promise<UndoOutcome> {
  const tableNames = [...new Set(batch.map((entry) => entry.table))];
  const tables = tableNames.filter((name) => db.tables.some((t) => t.name === name)).map((name) => db.table(name));
  // The journal is named: these writes are the undo itself, journaled below as one « Annulation ».
  return db.transaction('rw', [...tables, db.journal], async () => {
    const sameRecords = await db.journal
      .where('recordId')
      .anyOf(batch.map((entry) => entry.recordId))
      .toArray();
    if (isSuperseded(batch, sameRecords)) {
      return {
        ok: false as const,
        message: 'Impossible d’annuler\u00a0: ces fiches ont été modifiées depuis. Rien n’a été changé.',
      };
    }
    const at = now.toISOString();
    for (const step of undoSteps(batch)) {
      await putBack(db.table(step.table), step.recordId, step.restore as Record<string, unknown> | null, now);
    }
    await db.journal.bulkPut(batch.map((entry) => ({ ...entry, undoneAt: at })));
    const description = describeBatch(batch);
    const undoEntries: JournalEntry[] = batch.map((entry) => ({
      id: crypto.randomUUID(),
      at,
      table: entry.table,
      recordId: entry.recordId,
      person: db.currentPerson,
      session: db.sessionId,
      batch: `undo:${entry.batch}`,
      // Just after the change it takes back, for entries written in the same millisecond.
      seq: entry.seq + 0.5,
      kind: 'undo',
      summary: `Annulation\u00a0: ${entry.summary}`,
      before: null,
      undoneAt: null,
    }));
    await db.journal.bulkAdd(undoEntries);
    return { ok: true as const, description };
  });
}
