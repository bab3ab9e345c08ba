import { describe, expect, it } from 'vitest';
import { ABSENCES_VERSION, workspaceVersions } from '../../../src/renderer/src/data/schema';
import { fixtureTeam } from '../../fixtures/team';
import { migrateFrom } from './migration-helper';

// The version that records absences on contracts: a new table and no data step, so every record of the
// version before is kept as it was, the Équipe still reads, and a contract's absences come by its index.

describe(`workspace schema version ${ABSENCES_VERSION} (absences on contracts, dated figures)`, () => {
  it('keeps the team as it was and adds the absences table, read by contract, and the dated figures', async () => {
    const contract = fixtureTeam.contracts[0]!;
    await migrateFrom({
      name: 'absences-migration-test',
      versions: workspaceVersions,
      from: ABSENCES_VERSION - 1,
      seed: async (db) => {
        await db.table('people').bulkAdd(fixtureTeam.people);
        await db.table('contracts').bulkAdd(fixtureTeam.contracts);
        await db.table('amendments').bulkAdd(fixtureTeam.amendments);
        await db.table('aidedPosts').bulkAdd(fixtureTeam.aidedPosts);
        expect(db.tables.map((t) => t.name)).not.toContain('absences');
        expect(db.tables.map((t) => t.name)).not.toContain('yearlyFigures');
      },
      check: async (db) => {
        const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
        expect(await db.table('people').toArray()).toEqual(byId(fixtureTeam.people));
        expect(await db.table('contracts').toArray()).toEqual(byId(fixtureTeam.contracts));
        expect(await db.table('amendments').toArray()).toEqual(byId(fixtureTeam.amendments));
        expect(await db.table('aidedPosts').toArray()).toEqual(byId(fixtureTeam.aidedPosts));
        expect(await db.table('absences').count()).toBe(0);
        const sick = {
          id: 'absence-1',
          contractId: contract.id,
          kind: 'sickness',
          startDate: '2026-01-05',
          endDate: '2026-03-15',
          createdAt: '2026-03-16T09:00:00.000Z',
          updatedAt: '2026-03-16T09:00:00.000Z',
          deletedAt: null,
        };
        await db.table('absences').add(sick);
        expect(await db.table('absences').where('contractId').equals(contract.id).toArray()).toEqual([sick]);
        expect(await db.table('yearlyFigures').count()).toBe(0);
        const smic = {
          id: 'figure-1',
          figure: 'smic-hourly',
          from: '2027-01-01',
          cents: 1_230,
          source: 'Décret',
          createdAt: sick.createdAt,
          updatedAt: sick.updatedAt,
          deletedAt: null,
        };
        await db.table('yearlyFigures').add(smic);
        expect(await db.table('yearlyFigures').toArray()).toEqual([smic]);
      },
    });
  });
});
