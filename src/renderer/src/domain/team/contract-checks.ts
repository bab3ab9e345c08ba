import { fieldMessage } from '../fields';
import { formatDateShort } from '../dates';
import { effectiveEndDate, renewalCount, type Amendment } from './amendment';
import { contractKindLabel, FIXED_TERM_KINDS, type Contract } from './contract';
import { addDaysIso, addMonthsIso, periodsOverlap } from './day-count';

type Dated = Pick<Contract, 'kind' | 'startDate' | 'plannedEndDate' | 'actualEndDate'>;

export const CDD_MAX_RENEWALS = 2;
export const CDD_MAX_MONTHS = 18;

/**
 * Warnings that do not block saving (DOMAIN.md §3): a CDD renewed more than twice or lasting more than
 * 18 months in all, a fixed-term kind with no end date. Exceptions exist (motifs, conventions), so the
 * coordinator decides.
 */
export function contractWarnings(contract: Dated, ownAmendments: readonly Pick<Amendment, 'kind' | 'newEndDate' | 'effectiveDate'>[]): string[] {
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
    // 18 months date to date: a CDD starting on 1 March may run until 31 August of the next year.
    if (end !== undefined && end > addDaysIso(addMonthsIso(contract.startDate, CDD_MAX_MONTHS), -1)) {
      warnings.push(`CDD de plus de ${CDD_MAX_MONTHS} mois renouvellements compris : le cas général l’interdit.`);
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
