import { fieldMessage } from '../fields';
import { formatDateShort } from '../dates';
import { effectiveEndDate, renewalCount, type Amendment } from './amendment';
import { contractKindLabel, FIXED_TERM_KINDS, type Contract } from './contract';
import { CONTRACT_KIND_RULES } from './contract-kinds';
import { addDaysIso, periodEndAfterMonths, periodsOverlap } from './day-count';
import { CDD_CASE_RULES, cddCase } from './cdd-cases';

type Dated = Pick<Contract, 'kind' | 'startDate' | 'plannedEndDate' | 'actualEndDate'>;
type Checked = Dated &
  Partial<Pick<Contract, 'weeklyHours' | 'dpaeDate' | 'cddReason' | 'category' | 'classification' | 'trialPeriodEnd' | 'trialRenewalEnd'>>;

/** What the checks need to know of the association: its collective agreement (IDCC), when it has one. */
export interface ContractCheckOptions {
  collectiveAgreement?: string | undefined;
}

/**
 * ÉCLAT (IDCC 1518) art. 5.9.3, since 1 January 2024: the part-time minimum by group of the
 * classification, which the branch may set below the 24 h of L3123-27 (L3123-19). From DOMAIN.md §3
 * (@socialgouv/kali-data could not be installed to re-read the agreement).
 */
const ECLAT_PART_TIME_MINIMUM: Readonly<Record<string, number>> = { A: 10, B: 14, C: 14, D: 16, E: 16, F: 16, G: 24, H: 24, I: 24 };

/** « Groupe C, coefficient 280 » → 14 (ÉCLAT), or undefined when no group is written. */
export function eclatPartTimeMinimum(classification: string | undefined): number | undefined {
  const group = /groupe\s*([a-i])\b/i.exec(classification ?? '')?.[1]?.toUpperCase();
  return group === undefined ? undefined : ECLAT_PART_TIME_MINIMUM[group];
}

/** L1221-21: the trial period, renewal included, may not exceed 4, 6 or 8 months. */
const TRIAL_WITH_RENEWAL_MAX_MONTHS = { employee: 4, technician: 6, executive: 8 } as const;

/** Aided contracts' terms (months) and where they are written. */
const PEC_MIN_MONTHS = 6; // L5134-25
const PEC_MAX_MONTHS = 24; // L5134-25-1 (5 years for a worker of 50 or more in difficulty or disabled)
const ADULTE_RELAIS_TERM_YEARS = 3; // L5134-103: a CDD of at most 3 years, renewable once
const CIVIC_SERVICE_MIN_MONTHS = 6; // L120-1 Code du service national: 6 to 12 months
const CIVIC_SERVICE_MAX_MONTHS = 12;
const CIVIC_SERVICE_MAX_HOURS = 48; // L120-8 CSN (35 h for a volunteer under 18)

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
export function contractWarnings(
  contract: Checked,
  ownAmendments: readonly Pick<Amendment, 'kind' | 'newEndDate' | 'effectiveDate'>[],
  options: ContractCheckOptions = {},
): string[] {
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
    // 18 months date to date (L1242-8-1), 9 or 24 in the cases that article names: a CDD starting on
    // 1 March may run until 31 August of the next year, one starting on 31 August until 28 February.
    const rules = CDD_CASE_RULES[cddCase(contract.cddReason)];
    const max = rules.maxMonths;
    if (max !== null && end !== undefined && end > periodEndAfterMonths(contract.startDate, max)) {
      warnings.push(
        max === CDD_MAX_MONTHS
          ? `CDD de plus de ${CDD_MAX_MONTHS} mois renouvellements compris : le cas général l’interdit.`
          : `CDD de plus de ${max} mois renouvellements compris (${rules.maxArticle}).`,
      );
    }
  }
  const hours = contract.weeklyHours;
  const floor = CONTRACT_KIND_RULES[contract.kind].partTimeFloor;
  const eclatFloor =
    options.collectiveAgreement === '1518' && (contract.kind === 'cdi' || contract.kind === 'cdd')
      ? eclatPartTimeMinimum(contract.classification)
      : undefined;
  if (hours !== undefined && eclatFloor !== undefined) {
    if (hours < eclatFloor && !isReplacementCdd(contract)) {
      warnings.push(
        `Temps partiel de moins de ${eclatFloor} h par semaine : la convention ÉCLAT fixe ce minimum pour ce groupe (art. 5.9.3), sauf demande écrite du salarié ou remplacement (L3123-7).`,
      );
    }
  } else if (hours !== undefined && floor !== null && hours < floor.hours && !isReplacementCdd(contract)) {
    const what =
      contract.kind === 'civic-service'
        ? 'Engagement de service civique'
        : contract.kind === 'cdi' || contract.kind === 'cdd'
          ? 'Temps partiel'
          : contractKindLabel(contract.kind);
    warnings.push(`${what} de moins de ${String(floor.hours).replace('.', ',')} h par semaine : ${floor.phrase} (${floor.article}).`);
  }
  if (contract.kind === 'civic-service' && hours !== undefined && hours > CIVIC_SERVICE_MAX_HOURS) {
    warnings.push(
      `Engagement de service civique de plus de ${CIVIC_SERVICE_MAX_HOURS} h par semaine : c’est le maximum (35 h pour un volontaire mineur, L120-8 CSN).`,
    );
  }
  warnings.push(...termWarnings(contract, end, ownAmendments));
  warnings.push(...trialRenewalWarnings(contract, options));
  if (contract.dpaeDate !== undefined) {
    if (contract.dpaeDate > contract.startDate) {
      warnings.push('DPAE déclarée après le début du contrat : elle doit précéder l’embauche.');
    } else if (contract.dpaeDate < addDaysIso(contract.startDate, -DPAE_EARLIEST_DAYS_BEFORE)) {
      warnings.push(
        `DPAE déclarée plus de ${DPAE_EARLIEST_DAYS_BEFORE} jours avant l’embauche : elle ne peut l’être qu’au plus tôt 8 jours avant.`,
      );
    }
  }
  return warnings;
}

/** The terms of aided contracts and of the service civique (PEC, adulte-relais, service civique). */
function termWarnings(
  contract: Checked,
  end: string | undefined,
  ownAmendments: readonly Pick<Amendment, 'kind' | 'newEndDate' | 'effectiveDate'>[],
): string[] {
  const warnings: string[] = [];
  const initialEnd = contract.plannedEndDate;
  const { startDate } = contract;
  if (contract.kind === 'pec') {
    if (initialEnd !== undefined && initialEnd < periodEndAfterMonths(startDate, PEC_MIN_MONTHS) && contract.actualEndDate === undefined) {
      warnings.push(`PEC de moins de ${PEC_MIN_MONTHS} mois : c’est la durée minimale (L5134-25).`);
    }
    if (end !== undefined && end > periodEndAfterMonths(startDate, PEC_MAX_MONTHS)) {
      warnings.push(
        `PEC de plus de ${PEC_MAX_MONTHS} mois renouvellements compris : possible seulement pour un salarié de 50 ans et plus en difficulté ou reconnu travailleur handicapé (5 ans), ou pour achever une formation (L5134-25-1).`,
      );
    }
  }
  if (contract.kind === 'adulte-relais') {
    if (initialEnd !== undefined && initialEnd > periodEndAfterMonths(startDate, 12 * ADULTE_RELAIS_TERM_YEARS)) {
      warnings.push(
        `Contrat adulte-relais de plus de ${ADULTE_RELAIS_TERM_YEARS} ans : un CDD adulte-relais dure 3 ans au plus (L5134-103).`,
      );
    }
    const renewals = renewalCount(ownAmendments);
    if (renewals > 1) warnings.push(`Contrat adulte-relais renouvelé ${renewals} fois : il n’est renouvelable qu’une fois (L5134-103).`);
    if (end !== undefined && end > periodEndAfterMonths(startDate, 24 * ADULTE_RELAIS_TERM_YEARS)) {
      warnings.push(`Contrat adulte-relais de plus de ${2 * ADULTE_RELAIS_TERM_YEARS} ans renouvellement compris (L5134-103).`);
    }
  }
  if (contract.kind === 'civic-service' && end !== undefined) {
    if (end < periodEndAfterMonths(startDate, CIVIC_SERVICE_MIN_MONTHS) && contract.actualEndDate === undefined) {
      warnings.push(`Engagement de service civique de moins de ${CIVIC_SERVICE_MIN_MONTHS} mois : il dure de 6 à 12 mois (L120-1 CSN).`);
    }
    if (end > periodEndAfterMonths(startDate, CIVIC_SERVICE_MAX_MONTHS)) {
      warnings.push(`Engagement de service civique de plus de ${CIVIC_SERVICE_MAX_MONTHS} mois : il dure de 6 à 12 mois (L120-1 CSN).`);
    }
  }
  return warnings;
}

/**
 * A renewed trial period of an open-ended contract (L1221-21): only where an extended branch agreement
 * provides it, and within 4 months (employees), 6 (technicians, supervisors) or 8 (executives) in all.
 * ÉCLAT provides it as an exception, motivated and in writing (DOMAIN.md §3).
 */
function trialRenewalWarnings(contract: Checked, options: ContractCheckOptions): string[] {
  if (
    contract.trialRenewalEnd === undefined ||
    CONTRACT_KIND_RULES[contract.kind].fixedTerm ||
    CONTRACT_KIND_RULES[contract.kind].trial === 'none'
  )
    return [];
  const warnings: string[] = [];
  if (options.collectiveAgreement === '1518') {
    warnings.push(
      'Période d’essai renouvelée : la convention ÉCLAT ne le permet qu’à titre exceptionnel, par écrit et motivé, avec l’accord du salarié.',
    );
  } else {
    warnings.push(
      'Période d’essai renouvelée : seulement si un accord de branche étendu le prévoit, dans ses conditions (L1221-21) — vérifiez votre convention collective.',
    );
  }
  const category = contract.category ?? 'employee';
  const max = TRIAL_WITH_RENEWAL_MAX_MONTHS[category];
  if (contract.trialRenewalEnd > periodEndAfterMonths(contract.startDate, max)) {
    warnings.push(
      `Période d’essai de plus de ${max} mois renouvellement compris : c’est le maximum légal pour cette catégorie (L1221-21).`,
    );
  }
  return warnings;
}

/**
 * Refusals against the person's other contracts: two contracts of one person for the same job cannot
 * cover the same days. Returns one French message per field, empty when all is well.
 */
export function contractOverlapProblems(
  contract: Pick<Contract, 'personId' | 'jobTitle' | 'startDate' | 'plannedEndDate' | 'actualEndDate'>,
  others: ReadonlyArray<{
    contract: Dated & Pick<Contract, 'personId' | 'jobTitle'>;
    amendments: readonly Pick<Amendment, 'newEndDate' | 'effectiveDate'>[];
  }>,
): Record<string, string> {
  const sameJob = (a: string, b: string) => a.trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');
  const end = contract.actualEndDate ?? contract.plannedEndDate;
  for (const other of others) {
    if (other.contract.personId !== contract.personId || !sameJob(other.contract.jobTitle, contract.jobTitle)) continue;
    const otherEnd = effectiveEndDate(other.contract, other.amendments);
    if (periodsOverlap(contract.startDate, end, other.contract.startDate, otherEnd)) {
      const span =
        otherEnd === undefined
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
