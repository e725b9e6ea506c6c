// Box plots of one metric, one box per design point, drawn on a uPlot canvas by a draw hook:
// the box spans the middle half of the runs, the bar is the median, whiskers reach the furthest
// run within 1.5 × IQR (Tukey), and every run is a dot (jittered sideways, the same way on
// every redraw) so two seeds never pass for a distribution. uPlot supplies the axes, scales
// and sizing; its own series only carry each point's extremes, so autoscaling sees them.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 260;
const FONT = '14px system-ui, sans-serif';
const BOX_FILL = '#cfe0f7';
const INK = '#1d4f91';
const DOT = '#d62728';

/** Quantile q of sorted values (linear between order statistics, R's type 7). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.ceil(h)] ?? sorted[lo]!) - sorted[lo]!);
}

interface Box {
  q1: number;
  median: number;
  q3: number;
  lo: number;
  hi: number;
  values: number[];
}

export function boxOf(values: readonly number[]): Box | null {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  const q1 = quantile(v, 0.25);
  const q3 = quantile(v, 0.75);
  const fence = 1.5 * (q3 - q1);
  return {
    q1,
    median: quantile(v, 0.5),
    q3,
    lo: v.find((x) => x >= q1 - fence)!,
    hi: [...v].reverse().find((x) => x <= q3 + fence)!,
    values: v,
  };
}

/** A fixed sideways offset in [−1, 1] for the i-th dot (golden-ratio sequence: even, repeatable). */
const jitter = (i: number) => ((i * 0.618034) % 1) * 2 - 1;

function drawBoxes(u: uPlot, boxes: ReadonlyArray<Box | null>): void {
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const x = (v: number) => u.valToPos(v, 'x', true);
  const y = (v: number) => u.valToPos(v, 'y', true);
  const slot = Math.abs(x(1) - x(0));
  const half = Math.min(slot * 0.3, 40 * r);
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  boxes.forEach((b, i) => {
    if (!b) return;
    const cx = x(i);
    ctx.lineWidth = 1.5 * r;
    ctx.strokeStyle = INK;
    // Whiskers and their caps.
    ctx.beginPath();
    ctx.moveTo(cx, y(b.hi));
    ctx.lineTo(cx, y(b.q3));
    ctx.moveTo(cx, y(b.q1));
    ctx.lineTo(cx, y(b.lo));
    ctx.moveTo(cx - half / 2, y(b.hi));
    ctx.lineTo(cx + half / 2, y(b.hi));
    ctx.moveTo(cx - half / 2, y(b.lo));
    ctx.lineTo(cx + half / 2, y(b.lo));
    ctx.stroke();
    const top = y(b.q3);
    const height = Math.max(1 * r, y(b.q1) - top);
    ctx.fillStyle = BOX_FILL;
    ctx.fillRect(cx - half, top, 2 * half, height);
    ctx.strokeRect(cx - half, top, 2 * half, height);
    ctx.lineWidth = 3.5 * r;
    ctx.beginPath();
    ctx.moveTo(cx - half, y(b.median));
    ctx.lineTo(cx + half, y(b.median));
    ctx.stroke();
    ctx.fillStyle = DOT;
    ctx.globalAlpha = b.values.length > 60 ? 0.35 : 0.75;
    b.values.forEach((v, k) => {
      ctx.beginPath();
      ctx.arc(cx + jitter(k) * half * 0.8, y(v), 3.2 * r, 0, Math.PI * 2);
      ctx.fill();
    });
    ctx.globalAlpha = 1;
  });
  ctx.restore();
}

/** uPlot's data: x per point and each point's lowest and highest run (for autoscaling). */
function extremes(boxes: ReadonlyArray<Box | null>): uPlot.AlignedData {
  return [
    boxes.map((_, i) => i),
    boxes.map((b) => b?.values[0] ?? null),
    boxes.map((b) => b?.values[b.values.length - 1] ?? null),
  ] as uPlot.AlignedData;
}

function yRange(_u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.1, 0.5);
  return [min - pad, max + pad];
}

export function BoxPlot(props: {
  /** Values of each design point's runs, by point. */
  values: ReadonlyArray<readonly number[]>;
  /** Tick label of each point (may hold line breaks). */
  labels: readonly string[];
  xLabel: string;
  yLabel: string;
}) {
  const { values, labels, xLabel, yLabel } = props;
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const boxes = useRef<Array<Box | null>>([]);
  const n = labels.length;
  const lines = Math.max(1, ...labels.map((l) => l.split('\n').length));

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const idx = Array.from({ length: n }, (_, i) => i);
    // Label every point when they fit, else every k-th.
    const every = Math.max(1, Math.ceil(n / 12));
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height: HEIGHT + 18 * (lines - 1),
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: yRange } },
      axes: [
        {
          stroke: '#33404d',
          font: FONT,
          label: xLabel,
          labelFont: 'bold 14px system-ui, sans-serif',
          labelSize: 24,
          size: 14 + 18 * lines,
          splits: () => idx,
          values: (_u, splits) => splits.map((s) => (s % every === 0 ? (labels[s] ?? '') : '')),
          grid: { show: false },
        },
        {
          stroke: '#33404d',
          font: FONT,
          label: yLabel,
          labelFont: 'bold 14px system-ui, sans-serif',
          labelSize: 24,
          size: 56,
          grid: { stroke: '#e3e8ee' },
        },
      ],
      series: [
        {},
        { label: 'min', paths: () => null, points: { show: false } },
        { label: 'max', paths: () => null, points: { show: false } },
      ],
      hooks: { draw: [(u) => drawBoxes(u, boxes.current)] },
    };
    const u = new uPlot(opts, extremes(boxes.current), el);
    plot.current = u;
    const ro = new ResizeObserver(() =>
      u.setSize({ width: Math.max(240, el.clientWidth), height: opts.height }),
    );
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [n, labels, lines, xLabel, yLabel]);

  // Boxes follow the data; the plot (re)made above draws whatever boxes hold.
  useEffect(() => {
    boxes.current = values.map((v) => boxOf(v));
    plot.current?.setData(extremes(boxes.current), true);
  }, [values]);

  return <div ref={host} className="chart-host boxplot" />;
}
