import { useLiveQuery } from 'dexie-react-hooks';
import {
  MAGIC_BYTES_LENGTH,
  checkAttachment,
  checkPaperMeta,
  type PaperMeta,
  type AttachmentOwnerKind,
  type AttachmentRecord,
} from '../domain/partners/attachment';
import type { Validated } from '../domain/record';
import type { WorkspaceDb } from './workspace-db';
import { binOne, createRow, restoreOne, type Target, type WriteOutcome } from './write-path';

// Signed files kept as Blobs in the espace's database. Every file passes checkAttachment (size, type by
// name, announced MIME type and first bytes) before anything is written.

export interface IncomingFile {
  fileName: string;
  data: Uint8Array | Blob;
  /** The MIME type the system announced, when known. */
  declaredType?: string | undefined;
}

async function headOf(data: Uint8Array | Blob): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data.subarray(0, MAGIC_BYTES_LENGTH);
  return new Uint8Array(await data.slice(0, MAGIC_BYTES_LENGTH).arrayBuffer());
}

function sizeOf(data: Uint8Array | Blob): number {
  return data instanceof Uint8Array ? data.byteLength : data.size;
}

export async function addAttachment(
  db: WorkspaceDb,
  owner: { id: string; kind: AttachmentOwnerKind },
  file: IncomingFile,
  now: Date = new Date(),
  meta: PaperMeta = {},
): Promise<Validated<AttachmentRecord>> {
  const paper = checkPaperMeta(owner.kind, meta);
  if (!paper.ok) return { ok: false, errors: { file: paper.problem } };
  const check = checkAttachment({
    fileName: file.fileName,
    size: sizeOf(file.data),
    declaredType: file.declaredType,
    head: await headOf(file.data),
  });
  if (!check.ok) return { ok: false, errors: { file: check.problem } };
  const data =
    file.data instanceof Uint8Array
      ? new Blob([file.data as Uint8Array<ArrayBuffer>], { type: check.mimeType })
      : file.data.slice(0, file.data.size, check.mimeType);
  const record = await createRow<AttachmentRecord>(
    db.attachments,
    { ownerId: owner.id, ownerKind: owner.kind, fileName: file.fileName, mimeType: check.mimeType, size: data.size, data, ...paper.value },
    now,
  );
  return { ok: true, value: record };
}

export async function listAttachments(db: WorkspaceDb, ownerId: string): Promise<AttachmentRecord[]> {
  const files = await db.attachments.where('ownerId').equals(ownerId).toArray();
  return files.filter((f) => f.deletedAt === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function getAttachmentBytes(db: WorkspaceDb, id: string): Promise<{ fileName: string; data: Uint8Array } | undefined> {
  const file = await db.attachments.get(id);
  if (file === undefined || file.deletedAt !== null) return undefined;
  return { fileName: file.fileName, data: new Uint8Array(await file.data.arrayBuffer()) };
}

export function deleteAttachment(db: WorkspaceDb, target: Target, now: Date = new Date()): Promise<WriteOutcome<AttachmentRecord>> {
  return binOne(db, db.attachments, target, now);
}

export function restoreAttachment(db: WorkspaceDb, id: string, now: Date = new Date()): Promise<void> {
  return restoreOne(db, db.attachments, id, now);
}

/** The live files of several records (a contract's amendments), oldest first. */
export async function listAttachmentsOf(db: WorkspaceDb, ownerIds: readonly string[]): Promise<AttachmentRecord[]> {
  if (ownerIds.length === 0) return [];
  const files = await db.attachments.where('ownerId').anyOf(ownerIds).toArray();
  return files.filter((f) => f.deletedAt === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The live files of several records; `undefined` while loading. */
export function useAttachmentsOf(db: WorkspaceDb, ownerIds: readonly string[]): AttachmentRecord[] | undefined {
  const key = ownerIds.join(' ');
  // The ids' content, not the array's identity (new at each render), decides a new query.
  return useLiveQuery(() => listAttachmentsOf(db, ownerIds), [db, key]);
}

/** A record's attached files without their bytes' content read; `undefined` while loading. */
export function useAttachments(db: WorkspaceDb, ownerId: string): AttachmentRecord[] | undefined {
  return useLiveQuery(() => listAttachments(db, ownerId), [db, ownerId]);
}
