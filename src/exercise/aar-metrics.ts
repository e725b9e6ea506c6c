// The measures over time for the after-action report, taken during the report's pass
// (aar-probe.ts) at its sample ticks: the core metrics as they stood then (computeMetrics over
// the log so far — what the app's metric charts and `metricsAt` show), and the measures the
// engine keeps per actor (breakdown.ts) as running totals: incidents in each actor's territory,
// tracks it withheld from partners for low trust, supply shortfalls of its units, what it
// spent. At the end, the whole breakdown (completeness, time to share by channel, decision
// latency by node, time to respond by country…).
import { type Breakdown, computeBreakdown } from '../sim/breakdown';
import { CORE_METRICS, computeMetrics, type MetricName, type Metrics } from '../sim/metrics';
import type { World } from '../sim/world';
import type { Probe } from './aar-probe';

export interface MetricSeries {
  ticks: number[];
  hours: number[];
  values: Record<MetricName, number[]>;
  final: Metrics;
}

/** Running totals by actor id, one value per sample tick. */
export interface ActorSeries {
  ticks: number[];
  hours: number[];
  actors: string[];
  incidents: Record<string, number[]>;
  withheld: Record<string, number[]>;
  shortfalls: Record<string, number[]>;
  cost: Record<string, number[]>;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

export function metricsProbe(
  w0: World,
  samples: readonly number[],
): Probe & {
  result(end: number): { metrics: MetricSeries; actors: ActorSeries; breakdown: Breakdown };
} {
  const def = w0.def;
  const nA = def.nActors;
  const ids = def.actorIds;
  const due = new Set(samples);
  const h = def.tickMinutes / 60;
  const values = Object.fromEntries(CORE_METRICS.map((m) => [m, [] as number[]])) as Record<
    MetricName,
    number[]
  >;
  const metrics: MetricSeries = { ticks: [], hours: [], values, final: computeMetrics(def, [], 0) };
  const series = (): Record<string, number[]> => Object.fromEntries(ids.map((id) => [id, []]));
  const actors: ActorSeries = {
    ticks: [],
    hours: [],
    actors: [...ids],
    incidents: series(),
    withheld: series(),
    shortfalls: series(),
    cost: series(),
  };
  const incidents = new Float64Array(nA);
  const withheld = new Float64Array(nA);
  const shortfalls = new Float64Array(nA);
  const cost = new Float64Array(nA);
  let world = w0;

  return {
    tick(w, _t, from, to) {
      world = w;
      const ev = w.log.events;
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if (e.k === 'attack' && e.country >= 0) incidents[e.country]!++;
        else if (e.k === 'msg-withheld' && e.reason === 'trust') withheld[e.from]!++;
        else if (e.k === 'shortfall') shortfalls[e.owner]!++;
        else if (e.k === 'cost') cost[e.actor]! += e.amount;
      }
      const tick = w.s.tick;
      if (!due.has(tick)) return;
      const m = computeMetrics(def, ev, tick);
      metrics.ticks.push(tick);
      metrics.hours.push(r3(tick * h));
      for (const k of CORE_METRICS) values[k].push(m[k]);
      actors.ticks.push(tick);
      actors.hours.push(r3(tick * h));
      ids.forEach((id, a) => {
        actors.incidents[id]!.push(incidents[a]!);
        actors.withheld[id]!.push(withheld[a]!);
        actors.shortfalls[id]!.push(shortfalls[a]!);
        actors.cost[id]!.push(r3(cost[a]!));
      });
    },
    result(end) {
      const ev = world.log.events;
      metrics.final = computeMetrics(def, ev, end);
      return { metrics, actors, breakdown: computeBreakdown(def, ev, end) };
    },
  };
}
