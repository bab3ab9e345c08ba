import { describe, expect, it } from 'vitest';
import { cddCase } from '../../../../src/renderer/src/domain/team/cdd-cases';
import { contractWarnings, eclatPartTimeMinimum } from '../../../../src/renderer/src/domain/team/contract-checks';
import type { ContractKind } from '../../../../src/renderer/src/domain/team/contract-kinds';
import {
  priorFixedTermDays,
  priorTermTrialWarning,
  trialEndInForce,
  waitingPeriodDays,
  waitingPeriodEarliestStart,
  waitingPeriodWarning,
  type DatedContract,
} from '../../../../src/renderer/src/domain/team/successive-contracts';
import { teamDeadlines } from '../../../../src/renderer/src/domain/deadlines/team-deadlines';
import type { ContractRecord } from '../../../../src/renderer/src/domain/team/contract';
import type { TeamData } from '../../../../src/renderer/src/domain/team/team-year';

// The contract rules of the Code du travail in 2026 and of the ÉCLAT agreement that issue 15 added, each at
// its boundary: the day before, the day, the day after; month ends and a leap year where months are counted.

const has = (warnings: string[], text: string) => warnings.some((w) => w.includes(text));
const warn = (contract: Parameters<typeof contractWarnings>[0], agreement?: string) =>
  contractWarnings(contract, [], agreement ? { collectiveAgreement: agreement } : {});

describe('the cases of a CDD, read from its motif', () => {
  it.each([
    ['Remplacement de Mme Diop (congé maternité)', 'replacement'],
    ['Remplacement de M. Martin dans l’attente de l’entrée en service de Mme Roy, recrutée en CDI', 'awaiting-hire'],
    ['Départ définitif précédant la suppression du poste', 'post-suppression'],
    ['Accroissement temporaire d’activité', 'general'],
    ['Emploi saisonnier (centre de loisirs d’été)', 'seasonal'],
    ['CDD à objet défini', 'defined-object'],
    ['Travaux urgents : mesures de sécurité', 'urgent-safety'],
    ['', 'general'],
  ] as const)('« %s » → %s', (reason, expected) => {
    expect(cddCase(reason)).toBe(expected);
  });
});

describe('the maximum term of a CDD (L1242-8-1): 18 months, 9 or 24 in its cases', () => {
  const cdd = (cddReason: string, plannedEndDate: string) => ({
    kind: 'cdd' as const,
    cddReason,
    startDate: '2026-01-01',
    plannedEndDate,
    actualEndDate: undefined,
  });
  const awaiting = 'Remplacement dans l’attente de l’entrée en service d’un salarié recruté en CDI';
  it.each([
    // motif, planned end, warned
    [awaiting, '2026-09-29', false],
    [awaiting, '2026-09-30', false], // 9 months end on 30 Sept
    [awaiting, '2026-10-01', true],
    ['Accroissement temporaire d’activité', '2027-06-30', false], // 18 months
    ['Accroissement temporaire d’activité', '2027-07-01', true],
    ['Départ définitif précédant la suppression du poste', '2027-12-31', false], // 24 months
    ['Départ définitif précédant la suppression du poste', '2028-01-01', true],
    // The CDD à objet défini (L1242-8-2) is not bound by L1242-8-1.
    ['CDD à objet défini', '2028-06-30', false],
  ] as const)('%s to %s → warned %s', (reason, end, warned) => {
    expect(has(warn(cdd(reason, end)), 'mois renouvellements compris')).toBe(warned);
  });

  it('names the 9-month case and its article', () => {
    expect(warn(cdd(awaiting, '2026-10-01'))).toContain(
      'CDD de plus de 9 mois renouvellements compris (L1242-8-1 : 9 mois dans l’attente de l’entrée en service d’un salarié recruté en CDI).',
    );
  });
});

describe('the waiting period between two CDD on the same job (L1244-3-1, L1244-4-1)', () => {
  it.each([
    // previous start, previous end, opening days: half below 14 days, a third from 14, rounded up.
    ['2026-06-01', '2026-06-10', 5], // 10 days → 5
    ['2026-06-01', '2026-06-13', 7], // 13 days → 6,5 → 7
    ['2026-06-01', '2026-06-14', 5], // 14 days → 4,67 → 5
    ['2026-01-05', '2026-03-31', 29], // 86 days → 28,67 → 29
  ] as const)('a CDD from %s to %s asks %i opening days', (start, end, days) => {
    expect(waitingPeriodDays(start, end)).toBe(days);
  });

  it('counts opening days, Monday to Friday without public holidays: Easter Monday, 1 and 8 May, Ascension', () => {
    expect(waitingPeriodEarliestStart('2026-01-05', '2026-03-31')).toBe('2026-05-16');
    // 14 days ending on a Sunday: Mon 15 → Fri 19 June, the next CDD on Saturday 20.
    expect(waitingPeriodEarliestStart('2026-06-01', '2026-06-14')).toBe('2026-06-20');
  });

  const previous: DatedContract = {
    id: 'prev',
    personId: 'p1',
    kind: 'cdd',
    jobTitle: 'Animatrice',
    cddReason: 'Accroissement temporaire d’activité',
    startDate: '2026-01-05',
    end: '2026-03-31',
  };
  const next = (startDate: string, extra: Partial<DatedContract> = {}): DatedContract => ({
    id: 'next',
    personId: 'p2',
    kind: 'cdd',
    jobTitle: 'animatrice ',
    cddReason: 'Accroissement temporaire d’activité',
    startDate,
    end: undefined,
    ...extra,
  });

  it.each([
    ['2026-05-15', true],
    ['2026-05-16', false],
    ['2026-05-17', false],
  ] as const)('a CDD on the same job from %s → warned %s', (start, warned) => {
    expect(waitingPeriodWarning(next(start), [previous]) !== null).toBe(warned);
  });

  it('says the dates, the opening days and the exceptions', () => {
    expect(waitingPeriodWarning(next('2026-04-01'), [previous])).toBe(
      'Délai de carence : après le CDD du 5 janv. 2026 au 31 mars 2026 sur ce poste, 29\u00a0jours d’ouverture sont à respecter — un nouveau CDD ne peut commencer que le 16 mai 2026 (L1244-3-1), sauf exception (L1244-4-1 : nouvelle absence du salarié remplacé, emploi saisonnier, rupture anticipée par le salarié, refus du renouvellement…).',
    );
  });

  it('does not apply to a replacement, a seasonal job, another job, a CDI, or after the employee ended the contract', () => {
    expect(waitingPeriodWarning(next('2026-04-01', { cddReason: 'Remplacement de Mme Diop, de nouveau absente' }), [previous])).toBeNull();
    expect(waitingPeriodWarning(next('2026-04-01', { cddReason: 'Emploi saisonnier' }), [previous])).toBeNull();
    expect(waitingPeriodWarning(next('2026-04-01', { jobTitle: 'Comptable' }), [previous])).toBeNull();
    expect(waitingPeriodWarning(next('2026-04-01', { kind: 'cdi' }), [previous])).toBeNull();
    const resigned = { ...previous, personId: 'p2', endReason: 'Rupture anticipée à l’initiative du salarié' };
    expect(waitingPeriodWarning(next('2026-04-01'), [resigned])).toBeNull();
  });
});

describe('fixed-term time on the same job deducted from the CDI’s trial period (L1243-11)', () => {
  const cdd = (startDate: string, end: string, extra: Partial<DatedContract> = {}): DatedContract => ({
    id: `cdd-${startDate}`,
    personId: 'p1',
    kind: 'cdd',
    jobTitle: 'Animatrice',
    startDate,
    end,
    ...extra,
  });
  const cdi: DatedContract & { category: 'employee' } = {
    id: 'cdi',
    personId: 'p1',
    kind: 'cdi',
    jobTitle: 'Animatrice',
    startDate: '2026-02-01',
    end: undefined,
    category: 'employee',
  };

  it.each([
    // prior CDD's end; the CDI starts on 1 Feb: within 7 days of the end the CDD counts.
    ['2026-01-23', 0],
    ['2026-01-24', 24],
    ['2026-01-31', 31],
  ] as const)('a CDD from 1 Jan to %s before a CDI of 1 Feb → %i days deducted', (end, days) => {
    expect(priorFixedTermDays(cdi, [cdd('2026-01-01', end)])).toBe(days);
  });

  it('sums successive CDD, not another job’s nor another person’s', () => {
    const chain = [
      cdd('2025-11-01', '2025-11-30'),
      cdd('2025-12-01', '2026-01-31'),
      cdd('2026-01-01', '2026-01-31', { id: 'x', jobTitle: 'Comptable' }),
    ];
    expect(priorFixedTermDays(cdi, chain)).toBe(30 + 62);
    expect(priorFixedTermDays(cdi, [cdd('2026-01-01', '2026-01-31', { personId: 'p2' })])).toBe(0);
  });

  it('shortens the default: 2 months from 1 Feb (to 31 Mar, 59 days) less 31 days of CDD ends on 28 Feb', () => {
    const prior = [cdd('2026-01-01', '2026-01-31')];
    expect(trialEndInForce(cdi, 'legal', prior)).toBe('2026-02-28');
    expect(trialEndInForce(cdi, 'legal', [])).toBe('2026-03-31');
    // A stored end stays the user's; the warning says when it goes beyond.
    expect(trialEndInForce({ ...cdi, trialPeriodEnd: '2026-03-31' }, 'legal', prior)).toBe('2026-03-31');
    expect(priorTermTrialWarning(cdi, '2026-02-27', 'legal', prior)).toBeNull();
    expect(priorTermTrialWarning(cdi, '2026-02-28', 'legal', prior)).toBeNull();
    expect(priorTermTrialWarning(cdi, '2026-03-01', 'legal', prior)).toBe(
      'Période d’essai : les 31\u00a0jours de contrat à durée déterminée sur ce poste juste avant s’en déduisent (L1243-11) — elle finit au plus tard le 28 févr. 2026.',
    );
  });

  it('leaves no trial when the CDD lasted longer than the trial, and the dashboard then shows none', () => {
    const long = [cdd('2025-03-01', '2026-01-31')];
    expect(trialEndInForce(cdi, 'eclat', long)).toBeUndefined();
    const stamps = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null };
    const record = (c: DatedContract): ContractRecord => ({
      ...stamps,
      id: c.id,
      personId: c.personId,
      kind: c.kind,
      jobTitle: c.jobTitle,
      category: 'employee',
      startDate: c.startDate,
      ...(c.kind === 'cdd' ? { plannedEndDate: c.end, cddReason: 'Accroissement temporaire d’activité' } : {}),
      weeklyHours: 35,
      grossMonthlyCents: 200_000,
      employerChargesRate: 40,
    });
    const team: TeamData = {
      people: [{ ...stamps, id: 'p1', firstName: 'Awa', lastName: 'Diop', role: 'employee' }],
      contracts: [record(long[0]!), record(cdi)],
      amendments: [],
      aidedPosts: [],
    };
    const trials = teamDeadlines(team, '2026-01-15', { trialRules: 'eclat' }).filter((d) => d.rule === 'trial-period-end');
    // Only the CDD's own trial remains (1 month from 1 Mar 2025); the CDI's is absorbed.
    expect(trials.map((d) => d.key)).toEqual(['contract:cdd-2025-03-01:trial-period-end']);
  });
});

describe('renewing a CDI’s trial period (L1221-21)', () => {
  const cdi = (category: 'employee' | 'technician' | 'executive', trialRenewalEnd: string) => ({
    kind: 'cdi' as const,
    category,
    startDate: '2026-01-01',
    plannedEndDate: undefined,
    actualEndDate: undefined,
    trialPeriodEnd: '2026-02-28',
    trialRenewalEnd,
  });
  it.each([
    ['employee', '2026-04-30', false], // 4 months
    ['employee', '2026-05-01', true],
    ['technician', '2026-06-30', false], // 6 months
    ['technician', '2026-07-01', true],
    ['executive', '2026-08-31', false], // 8 months
    ['executive', '2026-09-01', true],
  ] as const)('%s renewed to %s → beyond the legal maximum %s', (category, end, beyond) => {
    expect(has(warn(cdi(category, end)), 'c’est le maximum légal pour cette catégorie (L1221-21)')).toBe(beyond);
  });

  it('asks for a branch agreement without ÉCLAT, and says ÉCLAT’s conditions with it', () => {
    expect(has(warn(cdi('employee', '2026-03-31')), 'seulement si un accord de branche étendu le prévoit')).toBe(true);
    expect(warn(cdi('employee', '2026-03-31'), '1518')).toEqual([
      'Période d’essai renouvelée : la convention ÉCLAT ne le permet qu’à titre exceptionnel, par écrit et motivé, avec l’accord du salarié.',
    ]);
    expect(warn({ ...cdi('employee', '2026-03-31'), trialRenewalEnd: undefined })).toEqual([]);
  });
});

describe('part-time minima: 24 h (L3123-27) and ÉCLAT’s by group (art. 5.9.3)', () => {
  it.each([
    ['Groupe A, coefficient 245', 10],
    ['groupe B', 14],
    ['Groupe C, coefficient 280', 14],
    ['Groupe D', 16],
    ['Groupe F', 16],
    ['Groupe G', 24],
    ['Groupe H, coefficient 400', 24],
    ['Coefficient 280', undefined],
  ] as const)('%s → %s h', (classification, hours) => {
    expect(eclatPartTimeMinimum(classification)).toBe(hours);
  });

  const partTime = (weeklyHours: number, classification: string, kind: ContractKind = 'cdi', cddReason?: string) => ({
    kind,
    classification,
    weeklyHours,
    startDate: '2026-01-01',
    plannedEndDate: kind === 'cdd' ? '2026-12-31' : undefined,
    actualEndDate: undefined,
    cddReason,
  });
  it.each([
    [9.5, 'Groupe A', true],
    [10, 'Groupe A', false],
    [13.5, 'Groupe C', true],
    [14, 'Groupe C', false],
    [15.5, 'Groupe E', true],
    [16, 'Groupe E', false],
    [23.5, 'Groupe G', true],
    [24, 'Groupe G', false],
  ] as const)('ÉCLAT: %s h in %s → warned %s', (hours, group, warned) => {
    expect(has(warn(partTime(hours, group), '1518'), 'h par semaine')).toBe(warned);
  });

  it('the 24 h floor holds without ÉCLAT, and neither applies to a CDD de remplacement (L3123-7)', () => {
    expect(warn(partTime(10, 'Groupe A'))).toEqual([
      'Temps partiel de moins de 24 h par semaine : possible seulement par dérogation (demande écrite, convention collective) (L3123-27).',
    ]);
    expect(warn(partTime(8, 'Groupe B', 'cdd', 'Remplacement de Mme Diop'), '1518')).toEqual([]);
    expect(warn(partTime(8, 'Groupe B', 'cdd', 'Accroissement temporaire d’activité'), '1518')).toEqual([
      'Temps partiel de moins de 14 h par semaine : la convention ÉCLAT fixe ce minimum pour ce groupe (art. 5.9.3), sauf demande écrite du salarié ou remplacement (L3123-7).',
    ]);
  });
});

describe('aided contracts and the service civique: their terms and hours', () => {
  const term = (kind: ContractKind, startDate: string, plannedEndDate: string, weeklyHours = 24) => ({
    kind,
    startDate,
    plannedEndDate,
    actualEndDate: undefined,
    weeklyHours,
  });
  it.each([
    // PEC: 6 months at least (L5134-25), 24 at most (L5134-25-1).
    ['pec', '2026-01-01', '2026-06-29', 'PEC de moins de 6 mois'],
    ['pec', '2026-01-01', '2026-06-30', null],
    ['pec', '2026-01-01', '2027-12-31', null],
    ['pec', '2026-01-01', '2028-01-01', 'PEC de plus de 24 mois'],
    // Adulte-relais: a CDD of 3 years at most (L5134-103).
    ['adulte-relais', '2026-01-01', '2028-12-31', null],
    ['adulte-relais', '2026-01-01', '2029-01-01', 'Contrat adulte-relais de plus de 3 ans'],
    // Service civique: 6 to 12 months (L120-1 CSN); from 1 Sept 2027, 6 months end on 29 Feb 2028.
    ['civic-service', '2026-09-01', '2027-02-27', 'de moins de 6 mois'],
    ['civic-service', '2026-09-01', '2027-02-28', null],
    ['civic-service', '2027-09-01', '2028-02-28', 'de moins de 6 mois'],
    ['civic-service', '2027-09-01', '2028-02-29', null],
    ['civic-service', '2026-09-01', '2027-08-31', null],
    ['civic-service', '2026-09-01', '2027-09-01', 'de plus de 12 mois'],
  ] as const)('%s from %s to %s → %s', (kind, start, end, expected) => {
    const warnings = warn(term(kind, start, end, kind === 'pec' ? 20 : 24));
    if (expected === null) expect(warnings).toEqual([]);
    else expect(warnings.filter((w) => w.includes(expected))).toHaveLength(1);
  });

  it.each([
    [48, false],
    [48.5, true],
  ] as const)('a service civique of %s h a week → warned %s (48 h at most)', (hours, warned) => {
    expect(has(warn(term('civic-service', '2026-09-01', '2027-06-30', hours)), 'de plus de 48 h par semaine')).toBe(warned);
  });

  it('an adulte-relais renewed twice, or beyond 6 years, is warned', () => {
    const renewal = (effectiveDate: string, newEndDate: string) => ({ kind: 'renewal' as const, effectiveDate, newEndDate });
    const contract = term('adulte-relais', '2026-01-01', '2028-12-31');
    expect(contractWarnings(contract, [renewal('2029-01-01', '2031-12-31')])).toEqual([]);
    expect(contractWarnings(contract, [renewal('2029-01-01', '2032-01-01')])).toEqual([
      'Contrat adulte-relais de plus de 6 ans renouvellement compris (L5134-103).',
    ]);
    expect(contractWarnings(contract, [renewal('2029-01-01', '2030-12-31'), renewal('2031-01-01', '2031-12-31')])).toEqual([
      'Contrat adulte-relais renouvelé 2 fois : il n’est renouvelable qu’une fois (L5134-103).',
    ]);
  });
});

describe('the visit before taking the post for a minor or a night worker (R4624-18)', () => {
  const stamps = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null };
  const team = (extra: Partial<ContractRecord>): TeamData => ({
    people: [{ ...stamps, id: 'p1', firstName: 'Lina', lastName: 'Roy', role: 'employee' }],
    contracts: [
      {
        ...stamps,
        id: 'c1',
        personId: 'p1',
        kind: 'cdd',
        cddReason: 'Emploi saisonnier',
        jobTitle: 'Animatrice',
        category: 'employee',
        startDate: '2026-07-06',
        plannedEndDate: '2026-08-28',
        weeklyHours: 35,
        grossMonthlyCents: 180_000,
        employerChargesRate: 40,
        ...extra,
      },
    ],
    amendments: [],
    aidedPosts: [],
  });
  const visit = (data: TeamData) => teamDeadlines(data, '2026-07-01').find((d) => d.rule === 'first-medical-visit');

  it('is due on the first day when ticked, within 3 months otherwise, and goes once recorded', () => {
    expect(visit(team({ visitBeforePost: true }))).toMatchObject({
      dueDate: '2026-07-06',
      detail: 'Avant la prise de poste (mineur·e ou travail de nuit, R4624-18)',
    });
    // Unticked, 3 months from 6 July fall after the contract's end (28 Aug): none.
    expect(visit(team({}))).toBeUndefined();
    expect(visit(team({ plannedEndDate: '2026-12-31' }))?.dueDate).toBe('2026-10-06');
    expect(visit(team({ visitBeforePost: true, firstMedicalVisitDate: '2026-07-03' }))).toBeUndefined();
  });
});
