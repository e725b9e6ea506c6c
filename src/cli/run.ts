// `concord run`: build a session, run it for the scenario's length (or --days/--ticks), and
// report the hash and core metrics; optionally write the named event log as NDJSON.
import type { Scenario } from '../scenario/schema';
import { type Breakdown, computeBreakdown } from '../sim/breakdown';
import { ScenarioGeoError } from '../sim/build';
import type { Metrics } from '../sim/metrics';
import { namedEvent } from '../sim/names';
import { Session } from '../sim/session';
import { writeFileAtomic } from './atomic';
import { CliError, loadAtlas } from './load';

export interface RunOptions {
  seed: number;
  days?: number | undefined;
  ticks?: number | undefined;
  eventsOut?: string | undefined;
}

export interface RunResult {
  ticks: number;
  hash: string;
  metrics: Metrics;
  breakdown: Breakdown;
  events: number;
  loadMs: number;
  runMs: number;
}

export function makeSession(scenario: Scenario, seed: number): Session {
  try {
    return new Session(scenario, loadAtlas(scenario.geography.atlas), seed);
  } catch (e) {
    if (e instanceof ScenarioGeoError) throw new CliError(`${scenario.id}: ${e.message}`, 2);
    throw e;
  }
}

export function runScenario(scenario: Scenario, o: RunOptions): RunResult {
  const t0 = performance.now();
  const session = makeSession(scenario, o.seed);
  const t1 = performance.now();
  const total =
    o.ticks ??
    (o.days !== undefined
      ? Math.round((o.days * 1440) / scenario.tickMinutes)
      : session.totalTicks);
  session.runTo(total);
  const t2 = performance.now();
  if (o.eventsOut) {
    const lines = session.world.log.events.map((e) => JSON.stringify(namedEvent(session.def, e)));
    writeFileAtomic(o.eventsOut, `${lines.join('\n')}\n`);
  }
  return {
    ticks: session.tick,
    hash: session.hash(),
    metrics: session.metrics(),
    breakdown: computeBreakdown(session.def, session.world.log.events, session.tick),
    events: session.world.log.events.length,
    loadMs: t1 - t0,
    runMs: t2 - t1,
  };
}

export function formatSummary(scenario: Scenario, seed: number, r: RunResult): string {
  const days = (r.ticks * scenario.tickMinutes) / 1440;
  const lines = [
    `${scenario.name} (${scenario.id})`,
    `seed ${seed}, ${r.ticks} ticks = ${days.toFixed(1)} days, ${r.events} events, hash ${r.hash}`,
    `load ${r.loadMs.toFixed(0)} ms, run ${r.runMs.toFixed(0)} ms`,
    '',
  ];
  const width = Math.max(...Object.keys(r.metrics).map((k) => k.length));
  for (const [k, v] of Object.entries(r.metrics)) {
    lines.push(`  ${k.padEnd(width)}  ${fmt(v)}`);
  }
  const b = r.breakdown;
  const section = (title: string, rows: Record<string, number>) => {
    const keys = Object.keys(rows);
    if (!keys.length) return;
    const w = Math.max(...keys.map((k) => k.length));
    lines.push('', title);
    for (const k of keys) lines.push(`  ${k.padEnd(w)}  ${fmt(rows[k]!)}`);
  };
  const meanH = (rows: Record<string, { meanH: number }>) =>
    Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.meanH]));
  section('picture completeness by actor (mean)', b.completenessByActor);
  section('decision latency by command node (mean h)', meanH(b.decisionLatencyHByNode));
  section('supply shortfalls by nation', b.shortfallsByNation);
  section('cost by mechanism', b.costByMechanism);
  lines.push(
    '',
    '(--json adds time to share per channel, withheld by sender, cost by actor, hourly completeness)',
  );
  return `${lines.join('\n')}\n`;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}
