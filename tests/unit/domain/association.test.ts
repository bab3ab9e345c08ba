import { describe, expect, it } from 'vitest';
import { associationFormValues, associationProfileSchema, emptyAssociationProfile } from '../../../src/renderer/src/domain/association';
import { firstIssueMessages } from '../../../src/renderer/src/domain/fields';

function errorsOf(input: unknown): Record<string, string> {
  const parsed = associationProfileSchema.safeParse(input);
  return parsed.success ? {} : firstIssueMessages(parsed.error);
}

const base = associationFormValues(emptyAssociationProfile('Les Amis du Quartier'));

describe('association profile', () => {
  it('a new espace’s profile holds only its name and the Cerfa’s default answers', () => {
    const profile = emptyAssociationProfile('Les Amis du Quartier');
    expect(profile.name).toBe('Les Amis du Quartier');
    expect(profile.siret).toBeUndefined();
    expect(profile.federated).toBe(false);
    expect(profile.collectiveAgreement).toBe('none');
    expect(profile.approvals).toEqual([]);
  });

  it('an empty form is valid but for the name', () => {
    expect(errorsOf(base)).toEqual({});
    expect(errorsOf({ ...base, name: '  ' })).toEqual({ name: 'Nom de l’association\u00a0: champ obligatoire.' });
  });

  it('stores identifiers and contacts in their normalised forms', () => {
    const parsed = associationProfileSchema.parse({
      ...base,
      siret: '732 829 320 00074',
      rna: 'w93 123 4567',
      website: 'www.amis-quartier.fr',
      legalRepresentative: { ...base.legalRepresentative, phone: '+33 6 12 34 56 78' },
      qpvs: [{ code: ' qp093028 ', name: 'Franc-Moisin' }],
      membersPersons: '1 200',
    });
    expect(parsed.siret).toBe('73282932000074');
    expect(parsed.rna).toBe('W931234567');
    expect(parsed.website).toBe('https://www.amis-quartier.fr');
    expect(parsed.legalRepresentative.phone).toBe('06 12 34 56 78');
    expect(parsed.qpvs).toEqual([{ code: 'QP093028', name: 'Franc-Moisin' }]);
    expect(parsed.membersPersons).toBe(1200);
  });

  it.each([
    [{ siret: '73282932000075' }, 'siret', 'SIRET\u00a0: la clé de contrôle est fausse — vérifiez les 14 chiffres.'],
    [{ rna: 'W12345' }, 'rna', 'Numéro RNA\u00a0: un W suivi de 9 chiffres est attendu (ex. W931234567).'],
    [
      { headOffice: { street: '', postalCode: '9320', city: '' } },
      'headOffice.postalCode',
      'Code postal du siège\u00a0: 5 chiffres attendus (ex. 93200).',
    ],
    [
      { dossierContact: { lastName: '', firstName: '', role: '', phone: '', email: 'marie@' } },
      'dossierContact.email',
      'Courriel de la personne chargée du dossier\u00a0: adresse invalide (ex. nom@exemple.fr).',
    ],
    [{ federated: true }, 'federationName', 'Réseau, union ou fédération\u00a0: indiquez son nom, ou décochez « affiliée ».'],
    [
      { exerciseStart: '2026-01-01', exerciseEnd: '2025-12-31' },
      'exerciseEnd',
      'Fin de l’exercice\u00a0: doit être après le début de l’exercice.',
    ],
    [{ collectiveAgreement: 'other' }, 'otherIdcc', 'Numéro IDCC\u00a0: précisez le numéro de la convention collective.'],
    [
      { qpvs: [{ code: 'Franc-Moisin', name: '' }] },
      'qpvs.0.code',
      'Code du quartier prioritaire\u00a0: un code comme QP093028 est attendu.',
    ],
    [{ membersPersons: '-3' }, 'membersPersons', 'Adhérents personnes physiques\u00a0: ne peut pas être négatif.'],
    [{ website: 'pas un site' }, 'website', 'Site internet\u00a0: adresse de site invalide (ex. www.mon-asso.fr).'],
    [{ alsaceMoselle: true }, 'localRegister', 'Numéro au registre du tribunal\u00a0: indiquez-le pour une association d’Alsace-Moselle.'],
  ])('refuses %o with a message naming the field', (change, path, message) => {
    expect(errorsOf({ ...base, ...change })[path]).toBe(message);
  });

  it('a stored profile shown in the form and saved again is unchanged', () => {
    const stored = associationProfileSchema.parse({
      ...base,
      siret: '73282932000074',
      approvals: [{ type: 'Jeunesse et éducation populaire', issuer: 'SDJES 93', date: '2019-05-02', number: '' }],
      federated: true,
      federationName: 'FCSF',
      exerciseStart: '2026-01-01',
      exerciseEnd: '2026-12-31',
      collectiveAgreement: '1518',
    });
    expect(associationProfileSchema.parse(associationFormValues(stored))).toEqual(stored);
  });
});

describe('the fixture association', () => {
  it('is a valid profile, so every layer of the tests can rely on it', async () => {
    const { fixtureAssociationProfile } = await import('../../fixtures/association');
    expect(errorsOf(fixtureAssociationProfile)).toEqual({});
  });
});
