import { formatDateShort, type IsoDate } from '../dates';
import { addWorkingDays } from '../working-days';
import { CDD_CASE_RULES, cddCase } from './cdd-cases';
import { CONTRACT_KIND_RULES, type ContractKind } from './contract-kinds';
import type { Contract } from './contract';
import { addDaysIso, daysInclusive } from './day-count';
import { defaultTrialPeriodEnd, type TrialRules } from './trial-period';

// Rules between two contracts on the same job: the waiting period before another CDD (L1244-3-1, with
// the exceptions of L1244-4-1), and the fixed-term time deducted from the trial period of the CDI that
// follows (L1243-11; ÉCLAT art. 4.4.1 per DOMAIN.md §3 — the agreement's text could not be re-read here).
// Warnings only: the coordinator knows the facts (a new absence of the person replaced, a renewal refused).

/** A contract as these rules need it, with its end after avenants. */
export interface DatedContract {
  id: string;
  personId: string;
  kind: ContractKind;
  jobTitle: string;
  cddReason?: string | undefined;
  endReason?: string | undefined;
  startDate: IsoDate;
  end: IsoDate | undefined;
}

const sameJob = (a: string, b: string) => a.trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');

/**
 * L1244-3-1: the waiting period after a CDD is a third of its term, renewals included, when that term is
 * 14 days or more, half of it below 14 days — counted in days the association is open. Rounded up to the
 * whole day [à vérifier: the article says nothing of fractions; rounding up never lets a contract start early].
 */
export function waitingPeriodDays(previousStart: IsoDate, previousEnd: IsoDate): number {
  const term = daysInclusive(previousStart, previousEnd);
  return Math.ceil(term >= 14 ? term / 3 : term / 2);
}

/**
 * The first day another CDD on the job may start: the day after the waiting period's last opening day.
 * Opening days are taken as Monday to Friday except public holidays (an association's office); an
 * association open on Saturdays waits fewer calendar days, so this errs on the safe side.
 */
export function waitingPeriodEarliestStart(previousStart: IsoDate, previousEnd: IsoDate, alsaceMoselle = false): IsoDate {
  return addDaysIso(addWorkingDays(previousEnd, waitingPeriodDays(previousStart, previousEnd), 'ouvres', alsaceMoselle), 1);
}

/** L1244-4-1 6° and 7°: the employee ended the contract early, or refused its renewal. */
const EMPLOYEE_ENDED = /(demission|initiative du salarie|a sa demande|refus.*renouvel)/;
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr');

/** The waiting-period warning of a CDD, or null (L1244-3-1 / L1244-4-1). */
export function waitingPeriodWarning(contract: DatedContract, others: readonly DatedContract[], alsaceMoselle = false): string | null {
  if (contract.kind !== 'cdd') return null;
  if (CDD_CASE_RULES[cddCase(contract.cddReason)].waitingPeriodExemption !== null) return null;
  const previous = others
    .filter(
      (o) =>
        o.id !== contract.id &&
        o.kind === 'cdd' &&
        o.end !== undefined &&
        o.end < contract.startDate &&
        sameJob(o.jobTitle, contract.jobTitle),
    )
    .sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))[0];
  if (!previous || previous.end === undefined) return null;
  if (previous.personId === contract.personId && EMPLOYEE_ENDED.test(fold(previous.endReason ?? ''))) return null;
  const earliest = waitingPeriodEarliestStart(previous.startDate, previous.end, alsaceMoselle);
  if (contract.startDate >= earliest) return null;
  const days = waitingPeriodDays(previous.startDate, previous.end);
  return (
    `Délai de carence : après le CDD du ${formatDateShort(previous.startDate)} au ${formatDateShort(previous.end)} sur ce poste, ` +
    `${days}\u00a0jours d’ouverture sont à respecter — un nouveau CDD ne peut commencer que le ${formatDateShort(earliest)} (L1244-3-1), ` +
    'sauf exception (L1244-4-1 : nouvelle absence du salarié remplacé, emploi saisonnier, rupture anticipée par le salarié, refus du renouvellement…).'
  );
}

/**
 * The fixed-term days on the same job that directly precede an open-ended contract of the same person
 * (each following the previous one within `gapDays`): L1243-11 deducts them from its trial period.
 */
export function priorFixedTermDays(contract: DatedContract, others: readonly DatedContract[], gapDays = 7): number {
  if (CONTRACT_KIND_RULES[contract.kind].fixedTerm || !CONTRACT_KIND_RULES[contract.kind].employment) return 0;
  const earlier = others
    .filter(
      (o) =>
        o.id !== contract.id &&
        o.personId === contract.personId &&
        CONTRACT_KIND_RULES[o.kind].fixedTerm &&
        CONTRACT_KIND_RULES[o.kind].employment,
    )
    .filter((o) => o.end !== undefined && o.end < contract.startDate && sameJob(o.jobTitle, contract.jobTitle))
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  let days = 0;
  let next = contract.startDate;
  for (const o of earlier) {
    const end = o.end as IsoDate;
    if (next > addDaysIso(end, gapDays + 1)) break;
    days += daysInclusive(o.startDate, end);
    next = o.startDate;
  }
  return days;
}

/**
 * The latest end of a trial period once `priorDays` of fixed-term time are deducted (L1243-11): undefined
 * when nothing is left of it.
 */
export function trialEndAfterPriorTerm(start: IsoDate, trialEnd: IsoDate, priorDays: number): IsoDate | undefined {
  const left = daysInclusive(start, trialEnd) - priorDays;
  return left > 0 ? addDaysIso(start, left - 1) : undefined;
}

/**
 * The trial-period warning of a CDI that follows fixed-term contracts on the same job, or null: the trial
 * in force may not run beyond the default maximum (legal or ÉCLAT) less that fixed-term time.
 */
export function priorTermTrialWarning(
  contract: DatedContract & Pick<Contract, 'category' | 'plannedEndDate'>,
  trialEnd: IsoDate | undefined,
  rules: TrialRules,
  others: readonly DatedContract[],
): string | null {
  if (trialEnd === undefined) return null;
  const prior = priorFixedTermDays(contract, others);
  const maximum = defaultTrialPeriodEnd(contract, rules);
  if (prior === 0 || maximum === undefined) return null;
  const latest = trialEndAfterPriorTerm(contract.startDate, maximum, prior);
  if (latest === undefined) {
    return `Période d’essai : les ${prior}\u00a0jours de contrat à durée déterminée sur ce poste juste avant s’en déduisent et l’absorbent — pas de période d’essai (L1243-11).`;
  }
  if (trialEnd <= latest) return null;
  return `Période d’essai : les ${prior}\u00a0jours de contrat à durée déterminée sur ce poste juste avant s’en déduisent (L1243-11) — elle finit au plus tard le ${formatDateShort(latest)}.`;
}

/**
 * The trial period in force, as currentTrialEnd (trial-period.ts) but with the default shortened by the
 * fixed-term time on the same job just before (L1243-11); a stored end stays the user's, and
 * priorTermTrialWarning says when it goes beyond. Undefined when none applies or nothing is left of it.
 */
export function trialEndInForce(
  contract: DatedContract & Pick<Contract, 'category' | 'plannedEndDate' | 'trialPeriodEnd' | 'trialRenewalEnd'>,
  rules: TrialRules,
  others: readonly DatedContract[],
): IsoDate | undefined {
  if (contract.trialRenewalEnd !== undefined) return contract.trialRenewalEnd;
  if (contract.trialPeriodEnd !== undefined) return contract.trialPeriodEnd;
  const byDefault = defaultTrialPeriodEnd(contract, rules);
  if (byDefault === undefined) return undefined;
  const prior = priorFixedTermDays(contract, others);
  return prior === 0 ? byDefault : trialEndAfterPriorTerm(contract.startDate, byDefault, prior);
}
