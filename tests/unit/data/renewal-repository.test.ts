import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { applyRenewalPlan, loadNextExerciseData, renewAgreementRecord, renewOne } from '../../../src/renderer/src/data/renewal-repository';
import { undoChangeThatCreated } from '../../../src/renderer/src/data/undo';
import { nextExerciseCandidates, renewalPlan } from '../../../src/renderer/src/domain/renewal/next-exercise';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../../fixtures/funding';
import { AGREEMENT_IDS, fixtureAgreementParties, fixtureAgreements, fixturePartners } from '../../fixtures/partners';
import { fixtureBudgetLines, fixtureBudgets, fixtureProjects, fixtureProjectStaff, PROJECT_IDS } from '../../fixtures/projects';
import { fixtureTeam, TEAM_IDS } from '../../fixtures/team';

// The renewal's writes: one transaction, every record or none, and one « Annuler » for all of them.

const NOW = new Date('2027-11-15T09:00:00Z');
const STAMPS = { createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', deletedAt: null };
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('renewal-test');
  await db.open();
  db.setCurrentPerson('Karim Benali');
  await db.transaction(
    'rw',
    [
      db.people,
      db.contracts,
      db.amendments,
      db.funders,
      db.grantApplications,
      db.payments,
      db.projects,
      db.projectStaff,
      db.budgets,
      db.budgetLines,
      db.agreements,
      db.agreementParties,
      db.partners,
      db.journal,
    ],
    async () => {
      await db.people.bulkAdd(fixtureTeam.people);
      await db.contracts.bulkAdd(fixtureTeam.contracts);
      await db.amendments.bulkAdd(fixtureTeam.amendments);
      await db.funders.bulkAdd(fixtureFunders.map((f) => ({ ...f, ...STAMPS })));
      await db.grantApplications.bulkAdd(fixtureApplications.map((a) => ({ ...a, ...STAMPS })));
      await db.payments.bulkAdd(fixturePayments.map((p) => ({ ...p, ...STAMPS })));
      await db.projects.bulkAdd(fixtureProjects);
      await db.projectStaff.bulkAdd(fixtureProjectStaff);
      await db.budgets.bulkAdd(fixtureBudgets);
      await db.budgetLines.bulkAdd(fixtureBudgetLines);
      await db.partners.bulkAdd(fixturePartners);
      await db.agreements.bulkAdd(fixtureAgreements);
      await db.agreementParties.bulkAdd(fixtureAgreementParties);
    },
  );
});

afterEach(() => db.close());

async function counts() {
  return Promise.all([
    db.projects.count(),
    db.projectStaff.count(),
    db.grantApplications.count(),
    db.payments.count(),
    db.budgets.count(),
    db.budgetLines.count(),
  ]);
}

describe('preparing 2028 from the fixture', () => {
  it('writes the ticked actions, requests and budgets together, and one « Annuler » takes them all back', async () => {
    const before = await counts();
    const data = await loadNextExerciseData(db);
    const ticked = new Set(
      nextExerciseCandidates(data, 2028)
        .candidates.filter((c) => c.suggested)
        .map((c) => c.key),
    );
    const outcome = await applyRenewalPlan(
      db,
      renewalPlan(data, 2028, ticked, () => crypto.randomUUID()),
      NOW,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.created.projectIds).toHaveLength(2);
    expect(outcome.created.applicationIds).toHaveLength(1); // the CLAS; the 2027 contrat de ville is still « à préparer »
    expect(outcome.created.budgetIds).toHaveLength(2); // the schooling action's, the association's

    const clas = await db.grantApplications.get(outcome.created.applicationIds[0]!);
    expect(clas).toMatchObject({
      title: 'CLAS 2027-2028 (accompagnement à la scolarité)',
      status: 'to-prepare',
      requestedCents: 1_200_000,
      periodStart: '2027-09-01',
    });
    const tranches = await db.payments.where('applicationId').equals(clas!.id).toArray();
    expect(tranches.map((t) => [t.expectedDate, t.expectedCents, t.receivedDate, t.receivedCents]).sort()).toEqual([
      ['2027-10-15', 720_000, undefined, undefined],
      ['2028-07-31', 480_000, undefined, undefined],
    ]);
    // Staff under contract in 2028: Awa (CDI) and Karim (CDI) on the schooling action; the café has no one
    // (Fatou's contract ends in September 2027).
    const staff = await db.projectStaff.where('projectId').anyOf(outcome.created.projectIds).toArray();
    expect(staff.map((s) => s.personId).sort()).toEqual([TEAM_IDS.awa, TEAM_IDS.karim].sort());
    const association2028 = (await db.budgets.where('year').equals(2028).toArray()).find((b) => b.scope === 'association')!;
    const lines = await db.budgetLines.where('budgetId').equals(association2028.id).toArray();
    expect(lines).toHaveLength(fixtureBudgetLines.filter((l) => l.budgetId === PROJECT_IDS.associationBudget2027).length);

    // One change in the journal: « Annuler » removes every record it created, and only those.
    const undone = await undoChangeThatCreated(db, 'projects', outcome.created.projectIds[0]!);
    expect(undone.ok).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await undoChangeThatCreated(db, 'projects', outcome.created.projectIds[0]!)).toMatchObject({ ok: false });
  });

  it('a budget prepared meanwhile in another window: nothing is written, and it says so in French', async () => {
    const data = await loadNextExerciseData(db);
    const plan = renewalPlan(data, 2028, new Set(nextExerciseCandidates(data, 2028).candidates.map((c) => c.key)), () =>
      crypto.randomUUID(),
    );
    // Another window fills the 2028 association budget after this screen read the data.
    await db.budgets.add({ id: 'b-2028', ...STAMPS, scope: 'association', year: 2028 });
    await db.budgetLines.add({ ...fixtureBudgetLines[0]!, id: 'l-2028', budgetId: 'b-2028' });
    const before = await counts();
    const outcome = await applyRenewalPlan(db, plan, NOW);
    expect(outcome).toEqual({ ok: false, message: 'Un budget 2028 a été préparé entre-temps (autre fenêtre). Rien n’a été créé.' });
    expect(await counts()).toEqual(before);
  });

  it('a tampered plan (a request without a funder) is refused before anything is written', async () => {
    const data = await loadNextExerciseData(db);
    const plan = renewalPlan(data, 2028, new Set(['application:app-caf-clas', `action:${PROJECT_IDS.parentsCafe}`]), () =>
      crypto.randomUUID(),
    );
    plan.applications[0]!.application.funderId = '';
    const before = await counts();
    const outcome = await applyRenewalPlan(db, plan, NOW);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(
      /^Demande « CLAS 2027-2028 \(accompagnement à la scolarité\) »\u00a0: Financeur\u00a0: .*Rien n’a été créé\.$/,
    );
    expect(await counts()).toEqual(before);
  });

  it('a funder deleted since the screen opened: nothing is written', async () => {
    const data = await loadNextExerciseData(db);
    const plan = renewalPlan(data, 2028, new Set(['application:app-caf-clas', `action:${PROJECT_IDS.parentsCafe}`]), () =>
      crypto.randomUUID(),
    );
    await db.funders.update('funder-caf', { deletedAt: NOW.toISOString() });
    const before = await counts();
    expect(await applyRenewalPlan(db, plan, NOW)).toEqual({
      ok: false,
      message: 'Demande « CLAS 2027-2028 (accompagnement à la scolarité) »\u00a0: son financeur a été supprimé. Rien n’a été créé.',
    });
    expect(await counts()).toEqual(before);
  });

  it('an empty selection creates nothing and says what to do', async () => {
    const data = await loadNextExerciseData(db);
    expect(
      await applyRenewalPlan(
        db,
        renewalPlan(data, 2028, new Set(), () => 'x'),
        NOW,
      ),
    ).toEqual({
      ok: false,
      message: 'Cochez au moins un élément à reconduire. Rien n’a été créé.',
    });
  });
});

describe('« Reconduire pour l’exercice suivant » on one record', () => {
  it('an application: the next period, once; a second time is refused', async () => {
    const first = await renewOne(db, 'application', 'app-region-digital', NOW);
    if (!first.ok) throw new Error(first.message);
    expect(first.targetYear).toBe(2027);
    const renewed = await db.grantApplications.get(first.created.applicationIds[0]!);
    expect(renewed).toMatchObject({
      title: 'Cohésion des quartiers — Ateliers numériques',
      periodStart: '2027-01-01',
      requestedCents: 2_000_000,
    });
    expect(await renewOne(db, 'application', 'app-region-digital', NOW)).toMatchObject({
      ok: false,
      message: 'Déjà reconduit pour l’exercice 2027. Rien n’a été créé.',
    });
  });

  it('an action with its staff and its budget', async () => {
    const outcome = await renewOne(db, 'action', PROJECT_IDS.schooling, NOW);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.targetYear).toBe(2028);
    expect(outcome.created.budgetIds).toHaveLength(1);
    expect(await db.budgetLines.where('budgetId').equals(outcome.created.budgetIds[0]!).count()).toBe(
      fixtureBudgetLines.filter((l) => l.budgetId === PROJECT_IDS.schoolingBudget2027).length,
    );
  });

  it('the association budget of 2027 becomes 2028’s', async () => {
    const outcome = await renewOne(db, 'budget', PROJECT_IDS.associationBudget2027, NOW);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.targetYear).toBe(2028);
    expect(await db.budgets.get(outcome.created.budgetIds[0]!)).toMatchObject({ scope: 'association', year: 2028 });
  });

  it('a record gone to the bin meanwhile is refused', async () => {
    await db.grantApplications.update('app-region-digital', { deletedAt: NOW.toISOString() });
    expect(await renewOne(db, 'application', 'app-region-digital', NOW)).toMatchObject({ ok: false });
  });

  it('an agreement: its next term with the same parties; a tacitly renewed one is refused', async () => {
    const hall = await renewAgreementRecord(db, AGREEMENT_IDS.hallLoan, NOW);
    if (!hall.ok) throw new Error(hall.message);
    const parties = fixtureAgreementParties.filter((p) => p.agreementId === AGREEMENT_IDS.hallLoan).map((p) => p.partnerId);
    expect(hall.agreement).toMatchObject({ status: 'draft', startDate: '2027-07-01', endDate: '2028-06-30', partnerIds: parties });
    expect(await renewAgreementRecord(db, AGREEMENT_IDS.schoolSupport, NOW)).toEqual({
      ok: false,
      message: 'Cette convention se reconduit tacitement\u00a0: il n’y a rien à créer.',
    });
  });
});
