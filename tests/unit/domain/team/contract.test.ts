import { describe, expect, it } from 'vitest';
import { firstIssueMessages } from '../../../../src/renderer/src/domain/fields';
import { contractSchema, contractFormValues, type ContractFormValues } from '../../../../src/renderer/src/domain/team/contract';
import { contractOverlapProblems, contractWarnings } from '../../../../src/renderer/src/domain/team/contract-checks';
import { amendmentProblems, amendmentSchema, contractTerms, effectiveEndDate } from '../../../../src/renderer/src/domain/team/amendment';
import { aidedPostSchema } from '../../../../src/renderer/src/domain/team/aided-post';
import { personSchema } from '../../../../src/renderer/src/domain/team/person';

const valid: ContractFormValues = {
  ...contractFormValues('p1'),
  kind: 'pec',
  jobTitle: 'Agent d’accueil',
  startDate: '2026-04-01',
  plannedEndDate: '2027-03-31',
  weeklyHours: '20',
  grossMonthlyCents: '1 050,00',
  employerChargesRate: '15',
};

function errorsOf(values: Partial<ContractFormValues>) {
  const parsed = contractSchema.safeParse({ ...valid, ...values });
  return parsed.success ? {} : firstIssueMessages(parsed.error);
}

describe('contract schema', () => {
  it('says every field and cross-field error in one round: negative salary, empty charges rate, end before start', () => {
    expect(
      errorsOf({ grossMonthlyCents: '-1 850,00', employerChargesRate: '', startDate: '2026-04-01', plannedEndDate: '2026-03-31' }),
    ).toEqual({
      grossMonthlyCents: 'Salaire brut mensuel\u00a0: les montants ne peuvent pas être négatifs.',
      employerChargesRate: 'Taux de charges patronales\u00a0: champ obligatoire.',
      plannedEndDate: 'Date de fin prévue\u00a0: ne peut pas être avant la date de début.',
    });
    // The day of the start itself is no error; the day before is (above).
    expect(errorsOf({ grossMonthlyCents: '-1', plannedEndDate: '2026-04-01' })).toEqual({
      grossMonthlyCents: 'Salaire brut mensuel\u00a0: les montants ne peuvent pas être négatifs.',
    });
  });

  it('never adds a rule message on a field that already has its own, nor judges a date against a refused one', () => {
    // A CDD reason too long: its own message only, not also « un CDD doit indiquer son motif ».
    const errors = errorsOf({ kind: 'cdd', cddReason: 'x'.repeat(201), startDate: '31/02/2026', plannedEndDate: '2026-01-01' });
    expect(Object.keys(errors).sort()).toEqual(['cddReason', 'startDate']);
    expect(errors.cddReason).not.toMatch(/doit indiquer son motif/);
  });

  it('reads a form: euros to cents, decimal hours with a comma, empty to undefined', () => {
    const parsed = contractSchema.parse({ ...valid, weeklyHours: '17,5' });
    expect(parsed.grossMonthlyCents).toBe(105_000);
    expect(parsed.weeklyHours).toBe(17.5);
    expect(parsed.actualEndDate).toBeUndefined();
    // A stored record validates again unchanged (backups, imports).
    expect(contractSchema.parse(parsed)).toEqual(parsed);
  });

  it.each([
    [{ plannedEndDate: '2026-03-31' }, 'plannedEndDate', 'Date de fin prévue\u00a0: ne peut pas être avant la date de début.'],
    [{ actualEndDate: '2026-01-01' }, 'actualEndDate', 'Date de fin effective\u00a0: ne peut pas être avant la date de début.'],
    [{ weeklyHours: '0' }, 'weeklyHours', 'Durée hebdomadaire\u00a0: doit être supérieure à 0 heure.'],
    [{ weeklyHours: '-3' }, 'weeklyHours', 'Durée hebdomadaire\u00a0: ne peut pas être négatif.'],
    [{ weeklyHours: '50' }, 'weeklyHours', 'Durée hebdomadaire\u00a0: 48 heures par semaine au plus (durée maximale légale).'],
    [{ weeklyHours: '' }, 'weeklyHours', 'Durée hebdomadaire\u00a0: champ obligatoire.'],
    [{ grossMonthlyCents: '-1 200' }, 'grossMonthlyCents', 'Salaire brut mensuel\u00a0: les montants ne peuvent pas être négatifs.'],
    [{ employerChargesRate: '140' }, 'employerChargesRate', 'Taux de charges patronales\u00a0: 100 % au plus.'],
    [
      { kind: 'cdd' as const },
      'cddReason',
      'Motif du CDD\u00a0: un CDD doit indiquer son motif (remplacement, accroissement d’activité…).',
    ],
    [{ jobTitle: '  ' }, 'jobTitle', 'Intitulé du poste\u00a0: champ obligatoire.'],
    [{ startDate: '31/02/2026' }, 'startDate', 'Date de début\u00a0: cette date n’existe pas dans le calendrier.'],
  ])('refuses %o with a message naming the field', (values, path, message) => {
    expect(errorsOf(values)[path]).toBe(message);
  });

  it('a person needs a name and one of the two statuses', () => {
    const parsed = personSchema.safeParse({ lastName: '', firstName: 'Awa', role: 'intern' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(firstIssueMessages(parsed.error)).toMatchObject({
        lastName: 'Nom\u00a0: champ obligatoire.',
        role: 'Statut : choisissez salarié·e ou volontaire.',
      });
    }
  });
});

describe('contract warnings (never blocking)', () => {
  const cdd = { kind: 'cdd' as const, startDate: '2025-03-01', plannedEndDate: '2025-08-31' };
  const renewal = (effectiveDate: string, newEndDate: string) => ({ kind: 'renewal' as const, effectiveDate, newEndDate });

  it('says nothing of a CDD renewed twice within 18 months', () => {
    expect(contractWarnings(cdd, [renewal('2025-09-01', '2026-02-28'), renewal('2026-03-01', '2026-08-31')])).toEqual([]);
  });

  it('warns past 2 renewals and past 18 months', () => {
    expect(
      contractWarnings(cdd, [
        renewal('2025-09-01', '2025-12-31'),
        renewal('2026-01-01', '2026-06-30'),
        renewal('2026-07-01', '2026-09-01'),
      ]),
    ).toEqual([
      'CDD renouvelé 3 fois : le cas général en permet 2 au plus.',
      'CDD de plus de 18 mois renouvellements compris : le cas général l’interdit.',
    ]);
  });

  it('warns when a fixed-term kind has no end', () => {
    expect(contractWarnings({ kind: 'pec', startDate: '2026-04-01' }, [])).toEqual([
      'PEC (CUI-CAE) sans date de fin : un contrat à durée déterminée doit en avoir une.',
    ]);
    expect(contractWarnings({ kind: 'cdi', startDate: '2026-04-01' }, [])).toEqual([]);
  });
});

describe('part-time and DPAE warnings', () => {
  it.each([
    [
      { kind: 'cdi' as const, weeklyHours: 20 },
      [
        'Temps partiel de moins de 24 h par semaine : possible seulement par dérogation (demande écrite, convention collective) (L3123-27).',
      ],
    ],
    [
      { kind: 'cdi' as const, weeklyHours: 23.99 },
      [
        'Temps partiel de moins de 24 h par semaine : possible seulement par dérogation (demande écrite, convention collective) (L3123-27).',
      ],
    ],
    [{ kind: 'cdi' as const, weeklyHours: 24 }, []],
    // L3123-7: a CDD de remplacement is not held to the floor; another CDD is.
    [{ kind: 'cdd' as const, plannedEndDate: '2026-06-30', cddReason: 'Remplacement de Mme Diop (congé maternité)', weeklyHours: 10 }, []],
    [
      { kind: 'cdd' as const, plannedEndDate: '2026-06-30', cddReason: 'Accroissement temporaire d’activité', weeklyHours: 10 },
      [
        'Temps partiel de moins de 24 h par semaine : possible seulement par dérogation (demande écrite, convention collective) ou pour un remplacement (L3123-27).',
      ],
    ],
    // A PEC at 20 h is the usual case: no warning; below, L5134-26.
    [{ kind: 'pec' as const, plannedEndDate: '2027-03-31', weeklyHours: 20 }, []],
    [
      { kind: 'pec' as const, plannedEndDate: '2027-03-31', weeklyHours: 19.5 },
      ['PEC (CUI-CAE) de moins de 20 h par semaine : un PEC compte au moins 20 h par semaine (L5134-26).'],
    ],
    [{ kind: 'adulte-relais' as const, plannedEndDate: '2027-03-31', weeklyHours: 17.5 }, []],
    [
      { kind: 'adulte-relais' as const, plannedEndDate: '2027-03-31', weeklyHours: 17 },
      ['Adulte-relais de moins de 17,5 h par semaine : un poste adulte-relais est au moins à mi-temps (convention adulte-relais).'],
    ],
    [{ kind: 'apprenticeship' as const, plannedEndDate: '2027-03-31', weeklyHours: 10 }, []],
    [
      { kind: 'civic-service' as const, plannedEndDate: '2026-12-31', weeklyHours: 20 },
      ['Engagement de service civique de moins de 24 h par semaine : le minimum est de 24 h (L120-8 CSN).'],
    ],
    [{ kind: 'cdi' as const, dpaeDate: '2026-04-02' }, ['DPAE déclarée après le début du contrat : elle doit précéder l’embauche.']],
    [
      { kind: 'cdi' as const, dpaeDate: '2026-03-20' },
      ['DPAE déclarée plus de 8 jours avant l’embauche : elle ne peut l’être qu’au plus tôt 8 jours avant.'],
    ],
    [{ kind: 'cdi' as const, dpaeDate: '2026-03-24' }, []],
  ])('%o', (contract, expected) => {
    expect(contractWarnings({ startDate: '2026-04-01', ...contract }, [])).toEqual(expected);
  });
});

describe('overlapping contracts of one person', () => {
  const existing = {
    contract: { personId: 'p1', jobTitle: 'Animatrice', kind: 'cdd' as const, startDate: '2026-01-05', plannedEndDate: '2026-06-30' },
    amendments: [],
  };

  it('refuses the same job on the same days', () => {
    const problems = contractOverlapProblems({ personId: 'p1', jobTitle: ' animatrice ', startDate: '2026-06-01' }, [existing]);
    expect(problems.startDate).toBe(
      'Date de début\u00a0: cette personne a déjà un contrat pour ce poste sur ces dates (CDD du 5 janv. 2026 au 30 juin 2026).',
    );
  });

  it('accepts a successive contract, another job, or another person', () => {
    expect(contractOverlapProblems({ personId: 'p1', jobTitle: 'Animatrice', startDate: '2026-07-01' }, [existing])).toEqual({});
    expect(contractOverlapProblems({ personId: 'p1', jobTitle: 'Agent d’entretien', startDate: '2026-03-01' }, [existing])).toEqual({});
    expect(contractOverlapProblems({ personId: 'p2', jobTitle: 'Animatrice', startDate: '2026-03-01' }, [existing])).toEqual({});
  });

  it('sees a renewal that pushed the other contract’s end', () => {
    const renewed = { ...existing, amendments: [{ effectiveDate: '2026-07-01', newEndDate: '2026-12-31' }] };
    expect(contractOverlapProblems({ personId: 'p1', jobTitle: 'Animatrice', startDate: '2026-07-01' }, [renewed])).not.toEqual({});
  });
});

describe('amendments', () => {
  const contract = { startDate: '2025-04-01', plannedEndDate: '2026-03-31', weeklyHours: 20, grossMonthlyCents: 105_000 };
  const parse = (values: Record<string, unknown>) => amendmentSchema.parse({ contractId: 'c1', ...values });

  it('a renewal moves the end; the actual end wins over both', () => {
    const renewal = parse({ kind: 'renewal', effectiveDate: '2026-04-01', newEndDate: '2026-12-31' });
    expect(effectiveEndDate(contract, [renewal])).toBe('2026-12-31');
    expect(effectiveEndDate({ ...contract, actualEndDate: '2026-06-15' }, [renewal])).toBe('2026-06-15');
  });

  it('cuts the terms at a change of hours', () => {
    const change = parse({ kind: 'change', effectiveDate: '2025-10-01', newWeeklyHours: '26' });
    expect(contractTerms(contract, [change])).toEqual([
      { from: '2025-04-01', to: '2025-09-30', weeklyHours: 20, grossMonthlyCents: 105_000 },
      { from: '2025-10-01', to: '2026-03-31', weeklyHours: 26, grossMonthlyCents: 105_000 },
    ]);
  });

  it('refuses an avenant outside the contract’s dates, or a renewal that does not extend it', () => {
    expect(amendmentProblems(parse({ kind: 'renewal', effectiveDate: '2026-05-01', newEndDate: '2026-12-31' }), contract, [])).toEqual({
      effectiveDate: 'Date d’effet\u00a0: doit être dans les dates du contrat (du 1er avr. 2025 au 1er avr. 2026).',
    });
    expect(amendmentProblems(parse({ kind: 'change', effectiveDate: '2025-03-01', newWeeklyHours: 24 }), contract, [])).toHaveProperty(
      'effectiveDate',
    );
    expect(amendmentProblems(parse({ kind: 'renewal', effectiveDate: '2026-03-01', newEndDate: '2026-03-15' }), contract, [])).toEqual({
      newEndDate: 'Nouvelle date de fin\u00a0: doit être après la fin actuelle (31 mars 2026).',
    });
    expect(amendmentProblems(parse({ kind: 'renewal', effectiveDate: '2026-04-01', newEndDate: '2026-12-31' }), contract, [])).toEqual({});
  });

  it('a renewal needs its new end; a change needs something to change', () => {
    const renewal = amendmentSchema.safeParse({ contractId: 'c1', kind: 'renewal', effectiveDate: '2026-04-01' });
    expect(renewal.success ? {} : firstIssueMessages(renewal.error)).toEqual({
      newEndDate: 'Nouvelle date de fin\u00a0: un renouvellement fixe une nouvelle date de fin.',
    });
    const change = amendmentSchema.safeParse({ contractId: 'c1', kind: 'change', effectiveDate: '2026-04-01', newWeeklyHours: '' });
    expect(change.success).toBe(false);
  });
});

describe('aided post schema', () => {
  const base = { contractId: 'c1', scheme: 'pec', aidStartDate: '2026-04-01', aidEndDate: '2027-03-31', renewalLeadMonths: '2' };

  it('asks for the figures its mode of calculation needs', () => {
    const parsed = aidedPostSchema.safeParse({ ...base, aidMode: 'smic-rate', smicRatePercent: '60' });
    // The SMIC may stay empty: the SMIC in force each month is used (Réglages, dated-aid.test.ts).
    expect(parsed.success ? {} : firstIssueMessages(parsed.error)).toEqual({
      aidedWeeklyHours: 'Heures hebdomadaires prises en charge\u00a0: champ obligatoire pour ce mode de calcul.',
    });
  });

  it('refuses an aid ending before it starts', () => {
    const parsed = aidedPostSchema.safeParse({ ...base, aidEndDate: '2026-01-01', annualAidCents: '21 000' });
    expect(parsed.success ? {} : firstIssueMessages(parsed.error)).toEqual({
      aidEndDate: 'Fin de l’aide\u00a0: ne peut pas être avant le début de l’aide.',
    });
  });
});

describe('the visit before the post (R4624-18) is stored only when ticked', () => {
  it.each([
    [true, true],
    [false, undefined],
  ] as const)('ticked %s → stored %s', (ticked, stored) => {
    const parsed = contractSchema.parse({ ...valid, visitBeforePost: ticked });
    expect(parsed.visitBeforePost).toBe(stored);
  });
});
