import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  foldForSearch,
  search,
  searchEntries,
  searchFrom,
  type SearchData,
  type SearchState,
} from '../../../../src/renderer/src/domain/search/search';
import { fixtureApplications, fixtureFunders } from '../../../fixtures/funding';
import { fixtureAgreements, fixtureDocuments, fixturePartners } from '../../../fixtures/partners';
import { fixtureProjects } from '../../../fixtures/projects';
import { fixturePeople } from '../../../fixtures/team';

// What a coordinator types and what comes back: accents and case ignored, every word the start of a word,
// grouped by kind, nothing from the bin.

const STAMPS = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null };
const data = (overrides: Partial<SearchData> = {}): SearchData => ({
  people: fixturePeople,
  funders: fixtureFunders.map((f) => ({ ...f, ...STAMPS })),
  applications: fixtureApplications.map((a) => ({ ...a, ...STAMPS })),
  partners: fixturePartners,
  agreements: fixtureAgreements,
  projects: fixtureProjects,
  documents: fixtureDocuments,
  ...overrides,
});
const index = buildSearchIndex(searchEntries(data()));
const titles = (query: string) => search(index, query).flatMap((g) => g.results.map((r) => `${g.label}: ${r.title}`));

describe('search', () => {
  it('folds accents, case, ligatures and punctuation', () => {
    expect(foldForSearch('Inès  MOREAU')).toBe('ines moreau');
    expect(foldForSearch('Ligue de l’enseignement — FOL 93')).toBe('ligue de l enseignement fol 93');
    expect(foldForSearch('Œuvre Île-de-France')).toBe('oeuvre ile de france');
  });

  it('finds a name typed without accents, in any case, by the start of its words', () => {
    expect(titles('ines')).toEqual(['Personnes: Inès Moreau']);
    expect(titles('MOREAU ine')).toEqual(['Personnes: Inès Moreau']);
    // The funder by its name, then its request by the funder named beside it.
    expect(titles('region ile')).toEqual([
      'Financeurs: Région Île-de-France',
      'Demandes de subvention: Cohésion des quartiers — Ateliers numériques',
    ]);
    // « ore » is inside « Moreau », not the start of a word.
    expect(titles('ore')).toEqual([]);
  });

  it('groups by kind in a fixed order, titles before details', () => {
    const groups = search(index, 'scolarite');
    expect(groups.map((g) => g.label)).toEqual(['Demandes de subvention', 'Conventions', 'Actions']);
    expect(groups.find((g) => g.kind === 'action')?.results.map((r) => [r.title, r.target])).toEqual([
      ['Accompagnement à la scolarité', { screen: 'action', id: fixtureProjects[0]!.id }],
    ]);
    // A request's funder is its detail: « prefecture » finds the funder by title first, then its requests.
    const prefecture = search(index, 'prefecture');
    expect(prefecture.map((g) => g.kind)).toEqual(['funder', 'application']);
    expect(prefecture[1]!.results.map((r) => r.title)).toEqual([
      'Contrat de ville 2026 — Accès aux droits',
      'Contrat de ville 2026 — Accompagnement à la scolarité',
      'Contrat de ville 2027 — Accompagnement à la scolarité',
    ]);
  });

  it('one letter finds nothing yet; at most six per kind', () => {
    expect(search(index, 'a')).toEqual([]);
    expect(search(index, '  ')).toEqual([]);
    expect(search(index, 'de').every((g) => g.results.length <= 6)).toBe(true);
  });

  it('finds an organisation of the directory once, opened on its page, when it is a funder and a partner', () => {
    const caf = fixtureFunders.find((f) => f.id === 'funder-caf')!;
    const both = data({
      partners: [
        ...fixturePartners,
        {
          ...STAMPS,
          id: caf.id,
          name: caf.name,
          kind: 'public',
          publicSubKind: 'other-public',
          federated: false,
          charterSignatory: false,
          tags: [],
          roles: ['funder', 'partner'],
        },
      ],
    });
    const results = search(buildSearchIndex(searchEntries(both)), 'caf seine').flatMap((g) => g.results);
    expect(results.filter((r) => r.title === caf.name).map((r) => r.target)).toEqual([{ screen: 'partner', id: caf.id }]);
  });

  it('typing narrows: each keystroke searches what the previous one matched, with the same results as afresh', () => {
    let state: SearchState | undefined;
    for (const typed of ['s', 'sa', 'sai', 'saint', 'saint ', 'saint d', 'saint denis', 'saint den', 'sc']) {
      const outcome = searchFrom(index, typed, state);
      expect(outcome.groups, typed).toEqual(search(index, typed));
      state = outcome.state;
    }
  });
});
