import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  frenchAmountToCents,
  frenchDateToIso,
  frenchNumber,
  frenchYesNo,
  normalizeHeader,
} from '../../../../src/renderer/src/domain/spreadsheets/french-cells';
import {
  importPlan,
  matchTeamMember,
  missingRequiredFields,
  rowErrorMessages,
  suggestMapping,
  validateImportRows,
} from '../../../../src/renderer/src/domain/spreadsheets/import-targets';

const NBSP = '\u00a0';

describe('French cells', () => {
  it.each([
    ['Date d’arrivée', 'date d arrivee'],
    ["DATE D'ARRIVÉE", 'date d arrivee'],
    ['  Prénom ', 'prenom'],
    ['Téléphone (portable)', 'telephone portable'],
  ])('normalizeHeader(%j) = %j', (input, expected) => expect(normalizeHeader(input)).toBe(expected));

  it.each([
    ['1 234,56', 123456],
    [`1${NBSP}234,5 €`, 123450],
    ['2450', 245000],
    ['1234.56', 123456],
    ['', undefined],
  ])('frenchAmountToCents(%j) = %j', (input, cents) => expect(frenchAmountToCents(input)).toEqual({ ok: true, value: cents }));

  it.each([
    ['-620,00', 'les montants ne peuvent pas être négatifs.'],
    ['12,345', '2 chiffres au plus après la virgule (les centimes).'],
  ])('frenchAmountToCents(%j) refuses', (input, problem) => expect(frenchAmountToCents(input)).toEqual({ ok: false, problem }));

  it.each([
    ['24/11/2026', '2026-11-24'],
    ['1/3/2026', '2026-03-01'],
    ['2026-11-24', '2026-11-24'],
    ['', undefined],
  ])('frenchDateToIso(%j) = %j', (input, iso) => expect(frenchDateToIso(input)).toEqual({ ok: true, value: iso }));

  it('frenchDateToIso refuses impossible and shapeless dates in French', () => {
    expect(frenchDateToIso('30/02/2026')).toEqual({ ok: false, problem: '« 30/02/2026 » n’existe pas dans le calendrier.' });
    expect(frenchDateToIso('mars 2026')).toEqual({
      ok: false,
      problem: '« mars 2026 » n’est pas une date au format jj/mm/aaaa (ex. 24/11/2026).',
    });
  });

  it.each([
    ['17,5', 17.5],
    ['35', 35],
    ['38,5 %', 38.5],
    ['', undefined],
  ])('frenchNumber(%j) = %j', (input, value) => expect(frenchNumber(input)).toEqual({ ok: true, value }));

  it('frenchNumber and frenchYesNo refuse what they cannot read', () => {
    expect(frenchNumber('-3').ok).toBe(false);
    expect(frenchNumber('trente').ok).toBe(false);
    expect(frenchYesNo('Oui')).toEqual({ ok: true, value: true });
    expect(frenchYesNo('')).toEqual({ ok: true, value: false });
    expect(frenchYesNo('peut-être').ok).toBe(false);
  });

  it.each([
    ['Nom;Prénom;Date', ';'],
    ['Nom,Prénom,Date', ','],
    ['Nom\tPrénom\tDate', '\t'],
    ['"Dupont, Jean";Prénom;Date', ';'],
  ])('detectDelimiter(%j) = %j', (line, delimiter) => expect(detectDelimiter(line)).toBe(delimiter));
});

describe('header matching', () => {
  it('pre-fills the mapping from French headers, accents and case ignored', () => {
    const mapping = suggestMapping('people', ['NOM', 'prenom', 'Date d arrivée', 'E-mail', 'Divers']);
    expect(mapping).toMatchObject({ lastName: 0, firstName: 1, arrivalDate: 2, email: 3, role: null, phone: null });
    expect(missingRequiredFields('people', mapping)).toEqual([]);
  });

  it('prefers the exact label over an alias and uses a column once', () => {
    const mapping = suggestMapping('contracts', ['Nom', 'Prénom', 'Poste', 'Date de fin', 'Date de fin prévue', 'Date de début']);
    expect(mapping).toMatchObject({ jobTitle: 2, plannedEndDate: 4, startDate: 5 });
    expect(missingRequiredFields('contracts', mapping)).toEqual([
      'Type de contrat',
      'Durée hebdomadaire',
      'Salaire brut mensuel',
      'Taux de charges patronales',
    ]);
  });
});

describe('row validation', () => {
  const refs = {
    people: [
      { id: 'p1', firstName: 'Hélène', lastName: 'Lefèvre' },
      { id: 'p2', firstName: 'Awa', lastName: 'Diop' },
      { id: 'p3', firstName: 'Awa', lastName: 'Diop' },
    ],
    funders: [{ id: 'f1', name: 'Ville de Saint-Denis' }],
  };
  const headers = [
    'Nom',
    'Prénom',
    'Type de contrat',
    'Intitulé du poste',
    'Date de début',
    'Date de fin prévue',
    'Durée hebdomadaire',
    'Salaire brut mensuel',
    'Taux de charges patronales',
    'Motif du CDD',
  ];
  const mapping = suggestMapping('contracts', headers);

  it('turns a French row into the stored contract', () => {
    const [outcome] = validateImportRows(
      'contracts',
      [['LEFEVRE', 'helene', 'cdd', 'Animatrice', '15/03/2023', '14/09/2023', '24', '1 180,50', '40', 'Remplacement']],
      mapping,
      refs,
    );
    expect(outcome).toMatchObject({
      line: 2,
      ok: true,
      value: {
        personId: 'p1',
        kind: 'cdd',
        startDate: '2023-03-15',
        plannedEndDate: '2023-09-14',
        weeklyHours: 24,
        grossMonthlyCents: 118050,
        employerChargesRate: 40,
      },
    });
  });

  it('reports each problem of a row in French, with its spreadsheet line', () => {
    const outcomes = validateImportRows(
      'contracts',
      [
        ['Lefèvre', 'Hélène', 'CDD', 'Animatrice', '15/03/2023', '14/03/2023', '24', '1 180,50', '40', 'Remplacement'],
        ['', '', '', '', '', '', '', '', '', ''],
        ['Diop', 'Awa', 'Intérim', 'Coordinatrice', '31/02/2024', '', '35', '-2 450', '42', ''],
        ['Martin', 'Paul', 'CDI', 'Comptable', '01/01/2024', '', '35', '2000', '42', ''],
      ],
      mapping,
      refs,
    );
    expect(rowErrorMessages(outcomes)).toEqual([
      `Ligne 2 — Date de fin prévue${NBSP}: ne peut pas être avant la date de début.`,
      `Ligne 4 — Type de contrat${NBSP}: « Intérim » n’est pas dans la liste (CDI, CDD, PEC, Adulte-relais, Contrat d’apprentissage, Contrat de professionnalisation, Engagement de service civique).`,
      `Ligne 4 — Date de début${NBSP}: « 31/02/2024 » n’existe pas dans le calendrier.`,
      `Ligne 4 — Salaire brut mensuel${NBSP}: les montants ne peuvent pas être négatifs.`,
      `Ligne 4 — Personne${NBSP}: plusieurs personnes s’appellent Awa Diop — ajoutez une colonne Courriel, ou saisissez ce contrat depuis sa fiche.`,
    ]);
    // Paul Martin is not in the team: the same import creates him (issue 19), no second pass.
    expect(outcomes.find((o) => o.line === 5)).toMatchObject({
      line: 5,
      ok: true,
      value: { personId: 'nouvelle-personne:martin|paul' },
      newPerson: { key: 'nouvelle-personne:martin|paul', lastName: 'Martin', firstName: 'Paul', role: 'employee', jobTitle: 'Comptable' },
    });
  });

  it('finds an application’s funder by name and applies the defaults of missing columns', () => {
    const m = suggestMapping('applications', ['Financeur', 'Intitulé', 'Début de la période', 'Fin de la période', 'Montant demandé']);
    const [ok, unknown] = validateImportRows(
      'applications',
      [
        ['ville de saint-denis', 'Fonctionnement 2026', '01/01/2026', '31/12/2026', '6 000'],
        ['CAF', 'Projet', '01/01/2026', '31/12/2026', '100'],
      ],
      m,
      refs,
    );
    expect(ok).toMatchObject({
      ok: true,
      value: { funderId: 'f1', status: 'to-prepare', purpose: 'project', renewal: false, requestedCents: 600000 },
    });
    expect(unknown).toMatchObject({
      ok: false,
      errors: [`Financeur${NBSP}: « CAF » n’est pas dans l’annuaire des financeurs — importez-le d’abord.`],
    });
  });

  it('says when a required field has no column', () => {
    const m = suggestMapping('people', ['Nom']);
    const [outcome] = validateImportRows('people', [['Diop']], m, refs);
    expect(outcome).toMatchObject({ ok: false, errors: [`Prénom${NBSP}: champ obligatoire.`] });
  });
});

describe('contract overlaps', () => {
  it('refuses a row that overlaps a recorded contract or an earlier row for the same job', () => {
    const headers = [
      'Nom',
      'Prénom',
      'Type de contrat',
      'Intitulé du poste',
      'Date de début',
      'Durée hebdomadaire',
      'Salaire brut mensuel',
      'Taux de charges patronales',
    ];
    const mapping = suggestMapping('contracts', headers);
    const recorded = {
      personId: 'p1',
      kind: 'cdi',
      jobTitle: 'Animatrice',
      category: 'employee',
      startDate: '2020-01-01',
      actualEndDate: '2022-12-31',
      weeklyHours: 35,
      grossMonthlyCents: 200000,
      employerChargesRate: 40,
    } as const;
    const refs = {
      people: [{ id: 'p1', firstName: 'Hélène', lastName: 'Lefèvre' }],
      funders: [],
      contracts: [{ contract: recorded, amendments: [] }],
    };
    const row = (start: string) => ['Lefèvre', 'Hélène', 'CDI', 'Animatrice', start, '35', '2000', '40'];
    const outcomes = validateImportRows('contracts', [row('01/06/2022'), row('01/01/2023'), row('01/02/2024')], mapping, refs);
    expect(outcomes.map((o) => o.ok)).toEqual([false, true, false]);
    expect(rowErrorMessages(outcomes)[0]).toBe(
      `Ligne 2 — Date de début${NBSP}: cette personne a déjà un contrat pour ce poste sur ces dates (CDI du 1er janv. 2020 au 31 déc. 2022).`,
    );
  });
});

describe('people matched with the team (issue 19)', () => {
  const team = [
    { id: 'p-awa', lastName: 'Diop', firstName: 'Awa', email: 'awa.diop@example.org' },
    { id: 'p-helene', lastName: 'Lefèvre', firstName: 'Hélène' },
    { id: 'p-ines-1', lastName: 'Benali', firstName: 'Inès', email: 'ines@example.org' },
  ];

  it('finds a person by e-mail whatever the spelling of her name (a married name)', () => {
    expect(matchTeamMember({ lastName: 'Diop-Martin', firstName: 'Awa', email: ' Awa.Diop@Example.org ' }, team)).toEqual({
      match: team[0],
      by: 'email',
    });
  });

  it('finds a person by name, accents and case ignored, when one side has no e-mail', () => {
    expect(matchTeamMember({ lastName: 'LEFEVRE', firstName: 'helene' }, team)).toEqual({ match: team[1], by: 'name' });
    expect(matchTeamMember({ lastName: 'Lefèvre', firstName: 'Hélène', email: 'helene@example.org' }, team)).toEqual({
      match: team[1],
      by: 'name',
    });
    expect(matchTeamMember({ lastName: 'Diop', firstName: 'Awa' }, team)).toEqual({ match: team[0], by: 'name' });
  });

  it('takes the same name with another e-mail for a namesake, and one letter off for someone else', () => {
    expect(matchTeamMember({ lastName: 'Diop', firstName: 'Awa', email: 'awa.d@autre.fr' }, team)).toBeUndefined();
    expect(matchTeamMember({ lastName: 'Diop', firstName: 'Ava' }, team)).toBeUndefined();
  });

  it('says ambiguous when two members share the name and nothing tells them apart', () => {
    const twins = [...team, { id: 'p-helene-2', lastName: 'Lefevre', firstName: 'Helene' }];
    expect(matchTeamMember({ lastName: 'Lefèvre', firstName: 'Hélène' }, twins)).toBe('ambiguous');
  });

  const headers = ['Nom', 'Prénom', 'Courriel', 'Fonction'];
  const mapping = suggestMapping('people', headers);

  it('marks « déjà dans l’équipe » rows, reports a person twice in the file, and counts only what will be written', () => {
    const outcomes = validateImportRows(
      'people',
      [
        ['Diop', 'Awa', 'awa.diop@example.org', 'Coordinatrice'],
        ['Martin', 'Paul', '', 'Comptable'],
        ['LEFEVRE', 'Hélène', '', ''],
        ['Martin', 'Paul', 'paul@example.org', ''],
      ],
      mapping,
      { people: team, funders: [] },
    );
    expect(outcomes.map((o) => (o.ok ? (o.existing?.id ?? 'new') : 'error'))).toEqual(['p-awa', 'new', 'p-helene', 'error']);
    expect(rowErrorMessages(outcomes)).toEqual([`Ligne 5 — Personne${NBSP}: Paul Martin est déjà à la ligne 3 du fichier.`]);
    expect(importPlan(outcomes, { skipInvalid: false, existing: 'skip' })).toMatchObject({ bad: 1, blocked: true });
    expect(importPlan(outcomes, { skipInvalid: true, existing: 'skip' })).toEqual({
      create: 1,
      update: 0,
      unchanged: 2,
      newPeople: 0,
      bad: 1,
      blocked: false,
    });
    expect(importPlan(outcomes, { skipInvalid: true, existing: 'update' })).toMatchObject({ create: 1, update: 2, unchanged: 0 });
  });

  it('has nothing to import when every person of the file is already in the team and kept as is', () => {
    const outcomes = validateImportRows('people', [['Diop', 'Awa', '', '']], mapping, { people: team, funders: [] });
    expect(importPlan(outcomes, { skipInvalid: false, existing: 'skip' })).toEqual({
      create: 0,
      update: 0,
      unchanged: 1,
      newPeople: 0,
      bad: 0,
      blocked: true,
    });
  });
});

describe('more headers and kinds (issue 19)', () => {
  it('reads « Nom du salarié », « Heures/semaine », « Date d’entrée » and the kind « CAE » as a PEC', () => {
    const headers = [
      'Nom du salarié',
      'Prénom du salarié',
      'Contrat',
      'Poste',
      'Date d’entrée',
      'Heures/semaine',
      'Salaire brut',
      'Taux de charges',
    ];
    const mapping = suggestMapping('contracts', headers);
    expect(missingRequiredFields('contracts', mapping)).toEqual([]);
    expect(mapping).toMatchObject({
      'person.lastName': 0,
      'person.firstName': 1,
      kind: 2,
      jobTitle: 3,
      startDate: 4,
      weeklyHours: 5,
      grossMonthlyCents: 6,
      employerChargesRate: 7,
    });
    const refs = { people: [{ id: 'p1', lastName: 'Haddad', firstName: 'Sofiane' }], funders: [] };
    const row = (kind: string) => ['Haddad', 'Sofiane', kind, 'Agent d’accueil', '01/04/2025', '26', '1 520', '38,5'];
    for (const kind of ['CAE', 'CUI-CAE', 'cui', 'Parcours emploi compétences', 'PEC']) {
      expect(validateImportRows('contracts', [row(kind)], mapping, refs)[0], kind).toMatchObject({
        ok: true,
        value: { kind: 'pec', personId: 'p1', weeklyHours: 26 },
      });
    }
    expect(validateImportRows('contracts', [row('Contrat à durée indéterminée')], mapping, refs)[0]).toMatchObject({
      ok: true,
      value: { kind: 'cdi' },
    });
    expect(validateImportRows('contracts', [row('CAE-X')], mapping, refs)[0]).toMatchObject({ ok: false });
  });

  it('a service civique row for someone new creates a volunteer, not an employee', () => {
    const headers = [
      'Nom',
      'Prénom',
      'Type de contrat',
      'Intitulé du poste',
      'Date de début',
      'Date de fin prévue',
      'Durée hebdomadaire',
      'Salaire brut mensuel',
      'Taux de charges patronales',
    ];
    const [outcome] = validateImportRows(
      'contracts',
      [['Moreau', 'Inès', 'Service civique', 'Ambassadrice', '02/02/2026', '30/09/2026', '24', '0', '0']],
      suggestMapping('contracts', headers),
      { people: [], funders: [] },
    );
    expect(outcome).toMatchObject({ ok: true, newPerson: { lastName: 'Moreau', firstName: 'Inès', role: 'volunteer' } });
  });
});
