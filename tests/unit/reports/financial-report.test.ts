import { describe, expect, it } from 'vitest';
import { buildFinancialReportModel, financialReportSchema } from '../../../src/renderer/src/domain/dossier/financial-report';
import { financialReportDefinition, REPORT_SECTION_TITLES } from '../../../src/renderer/src/reports/financial-report-pdf';
import { fixtureCity, fixtureDossierProfile, fixtureFestivalApplication } from '../../fixtures/dossier';

const texts = (node: unknown): string[] => {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
};

describe('the compte-rendu financier definition', () => {
  const report = financialReportSchema.parse({
    grantApplicationId: fixtureFestivalApplication.id,
    howItRan: 'Déroulement.',
    lines: [
      { account: '60.services', forecastCents: 250_000, actualCents: 310_000, gapExplanation: 'Sonorisation renforcée.' },
      { account: '74.municipality', forecastCents: 300_000, actualCents: 250_000 },
    ],
    signatoryName: 'Aminata Diallo',
  });
  const model = buildFinancialReportModel({
    profile: fixtureDossierProfile,
    application: fixtureFestivalApplication,
    funder: fixtureCity,
    projectTitle: 'Fête de quartier 2026',
    report,
    forecastSource: 'current-budget',
    producedOn: '2026-11-24',
  });
  const all = texts(financialReportDefinition(model).content);

  it('has the Cerfa 15059 sections in order', () => {
    const order = Object.values(REPORT_SECTION_TITLES).map((title) => all.indexOf(title));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('prints prévision, réalisation and % per line, and says where the prévision comes from', () => {
    expect(all).toEqual(expect.arrayContaining(['2\u00a0500\u00a0€', '3\u00a0100\u00a0€', '124\u00a0%', '83\u00a0%']));
    expect(all.some((t) => t.includes('aucun dossier de demande produit'))).toBe(true);
    expect(all).toContain('Sonorisation renforcée.');
    expect(model.fileName).toBe('Compte-rendu-financier-2026-Ville-de-Saint-Denis.pdf');
  });
});
