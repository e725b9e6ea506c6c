// The app's engine session: one object, made by createAppSession, that owns the conversation
// with the engine (through an injected EngineApi: a worker, an in-process SessionApi, later a
// server), the map view, the play loop and the URL, and writes what they report into the
// session store through its plain actions. Nothing here lives in module variables, so Node
// tests drive loading, seeking, pacing and turns with an in-process engine and a fake clock.
//
// Pacing: one engine round is in flight at a time and at most one snapshot reaches the map
// per animation frame. At a fixed speed the ticks due come from real time elapsed
// (pacing.ts); at "max" rounds run back to back, each sized so the engine spends ~22 ms on it,
// with a snapshot only when the map has drawn the previous one. Pausing stops at the tick
// shown: the engine, which may have run ahead of the display, is brought back to it.
import type { MapView, MapViewOptions } from '../map/types';
import type { WorldDescription } from '../sim/describe';
import type { Metrics } from '../sim/metrics';
import type { Snapshot } from '../sim/snapshot';
import type { EngineApi } from './engine-api';
import { getLatestSnapshot, setLatestSnapshot, summarize } from './latest-snapshot';
import { Pacer } from './pacing';
import {
  addMetricSamples,
  applySnapshot,
  type ChangeSource,
  getSession,
  resetToSnapshot,
  setNotice,
  setPlaying,
  setStatus,
} from './session';
import { ticksPerHour } from './time';

export interface Frames {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
}

export interface AppDeps {
  api: EngineApi;
  frames: Frames;
  /** Monotonic milliseconds (performance.now). */
  now(): number;
  /** Runs fn as a task of its own (setTimeout 0). */
  defer(fn: () => void): void;
  /** Creates the Pixi map (absent where there is no DOM). */
  createMap?: (o: MapViewOptions) => Promise<MapView>;
  topology(atlas: '50m' | '10m'): Promise<unknown>;
  scenarios: { names: readonly string[]; load(name: string): Promise<unknown> };
}

/** At most this many metric samples are filled in after a long jump… */
export const MAX_FILL_SAMPLES = 400;
/** …or taken along with one snapshot while playing (each folds the log's prefix once). */
export const SAMPLES_PER_ROUND = 12;

/** The one state object of an app session (formerly the bridge's module variables). */
export interface AppCtx {
  deps: AppDeps;
  api: EngineApi;
  map: MapView | null;
  mapContainer: HTMLElement | null;
  mapGen: number;
  loadGen: number;
  /** Log length the next snapshot's events start from. */
  eventCount: number;
  /** Tick of the newest snapshot received (metric samples are taken up to it). */
  snapTick: number;
  /** The engine's tick as its last answer gave it (ahead of the store's while rounds run). */
  engineTick: number;
  pacer: Pacer;
  chain: Promise<unknown>;
  busy: number;
  /** The role whose view the app shows: 'white', or an actor id (hot seat, classroom). */
  role: string;
  /** The actor index that role plays (−1: the white cell). */
  actor: number;
  /** The white cell's full description (a player's role description is in the store). */
  fullDescription: WorldDescription | null;
  pending: PendingSnapshot | null;
  rafId: number;
  lastFrame: number;
  lastSnapAt: number;
  maxRunning: boolean;
  /** Wall time of the last bare round, from sending to the answer, ms (null after a snapshot round). */
  lastWallMs: number | null;
  /** Called when an execution phase ends (the exercise view refreshes). */
  onTurnEnded?: () => void;
  /**
   * The last scenario document loaded that is not a bundled file (author mode's Try it, a
   * planner's own file), by its name: loading that name again (another seed) reuses it.
   */
  custom: { name: string; json: unknown } | null;
  /** Called after anything that changes the exercise record (orders, injects, turns). */
  onExerciseChange?: () => void;
  /** The session's coalescing seek (set by createAppSession). */
  seekTo?: (tick: number) => Promise<void>;
}

export interface PendingSnapshot {
  snap: Snapshot;
  durationMs: number;
  samples: Metrics[];
  ticks: number[];
  latest: Metrics | null;
}

export function createCtx(deps: AppDeps): AppCtx {
  return {
    deps,
    api: deps.api,
    map: null,
    mapContainer: null,
    mapGen: 0,
    loadGen: 0,
    custom: null,
    eventCount: 0,
    snapTick: 0,
    engineTick: 0,
    pacer: new Pacer(),
    chain: Promise.resolve(),
    busy: 0,
    role: 'white',
    actor: -1,
    fullDescription: null,
    pending: null,
    rafId: 0,
    lastFrame: 0,
    lastSnapAt: 0,
    maxRunning: false,
    lastWallMs: null,
  };
}

/** Runs `fn` after every earlier engine conversation has finished. */
export function exclusive<T>(c: AppCtx, fn: () => Promise<T>): Promise<T> {
  c.busy++;
  const run = c.chain.then(fn, fn);
  c.chain = run.then(
    () => c.busy--,
    () => c.busy--,
  );
  return run;
}

export function reportError(what: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  console.warn(`${what}: ${message}`, e);
  setNotice({ text: `${what}: ${message}`, level: 'error' });
}

// ——— what the current role may see ———

/** A snapshot for the current role: a player's role view, or the white cell's chosen view. */
export function fetchSnapshot(c: AppCtx, since: number): Promise<Snapshot> {
  return c.actor >= 0
    ? c.api.roleSnapshot(c.actor, since)
    : c.api.snapshot(getSession().view, since);
}

export function fetchEvents(
  c: AppCtx,
  from: number,
  to: number,
): Promise<Array<Record<string, unknown>>> {
  return c.actor >= 0
    ? c.api.roleEvents(c.actor, from, to)
    : c.api.events(from, to, getSession().view);
}

// ——— snapshots into the store and the map ———

/** A snapshot into the store and the map. `fresh`: just fetched, so the engine is at its tick. */
export function takeIn(
  c: AppCtx,
  snap: Snapshot,
  durationMs: number,
  source: ChangeSource,
  fresh = true,
): void {
  setLatestSnapshot(snap);
  if (fresh) {
    c.eventCount = snap.eventCount;
    c.snapTick = snap.tick;
    c.engineTick = snap.tick;
  }
  c.map?.pushSnapshot(snap, durationMs);
  applySnapshot(summarize(snap), source);
}

/** Hour ticks in (from, to], thinned to at most `max` evenly spread. */
export function hourTicks(from: number, to: number, max: number): number[] {
  const per = ticksPerHour(getSession().tickMinutes);
  const out: number[] = [];
  for (let t = (Math.floor(from / per) + 1) * per; t <= to; t += per) out.push(t);
  if (out.length <= max) return out;
  const step = out.length / max;
  return Array.from(
    { length: max },
    (_, i) => out[Math.min(out.length - 1, Math.round((i + 1) * step) - 1)]!,
  );
}

/** Metric samples for the hours between the last sample and `tick`, plus the latest values. */
export async function sampleMetrics(c: AppCtx, tick: number, source: ChangeSource): Promise<void> {
  // Exercise-wide metrics are the white cell's: a player's charts stay empty.
  if (c.actor >= 0) return;
  const h = getSession().metrics.ticks;
  const last = h.length ? h[h.length - 1]! : -1;
  const ticks = hourTicks(Math.max(last, -1), tick, MAX_FILL_SAMPLES);
  if (last < 0 && !ticks.includes(0)) ticks.unshift(0);
  const [samples, latest] = await Promise.all([c.api.metricsAt(ticks), c.api.metrics()]);
  addMetricSamples(ticks, samples, latest, source);
}

/**
 * After a jump (load, seek, view or role change): a fresh snapshot for the view, the feed and
 * markers rebuilt from the whole log the view may know, metrics filled in. Call inside
 * `exclusive`.
 */
export async function resync(c: AppCtx, source: ChangeSource): Promise<void> {
  c.pending = null;
  const snap = await fetchSnapshot(c, Number.MAX_SAFE_INTEGER);
  const history = await fetchEvents(c, 0, snap.eventCount);
  setLatestSnapshot(snap);
  c.eventCount = snap.eventCount;
  c.snapTick = snap.tick;
  c.engineTick = snap.tick;
  c.map?.pushSnapshot(snap, 0);
  resetToSnapshot(summarize(snap), history, source);
  await sampleMetrics(c, snap.tick, source);
}

/** Takes in the snapshot still waiting for its frame (before anything newer). */
export function flushPending(c: AppCtx): void {
  if (!c.pending) return;
  const p = c.pending;
  c.pending = null;
  takeIn(c, p.snap, p.durationMs, 'sim', false);
  if (p.ticks.length || p.latest) addMetricSamples(p.ticks, p.samples, p.latest, 'sim');
  const s = getSession();
  if (p.snap.tick >= s.totalTicks && s.playing) {
    setPlaying(false, 'sim');
    setNotice({ text: 'End of the scenario reached.', level: 'info' });
  }
}

/** Status line helper for failed loads. */
export function loadFailed(name: string, problems: readonly string[], source: ChangeSource): void {
  setStatus('error', `${name} could not be loaded:\n${problems.join('\n')}`, source);
}

export { getLatestSnapshot };
