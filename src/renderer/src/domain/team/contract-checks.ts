import { fieldMessage } from '../fields';
import { formatDateShort } from '../dates';
import { effectiveEndDate, renewalCount, type Amendment } from './amendment';
import { contractKindLabel, FIXED_TERM_KINDS, type Contract } from './contract';
import { CONTRACT_KIND_RULES } from './contract-kinds';
import { addDaysIso, periodEndAfterMonths, periodsOverlap } from './day-count';

type Dated = Pick<Contract, 'kind' | 'startDate' | 'plannedEndDate' | 'actualEndDate'>;
type Checked = Dated & Partial<Pick<Contract, 'weeklyHours' | 'dpaeDate' | 'cddReason'>>;

export const CDD_MAX_RENEWALS = 2;
export const CDD_MAX_MONTHS = 18;
/** Legal minimum of a part-time job (L3123-27); each kind's floor is in contract-kinds.ts. */
export const PART_TIME_MINIMUM_HOURS = 24;
const DPAE_EARLIEST_DAYS_BEFORE = 8;

/**
 * The cases of L3123-7 where the part-time floor does not apply: a contract of at most 7 days, a CDD
 * replacing an absent employee (1° of L1242-2).
 */
export function isReplacementCdd(contract: Pick<Contract, 'kind' | 'cddReason' | 'startDate' | 'plannedEndDate'>): boolean {
  if (contract.plannedEndDate !== undefined && contract.plannedEndDate <= addDaysIso(contract.startDate, 6)) return true;
  return contract.kind === 'cdd' && /remplac/i.test(contract.cddReason ?? '');
}

/**
 * Warnings that do not block saving (DOMAIN.md §3): a CDD renewed more than twice or lasting more than
 * 18 months in all, a fixed-term kind with no end date, a part-time below 24 hours, a DPAE after the
 * start or more than 8 days before it. Exceptions exist (motifs, conventions), so the coordinator decides.
 */
export function contractWarnings(contract: Checked, ownAmendments: readonly Pick<Amendment, 'kind' | 'newEndDate' | 'effectiveDate'>[]): string[] {
  const warnings: string[] = [];
  const end = effectiveEndDate(contract, ownAmendments);
  if (FIXED_TERM_KINDS.has(contract.kind) && end === undefined) {
    warnings.push(`${contractKindLabel(contract.kind)} sans date de fin : un contrat à durée déterminée doit en avoir une.`);
  }
  if (contract.kind === 'cdd') {
    const renewals = renewalCount(ownAmendments);
    if (renewals > CDD_MAX_RENEWALS) {
      warnings.push(`CDD renouvelé ${renewals} fois : le cas général en permet ${CDD_MAX_RENEWALS} au plus.`);
    }
    // 18 months date to date (L1242-8): a CDD starting on 1 March may run until 31 August of the next year,
    // one starting on 31 August until 28 February (the month has no 31st).
    if (end !== undefined && end > periodEndAfterMonths(contract.startDate, CDD_MAX_MONTHS)) {
      warnings.push(`CDD de plus de ${CDD_MAX_MONTHS} mois renouvellements compris : le cas général l’interdit.`);
    }
  }
  const hours = contract.weeklyHours;
  const floor = CONTRACT_KIND_RULES[contract.kind].partTimeFloor;
  if (hours !== undefined && floor !== null && hours < floor.hours && !isReplacementCdd(contract)) {
    const what = contract.kind === 'civic-service' ? 'Engagement de service civique' : contract.kind === 'cdi' || contract.kind === 'cdd' ? 'Temps partiel' : contractKindLabel(contract.kind);
    warnings.push(`${what} de moins de ${String(floor.hours).replace('.', ',')} h par semaine : ${floor.phrase} (${floor.article}).`);
  }
  if (contract.dpaeDate !== undefined) {
    if (contract.dpaeDate > contract.startDate) {
      warnings.push('DPAE déclarée après le début du contrat : elle doit précéder l’embauche.');
    } else if (contract.dpaeDate < addDaysIso(contract.startDate, -DPAE_EARLIEST_DAYS_BEFORE)) {
      warnings.push(`DPAE déclarée plus de ${DPAE_EARLIEST_DAYS_BEFORE} jours avant l’embauche : elle ne peut l’être qu’au plus tôt 8 jours avant.`);
    }
  }
  return warnings;
}

/**
 * Refusals against the person's other contracts: two contracts of one person for the same job cannot
 * cover the same days. Returns one French message per field, empty when all is well.
 */
export function contractOverlapProblems(
  contract: Pick<Contract, 'personId' | 'jobTitle' | 'startDate' | 'plannedEndDate' | 'actualEndDate'>,
  others: ReadonlyArray<{ contract: Dated & Pick<Contract, 'personId' | 'jobTitle'>; amendments: readonly Pick<Amendment, 'newEndDate' | 'effectiveDate'>[] }>,
): Record<string, string> {
  const sameJob = (a: string, b: string) => a.trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');
  const end = contract.actualEndDate ?? contract.plannedEndDate;
  for (const other of others) {
    if (other.contract.personId !== contract.personId || !sameJob(other.contract.jobTitle, contract.jobTitle)) continue;
    const otherEnd = effectiveEndDate(other.contract, other.amendments);
    if (periodsOverlap(contract.startDate, end, other.contract.startDate, otherEnd)) {
      const span = otherEnd === undefined
        ? `depuis le ${formatDateShort(other.contract.startDate)}`
        : `du ${formatDateShort(other.contract.startDate)} au ${formatDateShort(otherEnd)}`;
      return {
        startDate: fieldMessage(
          'Date de début',
          `cette personne a déjà un contrat pour ce poste sur ces dates (${contractKindLabel(other.contract.kind)} ${span}).`,
        ),
      };
    }
  }
  return {};
}
