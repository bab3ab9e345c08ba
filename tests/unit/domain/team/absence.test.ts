import { describe, expect, it } from 'vitest';
import {
  absenceProblems,
  absenceSchema,
  returnVisitDue,
  unpaidStretches,
  type AbsenceKind,
  type AbsenceRecord,
} from '../../../../src/renderer/src/domain/team/absence';
import { teamDeadlines } from '../../../../src/renderer/src/domain/deadlines/team-deadlines';
import type { ContractRecord } from '../../../../src/renderer/src/domain/team/contract';
import { teamYear, type TeamData } from '../../../../src/renderer/src/domain/team/team-year';
import { exerciseCalendar, exerciseStartingIn } from '../../../../src/renderer/src/domain/exercise';

// Absences on a contract: the examen de reprise of R4624-31 (which absences, from how many days, within 8
// days of the return), the ETPT and salaries that an unpaid leave reduces, and the refusals of an absence
// outside its contract or over another one.

const stamps = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null });

function contract(overrides: Partial<ContractRecord> = {}): ContractRecord {
  return {
    ...stamps('c1'),
    personId: 'p1',
    kind: 'cdi',
    jobTitle: 'Animatrice',
    category: 'employee',
    startDate: '2025-01-01',
    weeklyHours: 35,
    grossMonthlyCents: 200_000,
    employerChargesRate: 40,
    ...overrides,
  };
}

function absence(kind: AbsenceKind, startDate: string, endDate: string | undefined, overrides: Partial<AbsenceRecord> = {}): AbsenceRecord {
  return { ...stamps(`abs-${kind}-${startDate}`), contractId: 'c1', kind, startDate, ...(endDate ? { endDate } : {}), ...overrides };
}

const person = { ...stamps('p1'), firstName: 'Awa', lastName: 'Diop', role: 'employee' } as TeamData['people'][number];
const team = (absences: AbsenceRecord[], contracts: ContractRecord[] = [contract()]): TeamData => ({
  people: [person],
  contracts,
  amendments: [],
  aidedPosts: [],
  absences,
});

describe('the examen de reprise (R4624-31)', () => {
  it.each([
    // kind, first day, last day, due date or null — 29 / 30 / 31 days of work accident; 59 / 60 / 61 of sickness.
    ['work-accident', '2026-03-01', '2026-03-29', null], // 29 days
    ['work-accident', '2026-03-01', '2026-03-30', '2026-04-08'], // 30 days: back on 31 Mar, examen by 8 Apr
    ['work-accident', '2026-03-01', '2026-03-31', '2026-04-09'], // 31 days
    ['sickness', '2026-01-01', '2026-02-28', null], // 59 days
    ['sickness', '2026-01-01', '2026-03-01', '2026-03-10'], // 60 days
    ['sickness', '2026-01-01', '2026-03-02', '2026-03-11'], // 61 days
    // A leap year: 1 Jan → 29 Feb 2028 is 60 days.
    ['sickness', '2028-01-01', '2028-02-29', '2028-03-09'],
    // Any maternity leave, any occupational disease, even a short one.
    ['maternity', '2026-02-01', '2026-05-23', '2026-06-01'],
    ['occupational-disease', '2026-06-10', '2026-06-10', '2026-06-19'],
    // A return at a month end: last day 31 Jan, back on 1 Feb, examen by 9 Feb.
    ['maternity', '2025-09-20', '2026-01-31', '2026-02-09'],
    // An unpaid leave calls for none, however long.
    ['unpaid-leave', '2026-01-01', '2026-12-31', null],
  ] as const)('%s from %s to %s → %s', (kind, start, end, due) => {
    expect(returnVisitDue({ kind, startDate: start, endDate: end })).toBe(due);
  });

  it('is not due while the absence goes on', () => {
    expect(returnVisitDue({ kind: 'maternity', startDate: '2026-02-01' })).toBeNull();
  });

  const visitKey = (a: AbsenceRecord) => `contract:${a.id}:return-to-work-visit`;

  it('appears on the dashboard as an obligation with the return and its article, and goes once its date is recorded', () => {
    const sick = absence('sickness', '2026-01-05', '2026-03-15');
    const [visit] = teamDeadlines(team([sick]), '2026-03-10').filter((d) => d.rule === 'return-to-work-visit');
    expect(visit).toEqual({
      key: visitKey(sick),
      source: 'contract',
      rule: 'return-to-work-visit',
      title: 'Examen de reprise — Awa Diop',
      dueDate: '2026-03-24',
      target: { screen: 'person', id: 'p1' },
      sourceLabel: 'Équipe',
      detail: 'Arrêt maladie du 5 janv. 2026 au 15 mars 2026 : reprise le 16 mars 2026, examen dans les 8 jours (R4624-31)',
    });
    const done = { ...sick, returnVisitDate: '2026-03-18' };
    expect(teamDeadlines(team([done]), '2026-03-10').some((d) => d.rule === 'return-to-work-visit')).toBe(false);
  });

  it('stops with the contract: no examen when the contract ends before work resumes, one when it ends the day of the return', () => {
    const sick = absence('work-accident', '2026-04-01', '2026-05-31');
    const endsOnLastDay = contract({ kind: 'cdd', cddReason: 'Accroissement', plannedEndDate: '2026-05-31' });
    const endsOnReturn = contract({ kind: 'cdd', cddReason: 'Accroissement', plannedEndDate: '2026-06-01' });
    const visits = (c: ContractRecord) => teamDeadlines(team([sick], [c]), '2026-05-20').filter((d) => d.rule === 'return-to-work-visit');
    expect(visits(endsOnLastDay)).toEqual([]);
    expect(visits(endsOnReturn).map((d) => d.dueDate)).toEqual(['2026-06-09']);
  });
});

describe('ETPT and salaries over absences', () => {
  const year2026 = 2026;

  it('a paid absence (sickness, maternity, work accident) leaves the ETPT and the salary whole', () => {
    for (const kind of ['sickness', 'maternity', 'work-accident', 'occupational-disease'] as const) {
      const figures = teamYear(team([absence(kind, '2026-03-01', '2026-05-31')]), year2026);
      expect(figures.etpt).toBeCloseTo(1, 10);
      expect(figures.grossCents).toBe(12 * 200_000);
    }
  });

  it('an unpaid leave of March (31 days) takes 31/365 off the ETPT and one month off the salary', () => {
    const figures = teamYear(team([absence('unpaid-leave', '2026-03-01', '2026-03-31')]), year2026);
    expect(figures.etpt).toBeCloseTo(334 / 365, 10);
    expect(figures.grossCents).toBe(11 * 200_000);
    expect(figures.employerCostCents).toBe(Math.round(11 * 200_000 * 1.4));
    expect(figures.topFiveGrossCents).toBe(11 * 200_000);
  });

  it('counts only the days of the exercise: an unpaid leave from 15 Dec 2025 to 10 Jan 2026 takes 10 days off 2026', () => {
    const figures = teamYear(team([absence('unpaid-leave', '2025-12-15', '2026-01-10')]), year2026);
    expect(figures.etpt).toBeCloseTo(355 / 365, 10);
    expect(figures.grossCents).toBe(Math.round(12 * 200_000 - (200_000 * 10) / 31));
  });

  it('follows the association’s exercise: an unpaid leave of 31 Aug 2026 belongs to exercise 2025-2026, not the next one', () => {
    const calendar = exerciseCalendar({ exerciseStart: '2025-09-01' });
    const leave = [absence('unpaid-leave', '2026-08-31', '2026-08-31')];
    // 1 Sep 2025 → 31 Aug 2026 has 365 days.
    expect(teamYear(team(leave), exerciseStartingIn(calendar, 2025)).etpt).toBeCloseTo(364 / 365, 10);
    expect(teamYear(team(leave), exerciseStartingIn(calendar, 2026)).etpt).toBeCloseTo(1, 10);
  });

  it('an unpaid leave that goes on runs to the end of the exercise; half time is weighted by its hours', () => {
    const half = contract({ weeklyHours: 17.5, grossMonthlyCents: 100_000 });
    const figures = teamYear(team([absence('unpaid-leave', '2026-07-01', undefined)], [half]), year2026);
    // 1 Jan → 30 Jun: 181 days at 0.5.
    expect(figures.etpt).toBeCloseTo((0.5 * 181) / 365, 10);
    expect(figures.grossCents).toBe(6 * 100_000);
  });

  it('merges overlapping stretches so that a day never counts twice', () => {
    expect(
      unpaidStretches(
        [
          { kind: 'unpaid-leave', startDate: '2026-03-01', endDate: '2026-03-10' },
          { kind: 'unpaid-leave', startDate: '2026-03-05', endDate: '2026-03-20' },
          { kind: 'unpaid-leave', startDate: '2026-03-21', endDate: '2026-03-22' },
          { kind: 'sickness', startDate: '2026-04-01', endDate: '2026-04-30' },
        ],
        '2026-01-01',
        '2026-12-31',
      ),
    ).toEqual([{ from: '2026-03-01', to: '2026-03-22' }]);
  });
});

describe('what an absence may be', () => {
  const parse = (input: Record<string, unknown>) =>
    absenceSchema.safeParse({ contractId: 'c1', kind: 'sickness', startDate: '2026-03-01', ...input });
  const message = (input: Record<string, unknown>) => {
    const result = parse(input);
    return result.success ? null : result.error.issues[0]?.message;
  };

  it('refuses a last day before the first, an examen before the return or without the last day, an unknown kind', () => {
    expect(message({ endDate: '2026-02-28' })).toBe('Dernier jour d’absence\u00a0: ne peut pas être avant le premier jour.');
    expect(message({ endDate: '2026-03-01' })).toBeNull();
    expect(message({ endDate: '2026-03-10', returnVisitDate: '2026-03-10' })).toBe(
      'Date de l’examen de reprise\u00a0: l’examen a lieu à la reprise, après le dernier jour d’absence.',
    );
    expect(message({ endDate: '2026-03-10', returnVisitDate: '2026-03-11' })).toBeNull();
    expect(message({ returnVisitDate: '2026-03-11' })).toBe(
      'Date de l’examen de reprise\u00a0: indiquez d’abord le dernier jour d’absence.',
    );
    expect(message({ kind: 'holiday' })).toBe('Motif de l’absence\u00a0: choisissez-en un.');
    expect(message({ startDate: '2026-02-30' })).toMatch(/^Premier jour d’absence\u00a0: /);
  });

  const cdd = { startDate: '2026-01-05', end: '2026-06-30' };
  it.each([
    // first day, last day, field refused or null
    ['2026-01-04', '2026-01-10', 'startDate'], // the day before the contract
    ['2026-01-05', '2026-01-10', null], // its first day
    ['2026-06-20', '2026-06-30', null], // to its last day
    ['2026-06-20', '2026-07-01', 'endDate'], // a day beyond
    ['2026-07-01', undefined, 'startDate'],
  ] as const)('within the contract: %s → %s refuses %s', (start, end, field) => {
    const problems = absenceProblems({ startDate: start, ...(end ? { endDate: end } : {}) }, cdd, []);
    expect(Object.keys(problems)).toEqual(field === null ? [] : [field]);
  });

  it('refuses an absence over another one of the contract and names it, and accepts the next day', () => {
    const other = { kind: 'sickness' as const, startDate: '2026-02-01', endDate: '2026-02-10' };
    expect(absenceProblems({ startDate: '2026-02-10', endDate: '2026-02-12' }, cdd, [other])).toEqual({
      startDate:
        'Premier jour d’absence\u00a0: une autre absence couvre déjà ces jours (Arrêt maladie du 1er févr. 2026 au 10 févr. 2026).',
    });
    expect(absenceProblems({ startDate: '2026-02-11', endDate: '2026-02-12' }, cdd, [other])).toEqual({});
    // One that goes on covers every later day.
    expect(Object.keys(absenceProblems({ startDate: '2026-05-01' }, cdd, [{ kind: 'unpaid-leave', startDate: '2026-04-01' }]))).toEqual([
      'startDate',
    ]);
  });
});
