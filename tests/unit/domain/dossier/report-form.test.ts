import { describe, expect, it } from 'vitest';
import { firstIssueMessages } from '../../../../src/renderer/src/domain/fields';
import {
  reportContent,
  reportExercises,
  reportFormSchema,
  reportFormValues,
  type ReportFormValues,
} from '../../../../src/renderer/src/domain/dossier/report-form';
import { forecastFor } from '../../../../src/renderer/src/domain/dossier/financial-report';

// The compte-rendu form's schema at its boundaries: « Réalisation » in whole euros (0 is an amount, one cent
// is not on the Cerfa, a negative or an impossible amount is refused under its line), text within the stored
// limits, every error of a try at once; and the exercises a grant owes a compte-rendu for.

const NBSP = '\u00a0';
const blank: ReportFormValues = reportFormValues({
  lines: [
    { account: '60.services', forecastCents: 700_000 },
    { account: '74.municipality', funderId: 'funder-city', forecastCents: 300_000, actualCents: 300_000 },
  ],
  indicatorsAchieved: [{ objectiveLabel: 'Lien social', indicatorLabel: 'Participants', target: '800' }],
});
const withActual = (first: string, second = '3000') => ({
  ...blank,
  lines: [
    { ...blank.lines[0]!, actualCents: first },
    { ...blank.lines[1]!, actualCents: second },
  ],
});
const errorsOf = (values: ReportFormValues) => {
  const parsed = reportFormSchema.safeParse(values);
  return parsed.success ? {} : firstIssueMessages(parsed.error);
};

describe('reportFormSchema', () => {
  it('shows a stored report in whole euros and reads them back in cents', () => {
    expect(blank.lines.map((l) => l.actualCents)).toEqual(['', '3 000']);
    const parsed = reportFormSchema.parse(withActual('8 500'));
    expect(parsed.lines.map((l) => l.actualCents)).toEqual([850_000, 300_000]);
    expect(parsed.indicatorsAchieved).toEqual([
      { objectiveLabel: 'Lien social', indicatorLabel: 'Participants', target: '800', achieved: undefined },
    ]);
  });

  it('takes 0 as a réalisation and leaves an empty one unset (a draft may be incomplete)', () => {
    expect(reportFormSchema.parse(withActual('0')).lines[0]!.actualCents).toBe(0);
    const content = reportContent(reportFormSchema.parse(withActual('')));
    expect(content.lines[0]).toEqual({ account: '60.services', forecastCents: 700_000 });
    expect('actualCents' in content.lines[0]!).toBe(false);
    expect('howItRan' in content).toBe(false);
  });

  it('refuses one cent, a negative amount and « 12,345 », each under its line', () => {
    expect(errorsOf(withActual('0,01'))).toEqual({
      'lines.0.actualCents': `Réalisation${NBSP}: montant en euros entiers attendu, sans centimes (ex. 1 234).`,
    });
    expect(errorsOf(withActual('-100'))).toEqual({
      'lines.0.actualCents': `Réalisation${NBSP}: les montants ne peuvent pas être négatifs.`,
    });
    expect(errorsOf(withActual('12,345'))).toEqual({
      'lines.0.actualCents': `Réalisation${NBSP}: 2 chiffres au plus après la virgule (les centimes).`,
    });
  });

  it('says every error of a try at once: two amounts and a text beyond its limit', () => {
    const errors = errorsOf({ ...withActual('douze', '-1'), signatoryName: 'x'.repeat(201) });
    expect(Object.keys(errors)).toEqual(['lines.0.actualCents', 'lines.1.actualCents', 'signatoryName']);
    expect(errors.signatoryName).toBe(`Nom du signataire${NBSP}: 200 caractères au maximum (201 saisis).`);
  });

  it('accepts texts at their limit', () => {
    expect(errorsOf({ ...blank, howItRan: 'x'.repeat(5000), signatoryName: 'x'.repeat(200) })).toEqual({});
    expect(Object.keys(errorsOf({ ...blank, howItRan: 'x'.repeat(5001) }))).toEqual(['howItRan']);
  });
});

describe('reportExercises', () => {
  it('gives a CPO one exercise a year and a single-year grant one', () => {
    expect(reportExercises({ periodStart: '2026-01-01', periodEnd: '2028-12-31', multiYear: true })).toEqual([
      { number: 1, start: '2026-01-01', end: '2026-12-31' },
      { number: 2, start: '2027-01-01', end: '2027-12-31' },
      { number: 3, start: '2028-01-01', end: '2028-12-31' },
    ]);
    expect(reportExercises({ periodStart: '2026-01-01', periodEnd: '2026-07-31', multiYear: false })).toHaveLength(1);
  });
});

describe('forecastFor a CPO exercise', () => {
  const app = { id: 'cpo', funderId: 'city', periodStart: '2026-01-01', projectIds: ['workshops'], purpose: 'project' as const };
  const budget = (year: number) => ({ id: `b-${year}`, scope: 'project', projectId: 'workshops', year, deletedAt: null });
  const lines = [2026, 2027].flatMap((year) => [
    { budgetId: `b-${year}`, account: '60.services', amountCents: year === 2026 ? 600_000 : 700_000, deletedAt: null },
    { budgetId: `b-${year}`, account: '74.municipality', amountCents: 300_000, grantApplicationId: 'cpo', deletedAt: null },
  ]);

  it('takes the budget of the exercise’s own year when each year’s budget carries the grant', () => {
    const services = (year: number) =>
      forecastFor(app, [], [budget(2026), budget(2027)], lines, year).lines.find((l) => l.account === '60.services')?.forecastCents;
    expect(services(2026)).toBe(600_000);
    expect(services(2027)).toBe(700_000);
    // No budget for 2028 yet: the grant's budget found first, rather than none.
    expect(services(2028)).toBe(600_000);
  });
});
