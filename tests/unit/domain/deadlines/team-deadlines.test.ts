import { describe, expect, it } from 'vitest';
import { teamDeadlines } from '../../../../src/renderer/src/domain/deadlines/team-deadlines';
import { addWorkingDays, isWorkingDay } from '../../../../src/renderer/src/domain/working-days';
import type { ContractRecord } from '../../../../src/renderer/src/domain/team/contract';
import { fixtureTeam, TEAM_IDS } from '../../../fixtures/team';

const TODAY = '2026-05-15';

function byKey(today = TODAY, data = fixtureTeam, options = {}) {
  return Object.fromEntries(teamDeadlines(data, today, options).map((d) => [d.key, d]));
}

describe('working days', () => {
  it.each([
    // Monday 7 Sep 2026 + 5 jours ouvrables (Saturday counts) → Saturday 12.
    ['2026-09-07', 'ouvrables', '2026-09-12'],
    // … in jours ouvrés → Monday 14.
    ['2026-09-07', 'ouvres', '2026-09-14'],
    // Over 11 November (Wednesday) and a Sunday: Mon 9 → Tue 10, Thu 12, Fri 13, Sat 14, Mon 16.
    ['2026-11-09', 'ouvrables', '2026-11-16'],
    // Over Ascension (Thursday 14 May 2026).
    ['2026-05-11', 'ouvres', '2026-05-19'],
  ] as const)('5 working days after %s (%s) is %s', (from, kind, expected) => {
    expect(addWorkingDays(from, 5, kind)).toBe(expected);
  });

  it('knows the Alsace-Moselle holidays', () => {
    expect(isWorkingDay('2026-12-26', 'ouvrables')).toBe(true);
    expect(isWorkingDay('2026-12-26', 'ouvrables', true)).toBe(false);
    expect(isWorkingDay('2026-04-03', 'ouvres', true)).toBe(false); // Vendredi saint
  });
});

describe('staff deadlines of the sample team on 15 May 2026', () => {
  const all = byKey();

  it('links every deadline to the person’s page, under « Équipe », with unique keys', () => {
    const list = teamDeadlines(fixtureTeam, TODAY);
    expect(new Set(list.map((d) => d.key)).size).toBe(list.length);
    for (const d of list) {
      expect(d.sourceLabel).toBe('Équipe');
      expect(d.target).toMatchObject({ screen: 'person', id: expect.stringMatching(/^a3c1f0e2-/) });
    }
  });

  it('the PEC renewal request falls 2 months before the aid ends', () => {
    expect(all[`aidedPost:${TEAM_IDS.sofianePost}:aid-renewal-request`]).toEqual({
      key: `aidedPost:${TEAM_IDS.sofianePost}:aid-renewal-request`,
      source: 'aidedPost',
      rule: 'aid-renewal-request',
      title: 'Demande de renouvellement de l’aide (PEC) — Sofiane Haddad',
      dueDate: '2026-10-31',
      target: { screen: 'person', id: TEAM_IDS.sofiane },
      sourceLabel: 'Équipe',
      detail: 'Aide jusqu’au 31 déc. 2026, demande 2\u00a0mois avant — État — France Travail (prescripteur), aide versée par l’ASP',
    });
    expect(all[`aidedPost:${TEAM_IDS.fatouPost}:aid-renewal-request`]?.dueDate).toBe('2027-06-01');
  });

  it('ends of fixed-term contracts follow their renewals', () => {
    expect(all[`contract:${TEAM_IDS.sofianePec}:fixed-term-end`]).toMatchObject({
      title: 'Fin du contrat PEC — Sofiane Haddad',
      dueDate: '2026-12-31',
    });
    expect(all[`contract:${TEAM_IDS.awaCdd2}:fixed-term-end`]).toMatchObject({ title: 'Fin du CDD — Awa Diop', dueDate: '2026-02-28' });
    expect(all[`contract:${TEAM_IDS.inesCivicService}:fixed-term-end`]).toMatchObject({
      title: 'Fin de l’engagement de service civique — Inès Moreau',
      dueDate: '2026-09-30',
    });
    expect(all[`contract:${TEAM_IDS.karimCdi}:fixed-term-end`]).toBeUndefined();
  });

  it('trial periods: ÉCLAT for Awa’s CDI (technicienne, 2 months) less her CDD on the same job, past ones too', () => {
    // Her two CDD on the same job just before (3 Mar 2025 – 28 Feb 2026, 361 days) are deducted from the
    // CDI's trial period (L1243-11) and absorb it, under ÉCLAT (2 months) and the legal maxima (3) alike.
    expect(byKey(TODAY, fixtureTeam, { trialRules: 'eclat' })[`contract:${TEAM_IDS.awaCdi}:trial-period-end`]).toBeUndefined();
    expect(byKey()[`contract:${TEAM_IDS.awaCdi}:trial-period-end`]).toBeUndefined();
    // Without them: ÉCLAT's 2 months end on 1 May, the legal 3 months on 1 June.
    const alone = {
      ...fixtureTeam,
      contracts: fixtureTeam.contracts.filter((c) => c.id !== TEAM_IDS.awaCdd1 && c.id !== TEAM_IDS.awaCdd2),
    };
    expect(byKey(TODAY, alone, { trialRules: 'eclat' })[`contract:${TEAM_IDS.awaCdi}:trial-period-end`]?.dueDate).toBe('2026-05-01');
    expect(byKey(TODAY, alone)[`contract:${TEAM_IDS.awaCdi}:trial-period-end`]?.dueDate).toBe('2026-06-01');
    // Apprentice: 45 days from 7 September.
    expect(all[`contract:${TEAM_IDS.lucasApprenticeship}:trial-period-end`]?.dueDate).toBe('2026-10-21');
    // No trial period for a volunteer.
    expect(all[`contract:${TEAM_IDS.inesCivicService}:trial-period-end`]).toBeUndefined();
  });

  it('formalities not yet recorded: DPAE, first medical visit, OPCO filing', () => {
    expect(all[`contract:${TEAM_IDS.lucasApprenticeship}:dpae`]?.dueDate).toBe('2026-09-07');
    expect(all[`contract:${TEAM_IDS.lucasApprenticeship}:first-medical-visit`]?.dueDate).toBe('2026-11-07');
    expect(all[`contract:${TEAM_IDS.lucasApprenticeship}:opco-filing`]).toMatchObject({
      title: 'Contrat d’apprentissage à déposer auprès de l’OPCO — Lucas Martin',
      dueDate: '2026-09-12',
    });
    expect(all[`contract:${TEAM_IDS.awaCdi}:first-medical-visit`]?.dueDate).toBe('2026-06-02');
    // Recorded: nothing left to do.
    expect(all[`contract:${TEAM_IDS.karimCdi}:dpae`]).toBeUndefined();
    expect(all[`contract:${TEAM_IDS.karimCdi}:first-medical-visit`]).toBeUndefined();
    // A volunteer has none of these.
    expect(all[`contract:${TEAM_IDS.inesCivicService}:dpae`]).toBeUndefined();
  });

  it('professional interviews (L6315-1, loi 2025-989): within the first year, then every 4 years, état des lieux at 8', () => {
    const karim = Object.values(all).filter((d) => d.key.startsWith(`contract:${TEAM_IDS.karimCdi}:professional-interview`));
    // Hired 2 Sept 2019: first year ends 1 Sept 2020; 4 years on 2 Sept 2023; 8 years on 2 Sept 2027.
    expect(karim.map((d) => [d.key.split(':').pop(), d.dueDate, d.detail])).toEqual([
      ['2', '2023-09-02', '4 ans d’ancienneté'],
      ['3', '2027-09-02', '8 ans d’ancienneté\u00a0: entretien avec état des lieux récapitulatif'],
    ]);
    // Awa: two CDD then a CDI, each following the other within days — one employment from 3 March 2025,
    // its first interview due on 2 March 2026 and keyed by the first contract.
    const awa = Object.values(all).filter(
      (d) => d.rule === 'professional-interview' && d.target.screen === 'person' && d.target.id === TEAM_IDS.awa,
    );
    expect(awa.map((d) => [d.key, d.dueDate])).toEqual([
      [`contract:${TEAM_IDS.awaCdd1}:professional-interview:1`, '2026-03-02'],
      [`contract:${TEAM_IDS.awaCdd1}:professional-interview:2`, '2029-03-03'],
    ]);
  });

  // What is in the bin never gets here: the repositories leave it out (tests/unit/data/bin-filtering.test.ts).
  it('ignores contracts already over', () => {
    const ended = {
      ...fixtureTeam,
      contracts: fixtureTeam.contracts.map((c): ContractRecord =>
        c.id === TEAM_IDS.sofianePec ? { ...c, actualEndDate: '2026-06-30', endReason: 'Embauche ailleurs' } : c,
      ),
    };
    const endedKeys = Object.keys(byKey(TODAY, ended));
    expect(endedKeys).not.toContain(`contract:${TEAM_IDS.sofianePec}:fixed-term-end`);
    expect(endedKeys).not.toContain(`aidedPost:${TEAM_IDS.sofianePost}:aid-renewal-request`);
  });

  it('keys stay the same when dates change (the user’s « fait » stays attached)', () => {
    const moved = {
      ...fixtureTeam,
      aidedPosts: fixtureTeam.aidedPosts.map((p) => (p.id === TEAM_IDS.sofianePost ? { ...p, aidEndDate: '2027-03-31' } : p)),
    };
    expect(byKey(TODAY, moved)[`aidedPost:${TEAM_IDS.sofianePost}:aid-renewal-request`]?.dueDate).toBe('2027-01-31');
  });
});

describe('old staff deadlines', () => {
  it('no cut-off: old moments are produced, the engine decides what is shown (obligations-milestones.test.ts)', () => {
    const later = teamDeadlines(fixtureTeam, '2026-11-24');
    const dues = later.map((d) => [d.rule, d.dueDate] as const);
    // Karim's trial period ended in 2020: still produced, as a milestone that the engine leaves off.
    expect(dues).toContainEqual(['trial-period-end', '2020-01-01']);
    expect(dues).toContainEqual(['dpae', '2026-09-07']);
    // The last professional interview due stays however old.
    expect(later.some((d) => d.rule === 'professional-interview' && d.dueDate === '2023-09-02')).toBe(true);
  });
});

describe('professional interviews at their boundaries', () => {
  const person = { ...fixtureTeam.people[0]!, id: 'p', deletedAt: null };
  const cdi = (overrides: Partial<ContractRecord>): ContractRecord => ({
    ...fixtureTeam.contracts[0]!,
    id: 'c',
    personId: 'p',
    kind: 'cdi',
    startDate: '2024-02-29',
    plannedEndDate: undefined,
    actualEndDate: undefined,
    dpaeDate: '2024-02-29',
    firstMedicalVisitDate: '2024-03-10',
    deletedAt: null,
    ...overrides,
  });
  const interviews = (contracts: ContractRecord[], today: string) =>
    teamDeadlines({ people: [person], contracts, amendments: [], aidedPosts: [] }, today)
      .filter((d) => d.rule === 'professional-interview')
      .map((d) => d.dueDate);

  it.each([
    // Hired on 29 Feb 2024: the first year ends 28 Feb 2025; 4 years on 28 Feb 2028 (clamped).
    ['the day before the first is due', '2025-02-27', ['2025-02-28']],
    ['the day it is due', '2025-02-28', ['2025-02-28']],
    ['the day after', '2025-03-01', ['2025-02-28', '2028-02-29']],
  ])('%s', (_label, today, dues) => {
    expect(interviews([cdi({})], today)).toEqual(dues);
  });

  it('a departed employee has none, even one owed before leaving', () => {
    expect(interviews([cdi({ actualEndDate: '2025-06-30', endReason: 'Démission' })], '2025-06-30')).toEqual(['2025-02-28']);
    expect(interviews([cdi({ actualEndDate: '2025-06-30', endReason: 'Démission' })], '2025-07-01')).toEqual([]);
  });

  it('a CDD ending before the year is out has none; a CDI that follows it keeps its seniority', () => {
    const cdd = cdi({ id: 'cdd', kind: 'cdd', cddReason: 'Accroissement', startDate: '2024-01-08', plannedEndDate: '2024-06-28' });
    expect(interviews([cdd], '2024-03-01')).toEqual([]);
    // 8 days between them is a new employment; 7 days (29 June – 5 July) is the same.
    expect(interviews([cdd, cdi({ startDate: '2024-07-07' })], '2024-08-01')).toEqual(['2025-07-06']);
    expect(interviews([cdd, cdi({ startDate: '2024-07-06' })], '2024-08-01')).toEqual(['2025-01-07']);
  });
});
