// `concord compare <scenario> --set path=value [--seeds N] [--days D] [--json]`: what did it
// cost? Runs the scenario twice per seed — as written and with the assignments — on the same
// seeds (common random numbers: each system draws from its own named stream, so the two runs
// stay coupled until their paths diverge), and reports every core metric's mean paired
// difference with its confidence interval (95% unless --level says otherwise; exact t quantiles).
import { type Interval, mean, tInterval } from '../experiment/stats';
import { loadAtlas } from '../node/load';
import type { Scenario } from '../scenario/schema';
import { buildDef } from '../sim/build';
import { CORE_METRICS, type MetricName } from '../sim/metrics';
import { Session } from '../sim/session';

export interface CompareRow {
  metric: MetricName;
  baseline: number;
  variant: number;
  diff: Interval;
  /** The interval excludes zero. */
  significant: boolean;
}

export interface CompareResult {
  scenario: string;
  set: string[];
  seeds: number[];
  ticks: number;
  /** Confidence level of the intervals, e.g. 0.95. */
  level: number;
  rows: CompareRow[];
}

export function compareScenarios(
  baseline: Scenario,
  variant: Scenario,
  set: string[],
  seeds: number[],
  ticks: number | undefined,
  level = 0.95,
): CompareResult {
  const atlas = loadAtlas(baseline.geography.atlas);
  const defA = buildDef(baseline, atlas);
  const defB = buildDef(variant, atlas);
  const a = Object.fromEntries(CORE_METRICS.map((m) => [m, [] as number[]])) as Record<
    MetricName,
    number[]
  >;
  const b = Object.fromEntries(CORE_METRICS.map((m) => [m, [] as number[]])) as Record<
    MetricName,
    number[]
  >;
  let ran = 0;
  for (const seed of seeds) {
    const sa = new Session(baseline, atlas, seed, defA);
    const sb = new Session(variant, atlas, seed, defB);
    const end = ticks ?? sa.totalTicks;
    sa.runTo(end);
    sb.runTo(end);
    ran = sa.tick;
    const ma = sa.metrics();
    const mb = sb.metrics();
    for (const m of CORE_METRICS) {
      a[m].push(ma[m]);
      b[m].push(mb[m]);
    }
  }
  const rows = CORE_METRICS.map((metric): CompareRow => {
    const xs = a[metric];
    const ys = b[metric];
    const diff = tInterval(
      ys.map((y, i) => y - xs[i]!),
      level,
    );
    return {
      metric,
      baseline: mean(xs),
      variant: mean(ys),
      diff,
      significant: diff.n >= 2 && (diff.lo > 0 || diff.hi < 0),
    };
  });
  return { scenario: baseline.id, set, seeds, ticks: ran, level, rows };
}

const fmt = (v: number) =>
  Number.isNaN(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(3);

export function formatCompare(r: CompareResult): string {
  const pct = `${+(r.level * 100).toFixed(2)}%`;
  const head = ['metric', 'baseline', 'variant', 'difference', `${pct} CI`, ''];
  const body = r.rows.map((row) => [
    row.metric,
    fmt(row.baseline),
    fmt(row.variant),
    `${row.diff.mean >= 0 ? '+' : ''}${fmt(row.diff.mean)}`,
    `[${fmt(row.diff.lo)}, ${fmt(row.diff.hi)}]`,
    row.significant ? '*' : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    `${r.scenario}: ${r.set.join(', ')} vs as written — ${r.seeds.length} paired seeds (${r.seeds[0]}–${r.seeds.at(-1)}), ${r.ticks} ticks each`,
    '',
    line(head),
    ...body.map(line),
    '',
    `* the ${pct} confidence interval of the paired difference excludes zero`,
    '',
  ].join('\n');
}
