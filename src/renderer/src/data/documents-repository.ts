import { useLiveQuery } from 'dexie-react-hooks';
import { firstIssueMessages } from '../domain/fields';
import { DOCUMENT_KINDS, documentSchema, type VaultDocumentRecord } from '../domain/partners/document';
import { newStamps, type Validated } from '../domain/record';
import type { WorkspaceDb } from './workspace-db';

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
  id?: string,
  now: Date = new Date(),
): Promise<Validated<VaultDocumentRecord>> {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  return db.transaction('rw', db.documents, async () => {
    const existing = id === undefined ? undefined : await db.documents.get(id);
    const stamps = existing
      ? { id: existing.id, createdAt: existing.createdAt, updatedAt: now.toISOString(), deletedAt: existing.deletedAt }
      : newStamps(crypto.randomUUID(), now);
    const record: VaultDocumentRecord = { ...parsed.data, ...stamps };
    await db.documents.put(record);
    return { ok: true as const, value: record };
  });
}

/** Sends a document and its scans to the bin under one stamp. */
export async function deleteDocument(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.documents, db.attachments, async () => {
    const document = await db.documents.get(id);
    if (document === undefined || document.deletedAt !== null) return;
    await db.documents.put({ ...document, deletedAt: at, updatedAt: at });
    const files = await db.attachments.where('ownerId').equals(id).toArray();
    await db.attachments.bulkPut(files.filter((f) => f.deletedAt === null).map((f) => ({ ...f, deletedAt: at, updatedAt: at })));
  });
}

export async function restoreDocument(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.documents, db.attachments, async () => {
    const document = await db.documents.get(id);
    if (document === undefined || document.deletedAt === null) return;
    const stamp = document.deletedAt;
    await db.documents.put({ ...document, deletedAt: null, updatedAt: at });
    const files = await db.attachments.where('ownerId').equals(id).toArray();
    await db.attachments.bulkPut(files.filter((f) => f.deletedAt === stamp).map((f) => ({ ...f, deletedAt: null, updatedAt: at })));
  });
}

export function useDocuments(db: WorkspaceDb): VaultDocumentRecord[] | undefined {
  return useLiveQuery(() => listDocuments(db), [db]);
}
