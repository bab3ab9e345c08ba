import { z } from 'zod';
import { isoDateField, optionalText, requiredText, withCrossFieldRules } from '../fields';
import type { IsoDate } from '../dates';
import type { RecordStamps } from '../record';
import { amountField } from '../fields';
import { centsToEurosText } from '../money';
import { numberToInput, percentField, weeklyHoursField } from './team-fields';
import { CONTRACT_KIND_RULES, CONTRACT_KIND_VALUES, type ContractKind } from './contract-kinds';
import { fieldIssue } from '../field-issue';

// A contract of employment — or an engagement de service civique, which is not one: the volunteer is no
// employee, so volunteers never count in headcount, ETPT or salaries (DOMAIN.md §3).

export type { ContractKind } from './contract-kinds';

/** The kinds for pickers, in the table's order (contract-kinds.ts). */
export const CONTRACT_KINDS: ReadonlyArray<{ value: ContractKind; label: string }> = CONTRACT_KIND_VALUES.map((value) => ({
  value,
  label: CONTRACT_KIND_RULES[value].label,
}));

const KIND_VALUES = CONTRACT_KIND_VALUES as unknown as [ContractKind, ...ContractKind[]];

/** Kinds that have an end date by nature (a PEC or an adulte-relais may in rare cases be a CDI: warn only). */
export const FIXED_TERM_KINDS: ReadonlySet<ContractKind> = new Set(CONTRACT_KIND_VALUES.filter((k) => CONTRACT_KIND_RULES[k].fixedTerm));

export function contractKindLabel(kind: ContractKind): string {
  return CONTRACT_KIND_RULES[kind]?.label ?? kind;
}

/** A labour contract: everything but the service-civique engagement. */
export function isEmployment(contract: Pick<Contract, 'kind'>): boolean {
  return CONTRACT_KIND_RULES[contract.kind].employment;
}

export const JOB_CATEGORIES = [
  { value: 'employee', label: 'Employé·e' },
  { value: 'technician', label: 'Technicien·ne, agent de maîtrise, animateur·rice technicien·ne' },
  { value: 'executive', label: 'Cadre' },
] as const;

export type JobCategory = (typeof JOB_CATEGORIES)[number]['value'];

export const contractSchema = withCrossFieldRules(
  z.object({
    personId: z.string().min(1, { error: 'Personne : champ obligatoire.' }),
    kind: z.enum(KIND_VALUES, { error: 'Type de contrat : choisissez-en un.' }),
    cddReason: optionalText('Motif du CDD', 200),
    jobTitle: requiredText('Intitulé du poste', 150),
    category: z.enum(['employee', 'technician', 'executive']).default('employee'),
    classification: optionalText('Groupe et coefficient', 100),
    startDate: isoDateField('Date de début'),
    plannedEndDate: isoDateField('Date de fin prévue', { optional: true }),
    actualEndDate: isoDateField('Date de fin effective', { optional: true }),
    endReason: optionalText('Motif de fin', 200),
    weeklyHours: weeklyHoursField('Durée hebdomadaire'),
    grossMonthlyCents: amountField('Salaire brut mensuel'),
    employerChargesRate: percentField('Taux de charges patronales'),
    trialPeriodEnd: isoDateField('Fin de la période d’essai', { optional: true }),
    trialRenewalEnd: isoDateField('Fin du renouvellement de la période d’essai', { optional: true }),
    dpaeDate: isoDateField('Date de la DPAE', { optional: true }),
    firstMedicalVisitDate: isoDateField('Date de la visite d’information et de prévention', { optional: true }),
    opcoFilingDate: isoDateField('Date de dépôt auprès de l’OPCO', { optional: true }),
    // R4624-18: a worker under 18 or a night worker has the visit before taking the post. Kept only when
    // true (no birth date is stored: the coordinator ticks it).
    visitBeforePost: z
      .boolean()
      .transform((v) => (v ? true : undefined))
      .optional(),
    notes: optionalText('Notes', 2000),
  }),
  (c, ctx) => {
    const after = (path: string, label: string, date: IsoDate | undefined, min: IsoDate | undefined, phrase: string) => {
      if (date !== undefined && min !== undefined && date < min) fieldIssue(ctx, path, label, phrase);
    };
    after('plannedEndDate', 'Date de fin prévue', c.plannedEndDate, c.startDate, 'ne peut pas être avant la date de début.');
    after('actualEndDate', 'Date de fin effective', c.actualEndDate, c.startDate, 'ne peut pas être avant la date de début.');
    after('trialPeriodEnd', 'Fin de la période d’essai', c.trialPeriodEnd, c.startDate, 'ne peut pas être avant la date de début.');
    if (c.trialRenewalEnd !== undefined) {
      after(
        'trialRenewalEnd',
        'Fin du renouvellement de la période d’essai',
        c.trialRenewalEnd,
        c.trialPeriodEnd ?? c.startDate,
        'doit suivre la fin de la première période d’essai.',
      );
    }
    if (c.kind !== undefined && CONTRACT_KIND_RULES[c.kind].motifRequired && c.cddReason === undefined) {
      fieldIssue(ctx, 'cddReason', 'Motif du CDD', 'un CDD doit indiquer son motif (remplacement, accroissement d’activité…).');
    }
  },
);

export type Contract = z.output<typeof contractSchema>;
export type ContractInput = z.input<typeof contractSchema>;
export type ContractRecord = RecordStamps & Contract;

export interface ContractFormValues {
  personId: string;
  kind: ContractKind;
  cddReason: string;
  jobTitle: string;
  category: JobCategory;
  classification: string;
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string;
  endReason: string;
  weeklyHours: string;
  grossMonthlyCents: string;
  employerChargesRate: string;
  trialPeriodEnd: string;
  trialRenewalEnd: string;
  dpaeDate: string;
  firstMedicalVisitDate: string;
  opcoFilingDate: string;
  visitBeforePost: boolean;
  notes: string;
}

export function contractFormValues(personId: string, contract?: Contract, defaults?: Partial<ContractFormValues>): ContractFormValues {
  return {
    personId,
    kind: contract?.kind ?? 'cdi',
    cddReason: contract?.cddReason ?? '',
    jobTitle: contract?.jobTitle ?? '',
    category: contract?.category ?? 'employee',
    classification: contract?.classification ?? '',
    startDate: contract?.startDate ?? '',
    plannedEndDate: contract?.plannedEndDate ?? '',
    actualEndDate: contract?.actualEndDate ?? '',
    endReason: contract?.endReason ?? '',
    weeklyHours: numberToInput(contract?.weeklyHours),
    grossMonthlyCents: centsToEurosText(contract?.grossMonthlyCents),
    employerChargesRate: numberToInput(contract?.employerChargesRate),
    trialPeriodEnd: contract?.trialPeriodEnd ?? '',
    trialRenewalEnd: contract?.trialRenewalEnd ?? '',
    dpaeDate: contract?.dpaeDate ?? '',
    firstMedicalVisitDate: contract?.firstMedicalVisitDate ?? '',
    opcoFilingDate: contract?.opcoFilingDate ?? '',
    visitBeforePost: contract?.visitBeforePost ?? false,
    notes: contract?.notes ?? '',
    ...defaults,
  };
}
