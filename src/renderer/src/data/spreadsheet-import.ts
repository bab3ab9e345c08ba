import {
  importPlan,
  NEW_PERSON_PREFIX,
  type ExistingChoice,
  type ImportKind,
  type RowOutcome,
} from '../domain/spreadsheets/import-targets';
import type { ImportReferences } from '../domain/spreadsheets/import-targets';
import { personSchema, type PersonRecord } from '../domain/team/person';
import type { WorkspaceDb } from './workspace-db';
import type { RecordStamps } from '../domain/record';
import { createRows, updateRow } from './write-path';

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

export type ImportResult =
  | {
      status: 'imported';
      /** Records created (for contracts: the contracts). */
      count: number;
      skipped: number;
      /** People already in the team: updated from the file, or left as they were. */
      updated: number;
      unchanged: number;
      /** People a contracts file created along with their contracts. */
      createdPeople: number;
    }
  | { status: 'refused'; badRows: number };

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
  options: { skipInvalid: boolean; existing?: ExistingChoice; now?: Date },
): Promise<ImportResult> {
  const existing = options.existing ?? 'skip';
  const plan = importPlan(outcomes, { skipInvalid: options.skipInvalid, existing });
  if (plan.bad > 0 && !options.skipInvalid) return { status: 'refused', badRows: plan.bad };
  const now = options.now ?? new Date();
  const good = outcomes.flatMap((o) => (o.ok ? [o] : []));
  const fresh = good.filter((o) => o.existing === undefined);
  const table = db.table<RecordStamps, string>(TABLES[kind]);
  const tables = kind === 'contracts' || kind === 'people' ? [table, db.people] : [table];
  return db.transaction('rw', tables, async () => {
    let createdPeople = 0;
    let rows = fresh.map((o) => o.value);
    if (kind === 'contracts') {
      // The people the file names who are not in the team: created once each, then their contracts.
      const people = new Map<string, Record<string, unknown>>();
      for (const o of fresh) {
        if (!o.newPerson || people.has(o.newPerson.key)) continue;
        const { key: _key, ...fields } = o.newPerson;
        people.set(o.newPerson.key, personSchema.parse(fields));
      }
      const created = await createRows(db.people, [...people.values()] as Omit<PersonRecord, keyof RecordStamps>[], now);
      createdPeople = created.length;
      const idByKey = new Map([...people.keys()].map((key, i) => [key, created[i]!.id]));
      rows = rows.map((value) => {
        const personId = String(value.personId);
        return personId.startsWith(NEW_PERSON_PREFIX) ? { ...value, personId: idByKey.get(personId) } : value;
      });
    }
    const records = await createRows(table, rows as Omit<RecordStamps, keyof RecordStamps>[], now);
    let updated = 0;
    if (kind === 'people' && existing === 'update') {
      for (const o of good) {
        if (!o.existing) continue;
        const stored = await db.people.get(o.existing.id);
        if (!stored || stored.deletedAt !== null) continue;
        // Only what the file says: a column it lacks, or an empty cell, leaves the record's value alone.
        const fromFile = Object.fromEntries(Object.entries(o.value).filter(([key]) => (o.cells[key] ?? '') !== ''));
        const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = stored;
        const result = await updateRow(
          db.people,
          { ref: { id: stored.id } },
          { ...fields, ...fromFile } as Omit<PersonRecord, keyof RecordStamps>,
          now,
        );
        if (result.ok) updated += 1;
      }
    }
    return {
      status: 'imported' as const,
      count: records.length,
      skipped: plan.bad,
      updated,
      unchanged: good.length - fresh.length - updated,
      createdPeople,
    };
  });
}
