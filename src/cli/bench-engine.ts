// Engine measurements for `concord bench`: load a scenario (optionally with its agents scaled),
// time the load and a run tick by tick, and count the agents alive each tick. Counting happens
// between ticks, outside the timed section, so it costs the measurement nothing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, readJsonFile } from '../node/load';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { CELL, TASK } from '../sim/codes';
import type { World } from '../sim/world';
import { makeSession } from './run';

/** Median, min and max of a sample (one decimal place is the caller's business). */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(xs: readonly number[]): Spread {
  if (!xs.length) throw new Error('spread of an empty sample');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const median = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
}

/** Scenario files directly in `dir` (not subfolders), sorted by name. */
export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(dir, e.name))
    .sort();
}

type Json = Record<string, unknown>;

/**
 * The raw scenario JSON with every agent population multiplied by k: units[].count,
 * threats[].cells and traffic[].perDay. Geography, places, bases and everything else stay.
 */
export function scaleRaw(raw: unknown, k: number): unknown {
  const r = structuredClone(raw) as Json;
  const each = (key: string, field: string, dflt: number | undefined) => {
    const list = r[key];
    if (!Array.isArray(list)) return;
    for (const item of list as Json[]) {
      const v = item[field] ?? dflt;
      if (typeof v === 'number') item[field] = v * k;
    }
  };
  each('units', 'count', 1);
  each('threats', 'cells', 1);
  each('traffic', 'perDay', undefined);
  return r;
}

/** Agents alive now: units not destroyed + live threat cells + vessels + convoys. */
export function countAgents(w: World): number {
  const { s, def } = w;
  let n = 0;
  for (let u = 0; u < def.nUnits; u++) if (s.uTask[u] !== TASK.destroyed) n++;
  for (let c = 0; c < s.nCells; c++) if (s.cState[c]! < CELL.dead) n++;
  for (let v = 0; v < s.vAlive.length; v++) if (s.vAlive[v]) n++;
  for (let k = 0; k < s.kAlive.length; k++) if (s.kAlive[k]) n++;
  return n;
}

export interface OneRun {
  /** Validation + buildDef (masks) + initial state, ms. */
  loadMs: number;
  /** Sum of the ticks' wall times, ms. */
  runMs: number;
  ticks: number;
  /** The scenario's whole duration in ticks. */
  totalTicks: number;
  /** Agents alive per tick, summed over the ticks run. */
  agentTicks: number;
  events: number;
  hash: string;
  nUnits: number;
  cellCap: number;
  vesselCap: number;
  convoyCap: number;
}

function validated(raw: unknown, what: string): Scenario {
  const r = validateScenario(raw);
  if (!r.ok) {
    const first = r.problems[0];
    throw new CliError(
      `bench: ${what} does not validate (${r.problems.length} problem(s); first: ${first ? `${first.path}: ${first.message}` : '?'})`,
      2,
    );
  }
  return r.value;
}

/**
 * One measured run of a raw scenario: load (validation, buildDef, initial state) is timed as a
 * whole; the run is stepped one tick at a time, timing only the step and counting agents
 * between steps. `ticks` undefined runs the scenario's whole duration.
 */
export function measureRun(raw: unknown, seed: number, ticks?: number, what = 'scenario'): OneRun {
  const copy = structuredClone(raw); // validation may fill defaults in place: keep raw pristine
  const t0 = performance.now();
  const scenario = validated(copy, what);
  const session = makeSession(scenario, seed);
  const loadMs = performance.now() - t0;
  const total = Math.min(ticks ?? session.totalTicks, session.totalTicks);
  let runMs = 0;
  let agentTicks = 0;
  for (let t = 0; t < total; t++) {
    agentTicks += countAgents(session.world);
    const a = performance.now();
    session.step(1);
    runMs += performance.now() - a;
  }
  const d = session.def;
  return {
    loadMs,
    runMs,
    ticks: session.tick,
    totalTicks: session.totalTicks,
    agentTicks,
    events: session.world.log.events.length,
    hash: session.hash(),
    nUnits: d.nUnits,
    cellCap: d.cellCap,
    vesselCap: d.vesselCap,
    convoyCap: d.convoyCap,
  };
}

/** Days → ticks at a scenario's tick length (at least one tick). */
export function daysToTicks(days: number, tickMinutes: number): number {
  return Math.max(1, Math.round((days * 1440) / tickMinutes));
}

/** Reads a scenario file as raw JSON and checks that it is a scenario (not an experiment). */
export function readScenarioRaw(file: string): {
  raw: unknown;
  id: string;
  tickMinutes: number;
  error?: string;
} {
  const raw = readJsonFile(file);
  const r = validateScenario(structuredClone(raw));
  if (!r.ok) {
    const p = r.problems[0];
    return {
      raw,
      id: '',
      tickMinutes: 0,
      error: `${r.problems.length} problem(s); first ${p?.path}: ${p?.message}`,
    };
  }
  return { raw, id: r.value.id, tickMinutes: r.value.tickMinutes };
}
