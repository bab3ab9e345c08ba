import type { IsoDate } from '../dates';
import { FIXED_TERM_KINDS, type Contract, type JobCategory } from './contract';
import { CONTRACT_KIND_RULES } from './contract-kinds';
import { addDaysIso, daysInclusive, periodEndAfterMonths } from './day-count';

// Default trial periods (DOMAIN.md §3). They are defaults the form proposes: the contract may say less,
// an agreement may allow a renewal, so the stored end is always the user's.

export type TrialDuration = { months: number } | { days: number };

/** Which rules apply: the legal maxima, or the ÉCLAT agreement (IDCC 1518, art. 4.4.1). */
export type TrialRules = 'legal' | 'eclat';

const OPEN_ENDED_MONTHS: Record<TrialRules, Record<JobCategory, number>> = {
  legal: { employee: 2, technician: 3, executive: 4 },
  eclat: { employee: 1, technician: 2, executive: 3 },
};

// Apprenticeship: 45 days of practical training in the company [verify: counted in days of presence;
// here as calendar days, which the user corrects when the apprentice is away at school].
const APPRENTICESHIP_TRIAL_DAYS = 45;

export function trialRulesFor(collectiveAgreement: string | undefined): TrialRules {
  return collectiveAgreement === '1518' ? 'eclat' : 'legal';
}

/**
 * The default trial period of a contract, or null when none applies (service civique) or when a
 * fixed-term contract has no end yet to measure it.
 */
export function defaultTrialDuration(
  contract: Pick<Contract, 'kind' | 'category' | 'startDate' | 'plannedEndDate'>,
  rules: TrialRules,
): TrialDuration | null {
  const rule = CONTRACT_KIND_RULES[contract.kind].trial;
  if (rule === 'none') return null;
  if (rule === 'apprenticeship') return { days: APPRENTICESHIP_TRIAL_DAYS };
  if (FIXED_TERM_KINDS.has(contract.kind) && contract.plannedEndDate !== undefined) {
    // Fixed term: one day per week of the initial term, capped at 2 weeks up to 6 months, 1 month beyond.
    const weeks = Math.floor(daysInclusive(contract.startDate, contract.plannedEndDate) / 7);
    const sixMonthsEnd = periodEndAfterMonths(contract.startDate, 6);
    if (contract.plannedEndDate <= sixMonthsEnd) return { days: Math.max(1, Math.min(weeks, 14)) };
    const oneMonthDays = daysInclusive(contract.startDate, trialPeriodEnd(contract.startDate, { months: 1 }));
    return weeks >= oneMonthDays ? { months: 1 } : { days: weeks };
  }
  // A CDD without its end cannot be measured; a PEC or adulte-relais without one is taken as open-ended.
  if (CONTRACT_KIND_RULES[contract.kind].motifRequired) return null;
  return { months: OPEN_ENDED_MONTHS[rules][contract.category] };
}

/**
 * The last day of a trial period counted date to date: 2 months from 2 March end on 1 May; when the
 * month is too short for that day, on its last day (1 month from 31 January ends on 28 February).
 */
export function trialPeriodEnd(start: IsoDate, duration: TrialDuration): IsoDate {
  if ('days' in duration) return addDaysIso(start, duration.days - 1);
  return periodEndAfterMonths(start, duration.months);
}

/** The default end of a contract's trial period, or undefined when none applies. */
export function defaultTrialPeriodEnd(
  contract: Pick<Contract, 'kind' | 'category' | 'startDate' | 'plannedEndDate'>,
  rules: TrialRules,
): IsoDate | undefined {
  const duration = defaultTrialDuration(contract, rules);
  return duration === null ? undefined : trialPeriodEnd(contract.startDate, duration);
}

/** The trial period in force: its renewal when there is one, else the stored end, else the default. */
export function currentTrialEnd(
  contract: Pick<Contract, 'kind' | 'category' | 'startDate' | 'plannedEndDate' | 'trialPeriodEnd' | 'trialRenewalEnd'>,
  rules: TrialRules,
): IsoDate | undefined {
  return contract.trialRenewalEnd ?? contract.trialPeriodEnd ?? defaultTrialPeriodEnd(contract, rules);
}

/** « 1 mois », « 14 jours ». */
export function formatTrialDuration(duration: TrialDuration): string {
  if ('months' in duration) return `${duration.months}\u00a0mois`;
  return duration.days === 1 ? '1\u00a0jour' : `${duration.days}\u00a0jours`;
}
