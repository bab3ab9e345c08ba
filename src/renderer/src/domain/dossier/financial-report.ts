import { z } from 'zod';
import type { AssociationProfile } from '../association';
import { budgetAccount } from '../budgets/accounts';
import type { IsoDate } from '../dates';
import { fieldMessage, optionalText } from '../fields';
import type { FunderRecord } from '../funding/funder';
import { exercisesOf, type GrantApplicationRecord } from '../funding/grant-application';
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
}

export function reportTotals(lines: readonly ReportLine[]): ReportTotals {
  const totals: ReportTotals = { forecastChargesCents: 0, actualChargesCents: 0, forecastProductsCents: 0, actualProductsCents: 0 };
  for (const line of lines) {
    const side = budgetAccount(line.account)?.side;
    if (side === 'charge') {
      totals.forecastChargesCents += line.forecastCents;
      totals.actualChargesCents += line.actualCents ?? 0;
    } else if (side === 'product') {
      totals.forecastProductsCents += line.forecastCents;
      totals.actualProductsCents += line.actualCents ?? 0;
    }
  }
  return totals;
}

/** Whether an application is due a compte-rendu: granted (or further on the path) and its period ended or ending. */
export function needsFinancialReport(app: Pick<GrantApplicationRecord, 'status' | 'periodEnd' | 'deletedAt'>, today: IsoDate): boolean {
  if (app.deletedAt !== null) return false;
  const granted = ['granted', 'agreement-signed', 'paid', 'report-submitted', 'closed'].includes(app.status);
  // « Ending »: within the next two months, so the report can be prepared ahead.
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCMonth(soon.getUTCMonth() + 2);
  return granted && app.periodEnd <= soon.toISOString().slice(0, 10);
}

export interface FinancialReportModel {
  associationName: string;
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
}): FinancialReportModel {
  const { application, report } = input;
  const exercises = exercisesOf(application);
  const exercise = exercises.find((e) => e.number === report.exercise) ?? exercises[0];
  const funderName = input.funder?.name ?? 'Financeur';
  const start = exercise?.start ?? application.periodStart;
  return {
    associationName: input.profile.name,
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
    totals: reportTotals(report.lines),
    forecastSource: input.forecastSource,
    producedOn: input.producedOn,
    fileName: financialReportFileName(Number(start.slice(0, 4)), funderName),
  };
}

export interface ForecastSource {
  source: 'snapshot' | 'current-budget' | 'none';
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

const toReportLines = (lines: readonly ForecastLine[]): ReportLine[] =>
  lines
    .filter((l) => {
      const side = budgetAccount(l.account)?.side;
      return side === 'charge' || side === 'product';
    })
    .map((l) => ({ account: l.account, ...(l.label !== undefined ? { label: l.label } : {}), forecastCents: l.amountCents ?? 0 }));

/**
 * The prévision of a compte-rendu: the action's budget as the latest produced dossier carrying the
 * application printed it; else the current budget of the action whose 74 line is linked to the
 * application (or names its funder); else nothing.
 */
export function forecastFor(
  app: Pick<GrantApplicationRecord, 'id' | 'funderId' | 'periodStart'>,
  snapshots: readonly { id: string; producedAt: string; deletedAt: string | null; grantApplicationIds: string[]; projectBudgets: { projectId: string; lines: ForecastLine[] }[] }[],
  budgets: readonly { id: string; scope: string; projectId?: string | undefined; year: number; deletedAt: string | null }[],
  budgetLines: readonly (ForecastLine & { budgetId: string; deletedAt: string | null })[],
): ForecastSource {
  const pick = <T extends { lines: readonly ForecastLine[] }>(candidates: readonly T[]): T | undefined =>
    candidates.find((c) => c.lines.some((l) => l.grantApplicationId === app.id)) ??
    candidates.find((c) => c.lines.some((l) => l.funderId === app.funderId)) ??
    (candidates.length === 1 ? candidates[0] : undefined);

  const snapshot = snapshots
    .filter((s) => s.deletedAt === null && s.grantApplicationIds.includes(app.id))
    .sort((a, b) => b.producedAt.localeCompare(a.producedAt))[0];
  if (snapshot) {
    const budget = pick(snapshot.projectBudgets);
    if (budget) return { source: 'snapshot', snapshotId: snapshot.id, projectId: budget.projectId, lines: toReportLines(budget.lines) };
  }
  const year = Number(app.periodStart.slice(0, 4));
  const current = budgets
    .filter((b) => b.deletedAt === null && b.scope === 'project' && b.projectId !== undefined)
    .map((b) => ({ budget: b, lines: budgetLines.filter((l) => l.deletedAt === null && l.budgetId === b.id) }));
  const linked =
    current.find((c) => c.lines.some((l) => l.grantApplicationId === app.id)) ??
    current.find((c) => c.budget.year === year && c.lines.some((l) => l.funderId === app.funderId));
  if (linked?.budget.projectId !== undefined) {
    return { source: 'current-budget', projectId: linked.budget.projectId, lines: toReportLines(linked.lines) };
  }
  return { source: 'none', lines: [] };
}
