import { addYears, subYears } from 'date-fns';
import { z } from 'zod';
import { compareIso, dateFromIso, formatIsoFromDate, type IsoDate } from '../dates';
import { amountField, fieldMessage, isoDateField, optionalText, requiredText, withCrossFieldRules } from '../fields';
import type { RecordStamps } from '../record';
import { centsToEurosText, formatCents } from '../money';
import { committedCents, type GrantApplication } from './grant-application';
import { fieldIssue } from '../field-issue';

// A payment (versement, tranche) of a grant: expected on a date for an amount; once received, the date and
// amount actually received. Versé is the sum of what was received, never of what was expected.

/** A single tranche above this is a typing slip (an extra zero) for an association of this size. */
export const MAX_PLAUSIBLE_PAYMENT_CENTS = 100_000_000;

export const paymentSchema = withCrossFieldRules(
  z.object({
    applicationId: requiredText('Demande de subvention', 100),
    label: optionalText('Libellé', 120),
    expectedDate: isoDateField('Date prévue'),
    expectedCents: amountField('Montant prévu'),
    receivedDate: isoDateField('Date de réception', { optional: true }),
    receivedCents: amountField('Montant reçu', { optional: true }),
  }),
  (p, ctx) => {
    const issue = (path: string, label: string, phrase: string) => fieldIssue(ctx, path, label, phrase);
    if (p.expectedCents === 0) issue('expectedCents', 'Montant prévu', 'doit être supérieur à zéro.');
    if (p.expectedCents !== undefined && p.expectedCents > MAX_PLAUSIBLE_PAYMENT_CENTS) {
      issue('expectedCents', 'Montant prévu', 'montant invraisemblable pour une tranche — vérifiez les zéros.');
    }
    if (p.receivedCents !== undefined && p.receivedCents > MAX_PLAUSIBLE_PAYMENT_CENTS) {
      issue('receivedCents', 'Montant reçu', 'montant invraisemblable pour une tranche — vérifiez les zéros.');
    }
    if (p.receivedDate !== undefined && p.receivedCents === undefined) {
      issue('receivedCents', 'Montant reçu', 'indiquez le montant reçu à cette date.');
    }
    if (p.receivedCents !== undefined && p.receivedDate === undefined) {
      issue('receivedDate', 'Date de réception', 'indiquez la date à laquelle le montant a été reçu.');
    }
  },
);

export type Payment = z.output<typeof paymentSchema>;
export type PaymentInput = z.input<typeof paymentSchema>;
export type PaymentRecord = RecordStamps & Payment;

/**
 * Dates a payment of this application can plausibly have: from a year before its period (advances paid
 * on filing) to three years after it (late balances). Outside, it is a typing slip (2062 for 2026).
 */
export function paymentProblems(
  payment: Pick<Payment, 'expectedDate' | 'receivedDate'>,
  app: Pick<GrantApplication, 'periodStart' | 'periodEnd'>,
): Record<string, string> {
  const earliest = formatIsoFromDate(subYears(dateFromIso(app.periodStart), 1));
  const latest = formatIsoFromDate(addYears(dateFromIso(app.periodEnd), 3));
  const problems: Record<string, string> = {};
  const check = (key: 'expectedDate' | 'receivedDate', label: string, date: IsoDate | undefined) => {
    if (date !== undefined && (date < earliest || date > latest)) {
      problems[key] = fieldMessage(label, 'trop loin de la période de la subvention — vérifiez l’année.');
    }
  };
  check('expectedDate', 'Date prévue', payment.expectedDate);
  check('receivedDate', 'Date de réception', payment.receivedDate);
  return problems;
}

/**
 * A received date after today cannot be true: nothing has reached the account yet (the dashboard's « Fait »
 * refuses it the same way). Leave the reception empty until the money arrives.
 */
export function futureReceptionProblem(receivedDate: IsoDate | undefined, today: IsoDate): string | undefined {
  if (receivedDate === undefined || receivedDate <= today) return undefined;
  return fieldMessage('Date de réception', 'dans le futur — laissez la réception vide tant que le versement n’est pas arrivé.');
}

/**
 * The payment dialog's schema: the entity's, plus what the repository refuses because it needs today or the
 * grant (a reception dated in the future, a date years away from the grant's period) — checked in the same
 * round as the fields, so that the dialog never says a second error only after the first is fixed.
 */
export function paymentFormSchema(today: IsoDate, app?: Pick<GrantApplication, 'periodStart' | 'periodEnd'>) {
  return withCrossFieldRules(paymentSchema, (p, ctx) => {
    const future = futureReceptionProblem(p.receivedDate, today);
    if (future !== undefined) ctx.addIssue({ code: 'custom', path: ['receivedDate'], message: future });
    if (!app || p.expectedDate === undefined) return;
    const problems = paymentProblems({ expectedDate: p.expectedDate, receivedDate: p.receivedDate }, app);
    for (const [path, message] of Object.entries(problems)) {
      if (path === 'receivedDate' && future !== undefined) continue;
      ctx.addIssue({ code: 'custom', path: [path], message });
    }
  });
}

/** A refused grant is paid nothing: no tranche can be added to it. */
export function acceptsPayments(app: Pick<GrantApplication, 'status'>): boolean {
  return app.status !== 'refused';
}

export const REFUSED_GRANT_PAYMENT_MESSAGE = 'Demande de subvention\u00a0: refusée — aucun versement ne peut y être ajouté.';

/**
 * What is worth a look before saving a tranche, but may be true (a funder's mistake to be paid back, a
 * convention amended later): the received total above the committed amount (conventionné, else accordé), and
 * the planned tranches above it. `others` are the application's other payments (this one excluded).
 */
export function paymentWarnings(
  draft: { expectedCents?: number | undefined; receivedCents?: number | undefined },
  app: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'>,
  others: readonly Pick<Payment, 'expectedCents' | 'receivedCents'>[],
): { expectedCents?: string; receivedCents?: string } {
  const committed = app.status === 'refused' ? undefined : committedCents(app);
  if (committed === undefined) return {};
  const warnings: { expectedCents?: string; receivedCents?: string } = {};
  const basis = app.agreedCents !== undefined ? 'conventionnés' : 'accordés';
  if (draft.receivedCents !== undefined) {
    const received = paidCents(others) + draft.receivedCents;
    if (received > committed) {
      warnings.receivedCents = fieldMessage(
        'Montant reçu',
        `avec ce versement, ${formatCents(received)} reçus pour ${formatCents(committed)} ${basis} — trop-perçu de ${formatCents(received - committed)}.`,
      );
    }
  }
  if (draft.expectedCents !== undefined) {
    const planned = plannedCents(others) + draft.expectedCents;
    if (planned > committed) {
      warnings.expectedCents = fieldMessage(
        'Montant prévu',
        `les tranches prévues totalisent ${formatCents(planned)} pour ${formatCents(committed)} ${basis} (${formatCents(planned - committed)} de trop).`,
      );
    }
  }
  return warnings;
}

/** The sum of the tranches as planned (montant prévu), received or not. */
export function plannedCents(payments: readonly Pick<Payment, 'expectedCents'>[]): number {
  return payments.reduce((sum, p) => sum + p.expectedCents, 0);
}

/**
 * The application's page and lists: what its payments as a whole say against the committed amount. An
 * overpayment is never hidden behind « reste à percevoir : 0 ».
 */
export function applicationPaymentFlags(
  app: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'>,
  payments: readonly Pick<Payment, 'expectedCents' | 'receivedCents'>[],
): { overpaidCents: number; plannedAboveCents: number } {
  const committed = app.status === 'refused' ? undefined : committedCents(app);
  return {
    overpaidCents: overpaidCents(app, paidCents(payments)),
    plannedAboveCents: committed === undefined ? 0 : Math.max(0, plannedCents(payments) - committed),
  };
}

/**
 * Trop-perçu: what was received above the committed amount (conventionné, else accordé) — on a refused
 * grant, everything received. Nothing while no amount is decided.
 */
export function overpaidCents(app: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'>, paid: number): number {
  const committed = app.status === 'refused' ? 0 : committedCents(app);
  if (committed === undefined) return 0;
  return Math.max(0, paid - committed);
}

export function isReceived(p: Pick<Payment, 'receivedDate'>): boolean {
  return p.receivedDate !== undefined;
}

/** Past its expected date and not received. */
export function isPaymentOverdue(p: Pick<Payment, 'expectedDate' | 'receivedDate'>, today: IsoDate): boolean {
  return !isReceived(p) && p.expectedDate < today;
}

/** Versé: the sum of received payments. */
export function paidCents(payments: readonly Pick<Payment, 'receivedCents'>[]): number {
  return payments.reduce((sum, p) => sum + (p.receivedCents ?? 0), 0);
}

export function byExpectedDate(a: Pick<Payment, 'expectedDate'>, b: Pick<Payment, 'expectedDate'>): number {
  return compareIso(a.expectedDate, b.expectedDate);
}

export interface PaymentFormValues {
  applicationId: string;
  label: string;
  expectedDate: string;
  expectedCents: string;
  receivedDate: string;
  receivedCents: string;
}

export function paymentFormValues(p?: Partial<Payment>, applicationId = p?.applicationId ?? ''): PaymentFormValues {
  return {
    applicationId,
    label: p?.label ?? '',
    expectedDate: p?.expectedDate ?? '',
    expectedCents: centsToEurosText(p?.expectedCents),
    receivedDate: p?.receivedDate ?? '',
    receivedCents: centsToEurosText(p?.receivedCents),
  };
}
