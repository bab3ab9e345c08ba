import { Dexie, type Table } from 'dexie';
import type { AssociationProfileRecord } from '../domain/association';
import type { AgreementPartyRecord, AgreementRecord } from '../domain/partners/agreement';
import type { AttachmentRecord } from '../domain/partners/attachment';
import type { VaultDocumentRecord } from '../domain/partners/document';
import type { ContactRecord, PartnerRecord } from '../domain/partners/partner';
import { declareVersions, workspaceVersions, type SchemaVersion } from './schema';

export function workspaceDbName(workspaceId: string): string {
  return `passerelle-ws-${workspaceId}`;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** One association's database. Nothing outside it can see its records (DESIGN.md decision 5). */
export class WorkspaceDb extends Dexie {
  association!: Table<AssociationProfileRecord, string>;
  meta!: Table<MetaRecord, string>;
  // Partenaires (schema version 4).
  partners!: Table<PartnerRecord, string>;
  contacts!: Table<ContactRecord, string>;
  agreements!: Table<AgreementRecord, string>;
  agreementParties!: Table<AgreementPartyRecord, string>;
  attachments!: Table<AttachmentRecord, string>;
  documents!: Table<VaultDocumentRecord, string>;

  readonly workspaceId: string;

  constructor(workspaceId: string, versions: readonly SchemaVersion[] = workspaceVersions, upTo?: number) {
    super(workspaceDbName(workspaceId));
    this.workspaceId = workspaceId;
    declareVersions(this, versions, upTo);
  }
}
