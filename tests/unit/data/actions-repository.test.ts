import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  deleteProject,
  getProject,
  listProjects,
  listProjectSummaries,
  restoreProject,
  saveProject,
} from '../../../src/renderer/src/data/projects-repository';
import {
  acceptSuggestions,
  addBudgetLine,
  findBudget,
  getOrCreateAssociationBudget,
  listBudgetLines,
  loadBudgetSuggestions,
  removeBudgetLine,
  updateBudgetLine,
} from '../../../src/renderer/src/data/budgets-repository';
import { budgetTotals } from '../../../src/renderer/src/domain/budgets/budget-totals';
import { fixtureApplications, fixtureFunders } from '../../fixtures/funding';
import { fixtureAgreements } from '../../fixtures/partners';
import { fixtureBudgetLines, fixtureBudgets, fixtureProjects, fixtureProjectStaff, PROJECT_IDS } from '../../fixtures/projects';
import { fixtureTeam, TEAM_IDS } from '../../fixtures/team';

const NOW = new Date('2026-11-24T09:00:00Z');
const NBSP = '\u00a0';
const STAMPS = { createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), deletedAt: null };
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('actions-test');
  await db.open();
  await db.people.bulkAdd(fixtureTeam.people);
  await db.contracts.bulkAdd(fixtureTeam.contracts);
  await db.funders.bulkAdd(fixtureFunders.map((f) => ({ ...f, ...STAMPS })));
  await db.grantApplications.bulkAdd(fixtureApplications.map((a) => ({ ...a, ...STAMPS })));
  await db.agreements.bulkAdd(fixtureAgreements);
});

afterEach(() => db.close());

const cafe = {
  title: 'Café des parents',
  startDate: '2027-01-11',
  endDate: '2027-06-30',
  objectives: [{ id: 'o1', label: 'Rompre l’isolement', indicators: [{ id: 'i1', label: 'Parents accueillis', target: '40' }] }],
  staff: [{ personId: TEAM_IDS.fatou, sharePercent: 30, role: 'Animation' }],
};

const schoolingTarget = { scope: 'project', projectId: PROJECT_IDS.schooling, year: 2027 } as const;

/** The fixture action with its staff, and the rest of the team its suggestions read (amendments, aided posts). */
async function seedSchooling() {
  await db.projects.bulkAdd(fixtureProjects);
  await db.projectStaff.bulkAdd(fixtureProjectStaff);
  await db.amendments.bulkAdd(fixtureTeam.amendments);
  await db.aidedPosts.bulkAdd(fixtureTeam.aidedPosts);
}

describe('actions', () => {
  it('saves an action with its staff, then replaces the staff on the next save', async () => {
    const saved = await saveProject(db, cafe, undefined, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.value.project).toMatchObject({ title: 'Café des parents', createdAt: NOW.toISOString(), deletedAt: null });
    expect(saved.value.staff).toMatchObject([{ personId: TEAM_IDS.fatou, sharePercent: 30, role: 'Animation' }]);

    const later = new Date('2026-11-25T09:00:00Z');
    const again = await saveProject(
      db,
      { ...cafe, staff: [{ personId: TEAM_IDS.karim, sharePercent: 10 }] },
      saved.value.project.id,
      later,
    );
    if (!again.ok) throw new Error('expected success');
    const loaded = await getProject(db, saved.value.project.id);
    expect(loaded?.staff.map((s) => s.personId)).toEqual([TEAM_IDS.karim]);
    expect(loaded?.project.createdAt).toBe(NOW.toISOString());
    expect(await db.projectStaff.count()).toBe(2); // Fatou's row went to the bin
  });

  it('refuses an end before the start, in French, writing nothing', async () => {
    const refused = await saveProject(db, { ...cafe, startDate: '2027-06-30', endDate: '2027-01-11' });
    expect(refused).toEqual({ ok: false, errors: { endDate: `Date de fin${NBSP}: doit être après la date de début.` } });
    expect(await db.projects.count()).toBe(0);
    expect(await db.projectStaff.count()).toBe(0);
  });

  it('refuses the same person twice and a share above 100 %, writing nothing', async () => {
    const twice = await saveProject(db, { ...cafe, staff: [cafe.staff[0], { personId: TEAM_IDS.fatou, sharePercent: 20 }] });
    expect(twice).toEqual({ ok: false, errors: { 'staff.1.personId': `Personne${NBSP}: Fatou Camara est déjà affecté·e à l’action.` } });
    const tooMuch = await saveProject(db, { ...cafe, staff: [{ personId: TEAM_IDS.fatou, sharePercent: 120 }] });
    expect(tooMuch).toEqual({ ok: false, errors: { 'staff.0.sharePercent': `Part du temps${NBSP}: 100${NBSP}% au plus.` } });
    expect(await db.projects.count()).toBe(0);
  });

  it('sends an action and its staff to the bin together and brings them back', async () => {
    const saved = await saveProject(db, cafe, undefined, NOW);
    if (!saved.ok) throw new Error('expected success');
    await deleteProject(db, saved.value.project.id, new Date('2026-11-26T09:00:00Z'));
    expect(await listProjects(db)).toEqual([]);
    expect((await db.projectStaff.toArray())[0]?.deletedAt).toBe('2026-11-26T09:00:00.000Z');
    await restoreProject(db, saved.value.project.id);
    expect((await getProject(db, saved.value.project.id))?.staff).toHaveLength(1);
  });
});

describe('budgets', () => {
  const target = { scope: 'association', year: 2027 } as const;

  it('adds lines in whole euros, creating the budget with the first one', async () => {
    expect(await findBudget(db, target)).toBeUndefined();
    const rent = await addBudgetLine(db, target, { account: '61.rent', label: 'Loyer', amountCents: '9 600' }, NOW);
    if (!rent.ok) throw new Error(JSON.stringify(rent.errors));
    expect(rent.value.amountCents).toBe(960_000);
    expect((await getOrCreateAssociationBudget(db, 2027)).id).toBe(rent.value.budgetId);
    expect(await db.budgets.count()).toBe(1);
  });

  it.each([
    [{ account: '61.rent', amountCents: '-500' }, { amountCents: `Montant${NBSP}: les montants ne peuvent pas être négatifs.` }],
    [{ account: '99', amountCents: '500' }, { account: `Compte${NBSP}: « 99 » n’est pas une ligne du budget Cerfa.` }],
    [{ account: 'CI.fixed', amountCents: '500' }, { account: `Compte${NBSP}: cette ligne n’existe que dans le budget d’une action.` }],
    [
      { account: '61.rent', amountCents: '500,50' },
      { amountCents: `Montant${NBSP}: montant en euros entiers attendu, sans centimes (ex. 1 234).` },
    ],
  ])('refuses %o with a French message, writing nothing', async (input, errors) => {
    expect(await addBudgetLine(db, target, input, NOW)).toEqual({ ok: false, errors });
    expect(await db.budgets.count()).toBe(0);
    expect(await db.budgetLines.count()).toBe(0);
  });

  it('gives a line linked to an application the application’s amount for the year', async () => {
    const cpo = await addBudgetLine(db, target, { account: '74.municipality', amountCents: 0, grantApplicationId: 'app-city-cpo' }, NOW);
    if (!cpo.ok) throw new Error(JSON.stringify(cpo.errors));
    // The CPO's share of 2027: 365 of 1 096 days × 90 000 € = 29 972,63 € → 29 973 €.
    expect(cpo.value).toMatchObject({ amountCents: 2_997_300, funderId: 'funder-city' });
    const refused = await addBudgetLine(db, target, { account: '61.rent', amountCents: 0, grantApplicationId: 'app-city-cpo' });
    expect(refused.ok).toBe(false);
  });

  it('updates and removes a line; a negative update writes nothing', async () => {
    const rent = await addBudgetLine(db, target, { account: '61.rent', amountCents: '9 600' }, NOW);
    if (!rent.ok) throw new Error('expected success');
    const updated = await updateBudgetLine(db, rent.value.id, { amountCents: '10 200', label: 'Loyer 2027' });
    expect(updated.ok && updated.value.amountCents).toBe(1_020_000);
    expect((await updateBudgetLine(db, rent.value.id, { amountCents: '-1' })).ok).toBe(false);
    expect((await db.budgetLines.get(rent.value.id))?.amountCents).toBe(1_020_000);
    await removeBudgetLine(db, rent.value.id);
    expect(await listBudgetLines(db, rent.value.budgetId)).toEqual([]);
  });

  it('accepts every suggestion of the fixture action in one go, then updates rather than duplicates', async () => {
    await seedSchooling();
    const shown = await loadBudgetSuggestions(db, schoolingTarget);
    expect(shown.map((s) => s.state)).toEqual(Array(8).fill('new'));
    const keys = shown.map((s) => s.suggestion.key);
    expect(await acceptSuggestions(db, schoolingTarget, keys, NOW)).toEqual({ ok: true, value: 8 });
    expect(await acceptSuggestions(db, schoolingTarget, keys, new Date('2026-11-25T09:00:00Z'))).toEqual({ ok: true, value: 8 });
    const budget = await findBudget(db, schoolingTarget);
    const lines = await listBudgetLines(db, budget!.id);
    expect(lines).toHaveLength(8);
    // 15 840 + 6 653 + 6 240 + 2 808 charges; 18 000 + 6 571 (the CLAS's 2027 share) produits.
    expect(budgetTotals(lines)).toMatchObject({ chargesCents: 3_154_100, productsCents: 2_457_100, contributionsBalanced: true });
    expect((await loadBudgetSuggestions(db, schoolingTarget)).map((s) => s.state)).toEqual(Array(8).fill('accepted'));
  });

  it('writes what the records say when the suggestion is accepted, not what the screen showed before they changed', async () => {
    await seedSchooling();
    const shown = await loadBudgetSuggestions(db, schoolingTarget);
    const karimSalary = shown.find((s) => s.suggestion.key === `staff:${TEAM_IDS.karim}:salaries`)!;
    expect(karimSalary.suggestion.amountCents).toBe(624_000); // 31 200 € × 20 %

    // Meanwhile, in another window: Karim now gives half his time to the action.
    await db.projectStaff.update(PROJECT_IDS.schoolingKarim, { sharePercent: 50 });
    expect(await acceptSuggestions(db, schoolingTarget, [karimSalary.suggestion.key], NOW)).toEqual({ ok: true, value: 1 });
    const budget = await findBudget(db, schoolingTarget);
    expect((await listBudgetLines(db, budget!.id)).map((l) => [l.account, l.label, l.amountCents])).toEqual([
      ['64.salaries', 'Karim Benali', 1_560_000], // 31 200 € × 50 %
    ]);
  });

  it('refuses, writing nothing, a suggestion the records no longer make (a person taken off the action)', async () => {
    await seedSchooling();
    const shown = await loadBudgetSuggestions(db, schoolingTarget);
    const keys = shown.map((s) => s.suggestion.key);
    await db.projectStaff.delete(PROJECT_IDS.schoolingKarim);
    const refused = await acceptSuggestions(db, schoolingTarget, keys, NOW);
    expect(refused).toEqual({
      ok: false,
      errors: { '': `Les suggestions ont changé entre-temps (équipe, demandes ou conventions modifiées)${NBSP}: rien n’a été enregistré.` },
    });
    expect(await findBudget(db, schoolingTarget)).toBeUndefined();
    expect(await db.budgetLines.count()).toBe(0);
  });

  it('lists actions with the totals of their first year’s budget', async () => {
    await db.projects.bulkAdd(fixtureProjects);
    await db.projectStaff.bulkAdd(fixtureProjectStaff);
    await db.budgets.bulkAdd(fixtureBudgets);
    await db.budgetLines.bulkAdd(fixtureBudgetLines);
    const summaries = await listProjectSummaries(db);
    const schooling = summaries.find((s) => s.project.id === PROJECT_IDS.schooling)!;
    expect(schooling).toMatchObject({ staffCount: 2, budgetYear: 2027 });
    expect(schooling.totals).toMatchObject({ chargesCents: 3_654_100, balanced: true });
    expect(summaries.find((s) => s.project.id === PROJECT_IDS.parentsCafe)?.totals).toBeUndefined();
  });
});
