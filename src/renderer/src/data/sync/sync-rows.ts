import type { FieldConflict } from '../../domain/sync/three-way-merge';
import type { SyncAuthor, SyncRecord } from '../../domain/sync/sync-document';

/** Per replicated document: the revision last exchanged with the engine and its record (the merge base). */
export interface SyncStateRow {
  docId: string;
  rev: string;
  body: SyncRecord;
  author: SyncAuthor;
}

/** A « conflit à vérifier » the merge left for a person: one field both laptops changed. */
export interface SyncConflictRow {
  id: string;
  docId: string;
  table: string;
  recordId: string;
  /** What the record is, in French (« Demande « Fonjep 2027 » »), when the conflict was found. */
  label: string;
  conflict: FieldConflict;
  foundAt: string;
}
