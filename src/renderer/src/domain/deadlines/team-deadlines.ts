import { formatDateShort, type IsoDate } from '../dates';
import { amendmentsOf, effectiveEndDate } from '../team/amendment';
import { aidSchemeLabel, type AidedPostRecord } from '../team/aided-post';
import { contractKindLabel, FIXED_TERM_KINDS, isEmployment, type ContractKind, type ContractRecord } from '../team/contract';
import { addMonthsIso, addYearsIso } from '../team/day-count';
import { personName, type PersonRecord } from '../team/person';
import { liveTeam, type TeamData } from '../team/team-year';
import { currentTrialEnd, type TrialRules } from '../team/trial-period';
import { addWorkingDays } from '../working-days';
import { deadlineKey, type Deadline } from './deadline';

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
const FIXED_TERM_END_TITLES: Record<ContractKind, string> = {
  cdi: 'Fin du CDI',
  cdd: 'Fin du CDD',
  pec: 'Fin du contrat PEC',
  'adulte-relais': 'Fin du contrat adulte-relais',
  apprenticeship: 'Fin du contrat d’apprentissage',
  professionalisation: 'Fin du contrat de professionnalisation',
  'civic-service': 'Fin de l’engagement de service civique',
};
/** First medical visit (visite d’information et de prévention): within 3 months, 2 for apprentices. */
const MEDICAL_VISIT_MONTHS = 3;
const APPRENTICE_MEDICAL_VISIT_MONTHS = 2;
const PROFESSIONAL_INTERVIEW_YEARS = 2;
/** The OPCO must receive an apprenticeship contract within 5 jours ouvrables of its start (Code du travail). */
const OPCO_FILING_WORKING_DAYS = 5;

export function teamDeadlines(data: TeamData, today: IsoDate, options: TeamDeadlineOptions = {}): Deadline[] {
  const team = liveTeam(data);
  const people = new Map(team.people.map((p) => [p.id, p]));
  // Amendments and aided posts grouped by contract once rather than searched for each contract.
  const amendmentsByContract = new Map<string, (typeof team.amendments)[number][]>();
  for (const amendment of team.amendments) {
    const own = amendmentsByContract.get(amendment.contractId);
    if (own) own.push(amendment);
    else amendmentsByContract.set(amendment.contractId, [amendment]);
  }
  const postByContract = new Map<string, (typeof team.aidedPosts)[number]>();
  for (const post of team.aidedPosts) if (!postByContract.has(post.contractId)) postByContract.set(post.contractId, post);
  const deadlines: Deadline[] = [];
  for (const contract of team.contracts) {
    const person = people.get(contract.personId);
    if (!person) continue;
    const own = amendmentsOf(contract.id, amendmentsByContract.get(contract.id) ?? []);
    deadlines.push(...contractDeadlines(contract, person, effectiveEndDate(contract, own), today, options));
    const post = postByContract.get(contract.id);
    if (post) {
      const renewal = aidRenewalDeadline(post, contract, person);
      if (renewal) deadlines.push(renewal);
    }
  }
  return deadlines;
}

function contractDeadlines(
  contract: ContractRecord,
  person: PersonRecord,
  end: IsoDate | undefined,
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
    link: `/equipe/${person.id}`,
    sourceLabel: SOURCE_LABEL,
    ...(detail === undefined ? {} : { detail }),
  });
  const stillRunningOn = (date: IsoDate) => end === undefined || date <= end;
  const list: Deadline[] = [];

  const trialEnd = currentTrialEnd(contract, options.trialRules ?? 'legal');
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
    list.push(make('fixed-term-end', FIXED_TERM_END_TITLES[contract.kind], end, `${kindLabel} du ${formatDateShort(contract.startDate)} au ${formatDateShort(end)}`));
  }

  // A volunteer is no employee: no DPAE, no occupational-health visit, no professional interview.
  if (!isEmployment(contract)) return list;

  if (contract.dpaeDate === undefined) {
    // The DPAE is due before the first hour of work (and at most 8 days before): the start day at the latest.
    list.push(make('dpae', 'DPAE à déclarer avant l’embauche', contract.startDate, `Embauche le ${formatDateShort(contract.startDate)}`));
  }

  if (contract.firstMedicalVisitDate === undefined) {
    const months = contract.kind === 'apprenticeship' ? APPRENTICE_MEDICAL_VISIT_MONTHS : MEDICAL_VISIT_MONTHS;
    const due = addMonthsIso(contract.startDate, months);
    if (stillRunningOn(due)) {
      list.push(make('first-medical-visit', 'Visite d’information et de prévention', due, `Dans les ${months} mois de l’embauche`));
    }
  }

  if (contract.kind === 'apprenticeship' && contract.opcoFilingDate === undefined) {
    list.push(
      make(
        'opco-filing',
        'Contrat d’apprentissage à déposer auprès de l’OPCO',
        addWorkingDays(contract.startDate, OPCO_FILING_WORKING_DAYS, 'ouvrables', options.alsaceMoselle ?? false),
        `Dans les 5 jours ouvrables suivant le début (${formatDateShort(contract.startDate)})`,
      ),
    );
  }

  list.push(...professionalInterviews(contract, end, today, make));
  return list;
}

/**
 * Professional interviews fall every 2 years from the start, for as long as the contract runs. Only the
 * latest one due and the next one matter: an older occurrence is superseded by the one after it.
 */
function professionalInterviews(
  contract: ContractRecord,
  end: IsoDate | undefined,
  today: IsoDate,
  make: (rule: string, title: string, dueDate: IsoDate, detail?: string, occurrence?: number) => Deadline,
): Deadline[] {
  const list: Deadline[] = [];
  let latestPast: Deadline | undefined;
  for (let n = 1; ; n += 1) {
    const due = addYearsIso(contract.startDate, PROFESSIONAL_INTERVIEW_YEARS * n);
    if (end !== undefined && due > end) break;
    const detail = n % 3 === 0 ? `${n * 2} ans d’ancienneté : entretien avec état des lieux récapitulatif` : `${n * 2} ans d’ancienneté`;
    const deadline = make('professional-interview', 'Entretien professionnel', due, detail, n);
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
    link: `/equipe/${person.id}`,
    sourceLabel: SOURCE_LABEL,
    detail: `Aide jusqu’au ${formatDateShort(post.aidEndDate)}, demande ${post.renewalLeadMonths}\u00a0mois avant${post.funder ? ` — ${post.funder}` : ''}`,
  };
}
