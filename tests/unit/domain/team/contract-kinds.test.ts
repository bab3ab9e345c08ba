import { describe, expect, it } from 'vitest';
import { CONTRACT_KIND_RULES, CONTRACT_KIND_VALUES, plannedEndHint } from '../../../../src/renderer/src/domain/team/contract-kinds';
import { CONTRACT_KINDS, FIXED_TERM_KINDS, isEmployment } from '../../../../src/renderer/src/domain/team/contract';
import { contractWarnings } from '../../../../src/renderer/src/domain/team/contract-checks';
import { teamDeadlines } from '../../../../src/renderer/src/domain/deadlines/team-deadlines';
import type { ContractRecord } from '../../../../src/renderer/src/domain/team/contract';
import { fixtureTeam } from '../../../fixtures/team';

describe('the contract-kind table', () => {
  it('is where the pickers, fixed-term set and employment test come from', () => {
    expect(CONTRACT_KINDS.map((k) => k.value)).toEqual([...CONTRACT_KIND_VALUES]);
    expect([...FIXED_TERM_KINDS].sort()).toEqual(CONTRACT_KIND_VALUES.filter((k) => k !== 'cdi').sort());
    expect(CONTRACT_KIND_VALUES.filter((k) => !isEmployment({ kind: k }))).toEqual(['civic-service']);
  });

  it('gives the form an end-date hint for every fixed-term kind, none for a CDI', () => {
    expect(plannedEndHint('cdi')).toBeUndefined();
    for (const kind of CONTRACT_KIND_VALUES.filter((k) => k !== 'cdi'))
      expect(plannedEndHint(kind)).toContain(CONTRACT_KIND_RULES[kind].label);
  });
});

describe('OPCO filing (D6224-1, D6325-1)', () => {
  const person = { ...fixtureTeam.people[0]!, id: 'p', deletedAt: null };
  const contract = (kind: ContractRecord['kind']): ContractRecord => ({
    ...fixtureTeam.contracts[0]!,
    id: 'c',
    personId: 'p',
    kind,
    startDate: '2026-09-07',
    plannedEndDate: '2027-09-06',
    actualEndDate: undefined,
    opcoFilingDate: undefined,
    deletedAt: null,
  });
  const opco = (kind: ContractRecord['kind']) =>
    teamDeadlines({ people: [person], contracts: [contract(kind)], amendments: [], aidedPosts: [] }, '2026-09-01').find(
      (d) => d.rule === 'opco-filing',
    );

  it('an apprenticeship: 5 jours ouvrables (Monday 7 → Saturday 12 Sept 2026)', () => {
    expect(opco('apprenticeship')?.dueDate).toBe('2026-09-12');
  });
  it('a professionalisation: 5 days (→ Saturday 12 Sept 2026 too, but by calendar days)', () => {
    expect(opco('professionalisation')?.dueDate).toBe('2026-09-12');
    expect(opco('professionalisation')?.title).toContain('Contrat de professionnalisation à déposer auprès de l’OPCO');
  });
  it('a CDD or a CDI: none', () => {
    expect(opco('cdd')).toBeUndefined();
    expect(opco('cdi')).toBeUndefined();
  });
});

describe('part-time floor exceptions (L3123-7)', () => {
  const warned = (plannedEndDate: string) =>
    contractWarnings(
      { kind: 'cdd', cddReason: 'Accroissement', startDate: '2026-04-01', plannedEndDate, actualEndDate: undefined, weeklyHours: 10 },
      [],
    ).some((w) => w.startsWith('Temps partiel'));
  it.each([
    ['2026-04-07', false], // 7 days
    ['2026-04-08', true], // 8 days
  ])('a CDD ending %s at 10 h a week: warned %s', (end, expected) => {
    expect(warned(end)).toBe(expected);
  });
});

describe('the form’s required fields and the first medical visit come from the table too', () => {
  it('asks the motif of a CDD only (L1242-12), and refuses a CDD without one', async () => {
    const { contractSchema, contractFormValues } = await import('../../../../src/renderer/src/domain/team/contract');
    expect(CONTRACT_KIND_VALUES.filter((k) => CONTRACT_KIND_RULES[k].motifRequired)).toEqual(['cdd']);
    const base = {
      ...contractFormValues('p1'),
      jobTitle: 'Animatrice',
      startDate: '2026-01-05',
      plannedEndDate: '2026-06-30',
      weeklyHours: '35',
      grossMonthlyCents: '1 900',
      employerChargesRate: '40',
    };
    expect(contractSchema.safeParse({ ...base, kind: 'cdd' }).success).toBe(false);
    expect(contractSchema.safeParse({ ...base, kind: 'pec' }).success).toBe(true);
  });

  it.each([
    ['cdi', '2026-04-05'],
    ['apprenticeship', '2026-03-05'],
  ] as const)('a %s starting on 5 Jan 2026 has its first visit by %s (R4624-10, R6222-36)', (kind, due) => {
    const person = { ...fixtureTeam.people[0]!, id: 'p', deletedAt: null };
    const contract: ContractRecord = {
      ...fixtureTeam.contracts[0]!,
      id: 'c',
      personId: 'p',
      kind,
      startDate: '2026-01-05',
      plannedEndDate: '2027-12-31',
      actualEndDate: undefined,
      firstMedicalVisitDate: undefined,
      deletedAt: null,
    };
    const visit = teamDeadlines({ people: [person], contracts: [contract], amendments: [], aidedPosts: [] }, '2026-01-05').find(
      (d) => d.rule === 'first-medical-visit',
    );
    expect(visit?.dueDate).toBe(due);
  });
});
