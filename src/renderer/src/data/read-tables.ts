import type { Table } from 'dexie';
import type { WorkspaceDb } from './workspace-db';

/** The name of one of the espace's tables. */
export type TableName = { [K in keyof WorkspaceDb]: WorkspaceDb[K] extends Table ? K : never }[keyof WorkspaceDb];

/** The record type a table holds. */
export type RowOf<N extends TableName> = WorkspaceDb[N] extends Table<infer R> ? R : never;

/**
 * Every row of each named table, binned ones included (the caller keeps the live ones, where its rule
 * says so), read side by side: `const { people, contracts } = await readTables(db, 'people', 'contracts')`.
 */
export async function readTables<const N extends TableName>(db: WorkspaceDb, ...names: N[]): Promise<{ [K in N]: RowOf<K>[] }> {
  const rows = await Promise.all(names.map((name) => (db[name] as Table).toArray()));
  return Object.fromEntries(names.map((name, index) => [name, rows[index]])) as { [K in N]: RowOf<K>[] };
}
