import { addMonths } from 'date-fns';
import { dateFromIso, formatDateShort, formatIsoFromDate, type IsoDate } from '../dates';
import { formatCents } from '../money';
import { isPublicFunder, type Funder } from '../funding/funder';
import {
  financialReportDueDates,
  needsConvention,
  reached,
  type GrantApplication,
} from '../funding/grant-application';
import { isReceived, type Payment } from '../funding/payment';
import { applicationYear, PUBLICATION_THRESHOLD_CENTS } from '../funding/yearly-summary';
import { deadlineKey, type Deadline } from './deadline';

// The funding rules of DOMAIN.md §8. Pure: the records (bin excluded) and today in, deadlines out.

type Identified<T> = T & { id: string };

export interface FundingDeadlineData {
  funders: readonly Identified<Funder>[];
  applications: readonly Identified<GrantApplication>[];
  payments: readonly Identified<Payment>[];
}

const SOURCE_LABEL = 'Financements';

/**
 * Accounts of the year in which public grants passed 153 000 € must be published; the default due date is
 * the end of the calendar exercise + 6 months (accounts approved by then) **[verify]**.
 */
export const PUBLICATION_DELAY_MONTHS = 6;

function applicationLink(id: string): string {
  return `/financements/demandes/${id}`;
}

export function fundingDeadlines(data: FundingDeadlineData, _today: IsoDate): Deadline[] {
  const funderName = new Map(data.funders.map((f) => [f.id, f.name]));
  // Payments grouped once, in their given order: scanning every payment for every application was
  // quadratic, 9 million comparisons for ten years of an association.
  const paymentsOf = new Map<string, Identified<Payment>[]>();
  for (const payment of data.payments) {
    const own = paymentsOf.get(payment.applicationId);
    if (own) own.push(payment);
    else paymentsOf.set(payment.applicationId, [payment]);
  }
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
        link: applicationLink(app.id),
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
        link: applicationLink(app.id),
        sourceLabel: SOURCE_LABEL,
        detail: `Accordé\u00a0: ${formatCents(app.agreedCents ?? app.grantedCents ?? 0)} (au-delà de 23\u00a0000\u00a0€, une convention écrite est obligatoire)`,
      });
    }

    const granted = reached(app.status, 'granted');
    if (granted && !reached(app.status, 'report-submitted')) {
      const reports = financialReportDueDates(app);
      for (const { exercise, dueDate } of reports) {
        deadlines.push({
          key: deadlineKey('grant', app.id, 'financial-report', exercise.number),
          source: 'grant',
          rule: 'financial-report',
          title:
            reports.length > 1
              ? `Compte-rendu financier (année ${exercise.number}) — ${about}`
              : `Compte-rendu financier — ${about}`,
          dueDate,
          link: applicationLink(app.id),
          sourceLabel: SOURCE_LABEL,
          detail: `Exercice du ${formatDateShort(exercise.start)} au ${formatDateShort(exercise.end)} (Cerfa 15059)`,
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
          link: applicationLink(app.id),
          sourceLabel: SOURCE_LABEL,
          detail: `Montant attendu\u00a0: ${formatCents(payment.expectedCents)}`,
          amountCents: payment.expectedCents,
        });
      }
    }
  }

  deadlines.push(...publicationDeadlines(data));
  return deadlines;
}

function publicationDeadlines(data: FundingDeadlineData): Deadline[] {
  const kindOf = new Map(data.funders.map((f) => [f.id, f.kind]));
  const publicByYear = new Map<number, number>();
  for (const app of data.applications) {
    const kind = kindOf.get(app.funderId);
    if (app.status === 'refused' || kind === undefined || !isPublicFunder(kind)) continue;
    const year = applicationYear(app);
    publicByYear.set(year, (publicByYear.get(year) ?? 0) + (app.grantedCents ?? 0));
  }
  return [...publicByYear.entries()]
    .filter(([, cents]) => cents > PUBLICATION_THRESHOLD_CENTS)
    .map(([year, cents]) => ({
      key: deadlineKey('association', 'accounts', 'accounts-publication', year),
      source: 'association' as const,
      rule: 'accounts-publication',
      title: `Publication des comptes ${year} (subventions publiques au-delà de 153\u00a0000\u00a0€)`,
      dueDate: formatIsoFromDate(addMonths(dateFromIso(`${year}-12-31`), PUBLICATION_DELAY_MONTHS)),
      link: `/financements/bilan/${year}`,
      sourceLabel: SOURCE_LABEL,
      detail: `Subventions publiques accordées en ${year}\u00a0: ${formatCents(cents)} — comptes à publier et commissaire aux comptes à nommer`,
    }));
}
