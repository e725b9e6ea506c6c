// `concord run`: build a session, run it for the scenario's length (or --days/--ticks), and
// report the hash and core metrics; optionally write the named event log as NDJSON (with
// lon/lat, ISO times and a SHA-256 file beside it: events-out.ts).

import { CliError, loadAtlas } from '../node/load';
import type { Scenario } from '../scenario/schema';
import { type Breakdown, computeBreakdown } from '../sim/breakdown';
import { ScenarioGeoError } from '../sim/build';
import { estimateRun } from '../sim/estimate';
import type { Metrics } from '../sim/metrics';
import { Session } from '../sim/session';
import { writeEvents } from './events-out';

export interface RunOptions {
  seed: number;
  days?: number | undefined;
  ticks?: number | undefined;
  eventsOut?: string | undefined;
  /** The scenario's file, for messages. */
  file?: string | undefined;
}

export interface RunResult {
  ticks: number;
  hash: string;
  metrics: Metrics;
  breakdown: Breakdown;
  events: number;
  loadMs: number;
  runMs: number;
  /** SHA-256 (hex) of the events NDJSON, when one was written (also in `<file>.sha256`). */
  eventsSha256?: string;
}

/** A session of the scenario; a geographic problem names the file (or the scenario id). */
export function makeSession(scenario: Scenario, seed: number, file = scenario.id): Session {
  try {
    return new Session(scenario, loadAtlas(scenario.geography.atlas), seed);
  } catch (e) {
    if (e instanceof ScenarioGeoError) throw new CliError(`${file}: ${e.message}`, 2);
    throw e;
  }
}

/** Says on stderr what a big run will take before it starts (it may be a mistake). */
export function noteLargeRun(command: string, scenario: Scenario, ticks?: number): void {
  const est = estimateRun(scenario, ticks);
  if (est.seconds < 20 && est.bytes < 1e9) return;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  process.stderr.write(
    `concord ${command}: a large run: about ${formatDuration(est.seconds)} of CPU and ${n(est.bytes / 1e6)} MB (${n(est.cells)} grid cells, ${n(est.units)} units, ${n(est.ticks)} ticks)\n`,
  );
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function runScenario(scenario: Scenario, o: RunOptions): RunResult {
  const t0 = performance.now();
  const session = makeSession(scenario, o.seed, o.file);
  const t1 = performance.now();
  const total =
    o.ticks ??
    (o.days !== undefined
      ? Math.round((o.days * 1440) / scenario.tickMinutes)
      : session.totalTicks);
  session.runTo(total);
  const t2 = performance.now();
  // With lon/lat and ISO times, and its SHA-256 beside it (events-out.ts).
  const eventsSha256 = o.eventsOut ? writeEvents(session, o.eventsOut) : undefined;
  return {
    ticks: session.tick,
    hash: session.hash(),
    metrics: session.metrics(),
    breakdown: computeBreakdown(session.def, session.world.log.events, session.tick),
    events: session.world.log.events.length,
    loadMs: t1 - t0,
    runMs: t2 - t1,
    ...(eventsSha256 ? { eventsSha256 } : {}),
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
