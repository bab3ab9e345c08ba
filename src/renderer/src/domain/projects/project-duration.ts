import { addDays, addMonths, differenceInCalendarDays, differenceInCalendarMonths } from 'date-fns';
import { dateFromIso } from '../dates';
import type { Project } from './project';

// The « dates et durée » of an action (Cerfa §6) and what the dossier checklist needs to know about the
// action's page: which of the fields the Cerfa prints are still empty.

export interface ProjectDuration {
  /** Whole months from the start, counted date to date (1 Sept → 30 June is 10 months). */
  months: number;
  /** Days left after the whole months. */
  days: number;
  /** Calendar days from start to end, both included. */
  totalDays: number;
}

export function projectDuration(project: Pick<Project, 'startDate' | 'endDate'>): ProjectDuration {
  const start = dateFromIso(project.startDate);
  // The day after the end: an action running through 30 June ends as 1 July begins.
  const after = addDays(dateFromIso(project.endDate), 1);
  let months = differenceInCalendarMonths(after, start);
  if (addMonths(start, months) > after) months -= 1;
  const days = differenceInCalendarDays(after, addMonths(start, months));
  return { months, days, totalDays: differenceInCalendarDays(after, start) };
}

const plural = (n: number, one: string, many: string) => `${n}\u00a0${n === 1 ? one : many}`;

/** « 10 mois », « 2 mois et 5 jours », « 12 jours », « 1 jour ». */
export function formatProjectDuration(project: Pick<Project, 'startDate' | 'endDate'>): string {
  const { months, days } = projectDuration(project);
  if (months === 0) return plural(days, 'jour', 'jours');
  const monthText = `${months}\u00a0mois`;
  return days === 0 ? monthText : `${monthText} et ${plural(days, 'jour', 'jours')}`;
}

export interface MissingField {
  /** The project field (or 'objectives.<id>.indicators'). */
  field: string;
  /** What to fill in, in French, as the checklist shows it. */
  label: string;
}

/**
 * The Cerfa §6 fields of an action that are still empty, in the order of the form. Dates and the title
 * are always there (the schema requires them); QPV codes are left out, as not every action is in a QPV.
 */
export function projectMissingFields(
  project: Pick<
    Project,
    'title' | 'description' | 'objectives' | 'beneficiaryType' | 'beneficiaryCount' | 'territory' | 'humanResources' | 'materialResources'
  >,
): MissingField[] {
  const missing: MissingField[] = [];
  const empty = (value: string | undefined) => value === undefined || value.trim() === '';
  if (empty(project.title)) missing.push({ field: 'title', label: 'Intitulé de l’action' });
  if (project.objectives.length === 0) missing.push({ field: 'objectives', label: 'Objectifs de l’action' });
  if (empty(project.description)) missing.push({ field: 'description', label: 'Description de l’action' });
  if (empty(project.beneficiaryType)) missing.push({ field: 'beneficiaryType', label: 'Public bénéficiaire (type)' });
  if (project.beneficiaryCount === undefined) missing.push({ field: 'beneficiaryCount', label: 'Nombre de bénéficiaires' });
  if (empty(project.territory)) missing.push({ field: 'territory', label: 'Territoire de l’action' });
  if (empty(project.humanResources)) missing.push({ field: 'humanResources', label: 'Moyens humains' });
  if (empty(project.materialResources)) missing.push({ field: 'materialResources', label: 'Moyens matériels' });
  for (const objective of project.objectives) {
    if (objective.indicators.length === 0) {
      missing.push({
        field: `objectives.${objective.id}.indicators`,
        label: `Indicateurs d’évaluation de l’objectif « ${objective.label} »`,
      });
    }
  }
  return missing;
}
