// The worker bridge: owns the simulation worker (comlink), the map view and the play loop,
// and writes what they report into the session store through its plain action functions.
// The UI calls the commands exported here (play, step, seek, setView, order switches…);
// nothing else talks to the worker. Browser-only (Worker, requestAnimationFrame).
//
// Pacing: one worker round is in flight at a time and at most one snapshot reaches the map
// per animation frame. At a fixed speed the ticks due are computed from real time elapsed
// (pacing.ts); at "max" rounds run back to back, each sized so the worker spends ~22 ms on
// it (more only when the main thread is slow to collect answers), with a snapshot only when
// the map has drawn the previous one. The worker does the work; the main thread only
// receives snapshots and stays responsive.
import * as Comlink from 'comlink';
import type { SimWorkerApi } from '../../workers/sim.worker';
import type { MapView } from '../map/types';
import type { WorldDescription } from '../sim/describe';
import type { Metrics } from '../sim/metrics';
import type { Snapshot } from '../sim/snapshot';
import type { Order } from '../sim/world';
import { eventSelection, eventText, NEXT_EVENT_KINDS } from './feed';
import { getLatestSnapshot, setLatestSnapshot, summarize } from './latest-snapshot';
import { Pacer, type Speed } from './pacing';
import { loadScenarioJson, scenarioNames } from './scenarios';
import {
  addMetricSamples,
  applySnapshot,
  beginLoad,
  type ChangeSource,
  getSession,
  loaded,
  resetToSnapshot,
  type SwitchTable,
  select,
  sessionStore,
  setClock,
  setHover,
  setNotice,
  setPanel,
  setPending,
  setPlaying,
  setScenarioList,
  setSpeed,
  setStatus,
  setView as setViewAction,
} from './session';
import { dPlus, ticksPerHour } from './time';
import { formatUrlState, parseUrlState, viewIndex, viewName } from './url';

export type SimApi = Comlink.Remote<SimWorkerApi>;

const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), {
  type: 'module',
});
export const api: SimApi = Comlink.wrap<SimWorkerApi>(worker);

/** Ticks a jump (seek) replays without gliding: the map jumps. */
const GLIDE_STEP_MS = 250;
/** "Run to next event" looks at most this many simulated days ahead. */
const NEXT_EVENT_DAYS = 7;
/** At most this many metric samples are filled in after a long jump… */
const MAX_FILL_SAMPLES = 400;
/** …or taken along with one snapshot while playing (each folds the log's prefix once). */
const SAMPLES_PER_ROUND = 12;

let map: MapView | null = null;
let mapContainer: HTMLElement | null = null;
let mapGen = 0;
let loadGen = 0;
/** Log length the next snapshot's events start from. */
let eventCount = 0;
/** Tick of the newest snapshot received (metric samples are taken up to it). */
let snapTick = 0;
/** The worker's tick as its last answer gave it (ahead of the store's while rounds run). */
let workerTick = 0;
const pacer = new Pacer();

// ——— one worker conversation at a time ———

let chain: Promise<unknown> = Promise.resolve();
let busy = 0;
/** Runs `fn` after every earlier worker conversation has finished. */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  busy++;
  const run = chain.then(fn, fn);
  chain = run.then(
    () => busy--,
    () => busy--,
  );
  return run;
}

function reportError(what: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  console.warn(`${what}: ${message}`, e);
  setNotice({ text: `${what}: ${message}`, level: 'error' });
}

// ——— snapshots into the store and the map ———

/** A snapshot into the store and the map. `fresh`: just fetched, so the worker is at its tick. */
function takeIn(snap: Snapshot, durationMs: number, source: ChangeSource, fresh = true): void {
  setLatestSnapshot(snap);
  if (fresh) {
    eventCount = snap.eventCount;
    snapTick = snap.tick;
    workerTick = snap.tick;
  }
  map?.pushSnapshot(snap, durationMs);
  applySnapshot(summarize(snap), source);
}

/** Hour ticks in (from, to], thinned to at most `max` evenly spread. */
function hourTicks(from: number, to: number, max: number): number[] {
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
async function sampleMetrics(tick: number, source: ChangeSource): Promise<void> {
  const h = getSession().metrics.ticks;
  const last = h.length ? h[h.length - 1]! : -1;
  const ticks = hourTicks(Math.max(last, -1), tick, MAX_FILL_SAMPLES);
  if (last < 0 && !ticks.includes(0)) ticks.unshift(0);
  const [samples, latest] = await Promise.all([api.metricsAt(ticks), api.metrics()]);
  addMetricSamples(ticks, samples, latest, source);
}

/**
 * After a jump (load, seek, view change): a fresh snapshot for the view, the feed and
 * markers rebuilt from the whole log the view may know, metrics filled in. Call inside
 * `exclusive`.
 */
async function resync(source: ChangeSource): Promise<void> {
  pending = null;
  const view = getSession().view;
  const snap = await api.snapshot(view, Number.MAX_SAFE_INTEGER);
  const history = await api.events(0, snap.eventCount, view);
  setLatestSnapshot(snap);
  eventCount = snap.eventCount;
  snapTick = snap.tick;
  workerTick = snap.tick;
  map?.pushSnapshot(snap, 0);
  resetToSnapshot(summarize(snap), history, source);
  await sampleMetrics(snap.tick, source);
}

// ——— the play loop ———

let rafId = 0;
let lastFrame = 0;
let lastSnapAt = 0;
/** A snapshot waiting for the next frame, with the metric samples taken alongside it. */
let pending: {
  snap: Snapshot;
  durationMs: number;
  samples: Metrics[];
  ticks: number[];
  latest: Metrics | null;
} | null = null;

/** Takes in the snapshot still waiting for its frame (before anything newer). */
function flushPending(): void {
  if (!pending) return;
  const p = pending;
  pending = null;
  takeIn(p.snap, p.durationMs, 'sim', false);
  if (p.ticks.length || p.latest) addMetricSamples(p.ticks, p.samples, p.latest, 'sim');
  const s = getSession();
  if (p.snap.tick >= s.totalTicks && s.playing) {
    setPlaying(false, 'sim');
    setNotice({ text: 'End of the scenario reached.', level: 'info' });
  }
}

/** One animation frame: hand the waiting snapshot to the map, run the ticks due at fixed speeds. */
function frame(now: number): void {
  rafId = 0;
  const dt = lastFrame ? now - lastFrame : 0;
  lastFrame = now;
  flushPending();
  const st = getSession();
  if (!st.playing || st.status.phase !== 'ready') return;
  if (st.speed === 'max') {
    if (!maxRunning) void maxLoop();
  } else {
    const n = pacer.due(dt, st.speed, st.tickMinutes);
    if (n > 0 && busy === 0) void runBatch(n, Pacer.spanMs(n, st.speed, st.tickMinutes), true);
    else {
      if (n > 0) pacer.owedMinutes += n * st.tickMinutes; // still owed: the worker is busy
      setClock(st.tick * st.tickMinutes + pacer.owedMinutes);
    }
  }
  rafId = requestAnimationFrame(frame);
}

/**
 * One worker round: advance n ticks and, when the map has taken the previous snapshot, a new
 * snapshot with the metric samples of the hours crossed. Resolves with the worker's result.
 */
function runBatch(n: number, spanMs: number, withSnapshot: boolean) {
  const s = getSession();
  const view = s.view;
  const gen = loadGen;
  return exclusive(async () => {
    const sent = performance.now();
    const to = Math.min(s.totalTicks, workerTick + n);
    const ticks = withSnapshot ? hourTicks(snapTick, to, SAMPLES_PER_ROUND) : [];
    const [r, snap, samples, latest] = await Promise.all([
      api.advance(n),
      withSnapshot ? api.snapshot(view, eventCount) : Promise.resolve(null),
      ticks.length ? api.metricsAt(ticks) : Promise.resolve([] as Metrics[]),
      ticks.length ? api.metrics() : Promise.resolve(null),
    ]);
    workerTick = r.tick;
    // Only a bare advance measures the main thread's turnaround: a snapshot round also
    // spends worker time on the snapshot and the metric samples.
    lastWallMs = withSnapshot ? null : performance.now() - sent;
    if (gen !== loadGen || getSession().view !== view) return r; // a load or view change won
    if (snap) {
      const now = performance.now();
      const durationMs =
        spanMs >= 0 ? spanMs : pacer.noteInterval(lastSnapAt ? now - lastSnapAt : 0);
      lastSnapAt = now;
      eventCount = snap.eventCount;
      snapTick = snap.tick;
      pending = { snap, durationMs, samples, ticks, latest };
      kick();
      // Take it in as a task of its own (unless a frame comes first), so the map's push and the
      // store update never share one long task with the frame that renders them.
      setTimeout(flushPending, 0);
    }
    return r;
  }).catch((e) => {
    setPlaying(false, 'sim');
    reportError('Run stopped', e);
    return null;
  });
}

/**
 * "Max": worker rounds back to back, each sized so the worker spends ~22 ms on it; a snapshot
 * rides along only when the map has drawn the previous one. The main thread only receives
 * messages, so it stays free for input and drawing however fast the worker goes.
 */
let maxRunning = false;
/** Wall time of the last bare round, from sending to the answer, ms (null after a snapshot round). */
let lastWallMs: number | null = null;
async function maxLoop(): Promise<void> {
  maxRunning = true;
  const gen = loadGen;
  try {
    for (;;) {
      const s = getSession();
      if (!s.playing || s.speed !== 'max' || gen !== loadGen || s.status.phase !== 'ready') break;
      const r = await runBatch(pacer.batch, -1, pending === null);
      if (!r) break;
      pacer.adapt(r.ran, r.ms, lastWallMs);
      if (r.atEnd) {
        // The last rounds may have run without a snapshot: take one so the end shows.
        if (pending === null && snapTick < r.tick) await runBatch(0, 0, true);
        break;
      }
    }
  } finally {
    maxRunning = false;
  }
}

function kick(): void {
  if (!rafId) rafId = requestAnimationFrame(frame);
}

// ——— commands (the UI calls these) ———

export function play(source: ChangeSource = 'user'): void {
  const s = getSession();
  if (s.status.phase !== 'ready' || s.tick >= s.totalTicks) return;
  pacer.reset();
  lastFrame = 0;
  lastSnapAt = 0;
  setNotice(null, source);
  setPlaying(true, source);
  kick();
}

export function pause(source: ChangeSource = 'user'): void {
  setPlaying(false, source);
  pacer.reset();
}

export function togglePlay(source: ChangeSource = 'user'): void {
  if (getSession().playing) pause(source);
  else play(source);
}

export function changeSpeed(speed: Speed, source: ChangeSource = 'user'): void {
  setSpeed(speed, source);
  pacer.reset();
}

/** Runs n ticks now (paused), gliding the map over them. */
export function step(n = 1, source: ChangeSource = 'user'): Promise<void> {
  pause(source);
  const view = getSession().view;
  return exclusive(async () => {
    flushPending();
    const [, snap] = await Promise.all([api.advance(n), api.snapshot(view, eventCount)]);
    takeIn(snap, GLIDE_STEP_MS, source);
    await sampleMetrics(snap.tick, source);
  }).catch((e) => reportError('Step failed', e));
}

// Seeks coalesce: while one runs, only the latest target waits (dragging the scrubber).
let seekTarget: number | null = null;
let seeking: Promise<void> | null = null;

/** Goes to any tick, backwards included, through the worker's checkpoints. */
export function seek(tick: number, source: ChangeSource = 'user'): Promise<void> {
  const s = getSession();
  seekTarget = Math.max(0, Math.min(Math.round(tick), s.totalTicks));
  if (!seeking) {
    seeking = (async () => {
      while (seekTarget !== null) {
        const t = seekTarget;
        seekTarget = null;
        await exclusive(async () => {
          if (t !== getSession().tick) await api.seek(t);
          await resync(source);
        }).catch((e) => reportError('Seek failed', e));
      }
      seeking = null;
    })();
  }
  return seeking;
}

/** Steps back one tick (a seek). */
export function stepBack(source: ChangeSource = 'user'): Promise<void> {
  pause(source);
  return seek(getSession().tick - 1, source);
}

/** Advances until a new attack, inject, engagement or sovereignty event the view may know. */
export function runToNextEvent(source: ChangeSource = 'user'): Promise<void> {
  pause(source);
  const s = getSession();
  const bound = Math.round((NEXT_EVENT_DAYS * 1440) / s.tickMinutes);
  const view = s.view;
  return exclusive(async () => {
    flushPending();
    const r = await api.runUntil(NEXT_EVENT_KINDS, bound, view);
    const snap = await api.snapshot(view, eventCount);
    takeIn(snap, r.ran <= 4 ? GLIDE_STEP_MS : 0, source);
    await sampleMetrics(snap.tick, source);
    const d = getSession().description;
    if (r.event && d) {
      const sel = eventSelection(r.event, d);
      if (sel) select(sel, source);
      const t = typeof r.event.t === 'number' ? r.event.t : r.tick;
      setNotice(
        { text: `${dPlus(t * s.tickMinutes)} — ${eventText(r.event, d)}`, level: 'info' },
        source,
      );
    } else
      setNotice(
        {
          text: r.atEnd
            ? 'End of the scenario reached.'
            : `Nothing new within ${NEXT_EVENT_DAYS} days.`,
          level: 'info',
        },
        source,
      );
  }).catch((e) => reportError('Run to next event failed', e));
}

/** Shows the run as the white cell (−1) or one actor sees it. */
export function changeView(view: number, source: ChangeSource = 'user'): Promise<void> {
  setViewAction(view, source);
  const v = getSession().view;
  map?.setView(v);
  return exclusive(() => resync(source)).catch((e) => reportError('View change failed', e));
}

/** Switches a sharing agreement or a right through an order at the current tick. */
export function orderSwitch(
  table: SwitchTable,
  index: number,
  active: boolean,
  source: ChangeSource = 'user',
): Promise<void> {
  const s = getSession();
  const d = s.description;
  if (!d) return Promise.resolve();
  const id = d[table][index]?.id;
  if (!id) return Promise.resolve();
  return exclusive(async () => {
    flushPending();
    const tick = getSession().tick;
    const order: Order =
      table === 'agreements'
        ? { tick, kind: 'set-agreement', agreement: id, active }
        : table === 'rights'
          ? { tick, kind: 'set-right', right: id, active }
          : { tick, kind: 'set-mechanism', mechanism: id, active };
    const r = await api.order(order);
    if (!r.ok) {
      setNotice({ text: `Order refused: ${r.error}`, level: 'error' }, source);
      return;
    }
    setPending(table, index, active, tick, source);
    setNotice(
      {
        text: `Order given at ${dPlus(tick * s.tickMinutes)}: ${id} ${active ? 'on' : 'off'} — takes effect with the next tick.`,
        level: 'info',
      },
      source,
    );
    const snap = await api.snapshot(getSession().view, eventCount);
    takeIn(snap, 0, source);
  }).catch((e) => reportError('Order failed', e));
}

/** Runs (or seeks) to a tick and resolves with the run's hash there. */
export function runTo(tick: number, source: ChangeSource = 'user'): Promise<string> {
  pause(source);
  return exclusive(async () => {
    const now = getSession().tick;
    if (tick >= now) await api.runTo(tick);
    else await api.seek(tick);
    await resync(source);
    return getSession().hash;
  });
}

// ——— the map ———

/** The map's host element mounts (or unmounts: null); the map is created when both it and a loaded scenario exist. */
export function attachMapContainer(el: HTMLElement | null): void {
  mapContainer = el;
  if (!el) destroyMap();
  else void ensureMap();
}

function destroyMap(): void {
  mapGen++;
  map?.destroy();
  map = null;
}

let topology: { atlas: string; data: unknown } | null = null;

async function loadTopology(atlas: '50m' | '10m'): Promise<unknown> {
  if (topology?.atlas === atlas) return topology.data;
  const mod =
    atlas === '10m'
      ? await import('world-atlas/countries-10m.json')
      : await import('world-atlas/countries-50m.json');
  topology = { atlas, data: mod.default };
  return mod.default;
}

/** The map being created, and for which description (one creation at a time). */
let creating: { d: WorldDescription; done: Promise<void> } | null = null;

function ensureMap(): Promise<void> {
  const s = getSession();
  const d = s.description;
  if (map || !d || !mapContainer || s.status.phase === 'error') return Promise.resolve();
  if (creating?.d === d) return creating.done;
  const done = createMap(d, mapContainer);
  creating = { d, done };
  return done.finally(() => {
    if (creating?.done === done) creating = null;
  });
}

async function createMap(d: WorldDescription, container: HTMLElement): Promise<void> {
  const gen = ++mapGen;
  try {
    const [topo, { createMapView }] = await Promise.all([
      loadTopology(d.scenario.atlas),
      import('../map/create-map-view'),
    ]);
    if (gen !== mapGen || getSession().description !== d) return;
    const view = await createMapView({
      container,
      description: d,
      topology: topo,
      view: getSession().view,
      layers: getSession().layers,
      onSelect(selection) {
        select(selection, 'user');
        if (selection) setPanel('inspector', 'user');
      },
      onHover(info) {
        setHover(info, 'user');
      },
    });
    if (gen !== mapGen || getSession().description !== d) {
      view.destroy();
      return;
    }
    map = view;
    // The store may have moved on while the map was starting.
    map.setView(getSession().view);
    map.setLayers(getSession().layers);
    map.setSelection(getSession().selection);
    const snap = getLatestSnapshot();
    if (snap) map.pushSnapshot(snap, 0);
  } catch (e) {
    reportError('The map could not start', e);
  }
}

/** The current map view (browser tests read its stats). */
export function currentMap(): MapView | null {
  return map;
}

export function zoomMap(factor: number): void {
  map?.zoomBy(factor);
}

export function fitMap(): void {
  map?.fit();
}

// Store → map: layers and selection follow the store, whoever changed them.
sessionStore.subscribe((s, prev) => {
  if (!map) return;
  if (s.layers !== prev.layers) map.setLayers(s.layers);
  if (s.selection !== prev.selection) map.setSelection(s.selection);
});

// ——— loading ———

export interface LoadOptions {
  tick?: number | null;
  /** Actor id or 'truth'. */
  view?: string | null;
  source?: ChangeSource;
  /** Scenario document to load instead of the file `name` (a planner's own file, a bench variant). */
  json?: unknown;
  /** `name=value` assignments applied to the scenario (a design point), kept in the URL. */
  set?: readonly string[];
}

/** Loads a scenario file into the worker, then (optionally) seeks to a tick and sets a view. */
export async function loadScenario(
  name: string,
  seed: number,
  opts: LoadOptions = {},
): Promise<void> {
  const source = opts.source ?? 'user';
  const gen = ++loadGen;
  pause(source);
  pending = null;
  destroyMap();
  setLatestSnapshot(null);
  eventCount = 0;
  const set = opts.set ?? [];
  beginLoad(name, seed, source, set);
  try {
    await exclusive(async () => {
      const json = opts.json ?? (await loadScenarioJson(name));
      const r = await api.load(json, { seed, set: [...set] });
      if (gen !== loadGen) return;
      if (!r.ok) {
        setStatus('error', `${name} could not be loaded:\n${r.problems.join('\n')}`, source);
        return;
      }
      loaded(r.description, await api.hash(), source);
      const view = viewIndex(
        opts.view ?? null,
        r.description.actors.map((a) => a.id),
      );
      setViewAction(view, source);
      const t = opts.tick ?? 0;
      if (t > 0) await api.seek(Math.min(t, r.description.scenario.totalTicks));
      await resync(source);
      if (gen !== loadGen) return;
      setStatus('ready', '', source);
    });
  } catch (e) {
    if (gen === loadGen)
      setStatus(
        'error',
        `${name} could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
        source,
      );
    return;
  }
  if (gen === loadGen && getSession().status.phase === 'ready') await ensureMap();
}

// ——— URL state ———

let urlTimer = 0;
let urlDue = 0;
const URL_THROTTLE_MS = 1000;

function writeUrl(): void {
  urlTimer = 0;
  const s = getSession();
  if (!s.description || s.status.phase !== 'ready') return;
  const next = formatUrlState({
    scenario: s.scenario,
    seed: s.seed,
    tick: s.tick,
    view: viewName(
      s.view,
      s.description.actors.map((a) => a.id),
    ),
    set: s.set,
  });
  if (next !== location.search) history.replaceState(null, '', next);
}

sessionStore.subscribe((s, prev) => {
  if (
    s.tick === prev.tick &&
    s.view === prev.view &&
    s.scenario === prev.scenario &&
    s.seed === prev.seed &&
    s.set === prev.set &&
    s.status === prev.status
  )
    return;
  if (urlTimer) return;
  const now = performance.now();
  const wait = Math.max(0, urlDue - now);
  urlDue = now + wait + URL_THROTTLE_MS;
  urlTimer = window.setTimeout(writeUrl, wait);
});

/** Starts the app: offers every scenario file, loads the one the URL names (or the default). */
export function start(defaultScenario = 'sahel-ct'): Promise<void> {
  setScenarioList(scenarioNames);
  const u = parseUrlState(location.search);
  const name =
    u.scenario && scenarioNames.includes(u.scenario)
      ? u.scenario
      : scenarioNames.includes(defaultScenario)
        ? defaultScenario
        : (scenarioNames[0] ?? defaultScenario);
  return loadScenario(name, u.seed ?? 1, {
    tick: u.tick,
    view: u.view,
    source: 'replay',
    ...(u.set && name === u.scenario ? { set: u.set } : {}),
  });
}
