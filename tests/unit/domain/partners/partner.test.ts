import { describe, expect, it } from 'vitest';
import {
  describePartnerKind,
  matchesPartnerSearch,
  parseTags,
  partnerFormValues,
  partnerSchema,
  type PartnerInput,
} from '../../../../src/renderer/src/domain/partners/partner';

const base = { name: 'Centre social Floréal', kind: 'public', publicSubKind: 'centre-social' } satisfies PartnerInput;

describe('partnerSchema', () => {
  it('keeps a public actor with its category', () => {
    const result = partnerSchema.safeParse({ ...base, tags: 'jeunesse, Quartier , JEUNESSE' });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ kind: 'public', publicSubKind: 'centre-social', tags: ['jeunesse', 'Quartier'] });
  });

  it.each([
    ['a SIRET with a wrong key', { siret: '732 829 320 00075' }, /^SIRET\u00a0: la clé de contrôle est fausse/],
    ['a malformed RNA', { kind: 'association', rna: 'W12' }, /^Numéro RNA\u00a0: un W suivi de 9 chiffres/],
    ['a public actor without category', { publicSubKind: '' }, /^Catégorie d’acteur public\u00a0: précisez/],
    ['no name', { name: '  ' }, /^Nom du partenaire\u00a0: champ obligatoire\./],
  ])('refuses %s', (_label, input, message) => {
    const result = partnerSchema.safeParse({ ...base, ...input });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).some((m) => message.test(m))).toBe(true);
  });

  it('stores a valid SIRET as 14 digits', () => {
    expect(partnerSchema.parse({ ...base, siret: '732 829 320 00074' }).siret).toBe('73282932000074');
  });

  it('drops association-only facts from other kinds', () => {
    const parsed = partnerSchema.parse({ ...base, federated: true, federationName: 'X', charterSignatory: true, rna: 'W931234567' });
    expect(parsed).toMatchObject({ federated: false, charterSignatory: false });
    expect(parsed.federationName).toBeUndefined();
    expect(parsed.rna).toBeUndefined();
  });

  it('round-trips through the form values', () => {
    const parsed = partnerSchema.parse({ ...base, tags: ['jeunesse', 'sport'] });
    expect(partnerSchema.parse(partnerFormValues(parsed))).toEqual(parsed);
  });
});

describe('describing and searching partners', () => {
  const association = partnerSchema.parse({
    name: 'Femmes Relais 93',
    kind: 'association',
    federated: false,
    charterSignatory: true,
    city: 'Saint-Denis',
    tags: 'médiation, accès aux droits',
  });

  it.each([
    [association, 'Association non fédérée, signataire de la charte'],
    [partnerSchema.parse(base), 'Acteur public — Centre social'],
    [partnerSchema.parse({ name: 'Fondation X', kind: 'foundation' }), 'Fondation'],
  ])('describes %#', (partner, text) => {
    expect(describePartnerKind(partner)).toBe(text);
  });

  it.each([
    ['femmes', true],
    ['SAINT denis', true],
    ['mediation', true],
    ['non federee', true],
    ['collège', false],
  ])('search « %s » → %s', (query, expected) => {
    expect(matchesPartnerSearch(association, query)).toBe(expected);
  });

  it('parses tags', () => {
    expect(parseTags(' a ,, b  c , A')).toEqual(['a', 'b c']);
  });
});
