import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDossierModel } from '../../../src/renderer/src/domain/dossier/dossier-model';
import { buildFinancialReportModel, financialReportSchema } from '../../../src/renderer/src/domain/dossier/financial-report';
import { DOSSIER_SECTION_TITLES, grantDossierDefinition } from '../../../src/renderer/src/reports/grant-dossier-pdf';
import { financialReportDefinition, REPORT_SECTION_TITLES } from '../../../src/renderer/src/reports/financial-report-pdf';
import {
  fixtureBudgetLines,
  fixtureCity,
  fixtureDossierInput,
  fixtureDossierProfile,
  fixtureFestivalApplication,
  DOSSIER_IDS,
} from '../../fixtures/dossier';
import { pdfPagesText, renderWithNodePdfMake } from './pdf-text';

// Both PDFs of the fixture association (2026 dossier; §4 on the last closed exercise, 2025: ETPT 3,09), rendered
// by the real pdfmake and read back as a funder's reader would. Set DOSSIER_PDF_DIR to keep the files.

const keep = (name: string, bytes: Uint8Array) => {
  const dir = process.env.DOSSIER_PDF_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, bytes);
};

// pdf.js gives no-break spaces back as spaces and splits words after a hyphen.
const flat = (pages: string[]) =>
  pages
    .join('\n')
    .replace(/\s+/g, ' ')
    .replace(/- (?=\p{L})/gu, '-');

describe('the grant dossier PDF', () => {
  it('prints the Cerfa sections, the SIRET, the ETPT, the balanced totals and numbered pages', { timeout: 60_000 }, async () => {
    const model = buildDossierModel(fixtureDossierInput());
    const bytes = await renderWithNodePdfMake(grantDossierDefinition(model, { draft: false }));
    keep('dossier-2026.pdf', bytes);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = (await pdfPagesText(bytes)).map((page) => flat([page]));
    const text = flat(pages);
    for (const title of Object.values(DOSSIER_SECTION_TITLES)) expect(text).toContain(title);
    expect(text).toContain('842 139 750 00017');
    expect(text).toMatch(/ETPT\)? 3,09/);
    expect(text).toContain('Total des charges 163 500 € Total des produits 163 500 €');
    expect(text).toContain('Total des charges 10 000 € Total des produits 10 000 €');
    expect(text).toContain('Fête de quartier 2026');
    expect(text).toContain('24 novembre 2026');
    expect(text).not.toContain('BROUILLON');
    // Sections flow one after another: the fixture dossier fits four pages.
    expect(pages.length).toBe(4);
    pages.forEach((page, index) => {
      expect(page).toContain('Les Amis du Quartier');
      expect(page).toContain(`page ${index + 1} / ${pages.length}`);
    });
  });

  it('carries the BROUILLON watermark on every page of a draft', { timeout: 60_000 }, async () => {
    const model = buildDossierModel(fixtureDossierInput());
    const bytes = await renderWithNodePdfMake(grantDossierDefinition(model, { draft: true }));
    keep('dossier-2026-brouillon.pdf', bytes);
    const pages = (await pdfPagesText(bytes)).map((page) => flat([page]));
    for (const page of pages) expect(page).toContain('BROUILLON');
  });
});

describe('the compte-rendu financier PDF', () => {
  it('prints the bilan, the prévision / réalisation table with percentages and the attestation', { timeout: 60_000 }, async () => {
    const lines = fixtureBudgetLines
      .filter((l) => l.budgetId === DOSSIER_IDS.festivalBudget && !l.account.startsWith('86') && !l.account.startsWith('87'))
      .filter((l) => !['861', '875'].includes(l.account))
      .map((l) => ({ account: l.account, label: l.label, forecastCents: l.amountCents ?? 0, actualCents: l.amountCents ?? 0 }));
    const services = lines.find((l) => l.account === '60.services')!;
    services.actualCents = 3_100_00;
    Object.assign(services, { gapExplanation: 'Sonorisation renforcée à la demande de la préfecture.' });
    const report = financialReportSchema.parse({
      grantApplicationId: fixtureFestivalApplication.id,
      howItRan: 'La fête a réuni le quartier le 4 juillet 2026 sur la place centrale.',
      beneficiaries: '950 participants, dont 300 enfants.',
      datesAndPlaces: '4 juillet 2026, place du Franc-Moisin et salle Gérard-Philipe.',
      indicatorsAchieved: [
        {
          objectiveLabel: 'Renforcer le lien social entre habitants',
          indicatorLabel: 'Nombre de participants',
          target: '800',
          achieved: '950',
        },
      ],
      lines,
      inKindContributions: 'Salle Gérard-Philipe prêtée par la Ville (valorisée 1 500 €).',
      signatoryName: 'Aminata Diallo',
      signatoryRole: 'présidente',
    });
    const model = buildFinancialReportModel({
      profile: fixtureDossierProfile,
      application: fixtureFestivalApplication,
      funder: fixtureCity,
      projectTitle: 'Fête de quartier 2026',
      report,
      forecastSource: 'snapshot',
      producedOn: '2026-11-24',
    });
    const bytes = await renderWithNodePdfMake(financialReportDefinition(model));
    keep('compte-rendu-2026.pdf', bytes);
    const pages = (await pdfPagesText(bytes)).map((page) => flat([page]));
    const text = flat(pages);
    for (const title of Object.values(REPORT_SECTION_TITLES)) expect(text).toContain(title);
    expect(text).toContain('842 139 750 00017');
    expect(text).toContain('Prestations de services — Scène et sonorisation 2 500 € 3 100 € 124 %');
    expect(text).toContain('Total des charges 10 000 € 10 600 € 106 %');
    expect(text).toContain('Sonorisation renforcée');
    expect(text).toContain('Aminata Diallo');
    expect(pages.length).toBe(2);
    pages.forEach((page, index) => expect(page).toContain(`page ${index + 1} / ${pages.length}`));
  });
});
