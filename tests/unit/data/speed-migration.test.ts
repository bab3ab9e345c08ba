import { describe, expect, it } from 'vitest';
import { workspaceVersions } from '../../../src/renderer/src/data/schema';
import { migrateFrom } from './migration-helper';
import { fixtureAssociationProfile } from '../../fixtures/association';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';
import { fixtureAgreements, fixturePartners } from '../../fixtures/partners';
import { fixtureTeam } from '../../fixtures/team';

const WS = 'ws-migration-7';
const STAMPS = { createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-01-15T09:00:00.000Z', deletedAt: null };
const profile = { ...fixtureAssociationProfile, id: WS, ...STAMPS };
const payments = fixturePayments.map((p) => ({ ...STAMPS, ...p }));
const binnedPayment = { ...payments[0]!, id: 'payment-binned', deletedAt: '2026-11-20T10:00:00.000Z' };
const project = { id: 'project-1', title: 'Coup de pouce devoirs', startDate: '2026-09-01', ...STAMPS };
const journal = [
  {
    id: 'j-1',
    at: '2026-11-20T09:00:00.000Z',
    table: 'funders',
    recordId: 'funder-city',
    person: 'Awa Diop',
    session: 's-1',
    batch: 'b-1',
    seq: 1,
    kind: 'create',
    summary: 'Création\u00a0: Financeur « Ville de Saint-Denis »',
    before: null,
    undoneAt: null,
  },
  {
    id: 'j-2',
    at: '2026-11-22T09:00:00.000Z',
    table: 'payments',
    recordId: 'payment-binned',
    person: null,
    session: 's-1',
    batch: 'b-2',
    seq: 2,
    kind: 'bin',
    summary: 'Mise à la corbeille\u00a0: Versement',
    before: payments[0],
    undoneAt: null,
  },
  {
    id: 'j-3',
    at: '2026-11-24T09:00:00.000Z',
    table: 'funders',
    recordId: 'funder-caf',
    person: 'Karim Benali',
    session: 's-2',
    batch: 'b-3',
    seq: 1,
    kind: 'update',
    summary: 'Modification\u00a0: Financeur « CAF »',
    before: null,
    undoneAt: null,
  },
];

describe('schema version 7 (indexes for long journals and payments)', () => {
  it('keeps every record of version 6 and answers the new compound indexes', async () => {
    await migrateFrom({
      name: `passerelle-ws-${WS}`,
      versions: workspaceVersions,
      from: 6,
      seed: async (db) => {
        await db.table('association').put(profile);
        await db.table('funders').bulkAdd(fixtureFunders.map((f) => ({ ...STAMPS, ...f })));
        await db.table('grantApplications').bulkAdd(fixtureApplications.map((a) => ({ ...STAMPS, ...a })));
        await db.table('payments').bulkAdd([...payments, binnedPayment]);
        await db.table('people').bulkAdd(fixtureTeam.people);
        await db.table('contracts').bulkAdd(fixtureTeam.contracts);
        await db.table('partners').bulkAdd(fixturePartners);
        await db.table('agreements').bulkAdd(fixtureAgreements);
        await db.table('projects').add(project);
        await db.table('journal').bulkAdd(journal);
      },
      check: async (db) => {
        expect(await db.table('association').get(WS)).toEqual(profile);
        expect(await db.table('funders').count()).toBe(fixtureFunders.length);
        expect(await db.table('grantApplications').count()).toBe(fixtureApplications.length);
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(await db.table('payments').orderBy('id').toArray()).toEqual([...payments, binnedPayment].sort(byId));
        expect(await db.table('people').count()).toBe(fixtureTeam.people.length);
        expect(await db.table('contracts').count()).toBe(fixtureTeam.contracts.length);
        expect(await db.table('partners').count()).toBe(fixturePartners.length);
        expect(await db.table('agreements').count()).toBe(fixtureAgreements.length);
        expect(await db.table('projects').get('project-1')).toEqual(project);
        expect(await db.table('journal').orderBy('id').toArray()).toEqual(journal);

        // The journal page's indexes: by kind of record or by person, newest first within a date range.
        const funders = await db
          .table('journal')
          .where('[table+at]')
          .between(['funders', '2026-11-01'], ['funders', '2026-12-01'])
          .reverse()
          .toArray();
        expect(funders.map((e: { id: string }) => e.id)).toEqual(['j-3', 'j-1']);
        expect(await db.table('journal').where('[person+at]').between(['Awa Diop', '2026-11-20'], ['Awa Diop', '2026-11-21']).count()).toBe(
          1,
        );
        // An unsigned change stays out of the person index, as before.
        expect(await db.table('journal').where('person').equals('Karim Benali').count()).toBe(1);
        expect(await db.table('journal').orderBy('person').count()).toBe(2);

        // An application's payments in expected-date order, the binned one still in the bin.
        const caf = payments.filter((p) => p.applicationId === payments[0]!.applicationId);
        const ordered = await db
          .table('payments')
          .where('[applicationId+expectedDate]')
          .between([caf[0]!.applicationId, ''], [caf[0]!.applicationId, '\uffff'])
          .toArray();
        expect(ordered.map((p: { expectedDate: string }) => p.expectedDate)).toEqual(
          [...caf, binnedPayment].map((p) => p.expectedDate).sort(),
        );
        expect(await db.table('payments').where('deletedAt').equals(binnedPayment.deletedAt).count()).toBe(1);
      },
    });
  });
});
