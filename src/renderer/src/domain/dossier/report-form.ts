import { z } from 'zod';
import { amountField, fieldMessage, optionalText } from '../fields';
import { exercisesOf, type Exercise, type GrantApplication } from '../funding/grant-application';
import { centsToEurosText } from '../money';
import type { FinancialReport, ReportLine } from './financial-report';

// The compte-rendu form (Cerfa 15059*02): what is typed, as text, and the schema that turns it into the
// stored report's fields — « Réalisation » in whole euros (the Cerfa's unit), text within the stored
// schema's limits. A draft may be incomplete: what must be there before the PDF (the réalisation of each
// line, the explanation of a gap beyond 15 %, the signatory) is checked when the PDF is asked for, by
// financialReportProblems and financialReportChecks — not here, so that a half-written report can be saved.
// No rule here crosses two fields: those that do (gap explanations, the balance) are the PDF's checks.

export const reportFormLineSchema = z.object({
  account: z.string().min(1),
  label: optionalText('Précision', 200),
  funderId: z.string().optional(),
  grantApplicationId: z.string().optional(),
  forecastCents: amountField('Prévision'),
  actualCents: amountField('Réalisation', { optional: true, wholeEuros: true }),
  gapExplanation: optionalText('Explication de l’écart', 2000),
});

export const reportFormIndicatorSchema = z.object({
  objectiveLabel: z.string(),
  indicatorLabel: z.string(),
  target: optionalText('Valeur visée', 200),
  achieved: optionalText('Valeur atteinte', 200),
});

/** The fields a user types; the page adds the application, the exercise and the forecast's snapshot. */
export const reportFormSchema = z.object({
  howItRan: optionalText('Déroulement de l’action', 5000),
  beneficiaries: optionalText('Bénéficiaires', 2000),
  datesAndPlaces: optionalText('Dates et lieux', 2000),
  indicatorsAchieved: z.array(reportFormIndicatorSchema).max(100),
  lines: z.array(reportFormLineSchema).max(200),
  indirectCostsExplanation: optionalText('Règle de répartition des charges indirectes', 2000),
  inKindContributions: optionalText('Contributions volontaires en nature', 2000),
  signatoryName: optionalText('Nom du signataire', 200),
  signatoryRole: optionalText('Qualité du signataire', 200),
});

export type ReportFormOutput = z.output<typeof reportFormSchema>;

export interface ReportFormLine {
  account: string;
  label: string;
  funderId?: string | undefined;
  grantApplicationId?: string | undefined;
  forecastCents: number;
  actualCents: string;
  gapExplanation: string;
}

export interface ReportFormValues {
  howItRan: string;
  beneficiaries: string;
  datesAndPlaces: string;
  indicatorsAchieved: { objectiveLabel: string; indicatorLabel: string; target: string; achieved: string }[];
  lines: ReportFormLine[];
  indirectCostsExplanation: string;
  inKindContributions: string;
  signatoryName: string;
  signatoryRole: string;
}

type ReportContent = Pick<
  FinancialReport,
  | 'howItRan'
  | 'beneficiaries'
  | 'datesAndPlaces'
  | 'indicatorsAchieved'
  | 'lines'
  | 'indirectCostsExplanation'
  | 'inKindContributions'
  | 'signatoryName'
  | 'signatoryRole'
>;

/** A stored (or pre-filled) compte-rendu as the form shows it. */
export function reportFormValues(report: Partial<ReportContent>): ReportFormValues {
  return {
    howItRan: report.howItRan ?? '',
    beneficiaries: report.beneficiaries ?? '',
    datesAndPlaces: report.datesAndPlaces ?? '',
    indicatorsAchieved: (report.indicatorsAchieved ?? []).map((i) => ({
      objectiveLabel: i.objectiveLabel,
      indicatorLabel: i.indicatorLabel,
      target: i.target ?? '',
      achieved: i.achieved ?? '',
    })),
    lines: (report.lines ?? []).map((l: ReportLine) => ({
      account: l.account,
      label: l.label ?? '',
      ...(l.funderId !== undefined ? { funderId: l.funderId } : {}),
      ...(l.grantApplicationId !== undefined ? { grantApplicationId: l.grantApplicationId } : {}),
      forecastCents: l.forecastCents,
      actualCents: centsToEurosText(l.actualCents, { wholeEuros: true }),
      gapExplanation: l.gapExplanation ?? '',
    })),
    indirectCostsExplanation: report.indirectCostsExplanation ?? '',
    inKindContributions: report.inKindContributions ?? '',
    signatoryName: report.signatoryName ?? '',
    signatoryRole: report.signatoryRole ?? '',
  };
}

/** The form's parsed values as the stored report's content (empty optionals dropped, not kept as undefined keys). */
export function reportContent(values: ReportFormOutput): ReportContent {
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return defined({
    ...values,
    indicatorsAchieved: values.indicatorsAchieved.map(defined),
    lines: values.lines.map(defined),
  });
}

/**
 * A multi-year grant (CPO) owes one compte-rendu per exercise of its period (DOMAIN.md §4: « Multi-year CPO:
 * one per year »; loi n° 2000-321 art. 10 and arrêté du 11 octobre 2006: a compte-rendu for each exercise for
 * which the grant was given). A single-year grant has exercise 1 only, and its form shows no picker.
 */
export function reportExercises(app: Pick<GrantApplication, 'periodStart' | 'periodEnd' | 'multiYear'>): Exercise[] {
  return exercisesOf(app);
}

/** The exercise asked for when it is one of the grant's, else undefined (a stale link, a typing slip). */
export function reportExercise(
  app: Pick<GrantApplication, 'periodStart' | 'periodEnd' | 'multiYear'>,
  exercise: number,
): Exercise | undefined {
  return reportExercises(app).find((e) => e.number === exercise);
}

/** The refusal of a compte-rendu saved for an exercise the grant does not have. */
export function unknownExerciseMessage(count: number): string {
  return fieldMessage(
    'Exercice',
    count === 1 ? 'cette subvention n’a qu’un exercice.' : `cette subvention a ${count} exercices, de 1 à ${count}.`,
  );
}
