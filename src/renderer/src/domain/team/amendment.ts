import { z } from 'zod';
import { fieldMessage, isoDateField, optionalText, withCrossFieldRules } from '../fields';
import { formatDateShort, type IsoDate } from '../dates';
import type { RecordStamps } from '../record';
import type { Contract } from './contract';
import { addDaysIso } from './day-count';
import { amountField } from '../fields';
import { centsToEurosText } from '../money';
import { numberToInput, optionalWeeklyHoursField } from './team-fields';
import { fieldIssue } from '../field-issue';

// An avenant: a renewal (a new end date) or a change of hours or salary from a given date. The contract
// keeps its original terms; its terms on any day are the contract's, overridden by the amendments in
// force that day (contractTerms).

export const AMENDMENT_KINDS = [
  { value: 'renewal', label: 'Renouvellement' },
  { value: 'change', label: 'Modification (horaires, salaire, fin)' },
] as const;

export type AmendmentKind = (typeof AMENDMENT_KINDS)[number]['value'];

export const amendmentSchema = withCrossFieldRules(
  z.object({
    contractId: z.string().min(1, { error: 'Contrat : champ obligatoire.' }),
    kind: z.enum(['renewal', 'change'], { error: 'Nature de l’avenant : choisissez-en une.' }),
    effectiveDate: isoDateField('Date d’effet'),
    newEndDate: isoDateField('Nouvelle date de fin', { optional: true }),
    newWeeklyHours: optionalWeeklyHoursField('Nouvelle durée hebdomadaire'),
    newGrossMonthlyCents: amountField('Nouveau salaire brut mensuel', { optional: true }),
    note: optionalText('Objet de l’avenant', 500),
  }),
  (a, ctx, failed) => {
    if (a.kind === 'renewal' && a.newEndDate === undefined) {
      fieldIssue(ctx, 'newEndDate', 'Nouvelle date de fin', 'un renouvellement fixe une nouvelle date de fin.');
    }
    // A change whose new salary is refused under its own field did say what it changes.
    const changes = ['newEndDate', 'newWeeklyHours', 'newGrossMonthlyCents'] as const;
    if (a.kind === 'change' && changes.every((key) => a[key] === undefined && !failed.has(key))) {
      fieldIssue(ctx, 'newWeeklyHours', 'Nouvelle durée hebdomadaire', 'indiquez ce que l’avenant change (durée, salaire ou date de fin).');
    }
    if (a.newEndDate !== undefined && a.effectiveDate !== undefined && a.newEndDate < a.effectiveDate) {
      fieldIssue(ctx, 'newEndDate', 'Nouvelle date de fin', 'ne peut pas être avant la date d’effet.');
    }
  },
);

export type Amendment = z.output<typeof amendmentSchema>;
export type AmendmentInput = z.input<typeof amendmentSchema>;
export type AmendmentRecord = RecordStamps & Amendment;

export interface AmendmentFormValues {
  contractId: string;
  kind: AmendmentKind;
  effectiveDate: string;
  newEndDate: string;
  newWeeklyHours: string;
  newGrossMonthlyCents: string;
  note: string;
}

export function amendmentFormValues(
  contractId: string,
  amendment?: Amendment,
  defaults?: Partial<AmendmentFormValues>,
): AmendmentFormValues {
  return {
    contractId,
    kind: amendment?.kind ?? 'renewal',
    effectiveDate: amendment?.effectiveDate ?? '',
    newEndDate: amendment?.newEndDate ?? '',
    newWeeklyHours: numberToInput(amendment?.newWeeklyHours),
    newGrossMonthlyCents: centsToEurosText(amendment?.newGrossMonthlyCents),
    note: amendment?.note ?? '',
    ...defaults,
  };
}

/** Amendments in the order they took effect (ties by creation, when stamps are there). */
export function sortAmendments<T extends Pick<Amendment, 'effectiveDate'> & { createdAt?: string }>(amendments: readonly T[]): T[] {
  return [...amendments].sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
  );
}

/** The amendments of one contract, in force order. */
export function amendmentsOf<T extends Pick<Amendment, 'effectiveDate' | 'contractId'> & { createdAt?: string }>(
  contractId: string,
  amendments: readonly T[],
): T[] {
  return sortAmendments(amendments.filter((a) => a.contractId === contractId));
}

/**
 * The end a contract has now: the actual end when it is over, else the latest end set by an avenant, else
 * the planned end; undefined for an open-ended contract.
 */
export function effectiveEndDate(
  contract: Pick<Contract, 'plannedEndDate' | 'actualEndDate'>,
  ownAmendments: readonly Pick<Amendment, 'newEndDate' | 'effectiveDate'>[],
): IsoDate | undefined {
  if (contract.actualEndDate !== undefined) return contract.actualEndDate;
  let end = contract.plannedEndDate;
  for (const a of sortAmendments(ownAmendments)) if (a.newEndDate !== undefined) end = a.newEndDate;
  return end;
}

/** A stretch of days with the same terms. `to` undefined: open-ended. */
export interface TermSegment {
  from: IsoDate;
  to: IsoDate | undefined;
  weeklyHours: number;
  grossMonthlyCents: number;
}

/** The contract's terms over time, cut at each amendment that changes hours or salary. */
export function contractTerms(
  contract: Pick<Contract, 'startDate' | 'plannedEndDate' | 'actualEndDate' | 'weeklyHours' | 'grossMonthlyCents'>,
  ownAmendments: readonly Pick<Amendment, 'effectiveDate' | 'newEndDate' | 'newWeeklyHours' | 'newGrossMonthlyCents'>[],
): TermSegment[] {
  const end = effectiveEndDate(contract, ownAmendments);
  const segments: TermSegment[] = [];
  let current: TermSegment = {
    from: contract.startDate,
    to: end,
    weeklyHours: contract.weeklyHours,
    grossMonthlyCents: contract.grossMonthlyCents,
  };
  for (const a of sortAmendments(ownAmendments)) {
    if (a.newWeeklyHours === undefined && a.newGrossMonthlyCents === undefined) continue;
    if (end !== undefined && a.effectiveDate > end) break;
    const next: TermSegment = {
      from: a.effectiveDate > contract.startDate ? a.effectiveDate : contract.startDate,
      to: end,
      weeklyHours: a.newWeeklyHours ?? current.weeklyHours,
      grossMonthlyCents: a.newGrossMonthlyCents ?? current.grossMonthlyCents,
    };
    if (next.from > current.from) segments.push({ ...current, to: addDaysIso(next.from, -1) });
    current = next;
  }
  segments.push(current);
  return segments;
}

/** Number of renewals among a contract's amendments. */
export function renewalCount(ownAmendments: readonly Pick<Amendment, 'kind'>[]): number {
  return ownAmendments.filter((a) => a.kind === 'renewal').length;
}

/**
 * Problems of an amendment against its contract, one French message per field: it must take effect
 * within the contract's dates (a renewal may start the day after the current end), and a renewal must
 * push the end further.
 */
export function amendmentProblems(
  amendment: Amendment,
  contract: Pick<Contract, 'startDate' | 'plannedEndDate' | 'actualEndDate'>,
  otherAmendments: readonly Pick<Amendment, 'newEndDate' | 'effectiveDate'>[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  const currentEnd = effectiveEndDate(contract, otherAmendments);
  const latestEffect = currentEnd === undefined ? undefined : addDaysIso(currentEnd, 1);
  if (amendment.effectiveDate < contract.startDate || (latestEffect !== undefined && amendment.effectiveDate > latestEffect)) {
    const span =
      currentEnd === undefined
        ? `à partir du ${formatDateShort(contract.startDate)}`
        : `du ${formatDateShort(contract.startDate)} au ${formatDateShort(latestEffect ?? currentEnd)}`;
    problems.effectiveDate = fieldMessage('Date d’effet', `doit être dans les dates du contrat (${span}).`);
  }
  if (
    amendment.kind === 'renewal' &&
    amendment.newEndDate !== undefined &&
    currentEnd !== undefined &&
    amendment.newEndDate <= currentEnd
  ) {
    problems.newEndDate = fieldMessage('Nouvelle date de fin', `doit être après la fin actuelle (${formatDateShort(currentEnd)}).`);
  }
  if (contract.actualEndDate !== undefined && amendment.newEndDate !== undefined) {
    problems.newEndDate = fieldMessage('Nouvelle date de fin', 'ce contrat est terminé : il ne peut plus être prolongé.');
  }
  return problems;
}
