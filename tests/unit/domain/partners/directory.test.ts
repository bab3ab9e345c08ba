import { describe, expect, it } from 'vitest';
import type { FunderRecord } from '../../../../src/renderer/src/domain/funding/funder';
import {
  describeRoles,
  directoryOf,
  funderKindOf,
  findDuplicates,
  mergedOrganisation,
  nameKey,
  organisationNamed,
  rolesOf,
} from '../../../../src/renderer/src/domain/partners/directory';
import type { PartnerRecord } from '../../../../src/renderer/src/domain/partners/partner';

// Which records of the directory the merge screen proposes as one organisation (issue 19).

let n = 0;
function org(name: string, extra: Partial<PartnerRecord> = {}): PartnerRecord {
  n += 1;
  return {
    id: `o${n}`,
    createdAt: `2026-01-0${(n % 9) + 1}T08:00:00.000Z`,
    updatedAt: '2026-01-10T08:00:00.000Z',
    deletedAt: null,
    name,
    kind: 'public',
    publicSubKind: 'mairie',
    federated: false,
    charterSignatory: false,
    tags: [],
    ...extra,
  };
}

const funder = (id: string, name: string): FunderRecord => ({
  id,
  name,
  kind: 'municipality',
  portal: 'paper',
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
  deletedAt: null,
});

describe('likely duplicates in the directory', () => {
  it('proposes, ticked, two records with the same SIRET written with and without spaces, keeping the one with the SIRET first', () => {
    const a = org('Ville de Saint-Denis', { siret: '21930066500018', roles: ['funder'] });
    const b = org('Commune SD', { siret: '219 300 665 00018' });
    const [proposal, ...rest] = findDuplicates([b, a]);
    expect(rest).toEqual([]);
    expect(proposal).toMatchObject({ reason: 'siret', suggested: true });
    expect(proposal!.keep.id).toBe(a.id);
    expect(proposal!.merge.id).toBe(b.id);
  });

  it('proposes, ticked, the same name with other accents, case and spacing', () => {
    const a = org('Centre social Floréal');
    const b = org('  CENTRE SOCIAL  floreal', { roles: ['funder'] });
    expect(findDuplicates([a, b])).toEqual([expect.objectContaining({ reason: 'name', suggested: true, keep: a, merge: b })]);
    expect(nameKey('L’Îlot-Jeunes')).toBe(nameKey("l'ilot jeunes"));
    expect(nameKey('A.S.P.')).toBe(nameKey('ASP'));
  });

  it('proposes « Ville de » and « Mairie de » the same commune, but not ticked: only the user decides', () => {
    const ville = org('Ville de Saint-Denis', { roles: ['funder'] });
    const mairie = org('Mairie de Saint-Denis');
    const other = org('Mairie de Saint-Ouen');
    const proposals = findDuplicates([ville, mairie, other]);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ reason: 'municipality', suggested: false });
    expect(new Set([proposals[0]!.keep.id, proposals[0]!.merge.id])).toEqual(new Set([ville.id, mairie.id]));
  });

  // A record in the bin never reaches it: the repository leaves it out (tests/unit/data/bin-filtering.test.ts).
  it('never proposes two different SIRETs, nor merely close names', () => {
    const a = org('Fondation de France', { siret: '78430863900054' });
    const b = org('Fondation de France', { siret: '21930066500018' });
    const close = org('Fondation de France Nord');
    expect(findDuplicates([a, b, close])).toEqual([]);
  });

  it('lists SIRET matches before name matches before « Ville de » ones', () => {
    const proposals = findDuplicates([
      org('Ville de Bobigny'),
      org('Mairie de Bobigny'),
      org('CAF 93'),
      org('caf 93'),
      org('Bailleur A', { siret: '21930066500018' }),
      org('Bailleur B', { siret: '21930066500018' }),
    ]);
    expect(proposals.map((p) => p.reason)).toEqual(['siret', 'name', 'municipality']);
  });
});

describe('the directory and its roles', () => {
  it('reads a funder without its record as an organisation of the same id with the funder role', () => {
    const partner = org('Mairie de Bondy', { roles: ['partner'] });
    const dir = directoryOf([partner], [funder(partner.id, 'Mairie de Bondy'), funder('f2', 'Ville de Pantin')]);
    expect(dir.map((o) => [o.id, o.name, rolesOf(o)])).toEqual([
      [partner.id, 'Mairie de Bondy', ['partner']],
      ['f2', 'Ville de Pantin', ['funder']],
    ]);
    expect(describeRoles(['funder', 'partner'])).toBe('Financeur et partenaire');
    expect(rolesOf({})).toEqual(['partner']);
  });

  it('gives a partner that starts funding the Cerfa line 74 kind of its directory kind', () => {
    expect(funderKindOf({ kind: 'public', publicSubKind: 'mairie' })).toBe('municipality');
    expect(funderKindOf({ kind: 'public', publicSubKind: 'prefecture' })).toBe('state');
    expect(funderKindOf({ kind: 'public', publicSubKind: 'bailleur' })).toBe('other-public');
    expect(funderKindOf({ kind: 'foundation' })).toBe('private');
    expect(funderKindOf({ kind: 'company' })).toBe('private');
  });

  it('links a free-text funder only to the one organisation of that name', () => {
    const dir = [org('ASP'), org('Région Île-de-France'), org('CAF'), org('caf')];
    expect(organisationNamed(dir, 'asp')).toBe(dir[0]!.id);
    expect(organisationNamed(dir, 'Region Ile de France')).toBe(dir[1]!.id);
    expect(organisationNamed(dir, 'CAF')).toBeUndefined();
    expect(organisationNamed(dir, 'FONJEP')).toBeUndefined();
    expect(organisationNamed(dir, undefined)).toBeUndefined();
  });

  it('keeps the kept record’s facts on a merge and takes what it lacks from the other', () => {
    const keep = org('Mairie de Saint-Denis', { siret: '21930066500018', tags: ['Quartier'], roles: ['partner'], notes: 'Élu : M. X' });
    const merge = org('Ville de Saint-Denis', {
      city: 'Saint-Denis',
      phone: '01 49 33 62 00',
      tags: ['quartier', 'Subvention'],
      roles: ['funder'],
      notes: 'Dossier sur le portail',
    });
    expect(mergedOrganisation(keep, merge)).toMatchObject({
      name: 'Mairie de Saint-Denis',
      siret: '21930066500018',
      city: 'Saint-Denis',
      phone: '01 49 33 62 00',
      tags: ['Quartier', 'Subvention'],
      roles: ['funder', 'partner'],
      notes: 'Élu : M. X\n\nDossier sur le portail',
    });
  });
});
