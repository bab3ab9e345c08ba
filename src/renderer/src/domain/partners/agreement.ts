import { addDays, addMonths, differenceInCalendarDays } from 'date-fns';
import { z } from 'zod';
import { dateFromIso, formatIsoFromDate, type IsoDate } from '../dates';
import { amountField, fieldMessage, isoDateField, nonNegativeIntField, optionalText, requiredText } from '../fields';
import { centsToEurosText } from '../money';
import type { RecordStamps } from '../record';
import { periodEndAfterMonths } from '../team/day-count';
import { asExercise, exerciseDays, type AccountingExercise, type YearOrExercise } from '../exercise';
import { fieldIssue } from '../field-issue';

// Conventions (DOMAIN.md §7). An agreement runs from its start either to a fixed end, or — with tacit
// renewal — term after term until someone denounces it, which must be done a notice period before the
// term ends. Money or in-kind terms are yearly; the in-kind valuation later feeds the 86/87 budget lines.

export const AGREEMENT_KINDS = [
  { value: 'partnership', label: 'Convention de partenariat' },
  { value: 'premises-loan', label: 'Mise à disposition de locaux ou de matériel' },
  { value: 'staff-loan', label: 'Mise à disposition de personnel' },
  { value: 'employer-group', label: 'Groupement d’employeurs / mutualisation d’un emploi' },
  { value: 'cpo', label: 'Convention pluriannuelle d’objectifs (CPO)' },
  { value: 'charter', label: 'Charte de coopération inter-associative' },
  { value: 'service', label: 'Prestation' },
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number]['value'];

export const AGREEMENT_STATUSES = [
  { value: 'draft', label: 'En préparation' },
  { value: 'signed', label: 'Signée' },
  { value: 'active', label: 'En cours' },
  { value: 'to-renew', label: 'À renouveler' },
  { value: 'denounced', label: 'Dénoncée' },
  { value: 'ended', label: 'Terminée' },
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number]['value'];

export const AGREEMENT_TERMS = [
  { value: 'none', label: 'Sans contrepartie chiffrée' },
  { value: 'money', label: 'En numéraire' },
  { value: 'in-kind', label: 'En nature (valorisée)' },
] as const;
export type AgreementTerms = (typeof AGREEMENT_TERMS)[number]['value'];

const kindValues = AGREEMENT_KINDS.map((k) => k.value) as [AgreementKind, ...AgreementKind[]];
const statusValues = AGREEMENT_STATUSES.map((s) => s.value) as [AgreementStatus, ...AgreementStatus[]];
const termsValues = AGREEMENT_TERMS.map((t) => t.value) as [AgreementTerms, ...AgreementTerms[]];

export function agreementKindLabel(kind: AgreementKind): string {
  return AGREEMENT_KINDS.find((k) => k.value === kind)?.label ?? kind;
}
export function agreementStatusLabel(status: AgreementStatus): string {
  return AGREEMENT_STATUSES.find((s) => s.value === status)?.label ?? status;
}

/** Statuses under which the agreement still binds the association, so its dates matter. */
export const LIVE_STATUSES: readonly AgreementStatus[] = ['signed', 'active', 'to-renew'];

export const DEFAULT_RENEWAL_PERIOD_MONTHS = 12;
const MAX_MONTHS = 120;

function monthsField(label: string) {
  return nonNegativeIntField(label, { optional: true }).refine((n) => n === undefined || n <= MAX_MONTHS, {
    error: fieldMessage(label, `${MAX_MONTHS} mois au maximum.`),
  });
}

const idList = (label: string) => z.array(z.string().min(1), { error: fieldMessage(label, 'liste attendue.') }).default([]);

function dayBefore(iso: IsoDate): IsoDate {
  return formatIsoFromDate(addDays(dateFromIso(iso), -1));
}

function dayAfter(iso: IsoDate): IsoDate {
  return formatIsoFromDate(addDays(dateFromIso(iso), 1));
}

/**
 * The last day to send a denunciation so that a full notice period runs before the term ends: the day
 * before (term end + 1 day − notice). For a term ending 31 Dec with 3 months' notice: 30 Sept. Counting
 * from the next day rather than from the end keeps month ends right (28 Feb → 30 Nov, not 28 Nov).
 */
export function noticeDeadline(termEnd: IsoDate, noticeMonths: number): IsoDate {
  return dayBefore(formatIsoFromDate(addMonths(dateFromIso(dayAfter(termEnd)), -noticeMonths)));
}

export const agreementSchema = z
  .object({
    title: requiredText('Intitulé de la convention'),
    kind: z.enum(kindValues, { error: fieldMessage('Type de convention', 'choisissez dans la liste.') }),
    status: z.enum(statusValues, { error: fieldMessage('Statut', 'choisissez dans la liste.') }),
    partnerIds: z
      .array(z.string().min(1), { error: fieldMessage('Partenaires signataires', 'liste attendue.') })
      .min(1, { error: fieldMessage('Partenaires signataires', 'choisissez au moins un partenaire.') }),
    object: optionalText('Objet', 4000),
    signatureDate: isoDateField('Date de signature', { optional: true }),
    startDate: isoDateField('Date de début'),
    endDate: isoDateField('Date de fin', { optional: true }),
    tacitRenewal: z.boolean().default(false),
    renewalPeriodMonths: monthsField('Durée de chaque reconduction (mois)'),
    noticeMonths: monthsField('Préavis (mois)'),
    terms: z.enum(termsValues, { error: fieldMessage('Contrepartie', 'choisissez dans la liste.') }).default('none'),
    yearlyAmountCents: amountField('Montant annuel', { optional: true }),
    inKindDescription: optionalText('Nature de la mise à disposition', 500),
    projectNames: optionalText('Projets liés', 500),
    grantIds: idList('Subventions liées'),
  })
  .transform((agreement, ctx) => {
    const issue = (path: string, label: string, phrase: string) => fieldIssue(ctx, path, label, phrase);

    if (agreement.endDate !== undefined && agreement.endDate < agreement.startDate) {
      issue('endDate', 'Date de fin', 'doit être après la date de début.');
    }
    if (!agreement.tacitRenewal && agreement.endDate === undefined) {
      issue('endDate', 'Date de fin', 'indiquez-la, ou cochez la reconduction tacite.');
    }
    const period = agreement.tacitRenewal ? (agreement.renewalPeriodMonths ?? DEFAULT_RENEWAL_PERIOD_MONTHS) : undefined;
    if (period === 0) issue('renewalPeriodMonths', 'Durée de chaque reconduction (mois)', 'au moins 1 mois.');
    const firstTermEnd = agreement.endDate ?? (period ? periodEndAfterMonths(agreement.startDate, period) : undefined);
    const notice = agreement.noticeMonths;
    if (notice !== undefined && notice > 0 && firstTermEnd !== undefined && firstTermEnd >= agreement.startDate) {
      // A notice period that starts before the agreement does cannot be honoured; so can't one longer than a renewal.
      if (noticeDeadline(firstTermEnd, notice) < dayBefore(agreement.startDate)) {
        issue('noticeMonths', 'Préavis (mois)', 'le préavis est plus long que la convention elle-même.');
      } else if (period !== undefined && period > 0 && notice > period) {
        issue('noticeMonths', 'Préavis (mois)', 'le préavis est plus long que la durée d’une reconduction.');
      }
    }
    if (agreement.terms !== 'none' && agreement.yearlyAmountCents === undefined) {
      issue('yearlyAmountCents', agreement.terms === 'money' ? 'Montant annuel' : 'Valorisation annuelle', 'indiquez le montant par an.');
    }
    const { renewalPeriodMonths: _period, yearlyAmountCents, inKindDescription, ...rest } = agreement;
    return {
      ...rest,
      ...(period !== undefined ? { renewalPeriodMonths: period } : {}),
      ...(agreement.terms !== 'none' && yearlyAmountCents !== undefined ? { yearlyAmountCents } : {}),
      ...(agreement.terms === 'in-kind' && inKindDescription !== undefined ? { inKindDescription } : {}),
    };
  });

export type Agreement = z.output<typeof agreementSchema>;
export type AgreementInput = z.input<typeof agreementSchema>;
/** The stored agreement: its parties live in the agreementParties table, so partnerIds is not stored. */
export type AgreementRecord = RecordStamps & Omit<Agreement, 'partnerIds'>;

/** One row of agreementParties: a partner that signs an agreement (the association always signs). */
export interface AgreementPartyRecord extends RecordStamps {
  agreementId: string;
  partnerId: string;
}

type AgreementDates = Pick<Agreement, 'startDate' | 'endDate' | 'tacitRenewal' | 'renewalPeriodMonths'>;

/** The end of the first term: the end date, or for a tacit renewal without one, start + one period. */
export function firstTermEnd(agreement: AgreementDates): IsoDate {
  if (agreement.endDate !== undefined) return agreement.endDate;
  const period = agreement.renewalPeriodMonths ?? DEFAULT_RENEWAL_PERIOD_MONTHS;
  // Date to date: 12 months from 29 Feb 2024 end on 28 Feb 2025 (there is no 29 Feb 2025).
  return periodEndAfterMonths(agreement.startDate, period);
}

/**
 * The end of the k-th term (0 = first). Renewals are counted from the first renewal date each time rather
 * than added one to another, so a term ending 28 Feb does not drift to the 28th of every later month.
 */
export function termEnd(agreement: AgreementDates, k: number): IsoDate {
  const first = firstTermEnd(agreement);
  if (k === 0 || !agreement.tacitRenewal) return first;
  const period = agreement.renewalPeriodMonths ?? DEFAULT_RENEWAL_PERIOD_MONTHS;
  return periodEndAfterMonths(dayAfter(first), k * period);
}

const MAX_TERMS_SCANNED = 1200;

/**
 * For an agreement with a notice period, the next term end whose denunciation date is today or later,
 * with that date: once a denunciation date has passed, the agreement is renewed and the next one counts.
 * A fixed-term agreement has one term only; null once its date has passed or without notice.
 */
export function nextNoticeDeadline(
  agreement: AgreementDates & Pick<Agreement, 'noticeMonths'>,
  today: IsoDate,
): { termEnd: IsoDate; deadline: IsoDate } | null {
  const notice = agreement.noticeMonths;
  if (notice === undefined || notice === 0) return null;
  for (let k = 0; k < MAX_TERMS_SCANNED; k += 1) {
    const end = termEnd(agreement, k);
    const deadline = noticeDeadline(end, notice);
    if (deadline >= today) return { termEnd: end, deadline };
    if (!agreement.tacitRenewal) return null;
  }
  return null;
}

/** The end of the term running on `today` (for a tacit renewal, after as many renewals as needed). */
export function currentTermEnd(agreement: AgreementDates, today: IsoDate): IsoDate {
  if (!agreement.tacitRenewal) return firstTermEnd(agreement);
  for (let k = 0; k < MAX_TERMS_SCANNED; k += 1) {
    const end = termEnd(agreement, k);
    if (end >= today) return end;
  }
  return termEnd(agreement, MAX_TERMS_SCANNED);
}

/** Days of the exercise that [start, end] covers (end included; no end = to the end of the exercise). */
function daysCoveredInExercise(start: IsoDate, end: IsoDate | undefined, exercise: AccountingExercise): number {
  const from = start > exercise.start ? start : exercise.start;
  const to = end === undefined || end > exercise.end ? exercise.end : end;
  if (to < from) return 0;
  return differenceInCalendarDays(dateFromIso(to), dateFromIso(from)) + 1;
}

/**
 * The agreement's yearly amount (money or in-kind valuation) for one exercise (a bare year: the calendar
 * year), prorated by the days it covers: a premises loan valued 6 000 €/year that starts on 1 July 2026
 * counts 184/365 of it in 2026. A tacit renewal still running counts to the end of the exercise; a dénoncée
 * or terminée one stops at the end of the term running on its end date, or its end date when given.
 * Rounded to the cent.
 */
export function proratedYearlyCents(
  agreement: AgreementDates & Pick<Agreement, 'terms' | 'yearlyAmountCents' | 'status'>,
  period: YearOrExercise,
): number {
  if (agreement.terms === 'none' || agreement.yearlyAmountCents === undefined) return 0;
  const exercise = asExercise(period);
  const stopped = agreement.status === 'denounced' || agreement.status === 'ended';
  const end = agreement.tacitRenewal && !stopped ? undefined : firstTermEnd(agreement);
  const covered = daysCoveredInExercise(agreement.startDate, end, exercise);
  return Math.round((agreement.yearlyAmountCents * covered) / exerciseDays(exercise));
}

/** Where an agreement stands for the list: running, ending within `soonDays`, to renew, or over. */
export type AgreementPhase = 'draft' | 'active' | 'ending-soon' | 'to-renew' | 'over';

export const ENDING_SOON_DAYS = 90;

export function agreementPhase(
  agreement: AgreementDates & Pick<Agreement, 'status' | 'noticeMonths'>,
  today: IsoDate,
  soonDays = ENDING_SOON_DAYS,
): AgreementPhase {
  if (agreement.status === 'draft') return 'draft';
  if (agreement.status === 'ended' || agreement.status === 'denounced') return 'over';
  if (agreement.status === 'to-renew') return 'to-renew';
  const horizon = formatIsoFromDate(addDays(dateFromIso(today), soonDays));
  if (!agreement.tacitRenewal) {
    const end = firstTermEnd(agreement);
    if (end < today) return 'to-renew';
    return end <= horizon ? 'ending-soon' : 'active';
  }
  const next = nextNoticeDeadline(agreement, today);
  return next !== null && next.deadline <= horizon ? 'ending-soon' : 'active';
}

export const AGREEMENT_PHASE_LABELS: Record<AgreementPhase, string> = {
  draft: 'En préparation',
  active: 'En cours',
  'ending-soon': 'Échéance proche',
  'to-renew': 'À renouveler',
  over: 'Terminée ou dénoncée',
};

export interface AgreementFormValues {
  title: string;
  kind: AgreementKind;
  status: AgreementStatus;
  partnerIds: string[];
  object: string;
  signatureDate: string;
  startDate: string;
  endDate: string;
  tacitRenewal: boolean;
  renewalPeriodMonths: string;
  noticeMonths: string;
  terms: AgreementTerms;
  yearlyAmount: string;
  inKindDescription: string;
  projectNames: string;
}

const text = (value: string | number | undefined) => (value === undefined ? '' : String(value));

export function agreementFormValues(agreement?: Omit<Agreement, 'partnerIds'>, partnerIds: string[] = []): AgreementFormValues {
  return {
    title: agreement?.title ?? '',
    kind: agreement?.kind ?? 'partnership',
    status: agreement?.status ?? 'active',
    partnerIds,
    object: text(agreement?.object),
    signatureDate: text(agreement?.signatureDate),
    startDate: text(agreement?.startDate),
    endDate: text(agreement?.endDate),
    tacitRenewal: agreement?.tacitRenewal ?? false,
    renewalPeriodMonths: text(agreement?.renewalPeriodMonths ?? (agreement ? undefined : DEFAULT_RENEWAL_PERIOD_MONTHS)),
    noticeMonths: text(agreement?.noticeMonths),
    terms: agreement?.terms ?? 'none',
    yearlyAmount: centsToEurosText(agreement?.yearlyAmountCents),
    inKindDescription: text(agreement?.inKindDescription),
    projectNames: text(agreement?.projectNames),
  };
}

/**
 * The form's schema: the amount is typed in euros; everything else as the entity schema. The euros field
 * is parsed first so that its own message (« Montant annuel : … ») names the field as typed.
 */
export const agreementFormSchema = z
  .object({ yearlyAmount: amountField('Montant annuel', { optional: true }) })
  .passthrough()
  .transform((values, ctx) => {
    const { yearlyAmount, ...rest } = values;
    const parsed = agreementSchema.safeParse({ ...rest, yearlyAmountCents: yearlyAmount });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path[0] === 'yearlyAmountCents' ? ['yearlyAmount'] : issue.path;
        ctx.addIssue({ code: 'custom', path: path as (string | number)[], message: issue.message });
      }
      return z.NEVER;
    }
    return parsed.data;
  });
