import { describe, expect, it } from 'vitest';
import {
  formatProjectDuration,
  projectDuration,
  projectMissingFields,
} from '../../../../src/renderer/src/domain/projects/project-duration';
import { projectSchema } from '../../../../src/renderer/src/domain/projects/project';
import { fixtureProjects } from '../../../fixtures/projects';

const NBSP = '\u00a0';

describe('the duration of an action', () => {
  it.each([
    ['2027-09-01', '2028-06-30', 10, 0, `10${NBSP}mois`],
    ['2027-01-04', '2027-12-17', 11, 14, `11${NBSP}mois et 14${NBSP}jours`],
    ['2027-01-01', '2027-12-31', 12, 0, `12${NBSP}mois`],
    ['2027-01-11', '2027-06-30', 5, 20, `5${NBSP}mois et 20${NBSP}jours`],
    ['2027-07-05', '2027-07-16', 0, 12, `12${NBSP}jours`],
    ['2027-03-10', '2027-03-10', 0, 1, `1${NBSP}jour`],
    ['2027-01-31', '2027-02-28', 1, 1, `1${NBSP}mois et 1${NBSP}jour`], // 31 Jan + one month is 28 Feb, date-fns style,
    ['2028-02-01', '2028-02-29', 1, 0, `1${NBSP}mois`],
  ])('%s → %s: %i months and %i days, « %s »', (startDate, endDate, months, days, text) => {
    expect(projectDuration({ startDate, endDate })).toMatchObject({ months, days });
    expect(formatProjectDuration({ startDate, endDate })).toBe(text);
  });
});

describe('what the checklist needs from an action', () => {
  it('finds nothing missing in the complete fixture action', () => {
    expect(projectMissingFields(fixtureProjects[0]!)).toEqual([]);
  });

  it('lists the empty Cerfa §6 fields in the order of the form', () => {
    const bare = projectSchema.parse({ title: 'Fête de quartier', startDate: '2027-06-19', endDate: '2027-06-19' });
    expect(projectMissingFields(bare).map((m) => m.label)).toEqual([
      'Objectifs de l’action',
      'Description de l’action',
      'Public bénéficiaire (type)',
      'Nombre de bénéficiaires',
      'Territoire de l’action',
      'Moyens humains',
      'Moyens matériels',
    ]);
  });

  it('names an objective that has no indicator', () => {
    const cafe = fixtureProjects[1]!;
    const missing = projectMissingFields({
      ...cafe,
      materialResources: 'Salle',
      objectives: [{ id: 'o', label: 'Rompre l’isolement', indicators: [] }],
    });
    expect(missing).toEqual([{ field: 'objectives.o.indicators', label: 'Indicateurs d’évaluation de l’objectif « Rompre l’isolement »' }]);
  });

  it('refuses an action that ends before it starts, in French', () => {
    const result = projectSchema.safeParse({ title: 'Café des parents', startDate: '2027-06-30', endDate: '2027-01-11' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`Date de fin${NBSP}: doit être après la date de début.`);
  });
});
