import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { associationProfileSchema } from '../../../src/renderer/src/domain/association';
import {
  buildFinancialReportModel,
  financialReportChecks,
  financialReportSchema,
  forecastFor,
  grantFigures,
  prefillActuals,
  type ReportLine,
} from '../../../src/renderer/src/domain/dossier/financial-report';
import type { GrantApplicationRecord } from '../../../src/renderer/src/domain/funding/grant-application';
import { financialReportDefinition } from '../../../src/renderer/src/reports/financial-report-pdf';
import {
  fixtureAllFunders,
  fixtureAllPayments,
  fixtureBudgetLines,
  fixtureBudgets,
  fixtureCity,
  fixtureDossierProfile,
  fixtureFestivalApplication,
} from '../../fixtures/dossier';
import { fixtureApplications } from '../../fixtures/funding';
import { fixtureTeam } from '../../fixtures/team';
import { pdfPagesText, renderWithNodePdfMake } from './pdf-text';

// The compte-rendu financier as the funder's officer reads it (pdfjs text of the real PDF): the table in the
// Cerfa's order with chapter subtotals and totals, line 74 named and set against the grant and its payments,
// the « subvention / total des produits » ratio, the 86/87 section, and a draft that says what is wrong.

const flat = (pages: string[]) =>
  pages
    .join('\n')
    .replace(/\s+/g, ' ')
    .replace(/- (?=\p{L})/gu, '-');

async function read(definition: ReturnType<typeof financialReportDefinition>, name: string) {
  const bytes = await renderWithNodePdfMake(definition);
  if (process.env.DOSSIER_PDF_DIR) {
    mkdirSync(process.env.DOSSIER_PDF_DIR, { recursive: true });
    writeFileSync(`${process.env.DOSSIER_PDF_DIR}/${name}.pdf`, bytes);
  }
  const pages = (await pdfPagesText(bytes)).map((page) => flat([page]));
  return { text: flat(pages), pages };
}

const festivalPayments = fixtureAllPayments.filter((p) => p.applicationId === fixtureFestivalApplication.id);

/** The festival's compte-rendu: prévision from the action's budget, réalisé pre-filled then completed by hand. */
function festivalReport(adjust: (lines: ReportLine[]) => ReportLine[]) {
  const forecast = forecastFor(fixtureFestivalApplication, [], fixtureBudgets, fixtureBudgetLines);
  const prefilled = prefillActuals(forecast.lines, {
    application: fixtureFestivalApplication,
    receivedCents: 250_000,
    team: fixtureTeam,
    exerciseYear: 2026,
    scope: 'project',
    staff: [],
  });
  const lines = adjust(prefilled.map((l) => (l.actualCents === undefined ? { ...l, actualCents: l.forecastCents } : l)));
  const report = financialReportSchema.parse({
    grantApplicationId: fixtureFestivalApplication.id,
    howItRan: 'La fête a réuni le quartier le 4 juillet 2026.',
    lines,
    indirectCostsExplanation: 'Loyer et assurance du local au prorata des heures consacrées à l’action (6,5 %).',
    signatoryName: 'Aminata Diallo',
    signatoryRole: 'présidente',
  });
  const problems = financialReportChecks(report, grantFigures(fixtureFestivalApplication, 1, report.lines, festivalPayments));
  return { forecast, report, problems };
}

function festivalModel(adjust: (lines: ReportLine[]) => ReportLine[]) {
  const { report, problems, forecast } = festivalReport(adjust);
  return buildFinancialReportModel({
    profile: fixtureDossierProfile,
    application: { ...fixtureFestivalApplication, dauphinRef: 'DA-2026-093-00777', chorusEj: '2103456789' },
    funder: fixtureCity,
    projectTitle: 'Fête de quartier 2026',
    report,
    forecastSource: 'current-budget',
    producedOn: '2026-11-24',
    funders: fixtureAllFunders,
    payments: festivalPayments,
    scope: forecast.scope,
    draftReasons: problems.map((p) => p.message),
  });
}

// Own resources realised at 2 000 € instead of 1 500 €: the 500 € of the grant not paid (2 500 € of 3 000 €).
const balanced = (lines: ReportLine[]) => lines.map((l) => (l.account === 'RP' ? { ...l, actualCents: 200_000 } : l));

describe('the fixture association’s compte-rendu, read back', () => {
  it(
    'prints the table by chapter with subtotals and totals, line 74 named and set against the grant, the ratio and the 86/87 section',
    { timeout: 60_000 },
    async () => {
      const model = festivalModel(balanced);
      expect(model.draftReasons).toEqual([]);
      const { text, pages } = await read(financialReportDefinition(model), 'compte-rendu-fixture');
      expect(text).toContain(
        'Charges Prévision Réalisation % 60 – Achats 3 700 € 3 700 € 100 % Prestations de services — Scène et sonorisation 2 500 € 2 500 € 100 %',
      );
      expect(text).toContain('64 – Charges de personnel 4 260 € 4 260 € 100 %');
      expect(text).toContain('Total des charges 10 000 € 10 000 € 100 %');
      expect(text).toContain('74 – Subventions d’exploitation 7 000 € 6 500 € 93 %');
      expect(text).toContain('Commune : Ville de Saint-Denis 3 000 € 2 500 € 83 %');
      expect(text).not.toMatch(/Commune\(s\)/);
      expect(text).toContain('Total des produits 10 000 € 10 000 € 100 %');
      // Charges before produits, chapters in the form's order.
      expect(text.indexOf('60 – Achats')).toBeLessThan(text.indexOf('64 – Charges de personnel'));
      expect(text.indexOf('Total des charges')).toBeLessThan(text.indexOf('70 – Ventes'));
      expect(text).toContain('Subvention accordée pour l’exercice 2 500 €');
      expect(text).toContain('Subvention déclarée en réalisation (ligne 74) 2 500 €');
      expect(text).toContain('Versements reçus à ce jour 2 500 €');
      expect(text).toContain('Subvention / total des produits prévision 30 %, réalisation 25 %');
      expect(text).toContain('Loyer et assurance du local au prorata');
      expect(text).toContain('861 – Mise à disposition gratuite de biens et services — Salle prêtée par la Ville 1 500 € 1 500 € 100 %');
      expect(text).toContain('Total des emplois (86) 1 500 € 1 500 € 100 %');
      expect(text).toContain('Total des contributions (87) 1 500 € 1 500 € 100 %');
      expect(text).toContain('N° Dauphin DA-2026-093-00777 N° d’engagement juridique Chorus 2103456789');
      expect(text).not.toContain('N° Compte Asso');
      expect(text).not.toContain('BROUILLON');
      pages.forEach((page, index) => expect(page).toContain(`page ${index + 1} / ${pages.length}`));
    },
  );

  it('a draft carries BROUILLON on every page and says what is wrong: the unbalanced réalisation', { timeout: 60_000 }, async () => {
    const model = festivalModel((lines) => lines);
    expect(model.draftReasons).toEqual([
      'Réalisation déséquilibrée : charges 10\u00a0000\u00a0€, produits 9\u00a0500\u00a0€ (écart 500\u00a0€).',
    ]);
    const { text, pages } = await read(financialReportDefinition(model), 'compte-rendu-brouillon');
    expect(text).toContain(
      'BROUILLON — à corriger avant l’envoi : Réalisation déséquilibrée : charges 10 000 €, produits 9 500 € (écart 500 €).',
    );
    for (const page of pages) expect(page).toContain('BROUILLON');
  });
});

describe('a September–August association’s operating grant, read back', () => {
  const profile = associationProfileSchema.parse({ ...fixtureDossierProfile, exerciseStart: '2025-09-01', exerciseEnd: '2026-08-31' });
  const app = {
    ...fixtureApplications.find((a) => a.id === 'app-department-operating')!,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
    deletedAt: null,
    periodStart: '2026-09-01',
    periodEnd: '2027-08-31',
  } as GrantApplicationRecord;

  it(
    'uses the association’s budget of 2026-2027, pre-fills 74 with the payments received, and prints the exercise',
    { timeout: 60_000 },
    async () => {
      // The budget « 2026 » of this association is its exercise 2026-2027.
      const forecast = forecastFor(app, [], fixtureBudgets, fixtureBudgetLines, 2026);
      expect(forecast).toMatchObject({ source: 'current-budget', scope: 'association' });
      const payments = [
        { expectedDate: '2026-10-15', expectedCents: 1_200_000, receivedDate: '2026-10-20', receivedCents: 1_200_000 },
        { expectedDate: '2027-03-15', expectedCents: 1_200_000 },
      ];
      const lines = prefillActuals(forecast.lines, {
        application: app,
        receivedCents: 1_200_000,
        team: fixtureTeam,
        exerciseYear: 2026,
        scope: 'association',
      });
      expect(lines.find((l) => l.account === '74.department')!.actualCents).toBe(1_200_000);
      expect(lines.find((l) => l.account === '64.salaries')!.actualCents).toBeGreaterThan(0);
      const report = financialReportSchema.parse({ grantApplicationId: app.id, lines, signatoryName: 'Aminata Diallo' });
      const problems = financialReportChecks(report, grantFigures(app, 1, report.lines, payments));
      const model = buildFinancialReportModel({
        profile,
        application: app,
        funder: fixtureAllFunders.find((f) => f.id === 'funder-department'),
        projectTitle: undefined,
        report,
        forecastSource: 'current-budget',
        producedOn: '2027-09-15',
        funders: fixtureAllFunders,
        payments,
        scope: forecast.scope,
        draftReasons: problems.map((p) => p.message),
      });
      const { text } = await read(financialReportDefinition(model), 'compte-rendu-september');
      expect(text).toContain('Action Fonctionnement global de l’association (budget de l’association)');
      expect(text).toContain('Exercice du 1er septembre 2026 au 31 août 2027');
      expect(text).toContain('Prévision : le budget de l’association enregistré');
      expect(text).toContain('Département : Département de la Seine-Saint-Denis 24 000 € 12 000 € 50 %');
      expect(text).toContain('Versements reçus à ce jour 12 000 € (12 000 € encore attendus)');
      // Only 64 and 74 are pre-filled, the rest is still to enter: unbalanced, so a draft that says so.
      expect(text).toContain('BROUILLON');
    },
  );
});
