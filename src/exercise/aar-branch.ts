// "What if" in review: a branch of a played session from any tick with other orders, run to the
// same tick as the session as recorded, and both branches' core metrics side by side. These
// are the plain shapes the review's engine (src/ui/review/review-api.ts) answers with, and the
// comparison table's rows.
import { CORE_METRICS, type MetricName, type Metrics } from '../sim/metrics';
import type { Order } from '../sim/world';

export interface BranchOrder {
  role: string;
  order: Order;
}

export interface Comparison {
  /** The tick both branches were run to. */
  tick: number;
  /** The branch point. */
  from: number;
  /** The session as recorded (continued past its end as the engine and its MSEL would). */
  recorded: Metrics;
  /** The branch with the other orders. */
  branch: Metrics;
  /** Samples from the branch point to `tick` (hourly, thinned), both branches. */
  series: { ticks: number[]; recorded: Metrics[]; branch: Metrics[] };
  /** Orders the branch engine refused when they were given again (none normally). */
  refused: Array<{ index: number; error: string }>;
}

export interface ComparisonRow {
  metric: MetricName;
  recorded: number;
  branch: number;
  /** branch − recorded. */
  difference: number;
}

/** One row per core metric, in CORE_METRICS order. */
export function comparisonRows(c: Comparison): ComparisonRow[] {
  return CORE_METRICS.map((metric) => {
    const recorded = c.recorded[metric];
    const branch = c.branch[metric];
    return { metric, recorded, branch, difference: Math.round((branch - recorded) * 1000) / 1000 };
  });
}

/** Hour ticks in (from, to], thinned to at most `max`, always ending on `to`. */
export function branchTicks(from: number, to: number, tickMinutes: number, max = 200): number[] {
  const per = Math.max(1, Math.round(60 / tickMinutes));
  const all: number[] = [];
  for (let t = (Math.floor(from / per) + 1) * per; t < to; t += per) all.push(t);
  all.push(to);
  if (all.length <= max) return all;
  const step = all.length / max;
  return Array.from(
    { length: max },
    (_, i) => all[Math.min(all.length - 1, Math.round((i + 1) * step) - 1)]!,
  );
}
