import type { IsoDate } from '../dates';
import type { BudgetLine } from '../budgets/budget';
import { exercisesOf, type GrantApplication } from '../funding/grant-application';
import type { Payment } from '../funding/payment';
import type { Agreement } from '../partners/agreement';
import type { Objective, Project, ProjectStaff } from '../projects/project';
import { addYearsIso, daysInclusive } from '../team/day-count';

// « Reconduire pour l'exercice suivant »: most of an association's year repeats the last one. These pure
// functions say, record by record, what a renewal copies, what it moves by the period's length, what it
// re-plans and what it leaves behind (it belongs to last year):
//
// - copied: funder, purpose, actions financed, objectives and their targets, public, territory, staff
//   still under contract, budget lines, partners, terms;
// - moved: every date by the record's own length in years (a CPO by its number of years), and the years
//   written in a title that fall within the record's period (« Contrat de ville 2026 » → « 2027 »,
//   « CLAS 2026-2027 » → « 2027-2028 »; « loi 1901 » stays);
// - re-planned: the tranches, from the convention's schedule — each planned tranche's date moved and its
//   share of the planned total applied to the new request — never from what was received;
// - left behind: status and step dates, granted and agreed amounts, filing references (Dauphin, Compte
//   Asso, Chorus), received dates and amounts, achieved indicator values, signature dates.

const YEAR_IN_TITLE = /(?<!\d)(19|20)\d{2}(?!\d)/g;

/**
 * The years of `title` that fall in [fromYear, toYear] moved by `years`; other numbers are left alone
 * (« Plan 1000 jeunes », « loi 1901 »).
 */
export function moveYearsInTitle(title: string, years: number, fromYear: number, toYear: number): string {
  return title.replace(YEAR_IN_TITLE, (text) => {
    const year = Number(text);
    return year >= fromYear && year <= toYear ? String(year + years) : text;
  });
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/** How far a renewal moves a grant: one year, or a CPO's number of years. */
export function applicationRenewalYears(app: Pick<GrantApplication, 'periodStart' | 'periodEnd' | 'multiYear'>): number {
  return exercisesOf(app).length;
}

/**
 * Splits `totalCents` along `weights` so that the parts add up to the total to the cent: cumulative
 * rounding, as proRataCents does for exercises. No weight (or only zeros): equal parts.
 */
export function splitByWeights(totalCents: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  const effective = sum > 0 ? weights : weights.map(() => 1);
  const effectiveSum = sum > 0 ? sum : weights.length;
  let before = 0;
  let running = 0;
  return effective.map((weight) => {
    running += weight;
    const upTo = Math.round((totalCents * running) / effectiveSum);
    const part = upTo - before;
    before = upTo;
    return part;
  });
}

export type RenewedTranche = Pick<Payment, 'expectedDate' | 'expectedCents'> & { label?: string };

export interface RenewedApplication {
  application: GrantApplication;
  tranches: RenewedTranche[];
}

export interface ApplicationRenewalOptions {
  /** Actions renewed with it: the new request finances the new actions. */
  projectIdMap?: ReadonlyMap<string, string>;
}

/**
 * The next period's request: « à préparer », the years in its title moved, demandé = last demandé (not
 * what was granted: the funder decides again), tranches re-planned from the schedule.
 */
export function renewApplication(
  app: GrantApplication,
  payments: readonly Pick<Payment, 'expectedDate' | 'expectedCents' | 'label'>[],
  options: ApplicationRenewalOptions = {},
): RenewedApplication {
  const years = applicationRenewalYears(app);
  const projectIds = app.projectIds?.map((id) => options.projectIdMap?.get(id) ?? id);
  const application: GrantApplication = {
    funderId: app.funderId,
    title: moveYearsInTitle(app.title, years, yearOf(app.periodStart), yearOf(app.periodEnd)),
    purpose: app.purpose,
    renewal: true,
    multiYear: app.multiYear,
    periodStart: addYearsIso(app.periodStart, years),
    periodEnd: addYearsIso(app.periodEnd, years),
    status: 'to-prepare',
    requestedCents: app.requestedCents,
    reportDelayMonths: app.reportDelayMonths,
    ...(projectIds !== undefined ? { projectIds } : {}),
    ...(app.projects !== undefined ? { projects: app.projects } : {}),
    ...(app.filingDeadline !== undefined ? { filingDeadline: addYearsIso(app.filingDeadline, years) } : {}),
    ...(app.notes !== undefined ? { notes: app.notes } : {}),
  };
  // The schedule is what was planned: expected dates and amounts. A tranche received late or short
  // says nothing about next year's convention.
  const planned = [...payments].sort((a, b) => a.expectedDate.localeCompare(b.expectedDate));
  const amounts = splitByWeights(
    app.requestedCents,
    planned.map((p) => p.expectedCents),
  );
  const tranches = planned
    .map((p, i) => ({
      expectedDate: addYearsIso(p.expectedDate, years),
      expectedCents: amounts[i] ?? 0,
      ...(p.label !== undefined ? { label: moveYearsInTitle(p.label, years, yearOf(app.periodStart), yearOf(app.periodEnd)) } : {}),
    }))
    .filter((t) => t.expectedCents > 0);
  return { application, tranches };
}

export interface RenewedProject {
  project: Project;
  staff: Pick<ProjectStaff, 'personId' | 'sharePercent' | 'role'>[];
  /** Staff of last year not carried over (no contract over the new dates). */
  staffLeft: string[];
  /** Agreements no longer running over the new dates, dropped from « partenaires impliqués ». */
  agreementsDropped: string[];
}

export interface ProjectRenewalOptions {
  years?: number;
  /** Whether the person has a contract over the new dates. */
  staffAvailable: (personId: string, from: IsoDate, to: IsoDate) => boolean;
  /** Whether the agreement still runs over some of the new dates (its renewal's id when renewed too). */
  agreementFor: (agreementId: string, from: IsoDate, to: IsoDate) => string | undefined;
  newId: () => string;
}

/**
 * The action for the next exercise: dates moved by a year, objectives and targets copied with new ids
 * (the achieved values belong to last year's compte-rendu), staff kept when still under contract.
 */
export function renewProject(
  project: Project,
  staff: readonly Pick<ProjectStaff, 'personId' | 'sharePercent' | 'role'>[],
  options: ProjectRenewalOptions,
): RenewedProject {
  const years = options.years ?? 1;
  const startDate = addYearsIso(project.startDate, years);
  const endDate = addYearsIso(project.endDate, years);
  const objectives: Objective[] = project.objectives.map((objective) => ({
    id: options.newId(),
    label: objective.label,
    indicators: objective.indicators.map((indicator) => ({
      id: options.newId(),
      label: indicator.label,
      ...(indicator.target !== undefined ? { target: indicator.target } : {}),
    })),
  }));
  const agreementIds: string[] = [];
  const agreementsDropped: string[] = [];
  for (const id of project.agreementIds) {
    const kept = options.agreementFor(id, startDate, endDate);
    if (kept === undefined) agreementsDropped.push(id);
    else agreementIds.push(kept);
  }
  const { notes: _lastYearsNotes, ...rest } = project;
  const renewed: Project = {
    ...rest,
    title: moveYearsInTitle(project.title, years, yearOf(project.startDate), yearOf(project.endDate)),
    startDate,
    endDate,
    objectives,
    qpvCodes: [...project.qpvCodes],
    agreementIds,
  };
  const kept = staff.filter((s) => options.staffAvailable(s.personId, startDate, endDate));
  return {
    project: renewed,
    staff: kept.map((s) => ({ personId: s.personId, sharePercent: s.sharePercent, ...(s.role !== undefined ? { role: s.role } : {}) })),
    staffLeft: staff.filter((s) => !kept.includes(s)).map((s) => s.personId),
    agreementsDropped,
  };
}

export type RenewedBudgetLine = Omit<BudgetLine, 'budgetId'>;

export interface BudgetRenewalOptions {
  /** Applications renewed at the same time: a linked line follows the new request. */
  applicationIdMap?: ReadonlyMap<string, string>;
  /** Whether a (not renewed) application still finances the new exercise — a CPO's later years. */
  applicationCovers: (applicationId: string) => boolean;
}

/**
 * Last exercise's lines for the next one: same accounts, précisions and amounts. A line linked to a
 * request follows its renewal (its amount is then the new request's share of the exercise), stays linked
 * to a CPO that still runs, and otherwise becomes a plain line with the same funder and amount.
 */
export function renewBudgetLines(lines: readonly Omit<BudgetLine, 'budgetId'>[], options: BudgetRenewalOptions): RenewedBudgetLine[] {
  return lines.map((line) => {
    const { grantApplicationId, ...rest } = line;
    if (grantApplicationId === undefined) return { ...rest };
    const renewedId = options.applicationIdMap?.get(grantApplicationId);
    if (renewedId !== undefined) return { ...rest, grantApplicationId: renewedId };
    if (options.applicationCovers(grantApplicationId)) return { ...rest, grantApplicationId };
    // Unlinked, the line is no longer « from the application »; its funder and amount stay.
    const { source, ...plain } = rest;
    return source === 'application' || source === undefined ? plain : { ...plain, source };
  });
}

export type RenewableAgreement = Omit<Agreement, 'partnerIds'> & { partnerIds: string[] };

export type AgreementRenewal = { ok: true; agreement: RenewableAgreement } | { ok: false; message: string };

/**
 * The next term of a fixed-term agreement, « en préparation »: the same parties, object and terms, dates
 * moved by its length rounded up to whole years (a school-year convention stays on the school year), no
 * signature date, and no link to last year's grants (next year's grant is a new request). A tacitly
 * renewed agreement renews itself: nothing to create.
 */
export function renewAgreement(agreement: RenewableAgreement): AgreementRenewal {
  if (agreement.tacitRenewal || agreement.endDate === undefined) {
    return { ok: false, message: 'Cette convention se reconduit tacitement\u00a0: il n’y a rien à créer.' };
  }
  const years = Math.max(1, Math.ceil(daysInclusive(agreement.startDate, agreement.endDate) / 366));
  const { signatureDate: _signed, ...rest } = agreement;
  return {
    ok: true,
    agreement: {
      ...rest,
      title: moveYearsInTitle(agreement.title, years, yearOf(agreement.startDate), yearOf(agreement.endDate)),
      status: 'draft',
      startDate: addYearsIso(agreement.startDate, years),
      endDate: addYearsIso(agreement.endDate, years),
      partnerIds: [...agreement.partnerIds],
      grantIds: [],
    },
  };
}

/** Compares titles the way a reader does: case, accents and spacing ignored. */
export function sameTitle(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}
