import { describe, expect, it } from 'vitest';
import { grantApplicationSchema } from '../../../../src/renderer/src/domain/funding/grant-application';
import {
  moveYearsInTitle,
  renewAgreement,
  renewApplication,
  renewBudgetLines,
  renewProject,
  splitByWeights,
} from '../../../../src/renderer/src/domain/renewal/renewal';
import { fixtureApplications, fixturePayments } from '../../../fixtures/funding';
import { AGREEMENT_IDS, fixtureAgreements } from '../../../fixtures/partners';
import { fixtureProjects, fixtureProjectStaff, PROJECT_IDS } from '../../../fixtures/projects';
import { TEAM_IDS } from '../../../fixtures/team';

// What « Reconduire pour l'exercice suivant » copies, moves, re-plans, and leaves behind.

const app = (id: string) => {
  const { id: _id, ...fields } = fixtureApplications.find((a) => a.id === id)!;
  return fields;
};
const paymentsOf = (id: string) => fixturePayments.filter((p) => p.applicationId === id);

describe('years in a title', () => {
  it('moves the years of the period, the span « 2026-2027 » as a whole, and nothing else', () => {
    expect(moveYearsInTitle('Contrat de ville 2026 — Accompagnement à la scolarité', 1, 2026, 2026)).toBe(
      'Contrat de ville 2027 — Accompagnement à la scolarité',
    );
    expect(moveYearsInTitle('CLAS 2026-2027 (accompagnement à la scolarité)', 1, 2026, 2027)).toBe(
      'CLAS 2027-2028 (accompagnement à la scolarité)',
    );
    expect(moveYearsInTitle('Convention pluriannuelle d’objectifs 2026-2028', 3, 2026, 2028)).toBe(
      'Convention pluriannuelle d’objectifs 2029-2031',
    );
    // Not the period's years: an association « loi 1901 », a target « 2030 », a number glued to others.
    expect(moveYearsInTitle('Association loi 1901 — objectif 2030', 1, 2026, 2026)).toBe('Association loi 1901 — objectif 2030');
    expect(moveYearsInTitle('Dossier 120265', 1, 2026, 2026)).toBe('Dossier 120265');
    expect(moveYearsInTitle('Fête de quartier', 1, 2026, 2026)).toBe('Fête de quartier');
  });
});

describe('splitting a total along a schedule', () => {
  it('adds up to the cent, and splits evenly when the schedule has no amounts', () => {
    expect(splitByWeights(2_000_000, [800_000, 750_000])).toEqual([1_032_258, 967_742]);
    expect(splitByWeights(100, [1, 1, 1])).toEqual([33, 34, 33]);
    expect(splitByWeights(1_000, [0, 0])).toEqual([500, 500]);
    expect(splitByWeights(1_000, [])).toEqual([]);
  });
});

describe('renewing a grant application', () => {
  it('moves the year in the title, asks again for what was asked (not what was granted), forgets last year', () => {
    const { application, tranches } = renewApplication(app('app-state-schooling'), paymentsOf('app-state-schooling'));
    expect(application).toMatchObject({
      title: 'Contrat de ville 2027 — Accompagnement à la scolarité',
      funderId: 'funder-state',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      status: 'to-prepare',
      renewal: true,
      requestedCents: 1_800_000, // last demandé; accordé was 15 000 €
    });
    for (const gone of [
      'grantedCents',
      'agreedCents',
      'filedOn',
      'decidedOn',
      'agreementSignedOn',
      'paidOn',
      'dauphinRef',
      'chorusEj',
      'compteAssoRef',
    ]) {
      expect(application).not.toHaveProperty(gone);
    }
    // The single tranche re-planned on the new request, nothing received.
    expect(tranches).toEqual([{ label: 'Versement unique', expectedDate: '2027-06-30', expectedCents: 1_800_000 }]);
    expect(grantApplicationSchema.safeParse(application).success).toBe(true);
  });

  it('re-plans the tranches from the schedule, never from what was received', () => {
    const { application, tranches } = renewApplication(app('app-region-digital'), paymentsOf('app-region-digital'));
    expect(application.title).toBe('Cohésion des quartiers — Ateliers numériques');
    expect(application.requestedCents).toBe(2_000_000);
    // Planned 8 000 + 7 500 = 15 500 €: the same shares of the 20 000 € asked again, on the same days a year on.
    expect(tranches).toEqual([
      { label: 'Avance 50 %', expectedDate: '2027-08-31', expectedCents: 1_032_258 },
      { label: 'Solde', expectedDate: '2028-03-31', expectedCents: 967_742 },
    ]);
    // The advance came 12 days late and 1 000 € short: next year's plan does not change.
    const received = paymentsOf('app-region-digital').map((p) =>
      p.receivedDate ? { ...p, receivedDate: '2026-09-30', receivedCents: 700_000 } : p,
    );
    expect(renewApplication(app('app-region-digital'), received).tranches).toEqual(tranches);
    expect(tranches.every((t) => !('receivedDate' in t) && !('receivedCents' in t))).toBe(true);
  });

  it('moves a CPO by its number of years, its tranches with it', () => {
    const { application, tranches } = renewApplication(app('app-city-cpo'), paymentsOf('app-city-cpo'));
    expect(application).toMatchObject({
      title: 'Convention pluriannuelle d’objectifs 2029-2031',
      periodStart: '2029-01-01',
      periodEnd: '2031-12-31',
      requestedCents: 9_000_000,
    });
    expect(tranches.map((t) => [t.label, t.expectedDate, t.expectedCents])).toEqual([
      ['Tranche 2029', '2029-03-31', 3_000_000],
      ['Tranche 2030', '2030-01-31', 3_000_000],
      ['Tranche 2031', '2031-01-31', 3_000_000],
    ]);
  });

  it('a school-year grant keeps its months; a tranche on 29 February lands on 28 February', () => {
    const clas = renewApplication(app('app-caf-clas'), [...paymentsOf('app-caf-clas')]);
    expect(clas.application).toMatchObject({
      title: 'CLAS 2027-2028 (accompagnement à la scolarité)',
      periodStart: '2027-09-01',
      periodEnd: '2028-06-30',
    });
    expect(clas.tranches.map((t) => [t.expectedDate, t.expectedCents])).toEqual([
      ['2027-10-15', 720_000],
      ['2028-07-31', 480_000],
    ]);
    const leap = renewApplication({ ...app('app-caf-clas'), periodStart: '2027-09-01', periodEnd: '2028-06-30' }, [
      { expectedDate: '2028-02-29', expectedCents: 100 },
    ]);
    expect(leap.tranches[0]?.expectedDate).toBe('2029-02-28');
  });

  it('finances the renewed actions when they are renewed too, else the same ones', () => {
    const map = new Map([[PROJECT_IDS.schooling, 'new-schooling']]);
    expect(renewApplication(app('app-caf-clas'), [], { projectIdMap: map }).application.projectIds).toEqual(['new-schooling']);
    expect(renewApplication(app('app-caf-clas'), []).application.projectIds).toEqual([PROJECT_IDS.schooling]);
  });
});

describe('renewing an action', () => {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...schooling } = fixtureProjects[0]!;
  const staff = fixtureProjectStaff.filter((s) => s.projectId === PROJECT_IDS.schooling);
  let n = 0;
  const newId = () => `new-${++n}`;

  it('moves its dates a year on, copies objectives and targets with new ids, drops achieved values and notes', () => {
    const withResults = {
      ...schooling,
      notes: 'Bilan 2027 : deux collégiens partis en cours d’année.',
      objectives: schooling.objectives.map((o) => ({ ...o, indicators: o.indicators.map((i) => ({ ...i, achieved: '22' })) })),
    };
    const renewed = renewProject(withResults, staff, { staffAvailable: () => true, agreementFor: (id) => id, newId });
    expect(renewed.project).toMatchObject({
      title: 'Accompagnement à la scolarité',
      startDate: '2028-01-04',
      endDate: '2028-12-17',
      beneficiaryCount: 24,
      qpvCodes: ['QP093028'],
    });
    expect(renewed.project).not.toHaveProperty('notes');
    expect(renewed.project.objectives.map((o) => o.label)).toEqual(schooling.objectives.map((o) => o.label));
    expect(renewed.project.objectives.flatMap((o) => o.indicators.map((i) => [i.label, i.target, i.achieved]))).toEqual([
      ['Collégiens suivis toute l’année', '24', undefined],
      ['Part des collégiens rendant leurs devoirs à temps selon les professeurs', '75 %', undefined],
      ['Parents présents aux rencontres trimestrielles', '18', undefined],
    ]);
    const oldIds = new Set(schooling.objectives.flatMap((o) => [o.id, ...o.indicators.map((i) => i.id)]));
    expect(renewed.project.objectives.flatMap((o) => [o.id, ...o.indicators.map((i) => i.id)]).some((id) => oldIds.has(id))).toBe(false);
    expect(renewed.staff).toEqual([
      { personId: TEAM_IDS.awa, sharePercent: 60, role: 'Animatrice' },
      { personId: TEAM_IDS.karim, sharePercent: 20, role: 'Coordination' },
    ]);
  });

  it('leaves out staff without a contract over the new dates and agreements that no longer run', () => {
    const renewed = renewProject(schooling, staff, {
      staffAvailable: (personId, from, to) => personId !== TEAM_IDS.awa && from === '2028-01-04' && to === '2028-12-17',
      agreementFor: (id) => (id === AGREEMENT_IDS.hallLoan ? undefined : id),
      newId,
    });
    expect(renewed.staff.map((s) => s.personId)).toEqual([TEAM_IDS.karim]);
    expect(renewed.staffLeft).toEqual([TEAM_IDS.awa]);
    expect(renewed.project.agreementIds).toEqual([AGREEMENT_IDS.schoolSupport]);
    expect(renewed.agreementsDropped).toEqual([AGREEMENT_IDS.hallLoan]);
  });
});

describe('renewing budget lines', () => {
  const lines = [
    { account: '6411', label: 'Animatrice', amountCents: 2_640_000, source: 'staff' as const, position: 0 },
    {
      account: '741',
      grantApplicationId: 'app-renewed',
      funderId: 'funder-state',
      amountCents: 1_800_000,
      source: 'application' as const,
      position: 0,
    },
    {
      account: '7441',
      grantApplicationId: 'app-cpo',
      funderId: 'funder-city',
      amountCents: 3_000_000,
      source: 'application' as const,
      position: 0,
    },
    {
      account: '746',
      grantApplicationId: 'app-ended',
      funderId: 'funder-caf',
      amountCents: 500_000,
      source: 'application' as const,
      position: 1,
    },
  ];
  it('follows a renewed request, keeps a CPO that still runs, unlinks an ended request keeping funder and amount', () => {
    const renewed = renewBudgetLines(lines, {
      applicationIdMap: new Map([['app-renewed', 'app-next']]),
      applicationCovers: (id) => id === 'app-cpo',
    });
    expect(renewed).toEqual([
      lines[0],
      { ...lines[1], grantApplicationId: 'app-next' },
      lines[2],
      { account: '746', funderId: 'funder-caf', amountCents: 500_000, position: 1 },
    ]);
  });
});

describe('renewing an agreement', () => {
  const withParties = (id: string) => {
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = fixtureAgreements.find((a) => a.id === id)!;
    return { ...fields, partnerIds: ['partner-city'] };
  };
  it('gives the next term of a fixed-term agreement, en préparation, unsigned, without last year’s grants', () => {
    const hall = renewAgreement({ ...withParties(AGREEMENT_IDS.hallLoan), grantIds: ['app-old'] });
    expect(hall).toMatchObject({
      ok: true,
      agreement: {
        title: 'Mise à disposition de la salle Gérard-Philipe',
        status: 'draft',
        startDate: '2027-07-01',
        endDate: '2028-06-30',
        yearlyAmountCents: 600_000,
        partnerIds: ['partner-city'],
        grantIds: [],
      },
    });
    expect(hall.ok && hall.agreement).not.toHaveProperty('signatureDate');
    const cpo = renewAgreement(withParties(AGREEMENT_IDS.cpo));
    expect(cpo).toMatchObject({
      ok: true,
      agreement: { title: 'Convention pluriannuelle d’objectifs 2027-2029', startDate: '2027-01-01', endDate: '2029-12-31' },
    });
  });
  it('refuses a tacitly renewed agreement: it renews itself', () => {
    expect(renewAgreement(withParties(AGREEMENT_IDS.schoolSupport))).toEqual({
      ok: false,
      message: 'Cette convention se reconduit tacitement\u00a0: il n’y a rien à créer.',
    });
  });
});
