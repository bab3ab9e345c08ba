import { useExerciseCalendar } from '../../data/association-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { todayIso } from '../../domain/dates';
import {
  exerciseContaining,
  exerciseLabel,
  exerciseStartingIn,
  type AccountingExercise,
  type ExerciseCalendar,
} from '../../domain/exercise';
import { SelectField } from '../../ui/field';
import { useRememberedState } from '../../ui/remembered-state';

/**
 * The exercise the Équipe figures are shown for, shared by the list and the people's pages: the current one
 * until the user picks another (named by the year it starts in).
 */
export function useTeamYear(): [AccountingExercise, (year: number) => void] {
  const { db, record } = useCurrentWorkspace();
  const calendar = useExerciseCalendar(db);
  const [state, setState] = useRememberedState<{ year?: number }>(`passerelle:${record.id}:team-year`, {});
  const year = state.year ?? exerciseContaining(calendar, todayIso()).startYear;
  return [exerciseStartingIn(calendar, year), (next) => setState({ year: next })];
}

export function YearSelect({ exercise, onChange }: { exercise: AccountingExercise; onChange: (year: number) => void }) {
  const calendar: ExerciseCalendar = { startMonth: Number(exercise.start.slice(5, 7)), startDay: Number(exercise.start.slice(8, 10)) };
  const current = exerciseContaining(calendar, todayIso()).startYear;
  const years = Array.from({ length: 9 }, (_v, i) => current + 2 - i);
  if (!years.includes(exercise.startYear)) years.push(exercise.startYear);
  return (
    <div className="year-select">
      <SelectField
        label="Exercice"
        options={years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: exerciseLabel(exerciseStartingIn(calendar, y)) }))}
        value={String(exercise.startYear)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}
