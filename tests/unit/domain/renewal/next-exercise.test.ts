import { describe, expect, it } from 'vitest';
import type { BudgetRecord } from '../../../../src/renderer/src/domain/budgets/budget';
import { CALENDAR_YEAR } from '../../../../src/renderer/src/domain/exercise';
import { nextExerciseCandidates, renewalPlan, type NextExerciseData } from '../../../../src/renderer/src/domain/renewal/next-exercise';
import { fixtureApplications, fixturePayments } from '../../../fixtures/funding';
import { AGREEMENT_IDS, fixtureAgreements } from '../../../fixtures/partners';
import { fixtureBudgetLines, fixtureBudgets, fixtureProjects, fixtureProjectStaff, PROJECT_IDS } from '../../../fixtures/projects';
import { TEAM_IDS } from '../../../fixtures/team';

// « Préparer l'exercice »: what ended in the last exercise is listed, what is already prepared cannot be
// ticked twice, and the plan links what it creates to what it creates.

const STAMPS = { createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', deletedAt: null };

function data(overrides: Partial<NextExerciseData> = {}): NextExerciseData {
  return {
    calendar: CALENDAR_YEAR,
    projects: fixtureProjects,
    projectStaff: fixtureProjectStaff,
    applications: fixtureApplications.map((a) => ({ ...a, ...STAMPS })),
    payments: fixturePayments.map((p) => ({ ...p, ...STAMPS })),
    budgets: fixtureBudgets,
    budgetLines: fixtureBudgetLines,
    agreements: fixtureAgreements,
    // Fatou's adulte-relais contract ends on 1 September 2027; everyone else stays.
    staffAvailable: (personId, from) => personId !== TEAM_IDS.fatou || from <= '2027-09-01',
    ...overrides,
  };
}

const keys = (list: { key: string }[]) => list.map((c) => c.key);

describe('what « Préparer l’exercice » lists', () => {
  it('2027 from the fixture: the requests that ended in 2026; the one already renewed cannot be ticked', () => {
    const { source, target, candidates } = nextExerciseCandidates(data(), 2027);
    expect([source.start, source.end, target.start, target.end]).toEqual(['2026-01-01', '2026-12-31', '2027-01-01', '2027-12-31']);
    // The CPO (to 2028) and the CLAS (to June 2027) go on; the 2027 actions and budgets are not last year's.
    expect(candidates.every((c) => c.kind === 'application')).toBe(true);
    const byId = new Map(candidates.map((c) => [c.sourceId, c]));
    expect([...byId.keys()].sort()).toEqual(
      [
        'app-caf-territories',
        'app-city-festival',
        'app-department-operating',
        'app-department-summer',
        'app-foundation',
        'app-region-digital',
        'app-state-rights',
        'app-state-schooling',
      ].sort(),
    );
    // « Contrat de ville 2027 — Accompagnement à la scolarité » exists: no second one.
    expect(byId.get('app-state-schooling')).toMatchObject({ alreadyPrepared: true, suggested: false });
    // Refused, or not decided yet: listed, not suggested.
    expect(byId.get('app-state-rights')).toMatchObject({ alreadyPrepared: false, suggested: false });
    expect(byId.get('app-foundation')).toMatchObject({ alreadyPrepared: false, suggested: false });
    expect(byId.get('app-region-digital')).toMatchObject({ alreadyPrepared: false, suggested: true });
  });

  it('2028 from the fixture: both actions, the CLAS and the 2027 contrat de ville, the association budget', () => {
    const { candidates } = nextExerciseCandidates(data(), 2028);
    expect(keys(candidates)).toEqual([
      `action:${PROJECT_IDS.schooling}`,
      `action:${PROJECT_IDS.parentsCafe}`,
      'application:app-caf-clas',
      'application:app-state-schooling-2027',
      `budget:${PROJECT_IDS.associationBudget2027}`,
    ]);
    expect(candidates.find((c) => c.sourceId === 'app-state-schooling-2027')?.suggested).toBe(false); // still « à préparer »
    expect(candidates.find((c) => c.sourceId === 'app-caf-clas')?.suggested).toBe(true);
  });

  it('follows the association’s exercise, not the calendar year: September–August', () => {
    const { source, candidates } = nextExerciseCandidates(data({ calendar: { startMonth: 9, startDay: 1 } }), 2027);
    expect([source.start, source.end]).toEqual(['2026-09-01', '2027-08-31']);
    const listed = new Set(candidates.map((c) => c.sourceId));
    // Ended between 1 Sept 2026 and 31 Aug 2027: the CLAS (30 June 2027), the café (30 June 2027), the 2026 requests.
    expect(listed.has('app-caf-clas')).toBe(true);
    expect(listed.has(PROJECT_IDS.parentsCafe)).toBe(true);
    expect(listed.has('app-state-rights')).toBe(true);
    // The schooling action ends on 17 December 2027, in the exercise being prepared; the summer grant ended in August 2026.
    expect(listed.has(PROJECT_IDS.schooling)).toBe(false);
    expect(listed.has('app-department-summer')).toBe(false);
  });

  it('a budget already filled for the new exercise is shown but not tickable, and the plan skips it', () => {
    const budget2028: BudgetRecord = { id: 'b-2028', ...STAMPS, scope: 'association', year: 2028 };
    const line = { ...fixtureBudgetLines[0]!, id: 'l-2028', budgetId: 'b-2028' };
    const filled = data({ budgets: [...fixtureBudgets, budget2028], budgetLines: [...fixtureBudgetLines, line] });
    const association = nextExerciseCandidates(filled, 2028).candidates.find((c) => c.kind === 'budget');
    expect(association).toMatchObject({ alreadyPrepared: true, suggested: false });
    expect(renewalPlan(filled, 2028, new Set([association!.key]), () => 'x').budgets).toEqual([]);
  });
});

describe('the plan for 2028', () => {
  let n = 0;
  const newId = () => `new-${++n}`;
  const everything = new Set(nextExerciseCandidates(data(), 2028).candidates.map((c) => c.key));
  const plan = renewalPlan(data(), 2028, everything, newId);

  it('renews the actions with their staff still under contract, and the schooling budget with its action', () => {
    const [schooling, cafe] = plan.projects;
    expect(schooling).toMatchObject({ sourceId: PROJECT_IDS.schooling, project: { startDate: '2028-01-04', endDate: '2028-12-17' } });
    expect(schooling!.staff.map((s) => s.personId)).toEqual([TEAM_IDS.awa, TEAM_IDS.karim]);
    // The hall loan ends on 30 June 2027; the tacitly renewed school agreement goes on.
    expect(schooling!.project.agreementIds).toEqual([AGREEMENT_IDS.schoolSupport]);
    expect(schooling!.budget?.year).toBe(2028);
    expect(schooling!.budget?.lines).toHaveLength(fixtureBudgetLines.filter((l) => l.budgetId === PROJECT_IDS.schoolingBudget2027).length);
    // Fatou's contract ends in September 2027: the January–June 2028 café has no one assigned, and says so.
    expect(cafe).toMatchObject({ sourceId: PROJECT_IDS.parentsCafe, staff: [], staffLeft: [TEAM_IDS.fatou], budget: undefined });
  });

  it('renews the requests onto the renewed actions, and links the budgets’ lines to the renewed requests', () => {
    const clas = plan.applications.find((a) => a.sourceId === 'app-caf-clas')!;
    const contrat = plan.applications.find((a) => a.sourceId === 'app-state-schooling-2027')!;
    const schoolingId = plan.projects[0]!.id;
    expect(clas.application).toMatchObject({ title: 'CLAS 2027-2028 (accompagnement à la scolarité)', projectIds: [schoolingId] });
    expect(contrat.application).toMatchObject({
      title: 'Contrat de ville 2028 — Accompagnement à la scolarité',
      periodStart: '2028-01-01',
      projectIds: [schoolingId],
    });
    const linked = [...plan.projects[0]!.budget!.lines, ...plan.budgets[0]!.lines].flatMap((l) =>
      l.grantApplicationId ? [l.grantApplicationId] : [],
    );
    // Every line that named the 2027 request now names the 2028 one; the CPO (to 2028) keeps its own.
    expect(linked).not.toContain('app-state-schooling-2027');
    expect(linked).toContain(contrat.id);
    const before = fixtureBudgetLines.filter((l) => l.grantApplicationId === 'app-city-cpo').length;
    expect(linked.filter((id) => id === 'app-city-cpo')).toHaveLength(before);
    expect(plan.budgets).toMatchObject([{ scope: 'association', year: 2028 }]);
  });

  it('creates nothing that was not ticked', () => {
    const onlyCafe = renewalPlan(data(), 2028, new Set([`action:${PROJECT_IDS.parentsCafe}`]), newId);
    expect(onlyCafe.projects.map((p) => p.sourceId)).toEqual([PROJECT_IDS.parentsCafe]);
    expect(onlyCafe.applications).toEqual([]);
    expect(onlyCafe.budgets).toEqual([]);
  });
});
