import { Dexie, type Table } from 'dexie';
import type { AssociationProfileRecord } from '../domain/association';
import type { AidedPostRecord } from '../domain/team/aided-post';
import type { AmendmentRecord } from '../domain/team/amendment';
import type { ContractRecord } from '../domain/team/contract';
import type { PersonRecord } from '../domain/team/person';
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
  // Équipe (schema version 2).
  people!: Table<PersonRecord, string>;
  contracts!: Table<ContractRecord, string>;
  amendments!: Table<AmendmentRecord, string>;
  aidedPosts!: Table<AidedPostRecord, string>;

  readonly workspaceId: string;

  constructor(workspaceId: string, versions: readonly SchemaVersion[] = workspaceVersions, upTo?: number) {
    super(workspaceDbName(workspaceId));
    this.workspaceId = workspaceId;
    declareVersions(this, versions, upTo);
  }
}
