import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField } from '../../ui/field';
import { useRememberedState } from './remembered-state';

/** The year the Équipe figures are shown for, shared by the list and the people's pages. */
export function useTeamYear(): [number, (year: number) => void] {
  const { record } = useCurrentWorkspace();
  const [state, setState] = useRememberedState(`passerelle:${record.id}:team-year`, { year: new Date().getFullYear() });
  return [state.year, (year) => setState({ year })];
}

export function YearSelect({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 9 }, (_v, i) => thisYear + 2 - i);
  if (!years.includes(year)) years.push(year);
  return (
    <div className="year-select">
      <SelectField
        label="Année"
        options={years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }))}
        value={String(year)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}
