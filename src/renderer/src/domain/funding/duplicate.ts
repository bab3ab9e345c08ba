import { addYears } from 'date-fns';
import { dateFromIso, formatIsoFromDate, type IsoDate } from '../dates';
import { exercisesOf, type GrantApplication } from './grant-application';
import type { Payment } from './payment';

// « Dupliquer pour l'an prochain »: most grants are renewed each year with the same funder, call and
// tranches. The copy starts the day after the old period ends (a CPO moves by its number of years), keeps
// the amounts as the new request, and forgets what belongs to last year: status, step dates, references
// and anything received.

function shift(date: IsoDate, years: number): IsoDate {
  return formatIsoFromDate(addYears(dateFromIso(date), years));
}

export function duplicateForNextYear(
  app: GrantApplication,
  payments: readonly Payment[],
): { application: GrantApplication; payments: Omit<Payment, 'applicationId'>[] } {
  const years = exercisesOf(app).length;
  const application: GrantApplication = {
    funderId: app.funderId,
    title: app.title,
    purpose: app.purpose,
    renewal: true,
    multiYear: app.multiYear,
    periodStart: shift(app.periodStart, years),
    periodEnd: shift(app.periodEnd, years),
    status: 'to-prepare',
    // Asking again for what was obtained is the usual renewal; the user edits it.
    requestedCents: app.agreedCents ?? app.grantedCents ?? app.requestedCents,
    reportDelayMonths: app.reportDelayMonths,
    // A renewal finances the same actions.
    ...(app.projectIds !== undefined ? { projectIds: [...app.projectIds] } : {}),
    ...(app.projects !== undefined ? { projects: app.projects } : {}),
    ...(app.filingDeadline !== undefined ? { filingDeadline: shift(app.filingDeadline, years) } : {}),
    ...(app.notes !== undefined ? { notes: app.notes } : {}),
  };
  const copied = payments.map((p) => ({
    expectedDate: shift(p.expectedDate, years),
    expectedCents: p.expectedCents,
    ...(p.label !== undefined ? { label: p.label } : {}),
  }));
  return { application, payments: copied };
}
