import { formatDateShort, type IsoDate } from '../dates';
import { absenceKindLabel, returnVisitDue, RETURN_VISIT_WITHIN_DAYS, type AbsenceRecord } from '../team/absence';
import { amendmentsOf, effectiveEndDate } from '../team/amendment';
import { aidSchemeLabel, type AidedPostRecord } from '../team/aided-post';
import { contractKindLabel, FIXED_TERM_KINDS, isEmployment, type ContractRecord } from '../team/contract';
import { CONTRACT_KIND_RULES } from '../team/contract-kinds';
import { addDaysIso, addMonthsIso, addYearsIso, periodEndAfterMonths } from '../team/day-count';
import { personName, type PersonRecord } from '../team/person';
import type { TeamData } from '../team/team-year';
import { trialEndInForce, type DatedContract } from '../team/successive-contracts';
import type { TrialRules } from '../team/trial-period';
import { addWorkingDays } from '../working-days';
import { deadlineKey, type Deadline } from './deadline';
import { groupBy } from '../group-by';

// Staff deadlines (DOMAIN.md §3 and §8), derived from the Équipe records and "today" (DESIGN.md decision 9).
// Produced whether past or future — the engine classifies them: a passed milestone (end of a trial period,
// of a contract) leaves the list, an obligation stays until its date is recorded on the contract (DPAE,
// first medical visit, OPCO filing), it is marked done or dismissed (deadline.ts, engine.ts).

export interface TeamDeadlineOptions {
  /** Trial-period defaults: the legal maxima, or ÉCLAT's (from the association's collective agreement). */
  trialRules?: TrialRules;
  /** Alsace-Moselle has two more public holidays, which shift working-day deadlines. */
  alsaceMoselle?: boolean;
}

const SOURCE_LABEL = 'Équipe';

/** First medical visit (visite d’information et de prévention): within 3 months; each kind's is in its table. */
const MEDICAL_VISIT_MONTHS = 3;
/**
 * Entretien (de parcours) professionnel, L6315-1 as amended by loi n° 2025-989 (in force 26 Oct 2025):
 * within the first year after hiring, then every 4 years of seniority, every second one (8 years) with an
 * état des lieux récapitulatif; seniority runs from the first of successive contracts.
 */
const PROFESSIONAL_INTERVIEW_YEARS = 4;
/**
 * Contracts of one person that follow each other with at most this many days between them are one
 * employment for seniority (a CDD followed by a CDI, L1243-11; a weekend or a bridge between two CDD).
 */
export const SUCCESSIVE_CONTRACT_GAP_DAYS = 7;

export function teamDeadlines(data: TeamData, today: IsoDate, options: TeamDeadlineOptions = {}): Deadline[] {
  // Live records only: the repositories leave the bin out (data/live-records.ts).
  const team = data;
  const people = new Map(team.people.map((p) => [p.id, p]));
  // Amendments and aided posts grouped by contract once rather than searched for each contract.
  const amendmentsByContract = groupBy(team.amendments, (a) => a.contractId);
  const postByContract = new Map<string, (typeof team.aidedPosts)[number]>();
  for (const post of team.aidedPosts) if (!postByContract.has(post.contractId)) postByContract.set(post.contractId, post);
  const chains = employmentChains(team.contracts, (c) => effectiveEndDate(c, amendmentsOf(c.id, amendmentsByContract.get(c.id) ?? [])));
  const deadlines: Deadline[] = [];
  // Each person's contracts with their ends, for the trial period that prior fixed-term time shortens.
  const datedByPerson = groupBy(
    team.contracts.map((c): DatedContract => ({
      ...c,
      end: effectiveEndDate(c, amendmentsOf(c.id, amendmentsByContract.get(c.id) ?? [])),
    })),
    (c) => c.personId,
  );
  for (const contract of team.contracts) {
    const person = people.get(contract.personId);
    if (!person) continue;
    const own = amendmentsOf(contract.id, amendmentsByContract.get(contract.id) ?? []);
    const end = effectiveEndDate(contract, own);
    const trialEnd = trialEndInForce({ ...contract, end }, options.trialRules ?? 'legal', datedByPerson.get(contract.personId) ?? []);
    deadlines.push(...contractDeadlines(contract, person, end, trialEnd, today, options));
    const chain = chains.get(contract.id);
    if (chain && chain.last === contract) deadlines.push(...professionalInterviews(chain, person, today));
    const post = postByContract.get(contract.id);
    if (post) {
      const renewal = aidRenewalDeadline(post, contract, person);
      if (renewal) deadlines.push(renewal);
    }
  }
  const contracts = new Map(team.contracts.map((c) => [c.id, c]));
  for (const absence of team.absences ?? []) {
    const contract = contracts.get(absence.contractId);
    const person = contract ? people.get(contract.personId) : undefined;
    if (!contract || !person || !isEmployment(contract)) continue;
    const end = effectiveEndDate(contract, amendmentsOf(contract.id, amendmentsByContract.get(contract.id) ?? []));
    const visit = returnVisitDeadline(absence, person, end);
    if (visit) deadlines.push(visit);
  }
  return deadlines;
}

/**
 * The examen de reprise after a maternity leave, an occupational disease, a work accident of 30 days or
 * more, or a sickness of 60 days or more (R4624-31): due within 8 days of the return, until its date is on
 * the absence. None when the contract ends before work resumes (staff deadlines stop with the contract).
 */
function returnVisitDeadline(absence: AbsenceRecord, person: PersonRecord, contractEnd: IsoDate | undefined): Deadline | null {
  const due = returnVisitDue(absence);
  if (due === null || absence.returnVisitDate !== undefined || absence.endDate === undefined) return null;
  const resumes = addDaysIso(absence.endDate, 1);
  if (contractEnd !== undefined && resumes > contractEnd) return null;
  const rule = 'return-to-work-visit';
  return {
    key: deadlineKey('contract', absence.id, rule),
    source: 'contract',
    rule,
    title: `Examen de reprise — ${personName(person)}`,
    dueDate: due,
    target: { screen: 'person', id: person.id },
    sourceLabel: SOURCE_LABEL,
    detail: `${absenceKindLabel(absence.kind)} du ${formatDateShort(absence.startDate)} au ${formatDateShort(absence.endDate)} : reprise le ${formatDateShort(resumes)}, examen dans les ${RETURN_VISIT_WITHIN_DAYS} jours (R4624-31)`,
  };
}

function contractDeadlines(
  contract: ContractRecord,
  person: PersonRecord,
  end: IsoDate | undefined,
  trialEnd: IsoDate | undefined,
  today: IsoDate,
  options: TeamDeadlineOptions,
): Deadline[] {
  const name = personName(person);
  const kindLabel = contractKindLabel(contract.kind);
  const make = (rule: string, title: string, dueDate: IsoDate, detail?: string, occurrence?: number): Deadline => ({
    key: deadlineKey('contract', contract.id, rule, occurrence),
    source: 'contract',
    rule,
    title: `${title} — ${name}`,
    dueDate,
    target: { screen: 'person', id: person.id },
    sourceLabel: SOURCE_LABEL,
    ...(detail === undefined ? {} : { detail }),
  });
  const stillRunningOn = (date: IsoDate) => end === undefined || date <= end;
  const list: Deadline[] = [];

  if (trialEnd !== undefined && stillRunningOn(trialEnd)) {
    const renewed = contract.trialRenewalEnd !== undefined;
    list.push(
      make(
        'trial-period-end',
        renewed ? 'Fin de la période d’essai renouvelée' : 'Fin de la période d’essai',
        trialEnd,
        `${kindLabel} commencé le ${formatDateShort(contract.startDate)}`,
      ),
    );
  }

  if (FIXED_TERM_KINDS.has(contract.kind) && end !== undefined && contract.actualEndDate === undefined) {
    list.push(
      make(
        'fixed-term-end',
        CONTRACT_KIND_RULES[contract.kind].endTitle,
        end,
        `${kindLabel} du ${formatDateShort(contract.startDate)} au ${formatDateShort(end)}`,
      ),
    );
  }

  // A volunteer is no employee: no DPAE, no occupational-health visit, no professional interview.
  if (!isEmployment(contract)) return list;

  if (contract.dpaeDate === undefined) {
    // The DPAE is due before the first hour of work (and at most 8 days before): the start day at the latest.
    list.push(make('dpae', 'DPAE à déclarer avant l’embauche', contract.startDate, `Embauche le ${formatDateShort(contract.startDate)}`));
  }

  if (contract.firstMedicalVisitDate === undefined && contract.visitBeforePost === true) {
    // R4624-18: a worker under 18 or a night worker has it before being assigned to the post.
    list.push(
      make(
        'first-medical-visit',
        'Visite d’information et de prévention',
        contract.startDate,
        'Avant la prise de poste (mineur·e ou travail de nuit, R4624-18)',
      ),
    );
  } else if (contract.firstMedicalVisitDate === undefined) {
    const months = CONTRACT_KIND_RULES[contract.kind].firstMedicalVisitMonths ?? MEDICAL_VISIT_MONTHS;
    const due = addMonthsIso(contract.startDate, months);
    if (stillRunningOn(due)) {
      list.push(make('first-medical-visit', 'Visite d’information et de prévention', due, `Dans les ${months} mois de l’embauche`));
    }
  }

  // The OPCO receives an apprenticeship (D6224-1) or professionalisation (D6325-1) contract within 5 days.
  const opco = CONTRACT_KIND_RULES[contract.kind].opcoFiling;
  if (opco !== null && contract.opcoFilingDate === undefined) {
    const ouvrables = opco.count === 'ouvrables';
    list.push(
      make(
        'opco-filing',
        `${kindLabel} à déposer auprès de l’OPCO`,
        ouvrables
          ? addWorkingDays(contract.startDate, opco.days, 'ouvrables', options.alsaceMoselle ?? false)
          : addDaysIso(contract.startDate, opco.days),
        `Dans les ${opco.days} jours${ouvrables ? ' ouvrables' : ''} suivant le début (${formatDateShort(contract.startDate)}, ${opco.article})`,
      ),
    );
  }

  return list;
}

/** One employment: successive contracts of a person, the first giving the seniority. */
export interface EmploymentChain {
  first: ContractRecord;
  last: ContractRecord;
  /** The end of the last contract; undefined while open-ended. */
  end: IsoDate | undefined;
}

/** Each employment contract's chain (volunteers' engagements are no employment). */
export function employmentChains(
  contracts: readonly ContractRecord[],
  endOf: (contract: ContractRecord) => IsoDate | undefined,
): Map<string, EmploymentChain> {
  const byPerson = groupBy(contracts.filter(isEmployment), (c) => c.personId);
  const chains = new Map<string, EmploymentChain>();
  for (const own of byPerson.values()) {
    own.sort((a, b) => a.startDate.localeCompare(b.startDate));
    let chain: EmploymentChain | undefined;
    const members: ContractRecord[] = [];
    const close = () => {
      if (chain) for (const m of members) chains.set(m.id, chain);
      members.length = 0;
    };
    for (const c of own) {
      const end = endOf(c);
      const follows =
        chain !== undefined && (chain.end === undefined || c.startDate <= addDaysIso(chain.end, SUCCESSIVE_CONTRACT_GAP_DAYS + 1));
      if (chain && follows) {
        chain.last = c;
        chain.end = chain.end === undefined || end === undefined ? undefined : end > chain.end ? end : chain.end;
      } else {
        close();
        chain = { first: c, last: c, end };
      }
      members.push(c);
    }
    close();
  }
  return chains;
}

/** The due date of the n-th professional interview of an employment that started on `hired`. */
export function professionalInterviewDue(hired: IsoDate, n: number): IsoDate {
  // The first within the year after hiring (its last day, date to date); then every 4 years of seniority.
  return n === 1 ? periodEndAfterMonths(hired, 12) : addYearsIso(hired, PROFESSIONAL_INTERVIEW_YEARS * (n - 1));
}

/**
 * Professional interviews of one employment, for as long as it runs. Only the latest one due and the next
 * one matter: an older occurrence is superseded by the one after it. A departed employee has none: the
 * obligation stops with the contract. Keyed by the chain's first contract, so a CDD turned CDI keeps its
 * « fait ».
 */
function professionalInterviews(chain: EmploymentChain, person: PersonRecord, today: IsoDate): Deadline[] {
  if (chain.end !== undefined && chain.end < today) return [];
  const hired = chain.first.startDate;
  const rule = 'professional-interview';
  const list: Deadline[] = [];
  let latestPast: Deadline | undefined;
  for (let n = 1; n < 30; n += 1) {
    const due = professionalInterviewDue(hired, n);
    if (chain.end !== undefined && due > chain.end) break;
    const years = PROFESSIONAL_INTERVIEW_YEARS * (n - 1);
    const detail =
      n === 1
        ? `Dans la première année suivant l’embauche (${formatDateShort(hired)})`
        : years % 8 === 0
          ? `${years} ans d’ancienneté\u00a0: entretien avec état des lieux récapitulatif`
          : `${years} ans d’ancienneté`;
    const deadline: Deadline = {
      key: deadlineKey('contract', chain.first.id, rule, n),
      source: 'contract',
      rule,
      title: `Entretien professionnel — ${personName(person)}`,
      dueDate: due,
      target: { screen: 'person', id: person.id },
      sourceLabel: SOURCE_LABEL,
      detail,
    };
    if (due < today) {
      latestPast = deadline;
      continue;
    }
    list.push(deadline);
    break;
  }
  return latestPast ? [latestPast, ...list] : list;
}

function aidRenewalDeadline(post: AidedPostRecord, contract: ContractRecord, person: PersonRecord): Deadline | null {
  // A contract that ended before its aid did needs no renewal of that aid.
  if (contract.actualEndDate !== undefined && contract.actualEndDate < post.aidEndDate) return null;
  const rule = 'aid-renewal-request';
  return {
    key: deadlineKey('aidedPost', post.id, rule),
    source: 'aidedPost',
    rule,
    title: `Demande de renouvellement de l’aide (${aidSchemeLabel(post.scheme).split(' (')[0]}) — ${personName(person)}`,
    dueDate: addMonthsIso(post.aidEndDate, -post.renewalLeadMonths),
    target: { screen: 'person', id: person.id },
    sourceLabel: SOURCE_LABEL,
    detail: `Aide jusqu’au ${formatDateShort(post.aidEndDate)}, demande ${post.renewalLeadMonths}\u00a0mois avant${post.funder ? ` — ${post.funder}` : ''}`,
  };
}
