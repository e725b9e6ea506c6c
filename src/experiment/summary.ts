// The summary of an experiment's results: per design point and metric, n, mean, standard
// deviation and the 95% confidence interval of the mean (tidy CSV and JSON); for sampled
// designs (random, lhs, nolh), which parameters matter most per metric.

import { line } from './csv';
import type { Level } from './design';
import { type Sensitivity, sensitivity } from './sensitivity';
import { ci95 } from './stats';

export interface ResultRow {
  point: number;
  levels: Record<string, Level>;
  metrics: Record<string, number>;
}

export interface PointSummary {
  point: number;
  levels: Record<string, Level>;
  n: number;
  metrics: Record<string, { mean: number; sd: number; lo: number; hi: number }>;
}

export interface Summary {
  experiment: string;
  runs: number;
  points: PointSummary[];
  /** Per metric: R² of the linear model and each parameter's SRC and PRCC (sampled designs). */
  sensitivity?: Record<string, { r2: number; byParameter: Sensitivity[] }>;
}

const num = (v: Level) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

export function summarise(
  experiment: string,
  parameters: readonly string[],
  metrics: readonly string[],
  rows: readonly ResultRow[],
  sampled: boolean,
): Summary {
  const byPoint = new Map<number, ResultRow[]>();
  for (const r of rows) {
    const list = byPoint.get(r.point);
    if (list) list.push(r);
    else byPoint.set(r.point, [r]);
  }
  const points = [...byPoint.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([point, list]): PointSummary => ({
        point,
        levels: list[0]!.levels,
        n: list.length,
        metrics: Object.fromEntries(
          metrics.map((m) => {
            const c = ci95(list.map((r) => r.metrics[m]!));
            return [m, { mean: c.mean, sd: c.sd, lo: c.lo, hi: c.hi }];
          }),
        ),
      }),
    );
  const out: Summary = { experiment, runs: rows.length, points };
  if (sampled && rows.length > parameters.length + 2) {
    const X = rows.map((r) => parameters.map((p) => num(r.levels[p]!)));
    out.sensitivity = Object.fromEntries(
      metrics.map((m) => [
        m,
        sensitivity(
          parameters,
          X,
          rows.map((r) => r.metrics[m]!),
        ),
      ]),
    );
  }
  return out;
}

/** The summary as tidy CSV: one row per design point and metric. */
export function summaryCsv(s: Summary, parameters: readonly string[]): string {
  const lines = [
    line(['experiment', 'point', ...parameters, 'metric', 'n', 'mean', 'sd', 'ci_lo', 'ci_hi']),
  ];
  for (const p of s.points)
    for (const [m, v] of Object.entries(p.metrics))
      lines.push(
        line([
          s.experiment,
          p.point,
          ...parameters.map((q) => p.levels[q]),
          m,
          p.n,
          v.mean,
          v.sd,
          v.lo,
          v.hi,
        ]),
      );
  return `${lines.join('\n')}\n`;
}
