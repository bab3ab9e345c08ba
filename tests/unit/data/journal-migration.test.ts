import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { workspaceVersions } from '../../../src/renderer/src/data/schema';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { listJournal } from '../../../src/renderer/src/data/journal-repository';
import { migrateFrom } from './migration-helper';
import { fixtureAssociationProfile } from '../../fixtures/association';
import { fixtureAgreementParties, fixtureAgreements, fixtureContacts, fixturePartners } from '../../fixtures/partners';

const WS = 'ws-migration-5';
const STAMPS = { createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-01-15T09:00:00.000Z', deletedAt: null };
const profile = { ...fixtureAssociationProfile, id: WS, ...STAMPS };
const person = { id: 'person-1', lastName: 'Diop', firstName: 'Awa', ...STAMPS };
const funder = { id: 'funder-1', name: 'Ville de Saint-Denis', kind: 'commune', ...STAMPS };
const binnedDocument = { id: 'doc-1', kind: 'rib', validUntil: '2027-01-01', ...STAMPS, deletedAt: '2026-11-20T10:00:00.000Z' };
const deadlineState = { key: 'grant:grant-1:deposit', done: true };

describe('schema version 5 (Journal)', () => {
  it('keeps every record of version 4 and opens an empty, usable journal', async () => {
    await migrateFrom({
      name: `passerelle-ws-${WS}`,
      versions: workspaceVersions,
      from: 4,
      seed: async (db) => {
        await db.table('association').put(profile);
        await db.table('meta').put({ key: 'createdAt', value: '2026-01-15' });
        await db.table('people').put(person);
        await db.table('funders').put(funder);
        await db.table('deadlineStates').put(deadlineState);
        await db.table('partners').bulkAdd(fixturePartners);
        await db.table('contacts').bulkAdd(fixtureContacts);
        await db.table('agreements').bulkAdd(fixtureAgreements);
        await db.table('agreementParties').bulkAdd(fixtureAgreementParties);
        await db.table('documents').add(binnedDocument);
      },
      check: async (db) => {
        expect(await db.table('association').get(WS)).toEqual(profile);
        expect(await db.table('meta').get('createdAt')).toEqual({ key: 'createdAt', value: '2026-01-15' });
        expect(await db.table('people').get('person-1')).toEqual(person);
        expect(await db.table('funders').get('funder-1')).toEqual(funder);
        expect(await db.table('deadlineStates').get(deadlineState.key)).toEqual(deadlineState);
        expect(await db.table('partners').orderBy('id').toArray()).toEqual([...fixturePartners].sort((a, b) => a.id.localeCompare(b.id)));
        expect(await db.table('contacts').count()).toBe(fixtureContacts.length);
        expect(await db.table('agreements').count()).toBe(fixtureAgreements.length);
        expect(await db.table('agreementParties').count()).toBe(fixtureAgreementParties.length);
        expect(await db.table('documents').get('doc-1')).toEqual(binnedDocument);

        expect(await db.table('journal').count()).toBe(0);
        await db
          .table('journal')
          .add({ id: 'j-1', at: '2026-11-24T09:00:00.000Z', table: 'partners', recordId: 'p-1', person: 'Awa Diop', batch: 'b-1' });
        expect(await db.table('journal').where('person').equals('Awa Diop').count()).toBe(1);
        expect(await db.table('journal').where('recordId').equals('p-1').count()).toBe(1);
        expect(await db.table('journal').where('at').above('2026-11-01').count()).toBe(1);
      },
    });
  });

  it('journals the first change made through the app after the upgrade', async () => {
    const name = 'ws-migration-5b';
    await Dexie.delete(`passerelle-ws-${name}`);
    const old = new WorkspaceDb(name, workspaceVersions, 4);
    await old.open();
    await old.partners.bulkAdd(fixturePartners);
    old.close();

    const db = new WorkspaceDb(name);
    await db.open();
    db.setCurrentPerson('Awa Diop');
    try {
      expect(db.verno).toBeGreaterThanOrEqual(5);
      expect(await db.journal.count()).toBe(0);
      await db.partners.update(fixturePartners[0]!.id, { phone: '01 49 33 00 00' });
      const [entry] = await listJournal(db);
      expect(entry).toMatchObject({ kind: 'update', person: 'Awa Diop', before: fixturePartners[0] });
    } finally {
      db.close();
      await Dexie.delete(`passerelle-ws-${name}`);
    }
  });
});
