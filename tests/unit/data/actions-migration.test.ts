import { describe, expect, it } from 'vitest';
import { workspaceVersions } from '../../../src/renderer/src/data/schema';
import { migrateFrom } from './migration-helper';
import { fixtureAssociationProfile } from '../../fixtures/association';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';
import { fixtureAgreementParties, fixtureAgreements, fixturePartners } from '../../fixtures/partners';
import { fixtureBudgetLines, fixtureBudgets, fixtureProjects, fixtureProjectStaff, PROJECT_IDS } from '../../fixtures/projects';
import { fixtureTeam } from '../../fixtures/team';

const WS = 'ws-migration-6';
const STAMPS = { createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-01-15T09:00:00.000Z', deletedAt: null };
const profile = { ...fixtureAssociationProfile, id: WS, ...STAMPS };
const journalEntry = {
  id: 'j-1',
  at: '2026-11-20T09:00:00.000Z',
  table: 'people',
  recordId: 'p-1',
  person: 'Karim Benali',
  batch: 'b-1',
  kind: 'update',
};
const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

describe('schema version 6 (Actions, budgets, dossiers)', () => {
  it('keeps every record of version 5 and opens usable, indexed tables for actions and budgets', async () => {
    const funders = fixtureFunders.map((f) => ({ ...f, ...STAMPS }));
    const applications = fixtureApplications.map((a) => ({ ...a, ...STAMPS }));
    const payments = fixturePayments.map((p) => ({ ...p, ...STAMPS }));
    await migrateFrom({
      name: `passerelle-ws-${WS}`,
      versions: workspaceVersions,
      from: 5,
      seed: async (db) => {
        await db.table('association').put(profile);
        await db.table('people').bulkAdd(fixtureTeam.people);
        await db.table('contracts').bulkAdd(fixtureTeam.contracts);
        await db.table('amendments').bulkAdd(fixtureTeam.amendments);
        await db.table('aidedPosts').bulkAdd(fixtureTeam.aidedPosts);
        await db.table('funders').bulkAdd(funders);
        await db.table('grantApplications').bulkAdd(applications);
        await db.table('payments').bulkAdd(payments);
        await db.table('partners').bulkAdd(fixturePartners);
        await db.table('agreements').bulkAdd(fixtureAgreements);
        await db.table('agreementParties').bulkAdd(fixtureAgreementParties);
        await db.table('journal').add(journalEntry);
      },
      check: async (db) => {
        expect(await db.table('association').get(WS)).toEqual(profile);
        expect(await db.table('people').orderBy('id').toArray()).toEqual(byId(fixtureTeam.people));
        expect(await db.table('contracts').orderBy('id').toArray()).toEqual(byId(fixtureTeam.contracts));
        expect(await db.table('amendments').toArray()).toEqual(fixtureTeam.amendments);
        expect(await db.table('aidedPosts').orderBy('id').toArray()).toEqual(byId(fixtureTeam.aidedPosts));
        expect(await db.table('funders').orderBy('id').toArray()).toEqual(byId(funders));
        expect(await db.table('grantApplications').orderBy('id').toArray()).toEqual(byId(applications));
        expect(await db.table('payments').orderBy('id').toArray()).toEqual(byId(payments));
        expect(await db.table('partners').orderBy('id').toArray()).toEqual(byId(fixturePartners));
        expect(await db.table('agreements').orderBy('id').toArray()).toEqual(byId(fixtureAgreements));
        expect(await db.table('agreementParties').count()).toBe(fixtureAgreementParties.length);
        expect(await db.table('journal').get('j-1')).toEqual(journalEntry);

        for (const table of ['projects', 'projectStaff', 'budgets', 'budgetLines', 'dossierSnapshots', 'financialReports']) {
          expect(await db.table(table).count()).toBe(0);
        }
        await db.table('projects').bulkAdd(fixtureProjects);
        await db.table('projectStaff').bulkAdd(fixtureProjectStaff);
        await db.table('budgets').bulkAdd(fixtureBudgets);
        await db.table('budgetLines').bulkAdd(fixtureBudgetLines);
        await db.table('dossierSnapshots').add({ id: 's-1', ...STAMPS });
        await db.table('financialReports').add({ id: 'r-1', grantApplicationId: 'app-state-schooling', ...STAMPS });

        expect(await db.table('projects').where('startDate').aboveOrEqual('2027-01-01').count()).toBe(2);
        expect(await db.table('projects').where('title').equals('Café des parents').count()).toBe(1);
        expect(await db.table('projectStaff').where('projectId').equals(PROJECT_IDS.schooling).count()).toBe(2);
        expect(await db.table('projectStaff').where('personId').equals(fixtureTeam.people[3]!.id).count()).toBe(1);
        expect(await db.table('budgets').where('year').equals(2027).count()).toBe(2);
        expect(await db.table('budgets').where('scope').equals('association').count()).toBe(1);
        expect(await db.table('budgets').where('projectId').equals(PROJECT_IDS.schooling).count()).toBe(1);
        expect(await db.table('budgetLines').where('budgetId').equals(PROJECT_IDS.associationBudget2027).count()).toBe(25);
        expect(await db.table('budgetLines').where('grantApplicationId').equals('app-state-schooling-2027').count()).toBe(2);
        expect(await db.table('budgetLines').where('account').equals('74.state').count()).toBe(2);
        expect(await db.table('financialReports').where('grantApplicationId').equals('app-state-schooling').count()).toBe(1);
        expect(await db.table('dossierSnapshots').orderBy('createdAt').count()).toBe(1);
      },
    });
  });
});
