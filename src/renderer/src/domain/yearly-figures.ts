import { z } from 'zod';
import type { IsoDate } from './dates';
import { amountField, isoDateField, requiredText } from './fields';
import { formatCents } from './money';
import type { RecordStamps } from './record';

// Figures that change by decree during an aid's life (DOMAIN.md §3: « store them as dated values, never as
// constants »): each is a list of values with the date each one took effect and its source, so that a rule
// asks « the value in force on this date ». These are the defaults Passerelle ships; every aid record keeps
// the amount of its own decision, and a form only proposes them.

export const YEARLY_FIGURE_KEYS = ['smic-hourly', 'fonjep-post', 'adulte-relais-aid'] as const;

export type YearlyFigureKey = (typeof YEARLY_FIGURE_KEYS)[number];

export interface DatedFigure {
  /** Set on a value the association entered (Réglages), absent on a shipped default. */
  id?: string;
  /** The first day the value applies. */
  from: IsoDate;
  cents: number;
  /** Where it comes from, for the coordinator who checks. */
  source: string;
}

export const YEARLY_FIGURE_LABELS: Record<YearlyFigureKey, string> = {
  'smic-hourly': 'SMIC horaire brut',
  'fonjep-post': 'Poste FONJEP (montant annuel)',
  'adulte-relais-aid': 'Aide de l’État à un poste adulte-relais à temps plein (montant annuel)',
};

export type YearlyFigures = Readonly<Record<YearlyFigureKey, readonly DatedFigure[]>>;

/** The shipped defaults, oldest first. */
export const DEFAULT_YEARLY_FIGURES: YearlyFigures = {
  'smic-hourly': [
    { from: '2024-11-01', cents: 1_188, source: 'Décret n° 2024-951 du 23 octobre 2024 (SMIC au 1er novembre 2024)' },
    { from: '2026-01-01', cents: 1_202, source: 'Décret de revalorisation du SMIC au 1er janvier 2026 (12,02 €/h) [à vérifier au JO]' },
  ],
  'fonjep-post': [{ from: '2026-01-01', cents: 716_400, source: 'FONJEP, montant de l’unité de poste 2026 (7 164 €/an) [à vérifier]' }],
  // Re-indexed each 1 July (D5134-158 and the yearly arrêté); the 2024 amount is the one seen on decisions.
  'adulte-relais-aid': [
    {
      from: '2024-07-01',
      cents: 2_281_061,
      source: 'Arrêté annuel de revalorisation de l’aide adulte-relais (22 810,61 € au 1er juillet 2024) [à vérifier]',
    },
  ],
};

/** The value in force on `date`, or undefined before the first one known. */
export function figureOn(key: YearlyFigureKey, date: IsoDate, figures: YearlyFigures = DEFAULT_YEARLY_FIGURES): DatedFigure | undefined {
  let current: DatedFigure | undefined;
  for (const figure of [...figures[key]].sort((a, b) => a.from.localeCompare(b.from))) {
    if (figure.from <= date) current = figure;
  }
  return current;
}

/** « 12,02 € » — the value in force on `date`, for a form's hint; empty when none is known. */
export function figureHint(key: YearlyFigureKey, date: IsoDate, figures: YearlyFigures = DEFAULT_YEARLY_FIGURES): string {
  const figure = figureOn(key, date, figures);
  return figure ? formatCents(figure.cents) : '';
}

/**
 * A value the association enters in Réglages: a new SMIC, this year's FONJEP post, the adulte-relais aid
 * after 1 July. It adds to the shipped defaults; on the same date it replaces the default.
 */
export const yearlyFigureSchema = z.object({
  figure: z.enum(YEARLY_FIGURE_KEYS, { error: 'Chiffre\u00a0: choisissez-en un.' }),
  from: isoDateField('En vigueur à partir du'),
  cents: amountField('Montant'),
  source: requiredText('Source', 300),
});

export type YearlyFigure = z.output<typeof yearlyFigureSchema>;
export type YearlyFigureRecord = RecordStamps & YearlyFigure;

export interface YearlyFigureFormValues {
  figure: YearlyFigureKey;
  from: string;
  cents: string;
  source: string;
}

export function yearlyFigureFormValues(figure: YearlyFigureKey = 'smic-hourly'): YearlyFigureFormValues {
  return { figure, from: '', cents: '', source: '' };
}

/** The defaults with the association's own values (live ones: the repositories leave the bin out), each list oldest first. */
export function mergeYearlyFigures(stored: readonly YearlyFigureRecord[]): YearlyFigures {
  const merged = {} as Record<YearlyFigureKey, DatedFigure[]>;
  for (const key of YEARLY_FIGURE_KEYS) {
    const own = stored.filter((f) => f.figure === key);
    const ownDates = new Set(own.map((f) => f.from));
    merged[key] = [
      ...DEFAULT_YEARLY_FIGURES[key].filter((f) => !ownDates.has(f.from)),
      ...own.map((f) => ({ id: f.id, from: f.from, cents: f.cents, source: f.source })),
    ].sort((a, b) => a.from.localeCompare(b.from));
  }
  return merged;
}
