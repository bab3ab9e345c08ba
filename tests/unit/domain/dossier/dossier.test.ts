import { describe, expect, it } from 'vitest';
import { associationProfileSchema } from '../../../../src/renderer/src/domain/association';
import { dossierChecklist } from '../../../../src/renderer/src/domain/dossier/checklist';
import { buildDossierModel, dossierFileName } from '../../../../src/renderer/src/domain/dossier/dossier-model';
import {
  hasSignificantGap,
  realisationPercent,
  financialReportProblems,
  financialReportSchema,
  financialReportFileName,
} from '../../../../src/renderer/src/domain/dossier/financial-report';
import { humanResourcesForYear } from '../../../../src/renderer/src/domain/dossier/human-resources';
import { budgetTotals } from '../../../../src/renderer/src/domain/budgets/budget-totals';
import { fixtureAssociationProfile } from '../../../fixtures/association';
import { fixtureBudgetLines, fixtureDossierInput, fixtureDossierProfile, DOSSIER_IDS, fixtureFestival } from '../../../fixtures/dossier';
import { fixtureDocuments } from '../../../fixtures/partners';
import { fixtureTeam } from '../../../fixtures/team';

describe('§4 moyens humains for a year', () => {
  it.each([
    // year, profile figures, bénévoles, volontaires (source), salariés, aidés, ETPT
    [2026, {}, undefined, 1, 'team', 5, 2, '3.85'],
    [2026, { volunteersCount: 45, civicVolunteersCount: 3, secondedStaffCount: 1 }, 45, 3, 'profile', 5, 2, '3.85'],
    [2010, {}, undefined, 0, 'team', 0, 0, '0.00'],
  ] as const)('%i with %o', (year, figures, volunteers, civic, source, employees, aided, etpt) => {
    const h = humanResourcesForYear(figures, fixtureTeam, year);
    expect(h.volunteers).toBe(volunteers);
    expect(h.civicVolunteers).toBe(civic);
    expect(h.civicVolunteersSource).toBe(source);
    expect(h.employees).toBe(employees);
    expect(h.aidedJobs).toBe(aided);
    expect(h.etpt.toFixed(2)).toBe(etpt);
  });

  it('keeps the five best-paid gross salaries from the Équipe', () => {
    expect(humanResourcesForYear({}, fixtureTeam, 2026).topFiveGrossCents).toBeGreaterThan(9_500_000);
  });
});

describe('budget totals', () => {
  it('balances the fixture association budget and its contributions en nature', () => {
    const totals = budgetTotals(fixtureBudgetLines.filter((l) => l.budgetId === DOSSIER_IDS.associationBudget));
    expect(totals).toMatchObject({ chargesCents: 16_350_000, productsCents: 16_350_000, gapCents: 0, contributionGapCents: 0 });
  });
});

describe('the dossier checklist', () => {
  const ids = (input = fixtureDossierInput()) => dossierChecklist(input).items.map((i) => i.id);

  it('on the fixture, asks only for the expired list of dirigeants and the missing rapport d’activité', () => {
    const checklist = dossierChecklist(fixtureDossierInput());
    expect(checklist.items.map((i) => [i.id, i.severity, i.fix])).toEqual([
      ['document-board-list-expired', 'blocking', { screen: 'documents' }],
      ['document-activity-report-missing', 'blocking', { screen: 'documents' }],
    ]);
    expect(checklist.items[0]!.message).toBe('Pièce expirée le 19 juin 2026 : Liste des dirigeants.');
    expect(checklist.completionPercent).toBeGreaterThan(90);
    expect(checklist.completionPercent).toBeLessThan(100);
  });

  const profile = (changes: object) => associationProfileSchema.parse({ ...fixtureAssociationProfile, volunteersCount: 45, ...changes });

  it.each([
    ['siret', { siret: undefined }, { screen: 'association' }, 'SIRET manquant (§1 Identification).'],
    ['rna', { rna: undefined }, { screen: 'association' }, undefined],
    ['legal-representative', { legalRepresentative: { lastName: 'Diallo' } }, { screen: 'association' }, undefined],
    ['head-office', { headOffice: { city: 'Saint-Denis' } }, { screen: 'association' }, undefined],
    ['volunteers', { volunteersCount: undefined }, { screen: 'association' }, undefined],
  ])('%s: flagged with a link to the screen that fixes it', (id, changes, fix, message) => {
    const item = dossierChecklist(fixtureDossierInput({ profile: profile(changes) })).items.find((i) => i.id === id);
    expect(item?.fix).toEqual(fix);
    if (message) expect(item?.message).toBe(message);
  });

  it('accepts an Alsace-Moselle register number instead of the RNA', () => {
    expect(
      ids(fixtureDossierInput({ profile: profile({ rna: undefined, alsaceMoselle: true, localRegister: 'Volume 12 Folio 345' }) })),
    ).not.toContain('rna');
  });

  it('flags an unbalanced association budget with its totals and a link to the year’s budget', () => {
    const lines = fixtureBudgetLines.map((l) => (l.account === '65' ? { ...l, amountCents: 250_000 } : l));
    const item = dossierChecklist(fixtureDossierInput({ budgetLines: lines })).items.find((i) => i.id === 'association-budget-balance');
    expect(item).toMatchObject({ severity: 'blocking', fix: { screen: 'budgets', year: 2026 } });
    expect(item!.message).toBe('Budget 2026 de l’association déséquilibré : charges 164\u00a0500\u00a0€, produits 163\u00a0500\u00a0€.');
  });

  it('flags a missing association budget, and an action without budget, description or 74 line', () => {
    const project = { ...fixtureFestival, description: undefined };
    const lines = fixtureBudgetLines.filter((l) => !(l.budgetId === DOSSIER_IDS.festivalBudget && l.account === '74.municipality'));
    const found = ids(fixtureDossierInput({ projects: [project], budgetLines: lines, budgets: [] }));
    expect(found).toContain('association-budget');
    expect(found).toContain(`project-${fixtureFestival.id}-description`);
    expect(found).toContain(`project-${fixtureFestival.id}-budget`);
    const withBudget = ids(fixtureDossierInput({ budgetLines: lines }));
    expect(withBudget).toContain(`project-${fixtureFestival.id}-grant-funder-city`);
    expect(withBudget).toContain(`project-${fixtureFestival.id}-balance`);
  });

  it('flags documents missing or expired at the filing date, the CER as a warning', () => {
    const found = dossierChecklist(
      fixtureDossierInput({ documents: fixtureDocuments.filter((d) => d.kind !== 'republican-contract' && d.kind !== 'rib') }),
    );
    expect(found.items.find((i) => i.id === 'document-rib-missing')?.severity).toBe('blocking');
    expect(found.items.find((i) => i.id === 'document-republican-contract-missing')?.severity).toBe('warning');
    expect(ids(fixtureDossierInput({ filingDate: '2026-05-01' }))).not.toContain('document-board-list-expired');
  });

  it('reaches 100 % when nothing is left', () => {
    const docs = [
      ...fixtureDocuments.filter((d) => d.kind !== 'board-list'),
      { ...fixtureDocuments[0]!, id: 'x1', kind: 'board-list' as const, issuedOn: '2026-06-20', validUntil: '2027-06-19' },
      { ...fixtureDocuments[0]!, id: 'x2', kind: 'activity-report' as const, issuedOn: '2026-06-15' },
    ];
    expect(dossierChecklist(fixtureDossierInput({ documents: docs }))).toMatchObject({
      items: [],
      completionPercent: 100,
      blockingCount: 0,
    });
  });
});

describe('the dossier model', () => {
  const model = buildDossierModel(fixtureDossierInput());

  it('computes the amounts requested, the grant share and the file name', () => {
    expect(model.requestedAmounts).toEqual([{ year: 2026, funderName: 'Ville de Saint-Denis', amountCents: 300_000 }]);
    expect(model.projects[0]).toMatchObject({ requestedCents: 300_000, grantSharePercent: 30, durationDays: 106 });
    expect(model.fileName).toBe('Demande-subvention-2026-Ville-de-Saint-Denis.pdf');
    expect(model.humanResources.volunteers).toBe(fixtureDossierProfile.volunteersCount);
  });

  it('prints a linked line at its application’s amount, as the budget screen shows it, not at a stale stored one', () => {
    const input = fixtureDossierInput();
    const stale = input.budgetLines.map((l) => (l.grantApplicationId === 'app-city-festival' ? { ...l, amountCents: 100_000 } : l));
    const project = buildDossierModel({ ...input, budgetLines: stale }).projects[0]!;
    expect(project.requestedCents).toBe(300_000);
    expect(project.budget?.totals).toMatchObject({ chargesCents: 1_000_000, productsCents: 1_000_000, balanced: true });
    expect(dossierChecklist({ ...input, budgetLines: stale }).items.map((i) => i.id)).not.toContain(
      `project-${DOSSIER_IDS.festival}-balance`,
    );
  });

  it('without applications, takes the chosen funders’ 74 lines', () => {
    const m = buildDossierModel(fixtureDossierInput({ applications: [] }));
    expect(m.requestedAmounts).toEqual([{ year: 2026, funderName: 'Ville de Saint-Denis', amountCents: 300_000 }]);
  });

  it.each([
    [2027, ['Ville de Saint-Denis'], 'Demande-subvention-2027-Ville-de-Saint-Denis.pdf'],
    [
      2027,
      ['Préfecture de la Seine-Saint-Denis — politique de la ville'],
      'Demande-subvention-2027-Prefecture-de-la-Seine-Saint-Denis-politique-de-la-ville.pdf',
    ],
    [2027, ['CAF', 'Région Île-de-France'], 'Demande-subvention-2027-CAF-Region-Ile-de-France.pdf'],
  ])('%i %o → %s', (year, names, expected) => {
    expect(dossierFileName(year, names)).toBe(expected);
  });
});

describe('the compte-rendu financier rules', () => {
  it.each([
    [100_000, 115_000, false, 115],
    [100_000, 115_100, true, 115],
    [100_000, 84_000, true, 84],
    [0, 5_000, true, undefined],
    [0, 0, false, undefined],
    [100_000, undefined, false, undefined],
  ])('prévision %i, réalisation %s → gap %s, %s %', (forecast, actual, gap, percent) => {
    expect(hasSignificantGap(forecast, actual)).toBe(gap);
    expect(realisationPercent(forecast, actual)).toBe(percent);
  });

  it('asks for an explanation on a line beyond 15 %, the réalisation and the signatory', () => {
    const report = financialReportSchema.parse({
      grantApplicationId: 'app',
      howItRan: 'Bien.',
      lines: [
        { account: '60.services', forecastCents: 100_000, actualCents: 130_000 },
        { account: '61.rent', forecastCents: 50_000 },
      ],
    });
    expect(financialReportProblems(report).map((p) => p.path)).toEqual(['lines.0.gapExplanation', 'lines.1.actualCents', 'signatoryName']);
    expect(financialReportProblems(report)[0]!.message).toBe(
      'Explication de l’écart\u00a0: l’écart dépasse 15 % (Prestations de services) : expliquez-le.',
    );
  });

  it('names the file after the year and the funder', () => {
    expect(financialReportFileName(2026, 'Ville de Saint-Denis')).toBe('Compte-rendu-financier-2026-Ville-de-Saint-Denis.pdf');
  });
});
