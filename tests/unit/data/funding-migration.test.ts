import { describe, expect, it } from 'vitest';
import { workspaceVersions } from '../../../src/renderer/src/data/schema';
import { fixtureAssociationProfile } from '../../fixtures/association';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';
import { migrateFrom } from './migration-helper';

const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };

describe('workspace schema version 3 (Financements)', () => {
  it('keeps every record of version 2 and adds indexed funding tables', async () => {
    const profile = { ...fixtureAssociationProfile, id: 'ws-1', ...stamps };
    const person = { id: 'person-1', firstName: 'Awa', lastName: 'Diop', ...stamps };
    const contract = { id: 'contract-1', personId: 'person-1', kind: 'cdi', startDate: '2025-09-01', ...stamps };
    await migrateFrom({
      name: 'funding-migration-test',
      versions: workspaceVersions,
      from: 2,
      seed: async (db) => {
        await db.table('association').add(profile);
        await db.table('meta').add({ key: 'workspace', value: { id: 'ws-1', createdAt: stamps.createdAt } });
        await db.table('people').add(person);
        await db.table('contracts').add(contract);
      },
      check: async (db) => {
        expect(await db.table('association').get('ws-1')).toEqual(profile);
        expect(await db.table('meta').get('workspace')).toEqual({ key: 'workspace', value: { id: 'ws-1', createdAt: stamps.createdAt } });
        expect(await db.table('people').toArray()).toEqual([person]);
        expect(await db.table('contracts').where('personId').equals('person-1').toArray()).toEqual([contract]);

        await db.table('funders').bulkAdd(fixtureFunders.map((f) => ({ ...f, ...stamps })));
        await db.table('grantApplications').bulkAdd(fixtureApplications.map((a) => ({ ...a, ...stamps })));
        await db.table('payments').bulkAdd(fixturePayments.map((p) => ({ ...p, ...stamps })));
        await db
          .table('deadlineStates')
          .add({ key: 'grant:app-city-cpo:financial-report:1', doneAt: stamps.createdAt, updatedAt: stamps.createdAt });

        expect(await db.table('funders').where('kind').equals('social-bodies').count()).toBe(1);
        expect(await db.table('grantApplications').where('funderId').equals('funder-city').count()).toBe(2);
        expect(await db.table('grantApplications').where('status').equals('refused').count()).toBe(1);
        expect(await db.table('grantApplications').where('periodStart').between('2026-01-01', '2026-12-31', true, true).count()).toBe(10);
        expect(await db.table('payments').where('applicationId').equals('app-city-cpo').count()).toBe(3);
        expect(await db.table('payments').where('expectedDate').below('2026-10-01').count()).toBe(6);
        expect(await db.table('deadlineStates').get('grant:app-city-cpo:financial-report:1')).toBeDefined();
      },
    });
  });
});
