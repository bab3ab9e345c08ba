import { describe, expect, it } from 'vitest';
import {
  lineForSuggestion,
  suggestBudgetLines,
  suggestionState,
  type SuggestionInput,
} from '../../../../src/renderer/src/domain/budgets/suggestions';
import { fixtureApplications, fixtureFunders } from '../../../fixtures/funding';
import { fixtureAgreements } from '../../../fixtures/partners';
import { fixtureProjects, fixtureProjectStaff, fixtureSchoolingBudgetLines, PROJECT_IDS } from '../../../fixtures/projects';
import { fixtureTeam, TEAM_IDS } from '../../../fixtures/team';

const NBSP = '\u00a0';
const schooling = fixtureProjects.find((p) => p.id === PROJECT_IDS.schooling)!;

const base: Omit<SuggestionInput, 'scope' | 'year'> = {
  team: fixtureTeam,
  funders: fixtureFunders,
  // The two schooling requests name the action they finance (the link, not their titles).
  applications: fixtureApplications,
  agreements: fixtureAgreements,
};

const amounts = (suggestions: { key: string; amountCents: number }[]) =>
  Object.fromEntries(suggestions.map((s) => [s.key, s.amountCents / 100]));

describe('staff suggestions for an action', () => {
  it('takes 50 % of Karim Benali’s 2026 salary and charges: 15 600 € and 7 020 €', () => {
    // CDI 2 600 €/month × 12 = 31 200 € gross; charges 45 % = 14 040 €.
    const suggestions = suggestBudgetLines({
      ...base,
      scope: 'project',
      year: 2026,
      project: { id: 'p', title: 'Projet sans demande', agreementIds: [] },
      projectStaff: [{ personId: TEAM_IDS.karim, sharePercent: 50 }],
    });
    expect(suggestions.map((s) => [s.account, s.label, s.amountCents / 100])).toEqual([
      ['64.salaries', 'Karim Benali', 15_600],
      ['64.social', 'Karim Benali', 7_020],
    ]);
    expect(suggestions[0]!.explanation).toBe(
      `50${NBSP}% du temps de Karim Benali en 2026 (salaire brut de l’année${NBSP}: 31${NBSP}200${NBSP}€).`,
    );
    expect(suggestions.every((s) => s.source === 'staff')).toBe(true);
  });

  it('gives the fixture action its staff lines, its two requests and the hall lent by the city for 2027', () => {
    const suggestions = suggestBudgetLines({
      ...base,
      scope: 'project',
      year: 2027,
      project: schooling,
      projectStaff: fixtureProjectStaff.filter((s) => s.projectId === schooling.id),
    });
    expect(amounts(suggestions)).toEqual({
      [`staff:${TEAM_IDS.awa}:salaries`]: 15_840, // 26 400 × 60 %
      [`staff:${TEAM_IDS.awa}:social`]: 6_653, // 11 088 × 60 % = 6 652,80
      [`staff:${TEAM_IDS.karim}:salaries`]: 6_240, // 31 200 × 20 %
      [`staff:${TEAM_IDS.karim}:social`]: 2_808, // 14 040 × 20 %
      'application:app-state-schooling-2027': 18_000, // à préparer: demandé
      'application:app-caf-clas': 6_571, // CLAS 2026-2027: 181 of its 303 days in 2027 × 11 000 € (6 570,96), not the whole
      [`in-kind:0b6f1d6e-0003-4a00-8000-000000000002:use`]: 2_975, // 6 000 € × 181/365
      [`in-kind:0b6f1d6e-0003-4a00-8000-000000000002:resource`]: 2_975,
    });
    const state = suggestions.find((s) => s.grantApplicationId === 'app-state-schooling-2027')!;
    expect(state).toMatchObject({ account: '74.state', funderId: 'funder-state', source: 'application' });
    expect(state.explanation).toBe(`Demande « Contrat de ville 2027 — Accompagnement à la scolarité »${NBSP}: montant demandé.`);
    expect(suggestions.filter((s) => s.source === 'in-kind').map((s) => s.account)).toEqual(['861', '871']);
  });

  it('takes only the applications linked to the action: a title naming it links nothing, a link without the title does', () => {
    const project = { id: 'p-cafe', title: 'Café des parents', agreementIds: [] };
    const titled = {
      ...fixtureApplications.find((a) => a.id === 'app-foundation')!,
      id: 'app-titled',
      title: 'Café des parents 2027',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
    };
    const linked = { ...titled, id: 'app-linked', title: 'Soutien à la parentalité', projectIds: ['p-cafe'] };
    const suggestions = suggestBudgetLines({
      ...base,
      applications: [titled, linked],
      scope: 'project',
      year: 2027,
      project,
      projectStaff: [],
    });
    expect(suggestions.filter((s) => s.source === 'application').map((s) => s.grantApplicationId)).toEqual(['app-linked']);
  });

  it('shares an aided post’s aid on the ASP line as the person’s time is shared, and keeps the cost whole', () => {
    // Fatou Camara, adulte-relais: 21 000 €/year, aid until 1 Sept 2027 → 244/365 → 14 038,36 €; 30 % → 4 211,51 → 4 212 €.
    const suggestions = suggestBudgetLines({
      ...base,
      scope: 'project',
      year: 2027,
      project: { id: 'p', title: 'Café des parents', agreementIds: [] },
      projectStaff: [{ personId: TEAM_IDS.fatou, sharePercent: 30 }],
    });
    const aid = suggestions.find((s) => s.account === '74.asp')!;
    expect(aid.amountCents).toBe(421_200);
    expect(aid.explanation).toBe(
      `30${NBSP}% de l’aide au poste (adulte-relais) de Fatou Camara attendue en 2027${NBSP}: 14${NBSP}038${NBSP}€.`,
    );
    // 8 months + 1 day of 1 900 €: 15 263,33 € gross × 30 % = 4 579 €.
    expect(suggestions.find((s) => s.account === '64.salaries')!.amountCents).toBe(457_900);
  });

  it('suggests nothing for a person with no contract in the year', () => {
    const suggestions = suggestBudgetLines({
      ...base,
      scope: 'project',
      year: 2027,
      project: { id: 'p', title: 'Projet', agreementIds: [] },
      projectStaff: [{ personId: TEAM_IDS.ines, sharePercent: 100 }],
    });
    expect(suggestions).toEqual([]);
  });
});

describe('suggestions for the association budget', () => {
  const suggestions = suggestBudgetLines({ ...base, scope: 'association', year: 2027 });

  it('takes the whole team’s 2027 figures and the ASP aid', () => {
    // Gross: Karim 31 200 + Awa 26 400 + Fatou 15 263,33 + Lucas 12 000 = 84 863,33 €.
    // Charges: 14 040 + 11 088 + 3 052,67 + 600 = 28 780,67 €.
    expect(amounts(suggestions.filter((s) => s.source === 'staff'))).toEqual({
      'staff:team:salaries': 84_863,
      'staff:team:social': 28_781,
      [`aid:${TEAM_IDS.fatouAdulteRelais}`]: 14_038,
    });
    expect(suggestions[0]!.explanation).toBe('Salaires bruts de l’équipe en 2027 (4 contrats).');
  });

  it('takes every application of 2027 not refused, on the line of its funder’s kind', () => {
    expect(suggestions.filter((s) => s.source === 'application').map((s) => [s.account, s.label, s.amountCents / 100])).toEqual([
      ['74.municipality', 'Ville de Saint-Denis', 29_973], // 365 of the CPO's 1 096 days × 90 000 €
      ['74.social-bodies', 'CAF de la Seine-Saint-Denis', 6_571],
      ['74.state', 'Préfecture de la Seine-Saint-Denis — politique de la ville', 18_000],
    ]);
    const cpo = suggestions.find((s) => s.grantApplicationId === 'app-city-cpo')!;
    expect(cpo.explanation).toBe(
      `Demande « Convention pluriannuelle d’objectifs 2026-2028 »${NBSP}: part de l’exercice 2027 du montant conventionné (90${NBSP}000${NBSP}€), au prorata des jours de la période.`,
    );
  });

  it('values the in-kind agreements of the year as 86/87 pairs', () => {
    expect(suggestions.filter((s) => s.source === 'in-kind').map((s) => [s.account, s.amountCents / 100])).toEqual([
      ['861', 2_975],
      ['871', 2_975],
    ]);
  });
});

describe('what an application suggests for the association’s 2027 budget, from its record', () => {
  // The 2027 request to the State for the schooling action: 18 000 € demandé, alone among the records.
  const request = fixtureApplications.find((a) => a.id === 'app-state-schooling-2027')!;
  const decided = { filedOn: '2026-11-20', decidedOn: '2027-02-10' };
  const suggested = (app: Partial<typeof request>, funders = fixtureFunders) =>
    suggestBudgetLines({
      ...base,
      team: { people: [], contracts: [], amendments: [], aidedPosts: [] },
      agreements: [],
      funders,
      applications: [{ ...request, ...app }],
      scope: 'association',
      year: 2027,
    }).map((s) => [s.account, s.amountCents / 100]);

  it.each([
    ['being prepared: the demandé', { status: 'to-prepare' }, [['74.state', 18_000]]],
    ['filed: the demandé', { status: 'filed', filedOn: '2026-11-20' }, [['74.state', 18_000]]],
    ['granted: the accordé', { status: 'granted', ...decided, grantedCents: 1_500_000 }, [['74.state', 15_000]]],
    [
      'under convention: the conventionné',
      { status: 'agreement-signed', ...decided, grantedCents: 1_500_000, agreedCents: 1_450_000, agreementSignedOn: '2027-03-01' },
      [['74.state', 14_500]],
    ],
    [
      'granted then clôturée: the accordé',
      { status: 'closed', ...decided, grantedCents: 1_500_000, closedOn: '2028-06-30' },
      [['74.state', 15_000]],
    ],
    ['refused: nothing', { status: 'refused', ...decided }, []],
    ['refused then clôturée: nothing', { status: 'closed', ...decided, closedOn: '2027-03-01' }, []],
    ['for the 2028 exercise: nothing', { periodStart: '2028-01-01', periodEnd: '2028-12-31' }, []],
    [
      'for September 2027 to August 2028: its 122 days of 2027',
      { periodStart: '2027-09-01', periodEnd: '2028-08-31' },
      [['74.state', 6_000]],
    ],
  ] as const)('%s', (_, app, expected) => {
    expect(suggested(app as Partial<typeof request>)).toEqual(expected);
  });

  // A funder (or an application) in the bin is left out by the repository: tests/unit/data/bin-filtering.test.ts.
  it('suggests nothing for the request of a funder not among the records', () => {
    const funders = fixtureFunders.filter((f) => f.id !== request.funderId);
    expect(suggested({}, funders)).toEqual([]);
  });
});

describe('accepting a suggestion', () => {
  const suggestions = suggestBudgetLines({
    ...base,
    scope: 'project',
    year: 2027,
    project: schooling,
    projectStaff: fixtureProjectStaff.filter((s) => s.projectId === schooling.id),
  });
  const lines = fixtureSchoolingBudgetLines.map((l) => ({ ...l }));

  it.each([
    ['application:app-state-schooling-2027', 'accepted'], // linked line of the same amount
    [`staff:${TEAM_IDS.awa}:social`, 'accepted'],
    ['application:app-caf-clas', 'new'], // the budget has an unlinked CAF line: a linked one is added
    [`in-kind:0b6f1d6e-0003-4a00-8000-000000000002:use`, 'accepted'],
  ])('%s is %s', (key, state) => {
    const suggestion = suggestions.find((s) => s.key === key)!;
    expect(suggestionState(suggestion, lines)).toBe(state);
  });

  it('finds the line to update when the amount changed', () => {
    const edited = lines.map((l) => (l.label === 'Karim Benali' && l.account === '64.salaries' ? { ...l, amountCents: 500_000 } : l));
    const suggestion = suggestions.find((s) => s.key === `staff:${TEAM_IDS.karim}:salaries`)!;
    expect(suggestionState(suggestion, edited)).toBe('different');
    expect(lineForSuggestion(suggestion, edited)?.id).toBe(
      lines.find((l) => l.label === 'Karim Benali' && l.account === '64.salaries')!.id,
    );
  });
});

describe('aid lines and the association’s exercise', () => {
  const fatouPost = fixtureTeam.aidedPosts.find((p) => p.contractId === TEAM_IDS.fatouAdulteRelais)!;
  const withScheme = (scheme: 'fonjep' | 'adulte-relais' | 'regional') => ({
    ...fixtureTeam,
    aidedPosts: fixtureTeam.aidedPosts.map((p) => (p.id === fatouPost.id ? { ...p, scheme } : p)),
  });
  const aidLine = (team: SuggestionInput['team']) =>
    suggestBudgetLines({ ...base, team, scope: 'association', year: 2027 }).find((s) => s.key === `aid:${TEAM_IDS.fatouAdulteRelais}`)!;

  it.each([
    ['adulte-relais', '74.asp'],
    ['fonjep', '74.state'],
    ['regional', '74.region'],
  ] as const)('books a %s aid on %s', (scheme, account) => {
    expect(aidLine(withScheme(scheme)).account).toBe(account);
  });

  it('names the exercise, not the calendar year, for a September–August association', () => {
    const exercise = { startYear: 2026, start: '2026-09-01', end: '2027-08-31' };
    const suggestions = suggestBudgetLines({ ...base, scope: 'association', year: 2026, exercise });
    expect(suggestions[0]!.explanation).toMatch(/^Salaires bruts de l’équipe en 2026-2027 /);
    // The CLAS (1 Sept 2026 – 30 June 2027) lies wholly in this exercise: its accordé in full, said plainly.
    const clas = suggestions.find((s) => s.grantApplicationId === 'app-caf-clas')!;
    expect(clas.amountCents).toBe(1_100_000);
    expect(clas.explanation).toBe(`Demande « CLAS 2026-2027 (accompagnement à la scolarité) »${NBSP}: montant accordé.`);
  });
});
