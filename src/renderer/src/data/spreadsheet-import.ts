import type { ImportKind, RowOutcome } from '../domain/spreadsheets/import-targets';
import type { ImportReferences } from '../domain/spreadsheets/import-targets';
import type { WorkspaceDb } from './workspace-db';
import type { RecordStamps } from '../domain/record';
import { createRows } from './write-path';

// Writes the rows of an import that passed validation. All-or-nothing: with one row in error nothing is
// written, unless the user chose to skip those rows; the written rows go in ONE transaction, so a failure
// half-way leaves the espace as it was.

const TABLES = {
  people: 'people',
  contracts: 'contracts',
  funders: 'funders',
  applications: 'grantApplications',
  partners: 'partners',
} as const satisfies Record<ImportKind, string>;

export type ImportResult = { status: 'imported'; count: number; skipped: number } | { status: 'refused'; badRows: number };

/** The people and funders that imported rows may name, without those in the bin. */
export async function loadImportReferences(db: WorkspaceDb): Promise<ImportReferences> {
  const [people, funders, contracts, amendments] = await Promise.all([
    db.people.toArray(),
    db.funders.toArray(),
    db.contracts.toArray(),
    db.amendments.toArray(),
  ]);
  const liveAmendments = amendments.filter((a) => a.deletedAt === null);
  return {
    people: people.filter((p) => p.deletedAt === null),
    funders: funders.filter((f) => f.deletedAt === null),
    contracts: contracts
      .filter((c) => c.deletedAt === null)
      .map((contract) => ({ contract, amendments: liveAmendments.filter((a) => a.contractId === contract.id) })),
  };
}

export async function importRows(
  db: WorkspaceDb,
  kind: ImportKind,
  outcomes: readonly RowOutcome[],
  options: { skipInvalid: boolean; now?: Date },
): Promise<ImportResult> {
  const bad = outcomes.filter((o) => !o.ok).length;
  if (bad > 0 && !options.skipInvalid) return { status: 'refused', badRows: bad };
  const now = options.now ?? new Date();
  const rows = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
  const table = db.table<RecordStamps, string>(TABLES[kind]);
  const records = await db.transaction('rw', table, () => createRows(table, rows as Omit<RecordStamps, keyof RecordStamps>[], now));
  return { status: 'imported', count: records.length, skipped: bad };
}
