import type { IsoDate } from '../dates';
import { exerciseContaining, exerciseStartingIn, type AccountingExercise, type ExerciseCalendar } from '../exercise';
import type { GrantApplication } from '../funding/grant-application';
import { addMonthsIso } from '../team/day-count';

// The choices the dossier screen offers before anything is produced: which exercise it opens on, and
// which applications it may carry. Rules, so they live here and the screen only shows them.

/**
 * How long before its exercise ends the next one's calls are prepared: four months, which for a
 * calendar-year association is « from September on » (DOMAIN.md §4, calls open in the autumn).
 */
export const NEXT_EXERCISE_LEAD_MONTHS = 4;

/**
 * The exercise a new dossier opens on, named by its start year: the current exercise, or the next one in its
 * last four months. On the association's own exercise — for a September–August one, on 1 September the
 * exercise just begun, from 1 May the next — never « next calendar year from September ».
 */
export function defaultDossierExercise(calendar: ExerciseCalendar, today: IsoDate): AccountingExercise {
  const current = exerciseContaining(calendar, today);
  const next = exerciseStartingIn(calendar, current.startYear + 1);
  return today >= addMonthsIso(next.start, -NEXT_EXERCISE_LEAD_MONTHS) ? next : current;
}

/**
 * The applications a dossier can carry: still being prepared or filed (a decided one has had its dossier),
 * and whose period overlaps the exercise asked for.
 */
export function dossierApplications<A extends Pick<GrantApplication, 'status' | 'periodStart' | 'periodEnd'>>(
  applications: readonly A[],
  exercise: AccountingExercise,
): A[] {
  return applications.filter(
    (a) => (a.status === 'to-prepare' || a.status === 'filed') && a.periodStart <= exercise.end && a.periodEnd >= exercise.start,
  );
}
