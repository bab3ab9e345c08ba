import type { Funder } from '../funding/funder';
import { financesProject, type GrantApplication } from '../funding/grant-application';
import { formatWholeEuros } from '../money';
import { proratedYearlyCents, type Agreement } from '../partners/agreement';
import type { Project, ProjectStaff } from '../projects/project';
import { grantAccountFor, type AccountCode, type BudgetScope } from './accounts';
import type { BudgetLine, BudgetLineSource } from './budget';
import { applicationAmountCents, applicationAmountForYear, applicationBasis, roundToWholeEuros } from './budget-lines';
import type { AidScheme } from '../team/aided-post';
import { personName, type PersonRecord } from '../team/person';
import { teamYear, type ContractYear, type TeamData } from '../team/team-year';
import { periodsOverlap } from '../team/day-count';
import { asExercise, exerciseLabel, type AccountingExercise } from '../exercise';

// Amounts the app can propose for a budget, from what it already knows (DOMAIN.md §5): staff costs from
// the contracts, grants from the applications, aid from the aided posts, in-kind contributions from the
// agreements. A suggestion is never written by itself: the user accepts it (creating or updating a line)
// and may edit the line afterwards.

export interface BudgetSuggestion {
  /** Stable within one computation: names the suggestion for « Accepter » and for tests. */
  key: string;
  account: AccountCode;
  label: string;
  /** Whole euros, in cents. */
  amountCents: number;
  source: BudgetLineSource;
  grantApplicationId?: string;
  funderId?: string;
  /** Why this amount, in French: « 50 % du temps de Karim Benali en 2027 ». */
  explanation: string;
}

type WithId<T> = T & { id: string };

/** What suggestions are computed from: records out of the bin only (budgets-repository filters it, issue 21). */
export interface SuggestionInput {
  scope: BudgetScope;
  /** The year the budget's exercise starts in. */
  year: number;
  /** The association's exercise starting in `year` (the calendar year when absent). */
  exercise?: AccountingExercise;
  team: TeamData;
  funders: readonly WithId<Pick<Funder, 'name' | 'kind'>>[];
  applications: readonly WithId<GrantApplication>[];
  /** In-kind terms; agreements of the action only when `project` is given. */
  agreements: readonly WithId<
    Pick<
      Agreement,
      'title' | 'kind' | 'status' | 'terms' | 'yearlyAmountCents' | 'startDate' | 'endDate' | 'tacitRenewal' | 'renewalPeriodMonths'
    >
  >[];
  /** For a project budget: the action and its staff. */
  project?: WithId<Pick<Project, 'title' | 'agreementIds'>>;
  projectStaff?: readonly Pick<ProjectStaff, 'personId' | 'sharePercent' | 'role'>[];
}

const AID_SCHEME_SHORT: Record<AidScheme, string> = {
  pec: 'PEC',
  'adulte-relais': 'adulte-relais',
  fonjep: 'FONJEP',
  regional: 'emploi aidé régional',
  other: 'emploi aidé',
};

const percentText = (share: number) => `${String(share).replace('.', ',')}\u00a0%`;

function sumContracts(contracts: readonly ContractYear[], pick: (c: ContractYear) => number): number {
  return contracts.reduce((sum, c) => sum + pick(c), 0);
}

function exerciseOf(input: SuggestionInput): AccountingExercise {
  return input.exercise ?? asExercise(input.year);
}

function staffSuggestions(input: SuggestionInput): BudgetSuggestion[] {
  const exercise = exerciseOf(input);
  const label = exerciseLabel(exercise);
  const year = teamYear(input.team, exercise);
  if (input.scope === 'association') {
    if (year.contracts.length === 0) return [];
    const gross = year.grossCents;
    const charges = year.employerCostCents - year.grossCents;
    const count = year.contracts.length;
    const contracts = count === 1 ? '1 contrat' : `${count} contrats`;
    return [
      {
        key: 'staff:team:salaries',
        account: '64.salaries',
        label: 'Salaires bruts de l’équipe',
        amountCents: roundToWholeEuros(gross),
        source: 'staff',
        explanation: `Salaires bruts de l’équipe en ${label} (${contracts}).`,
      },
      {
        key: 'staff:team:social',
        account: '64.social',
        label: 'Charges patronales de l’équipe',
        amountCents: roundToWholeEuros(charges),
        source: 'staff',
        explanation: `Charges patronales de l’équipe en ${label} (${contracts}).`,
      },
      ...year.contracts
        .filter((c) => c.aidExpectedCents > 0)
        .map((c) => aidSuggestion(c, 100, personOf(input.team.people, c.contract.personId), label)),
    ];
  }
  const people = new Map(input.team.people.map((p) => [p.id, p]));
  const suggestions: BudgetSuggestion[] = [];
  for (const assignment of input.projectStaff ?? []) {
    const person = people.get(assignment.personId);
    if (!person) continue;
    const own = year.contracts.filter((c) => c.contract.personId === assignment.personId);
    if (own.length === 0) continue;
    const name = personName(person);
    const share = assignment.sharePercent;
    const why = `${percentText(share)} du temps de ${name} en ${label}`;
    const gross = sumContracts(own, (c) => c.grossCents);
    const charges = sumContracts(own, (c) => c.employerCostCents - c.grossCents);
    suggestions.push(
      {
        key: `staff:${person.id}:salaries`,
        account: '64.salaries',
        label: name,
        amountCents: roundToWholeEuros((gross * share) / 100),
        source: 'staff',
        explanation: `${why} (salaire brut de l’année\u00a0: ${formatWholeEuros(gross)}).`,
      },
      {
        key: `staff:${person.id}:social`,
        account: '64.social',
        label: name,
        amountCents: roundToWholeEuros((charges * share) / 100),
        source: 'staff',
        explanation: `${why} (charges patronales de l’année\u00a0: ${formatWholeEuros(charges)}).`,
      },
    );
    for (const c of own.filter((c) => c.aidExpectedCents > 0)) suggestions.push(aidSuggestion(c, share, person, label));
  }
  return suggestions;
}

function personOf(people: readonly PersonRecord[], id: string): PersonRecord | undefined {
  return people.find((p) => p.id === id);
}

/**
 * Where an aid is booked among the 74 lines: the ASP pays PEC and adulte-relais aid (74 ASP); a FONJEP post is
 * a State aid paid by the FONJEP on the ministry's behalf (74 État, DOMAIN.md §3); a region's aid on 74 Région.
 */
const AID_ACCOUNT: Record<AidScheme, AccountCode> = {
  pec: '74.asp',
  'adulte-relais': '74.asp',
  fonjep: '74.state',
  regional: '74.region',
  other: '74.asp',
};

/** An aided post's aid is a produit on its 74 line; the cost stays whole on line 64 (not deducted). */
function aidSuggestion(c: ContractYear, share: number, person: PersonRecord | undefined, year: string): BudgetSuggestion {
  const name = person ? personName(person) : 'une personne de l’équipe';
  const scheme = c.aidedPost ? AID_SCHEME_SHORT[c.aidedPost.scheme] : 'emploi aidé';
  const whole = c.aidExpectedCents;
  const part = share === 100 ? 'Aide' : `${percentText(share)} de l’aide`;
  return {
    key: `aid:${c.contract.id}`,
    account: c.aidedPost ? AID_ACCOUNT[c.aidedPost.scheme] : '74.asp',
    label: `Aide ${scheme} — ${name}`,
    amountCents: roundToWholeEuros((whole * share) / 100),
    source: 'staff',
    explanation: `${part} au poste (${scheme}) de ${name} attendue en ${year}\u00a0: ${formatWholeEuros(whole)}.`,
  };
}

const BASIS_TEXT = {
  agreed: 'montant conventionné',
  granted: 'montant accordé',
  requested: 'montant demandé',
  refused: 'refusée',
} as const;

function applicationSuggestions(input: SuggestionInput): BudgetSuggestion[] {
  const exercise = exerciseOf(input);
  const label = exerciseLabel(exercise);
  const funders = new Map(input.funders.map((f) => [f.id, f]));
  return (
    input.applications
      .filter((app) => applicationBasis(app) !== 'refused')
      .filter((app) => periodsOverlap(app.periodStart, app.periodEnd, exercise.start, exercise.end))
      // An action's budget takes the applications linked to it (their « actions financées »), never a title match.
      .filter((app) => input.project === undefined || financesProject(app, input.project.id))
      .flatMap((app) => {
        const funder = funders.get(app.funderId);
        if (!funder) return [];
        const amountCents = applicationAmountForYear(app, exercise);
        const basis = BASIS_TEXT[applicationBasis(app)];
        const whole = app.periodStart >= exercise.start && app.periodEnd <= exercise.end;
        const part = whole
          ? basis
          : `part de l’exercice ${label} du ${basis} (${formatWholeEuros(applicationAmountCents(app))}), au prorata des jours de la période`;
        return [
          {
            key: `application:${app.id}`,
            account: grantAccountFor(funder.kind),
            label: funder.name,
            amountCents,
            source: 'application' as const,
            grantApplicationId: app.id,
            funderId: app.funderId,
            explanation: `Demande « ${app.title} »\u00a0: ${part}.`,
          },
        ];
      })
  );
}

function inKindSuggestions(input: SuggestionInput): BudgetSuggestion[] {
  const exercise = exerciseOf(input);
  const linked = input.project ? new Set(input.project.agreementIds) : undefined;
  return input.agreements
    .filter((a) => a.terms === 'in-kind' && a.status !== 'draft')
    .filter((a) => linked === undefined || linked.has(a.id))
    .flatMap((a) => {
      const amountCents = roundToWholeEuros(proratedYearlyCents(a, exercise));
      if (amountCents === 0) return [];
      const [use, resource] = a.kind === 'service' ? (['862', '871'] as const) : (['861', '871'] as const);
      const explanation = `Convention « ${a.title} »\u00a0: valorisation de ${formatWholeEuros(a.yearlyAmountCents ?? 0)} par an, pour ses jours de l’exercice ${exerciseLabel(exercise)}.`;
      const label = a.title;
      return [
        { key: `in-kind:${a.id}:use`, account: use, label, amountCents, source: 'in-kind' as const, explanation },
        { key: `in-kind:${a.id}:resource`, account: resource, label, amountCents, source: 'in-kind' as const, explanation },
      ];
    });
}

/** Every suggestion for the budget, staff first, then grants, then the 86/87 pairs. */
export function suggestBudgetLines(input: SuggestionInput): BudgetSuggestion[] {
  return [...staffSuggestions(input), ...applicationSuggestions(input), ...inKindSuggestions(input)];
}

type ExistingLine = Pick<BudgetLine, 'account' | 'label' | 'amountCents' | 'grantApplicationId' | 'source'> & { id: string };

/**
 * The line a suggestion would update: the line linked to the same application, or the line of the same
 * source, account and précision. Undefined when accepting would add a new line.
 */
export function lineForSuggestion<L extends ExistingLine>(suggestion: BudgetSuggestion, lines: readonly L[]): L | undefined {
  if (suggestion.grantApplicationId !== undefined) {
    return lines.find((l) => l.grantApplicationId === suggestion.grantApplicationId);
  }
  return lines.find((l) => l.source === suggestion.source && l.account === suggestion.account && l.label === suggestion.label);
}

export type SuggestionState = 'new' | 'different' | 'accepted';

/** Whether a suggestion is already in the budget with the same amount, there with another, or absent. */
export function suggestionState(
  suggestion: BudgetSuggestion,
  lines: readonly ExistingLine[],
  amountOf?: (line: ExistingLine) => number,
): SuggestionState {
  const line = lineForSuggestion(suggestion, lines);
  if (!line) return 'new';
  const amount = amountOf ? amountOf(line) : line.amountCents;
  return amount === suggestion.amountCents ? 'accepted' : 'different';
}
