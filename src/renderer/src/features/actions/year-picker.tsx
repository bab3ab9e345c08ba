import { useId } from 'react';

/** A year select around a given year (two before, three after), for budgets. */
export function YearPicker({
  label,
  value,
  around,
  onChange,
}: {
  label: string;
  value: number;
  around: number;
  onChange: (year: number) => void;
}) {
  const id = useId();
  const years = Array.from({ length: 6 }, (_, i) => around - 2 + i);
  if (!years.includes(value)) years.push(value);
  years.sort((a, b) => a - b);
  return (
    <div className="budget-year">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="field__control" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
