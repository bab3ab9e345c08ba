import { addMonths, differenceInCalendarMonths, endOfMonth, isLastDayOfMonth } from 'date-fns';
import { z } from 'zod';
import { dateFromIso, formatIsoFromDate, type IsoDate } from '../dates';
import { amountField, fieldMessage, isoDateField, optionalText, requiredText, withCrossFieldRules } from '../fields';
import type { RecordStamps } from '../record';
import { addDaysIso, minIso, periodEndAfterMonths } from '../team/day-count';
import { CALENDAR_YEAR, exerciseContaining, type AccountingExercise, type ExerciseCalendar } from '../exercise';
import { centsToEurosText } from '../money';
import { fieldIssue } from '../field-issue';

// A grant application (demande de subvention, DOMAIN.md §4): one request to one funder for one period,
// with its status chain and the date each step was reached.

export const GRANT_STATUSES = [
  { value: 'to-prepare', label: 'À préparer' },
  { value: 'filed', label: 'Déposée' },
  { value: 'granted', label: 'Accordée' },
  { value: 'refused', label: 'Refusée' },
  { value: 'agreement-signed', label: 'Convention signée' },
  { value: 'paid', label: 'Soldée' },
  { value: 'report-submitted', label: 'Compte-rendu remis' },
  { value: 'closed', label: 'Clôturée' },
] as const;

export type GrantStatus = (typeof GRANT_STATUSES)[number]['value'];

const statusValues = GRANT_STATUSES.map((s) => s.value) as [GrantStatus, ...GrantStatus[]];

export function grantStatusLabel(status: GrantStatus): string {
  return GRANT_STATUSES.find((s) => s.value === status)?.label ?? status;
}

/** The date field that records when each status was reached. */
export const STATUS_DATE_FIELD = {
  filed: 'filedOn',
  granted: 'decidedOn',
  refused: 'decidedOn',
  'agreement-signed': 'agreementSignedOn',
  paid: 'paidOn',
  'report-submitted': 'reportSubmittedOn',
  closed: 'closedOn',
} as const satisfies Record<Exclude<GrantStatus, 'to-prepare'>, string>;

export type StepDateField = (typeof STATUS_DATE_FIELD)[keyof typeof STATUS_DATE_FIELD];

export const STEP_DATE_LABELS: Record<StepDateField, string> = {
  filedOn: 'Date de dépôt',
  decidedOn: 'Date de décision',
  agreementSignedOn: 'Date de signature de la convention',
  paidOn: 'Date du solde',
  reportSubmittedOn: 'Date de remise du compte-rendu',
  closedOn: 'Date de clôture',
};

// The granted path, in order; a refusal branches off after « déposée » and can only be closed. After the
// convention, « soldée » and « compte-rendu remis » come in either order (DOMAIN.md §4: the balance is
// often paid only once the compte-rendu is in), then « clôturée ».
const SIGNED_PATH: readonly GrantStatus[] = ['to-prepare', 'filed', 'granted', 'agreement-signed'];
const REFUSED_PATH: readonly GrantStatus[] = ['to-prepare', 'filed', 'refused', 'closed'];

/**
 * What the record says of its path: the dates that tell in which order « soldée » and « compte-rendu remis »
 * came, and, for a « clôturée » one, whether it was granted (a voted amount, a convention, a payment or a
 * compte-rendu) or refused then closed.
 */
export type StepDates = Partial<Pick<GrantApplication, 'paidOn' | 'reportSubmittedOn' | 'grantedCents' | 'agreementSignedOn'>>;

/**
 * A « clôturée » application went the refused way when nothing of the granted path is on it: no amount voted
 * (the form asks for it at « accordée »), no convention signed, no balance paid, no compte-rendu remis.
 */
function closedAfterRefusal(dates: Partial<Record<keyof StepDates, unknown>>): boolean {
  return (
    dates.grantedCents === undefined &&
    dates.agreementSignedOn === undefined &&
    dates.paidOn === undefined &&
    dates.reportSubmittedOn === undefined
  );
}

export const PURPOSES = [
  { value: 'operating', label: 'Fonctionnement' },
  { value: 'project', label: 'Projet' },
] as const;
export type GrantPurpose = (typeof PURPOSES)[number]['value'];
const purposeValues = PURPOSES.map((p) => p.value) as [GrantPurpose, ...GrantPurpose[]];

/** A CPO runs up to 4 years (DOMAIN.md §4). */
export const MAX_MULTI_YEAR_YEARS = 4;
/** Above this, a written convention is required for a single grant (DOMAIN.md §4). */
export const CONVENTION_THRESHOLD_CENTS = 2_300_000;
export const DEFAULT_REPORT_DELAY_MONTHS = 6;

const COMPTE_ASSO_REF = /^\d{2}-\d{6}$/;
const CHORUS_EJ = /^[A-Za-z0-9]{10}$/;

function patternText(label: string, pattern: RegExp, hint: string, max = 40) {
  return optionalText(label, max).refine((v) => v === undefined || pattern.test(v), { error: fieldMessage(label, hint) });
}

const boolean = (label: string) => z.boolean({ error: fieldMessage(label, 'répondez oui ou non.') });

export const grantApplicationSchema = withCrossFieldRules(
  z.object({
    funderId: requiredText('Financeur', 100),
    title: requiredText('Appel à projets ou dispositif', 200),
    /** Notes on the actions; the link itself is `projectIds`. */
    projects: optionalText('Actions financées', 1000),
    /**
     * The actions (Cerfa §6) this application finances; empty for an operating grant, which finances the
     * association's own budget. Suggestions, the dossier and the compte-rendu follow this link, never titles.
     */
    projectIds: z
      .array(z.string().min(1).max(100))
      .max(50, { error: fieldMessage('Actions financées', '50 actions au plus.') })
      .optional(),
    purpose: z.enum(purposeValues, { error: fieldMessage('Objet de la demande', 'fonctionnement ou projet.') }),
    renewal: boolean('Renouvellement'),
    multiYear: boolean('Pluriannuelle (CPO)'),
    periodStart: isoDateField('Début de la période'),
    periodEnd: isoDateField('Fin de la période'),
    filingDeadline: isoDateField('Date limite de dépôt', { optional: true }),
    status: z.enum(statusValues, { error: fieldMessage('Statut', 'choisissez un statut.') }),
    filedOn: isoDateField('Date de dépôt', { optional: true }),
    decidedOn: isoDateField('Date de décision', { optional: true }),
    agreementSignedOn: isoDateField('Date de signature de la convention', { optional: true }),
    paidOn: isoDateField('Date du solde', { optional: true }),
    reportSubmittedOn: isoDateField('Date de remise du compte-rendu', { optional: true }),
    closedOn: isoDateField('Date de clôture', { optional: true }),
    dauphinRef: optionalText('Numéro Dauphin', 40),
    compteAssoRef: patternText('Numéro Compte Asso', COMPTE_ASSO_REF, 'format NN-NNNNNN attendu (ex. 93-123456).'),
    chorusEj: patternText('Numéro d’engagement juridique Chorus', CHORUS_EJ, '10 lettres ou chiffres attendus.'),
    requestedCents: amountField('Montant demandé'),
    grantedCents: amountField('Montant accordé', { optional: true }),
    agreedCents: amountField('Montant conventionné', { optional: true }),
    reportDelayMonths: z
      .number({ error: fieldMessage('Délai du compte-rendu', 'nombre de mois attendu.') })
      .int({ error: fieldMessage('Délai du compte-rendu', 'nombre entier de mois attendu.') })
      .min(1, { error: fieldMessage('Délai du compte-rendu', 'au moins 1 mois.') })
      .max(24, { error: fieldMessage('Délai du compte-rendu', '24 mois au plus.') })
      .default(DEFAULT_REPORT_DELAY_MONTHS),
    notes: optionalText('Notes', 2000),
  }),
  (app, ctx) => {
    const issue = (path: string, label: string, phrase: string) => fieldIssue(ctx, path, label, phrase);

    const { periodStart, periodEnd, status } = app;
    if (periodStart === undefined || periodEnd === undefined) {
      // The period's own field messages are said; the rules below that need it wait for it.
    } else if (periodEnd <= periodStart) {
      issue('periodEnd', 'Fin de la période', 'doit être après le début de la période.');
    } else if (app.multiYear && exercisesOf({ periodStart, periodEnd, multiYear: true }).length > MAX_MULTI_YEAR_YEARS) {
      issue('periodEnd', 'Fin de la période', `une convention pluriannuelle couvre ${MAX_MULTI_YEAR_YEARS} ans au plus.`);
    }

    if (status === undefined) return;
    // Each step happens after the one before it: a decision cannot precede the filing.
    let previous: { field: StepDateField; date: IsoDate } | undefined;
    for (const step of pathOf(status, app)) {
      if (step === 'to-prepare') continue;
      const field = STATUS_DATE_FIELD[step];
      const date = app[field];
      if (date === undefined) continue;
      if (previous && date < previous.date && previous.field !== field) {
        issue(field, STEP_DATE_LABELS[field], `doit être après la ${STEP_DATE_LABELS[previous.field].toLowerCase()}.`);
      }
      previous = { field, date };
    }

    if (status !== 'to-prepare') {
      const field = STATUS_DATE_FIELD[status];
      if (app[field] === undefined) {
        issue(field, STEP_DATE_LABELS[field], `indiquez-la pour le statut « ${grantStatusLabel(status)} ».`);
      }
    }
    if (reached(status, 'granted', app) && app.grantedCents === undefined) {
      issue('grantedCents', 'Montant accordé', 'indiquez le montant voté par le financeur.');
    }
  },
);

export type GrantApplication = z.output<typeof grantApplicationSchema>;
export type GrantApplicationInput = z.input<typeof grantApplicationSchema>;
export type GrantApplicationRecord = RecordStamps & GrantApplication;

/** The actions an application finances (none: the association's operating budget). */
export function financedProjectIds(app: Pick<GrantApplication, 'projectIds'>): readonly string[] {
  return app.projectIds ?? [];
}

/** Whether an application finances this action (by its link, never by its title). */
export function financesProject(app: Pick<GrantApplication, 'projectIds'>, projectId: string): boolean {
  return financedProjectIds(app).includes(projectId);
}

/**
 * The statuses from the start to `status`, along the path it belongs to. At « soldée » the compte-rendu
 * counts as already remis when its date is recorded (and the other way round); a clôturée grant went
 * through both, in the order of their dates (soldée first when they do not say); a clôturée refusal went
 * through « refusée » only (see closedAfterRefusal).
 */
export function pathOf(status: GrantStatus, dates: StepDates = {}): readonly GrantStatus[] {
  if (status === 'refused') return REFUSED_PATH.slice(0, 3);
  if (status === 'closed' && closedAfterRefusal(dates)) return REFUSED_PATH;
  const signed = SIGNED_PATH.indexOf(status);
  if (signed >= 0) return SIGNED_PATH.slice(0, signed + 1);
  const { paidOn, reportSubmittedOn } = dates;
  const reportFirst = reportSubmittedOn !== undefined && (paidOn === undefined || reportSubmittedOn < paidOn);
  if (status === 'paid') return [...SIGNED_PATH, ...(reportFirst ? (['report-submitted'] as const) : []), 'paid'];
  if (status === 'report-submitted') {
    const paidFirst = paidOn !== undefined && (reportSubmittedOn === undefined || paidOn <= reportSubmittedOn);
    return [...SIGNED_PATH, ...(paidFirst ? (['paid'] as const) : []), 'report-submitted'];
  }
  return [...SIGNED_PATH, ...(reportFirst ? (['report-submitted', 'paid'] as const) : (['paid', 'report-submitted'] as const)), 'closed'];
}

/** Whether an application at `status` has gone through `step` (a refused one never reaches « accordée »). */
export function reached(status: GrantStatus, step: GrantStatus, dates: StepDates = {}): boolean {
  return pathOf(status, dates).includes(step);
}

/**
 * « Accordée » or any status after it on the granted path (convention signée, soldée, compte-rendu remis,
 * clôturée after a grant — not a refusal clôturée): what counts as committed money, what is due a
 * compte-rendu (DOMAIN.md §4). The one test of it; it needs the record, since « clôturée » ends both paths.
 */
export function grantedOrLater(app: { status: GrantStatus } & StepDates): boolean {
  return reached(app.status, 'granted', app);
}

/** The statuses one can move to from `status`. */
export function nextStatuses(status: GrantStatus, dates: StepDates = {}): GrantStatus[] {
  if (status === 'to-prepare') return ['filed'];
  if (status === 'filed') return ['granted', 'refused'];
  if (status === 'refused') return ['closed'];
  if (status === 'granted') return ['agreement-signed'];
  if (status === 'agreement-signed') return ['paid', 'report-submitted'];
  if (status === 'paid') return reached(status, 'report-submitted', dates) ? ['closed'] : ['report-submitted'];
  if (status === 'report-submitted') return reached(status, 'paid', dates) ? ['closed'] : ['paid'];
  return [];
}

/**
 * The step date fields a form shows for `status`: those of its path, and both of the two steps in either order.
 * A « clôturée » with nothing of the granted path typed (see closedAfterRefusal) is a refusal closed: filing,
 * decision and closing only. The order never follows the dates, so that fields do not move while typed.
 */
export function stepDateFields(status: GrantStatus, typed: Partial<Record<keyof StepDates, string>> = {}): StepDateField[] {
  const given = Object.fromEntries(Object.entries(typed).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const steps =
    status === 'paid' || status === 'report-submitted'
      ? ([...SIGNED_PATH, 'paid', 'report-submitted'] as const)
      : status === 'closed'
        ? closedAfterRefusal(given)
          ? REFUSED_PATH
          : ([...SIGNED_PATH, 'paid', 'report-submitted', 'closed'] as const)
        : pathOf(status);
  return [...new Set(steps.flatMap((s) => (s === 'to-prepare' ? [] : [STATUS_DATE_FIELD[s]])))];
}

export interface StatusStep {
  status: GrantStatus;
  date: IsoDate | undefined;
}

/**
 * The history shown on an application's page: each step reached, with its date, in the order of those
 * dates. « À préparer » takes the day the record was created (`createdOn`) only when that day comes before
 * every later step: a request entered today that was filed last year was not « créée » after its filing.
 */
export function statusHistory(app: GrantApplication, createdOn?: IsoDate): StatusStep[] {
  const steps = pathOf(app.status, app)
    .filter((status) => status !== 'to-prepare')
    .map((status) => ({ status, date: app[STATUS_DATE_FIELD[status]] }));
  const dated = steps.filter((s) => s.date !== undefined).map((s) => s.date as IsoDate);
  const first = dated.length > 0 ? dated.reduce((a, b) => (a < b ? a : b)) : undefined;
  const created = createdOn !== undefined && (first === undefined || createdOn <= first) ? createdOn : undefined;
  // Stable sort on the dates; a step without a date keeps its place after the one before it.
  let last = '';
  const keyed = steps.map((s, index) => {
    if (s.date !== undefined) last = s.date;
    return { s, key: s.date ?? last, index };
  });
  keyed.sort((a, b) => (a.key === b.key ? a.index - b.index : a.key < b.key ? -1 : 1));
  return [{ status: 'to-prepare', date: created }, ...keyed.map((k) => k.s)];
}

export interface Exercise {
  /** 1 for the first year of the period. */
  number: number;
  start: IsoDate;
  end: IsoDate;
}

/**
 * The years a grant finances: one for an annual grant, one per 12-month slice of the period for a CPO
 * (the last one ends with the period). Slices are counted date to date from the period's start
 * (periodEndAfterMonths), so a CPO from 29 Feb 2024 to 28 Feb 2027 is three years, not three and a day.
 */
export function exercisesOf(app: Pick<GrantApplication, 'periodStart' | 'periodEnd' | 'multiYear'>): Exercise[] {
  if (!app.multiYear) return [{ number: 1, start: app.periodStart, end: app.periodEnd }];
  const exercises: Exercise[] = [];
  let sliceStart = app.periodStart;
  for (let n = 0; n < 10 && sliceStart <= app.periodEnd; n++) {
    const sliceEnd = periodEndAfterMonths(app.periodStart, 12 * (n + 1));
    exercises.push({ number: n + 1, start: sliceStart, end: minIso(sliceEnd, app.periodEnd) });
    sliceStart = addDaysIso(sliceEnd, 1);
  }
  return exercises;
}

/** `months` after a date; from a month's last day, a month's last day (30 June + 6 → 31 December). */
export function monthsAfterEnd(end: IsoDate, months: number): IsoDate {
  const date = dateFromIso(end);
  const due = addMonths(date, months);
  return formatIsoFromDate(isLastDayOfMonth(date) ? endOfMonth(due) : due);
}

/**
 * Compte-rendu financier: within `reportDelayMonths` (default 6) after the end of the association's
 * exercise for which the grant was given (loi n° 2000-321 art. 10; arrêté du 11 octobre 2006, Cerfa 15059):
 * for each year of the grant, the association's exercise in which that year ends. A calendar-year
 * association's grant for September 2025 – August 2026 reports by 30 June 2027, not by 28 February.
 */
export function financialReportDueDates(
  app: Pick<GrantApplication, 'periodStart' | 'periodEnd' | 'multiYear' | 'reportDelayMonths'>,
  calendar: ExerciseCalendar = CALENDAR_YEAR,
): { exercise: Exercise; accountingExercise: AccountingExercise; dueDate: IsoDate }[] {
  return exercisesOf(app).map((exercise) => {
    const accountingExercise = exerciseContaining(calendar, exercise.end);
    return { exercise, accountingExercise, dueDate: monthsAfterEnd(accountingExercise.end, app.reportDelayMonths) };
  });
}

/** The amount the association can count on: conventionné, else accordé. */
export function committedCents(app: Pick<GrantApplication, 'grantedCents' | 'agreedCents'>): number | undefined {
  return app.agreedCents ?? app.grantedCents;
}

/** Accordé above demandé is allowed (a funder may round up) but worth showing. */
export function grantedAboveRequested(app: Pick<GrantApplication, 'grantedCents' | 'requestedCents'>): boolean {
  return app.grantedCents !== undefined && app.grantedCents > app.requestedCents;
}

/** Granted above 23 000 € with no signed convention yet (DOMAIN.md §4). */
export function needsConvention(app: Pick<GrantApplication, 'status' | 'grantedCents' | 'agreedCents'>): boolean {
  const amount = committedCents(app) ?? 0;
  return app.status === 'granted' && amount > CONVENTION_THRESHOLD_CENTS;
}

/** Months of the period, for display (« 12 mois », « 36 mois »). */
export function periodMonths(app: Pick<GrantApplication, 'periodStart' | 'periodEnd'>): number {
  return differenceInCalendarMonths(dateFromIso(app.periodEnd), dateFromIso(app.periodStart)) + 1;
}

export interface GrantApplicationFormValues {
  funderId: string;
  title: string;
  projects: string;
  projectIds: string[];
  purpose: GrantPurpose;
  renewal: boolean;
  multiYear: boolean;
  periodStart: string;
  periodEnd: string;
  filingDeadline: string;
  status: GrantStatus;
  filedOn: string;
  decidedOn: string;
  agreementSignedOn: string;
  paidOn: string;
  reportSubmittedOn: string;
  closedOn: string;
  dauphinRef: string;
  compteAssoRef: string;
  chorusEj: string;
  requestedCents: string;
  grantedCents: string;
  agreedCents: string;
  reportDelayMonths: number;
  notes: string;
}

export function grantApplicationFormValues(app?: Partial<GrantApplication>): GrantApplicationFormValues {
  return {
    funderId: app?.funderId ?? '',
    title: app?.title ?? '',
    projects: app?.projects ?? '',
    projectIds: app?.projectIds ?? [],
    purpose: app?.purpose ?? 'project',
    renewal: app?.renewal ?? false,
    multiYear: app?.multiYear ?? false,
    periodStart: app?.periodStart ?? '',
    periodEnd: app?.periodEnd ?? '',
    filingDeadline: app?.filingDeadline ?? '',
    status: app?.status ?? 'to-prepare',
    filedOn: app?.filedOn ?? '',
    decidedOn: app?.decidedOn ?? '',
    agreementSignedOn: app?.agreementSignedOn ?? '',
    paidOn: app?.paidOn ?? '',
    reportSubmittedOn: app?.reportSubmittedOn ?? '',
    closedOn: app?.closedOn ?? '',
    dauphinRef: app?.dauphinRef ?? '',
    compteAssoRef: app?.compteAssoRef ?? '',
    chorusEj: app?.chorusEj ?? '',
    requestedCents: centsToEurosText(app?.requestedCents),
    grantedCents: centsToEurosText(app?.grantedCents),
    agreedCents: centsToEurosText(app?.agreedCents),
    reportDelayMonths: app?.reportDelayMonths ?? DEFAULT_REPORT_DELAY_MONTHS,
    notes: app?.notes ?? '',
  };
}
