// The summary of an experiment's results: per design point and metric, n, mean, standard
// deviation and the Student-t confidence interval of the mean at the experiment's level (95 %
// by default; tidy CSV and JSON); for sampled designs (every kind but grid), which parameters
// matter most per metric (SRC, PRCC and its p-value; also as tidy CSV).

import { line } from './csv';
import type { Level } from './design';
import { type Sensitivity, sensitivity } from './sensitivity';
import { DEFAULT_CONFIDENCE, tInterval } from './stats';

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
  /** Level of the confidence intervals (0.95 = 95 %). */
  confidence: number;
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
  confidence = DEFAULT_CONFIDENCE,
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
            const c = tInterval(
              list.map((r) => r.metrics[m]!),
              confidence,
            );
            return [m, { mean: c.mean, sd: c.sd, lo: c.lo, hi: c.hi }];
          }),
        ),
      }),
    );
  const out: Summary = { experiment, runs: rows.length, confidence, points };
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

/** The summary as tidy CSV: one row per design point and metric; `ci_level` is the CI's level. */
export function summaryCsv(s: Summary, parameters: readonly string[]): string {
  const lines = [
    line([
      'experiment',
      'point',
      ...parameters,
      'metric',
      'n',
      'mean',
      'sd',
      'ci_lo',
      'ci_hi',
      'ci_level',
    ]),
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
          s.confidence,
        ]),
      );
  return `${lines.join('\n')}\n`;
}

/**
 * Sensitivity as tidy CSV: one row per metric and factor, strongest PRCC first within a metric
 * (metrics in the summary's order); `r2` is the metric's linear-model R² (SRC's fit). Header
 * only when the design was not sampled.
 */
export function sensitivityCsv(s: Summary): string {
  const lines = [line(['experiment', 'metric', 'factor', 'prcc', 'prcc_p', 'src', 'r2'])];
  for (const [m, v] of Object.entries(s.sensitivity ?? {}))
    for (const p of v.byParameter)
      lines.push(line([s.experiment, m, p.parameter, p.prcc, p.prccP, p.src, v.r2]));
  return `${lines.join('\n')}\n`;
}
