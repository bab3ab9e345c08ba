import { CALENDAR_YEAR, exerciseStartingIn, type ExerciseCalendar } from '../exercise';
import { z } from 'zod';
import type { AssociationProfile } from '../association';
import { BUDGET_ACCOUNTS, BUDGET_CHAPTERS, budgetAccount, isGrantAccount, type BudgetSide } from '../budgets/accounts';
import type { IsoDate } from '../dates';
import { fieldMessage, optionalText } from '../fields';
import { formatWholeEuros } from '../money';
import type { FunderRecord } from '../funding/funder';
import {
  committedCents,
  exercisesOf,
  financedProjectIds,
  grantedOrLater,
  type StepDates,
  type Exercise,
  type GrantApplicationRecord,
} from '../funding/grant-application';
import type { Payment } from '../funding/payment';
import { teamYear, type TeamData } from '../team/team-year';
import { personName, type PersonRecord } from '../team/person';
import { budgetLineLabel, type NamedFunder } from './budget-sums';
import type { RecordStamps } from '../record';
import { fileNamePart } from './dossier-model';

// The compte-rendu financier (Cerfa 15059*02, DOMAIN.md §6): after a granted action's period, what was
// done (bilan qualitatif) and what it cost against what was forecast. One per exercise for a CPO.

/** A line whose réalisation departs from the prévision by more than this share needs an explanation. */
export const SIGNIFICANT_GAP_PERCENT = 15;

const cents = (label: string) =>
  z
    .number({ error: fieldMessage(label, 'montant attendu.') })
    .int({ error: fieldMessage(label, 'montant en euros entiers attendu.') })
    .min(0, { error: fieldMessage(label, 'les montants ne peuvent pas être négatifs.') });

export const reportLineSchema = z.object({
  account: z.string(),
  label: optionalText('Précision', 200),
  /** A 74 line's funder and the application it carries (the grant of this compte-rendu, or another). */
  funderId: z.string().optional(),
  grantApplicationId: z.string().optional(),
  forecastCents: cents('Prévision'),
  actualCents: cents('Réalisation').optional(),
  gapExplanation: optionalText('Explication de l’écart', 2000),
});

export const achievedIndicatorSchema = z.object({
  objectiveLabel: z.string(),
  indicatorLabel: z.string(),
  target: optionalText('Valeur visée', 200),
  achieved: optionalText('Valeur atteinte', 200),
});

export const financialReportSchema = z.object({
  grantApplicationId: z.string().min(1),
  exercise: z.number().int().min(1).default(1),
  snapshotId: z.string().optional(),
  howItRan: optionalText('Déroulement de l’action', 5000),
  beneficiaries: optionalText('Bénéficiaires', 2000),
  datesAndPlaces: optionalText('Dates et lieux', 2000),
  indicatorsAchieved: z.array(achievedIndicatorSchema).max(100).default([]),
  lines: z.array(reportLineSchema).max(200).default([]),
  indirectCostsExplanation: optionalText('Règle de répartition des charges indirectes', 2000),
  inKindContributions: optionalText('Contributions volontaires en nature', 2000),
  signatoryName: optionalText('Nom du signataire', 200),
  signatoryRole: optionalText('Qualité du signataire', 200),
  producedAt: z.string().optional(),
});

export type ReportLine = z.output<typeof reportLineSchema>;
export type AchievedIndicator = z.output<typeof achievedIndicatorSchema>;
export type FinancialReport = z.output<typeof financialReportSchema>;
export type FinancialReportInput = z.input<typeof financialReportSchema>;
export type FinancialReportRecord = RecordStamps & FinancialReport;

/** Réalisation as a whole percent of the prévision; undefined when nothing was forecast. */
export function realisationPercent(forecastCents: number, actualCents: number | undefined): number | undefined {
  if (actualCents === undefined || forecastCents === 0) return undefined;
  return Math.round((actualCents / forecastCents) * 100);
}

/** Whether a line departs from its prévision by more than 15 % (a line with nothing forecast but spent does). */
export function hasSignificantGap(forecastCents: number, actualCents: number | undefined): boolean {
  if (actualCents === undefined) return false;
  if (forecastCents === 0) return actualCents > 0;
  return (Math.abs(actualCents - forecastCents) / forecastCents) * 100 > SIGNIFICANT_GAP_PERCENT;
}

export interface ReportProblem {
  path: string;
  message: string;
}

/** What must be filled in before the compte-rendu can be produced: réalisation, explanations, signatory. */
export function financialReportProblems(report: FinancialReport): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (report.howItRan === undefined) {
    problems.push({ path: 'howItRan', message: fieldMessage('Déroulement de l’action', 'décrivez comment l’action s’est déroulée.') });
  }
  report.lines.forEach((line, index) => {
    const name = budgetAccount(line.account)?.label ?? line.account;
    if (line.actualCents === undefined) {
      problems.push({ path: `lines.${index}.actualCents`, message: fieldMessage('Réalisation', `indiquez le montant réalisé (${name}).`) });
    } else if (hasSignificantGap(line.forecastCents, line.actualCents) && line.gapExplanation === undefined) {
      problems.push({
        path: `lines.${index}.gapExplanation`,
        message: fieldMessage('Explication de l’écart', `l’écart dépasse ${SIGNIFICANT_GAP_PERCENT} % (${name}) : expliquez-le.`),
      });
    }
  });
  if (report.signatoryName === undefined) {
    problems.push({ path: 'signatoryName', message: fieldMessage('Nom du signataire', 'indiquez qui signe l’attestation.') });
  }
  return problems;
}

export interface ReportTotals {
  forecastChargesCents: number;
  actualChargesCents: number;
  forecastProductsCents: number;
  actualProductsCents: number;
  /** 86 (emplois) and 87 (contributions) volontaires en nature, below the totals. */
  forecastContributionUsesCents: number;
  actualContributionUsesCents: number;
  forecastContributionResourcesCents: number;
  actualContributionResourcesCents: number;
}

export function reportTotals(lines: readonly ReportLine[]): ReportTotals {
  const totals: ReportTotals = {
    forecastChargesCents: 0,
    actualChargesCents: 0,
    forecastProductsCents: 0,
    actualProductsCents: 0,
    forecastContributionUsesCents: 0,
    actualContributionUsesCents: 0,
    forecastContributionResourcesCents: 0,
    actualContributionResourcesCents: 0,
  };
  for (const line of lines) {
    const side = budgetAccount(line.account)?.side;
    const actual = line.actualCents ?? 0;
    if (side === 'charge') {
      totals.forecastChargesCents += line.forecastCents;
      totals.actualChargesCents += actual;
    } else if (side === 'product') {
      totals.forecastProductsCents += line.forecastCents;
      totals.actualProductsCents += actual;
    } else if (side === 'contribution-use') {
      totals.forecastContributionUsesCents += line.forecastCents;
      totals.actualContributionUsesCents += actual;
    } else if (side === 'contribution-resource') {
      totals.forecastContributionResourcesCents += line.forecastCents;
      totals.actualContributionResourcesCents += actual;
    }
  }
  return totals;
}

const accountOrder = (code: string) => {
  const index = BUDGET_ACCOUNTS.findIndex((a) => a.code === code);
  return index < 0 ? BUDGET_ACCOUNTS.length : index;
};

/** Lines in the Cerfa's order (chapter, then account), a stable sort that keeps the user's order within an account. */
export function orderReportLines<L extends Pick<ReportLine, 'account'>>(lines: readonly L[]): L[] {
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => accountOrder(a.line.account) - accountOrder(b.line.account) || a.index - b.index)
    .map((x) => x.line);
}

export interface ReportRow {
  kind: 'chapter' | 'line';
  label: string;
  forecastCents: number;
  /** Undefined on a line whose réalisation is not entered. */
  actualCents: number | undefined;
  line?: ReportLine;
}

/** One side of the synthesis table: each chapter with lines, its subtotals, then its lines (74: named after the funder). */
export function reportRows(lines: readonly ReportLine[], side: BudgetSide, funders: readonly NamedFunder[] = []): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const chapter of BUDGET_CHAPTERS.filter((c) => c.side === side)) {
    const own = orderReportLines(lines.filter((l) => budgetAccount(l.account)?.chapter === chapter.chapter));
    if (own.length === 0) continue;
    rows.push({
      kind: 'chapter',
      label: chapter.label,
      forecastCents: own.reduce((sum, l) => sum + l.forecastCents, 0),
      actualCents: own.reduce((sum, l) => sum + (l.actualCents ?? 0), 0),
    });
    for (const line of own) {
      rows.push({
        kind: 'line',
        label: budgetLineLabel({ ...line, amountCents: line.forecastCents }, funders),
        forecastCents: line.forecastCents,
        actualCents: line.actualCents,
        line,
      });
    }
  }
  return rows;
}

/** The lines of the compte-rendu that carry this grant: linked to it, else the 74 lines of its funder. */
export function grantLinesOf(lines: readonly ReportLine[], app: Pick<GrantApplicationRecord, 'id' | 'funderId'>): ReportLine[] {
  const grant = lines.filter((l) => isGrantAccount(l.account));
  const linked = grant.filter((l) => l.grantApplicationId === app.id);
  return linked.length > 0 ? linked : grant.filter((l) => l.funderId === app.funderId && l.grantApplicationId === undefined);
}

/** « La subvention représente … % du total des produits », whole percent; undefined without produits. */
export function grantShareOfProducts(grantCents: number, productsCents: number): number | undefined {
  return productsCents > 0 ? Math.round((grantCents / productsCents) * 100) : undefined;
}

/** The payments of an application that belong to an exercise: for a CPO those expected in it, else all. */
export function exercisePayments<P extends Pick<Payment, 'expectedDate'>>(
  app: Pick<GrantApplicationRecord, 'multiYear'>,
  exercise: Pick<Exercise, 'start' | 'end'>,
  payments: readonly P[],
): P[] {
  return app.multiYear ? payments.filter((p) => p.expectedDate >= exercise.start && p.expectedDate <= exercise.end) : [...payments];
}

export interface GrantFigures {
  /** Accordé (conventionné when set) for the exercise: a CPO's amount split over its exercises. */
  grantedCents: number | undefined;
  receivedCents: number;
  /** Tranches expected and not yet received. */
  pendingCents: number;
  /** What the compte-rendu declares on the grant's lines. */
  declaredCents: number;
}

export function grantFigures(
  app: Pick<GrantApplicationRecord, 'id' | 'funderId' | 'multiYear' | 'periodStart' | 'periodEnd' | 'grantedCents' | 'agreedCents'>,
  exerciseNumber: number,
  lines: readonly ReportLine[],
  /** The application's payments, out of the bin (the repositories filter it). */
  payments: readonly Pick<Payment, 'expectedDate' | 'expectedCents' | 'receivedDate' | 'receivedCents'>[],
): GrantFigures {
  const exercises = exercisesOf(app);
  const exercise = exercises.find((e) => e.number === exerciseNumber) ?? exercises[0]!;
  const own = exercisePayments(app, exercise, payments);
  const committed = committedCents(app);
  const share = committed === undefined ? undefined : Math.floor(committed / 100 / exercises.length) * 100;
  const last = exercise.number === exercises.length;
  return {
    grantedCents: committed === undefined || share === undefined ? undefined : last ? committed - share * (exercises.length - 1) : share,
    receivedCents: own.reduce((sum, p) => sum + (p.receivedCents ?? 0), 0),
    pendingCents: own.filter((p) => p.receivedDate === undefined).reduce((sum, p) => sum + p.expectedCents, 0),
    declaredCents: grantLinesOf(lines, app).reduce((sum, l) => sum + (l.actualCents ?? 0), 0),
  };
}

/**
 * What must be true before a final compte-rendu leaves the association (a draft can still be produced,
 * watermarked, listing these): realised charges equal realised produits (the Cerfa 15059's table is a
 * balanced account), the grant declared no more than granted, and declared as the app records it — received,
 * or received plus the tranches still expected (the balance is often paid after the compte-rendu).
 */
export function financialReportChecks(report: FinancialReport, figures: GrantFigures): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const t = reportTotals(report.lines);
  if (t.actualChargesCents !== t.actualProductsCents) {
    problems.push({
      path: 'balance',
      message: `Réalisation déséquilibrée : charges ${formatWholeEuros(t.actualChargesCents)}, produits ${formatWholeEuros(t.actualProductsCents)} (écart ${formatWholeEuros(Math.abs(t.actualChargesCents - t.actualProductsCents))}).`,
    });
  }
  if (t.actualContributionUsesCents !== t.actualContributionResourcesCents) {
    problems.push({
      path: 'in-kind-balance',
      message: `Contributions volontaires en nature déséquilibrées : emplois (86) ${formatWholeEuros(t.actualContributionUsesCents)}, contributions (87) ${formatWholeEuros(t.actualContributionResourcesCents)}.`,
    });
  }
  const { declaredCents, receivedCents, pendingCents, grantedCents } = figures;
  if (grantedCents !== undefined && declaredCents > grantedCents) {
    problems.push({
      path: 'grant-declared',
      message: `Subvention déclarée ${formatWholeEuros(declaredCents)} en réalisation, plus que les ${formatWholeEuros(grantedCents)} accordés.`,
    });
  } else if (declaredCents !== receivedCents && declaredCents !== receivedCents + pendingCents) {
    problems.push({
      path: 'grant-received',
      message:
        pendingCents > 0
          ? `Subvention déclarée ${formatWholeEuros(declaredCents)}, alors que l’application enregistre ${formatWholeEuros(receivedCents)} reçus et ${formatWholeEuros(pendingCents)} attendus : enregistrez les versements ou corrigez la réalisation.`
          : `Subvention déclarée ${formatWholeEuros(declaredCents)}, alors que l’application enregistre ${formatWholeEuros(receivedCents)} reçus : enregistrez les versements ou corrigez la réalisation.`,
    });
  }
  const indirect = report.lines.some((l) => budgetAccount(l.account)?.chapter === 'CI' && (l.actualCents ?? l.forecastCents) > 0);
  if (indirect && report.indirectCostsExplanation === undefined) {
    problems.push({
      path: 'indirectCostsExplanation',
      message: fieldMessage(
        'Règle de répartition des charges indirectes',
        'des charges indirectes sont affectées à l’action : dites selon quelle règle (clé de répartition).',
      ),
    });
  }
  return problems;
}

export interface StaffShare {
  personId: string;
  sharePercent: number;
}

/**
 * « Réalisé » pre-filled from what the app knows, on lines still empty: the grant's own 74 lines with the
 * payments received; 64 with the team's costs of the exercise — the whole team for the association's budget,
 * each person's share for an action (a line whose précision is the person's name, or the only line of its
 * account). Everything stays editable.
 */
export function prefillActuals(
  lines: readonly ReportLine[],
  context: {
    application: Pick<GrantApplicationRecord, 'id' | 'funderId'>;
    receivedCents: number;
    team: TeamData;
    exerciseYear: number;
    /** The association's exercise calendar: staff costs are those of that exercise (calendar year without it). */
    calendar?: ExerciseCalendar;
    scope: 'project' | 'association';
    staff?: readonly StaffShare[];
  },
): ReportLine[] {
  const year = teamYear(context.team, exerciseStartingIn(context.calendar ?? CALENDAR_YEAR, context.exerciseYear));
  const people = new Map<string, PersonRecord>(context.team.people.map((p) => [p.id, p]));
  const grantLines = new Set(grantLinesOf(lines, context.application));
  const costOf = (personId: string | undefined, pick: 'gross' | 'charges', share: number) =>
    year.contracts
      .filter((c) => personId === undefined || c.contract.personId === personId)
      .reduce((sum, c) => sum + ((pick === 'gross' ? c.grossCents : c.employerCostCents - c.grossCents) * share) / 100, 0);
  const whole = (cents: number) => Math.round(cents / 100) * 100;
  const staff = context.staff ?? [];
  const staffCost = (pick: 'gross' | 'charges', line: ReportLine, onlyOfAccount: boolean): number | undefined => {
    if (context.scope === 'association') return whole(costOf(undefined, pick, 100));
    const named = staff.find((s) => {
      const person = people.get(s.personId);
      return person !== undefined && line.label === personName(person);
    });
    if (named) return whole(costOf(named.personId, pick, named.sharePercent));
    if (onlyOfAccount && staff.length > 0) return whole(staff.reduce((sum, s) => sum + costOf(s.personId, pick, s.sharePercent), 0));
    return undefined;
  };
  // The money received fills the grant's lines in order, each up to its prévision, the last takes the rest.
  let received = context.receivedCents;
  let grantLinesLeft = grantLines.size;
  return lines.map((line) => {
    if (line.actualCents !== undefined) return line;
    if (grantLines.has(line)) {
      grantLinesLeft -= 1;
      const amount = grantLinesLeft === 0 ? received : Math.min(received, line.forecastCents);
      received -= amount;
      return { ...line, actualCents: amount };
    }
    if (line.account === '64.salaries' || line.account === '64.social') {
      const only = lines.filter((l) => l.account === line.account).length === 1;
      const amount = staffCost(line.account === '64.salaries' ? 'gross' : 'charges', line, only);
      return amount === undefined ? line : { ...line, actualCents: amount };
    }
    return line;
  });
}

/** Whether an application is due a compte-rendu: granted (or further on the path) and its period ended or ending. */
export function needsFinancialReport(app: Pick<GrantApplicationRecord, 'status' | 'periodEnd'> & StepDates, today: IsoDate): boolean {
  const granted = grantedOrLater(app);
  // « Ending »: within the next two months, so the report can be prepared ahead.
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCMonth(soon.getUTCMonth() + 2);
  return granted && app.periodEnd <= soon.toISOString().slice(0, 10);
}

export interface FinancialReportModel {
  associationName: string;
  /** Charges, produits and the 86/87 contributions, by chapter with subtotals (74 named after its funders). */
  rows: { charges: ReportRow[]; products: ReportRow[]; contributionUses: ReportRow[]; contributionResources: ReportRow[] };
  grant: GrantFigures;
  /** « La subvention représente … % du total des produits », prévision and réalisation. */
  grantShare: { forecast: number | undefined; actual: number | undefined };
  scope: 'project' | 'association';
  references: Pick<GrantApplicationRecord, 'dauphinRef' | 'compteAssoRef' | 'chorusEj'>;
  /** What is wrong when the PDF is a draft (empty for a final one). */
  draftReasons: string[];
  profile: Pick<AssociationProfile, 'name' | 'siret' | 'rna' | 'headOffice' | 'legalRepresentative'>;
  funderName: string;
  applicationTitle: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  exercise: number;
  exerciseCount: number;
  grantedCents: number | undefined;
  projectTitle: string | undefined;
  report: FinancialReport;
  totals: ReportTotals;
  /** Where the prévision comes from. */
  forecastSource: 'snapshot' | 'current-budget';
  producedOn: IsoDate;
  fileName: string;
}

/** `Compte-rendu-financier-2026-Ville-de-Saint-Denis.pdf`. */
export function financialReportFileName(year: number, funderName: string): string {
  const funder = fileNamePart(funderName);
  return `Compte-rendu-financier-${year}${funder ? `-${funder}` : ''}.pdf`;
}

export function buildFinancialReportModel(input: {
  profile: AssociationProfile;
  application: GrantApplicationRecord;
  funder: FunderRecord | undefined;
  projectTitle: string | undefined;
  report: FinancialReport;
  forecastSource: 'snapshot' | 'current-budget';
  producedOn: IsoDate;
  /** Every funder (74 lines print their names). */
  funders?: readonly NamedFunder[];
  /** The application's payments (the received amount is set against the declared one). */
  payments?: readonly Pick<Payment, 'expectedDate' | 'expectedCents' | 'receivedDate' | 'receivedCents'>[];
  scope?: 'project' | 'association';
  /** Set for a draft: what must be fixed before a final compte-rendu. */
  draftReasons?: readonly string[];
}): FinancialReportModel {
  const { application, report } = input;
  const funders = input.funders ?? (input.funder ? [input.funder] : []);
  const grant = grantFigures(application, report.exercise, report.lines, input.payments ?? []);
  const totals = reportTotals(report.lines);
  const forecastGrant = grantLinesOf(report.lines, application).reduce((sum, l) => sum + l.forecastCents, 0);
  const exercises = exercisesOf(application);
  const exercise = exercises.find((e) => e.number === report.exercise) ?? exercises[0];
  const funderName = input.funder?.name ?? 'Financeur';
  const start = exercise?.start ?? application.periodStart;
  return {
    associationName: input.profile.name,
    rows: {
      charges: reportRows(report.lines, 'charge', funders),
      products: reportRows(report.lines, 'product', funders),
      contributionUses: reportRows(report.lines, 'contribution-use', funders),
      contributionResources: reportRows(report.lines, 'contribution-resource', funders),
    },
    grant,
    grantShare: {
      forecast: grantShareOfProducts(forecastGrant, totals.forecastProductsCents),
      actual: grantShareOfProducts(grant.declaredCents, totals.actualProductsCents),
    },
    scope: input.scope ?? (application.purpose === 'operating' && financedProjectIds(application).length === 0 ? 'association' : 'project'),
    draftReasons: [...(input.draftReasons ?? [])],
    references: { dauphinRef: application.dauphinRef, compteAssoRef: application.compteAssoRef, chorusEj: application.chorusEj },
    profile: input.profile,
    funderName,
    applicationTitle: application.title,
    periodStart: start,
    periodEnd: exercise?.end ?? application.periodEnd,
    exercise: report.exercise,
    exerciseCount: exercises.length,
    grantedCents: application.agreedCents ?? application.grantedCents,
    projectTitle: input.projectTitle,
    report,
    totals,
    forecastSource: input.forecastSource,
    producedOn: input.producedOn,
    fileName: financialReportFileName(Number(start.slice(0, 4)), funderName),
  };
}

export interface ForecastSource {
  source: 'snapshot' | 'current-budget' | 'none';
  /** Whose budget: an action's, or the association's (an operating grant). */
  scope: 'project' | 'association';
  snapshotId?: string;
  projectId?: string;
  lines: ReportLine[];
}

interface ForecastLine {
  account: string;
  label?: string | undefined;
  amountCents?: number | undefined;
  funderId?: string | undefined;
  grantApplicationId?: string | undefined;
}

/** The lines a compte-rendu carries: charges, produits and the 86/87 contributions, in the form's order. */
const toReportLines = (lines: readonly ForecastLine[]): ReportLine[] =>
  orderReportLines(
    lines
      .filter((l) => budgetAccount(l.account) !== undefined)
      .map((l) => ({
        account: l.account,
        ...(l.label !== undefined ? { label: l.label } : {}),
        ...(l.funderId !== undefined ? { funderId: l.funderId } : {}),
        ...(l.grantApplicationId !== undefined ? { grantApplicationId: l.grantApplicationId } : {}),
        forecastCents: l.amountCents ?? 0,
      })),
  );

type SnapshotLike = {
  id: string;
  producedAt: string;
  year?: number;
  grantApplicationIds: string[];
  associationLines?: ForecastLine[];
  projectBudgets: { projectId: string; lines: ForecastLine[] }[];
};

/**
 * The prévision of a compte-rendu, found by the application's links, never by a title: the budget as the
 * latest produced dossier carrying the application printed it, else the current budget. For a project
 * grant, the budget of the action whose 74 line is linked to the application, else of the action the
 * application names; for an operating grant (no action named), the association's budget of the exercise.
 * Snapshots, budgets and lines come out of the bin (the dossier repository filters it, issue 21).
 */
export function forecastFor(
  app: Pick<GrantApplicationRecord, 'id' | 'funderId' | 'periodStart' | 'projectIds' | 'purpose'>,
  snapshots: readonly SnapshotLike[],
  budgets: readonly { id: string; scope: string; projectId?: string | undefined; year: number }[],
  budgetLines: readonly (ForecastLine & { budgetId: string })[],
  exerciseYear: number = Number(app.periodStart.slice(0, 4)),
): ForecastSource {
  const financed = financedProjectIds(app);
  const operating = financed.length === 0 && app.purpose === 'operating';
  // The grant's own line names its funder even when it was saved with only the link.
  const named = (lines: ReportLine[]) =>
    lines.map((l) => (l.grantApplicationId === app.id && l.funderId === undefined ? { ...l, funderId: app.funderId } : l));
  const pick = <T extends { projectId: string; lines: readonly ForecastLine[] }>(candidates: readonly T[]): T | undefined =>
    candidates.find((c) => c.lines.some((l) => l.grantApplicationId === app.id)) ?? candidates.find((c) => financed.includes(c.projectId));

  const snapshot = snapshots
    .filter((s) => s.grantApplicationIds.includes(app.id))
    .sort((a, b) => b.producedAt.localeCompare(a.producedAt))[0];
  if (snapshot) {
    if (operating && snapshot.associationLines && snapshot.associationLines.length > 0) {
      return { source: 'snapshot', scope: 'association', snapshotId: snapshot.id, lines: named(toReportLines(snapshot.associationLines)) };
    }
    const budget = pick(snapshot.projectBudgets);
    if (budget)
      return {
        source: 'snapshot',
        scope: 'project',
        snapshotId: snapshot.id,
        projectId: budget.projectId,
        lines: named(toReportLines(budget.lines)),
      };
  }
  const linesOf = (budgetId: string) => budgetLines.filter((l) => l.budgetId === budgetId);
  if (operating) {
    const association = budgets.find((b) => b.scope === 'association' && b.year === exerciseYear);
    if (association) return { source: 'current-budget', scope: 'association', lines: named(toReportLines(linesOf(association.id))) };
    return { source: 'none', scope: 'association', lines: [] };
  }
  const current = budgets
    .filter((b) => b.scope === 'project' && b.projectId !== undefined)
    .map((b) => ({ budget: b, projectId: b.projectId ?? '', lines: linesOf(b.id) }));
  const carriesGrant = (c: (typeof current)[number]) => c.lines.some((l) => l.grantApplicationId === app.id);
  // A CPO's action has a budget a year, each carrying the grant: the exercise's own year first.
  const linked =
    current.find((c) => carriesGrant(c) && c.budget.year === exerciseYear) ??
    current.find(carriesGrant) ??
    current.find((c) => financed.includes(c.projectId) && c.budget.year === exerciseYear) ??
    current.find((c) => financed.includes(c.projectId));
  if (linked) return { source: 'current-budget', scope: 'project', projectId: linked.projectId, lines: named(toReportLines(linked.lines)) };
  return { source: 'none', scope: 'project', lines: [] };
}
