import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import { getTeam } from '../../../src/renderer/src/data/team-repository';
import { loadTreasury } from '../../../src/renderer/src/data/treasury-repository';
import { loadSearchIndex } from '../../../src/renderer/src/data/search-data';
import { loadDossierSnapshots, loadDossierSources, saveDossierSnapshot } from '../../../src/renderer/src/data/dossier-repository';
import { listPartners } from '../../../src/renderer/src/data/partners-repository';
import { listDuplicates } from '../../../src/renderer/src/data/directory-repository';
import { loadBudgetSuggestions } from '../../../src/renderer/src/data/budgets-repository';
import { listProjectSummaries } from '../../../src/renderer/src/data/projects-repository';
import { forecastFor, grantFigures, needsFinancialReport } from '../../../src/renderer/src/domain/dossier/financial-report';
import { loadDeadlines } from '../../../src/renderer/src/data/deadlines-repository';
import { loadPartnerDeadlineData } from '../../../src/renderer/src/data/partner-deadlines-repository';
import { loadNextExerciseData } from '../../../src/renderer/src/data/renewal-repository';
import { search } from '../../../src/renderer/src/domain/search/search';
import type { TeamData } from '../../../src/renderer/src/domain/team/team-year';
import { PROJECT_IDS, fixtureBudgetLines, fixtureBudgets, fixtureProjectStaff, fixtureProjects } from '../../fixtures/projects';
import {
  DOSSIER_IDS,
  fixtureAllApplications,
  fixtureAllFunders,
  fixtureAllPayments,
  fixtureBudgetLines as fixtureDossierBudgetLines,
  fixtureBudgets as fixtureDossierBudgets,
  fixtureDossierInput,
  fixtureFestival,
  fixtureFestivalApplication,
} from '../../fixtures/dossier';
import {
  AGREEMENT_IDS,
  PARTNER_IDS,
  fixtureAgreementParties,
  fixtureAgreements,
  fixtureDocuments,
  fixturePartners,
} from '../../fixtures/partners';
import { TEAM_IDS, fixtureAidedPosts, fixtureAmendments, fixtureContracts, fixturePeople } from '../../fixtures/team';

// The bin is filtered in the repositories only (issue 21): the domain trusts what it is handed. Each
// repository that hands team records to the domain is read here over an espace where Lucas is in the bin
// (his apprenticeship is still live: a contract whose person is binned), and so is Sofiane's PEC (its
// renewal, its aided post and an absence still live: records of a binned contract); so is an absence of
// Karim's.

const BINNED = '2026-05-01T10:00:00.000Z';
const TODAY = '2026-11-24';
const LEFT_OUT = [
  TEAM_IDS.lucas,
  TEAM_IDS.lucasApprenticeship,
  TEAM_IDS.sofianePec,
  TEAM_IDS.sofianeRenewal,
  TEAM_IDS.sofianePost,
  'abs-binned',
  'abs-of-binned-contract',
];
const stamps = (id: string, deletedAt: string | null = null) => ({ id, createdAt: BINNED, updatedAt: BINNED, deletedAt });

let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('bin-filtering-test');
  await db.people.bulkAdd(fixturePeople.map((p) => (p.id === TEAM_IDS.lucas ? { ...p, deletedAt: BINNED } : p)));
  await db.contracts.bulkAdd(fixtureContracts.map((c) => (c.id === TEAM_IDS.sofianePec ? { ...c, deletedAt: BINNED } : c)));
  await db.amendments.bulkAdd(fixtureAmendments);
  await db.aidedPosts.bulkAdd(fixtureAidedPosts);
  await db.absences.bulkAdd([
    { ...stamps('abs-binned', BINNED), contractId: TEAM_IDS.karimCdi, kind: 'maternity', startDate: '2026-01-01', endDate: '2026-04-30' },
    {
      ...stamps('abs-of-binned-contract'),
      contractId: TEAM_IDS.sofianePec,
      kind: 'sickness',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
    },
  ]);
  // A value of the SMIC in the bin: the merged figures must not use it.
  await db.yearlyFigures.add({
    ...stamps('smic-binned', BINNED),
    figure: 'smic-hourly',
    from: '2026-09-01',
    cents: 9_999,
    source: 'Erreur',
  });
});

afterEach(() => db.close());

function idsOf(team: TeamData): string[] {
  return [...team.people, ...team.contracts, ...team.amendments, ...team.aidedPosts, ...(team.absences ?? [])].map((r) => r.id);
}

describe('a binned record never reaches the domain', () => {
  it.each([
    ['the Équipe (team-repository)', () => getTeam(db)],
    ['the dossier’s sources (dossier-repository)', async () => (await loadDossierSources(db)).team],
  ])('%s hands over live records only, nothing of a binned person or contract', async (_name, read) => {
    const ids = idsOf(await read());
    for (const id of LEFT_OUT) expect(ids).not.toContain(id);
    expect(ids).toContain(TEAM_IDS.karimCdi);
  });

  it('the dated figures (team-repository, dossier-repository) leave out a value in the bin', async () => {
    for (const team of [await getTeam(db), (await loadDossierSources(db)).team]) {
      expect(team.figures?.['smic-hourly'].map((f) => f.cents)).not.toContain(9_999);
    }
  });

  it('the partners’ deadlines (partner-deadlines-repository) hand over no binned agreement, party, partner or document', async () => {
    const binnedDocument = fixtureDocuments[0]!;
    await db.agreements.bulkAdd(fixtureAgreements.map((a) => (a.id === AGREEMENT_IDS.cpo ? { ...a, deletedAt: BINNED } : a)));
    await db.agreementParties.bulkAdd(fixtureAgreementParties.map((p, i) => (i === 0 ? { ...p, deletedAt: BINNED } : p)));
    await db.partners.bulkAdd(fixturePartners.map((p, i) => (i === 0 ? { ...p, deletedAt: BINNED } : p)));
    await db.documents.bulkAdd(fixtureDocuments.map((d) => (d.id === binnedDocument.id ? { ...d, deletedAt: BINNED } : d)));
    const data = await loadPartnerDeadlineData(db);
    const records = [...data.agreements, ...data.agreementParties, ...data.partners, ...data.documents];
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((r) => r.deletedAt !== null)).toEqual([]);
    expect(data.agreements.map((a) => a.id)).not.toContain(AGREEMENT_IDS.cpo);
  });

  it('« Préparer l’exercice » (renewal-repository) hands over no binned action, staff, budget or line', async () => {
    const bin = <T extends { deletedAt: string | null }>(rows: readonly T[]) =>
      rows.map((r, i) => (i === 0 ? { ...r, deletedAt: BINNED } : r));
    await db.projects.bulkAdd(bin(fixtureProjects));
    await db.projectStaff.bulkAdd(bin(fixtureProjectStaff));
    await db.budgets.bulkAdd(bin(fixtureBudgets));
    await db.budgetLines.bulkAdd(bin(fixtureBudgetLines));
    const data = await loadNextExerciseData(db);
    const records = [...data.projects, ...data.projectStaff, ...data.budgets, ...data.budgetLines];
    expect(records.length).toBe(
      fixtureProjects.length + fixtureProjectStaff.length + fixtureBudgets.length + fixtureBudgetLines.length - 4,
    );
    expect(records.filter((r) => r.deletedAt !== null)).toEqual([]);
  });

  it('the grant dossier’s sources (dossier-repository) hold no binned action, staff, budget, line or document', async () => {
    const bin = <T extends { deletedAt: string | null }>(rows: readonly T[]) =>
      rows.map((r, i) => (i === 0 ? { ...r, deletedAt: BINNED } : r));
    await db.projects.bulkAdd(bin(fixtureProjects));
    await db.projectStaff.bulkAdd(bin(fixtureProjectStaff));
    await db.budgets.bulkAdd(bin(fixtureBudgets));
    await db.budgetLines.bulkAdd(bin(fixtureBudgetLines));
    await db.documents.bulkAdd(bin(fixtureDocuments));
    const sources = await loadDossierSources(db);
    const records = [...sources.projects, ...sources.projectStaff, ...sources.budgets, ...sources.budgetLines, ...sources.documents];
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((r) => r.deletedAt !== null)).toEqual([]);
  });

  it('the Trésorerie (treasury-repository) plans no salary of a binned person or contract', async () => {
    const { forecast } = await loadTreasury(db, TODAY);
    const labels = forecast.months.flatMap((m) => m.flows.map((f) => f.label));
    expect(labels.some((l) => l.includes('Karim Benali'))).toBe(true);
    expect(labels.filter((l) => l.includes('Lucas Martin') || l.includes('Sofiane Haddad'))).toEqual([]);
  });

  it('the deadlines (deadlines-repository) of a binned person or contract are not there', async () => {
    const keys = (await loadDeadlines(db, TODAY)).map((d) => d.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => LEFT_OUT.some((id) => key.includes(id)))).toEqual([]);
  });

  it('the search (search-data) never finds a binned record', async () => {
    const index = await loadSearchIndex(db);
    expect(search(index, 'lucas')).toEqual([]);
    expect(search(index, 'karim')).not.toEqual([]);
  });
});

// The compte-rendu financier, the budgets and the directory: their domain functions (financial-report,
// budget-lines, suggestions, directory) no longer look at deletedAt, so each repository feeding them is
// read here with one record of the kind in the bin, against the same espace with it live.
describe('a binned record never reaches the compte-rendu, a budget or the directory', () => {
  const festival = fixtureFestivalApplication;
  const binOne = <T extends { id: string; deletedAt: string | null }>(rows: readonly T[], id: string) =>
    rows.map((r) => (r.id === id ? { ...r, deletedAt: BINNED } : r));

  it('a binned payment is not in the compte-rendu’s received total (dossier-repository)', async () => {
    const paid = fixtureAllPayments.find((p) => p.applicationId === festival.id)!;
    await db.payments.bulkAdd(fixtureAllPayments);
    const received = async () => {
      const sources = await loadDossierSources(db);
      const payments = sources.payments.filter((p) => p.applicationId === festival.id);
      return grantFigures(festival, 1, [], payments).receivedCents;
    };
    expect(await received()).toBe(250_000);
    await db.payments.update(paid.id, { deletedAt: BINNED });
    expect(await received()).toBe(0);
  });

  it('a binned budget line, budget or dossier is not in the compte-rendu’s prévision (dossier-repository)', async () => {
    const services = fixtureDossierBudgetLines.find((l) => l.budgetId === DOSSIER_IDS.festivalBudget && l.account === '60.services')!;
    await db.budgets.bulkAdd(fixtureDossierBudgets);
    await db.budgetLines.bulkAdd(binOne(fixtureDossierBudgetLines, services.id));
    const forecast = async () => {
      const sources = await loadDossierSources(db);
      return forecastFor(festival, await loadDossierSnapshots(db), sources.budgets, sources.budgetLines);
    };
    expect((await forecast()).lines.map((l) => l.account)).not.toContain('60.services');

    // A produced dossier in the bin: the prévision is the current budget again, not what it printed.
    const snapshot = await saveDossierSnapshot(db, fixtureDossierInput(), { draft: true, fileName: 'Demande.pdf' }, new Date(BINNED));
    expect((await forecast()).source).toBe('snapshot');
    await db.dossierSnapshots.update(snapshot.id, { deletedAt: BINNED });
    expect(await forecast()).toMatchObject({ source: 'current-budget', projectId: DOSSIER_IDS.festival });

    // The action's budget in the bin: no prévision at all.
    await db.budgets.update(DOSSIER_IDS.festivalBudget, { deletedAt: BINNED });
    expect((await forecast()).source).toBe('none');
  });

  it('a binned application owes no compte-rendu (dossier-repository, the reports list)', async () => {
    await db.grantApplications.bulkAdd(fixtureAllApplications.map((a) => (a.id === festival.id ? festival : a)));
    const owing = async () => (await loadDossierSources(db)).applications.filter((a) => needsFinancialReport(a, TODAY)).map((a) => a.id);
    expect(await owing()).toContain(festival.id);
    await db.grantApplications.update(festival.id, { deletedAt: BINNED });
    expect(await owing()).not.toContain(festival.id);
  });

  it('a binned application, funder or person suggests no budget line (budgets-repository)', async () => {
    await db.funders.bulkAdd(fixtureAllFunders);
    await db.grantApplications.bulkAdd(fixtureAllApplications);
    await db.projects.bulkAdd(fixtureProjects);
    await db.projectStaff.bulkAdd(fixtureProjectStaff);
    const keys = async () => {
      const association = await loadBudgetSuggestions(db, { scope: 'association', year: 2027 });
      const project = await loadBudgetSuggestions(db, { scope: 'project', projectId: PROJECT_IDS.schooling, year: 2027 });
      return [...association, ...project].map((s) => s.suggestion.key);
    };
    const before = await keys();
    expect(before).toEqual(
      expect.arrayContaining(['application:app-state-schooling-2027', 'application:app-caf-clas', `staff:${TEAM_IDS.awa}:salaries`]),
    );
    await db.grantApplications.update('app-state-schooling-2027', { deletedAt: BINNED });
    await db.funders.update('funder-caf', { deletedAt: BINNED });
    await db.people.update(TEAM_IDS.awa, { deletedAt: BINNED });
    const after = await keys();
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((k) => k.includes('app-state-schooling-2027') || k.includes('app-caf-clas') || k.includes(TEAM_IDS.awa))).toEqual(
      [],
    );
  });

  it('a binned application no longer sets the amount of its linked line in the actions list (projects-repository)', async () => {
    await db.projects.add(fixtureFestival);
    await db.budgets.bulkAdd(fixtureDossierBudgets);
    await db.budgetLines.bulkAdd(fixtureDossierBudgetLines);
    await db.grantApplications.add(festival);
    const municipality = async () =>
      (await listProjectSummaries(db)).find((s) => s.project.id === fixtureFestival.id)?.totals?.byAccount['74.municipality'];
    // The festival grant was accordé at 2 500 €; its line was typed at 3 000 € when it was requested.
    expect(await municipality()).toBe(festival.grantedCents);
    await db.grantApplications.update(festival.id, { deletedAt: BINNED });
    expect(await municipality()).toBe(300_000);
  });

  it('a binned organisation or funder is not in the directory nor among its likely duplicates (partners-repository)', async () => {
    const city = fixturePartners.find((p) => p.id === PARTNER_IDS.city)!;
    await db.partners.bulkAdd([...fixturePartners, { ...city, id: 'city-twin', deletedAt: BINNED }]);
    // A funder without its record (shown as one), and the funder of a record in the bin (a sync left it live).
    await db.funders.bulkAdd([
      { ...fixtureAllFunders[0]!, id: 'funder-alone', name: 'Fondation Seule' },
      { ...fixtureAllFunders[0]!, id: 'funder-binned', name: 'Fondation Corbeille' },
      { ...fixtureAllFunders[0]!, id: 'city-twin', name: city.name },
    ]);
    const ids = async () => (await listPartners(db)).map((o) => o.id);
    expect(await ids()).toContain('funder-binned');
    await db.funders.update('funder-binned', { deletedAt: BINNED });
    await db.partners.update(PARTNER_IDS.ligue, { deletedAt: BINNED });
    const after = await ids();
    expect(after).toContain('funder-alone');
    expect(after).toContain(PARTNER_IDS.city);
    expect(after.filter((id) => id === 'funder-binned' || id === 'city-twin' || id === PARTNER_IDS.ligue)).toEqual([]);
    expect((await listDuplicates(db)).flatMap((p) => [p.keep.id, p.merge.id])).not.toContain('city-twin');
  });
});
