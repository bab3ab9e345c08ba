import { z } from 'zod';
import { amountField, fieldMessage, isoDateField, requiredText } from '../fields';
import type { RecordStamps } from '../record';
import type { OpeningBalance, RecurringLine } from './cash-forecast';
import { fieldIssue } from '../field-issue';

// What the user enters for the Trésorerie screen: the balance read on the bank statement, on its date, and
// the recurring lines the app cannot know (rent, insurance, dues). Stored in the cashLines table, one
// record per line; the opening balance is the record whose kind is « opening » (one per espace).

export const OPENING_BALANCE_ID = 'opening-balance';

export const CASH_RHYTHMS = [
  { value: 'monthly', label: 'Chaque mois' },
  { value: 'quarterly', label: 'Chaque trimestre' },
  { value: 'yearly', label: 'Chaque année' },
] as const;

export const openingBalanceSchema = z.object({
  kind: z.literal('opening'),
  date: isoDateField('Date du solde'),
  amountCents: amountField('Solde en banque'),
  /** An overdraft: the amount is below zero. */
  overdrawn: z.boolean().default(false),
});

export const recurringLineSchema = z
  .object({
    kind: z.literal('recurring'),
    label: requiredText('Libellé', 120),
    direction: z.enum(['in', 'out'], { error: fieldMessage('Sens', 'entrée ou sortie.') }),
    amountCents: amountField('Montant'),
    rhythm: z.enum(['monthly', 'quarterly', 'yearly'], { error: fieldMessage('Rythme', 'choisissez dans la liste.') }),
    firstDate: isoDateField('Première échéance'),
    lastDate: isoDateField('Dernière échéance', { optional: true }),
  })
  .superRefine((line, ctx) => {
    if (line.amountCents === 0) fieldIssue(ctx, 'amountCents', 'Montant', 'doit être supérieur à zéro.');
    if (line.lastDate !== undefined && line.lastDate < line.firstDate) {
      fieldIssue(ctx, 'lastDate', 'Dernière échéance', 'doit être après la première.');
    }
  });

export const cashLineSchema = z.discriminatedUnion('kind', [openingBalanceSchema, recurringLineSchema]);

export type OpeningBalanceEntry = z.output<typeof openingBalanceSchema>;
export type RecurringLineEntry = z.output<typeof recurringLineSchema>;
export type CashLine = z.output<typeof cashLineSchema>;
export type CashLineRecord = RecordStamps & CashLine;

/** The balance among live lines (the repository leaves the bin out: data/treasury-repository.ts). */
export function openingBalanceOf(records: readonly CashLineRecord[]): OpeningBalance | undefined {
  const entry = records.find((r): r is RecordStamps & OpeningBalanceEntry => r.kind === 'opening');
  return entry ? { date: entry.date, amountCents: entry.overdrawn ? -entry.amountCents : entry.amountCents } : undefined;
}

/** The recurring lines among live lines. */
export function recurringLinesOf(records: readonly CashLineRecord[]): RecurringLine[] {
  return records
    .filter((r): r is RecordStamps & RecurringLineEntry => r.kind === 'recurring')
    .map((r) => ({
      id: r.id,
      label: r.label,
      direction: r.direction,
      amountCents: r.amountCents,
      rhythm: r.rhythm,
      firstDate: r.firstDate,
      lastDate: r.lastDate,
    }));
}
