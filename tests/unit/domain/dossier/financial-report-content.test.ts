import { describe, expect, it } from 'vitest';
import {
  financialReportChecks,
  financialReportSchema,
  forecastFor,
  grantFigures,
  orderReportLines,
  prefillActuals,
  reportRows,
  type ReportLine,
} from '../../../../src/renderer/src/domain/dossier/financial-report';
import { DOSSIER_IDS, fixtureAllFunders, fixtureBudgetLines, fixtureBudgets, fixtureFestivalApplication } from '../../../fixtures/dossier';
import { fixtureApplications } from '../../../fixtures/funding';
import { fixtureTeam, TEAM_IDS } from '../../../fixtures/team';

// The compte-rendu's content: the prévision found by the application's links (the association budget for an
// operating grant), « réalisé » pre-filled from payments and the team, the table in the Cerfa's order with
// subtotals, and the checks a funder makes before accepting it.

const STAMPS = { createdAt: '2026-01-10T09:00:00.000Z', updatedAt: '2026-01-10T09:00:00.000Z', deletedAt: null };
const operating = { ...fixtureApplications.find((a) => a.id === 'app-department-operating')!, ...STAMPS };

describe('the prévision of a compte-rendu', () => {
  it('takes the association’s budget of the exercise for an operating grant (no action named)', () => {
    const forecast = forecastFor(operating, [], fixtureBudgets, fixtureBudgetLines);
    expect(forecast).toMatchObject({ source: 'current-budget', scope: 'association' });
    expect(forecast.lines.find((l) => l.account === '74.department')).toMatchObject({
      forecastCents: 2_400_000,
      funderId: 'funder-department',
    });
    expect(forecast.lines.reduce((sum, l) => sum + (l.account.startsWith('6') ? l.forecastCents : 0), 0)).toBe(16_350_000);
    // No association budget for the exercise: nothing, and it says whose budget is missing.
    expect(forecastFor(operating, [], fixtureBudgets, fixtureBudgetLines, 2027)).toEqual({
      source: 'none',
      scope: 'association',
      lines: [],
    });
  });

  it('finds an action’s budget by the application’s link, never by a title', () => {
    const unlinkedLines = fixtureBudgetLines.map((l) => ({ ...l, grantApplicationId: undefined }));
    const named = { ...fixtureFestivalApplication, projectIds: [DOSSIER_IDS.festival] };
    expect(forecastFor(named, [], fixtureBudgets, unlinkedLines)).toMatchObject({ scope: 'project', projectId: DOSSIER_IDS.festival });
    // A line saved with only its link names the application's funder.
    const linkOnly = fixtureBudgetLines.map((l) =>
      l.grantApplicationId === fixtureFestivalApplication.id ? { ...l, funderId: undefined } : l,
    );
    expect(
      forecastFor(fixtureFestivalApplication, [], fixtureBudgets, linkOnly).lines.find((l) => l.account === '74.municipality'),
    ).toMatchObject({ funderId: 'funder-city' });
    // Same title as the action, but no link at all: no budget is taken.
    const titledOnly = { ...fixtureFestivalApplication, projectIds: [] };
    expect(forecastFor(titledOnly, [], fixtureBudgets, unlinkedLines).source).toBe('none');
  });

  it('orders the lines by chapter, with subtotals, and names the funders of line 74', () => {
    const lines: ReportLine[] = [
      { account: '74.municipality', funderId: 'funder-city', forecastCents: 300_000, actualCents: 250_000 },
      { account: '60.supplies', forecastCents: 120_000, actualCents: 100_000 },
      { account: '70', forecastCents: 50_000 },
      { account: '60.services', forecastCents: 250_000, actualCents: 310_000 },
    ];
    expect(orderReportLines(lines).map((l) => l.account)).toEqual(['60.services', '60.supplies', '70', '74.municipality']);
    expect(reportRows(lines, 'charge').map((r) => [r.kind, r.label, r.forecastCents, r.actualCents])).toEqual([
      ['chapter', '60 – Achats', 370_000, 410_000],
      ['line', 'Prestations de services', 250_000, 310_000],
      ['line', 'Achats matières et fournitures', 120_000, 100_000],
    ]);
    expect(reportRows(lines, 'product', fixtureAllFunders).map((r) => r.label)).toEqual([
      '70 – Ventes de produits finis, de marchandises, prestations de services',
      'Ventes de produits finis, de marchandises, prestations de services',
      '74 – Subventions d’exploitation',
      'Commune : Ville de Saint-Denis',
    ]);
  });
});

describe('« réalisé » pre-filled from what the app knows', () => {
  const lines: ReportLine[] = [
    { account: '64.salaries', forecastCents: 8_000_000 },
    { account: '64.social', forecastCents: 2_500_000 },
    { account: '74.department', funderId: 'funder-department', forecastCents: 2_400_000 },
    { account: '60.services', forecastCents: 100_000, actualCents: 90_000 },
    { account: '70', forecastCents: 100_000 },
  ];

  it('puts the whole team’s 2027 costs on 64 and the payments received on the grant’s line, leaving the rest', () => {
    // 2027 (budget suggestions' hand figures): gross 84 863,33 €, charges 28 780,67 €.
    const filled = prefillActuals(lines, {
      application: operating,
      receivedCents: 1_200_000,
      team: fixtureTeam,
      exerciseYear: 2027,
      scope: 'association',
    });
    expect(filled.map((l) => l.actualCents)).toEqual([8_486_300, 2_878_100, 1_200_000, 90_000, undefined]);
  });

  it('for an action: each person’s share on the line named after them, or the sum on a single line', () => {
    const staff = [
      { personId: TEAM_IDS.awa, sharePercent: 60 },
      { personId: TEAM_IDS.karim, sharePercent: 20 },
    ];
    const context = { application: operating, receivedCents: 0, team: fixtureTeam, exerciseYear: 2027, scope: 'project' as const, staff };
    const perPerson = prefillActuals(
      [
        { account: '64.salaries', label: 'Awa Diop', forecastCents: 1_500_000 },
        { account: '64.salaries', label: 'Karim Benali', forecastCents: 600_000 },
      ],
      context,
    );
    // 26 400 € × 60 % = 15 840 €; 31 200 € × 20 % = 6 240 €.
    expect(perPerson.map((l) => l.actualCents)).toEqual([1_584_000, 624_000]);
    expect(prefillActuals([{ account: '64.salaries', forecastCents: 2_000_000 }], context)[0]!.actualCents).toBe(2_208_000);
  });
});

describe('the checks before a final compte-rendu', () => {
  const report = (lines: ReportLine[], extra: object = {}) =>
    financialReportSchema.parse({ grantApplicationId: operating.id, lines, ...extra });
  const received = (cents: number, date = '2026-06-01') => ({
    expectedDate: date,
    expectedCents: cents,
    receivedDate: date,
    receivedCents: cents,
  });
  const expected = (cents: number) => ({ expectedDate: '2027-01-31', expectedCents: cents });

  it('refuses realised charges of 19 000 € against produits of 20 900 €, and accepts 19 000 € against 19 000 €', () => {
    const unbalanced = report([
      { account: '60.services', forecastCents: 0, actualCents: 1_900_000 },
      { account: '74.department', funderId: 'funder-department', forecastCents: 0, actualCents: 2_090_000 },
    ]);
    const figures = grantFigures(operating, 1, unbalanced.lines, [received(2_090_000)]);
    expect(financialReportChecks(unbalanced, figures).map((p) => p.message)).toEqual([
      'Réalisation déséquilibrée : charges 19\u00a0000\u00a0€, produits 20\u00a0900\u00a0€ (écart 1\u00a0900\u00a0€).',
    ]);
    const balanced = report([
      { account: '60.services', forecastCents: 0, actualCents: 1_900_000 },
      { account: '74.department', funderId: 'funder-department', forecastCents: 0, actualCents: 1_900_000 },
    ]);
    expect(financialReportChecks(balanced, grantFigures(operating, 1, balanced.lines, [received(1_900_000)]))).toEqual([]);
  });

  it('refuses 12 000 € declared when 6 000 € were received and nothing more is expected; accepts it with 6 000 € still expected', () => {
    const state = { ...operating, grantedCents: 1_200_000, agreedCents: undefined };
    const lines = report([
      { account: '60.services', forecastCents: 0, actualCents: 1_200_000 },
      { account: '74.department', funderId: 'funder-department', forecastCents: 0, actualCents: 1_200_000 },
    ]);
    const problems = financialReportChecks(lines, grantFigures(state, 1, lines.lines, [received(600_000)]));
    expect(problems.map((p) => p.message)).toEqual([
      'Subvention déclarée 12\u00a0000\u00a0€, alors que l’application enregistre 6\u00a0000\u00a0€ reçus : enregistrez les versements ou corrigez la réalisation.',
    ]);
    expect(financialReportChecks(lines, grantFigures(state, 1, lines.lines, [received(600_000), expected(600_000)]))).toEqual([]);
  });

  it('refuses a grant declared above the amount granted, by one euro', () => {
    const state = { ...operating, grantedCents: 2_400_000, agreedCents: undefined };
    const at = (cents: number) => {
      const r = report([
        { account: '60.services', forecastCents: 0, actualCents: cents },
        { account: '74.department', funderId: 'funder-department', forecastCents: 0, actualCents: cents },
      ]);
      return financialReportChecks(r, grantFigures(state, 1, r.lines, [received(cents)])).map((p) => p.path);
    };
    expect(at(2_400_000)).toEqual([]);
    expect(at(2_400_100)).toEqual(['grant-declared']);
  });

  it('asks for the rule of indirect costs when some are allocated to the action', () => {
    const r = report([
      { account: 'CI.fixed', forecastCents: 64_000, actualCents: 64_000 },
      { account: '74.department', funderId: 'funder-department', forecastCents: 64_000, actualCents: 64_000 },
    ]);
    const figures = grantFigures(operating, 1, r.lines, [received(64_000)]);
    expect(financialReportChecks(r, figures).map((p) => p.path)).toEqual(['indirectCostsExplanation']);
    expect(financialReportChecks({ ...r, indirectCostsExplanation: 'Au prorata des heures.' }, figures)).toEqual([]);
  });
});
