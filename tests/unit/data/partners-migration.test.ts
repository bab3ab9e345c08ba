import { describe, expect, it } from 'vitest';
import { workspaceVersions } from '../../../src/renderer/src/data/schema';
import { migrateFrom } from './migration-helper';
import { fixtureAssociationProfile } from '../../fixtures/association';
import { fixtureAgreementParties, fixtureAgreements, fixturePartners } from '../../fixtures/partners';

const WS = 'ws-migration-4';
const STAMPS = { createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-01-15T09:00:00.000Z', deletedAt: null };
const profile = { ...fixtureAssociationProfile, id: WS, ...STAMPS };
const person = { id: 'person-1', lastName: 'Diop', firstName: 'Awa', ...STAMPS };
const contract = { id: 'contract-1', personId: 'person-1', kind: 'cdi', startDate: '2025-09-01', ...STAMPS };
const funder = { id: 'funder-1', name: 'Ville de Saint-Denis', kind: 'commune', ...STAMPS };
const application = { id: 'grant-1', funderId: 'funder-1', status: 'submitted', periodStart: '2026-01-01', ...STAMPS };
const deadlineState = { key: 'grant:grant-1:deposit', done: true };

describe('schema version 4 (Partenaires)', () => {
  it('keeps every record of version 3 and opens the partner tables', async () => {
    await migrateFrom({
      name: `passerelle-ws-${WS}`,
      versions: workspaceVersions,
      from: 3,
      seed: async (db) => {
        await db.table('association').put(profile);
        await db.table('meta').put({ key: 'createdAt', value: '2026-01-15' });
        await db.table('people').put(person);
        await db.table('contracts').put(contract);
        await db.table('funders').put(funder);
        await db.table('grantApplications').put(application);
        await db.table('deadlineStates').put(deadlineState);
      },
      check: async (db) => {
        expect(await db.table('association').get(WS)).toEqual(profile);
        expect(await db.table('meta').get('createdAt')).toEqual({ key: 'createdAt', value: '2026-01-15' });
        expect(await db.table('people').get('person-1')).toEqual(person);
        expect(await db.table('contracts').get('contract-1')).toEqual(contract);
        expect(await db.table('funders').get('funder-1')).toEqual(funder);
        expect(await db.table('grantApplications').get('grant-1')).toEqual(application);
        expect(await db.table('deadlineStates').get(deadlineState.key)).toEqual(deadlineState);

        await db.table('partners').bulkAdd(fixturePartners);
        await db.table('agreements').bulkAdd(fixtureAgreements);
        await db.table('agreementParties').bulkAdd(fixtureAgreementParties);
        const blob = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], { type: 'application/pdf' });
        await db.table('attachments').add({ id: 'att-1', ownerId: fixtureAgreements[0]!.id, data: blob, ...STAMPS });
        await db.table('documents').add({ id: 'doc-1', kind: 'rib', validUntil: '2027-01-01', ...STAMPS });
        await db.table('contacts').add({ id: 'c-1', partnerId: fixturePartners[0]!.id, lastName: 'Moreau', ...STAMPS });

        expect(await db.table('partners').where('kind').equals('association').count()).toBe(3);
        expect(await db.table('agreementParties').where('partnerId').equals(fixturePartners[0]!.id).count()).toBe(2);
        expect(await db.table('agreements').where('status').equals('active').count()).toBe(4);
        expect(await db.table('agreements').where('endDate').below('2027-01-01').count()).toBe(3);
        const attachment = await db.table('attachments').where('ownerId').equals(fixtureAgreements[0]!.id).first();
        expect(attachment?.data).toBeInstanceOf(Blob);
        expect(await db.table('documents').where('validUntil').above('2026-12-31').count()).toBe(1);
        expect(await db.table('contacts').where('partnerId').equals(fixturePartners[0]!.id).count()).toBe(1);
      },
    });
  });
});
