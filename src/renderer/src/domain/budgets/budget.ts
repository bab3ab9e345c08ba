import { z } from 'zod';
import { amountField, fieldMessage, optionalText, requiredText, withCrossFieldRules } from '../fields';
import type { RecordStamps } from '../record';
import { budgetAccount, isGrantAccount, type BudgetScope } from './accounts';
import { fieldIssue } from '../field-issue';

// A budget prévisionnel (DOMAIN.md §5): the association's for one exercise, or one action's. Its lines sit
// on the Cerfa account codes of accounts.ts, in whole euros (stored as cents, decision 6).

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;

export const budgetSchema = withCrossFieldRules(
  z.object({
    scope: z.enum(['association', 'project'], { error: fieldMessage('Budget', 'de l’association ou d’une action.') }),
    /** Set when scope is 'project'. */
    projectId: optionalText('Action', 100),
    /** The year the exercise starts in (the association's exercise dates are on its profile). */
    year: z
      .number({ error: fieldMessage('Exercice', 'année attendue (ex. 2027).') })
      .int({ error: fieldMessage('Exercice', 'année attendue (ex. 2027).') })
      .min(EARLIEST_YEAR, { error: fieldMessage('Exercice', `année ${EARLIEST_YEAR} ou après.`) })
      .max(LATEST_YEAR, { error: fieldMessage('Exercice', `année ${LATEST_YEAR} ou avant.`) }),
    notes: optionalText('Notes', 2000),
  }),
  (budget, ctx) => {
    if (budget.scope === 'project' && budget.projectId === undefined) {
      fieldIssue(ctx, 'projectId', 'Action', 'choisissez l’action de ce budget.');
    }
    if (budget.scope === 'association' && budget.projectId !== undefined) {
      fieldIssue(ctx, 'projectId', 'Action', 'le budget de l’association ne porte pas sur une action.');
    }
  },
);

export type Budget = z.output<typeof budgetSchema>;
export type BudgetInput = z.input<typeof budgetSchema>;
export type BudgetRecord = RecordStamps & Budget;

/** Where a line's amount came from when the user accepted a suggestion (kept to show and refresh it). */
export const LINE_SOURCES = ['staff', 'application', 'in-kind'] as const;
export type BudgetLineSource = (typeof LINE_SOURCES)[number];

// Amounts arrive typed in euros from forms and as cents from stored records and backups (amountField
// takes both); both must be whole euros.
const lineAmount = () => amountField('Montant', { wholeEuros: true, optional: false });
const lineLabel = () => optionalText('Précision', 200);

type LineRules = Partial<{ account: string; grantApplicationId: string | undefined }>;

/** The rules across a line's fields: a known Cerfa account, and a link to an application only on a 74 line. */
function lineRules(line: LineRules, ctx: z.RefinementCtx): void {
  if (line.account === undefined) return;
  if (line.account === '') {
    fieldIssue(ctx, 'account', 'Compte', 'choisissez une ligne du budget.');
    return;
  }
  const account = budgetAccount(line.account);
  if (!account) {
    fieldIssue(ctx, 'account', 'Compte', `« ${line.account} » n’est pas une ligne du budget Cerfa.`);
    return;
  }
  if (line.grantApplicationId !== undefined && !isGrantAccount(account.code)) {
    fieldIssue(ctx, 'grantApplicationId', 'Demande de subvention', 'seule une ligne 74 (subventions) peut être liée à une demande.');
  }
}

export const budgetLineSchema = withCrossFieldRules(
  z.object({
    budgetId: requiredText('Budget', 100),
    account: z.string({ error: fieldMessage('Compte', 'choisissez une ligne du budget.') }),
    /** Detail shown after the account label: « Ville de Bondy », « Loyer du local »… */
    label: lineLabel(),
    amountCents: lineAmount(),
    funderId: optionalText('Financeur', 100),
    /** A linked line follows the application's amount (see budget-lines.ts). */
    grantApplicationId: optionalText('Demande de subvention', 100),
    source: z.enum(LINE_SOURCES).optional(),
    /** Order among the lines of the same account. */
    position: z.number().int().min(0).default(0),
  }),
  lineRules,
);

/**
 * « Ajouter une ligne »: the account, its précision, and the amount in whole euros — or, on a 74 line, the
 * application it follows instead of an amount. Every field's error in one round.
 */
export const budgetLineFormSchema = withCrossFieldRules(
  z.object({
    account: z.string({ error: fieldMessage('Compte', 'choisissez une ligne du budget.') }),
    label: lineLabel(),
    amountCents: amountField('Montant', { wholeEuros: true, optional: true }),
    grantApplicationId: optionalText('Demande de subvention', 100),
  }),
  (line, ctx, failed) => {
    lineRules(line, ctx);
    if (line.grantApplicationId === undefined && line.amountCents === undefined && !failed.has('amountCents')) {
      fieldIssue(ctx, 'amountCents', 'Montant', 'indiquez le montant en euros.');
    }
  },
);

export type BudgetLineFormOutput = z.output<typeof budgetLineFormSchema>;
export type BudgetLineFormValues = { account: string; label: string; amountCents: string; grantApplicationId: string };

/** A line edited in place in the budget table: its précision and its amount, both checked together. */
export const budgetLineEditSchema = z.object({ label: lineLabel(), amountCents: lineAmount() });

export type BudgetLine = z.output<typeof budgetLineSchema>;
export type BudgetLineInput = z.input<typeof budgetLineSchema>;
export type BudgetLineRecord = RecordStamps & BudgetLine;

/** Whether a line's account may appear in a budget of this scope (the CI/RP lines are for actions only). */
export function lineFitsScope(line: Pick<BudgetLine, 'account'>, scope: BudgetScope): boolean {
  const account = budgetAccount(line.account);
  return account !== undefined && (scope === 'project' || !account.projectOnly);
}
