import { describe, expect, it } from 'vitest';
import { registryVersions, workspaceVersions, type SchemaVersion } from '../../../src/renderer/src/data/schema';
import { migrateFrom } from './migration-helper';

describe('schema versions', () => {
  it.each([
    ['registry', registryVersions],
    ['workspace', workspaceVersions],
  ])('%s versions start at 1 and go up by one', (_name, versions) => {
    expect(versions.map((v) => v.version)).toEqual(versions.map((_v, i) => i + 1));
  });

  // Shipped versions are frozen (DESIGN.md decision 8): a user's database was created from them. A change
  // belongs in a new version; if this test fails, revert the edit and append a version instead.
  it('keeps the shipped version 1 of each database unchanged', () => {
    expect(registryVersions[0]?.stores).toEqual({ workspaces: 'id, name, deletedAt', settings: 'key' });
    expect(workspaceVersions[0]?.stores).toEqual({ association: 'id', meta: 'key' });
  });

  // Every version shipped on main (1–13), as users' databases were created from it. Append new versions
  // below this list once they ship; never edit a line of it.
  const SHIPPED_WORKSPACE_VERSIONS: Array<[number, Record<string, string | null>]> = [
    [
      1,
      {
        association: 'id',
        meta: 'key',
      },
    ],
    [
      2,
      {
        people: 'id, lastName, deletedAt',
        contracts: 'id, personId, kind, startDate, plannedEndDate, deletedAt',
        amendments: 'id, contractId, effectiveDate, deletedAt',
        aidedPosts: 'id, contractId, scheme, aidEndDate, deletedAt',
      },
    ],
    [
      3,
      {
        funders: 'id, name, kind, deletedAt',
        grantApplications: 'id, funderId, status, periodStart, deletedAt',
        payments: 'id, applicationId, expectedDate, deletedAt',
        deadlineStates: 'key',
      },
    ],
    [
      4,
      {
        partners: 'id, name, kind, deletedAt',
        contacts: 'id, partnerId, deletedAt',
        agreements: 'id, kind, status, endDate, deletedAt',
        agreementParties: 'id, agreementId, partnerId, deletedAt',
        attachments: 'id, ownerId, deletedAt',
        documents: 'id, kind, validUntil, deletedAt',
      },
    ],
    [
      5,
      {
        journal: 'id, at, table, recordId, person, batch',
      },
    ],
    [
      6,
      {
        projects: 'id, title, startDate, deletedAt',
        projectStaff: 'id, projectId, personId, deletedAt',
        budgets: 'id, scope, projectId, year, deletedAt',
        budgetLines: 'id, budgetId, account, grantApplicationId, deletedAt',
        dossierSnapshots: 'id, createdAt, deletedAt',
        financialReports: 'id, grantApplicationId, deletedAt',
      },
    ],
    [
      7,
      {
        journal: 'id, at, table, recordId, person, batch, [table+at], [person+at]',
        payments: 'id, applicationId, expectedDate, deletedAt, [applicationId+expectedDate]',
      },
    ],
    [
      8,
      {
        payments: 'id, applicationId, expectedDate, deletedAt, [applicationId+expectedDate], receivedDate',
      },
    ],
    [
      9,
      {
        grantApplications: 'id, funderId, status, periodStart, deletedAt, *projectIds',
      },
    ],
    [
      10,
      {
        absences: 'id, contractId, deletedAt',
        yearlyFigures: 'id, deletedAt',
      },
    ],
    [
      11,
      {
        cashLines: 'id, deletedAt',
      },
    ],
    [
      12,
      {
        syncState: 'docId',
        syncOutbox: 'docId',
        syncConflicts: 'id, docId',
      },
    ],
    [
      13,
      {
        aidedPosts: 'id, contractId, scheme, aidEndDate, deletedAt, funderId',
      },
    ],
  ];

  // A version on main is shipped: whoever appends one appends its stores here in the same change.
  it('freezes every version the code declares', () => {
    expect(SHIPPED_WORKSPACE_VERSIONS.map(([version]) => version)).toEqual(workspaceVersions.map((v) => v.version));
  });

  it.each(SHIPPED_WORKSPACE_VERSIONS)('keeps the shipped workspace version %i unchanged', (version, stores) => {
    expect(workspaceVersions.find((v) => v.version === version)?.stores).toEqual(stores);
  });
});

describe('migration helper', () => {
  // A made-up version 2 that splits a full name: it proves the helper runs a real upgrade over seeded data.
  const versions: SchemaVersion[] = [
    { version: 1, stores: { people: 'id' } },
    {
      version: 2,
      stores: { people: 'id, lastName' },
      upgrade: (tx) =>
        tx
          .table('people')
          .toCollection()
          .modify((person: { fullName?: string; firstName?: string; lastName?: string }) => {
            const [firstName = '', ...rest] = (person.fullName ?? '').split(' ');
            person.firstName = firstName;
            person.lastName = rest.join(' ');
            delete person.fullName;
          }),
    },
  ];

  it('opens version N, seeds it, reopens at N+1 and shows the upgraded records', async () => {
    let checked = false;
    await migrateFrom({
      name: 'migration-helper-test',
      versions,
      from: 1,
      seed: async (db) => {
        await db.table('people').bulkAdd([
          { id: 'a', fullName: 'Awa Diop' },
          { id: 'b', fullName: 'Jean Paul Martin' },
        ]);
      },
      check: async (db) => {
        expect(await db.table('people').orderBy('lastName').toArray()).toEqual([
          { id: 'a', firstName: 'Awa', lastName: 'Diop' },
          { id: 'b', firstName: 'Jean', lastName: 'Paul Martin' },
        ]);
        checked = true;
      },
    });
    expect(checked).toBe(true);
  });
});
