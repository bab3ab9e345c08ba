import { describe, expect, it } from 'vitest';
import { workspaceVersions } from '../../../../src/renderer/src/data/schema';
import { LOCAL_ONLY_TABLES, LOCAL_SCHEMA_VERSION, syncedTables, tablesOf } from '../../../../src/renderer/src/data/sync/synced-tables';
import {
  NEWER_SCHEMA_MESSAGE,
  documentId,
  parseDocumentId,
  readDocument,
  toDocument,
} from '../../../../src/renderer/src/domain/sync/sync-document';
import { fixtureWorkspace } from '../../../fixtures/generator';
import { fixtureAssociationProfile } from '../../../fixtures/association';

type Row = Record<string, unknown>;
const at = '2026-11-24T10:00:00.000Z';

// One real record per replicated table. The tables come from the schema: a table a later version adds
// fails this test until it has a sample here (or a reason in LOCAL_ONLY_TABLES to stay on the laptop).
function samples(): Record<string, Row> {
  const tables = fixtureWorkspace().tables as unknown as Record<string, Row[]>;
  const firsts = Object.fromEntries(Object.entries(tables).flatMap(([name, rows]) => (rows[0] ? [[name, rows[0]]] : [])));
  return {
    ...firsts,
    association: { ...fixtureAssociationProfile, id: 'association', createdAt: at, updatedAt: at, deletedAt: null },
    deadlineStates: { key: 'contract:c1:trial-end', doneAt: at, snoozedUntil: null },
    dossierSnapshots: { id: 's1', createdAt: at, updatedAt: at, deletedAt: null, title: 'Dossier Benali', totalCents: 1_800_000 },
    financialReports: { id: 'r1', grantApplicationId: 'g1', createdAt: at, updatedAt: at, deletedAt: null, spentCents: 1_234_567 },
    absences: {
      id: 'ab1',
      contractId: 'c1',
      kind: 'sickness',
      startDate: '2026-03-02',
      endDate: '2026-05-15',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    },
    yearlyFigures: {
      id: 'yf1',
      figure: 'smic-hourly',
      from: '2027-01-01',
      cents: 1_230,
      source: 'Décret à paraître',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    },
    cashLines: {
      id: 'opening-balance',
      kind: 'opening',
      date: '2026-11-24',
      amountCents: 1_250_000,
      overdrawn: false,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    },
  };
}

describe('which tables replicate', () => {
  it('puts every table of the latest schema either in replication or on the laptop with a reason', () => {
    const all = [...tablesOf().keys()];
    const synced = syncedTables().map((t) => t.name);
    expect(all.length).toBeGreaterThan(20);
    for (const name of all) expect(synced.includes(name) !== name in LOCAL_ONLY_TABLES, name).toBe(true);
    for (const name of Object.keys(LOCAL_ONLY_TABLES)) expect(all, `${name} is no table of the schema`).toContain(name);
    expect(synced).toEqual(expect.arrayContaining(['people', 'grantApplications', 'payments', 'deadlineStates', 'association']));
    expect(synced).not.toContain('journal');
    expect(synced).not.toContain('attachments');
  });

  it('reads each table’s primary key from the schema (deadline states are keyed by « key »)', () => {
    const keys = new Map(syncedTables().map((t) => [t.name, t.primaryKey]));
    expect(keys.get('deadlineStates')).toBe('key');
    expect(keys.get('payments')).toBe('id');
  });

  it('carries the latest schema version', () => {
    expect(LOCAL_SCHEMA_VERSION).toBe(workspaceVersions.at(-1)?.version);
  });
});

describe('record ↔ document', () => {
  const rows = samples();
  it.each(syncedTables().map((t) => [t.name, t.primaryKey] as const))(
    '%s: a record survives the trip to the server and back',
    (table, primaryKey) => {
      const record = rows[table];
      expect(record, `no sample record for table ${table}: add one above`).toBeDefined();
      const key = String(record?.[primaryKey]);
      const doc = toDocument(table, key, record as Row, LOCAL_SCHEMA_VERSION, { person: 'Awa', at });
      expect(doc._id).toBe(`${table}:${key}`);
      // What the server stores and sends back is JSON.
      const back = readDocument(JSON.parse(JSON.stringify({ ...doc, _rev: '1-abc' })), LOCAL_SCHEMA_VERSION);
      expect(back).toEqual({ ok: true, table, key, record, author: { person: 'Awa', at }, schemaVersion: LOCAL_SCHEMA_VERSION });
    },
  );

  it('keeps a binned record binned: a soft delete is an update of the document', () => {
    const person: Row = { ...(rows.people as Row), deletedAt: '2026-11-25T08:00:00.000Z' };
    const back = readDocument(
      toDocument('people', String(person.id), person, LOCAL_SCHEMA_VERSION, { person: null, at }),
      LOCAL_SCHEMA_VERSION,
    );
    expect(back.ok && back.record.deletedAt).toBe('2026-11-25T08:00:00.000Z');
  });

  it('does not apply a document written by a newer Passerelle, and says to update', () => {
    const doc = toDocument('people', 'p1', rows.people as Row, LOCAL_SCHEMA_VERSION + 1, { person: null, at });
    expect(readDocument(doc, LOCAL_SCHEMA_VERSION)).toEqual({ ok: false, reason: 'newer-schema', message: NEWER_SCHEMA_MESSAGE });
    expect(NEWER_SCHEMA_MESSAGE).toContain('Mettez Passerelle à jour sur cet ordinateur');
    // The same version is applied.
    expect(readDocument({ ...doc, schemaVersion: LOCAL_SCHEMA_VERSION }, LOCAL_SCHEMA_VERSION).ok).toBe(true);
  });

  it.each([
    ['a design document', { _id: '_design/passerelle', table: '_design', schemaVersion: 1, record: {} }],
    ['an id without a table', { _id: 'p1', table: 'people', schemaVersion: 1, record: {} }],
    ['a table that does not match the id', { _id: 'people:p1', table: 'funders', schemaVersion: 1, record: {} }],
    ['no schema version', { _id: 'people:p1', table: 'people', record: {} }],
    ['a record that is a list', { _id: 'people:p1', table: 'people', schemaVersion: 1, record: [] }],
    ['null', null],
  ])('refuses %s as not one of ours', (_what, doc) => {
    expect(readDocument(doc, LOCAL_SCHEMA_VERSION)).toMatchObject({ ok: false, reason: 'not-a-record' });
  });

  it('splits an id at its first colon only (a deadline key holds colons)', () => {
    expect(parseDocumentId(documentId('deadlineStates', 'contract:c1:trial-end'))).toEqual({
      table: 'deadlineStates',
      key: 'contract:c1:trial-end',
    });
    expect(parseDocumentId('people:')).toBeNull();
  });
});
