import { formatDateShort, type IsoDate } from '../dates';
import {
  CALENDAR_YEAR,
  exerciseLabel,
  exercisesOverlapping,
  lastClosedExercise,
  type AccountingExercise,
  type ExerciseCalendar,
} from '../exercise';
import { formatCents } from '../money';
import { addMonthsIso } from '../team/day-count';
import { isPublicFunder, type Funder } from '../funding/funder';
import {
  financialReportDueDates,
  monthsAfterEnd,
  needsConvention,
  grantedOrLater,
  reached,
  type GrantApplication,
} from '../funding/grant-application';
import { isReceived, type Payment } from '../funding/payment';
import { applicationShareCents, PUBLICATION_THRESHOLD_CENTS } from '../funding/yearly-summary';
import { deadlineKey, type Deadline } from './deadline';
import type { Target } from '../target';
import { groupBy } from '../group-by';

// The funding rules of DOMAIN.md §8. Pure: the records (bin excluded) and today in, deadlines out.

type Identified<T> = T & { id: string };

export interface FundingDeadlineData {
  funders: readonly Identified<Funder>[];
  applications: readonly Identified<GrantApplication>[];
  payments: readonly Identified<Payment>[];
}

const SOURCE_LABEL = 'Financements';

export interface FundingDeadlineOptions {
  /** The association's exercise (profile); the calendar year by default. */
  calendar?: ExerciseCalendar;
  /** The general assembly that approved the last closed accounts (profile), if entered. */
  accountsApprovedOn?: IsoDate | undefined;
}

/**
 * No text fixes when an association approves its accounts (its statuts do); the default, when the profile
 * gives no date, is the six months companies have (Code de commerce L225-100, L223-26), the usual clause.
 * Publication is due within 3 months of the approval (D612-5 Code de commerce, for L612-4).
 */
export const ACCOUNTS_APPROVAL_MONTHS = 6;
export const PUBLICATION_DELAY_MONTHS = 3;

function applicationTarget(id: string): Target {
  return { screen: 'application', id };
}

export function fundingDeadlines(data: FundingDeadlineData, _today: IsoDate, options: FundingDeadlineOptions = {}): Deadline[] {
  const calendar = options.calendar ?? CALENDAR_YEAR;
  const funderName = new Map(data.funders.map((f) => [f.id, f.name]));
  const paymentsOf = groupBy(data.payments, (p) => p.applicationId);
  const deadlines: Deadline[] = [];

  for (const app of data.applications) {
    const funder = funderName.get(app.funderId) ?? 'Financeur';
    const about = `${funder} — ${app.title}`;

    // Dépôt: only while the request is still being prepared.
    if (app.status === 'to-prepare' && app.filingDeadline !== undefined) {
      deadlines.push({
        key: deadlineKey('grant', app.id, 'filing'),
        source: 'grant',
        rule: 'filing',
        title: `Dépôt de la demande — ${about}`,
        dueDate: app.filingDeadline,
        target: applicationTarget(app.id),
        sourceLabel: SOURCE_LABEL,
        detail: `Montant demandé\u00a0: ${formatCents(app.requestedCents)}`,
      });
    }

    if (needsConvention(app) && app.decidedOn !== undefined) {
      // Nothing can be paid above 23 000 € without it: it is due as soon as the grant is decided.
      deadlines.push({
        key: deadlineKey('grant', app.id, 'convention-to-sign'),
        source: 'grant',
        rule: 'convention-to-sign',
        title: `Convention à signer — ${about}`,
        dueDate: app.decidedOn,
        target: applicationTarget(app.id),
        sourceLabel: SOURCE_LABEL,
        detail: `Accordé\u00a0: ${formatCents(app.agreedCents ?? app.grantedCents ?? 0)} (au-delà de 23\u00a0000\u00a0€, une convention écrite est obligatoire)`,
      });
    }

    const granted = grantedOrLater(app);
    if (granted && !reached(app.status, 'report-submitted', app)) {
      const reports = financialReportDueDates(app, calendar);
      for (const { exercise, accountingExercise, dueDate } of reports) {
        deadlines.push({
          key: deadlineKey('grant', app.id, 'financial-report', exercise.number),
          source: 'grant',
          rule: 'financial-report',
          title: reports.length > 1 ? `Compte-rendu financier (année ${exercise.number}) — ${about}` : `Compte-rendu financier — ${about}`,
          dueDate,
          // Straight to the compte-rendu of that exercise (a CPO owes one a year).
          target: { screen: 'report', id: app.id, exercise: exercise.number },
          sourceLabel: SOURCE_LABEL,
          detail: `Période du ${formatDateShort(exercise.start)} au ${formatDateShort(exercise.end)}, exercice ${exerciseLabel(accountingExercise)} (Cerfa 15059, dans les ${app.reportDelayMonths}\u00a0mois de la fin de l’exercice)`,
        });
      }
    }

    if (granted) {
      for (const payment of paymentsOf.get(app.id) ?? []) {
        if (isReceived(payment)) continue;
        deadlines.push({
          key: deadlineKey('payment', payment.id, 'payment-expected'),
          source: 'payment',
          rule: 'payment-expected',
          title: `Versement attendu${payment.label ? ` (${payment.label})` : ''} — ${about}`,
          dueDate: payment.expectedDate,
          target: applicationTarget(app.id),
          sourceLabel: SOURCE_LABEL,
          detail: `Montant attendu\u00a0: ${formatCents(payment.expectedCents)}`,
          amountCents: payment.expectedCents,
        });
      }
    }
  }

  deadlines.push(...publicationDeadlines(data, calendar, options.accountsApprovedOn));
  return deadlines;
}

/** The approval date of an exercise's accounts: the profile's for the exercise it closed, else end + 6 months. */
export function accountsApprovalDate(exercise: AccountingExercise, calendar: ExerciseCalendar, accountsApprovedOn?: IsoDate): IsoDate {
  if (
    accountsApprovedOn !== undefined &&
    accountsApprovedOn > exercise.end &&
    lastClosedExercise(calendar, accountsApprovedOn).start === exercise.start
  ) {
    return accountsApprovedOn;
  }
  return monthsAfterEnd(exercise.end, ACCOUNTS_APPROVAL_MONTHS);
}

/**
 * Publication of the accounts (L612-4 Code de commerce): the exercises whose share of public grants —
 * each grant pro rata temporis of its period, so a three-year CPO counts in each of its exercises — is
 * strictly above 153 000 €. Due 3 months after the accounts' approval.
 */
function publicationDeadlines(data: FundingDeadlineData, calendar: ExerciseCalendar, accountsApprovedOn: IsoDate | undefined): Deadline[] {
  const kindOf = new Map(data.funders.map((f) => [f.id, f.kind]));
  const publicByExercise = new Map<number, { exercise: AccountingExercise; cents: number }>();
  for (const app of data.applications) {
    const kind = kindOf.get(app.funderId);
    if (app.status === 'refused' || kind === undefined || !isPublicFunder(kind) || app.periodEnd < app.periodStart) continue;
    for (const exercise of exercisesOverlapping(calendar, app.periodStart, app.periodEnd)) {
      const entry = publicByExercise.get(exercise.startYear) ?? { exercise, cents: 0 };
      entry.cents += applicationShareCents(app, exercise);
      publicByExercise.set(exercise.startYear, entry);
    }
  }
  return [...publicByExercise.values()]
    .filter(({ cents }) => cents > PUBLICATION_THRESHOLD_CENTS)
    .map(({ exercise, cents }) => {
      const label = exerciseLabel(exercise);
      const approval = accountsApprovalDate(exercise, calendar, accountsApprovedOn);
      return {
        key: deadlineKey('association', 'accounts', 'accounts-publication', exercise.startYear),
        source: 'association' as const,
        rule: 'accounts-publication',
        title: `Publication des comptes ${label} (subventions publiques au-delà de 153\u00a0000\u00a0€)`,
        dueDate: addMonthsIso(approval, PUBLICATION_DELAY_MONTHS),
        target: { screen: 'yearly-summary', year: exercise.startYear },
        sourceLabel: SOURCE_LABEL,
        detail: `Part de l’exercice ${label} des subventions publiques\u00a0: ${formatCents(cents)} — comptes certifiés par un commissaire aux comptes, à publier dans les 3\u00a0mois de leur approbation (${formatDateShort(approval)})`,
      };
    });
}
