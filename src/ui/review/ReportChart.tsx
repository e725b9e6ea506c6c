// One line chart of the after-action report (uPlot, drawn on a canvas the HTML export turns
// into a PNG): x in hours after the start, labelled D+; a legend in HTML below it.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  color: string;
  values: ReadonlyArray<number | null>;
  dash?: number[];
}

/** Width the report draws its charts at (CSS px); print scales them to the page. */
export const CHART_WIDTH = 860;
const HEIGHT = 230;
/** Y tick steps for whole numbers. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];

function dLabel(h: number, short: boolean): string {
  const d = Math.floor(h / 24 + 1e-9);
  const hh = Math.round(h - d * 24);
  return short ? `D+${d} ${String(hh).padStart(2, '0')}h` : `D+${d}`;
}

export function ReportChart({
  title,
  hours,
  series,
  unit = '',
  max,
  counts = false,
}: {
  title: string;
  hours: readonly number[];
  series: ChartSeries[];
  unit?: string;
  /** A fixed top of the y scale (1 for shares). */
  max?: number;
  /** Whole numbers (running totals): y ticks at integers only, never "0.2 incidents". */
  counts?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const last = hours.at(-1) ?? 1;
    const short = last <= 96;
    const opts: uPlot.Options = {
      width: CHART_WIDTH,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      // Room on the right for the last x label ("D+0 18h"), which uPlot centres on the edge.
      padding: [10, 32, 0, 0],
      scales: {
        x: { time: false, range: [0, Math.max(1, last)] },
        y:
          max === undefined
            ? {
                range: (_u, lo, hi) => [
                  Math.min(0, lo),
                  hi > 0 ? Math.max(hi * 1.08, counts ? 1.2 : 0) : 1,
                ],
              }
            : { range: [0, max] },
      },
      axes: [
        {
          stroke: '#33404d',
          font: '13px system-ui, sans-serif',
          values: (_u, vals) => vals.map((v) => dLabel(v, short)),
          grid: { stroke: '#e3e8ee' },
          ...(short ? { incrs: [6, 12, 24, 48] } : { incrs: [24, 48, 72, 168, 336] }),
        },
        {
          stroke: '#33404d',
          font: '13px system-ui, sans-serif',
          size: 56,
          grid: { stroke: '#e3e8ee' },
          ...(counts ? { incrs: COUNT_STEPS } : {}),
          ...(unit ? { label: unit, labelFont: '13px system-ui, sans-serif', labelSize: 18 } : {}),
        },
      ],
      series: [
        { label: 'hours' },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          spanGaps: false,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: false },
        })),
      ],
    };
    const data = [[...hours], ...series.map((s) => [...s.values])] as uPlot.AlignedData;
    const u = new uPlot(opts, data, el);
    return () => u.destroy();
  }, [hours, series, unit, max, counts]);
  return (
    <figure className="rp-chart">
      <figcaption>{title}</figcaption>
      <div className="plot" ref={host} />
      <ul className="rp-legend">
        {series.map((s) => (
          <li key={s.label}>
            <i style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
