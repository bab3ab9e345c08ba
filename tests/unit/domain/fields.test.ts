import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';

import {
  alsaceMoselleRegisterField,
  amountField,
  emailField,
  fieldMessage,
  firstIssueMessages,
  isoDateField,
  nonNegativeIntField,
  optionalText,
  phoneField,
  postalCodeField,
  requiredText,
  rnaField,
  sirenField,
  siretField,
  yesNoField,
} from '../../../src/renderer/src/domain/fields';
import { centsToEurosText } from '../../../src/renderer/src/domain/money';

// French puts a no-break space before a colon; every message names its field that way.
const NBSP = '\u00a0';

function messagesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected a refusal of ${JSON.stringify(value)}`);
  return result.error.issues.map((issue) => issue.message);
}

function valueOf(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join(' | '));
  return result.data;
}

describe('fieldMessage', () => {
  it('puts a no-break space before the colon', () => {
    expect(fieldMessage('Nom', 'champ obligatoire.')).toBe(`Nom${NBSP}: champ obligatoire.`);
  });
});

describe('requiredText', () => {
  const name = requiredText('Nom', 10);

  it.each([
    ['Les Amis', 'Les Amis'],
    ['  Les Amis  ', 'Les Amis'],
    ['0123456789', '0123456789'],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(name, input)).toBe(stored);
  });

  it.each([
    ['', `Nom${NBSP}: champ obligatoire.`],
    ['   ', `Nom${NBSP}: champ obligatoire.`],
    [undefined, `Nom${NBSP}: champ obligatoire.`],
    [42, `Nom${NBSP}: texte attendu.`],
    [null, `Nom${NBSP}: texte attendu.`],
    ['01234567890', `Nom${NBSP}: 10 caractères au maximum (11 saisis).`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(name, input)).toEqual([message]);
  });

  it('allows 200 characters by default', () => {
    const objectName = requiredText('Objet');
    expect(valueOf(objectName, 'a'.repeat(200))).toBe('a'.repeat(200));
    expect(messagesOf(objectName, 'a'.repeat(201))).toEqual([`Objet${NBSP}: 200 caractères au maximum (201 saisis).`]);
  });
});

describe('optionalText', () => {
  const acronym = optionalText('Sigle', 5);

  it.each([
    ['ALJ', 'ALJ'],
    [' ALJ ', 'ALJ'],
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(acronym, input)).toBe(stored);
  });

  it.each([
    ['ABCDEF', `Sigle${NBSP}: 5 caractères au maximum (6 saisis).`],
    [12, `Sigle${NBSP}: texte attendu.`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(acronym, input)).toEqual([message]);
  });
});

describe('siretField', () => {
  const siret = siretField('SIRET');

  it.each([
    ['73282932000074', '73282932000074'],
    ['732 829 320 00074', '73282932000074'],
    [' 356.000.000-00048 ', '35600000000048'],
    ['356 000 000 09075', '35600000009075'],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(siret, input)).toBe(stored);
  });

  it.each([
    ['73282932000075', `SIRET${NBSP}: la clé de contrôle est fausse — vérifiez les 14 chiffres.`],
    ['732 829 320 0007', `SIRET${NBSP}: 14 chiffres attendus, 13 saisis.`],
    ['7328293200007A', `SIRET${NBSP}: seuls des chiffres sont attendus (14 chiffres).`],
    ['', `SIRET${NBSP}: champ obligatoire.`],
    [undefined, `SIRET${NBSP}: champ obligatoire.`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(siret, input)).toEqual([message]);
  });

  it('stores nothing for an empty optional SIRET, and still checks a typed one', () => {
    const optionalSiret = siretField('SIRET de l’établissement', { optional: true });
    expect(valueOf(optionalSiret, '')).toBeUndefined();
    expect(valueOf(optionalSiret, undefined)).toBeUndefined();
    expect(messagesOf(optionalSiret, '44306184100048')).toEqual([
      `SIRET de l’établissement${NBSP}: la clé de contrôle est fausse — vérifiez les 14 chiffres.`,
    ]);
  });
});

describe('sirenField', () => {
  const siren = sirenField('SIREN');

  it.each([
    ['443 061 841', '443061841'],
    ['356000000', '356000000'],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(siren, input)).toBe(stored);
  });

  it.each([
    ['443061842', `SIREN${NBSP}: la clé de contrôle est fausse — vérifiez les 9 chiffres.`],
    ['44306184', `SIREN${NBSP}: 9 chiffres attendus, 8 saisis.`],
    ['', `SIREN${NBSP}: champ obligatoire.`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(siren, input)).toEqual([message]);
  });
});

describe('rnaField', () => {
  const rna = rnaField('N° RNA', { optional: true });

  it.each([
    ['W931234567', 'W931234567'],
    ['w93 123 4567', 'W931234567'],
    ['', undefined],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(rna, input)).toBe(stored);
  });

  it.each(['W93123456', '931234567', 'X931234567'])('%j is refused', (input) => {
    expect(messagesOf(rna, input)).toEqual([`N° RNA${NBSP}: un W suivi de 9 chiffres est attendu (ex. W931234567).`]);
  });
});

describe('alsaceMoselleRegisterField', () => {
  const register = alsaceMoselleRegisterField('N° au registre du tribunal', { optional: true });

  it.each([
    ['Vol. 45  F° 12', 'Vol. 45 F° 12'],
    [' TI Strasbourg 2015/123 ', 'TI Strasbourg 2015/123'],
    ['', undefined],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(register, input)).toBe(stored);
  });

  it.each(['Strasbourg', 'Vol. 45 #12', '1'.repeat(41)])('%j is refused', (input) => {
    expect(messagesOf(register, input)).toEqual([
      `N° au registre du tribunal${NBSP}: 40 caractères au plus, lettres, chiffres et / . - °, dont au moins un chiffre (ex. Vol. 45 F° 12).`,
    ]);
  });
});

describe('postalCodeField', () => {
  const postalCode = postalCodeField('Code postal');

  it.each([
    ['93200', '93200'],
    ['93 200', '93200'],
    [' 20000 ', '20000'],
    ['97400', '97400'],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(postalCode, input)).toBe(stored);
  });

  it.each([
    ['9320', `Code postal${NBSP}: 5 chiffres attendus (ex. 93200).`],
    ['932000', `Code postal${NBSP}: 5 chiffres attendus (ex. 93200).`],
    ['2A000', `Code postal${NBSP}: 5 chiffres attendus (ex. 93200).`],
    ['00100', `Code postal${NBSP}: aucun code postal français ne commence par 00.`],
    ['96100', `Code postal${NBSP}: aucun code postal français ne commence par 96.`],
    ['', `Code postal${NBSP}: champ obligatoire.`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(postalCode, input)).toEqual([message]);
  });
});

describe('emailField', () => {
  const email = emailField('Courriel', { optional: true });

  it.each([
    ['contact@asso-quartier.fr', 'contact@asso-quartier.fr'],
    ['  Marie.Dupont@Exemple.fr ', 'Marie.Dupont@Exemple.fr'],
    ['', undefined],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(email, input)).toBe(stored);
  });

  it.each(['contact@asso', 'contact.asso.fr', 'contact @asso.fr'])('%j is refused', (input) => {
    expect(messagesOf(email, input)).toEqual([`Courriel${NBSP}: adresse invalide (ex. nom@exemple.fr).`]);
  });

  it('says a required address is missing', () => {
    expect(messagesOf(emailField('Courriel du représentant'), '')).toEqual([`Courriel du représentant${NBSP}: champ obligatoire.`]);
  });
});

describe('phoneField', () => {
  const phone = phoneField('Téléphone', { optional: true });

  it.each([
    ['0123456789', '01 23 45 67 89'],
    ['+33 (0)6 12 34 56 78', '06 12 34 56 78'],
    ['+262692123456', '+262 6 92 12 34 56'],
    ['', undefined],
  ])('%j → %j (the display form is stored)', (input, stored) => {
    expect(valueOf(phone, input)).toBe(stored);
  });

  it.each(['01 23 45 67', '+32 2 123 45 67', 'zéro un'])('%j is refused', (input) => {
    expect(messagesOf(phone, input)).toEqual([`Téléphone${NBSP}: numéro français attendu (ex. 01 23 45 67 89 ou +262 6 92 12 34 56).`]);
  });
});

describe('isoDateField', () => {
  const start = isoDateField('Date de début');

  it.each([
    ['2026-11-24', '2026-11-24'],
    ['24/11/2026', '2026-11-24'],
    [' 1/3/2026 ', '2026-03-01'],
    ['2024-02-29', '2024-02-29'],
    ['1875-06-01', '1875-06-01'],
  ])('%j → %j', (input, stored) => {
    expect(valueOf(start, input)).toBe(stored);
  });

  it.each([
    ['2026-02-30', `Date de début${NBSP}: cette date n’existe pas dans le calendrier.`],
    ['30/02/2026', `Date de début${NBSP}: cette date n’existe pas dans le calendrier.`],
    ['24/13/2026', `Date de début${NBSP}: cette date n’existe pas dans le calendrier.`],
    ['24/11/26', `Date de début${NBSP}: date attendue au format jj/mm/aaaa (ex. 24/11/2026).`],
    ['demain', `Date de début${NBSP}: date attendue au format jj/mm/aaaa (ex. 24/11/2026).`],
    ['2026-1-5', `Date de début${NBSP}: date attendue au format jj/mm/aaaa (ex. 24/11/2026).`],
    ['24/11/0026', `Date de début${NBSP}: l’année 0026 semble fausse — vérifiez-la.`],
    ['2226-11-24', `Date de début${NBSP}: l’année 2226 semble fausse — vérifiez-la.`],
    ['', `Date de début${NBSP}: champ obligatoire.`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(start, input)).toEqual([message]);
  });

  it('leaves an optional end date out when empty', () => {
    const end = isoDateField('Date de fin prévue', { optional: true });
    expect(valueOf(end, '')).toBeUndefined();
    expect(valueOf(end, '31/08/2027')).toBe('2027-08-31');
  });
});

describe('amountField', () => {
  const granted = amountField('Montant accordé');

  it.each([0, 5, 2_300_000, Number.MAX_SAFE_INTEGER])('%i cents from a stored record are stored as is', (cents) => {
    expect(valueOf(granted, cents)).toBe(cents);
  });

  it.each([
    ['1 234,56', 123_456],
    ['1\u00a0234,56', 123_456],
    ['1\u202f234,56', 123_456],
    ['23 000 €', 2_300_000],
    ['0,50', 50],
    [' 12 ', 1_200],
  ])('%j typed in a form → %i cents', (input, cents) => {
    expect(valueOf(granted, input)).toBe(cents);
  });

  it.each([
    [-1, `Montant accordé${NBSP}: les montants ne peuvent pas être négatifs.`],
    [12.5, `Montant accordé${NBSP}: nombre entier de centimes attendu.`],
    [Number.POSITIVE_INFINITY, `Montant accordé${NBSP}: nombre entier de centimes attendu.`],
    ['-500', `Montant accordé${NBSP}: les montants ne peuvent pas être négatifs.`],
    ['12,345', `Montant accordé${NBSP}: 2 chiffres au plus après la virgule (les centimes).`],
    ['1.234,5', `Montant accordé${NBSP}: une seule virgule, avant les centimes (ex. 1 234,56).`],
    ['douze', `Montant accordé${NBSP}: seuls des chiffres, des espaces et une virgule sont acceptés (ex. 1 234,56).`],
    [true, `Montant accordé${NBSP}: montant attendu.`],
    ['', `Montant accordé${NBSP}: champ obligatoire.`],
    ['   ', `Montant accordé${NBSP}: champ obligatoire.`],
    [undefined, `Montant accordé${NBSP}: champ obligatoire.`],
    [null, `Montant accordé${NBSP}: champ obligatoire.`],
    [Number.NaN, `Montant accordé${NBSP}: champ obligatoire.`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(granted, input)).toEqual([message]);
  });

  it('stores nothing for an amount not known yet', () => {
    const optionalGranted = amountField('Montant accordé', { optional: true });
    for (const empty of [undefined, null, '', ' ', Number.NaN]) expect(valueOf(optionalGranted, empty)).toBeUndefined();
    expect(valueOf(optionalGranted, '5 000,00')).toBe(500_000);
  });

  it('refuses cents on a whole-euro budget line, typed or stored', () => {
    const budgetLine = amountField('Locations', { optional: true, wholeEuros: true });
    expect(valueOf(budgetLine, '1 200')).toBe(120_000);
    expect(valueOf(budgetLine, '1 200,00')).toBe(120_000);
    expect(valueOf(budgetLine, 120_000)).toBe(120_000);
    expect(valueOf(budgetLine, '')).toBeUndefined();
    const wholeEuros = `Locations${NBSP}: montant en euros entiers attendu, sans centimes (ex. 1 234).`;
    expect(messagesOf(budgetLine, '1 200,50')).toEqual([wholeEuros]);
    expect(messagesOf(budgetLine, 120_050)).toEqual([wholeEuros]);
  });

  it('gives back, from the text a form shows, the amount it was loaded with', () => {
    for (const cents of [0, 1, 99, 100, 123_456, 123_456_789]) expect(valueOf(granted, centsToEurosText(cents))).toBe(cents);
  });

  it('types its input as text or cents, its output as cents', () => {
    expectTypeOf<z.input<typeof granted>>().toEqualTypeOf<number | string>();
    expectTypeOf<z.output<typeof granted>>().toEqualTypeOf<number>();
  });
});

describe('nonNegativeIntField', () => {
  const volunteers = nonNegativeIntField('Nombre de bénévoles');

  it.each([
    [0, 0],
    [12, 12],
    ['12', 12],
    [' 1 200 ', 1_200],
  ])('%j → %i', (input, stored) => {
    expect(valueOf(volunteers, input)).toBe(stored);
  });

  it.each([
    [-1, `Nombre de bénévoles${NBSP}: ne peut pas être négatif.`],
    ['-3', `Nombre de bénévoles${NBSP}: ne peut pas être négatif.`],
    [2.5, `Nombre de bénévoles${NBSP}: nombre entier positif ou nul attendu (ex. 12).`],
    ['2,5', `Nombre de bénévoles${NBSP}: nombre entier positif ou nul attendu (ex. 12).`],
    ['douze', `Nombre de bénévoles${NBSP}: nombre entier positif ou nul attendu (ex. 12).`],
    ['', `Nombre de bénévoles${NBSP}: champ obligatoire.`],
    [Number.NaN, `Nombre de bénévoles${NBSP}: champ obligatoire.`],
    [undefined, `Nombre de bénévoles${NBSP}: champ obligatoire.`],
    [true, `Nombre de bénévoles${NBSP}: nombre attendu.`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(volunteers, input)).toEqual([message]);
  });

  it('stores nothing for an optional count left empty', () => {
    const members = nonNegativeIntField('Adhérents (personnes morales)', { optional: true });
    expect(valueOf(members, '')).toBeUndefined();
    expect(valueOf(members, Number.NaN)).toBeUndefined();
    expect(valueOf(members, 3)).toBe(3);
  });
});

describe('yesNoField', () => {
  const auditor = yesNoField('Commissaire aux comptes');

  it.each([
    [true, true],
    [false, false],
    ['oui', true],
    ['non', false],
  ])('%j → %s', (input, stored) => {
    expect(valueOf(auditor, input)).toBe(stored);
  });

  it.each([
    ['', `Commissaire aux comptes${NBSP}: champ obligatoire.`],
    [null, `Commissaire aux comptes${NBSP}: champ obligatoire.`],
    [undefined, `Commissaire aux comptes${NBSP}: champ obligatoire.`],
    ['peut-être', `Commissaire aux comptes${NBSP}: répondez oui ou non.`],
    [1, `Commissaire aux comptes${NBSP}: répondez oui ou non.`],
  ])('%j → %j', (input, message) => {
    expect(messagesOf(auditor, input)).toEqual([message]);
  });

  it('stores nothing for an optional question left unanswered', () => {
    expect(valueOf(yesNoField('Assujettie aux impôts commerciaux', { optional: true }), null)).toBeUndefined();
  });
});

describe('in an entity schema', () => {
  const association = z.object({
    name: requiredText('Nom'),
    acronym: optionalText('Sigle', 20),
    siret: siretField('SIRET', { optional: true }),
    address: z.object({
      postalCode: postalCodeField('Code postal'),
      phone: phoneField('Téléphone', { optional: true }),
    }),
    volunteers: nonNegativeIntField('Bénévoles'),
    auditor: yesNoField('Commissaire aux comptes'),
    founded: isoDateField('Date de création', { optional: true }),
    budget: amountField('Budget'),
  });

  it('makes optional fields optional keys, and types stored values', () => {
    expectTypeOf<z.output<typeof association>>().toEqualTypeOf<{
      name: string;
      acronym?: string | undefined;
      siret?: string | undefined;
      address: { postalCode: string; phone?: string | undefined };
      volunteers: number;
      auditor: boolean;
      founded?: string | undefined;
      budget: number;
    }>();
    expectTypeOf<z.input<typeof association>>().toEqualTypeOf<{
      name: string;
      acronym?: string | undefined;
      siret?: string | undefined;
      address: { postalCode: string; phone?: string | undefined };
      volunteers: number | string;
      auditor: boolean | 'oui' | 'non' | '' | null;
      founded?: string | undefined;
      budget: number | string;
    }>();
  });

  it('parses what a form holds into what is stored, leaving empty optional values out', () => {
    const stored = association.parse({
      name: ' Les Amis du Quartier ',
      acronym: '',
      siret: '732 829 320 00074',
      address: { postalCode: '93 200', phone: '' },
      volunteers: '12',
      auditor: 'non',
      founded: '',
      budget: 4_500_000,
    });
    expect(stored).toEqual({
      name: 'Les Amis du Quartier',
      siret: '73282932000074',
      address: { postalCode: '93200' },
      volunteers: 12,
      auditor: false,
      budget: 4_500_000,
    });
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });

  it('accepts a stored record again, keys of empty values absent', () => {
    const record = {
      name: 'Les Amis du Quartier',
      address: { postalCode: '93200' },
      volunteers: 12,
      auditor: false,
      budget: 4_500_000,
    };
    expect(association.parse(record)).toEqual(record);
  });

  it('firstIssueMessages gives each failing field its first message under its dotted path', () => {
    const result = association.safeParse({
      name: '',
      siret: '73282932000075',
      address: { postalCode: '9320', phone: '12' },
      volunteers: -1,
      auditor: '',
      founded: '30/02/2026',
      budget: 12.5,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(firstIssueMessages(result.error)).toEqual({
      name: `Nom${NBSP}: champ obligatoire.`,
      siret: `SIRET${NBSP}: la clé de contrôle est fausse — vérifiez les 14 chiffres.`,
      'address.postalCode': `Code postal${NBSP}: 5 chiffres attendus (ex. 93200).`,
      'address.phone': `Téléphone${NBSP}: numéro français attendu (ex. 01 23 45 67 89 ou +262 6 92 12 34 56).`,
      volunteers: `Bénévoles${NBSP}: ne peut pas être négatif.`,
      auditor: `Commissaire aux comptes${NBSP}: champ obligatoire.`,
      founded: `Date de création${NBSP}: cette date n’existe pas dans le calendrier.`,
      budget: `Budget${NBSP}: nombre entier de centimes attendu.`,
    });
  });

  it('firstIssueMessages keeps only the first message of a field, and puts whole-object issues under ""', () => {
    const period = z.object({ start: isoDateField('Début'), end: isoDateField('Fin') }).superRefine((value, ctx) => {
      ctx.addIssue({ code: 'custom', path: ['end'], message: fieldMessage('Fin', 'après le début, svp.') });
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'second message' });
      ctx.addIssue({ code: 'custom', message: 'Période : incohérente.' });
      void value;
    });
    const result = period.safeParse({ start: '2026-11-24', end: '2026-01-01' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(firstIssueMessages(result.error)).toEqual({
      end: `Fin${NBSP}: après le début, svp.`,
      '': 'Période : incohérente.',
    });
  });

  it('firstIssueMessages joins array indexes into the path', () => {
    const lines = z.object({ lines: z.array(z.object({ amount: amountField('Montant') })) });
    const result = lines.safeParse({ lines: [{ amount: 100 }, { amount: -5 }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(firstIssueMessages(result.error)).toEqual({
      'lines.1.amount': `Montant${NBSP}: les montants ne peuvent pas être négatifs.`,
    });
  });
});
