import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { RegistryDb } from '../../../src/renderer/src/data/registry-db';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { createWorkspace } from '../../../src/renderer/src/data/workspace-repository';
import { saveAssociationProfile } from '../../../src/renderer/src/data/association-repository';
import {
  DEADLINE_READERS,
  deadlineTables,
  loadDeadlineData,
  loadDeadlines,
  type DeadlineReader,
} from '../../../src/renderer/src/data/deadlines-repository';
import { fundingDeadlines } from '../../../src/renderer/src/domain/deadlines/funding-deadlines';
import { partnerDeadlines } from '../../../src/renderer/src/domain/deadlines/partner-deadlines';
import { endOfContractDeadlines } from '../../../src/renderer/src/domain/deadlines/end-of-contract';
import { teamDeadlines } from '../../../src/renderer/src/domain/deadlines/team-deadlines';
import { fixtureAssociationProfile } from '../../fixtures/association';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';
import * as partners from '../../fixtures/partners';
import { fixtureTeam } from '../../fixtures/team';

const TODAY = '2026-11-24';
const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };

/** The fixture association's espace: profile, funding, team and partners, optionally an overdrawn bank balance. */
async function fixtureWorkspace(options: { overdrawnBalance?: boolean } = {}): Promise<{ db: WorkspaceDb; registry: RegistryDb }> {
  const registry = new RegistryDb();
  const created = await createWorkspace(registry, fixtureAssociationProfile.name);
  if (!created.ok) throw new Error('no espace');
  const db = new WorkspaceDb(created.value.id);
  await saveAssociationProfile(db, fixtureAssociationProfile);
  await db.transaction('rw', db.tables, async () => {
    await db.table('funders').bulkAdd(fixtureFunders.map((f) => ({ ...stamps, ...f })));
    await db.table('grantApplications').bulkAdd(fixtureApplications.map((a) => ({ ...stamps, ...a })));
    await db.table('payments').bulkAdd(fixturePayments.map((p) => ({ ...stamps, ...p })));
    await db.table('people').bulkAdd(fixtureTeam.people);
    await db.table('contracts').bulkAdd(fixtureTeam.contracts);
    await db.table('amendments').bulkAdd(fixtureTeam.amendments);
    await db.table('aidedPosts').bulkAdd(fixtureTeam.aidedPosts);
    await db.table('partners').bulkAdd(partners.fixturePartners);
    await db.table('agreements').bulkAdd(partners.fixtureAgreements);
    await db.table('agreementParties').bulkAdd(partners.fixtureAgreementParties);
    await db.table('documents').bulkAdd(partners.fixtureDocuments);
    if (options.overdrawnBalance) {
      await db
        .table('cashLines')
        .add({ ...stamps, id: 'opening-balance', kind: 'opening', date: TODAY, amountCents: 100_000, overdrawn: true });
    }
  });
  return { db, registry };
}

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

describe('one engine, every source', () => {
  it('the fixture association’s dashboard gathers grants, staff and agreements, with unique keys', async () => {
    const { db, registry } = await fixtureWorkspace();

    const all = await loadDeadlines(db, TODAY);
    const bySource = (label: string) => all.filter((d) => d.sourceLabel === label).length;
    // Each source's own rules give the same deadlines through the data layer as on their own.
    expect(bySource('Financements')).toBe(
      fundingDeadlines({ funders: fixtureFunders, applications: fixtureApplications, payments: fixturePayments }, TODAY).length,
    );
    // Staff: the rules of team-deadlines.ts and the end-of-contract documents of the contracts already over.
    expect(bySource('Équipe')).toBe(
      teamDeadlines(fixtureTeam, TODAY, { trialRules: 'eclat' }).length + endOfContractDeadlines(fixtureTeam, TODAY).length,
    );
    expect(all.filter((d) => d.rule === 'work-certificate').length).toBe(endOfContractDeadlines(fixtureTeam, TODAY).length / 3);
    expect(bySource('Partenaires') + bySource('Association')).toBe(
      partnerDeadlines(
        {
          agreements: partners.fixtureAgreements,
          agreementParties: partners.fixtureAgreementParties,
          partners: partners.fixturePartners,
          documents: partners.fixtureDocuments,
        },
        TODAY,
      ).length,
    );
    expect(bySource('Partenaires') + bySource('Association')).toBe(partners.FIXTURE_EXPECTED_DEADLINES.length);
    expect(bySource('Association')).toBe(
      partners.FIXTURE_EXPECTED_DEADLINES.filter(([, title]) => title.startsWith('Fin de validité')).length,
    );
    expect(bySource('Financements')).toBeGreaterThan(0);
    expect(bySource('Équipe')).toBeGreaterThan(0);
    expect(new Set(all.map((d) => d.key)).size).toBe(all.length);
    db.close();
    registry.close();
  });
});

describe('each reader declares the tables it reads', () => {
  async function seeded(): Promise<WorkspaceDb> {
    // A balance the fixture's payroll outruns, so that the Trésorerie's reader has a month to warn of.
    return (await fixtureWorkspace({ overdrawnBalance: true })).db;
  }

  /** A reader run in a transaction over its declared tables only: Dexie refuses any other table inside it. */
  const onItsTables = (db: WorkspaceDb, reader: DeadlineReader) =>
    db.transaction(
      'r',
      reader.tables.map((name) => db.table(name)),
      () => reader.read(db, TODAY),
    );

  it('every reader gives its deadlines reading only its declared tables', async () => {
    const db = await seeded();
    for (const reader of DEADLINE_READERS) {
      const deadlines = await onItsTables(db, reader);
      expect(deadlines.length).toBeGreaterThan(0);
    }
  });

  it('a reader that reads a table it does not declare fails the check', async () => {
    const db = await seeded();
    const careless: DeadlineReader = { tables: ['funders'], read: async (d) => (await d.people.count(), []) };
    await expect(onItsTables(db, careless)).rejects.toThrow();
  });

  it('the dashboard’s transaction covers every declared table and the states and ladder, once each', async () => {
    const db = await seeded();
    const names = deadlineTables(db).map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const reader of DEADLINE_READERS) for (const table of reader.tables) expect(names).toContain(table);
    expect(names).toEqual(expect.arrayContaining(['deadlineStates', 'meta']));
    const data = await loadDeadlineData(db, TODAY);
    expect(data.deadlines.length).toBe((await loadDeadlines(db, TODAY)).length);
  });
});
