import { Dexie, type Table } from 'dexie';
import type { WorkspaceRecord } from '../domain/workspace';
import { declareVersions, registryVersions, type SchemaVersion } from './schema';

export const REGISTRY_DB_NAME = 'passerelle';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The device-level database (DESIGN.md decision 5): the list of espaces and device settings. */
export class RegistryDb extends Dexie {
  workspaces!: Table<WorkspaceRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name: string = REGISTRY_DB_NAME, versions: readonly SchemaVersion[] = registryVersions, upTo?: number) {
    super(name);
    declareVersions(this, versions, upTo);
  }
}
