import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { cashMonthShort, type CashMonth } from '../../domain/treasury/cash-forecast';

// The forecast as a chart: each month's closing balance (line) over its inflows and outflows (bars). uPlot
// is loaded only by this screen (treasury-page imports this file lazily): 22 kB gzip where Chart.js's build
// weighs 71 kB and ECharts' 368 kB. A canvas says nothing to a screen reader: the canvas carries an
// aria-label summing it up, and the table beside it is the text alternative.

const EUROS = (cents: number) => cents / 100;

export function CashChart({ months, summary }: { months: readonly CashMonth[]; summary: string }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const x = months.map((_, i) => i);
    const bars = uPlot.paths.bars!({ size: [0.35, 40], align: 0 });
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 280,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: [
          { values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) && months[t] ? cashMonthShort(months[t]!.month) : '')) },
          {
            size: 70,
            values: (_u, ticks) =>
              ticks.map(
                (t) =>
                  `${Math.round(t)
                    .toLocaleString('fr-FR')
                    .replace(/\u202f/g, '\u00a0')}\u00a0€`,
              ),
          },
        ],
        series: [
          {},
          { label: 'Entrées', stroke: '#1b6e3a', fill: 'rgba(27, 110, 58, 0.55)', paths: bars, points: { show: false } },
          { label: 'Sorties', stroke: '#9c2a1f', fill: 'rgba(156, 42, 31, 0.55)', paths: bars, points: { show: false } },
          { label: 'Solde fin de mois', stroke: '#1f3f78', width: 3 },
        ],
      },
      [x, months.map((m) => EUROS(m.inCents)), months.map((m) => -EUROS(m.outCents)), months.map((m) => EUROS(m.closingCents))],
      element,
    );
    const canvas = element.querySelector('canvas');
    if (canvas) {
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', summary);
    }
    return () => chart.destroy();
  }, [months, summary]);

  return <div ref={host} className="cash-chart" data-testid="cash-chart" />;
}
