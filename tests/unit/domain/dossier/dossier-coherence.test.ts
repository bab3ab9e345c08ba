import { describe, expect, it } from 'vitest';
import { associationProfileSchema } from '../../../../src/renderer/src/domain/association';
import { budgetLineLabel } from '../../../../src/renderer/src/domain/dossier/budget-sums';
import { dossierChecklist } from '../../../../src/renderer/src/domain/dossier/checklist';
import {
  attachmentsChecklist,
  buildDossierModel,
  referenceExerciseOf,
  requestAgreements,
} from '../../../../src/renderer/src/domain/dossier/dossier-model';
import { publicAidStatement } from '../../../../src/renderer/src/domain/dossier/public-aid';
import { exerciseCalendar } from '../../../../src/renderer/src/domain/exercise';
import {
  DOSSIER_IDS,
  fixtureAllFunders,
  fixtureBudgetLines,
  fixtureDossierInput,
  fixtureDossierProfile,
  fixtureFestivalApplicationAtFiling,
} from '../../../fixtures/dossier';
import { fixtureDocuments } from '../../../fixtures/partners';

// What an instructing officer cross-checks in a dossier: one amount per request wherever it appears, §4 on a
// closed exercise, the public-aid answer, the names on line 74, the pièces as facts.

const itemIds = (input = fixtureDossierInput()) => dossierChecklist(input).items.map((i) => i.id);
const septemberProfile = associationProfileSchema.parse({
  ...fixtureDossierProfile,
  exerciseStart: '2025-09-01',
  exerciseEnd: '2026-08-31',
});

describe('one source for the amount requested', () => {
  it('agrees with the action’s linked 74 line: §7, the action’s share and the checklist say 3 000 €', () => {
    const model = buildDossierModel(fixtureDossierInput());
    expect(model.requestedAmounts).toEqual([{ year: 2026, funderName: 'Ville de Saint-Denis', amountCents: 300_000 }]);
    expect(model.projects[0]).toMatchObject({ requestedCents: 300_000, grantSharePercent: 30 });
    expect(itemIds().filter((id) => id.startsWith('application-'))).toEqual([]);
  });

  it('flags a request of 15 000 € whose action budget carries 6 000 € from that funder (an unlinked line), as blocking', () => {
    const app = { ...fixtureFestivalApplicationAtFiling, requestedCents: 1_500_000 };
    const lines = fixtureBudgetLines.map((l) =>
      l.grantApplicationId === app.id ? { ...l, grantApplicationId: undefined, amountCents: 600_000 } : l,
    ) as typeof fixtureBudgetLines;
    const checklist = dossierChecklist(fixtureDossierInput({ applications: [app], budgetLines: lines }));
    const item = checklist.items.find((i) => i.id === `application-${app.id}-amount-${DOSSIER_IDS.festivalBudget}`);
    expect(item).toMatchObject({ severity: 'blocking', fix: { screen: 'action', id: DOSSIER_IDS.festival } });
    expect(item!.message).toBe(
      'Demande « Fête de quartier 2026 » : 15\u00a0000\u00a0€ demandés, mais le budget de l’action « Fête de quartier 2026 » porte 6\u00a0000\u00a0€ pour Ville de Saint-Denis.',
    );
    expect(checklist.blockingCount).toBeGreaterThan(0);
  });

  it('gives the dossier page the same figures: requested, on the action’s budget, and its share of the produits', () => {
    expect(requestAgreements(fixtureDossierInput())).toEqual([
      {
        applicationId: fixtureFestivalApplicationAtFiling.id,
        title: 'Fête de quartier 2026',
        funderName: 'Ville de Saint-Denis',
        requestedCents: 300_000,
        budgets: [{ budgetId: DOSSIER_IDS.festivalBudget, projectId: DOSSIER_IDS.festival, onBudgetCents: 300_000, sharePercent: 30 }],
      },
    ]);
    const app = { ...fixtureFestivalApplicationAtFiling, requestedCents: 1_500_000 };
    const lines = fixtureBudgetLines.map((l) =>
      l.grantApplicationId === app.id ? { ...l, grantApplicationId: undefined, amountCents: 600_000 } : l,
    ) as typeof fixtureBudgetLines;
    const [agreement] = requestAgreements(fixtureDossierInput({ applications: [app], budgetLines: lines }));
    expect(agreement).toMatchObject({ requestedCents: 1_500_000, budgets: [{ onBudgetCents: 600_000, sharePercent: 46.2 }] });
  });

  it('is exact to the euro: 3 001 € requested against a 3 000 € line is flagged, 3 000 € is not', () => {
    const unlinked = fixtureBudgetLines.map((l) =>
      l.grantApplicationId === fixtureFestivalApplicationAtFiling.id ? { ...l, grantApplicationId: undefined } : l,
    ) as typeof fixtureBudgetLines;
    const id = `application-${fixtureFestivalApplicationAtFiling.id}-amount-${DOSSIER_IDS.festivalBudget}`;
    const at = (cents: number) =>
      itemIds(
        fixtureDossierInput({ applications: [{ ...fixtureFestivalApplicationAtFiling, requestedCents: cents }], budgetLines: unlinked }),
      );
    expect(at(300_000)).not.toContain(id);
    expect(at(300_100)).toContain(id);
  });

  it('says when the action budget has no line at all for the funder', () => {
    const without = fixtureBudgetLines.filter((l) => !(l.budgetId === DOSSIER_IDS.festivalBudget && l.account === '74.municipality'));
    const item = dossierChecklist(fixtureDossierInput({ budgetLines: without })).items.find((i) =>
      i.id.endsWith(`-amount-${DOSSIER_IDS.festivalBudget}`),
    );
    expect(item?.message).toBe(
      'Demande « Fête de quartier 2026 » : 3\u00a0000\u00a0€ demandés, mais le budget de l’action « Fête de quartier 2026 » n’a aucune ligne 74 pour Ville de Saint-Denis.',
    );
  });

  it('checks an operating grant against the association budget, and a project request that names no action', () => {
    const operating = {
      ...fixtureFestivalApplicationAtFiling,
      id: 'app-op',
      purpose: 'operating' as const,
      projectIds: [],
      requestedCents: 2_500_000,
    };
    // The association budget carries 25 000 € for the city: agreed.
    expect(itemIds(fixtureDossierInput({ applications: [operating] })).filter((id) => id.startsWith('application-app-op'))).toEqual([]);
    const more = { ...operating, requestedCents: 2_600_000 };
    expect(itemIds(fixtureDossierInput({ applications: [more] }))).toContain(`application-app-op-amount-${DOSSIER_IDS.associationBudget}`);
    const orphan = { ...fixtureFestivalApplicationAtFiling, projectIds: [] };
    expect(itemIds(fixtureDossierInput({ applications: [orphan] }))).toContain(`application-${orphan.id}-no-action`);
  });

  it('asks to present an action the request finances but the dossier leaves out', () => {
    expect(itemIds(fixtureDossierInput({ projects: [] }))).toContain(
      `application-${fixtureFestivalApplicationAtFiling.id}-action-${DOSSIER_IDS.festival}-absent`,
    );
  });
});

describe('line 74 names its funders', () => {
  it('prints the kind and the funder’s name, never the form’s own instruction', () => {
    const model = buildDossierModel(fixtureDossierInput());
    const products = model.associationBudget!.products.map((r) => r.label);
    expect(products).toContain(
      'État : Préfecture de la Seine-Saint-Denis — politique de la ville (Délégué du préfet, Saint-Denis) — Politique de la ville',
    );
    expect(products).toContain('Commune : Ville de Saint-Denis');
    expect(products.join(' ')).not.toContain('préciser le ou les ministères');
    expect(products.some((label) => label === 'Commune(s)')).toBe(false);
    expect(products).toContain('ASP : PEC et adulte-relais');
  });

  it('names the funder of a line saved with only its link to an application', () => {
    const linkOnly = fixtureBudgetLines.map((l) =>
      l.grantApplicationId === fixtureFestivalApplicationAtFiling.id ? { ...l, funderId: undefined } : l,
    );
    const input = fixtureDossierInput({ budgetLines: linkOnly });
    expect(buildDossierModel(input).projects[0]!.budget!.products.map((r) => r.label)).toContain('Commune : Ville de Saint-Denis');
    expect(itemIds(input)).not.toContain('grant-lines-funder');
  });

  it('says « financeur à préciser » for a line with neither funder nor précision, and the checklist asks for it', () => {
    expect(budgetLineLabel({ account: '74.municipality', amountCents: 100 })).toBe('Commune : financeur à préciser');
    const anonymous = [
      ...fixtureBudgetLines,
      { ...fixtureBudgetLines[0]!, id: 'anon', account: '74.municipality', funderId: undefined, label: undefined, amountCents: 0 },
    ];
    expect(itemIds(fixtureDossierInput({ budgetLines: anonymous }))).toContain('grant-lines-funder');
    expect(itemIds()).not.toContain('grant-lines-funder');
  });
});

describe('§4 reference exercise', () => {
  it.each([
    ['2026-11-24', 2025],
    ['2026-12-31', 2025],
    ['2027-01-01', 2026],
  ])('for a calendar-year association filing on %s, defaults to %i (the last closed exercise)', (filingDate, year) => {
    const ref = referenceExerciseOf({ profile: fixtureDossierProfile, filingDate });
    expect(ref).toEqual({ exercise: { startYear: year, start: `${year}-01-01`, end: `${year}-12-31` }, isLastClosed: true });
  });

  it.each([
    ['2026-08-31', 2024, '2024-09-01', '2025-08-31'],
    ['2026-09-01', 2025, '2025-09-01', '2026-08-31'],
  ])('for a September–August association filing on %s, defaults to the exercise started in %i', (filingDate, year, start, end) => {
    expect(referenceExerciseOf({ profile: septemberProfile, filingDate }).exercise).toEqual({ startYear: year, start, end });
  });

  it('prints the last closed exercise’s team by default (2025: 4 salariés, ETPT 3,09), the chosen one otherwise, with a warning when it is not closed', () => {
    const byDefault = buildDossierModel(fixtureDossierInput());
    expect(byDefault.humanResources).toMatchObject({ year: 2025, employees: 4 });
    expect(byDefault.humanResources.etpt.toFixed(2)).toBe('3.09');
    expect(byDefault.referenceIsLastClosed).toBe(true);
    expect(itemIds()).not.toContain('reference-exercise-open');
    const chosen = fixtureDossierInput({ referenceYear: 2026 });
    const model = buildDossierModel(chosen);
    expect(model.humanResources).toMatchObject({ year: 2026, employees: 5 });
    expect(model.referenceIsLastClosed).toBe(false);
    expect(itemIds(chosen)).toContain('reference-exercise-open');
  });
});

describe('public aid over the last three exercises (§7)', () => {
  const funders = [
    { id: 'state', kind: 'state' as const },
    { id: 'foundation', kind: 'private' as const },
  ];
  const apps = [
    { id: 'a-state', funderId: 'state', periodStart: '2024-01-01' },
    { id: 'a-foundation', funderId: 'foundation', periodStart: '2026-01-01' },
  ];
  const paid = (applicationId: string, receivedDate: string, cents: number) => ({ applicationId, receivedDate, receivedCents: cents });
  const statement = (payments: ReturnType<typeof paid>[], extra: Partial<Parameters<typeof publicAidStatement>[0]> = {}) =>
    publicAidStatement({
      calendar: exerciseCalendar(fixtureDossierProfile),
      filingDate: '2026-11-24',
      payments,
      applications: apps,
      funders,
      ...extra,
    });

  it('counts public payments received from the first day of 2024 to the last of 2026, not private ones nor earlier ones', () => {
    const s = statement([
      paid('a-state', '2023-12-31', 9_000_000),
      paid('a-state', '2024-01-01', 100_000),
      paid('a-foundation', '2026-03-01', 50_000_000),
      paid('a-state', '2026-12-31', 200_000),
    ]);
    expect(s).toMatchObject({ from: '2024-01-01', to: '2026-12-31', receivedCents: 300_000, answer: 'at-most', source: 'data' });
  });

  it.each([
    [50_000_000, 'at-most'],
    [50_000_001, 'above'],
  ] as const)('answers %i cents as « %s » 500 000 €', (cents, answer) => {
    expect(statement([paid('a-state', '2025-05-01', cents)]).answer).toBe(answer);
  });

  it.each([
    [30_000_000, false, false],
    [30_000_001, true, false],
    [75_000_001, true, true],
  ])('at %i cents: above de minimis %s, above the SIEG ceiling %s', (cents, deMinimis, sgei) => {
    expect(statement([paid('a-state', '2025-05-01', cents)])).toMatchObject({ aboveDeMinimis: deMinimis, aboveSgeiCeiling: sgei });
  });

  it('asks the user only when the records start after the window and stay under 500 000 €', () => {
    const recent = [{ id: 'a-state', funderId: 'state', periodStart: '2026-01-01' }];
    expect(statement([paid('a-state', '2026-05-01', 100_000)], { applications: recent })).toMatchObject({
      answer: undefined,
      source: 'unknown',
      recordsCoverWindow: false,
    });
    expect(statement([paid('a-state', '2026-05-01', 100_000)], { applications: recent, userAnswer: 'above' })).toMatchObject({
      answer: 'above',
      source: 'user',
    });
    expect(statement([paid('a-state', '2026-05-01', 60_000_000)], { applications: recent })).toMatchObject({
      answer: 'above',
      source: 'data',
    });
  });

  it('runs on the association’s exercises: September–August, filing on 24 November 2026 → 1 Sept 2024 to 31 Aug 2027', () => {
    const s = statement([], { calendar: exerciseCalendar(septemberProfile) });
    expect([s.from, s.to]).toEqual(['2024-09-01', '2027-08-31']);
  });

  it('the fixture espace starts in 2026: without the coordinator’s answer the checklist asks, blocking', () => {
    const input = fixtureDossierInput({ publicAidAnswer: undefined });
    const item = dossierChecklist(input).items.find((i) => i.id === 'public-aid-unknown');
    expect(item).toMatchObject({ severity: 'blocking', fix: { screen: 'dossier' } });
    expect(buildDossierModel(input).publicAid).toMatchObject({ receivedCents: 6_610_000, answer: undefined });
    expect(buildDossierModel(fixtureDossierInput()).publicAid).toMatchObject({ answer: 'at-most', source: 'user' });
  });
});

describe('pièces and signatory', () => {
  it('states each piece as a fact: jointe with its file, à fournir without, expirée past its date', () => {
    const withFiles = fixtureDocuments.map((d) => d.id);
    const facts = attachmentsChecklist(
      fixtureDossierProfile,
      fixtureDocuments,
      '2026-11-24',
      withFiles.filter((id) => id !== fixtureDocuments.find((d) => d.kind === 'rib')!.id),
    );
    const by = (kind: string) => facts.find((f) => f.kind === kind)!.status;
    expect(by('statutes')).toBe('attached');
    expect(by('rib')).toBe('to-provide');
    expect(by('board-list')).toBe('expired');
    expect(by('activity-report')).toBe('to-provide');
  });

  it('signs as the legal representative by default; another signatory makes a pouvoir necessary', () => {
    expect(buildDossierModel(fixtureDossierInput()).signatory).toEqual({
      name: 'Aminata Diallo',
      role: 'Présidente',
      isLegalRepresentative: true,
    });
    const delegated = buildDossierModel(fixtureDossierInput({ delegatedSignatory: { name: 'Karim Benali', role: 'Coordinateur' } }));
    expect(delegated.signatory).toEqual({ name: 'Karim Benali', role: 'Coordinateur', isLegalRepresentative: false });
  });

  it('prints the filing numbers of the chosen requests', () => {
    const app = {
      ...fixtureFestivalApplicationAtFiling,
      dauphinRef: 'DA-2026-093-00777',
      compteAssoRef: '93-123456',
      chorusEj: '2103456789',
    };
    expect(buildDossierModel(fixtureDossierInput({ applications: [app] })).filingReferences).toEqual([
      {
        funderName: 'Ville de Saint-Denis',
        title: 'Fête de quartier 2026',
        dauphinRef: 'DA-2026-093-00777',
        compteAssoRef: '93-123456',
        chorusEj: '2103456789',
      },
    ]);
    expect(fixtureAllFunders.length).toBeGreaterThan(1);
  });
});
