import { z } from 'zod';
import { fieldMessage, isoDateField, optionalText } from '../fields';
import { formatDateShort, type IsoDate } from '../dates';
import type { RecordStamps } from '../record';
import { addDaysIso, daysInclusive, maxIso, minIso, periodsOverlap } from './day-count';
import { fieldIssue } from '../field-issue';

// An absence on a contract: sick leave, an occupational disease, a work accident, maternity leave, unpaid
// leave. Recorded for two things the law and the funders check:
// - the return-to-work examination (examen de reprise, R4624-31) after some absences;
// - the ETPT of the Cerfa, which counts paid time (below).
// The kind says something about a person's health: it is never an index, so it is encrypted at rest in a
// protected espace (data/schema.ts CLEAR_FIELDS lists only ids and the bin date).

export const ABSENCE_KIND_VALUES = ['sickness', 'occupational-disease', 'work-accident', 'maternity', 'unpaid-leave'] as const;

export type AbsenceKind = (typeof ABSENCE_KIND_VALUES)[number];

export interface AbsenceKindRules {
  label: string;
  /**
   * Whether the days still count in the ETPT and in the gross salaries. ETPT follows paid time (the
   * INSEE / DGAFP reading of « équivalent temps plein travaillé »: each employee weighted by working time
   * and by the period he or she is paid). A sick leave (L1226-1, maintien de salaire), a work accident or an
   * occupational disease (L1226-7) and a maternity leave (L1225-17) suspend the contract but the employee
   * stays paid — by the employer's complement or the daily allowances it advances (subrogation) — and the
   * post stays filled: they count. An unpaid leave (congé sans solde, agreed between the parties; the Code
   * has its own unpaid leaves such as the congé sabbatique, L3142-28) is neither worked nor paid: it does not.
   */
  paid: boolean;
  /**
   * R4624-31: the shortest absence of this kind after which the examen de reprise is due, in calendar days,
   * or null when none is: after any maternity leave (1°) or occupational disease (2°), a work accident of at
   * least 30 days (3°), a sickness or non-occupational accident of at least 60 days (4°).
   */
  returnVisitAfterDays: number | null;
}

export const ABSENCE_KIND_RULES = {
  sickness: { label: 'Arrêt maladie', paid: true, returnVisitAfterDays: 60 },
  'occupational-disease': { label: 'Maladie professionnelle', paid: true, returnVisitAfterDays: 1 },
  'work-accident': { label: 'Accident du travail', paid: true, returnVisitAfterDays: 30 },
  maternity: { label: 'Congé de maternité', paid: true, returnVisitAfterDays: 1 },
  'unpaid-leave': { label: 'Congé sans solde', paid: false, returnVisitAfterDays: null },
} as const satisfies Record<AbsenceKind, AbsenceKindRules>;

export const ABSENCE_KINDS: ReadonlyArray<{ value: AbsenceKind; label: string }> = ABSENCE_KIND_VALUES.map((value) => ({
  value,
  label: ABSENCE_KIND_RULES[value].label,
}));

/** R4624-31: the examen de reprise takes place on the day work resumes and at the latest within 8 days. */
export const RETURN_VISIT_WITHIN_DAYS = 8;

const KIND_VALUES = ABSENCE_KIND_VALUES as unknown as [AbsenceKind, ...AbsenceKind[]];

export const absenceSchema = z
  .object({
    contractId: z.string().min(1, { error: 'Contrat\u00a0: champ obligatoire.' }),
    kind: z.enum(KIND_VALUES, { error: 'Motif de l’absence\u00a0: choisissez-en un.' }),
    startDate: isoDateField('Premier jour d’absence'),
    /** The last day of absence; empty while it goes on. Work resumes the day after. */
    endDate: isoDateField('Dernier jour d’absence', { optional: true }),
    returnVisitDate: isoDateField('Date de l’examen de reprise', { optional: true }),
    note: optionalText('Note', 500),
  })
  .superRefine((a, ctx) => {
    if (a.endDate !== undefined && a.endDate < a.startDate) {
      fieldIssue(ctx, 'endDate', 'Dernier jour d’absence', 'ne peut pas être avant le premier jour.');
    }
    if (a.returnVisitDate !== undefined) {
      if (a.endDate === undefined) {
        fieldIssue(ctx, 'returnVisitDate', 'Date de l’examen de reprise', 'indiquez d’abord le dernier jour d’absence.');
      } else if (a.returnVisitDate <= a.endDate) {
        fieldIssue(ctx, 'returnVisitDate', 'Date de l’examen de reprise', 'l’examen a lieu à la reprise, après le dernier jour d’absence.');
      }
    }
  });

export type Absence = z.output<typeof absenceSchema>;
export type AbsenceInput = z.input<typeof absenceSchema>;
export type AbsenceRecord = RecordStamps & Absence;

export interface AbsenceFormValues {
  contractId: string;
  kind: AbsenceKind;
  startDate: string;
  endDate: string;
  returnVisitDate: string;
  note: string;
}

export function absenceFormValues(contractId: string, absence?: Absence): AbsenceFormValues {
  return {
    contractId,
    kind: absence?.kind ?? 'sickness',
    startDate: absence?.startDate ?? '',
    endDate: absence?.endDate ?? '',
    returnVisitDate: absence?.returnVisitDate ?? '',
    note: absence?.note ?? '',
  };
}

export function absenceKindLabel(kind: AbsenceKind): string {
  return ABSENCE_KIND_RULES[kind]?.label ?? kind;
}

/** Calendar days of the absence, both ends included; null while it goes on. */
export function absenceDays(absence: Pick<Absence, 'startDate' | 'endDate'>): number | null {
  return absence.endDate === undefined ? null : daysInclusive(absence.startDate, absence.endDate);
}

/**
 * The last day on which the examen de reprise may take place (R4624-31): the day work resumes — the day
 * after the last day of absence — plus 8 days; null when the absence does not call for one, or goes on.
 */
export function returnVisitDue(absence: Pick<Absence, 'kind' | 'startDate' | 'endDate'>): IsoDate | null {
  const threshold = ABSENCE_KIND_RULES[absence.kind].returnVisitAfterDays;
  const days = absenceDays(absence);
  if (threshold === null || days === null || days < threshold || absence.endDate === undefined) return null;
  return addDaysIso(absence.endDate, 1 + RETURN_VISIT_WITHIN_DAYS);
}

/** The absences of one contract, first first. */
export function absencesOf(contractId: string, absences: readonly AbsenceRecord[]): AbsenceRecord[] {
  return absences.filter((a) => a.contractId === contractId).sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/**
 * The unpaid days of a contract between `from` and `to` (both included), as stretches that do not overlap
 * (absenceProblems refuses overlapping absences; they are merged here anyway so that a day never counts
 * twice). An unpaid leave that goes on runs to `to`.
 */
export function unpaidStretches(
  absences: readonly Pick<Absence, 'kind' | 'startDate' | 'endDate'>[],
  from: IsoDate,
  to: IsoDate,
): Array<{ from: IsoDate; to: IsoDate }> {
  const pieces = absences
    .filter((a) => !ABSENCE_KIND_RULES[a.kind].paid)
    .map((a) => ({ from: maxIso(a.startDate, from), to: a.endDate === undefined ? to : minIso(a.endDate, to) }))
    .filter((p) => p.from <= p.to)
    .sort((a, b) => a.from.localeCompare(b.from));
  const merged: Array<{ from: IsoDate; to: IsoDate }> = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && piece.from <= addDaysIso(last.to, 1)) last.to = maxIso(last.to, piece.to);
    else merged.push({ ...piece });
  }
  return merged;
}

/**
 * Refusals against the contract and its other absences: an absence lies within the contract's dates and
 * does not overlap another one of the same contract. One French message per field, empty when all is well.
 */
export function absenceProblems(
  absence: Pick<Absence, 'startDate' | 'endDate'>,
  contract: { startDate: IsoDate; end: IsoDate | undefined },
  others: readonly Pick<Absence, 'kind' | 'startDate' | 'endDate'>[],
): Record<string, string> {
  if (absence.startDate < contract.startDate) {
    return { startDate: fieldMessage('Premier jour d’absence', `le contrat ne commence que le ${formatDateShort(contract.startDate)}.`) };
  }
  if (contract.end !== undefined) {
    if (absence.startDate > contract.end) {
      return { startDate: fieldMessage('Premier jour d’absence', `le contrat se termine le ${formatDateShort(contract.end)}.`) };
    }
    if (absence.endDate !== undefined && absence.endDate > contract.end) {
      return { endDate: fieldMessage('Dernier jour d’absence', `le contrat se termine le ${formatDateShort(contract.end)}.`) };
    }
  }
  for (const other of others) {
    if (periodsOverlap(absence.startDate, absence.endDate, other.startDate, other.endDate)) {
      const span =
        other.endDate === undefined
          ? `depuis le ${formatDateShort(other.startDate)}`
          : `du ${formatDateShort(other.startDate)} au ${formatDateShort(other.endDate)}`;
      return {
        startDate: fieldMessage(
          'Premier jour d’absence',
          `une autre absence couvre déjà ces jours (${absenceKindLabel(other.kind)} ${span}).`,
        ),
      };
    }
  }
  return {};
}
