// Charts of the core metrics over scenario time (uPlot). The metrics are exercise-wide: the
// white cell's numbers, hidden in an actor's view.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricName } from '../../sim/metrics';
import { useSession, useSessionThrottled } from '../../store/react';
import type { MetricsHistory } from '../../store/session';
import { num } from '../format';

interface ChartSpec {
  title: string;
  unit: string;
  series: Array<{ metric: MetricName; label: string; color: string; dash?: number[] }>;
}

const CHARTS: ChartSpec[] = [
  {
    title: 'Incidents and interdictions (running totals)',
    unit: 'count',
    series: [
      { metric: 'incidents', label: 'Incidents', color: '#d62728' },
      { metric: 'interdictions', label: 'Interdictions', color: '#1f77b4' },
      { metric: 'supplyShortfalls', label: 'Supply shortfalls', color: '#e08a00' },
      {
        metric: 'sovereigntyIncidents',
        label: 'Sovereignty incidents',
        color: '#8c564b',
        dash: [6, 4],
      },
    ],
  },
  {
    title: 'Response times (hours)',
    unit: 'h',
    series: [
      { metric: 'meanTimeToDetectH', label: 'Time to detect', color: '#9467bd' },
      { metric: 'meanTimeToRespondH', label: 'Time to respond', color: '#2ca02c' },
      { metric: 'meanInfoLatencyH', label: 'Info latency', color: '#1f77b4', dash: [6, 4] },
    ],
  },
  {
    title: 'Shared picture and trust (0–1)',
    unit: '',
    series: [
      { metric: 'copCompleteness', label: 'COP completeness', color: '#17becf' },
      { metric: 'trustMean', label: 'Mean trust', color: '#111a22' },
    ],
  },
];

function data(h: MetricsHistory, spec: ChartSpec, tickMinutes: number): uPlot.AlignedData {
  const days = h.ticks.map((t) => (t * tickMinutes) / 1440);
  return [days, ...spec.series.map((s) => h.values[s.metric])];
}

function Chart({ spec }: { spec: ChartSpec }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const history = useSessionThrottled((s) => s.metrics);
  const tickMinutes = useSession((s) => s.tickMinutes);
  const totalDays = useSession((s) => (s.totalTicks * s.tickMinutes) / 1440);
  const latest = useSessionThrottled((s) => s.latestMetrics);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: 170,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [0, Math.max(1, totalDays)] } },
      axes: [
        {
          stroke: '#33404d',
          font: '14px system-ui, sans-serif',
          values: (_u, vals) => vals.map((v) => `D+${Math.round(v)}`),
          grid: { stroke: '#e3e8ee' },
        },
        {
          stroke: '#33404d',
          font: '14px system-ui, sans-serif',
          size: 50,
          grid: { stroke: '#e3e8ee' },
        },
      ],
      series: [
        { label: 'day' },
        ...spec.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2.5,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: false },
        })),
      ],
    };
    const u = new uPlot(opts, [[], ...spec.series.map(() => [])] as uPlot.AlignedData, el);
    plot.current = u;
    const ro = new ResizeObserver(() =>
      u.setSize({ width: Math.max(200, el.clientWidth), height: 170 }),
    );
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [spec, totalDays]);

  useEffect(() => {
    plot.current?.setData(data(history, spec, tickMinutes), true);
  }, [history, spec, tickMinutes]);

  return (
    <figure className="chart">
      <figcaption>{spec.title}</figcaption>
      <div ref={host} className="chart-host" />
      <ul className="chart-legend">
        {spec.series.map((s) => (
          <li key={s.metric}>
            <i style={{ background: s.color }} />
            {s.label}
            <strong>{latest ? num(latest[s.metric], 2) : '—'}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function Charts() {
  const view = useSession((s) => s.view);
  const ready = useSession((s) => s.description !== null);
  if (!ready) return null;
  if (view >= 0)
    return (
      <div className="empty">
        <p>
          <strong>Exercise-wide metrics are white-cell information.</strong>
        </p>
        <p>
          They count what nobody in the exercise can know (undetected raids, lost messages). Switch
          the view to Ground truth to see them.
        </p>
      </div>
    );
  return (
    <div>
      <p className="hint">Exercise-wide (white cell), sampled every simulated hour.</p>
      {CHARTS.map((c) => (
        <Chart key={c.title} spec={c} />
      ))}
    </div>
  );
}
