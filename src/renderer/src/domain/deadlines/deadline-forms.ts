import { z } from 'zod';
import type { IsoDate } from '../dates';
import { amountField, fieldMessage, isoDateField, withCrossFieldRules } from '../fields';

// The dashboard's small forms (issue 12): « Reporter au », « Ne plus rappeler » and the fact a « Fait »
// records in its fiche. Their schemas live here so that the form says every problem under its field in one
// round — an impossible date (31/02/2026) included — before anything is written.

export const SNOOZE_LABEL = 'Reporter au';
export const DISMISS_REASON_LABEL = 'Pourquoi ne plus rappeler\u00a0?';
export const DISMISS_REASON_MAX = 300;

/** « Reporter au »: a real date, after today (a deadline snoozed to today or before would not leave the list). */
export function snoozeFormSchema(today: IsoDate) {
  return withCrossFieldRules(z.object({ until: isoDateField(SNOOZE_LABEL) }), (value, ctx) => {
    if (value.until !== undefined && value.until <= today) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: fieldMessage(SNOOZE_LABEL, 'choisissez une date après aujourd’hui.') });
    }
  });
}
export type SnoozeFormValues = { until: string };

export const DISMISS_REASON_REQUIRED = fieldMessage(
  'Raison',
  'dites pourquoi ne plus rappeler cette échéance (elle est gardée dans le journal).',
);
export const DISMISS_REASON_TOO_LONG = fieldMessage('Raison', `${DISMISS_REASON_MAX} caractères au plus.`);

/** « Ne plus rappeler »: the reason is required, it goes to the journal with who and when. */
export const dismissFormSchema = z.object({
  reason: z
    .string({ error: DISMISS_REASON_REQUIRED })
    .trim()
    .min(1, DISMISS_REASON_REQUIRED)
    .max(DISMISS_REASON_MAX, DISMISS_REASON_TOO_LONG),
});
export type DismissFormValues = { reason: string };

/**
 * The fact behind « Fait » (a payment received, an application filed, a DPAE…): its date, a real one and not
 * after today (a step is recorded once it happened); for a payment, the amount received too.
 */
export function factFormSchema(dateLabel: string, today: IsoDate, withAmount: boolean) {
  const amount = withAmount ? amountField('Montant reçu') : amountField('Montant reçu', { optional: true });
  return withCrossFieldRules(z.object({ date: isoDateField(dateLabel), amount }), (value, ctx) => {
    if (value.date !== undefined && value.date > today) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: fieldMessage(dateLabel, 'la date ne peut pas être après aujourd’hui.') });
    }
  });
}
export type FactFormValues = { date: string; amount: string };
export type FactFormOutput = { date: IsoDate; amount?: number | undefined };
