import { describe, expect, it } from 'vitest';
import { workspaceVersions } from '../../../src/renderer/src/data/schema';
import { fixtureAssociationProfile } from '../../fixtures/association';
import { fixtureTeam } from '../../fixtures/team';
import { migrateFrom } from './migration-helper';

describe('workspace schema version 2 (Équipe)', () => {
  it('keeps the profile and meta of version 1 and adds the Équipe tables with their indexes', async () => {
    const profile = {
      ...fixtureAssociationProfile,
      id: 'ws-1',
      createdAt: '2025-01-06T09:00:00.000Z',
      updatedAt: '2025-11-02T17:30:00.000Z',
      deletedAt: null,
    };
    const meta = { key: 'createdAt', value: '2025-01-06T09:00:00.000Z' };
    let checked = false;
    await migrateFrom({
      name: 'team-migration-test',
      versions: workspaceVersions,
      from: 1,
      seed: async (db) => {
        await db.table('association').add(profile);
        await db.table('meta').add(meta);
      },
      check: async (db) => {
        expect(await db.table('association').toArray()).toEqual([profile]);
        expect(await db.table('meta').toArray()).toEqual([meta]);
        await db.table('people').bulkAdd(fixtureTeam.people);
        await db.table('contracts').bulkAdd(fixtureTeam.contracts);
        await db.table('amendments').bulkAdd(fixtureTeam.amendments);
        await db.table('aidedPosts').bulkAdd(fixtureTeam.aidedPosts);
        expect(await db.table('people').orderBy('lastName').first()).toMatchObject({ lastName: 'Benali' });
        expect(await db.table('contracts').where('personId').equals(fixtureTeam.people[1]!.id).count()).toBe(3);
        expect(await db.table('contracts').where('kind').equals('pec').count()).toBe(1);
        expect(await db.table('amendments').where('contractId').equals(fixtureTeam.amendments[0]!.contractId).count()).toBe(1);
        expect(await db.table('aidedPosts').where('aidEndDate').below('2027-01-01').count()).toBe(1);
        checked = true;
      },
    });
    expect(checked).toBe(true);
  });
});
