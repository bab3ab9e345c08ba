import { useLiveQuery } from 'dexie-react-hooks';
import { firstIssueMessages } from '../domain/fields';
import { DOCUMENT_KINDS, documentSchema, type VaultDocumentRecord } from '../domain/association/document';
import type { WorkspaceDb } from './workspace-db';
import { binAlong, binRow, prepareWrite, restoreAlong, restoreRow, saveRow, type Target, type WriteOutcome } from './write-path';

// The association's pièces justificatives, each with its attached scan.

const kindOrder = new Map<string, number>(DOCUMENT_KINDS.map((k, i) => [k.value, i]));

export async function listDocuments(db: WorkspaceDb): Promise<VaultDocumentRecord[]> {
  const all = await db.documents.toArray();
  return all
    .filter((d) => d.deletedAt === null)
    .sort(
      (a, b) =>
        (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
        (b.validUntil ?? b.issuedOn ?? '').localeCompare(a.validUntil ?? a.issuedOn ?? ''),
    );
}

export async function saveDocument(
  db: WorkspaceDb,
  input: unknown,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<VaultDocumentRecord>> {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const context = await prepareWrite(db, 'documents', target);
  return db.transaction('rw', db.documents, () => saveRow(db.documents, context, parsed.data, now));
}

/** Sends a document and its scans to the bin under one stamp. */
export async function deleteDocument(db: WorkspaceDb, target: Target, now: Date = new Date()): Promise<WriteOutcome<VaultDocumentRecord>> {
  const context = await prepareWrite(db, 'documents', target);
  const id = context.ref?.id ?? '';
  return db.transaction('rw', db.documents, db.attachments, async () => {
    const binned = await binRow(db.documents, context, now);
    if (!binned.ok || binned.value.deletedAt === null) return binned;
    await binAlong(db.attachments, await db.attachments.where('ownerId').equals(id).toArray(), binned.value.deletedAt, now);
    return binned;
  });
}

export async function restoreDocument(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.documents, db.attachments, async () => {
    const stamp = (await db.documents.get(id))?.deletedAt;
    if (!stamp || !(await restoreRow(db.documents, id, now))) return;
    await restoreAlong(db.attachments, await db.attachments.where('ownerId').equals(id).toArray(), stamp, now);
  });
}

export function useDocuments(db: WorkspaceDb): VaultDocumentRecord[] | undefined {
  return useLiveQuery(() => listDocuments(db), [db]);
}
