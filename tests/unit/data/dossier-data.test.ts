import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WorkspaceDb } from '../../../src/renderer/src/data/workspace-db';
import {
  financialReportDeadlineKey,
  loadDossierSources,
  markFinancialReportProduced,
  saveDossierSnapshot,
  saveFinancialReport,
} from '../../../src/renderer/src/data/dossier-repository';
import { forecastFor } from '../../../src/renderer/src/domain/dossier/financial-report';
import { fixtureBudgetLines, fixtureDossierInput, fixtureFestivalApplication, DOSSIER_IDS } from '../../fixtures/dossier';

const NOW = new Date('2026-11-24T09:00:00Z');
let db: WorkspaceDb;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('dossier-test');
  await db.open();
});

afterEach(() => db.close());

describe('the dossier data', () => {
  it('keeps the budgets a produced dossier printed, and the compte-rendu takes them as its prévision', async () => {
    const input = fixtureDossierInput();
    await db.budgets.bulkAdd([...input.budgets]);
    await db.budgetLines.bulkAdd([...input.budgetLines]);
    const snapshot = await saveDossierSnapshot(
      db,
      input,
      { draft: true, fileName: 'Demande-subvention-2026-Ville-de-Saint-Denis.pdf' },
      NOW,
    );
    expect(snapshot.projectBudgets[0]!.lines).toHaveLength(
      fixtureBudgetLines.filter((l) => l.budgetId === DOSSIER_IDS.festivalBudget).length,
    );

    // The budget changes afterwards: the compte-rendu still compares with what the funder received.
    await db.budgetLines.update(fixtureBudgetLines.find((l) => l.budgetId === DOSSIER_IDS.festivalBudget)!.id, { amountCents: 999_900 });
    const sources = await loadDossierSources(db);
    const forecast = forecastFor(fixtureFestivalApplication, await db.dossierSnapshots.toArray(), sources.budgets, sources.budgetLines);
    expect(forecast.source).toBe('snapshot');
    expect(forecast.lines.find((l) => l.account === '60.services')!.forecastCents).toBe(250_000);
    // The 86/87 contributions come along: the compte-rendu has their section.
    expect(forecast.lines.find((l) => l.account === '861')!.forecastCents).toBe(150_000);
    // The grant's line keeps its link to the application.
    expect(forecast.lines.find((l) => l.account === '74.municipality')).toMatchObject({
      grantApplicationId: 'app-city-festival',
      funderId: 'funder-city',
    });
  });

  it('without a snapshot, the prévision is the current budget of the action linked to the application', async () => {
    const input = fixtureDossierInput();
    await db.budgets.bulkAdd([...input.budgets]);
    await db.budgetLines.bulkAdd([...input.budgetLines]);
    const sources = await loadDossierSources(db);
    const forecast = forecastFor(fixtureFestivalApplication, [], sources.budgets, sources.budgetLines);
    expect(forecast).toMatchObject({ source: 'current-budget', projectId: DOSSIER_IDS.festival });
  });

  it('saves a compte-rendu per application and exercise, and producing it marks its deadline ready to send', async () => {
    await db.grantApplications.add(fixtureFestivalApplication);
    const first = await saveFinancialReport(db, { grantApplicationId: 'app-city-festival', howItRan: 'Bien.' }, NOW);
    const second = await saveFinancialReport(db, { grantApplicationId: 'app-city-festival', howItRan: 'Très bien.' }, NOW);
    expect(first.ok && second.ok && first.value.id === second.value.id).toBe(true);
    expect(await db.financialReports.count()).toBe(1);
    if (!second.ok) return;
    await markFinancialReportProduced(db, second.value, NOW);
    expect((await db.financialReports.get(second.value.id))!.producedAt).toBe(NOW.toISOString());
    const state = await db.deadlineStates.get(financialReportDeadlineKey('app-city-festival', 1));
    expect(state).toEqual({ key: 'grant:app-city-festival:financial-report:1', readyAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
  });

  it('refuses a compte-rendu with a negative réalisation, with a French message', async () => {
    const result = await saveFinancialReport(db, {
      grantApplicationId: 'x',
      lines: [{ account: '60.services', forecastCents: 100, actualCents: -100 }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.values(result.errors)[0]).toBe('Réalisation\u00a0: les montants ne peuvent pas être négatifs.');
  });
});
