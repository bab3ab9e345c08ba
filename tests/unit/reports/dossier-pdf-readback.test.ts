import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { associationProfileSchema } from '../../../src/renderer/src/domain/association';
import { buildDossierModel, type DossierInput } from '../../../src/renderer/src/domain/dossier/dossier-model';
import { grantDossierDefinition } from '../../../src/renderer/src/reports/grant-dossier-pdf';
import { fixtureDossierInput, fixtureDossierProfile, fixtureFestivalApplicationAtFiling } from '../../fixtures/dossier';
import { TEAM_IDS } from '../../fixtures/team';
import { pdfPagesText, renderWithNodePdfMake } from './pdf-text';

// The dossier as the instructing officer reads it (pdfjs text of the real PDF): every fact the issue lists,
// on the fixture association (calendar year) and on one whose exercise runs from September to August.
// Set DOSSIER_PDF_DIR to keep the files and look at them (pdftoppm -png -r 60).

const flat = (pages: string[]) =>
  pages
    .join('\n')
    .replace(/\s+/g, ' ')
    .replace(/- (?=\p{L})/gu, '-');

async function read(input: DossierInput, name: string, draft = false): Promise<{ text: string; pages: string[] }> {
  const bytes = await renderWithNodePdfMake(grantDossierDefinition(buildDossierModel(input), { draft }));
  if (process.env.DOSSIER_PDF_DIR) {
    mkdirSync(process.env.DOSSIER_PDF_DIR, { recursive: true });
    writeFileSync(`${process.env.DOSSIER_PDF_DIR}/${name}.pdf`, bytes);
  }
  const pages = (await pdfPagesText(bytes)).map((page) => flat([page]));
  return { text: flat(pages), pages };
}

const referenced = {
  ...fixtureFestivalApplicationAtFiling,
  dauphinRef: 'DA-2026-093-00777',
  compteAssoRef: '93-123456',
  chorusEj: '2103456789',
};

describe('the fixture association’s dossier, read back', () => {
  it(
    'dates every exercise, reports §4 on the last closed one, names the funders on line 74 and agrees on 3 000 €',
    { timeout: 60_000 },
    async () => {
      const { text, pages } = await read(fixtureDossierInput({ applications: [referenced] }), 'dossier-fixture');
      expect(text).toContain('Exercice 2026, du 1er janvier 2026 au 31 décembre 2026');
      expect(text).toContain('Budget de l’exercice 2026, du 1er janvier 2026 au 31 décembre 2026.');
      expect(text).toContain('Budget de l’action pour l’exercice 2026, du 1er janvier 2026 au 31 décembre 2026.');
      expect(text).toContain('Au titre de l’exercice 2025, du 1er janvier 2025 au 31 décembre 2025, dernier exercice clos.');
      expect(text).toContain('Nombre total de salariés 4');
      expect(text).toMatch(/ETPT\)? 3,09/);
      // Line 74: the funders' names, never the form's instructions as answers.
      expect(text).toContain('Commune : Ville de Saint-Denis 25 000 €');
      expect(text).toContain('Commune : Ville de Saint-Denis 3 000 €');
      expect(text).toContain('Région : Région Île-de-France 16 000 €');
      expect(text).not.toContain('préciser le ou les ministères');
      expect(text).not.toMatch(/Commune\(s\)/);
      // One amount: §7, the action's line and its share.
      expect(text).toContain(
        'demande une subvention de : Année ou exercice Financeur Montant 2026 Ville de Saint-Denis 3 000 € Total 3 000 €',
      );
      expect(text).toContain('La subvention demandée (3 000 €) représente 30 % du total des produits de l’action.');
      expect(text).toContain('Fête de quartier 2026 (Ville de Saint-Denis) DA-2026-093-00777 93-123456 2103456789');
      // §7 answered, not left to strike.
      expect(text).toContain('(dont l’exercice en cours) : inférieur ou égal à 500 000 € ;');
      expect(text).not.toContain('rayer la mention inutile');
      expect(text).toContain('Je soussigné·e, Aminata Diallo, présidente, représentant·e légal·e de l’association Les Amis du Quartier');
      expect(text).not.toContain('donne pouvoir');
      // The pièces as facts.
      expect(text).toContain('Statuts 12 mars 2019 Jointe');
      expect(text).toContain('Liste des dirigeants 20 juin 2025 Expirée le 19 juin 2026');
      expect(text).toContain('Comptes approuvés 15 juin 2026 Jointe, valable jusqu’au 30 juin 2027');
      expect(text).toContain('Rapport d’activité — À fournir');
      expect(text).not.toMatch(/Valide|Manquante/);
      // The CER annexed.
      expect(text).toContain('Annexe — Contrat d’engagement républicain');
      expect(text).toContain('7. Respect des symboles de la République');
      expect(pages.length).toBe(4);
      pages.forEach((page, index) => expect(page).toContain(`page ${index + 1} / 4`));
    },
  );

  it('names the team members assigned to the action in §6, with their share of time', { timeout: 60_000 }, async () => {
    const staff = [
      {
        id: 's1',
        createdAt: '2026-01-10T09:00:00.000Z',
        updatedAt: '2026-01-10T09:00:00.000Z',
        deletedAt: null,
        projectId: fixtureFestivalApplicationAtFiling.projectIds![0]!,
        personId: TEAM_IDS.karim,
        sharePercent: 20,
        role: 'Coordination',
      },
    ];
    const { text } = await read(fixtureDossierInput({ projectStaff: staff }), 'dossier-staff');
    expect(text).toContain('Salariés affectés à l’action Karim Benali (coordination, 20 % de son temps)');
  });

  it('prints the pièces in black: no alarm colour anywhere in a final dossier', () => {
    const definition = grantDossierDefinition(buildDossierModel(fixtureDossierInput()), { draft: false });
    expect(JSON.stringify(definition.content)).not.toMatch(/#c62828|#1b5e20/i);
  });

  it('joins a pouvoir when another person signs, and lists it among the pièces', { timeout: 60_000 }, async () => {
    const { text } = await read(
      fixtureDossierInput({ delegatedSignatory: { name: 'Karim Benali', role: 'Coordinateur' } }),
      'dossier-pouvoir',
    );
    expect(text).toContain(
      'Je soussigné·e, Karim Benali, coordinateur, agissant pour l’association Les Amis du Quartier en vertu du pouvoir ci-après',
    );
    expect(text).toContain(
      'Pouvoir Je soussigné·e, Aminata Diallo, présidente, représentant·e légal·e de l’association Les Amis du Quartier, donne pouvoir à Karim Benali, coordinateur',
    );
    expect(text).toContain('Pouvoir 24 novembre 2026 Joint au présent dossier');
  });

  it('states « supérieur à 500 000 € » from the payments, with the amount and the period it counts', { timeout: 60_000 }, async () => {
    const input = fixtureDossierInput({ publicAidAnswer: undefined });
    const big = { ...input.payments![0]!, id: 'pay-big', receivedDate: '2025-03-01', receivedCents: 50_000_000 };
    const { text } = await read({ ...input, payments: [...input.payments!, big] }, 'dossier-aid-above');
    expect(text).toContain(
      '(dont l’exercice en cours) : supérieur à 500 000 € (566 100 € reçus du 1er janvier 2024 au 31 décembre 2026 d’après les versements enregistrés) ;',
    );
  });
});

describe('a September–August association’s dossier, read back', () => {
  const profile = associationProfileSchema.parse({ ...fixtureDossierProfile, exerciseStart: '2025-09-01', exerciseEnd: '2026-08-31' });

  it(
    'names and dates its exercises from September to August, §4 on 2025-2026 (closed on 31 August 2026)',
    { timeout: 60_000 },
    async () => {
      const { text } = await read(fixtureDossierInput({ profile }), 'dossier-september');
      expect(text).toContain('exercice 2026-2027');
      expect(text).toContain('Exercice 2026-2027, du 1er septembre 2026 au 31 août 2027');
      expect(text).toContain('Budget de l’exercice 2026-2027, du 1er septembre 2026 au 31 août 2027.');
      expect(text).toContain('Au titre de l’exercice 2025-2026, du 1er septembre 2025 au 31 août 2026, dernier exercice clos.');
      expect(text).toContain('Commune : Ville de Saint-Denis 25 000 €');
      expect(text).toContain('inférieur ou égal à 500 000 €');
    },
  );

  it('says when §4 was set on an exercise not yet closed', { timeout: 60_000 }, async () => {
    const { text } = await read(fixtureDossierInput({ profile, referenceYear: 2026 }), 'dossier-september-open');
    expect(text).toContain(
      'Au titre de l’exercice 2026-2027, du 1er septembre 2026 au 31 août 2027 (exercice non clos : chiffres prévisionnels).',
    );
    expect(text).not.toContain('dernier exercice clos');
  });
});
