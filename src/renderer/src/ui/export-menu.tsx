import { useState } from 'react';
import { useAction } from './use-action';

export type ExportChoice = 'csv' | 'xlsx';

const FORMATS: readonly { format: ExportChoice; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'Excel' },
];

/**
 * « Exporter » for a list: two labelled buttons, CSV and Excel. The feature builds and saves the file
 * (ui knows neither the data nor the host).
 */
export function ExportMenu({ what, onExport }: { what: string; onExport: (format: ExportChoice) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const act = useAction();
  const run = (format: ExportChoice) => {
    setBusy(true);
    act(() => onExport(format).finally(() => setBusy(false)));
  };
  return (
    <div className="export-menu" role="group" aria-label={`Exporter ${what}`}>
      <span className="export-menu__label" aria-hidden="true">
        Exporter
      </span>
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => run(format)}
          aria-label={`Exporter ${what} en ${label}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
