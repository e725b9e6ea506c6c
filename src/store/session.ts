// The session store: what the planner's app shows about the loaded run — status, scenario,
// clock, play state, view, selection, layers, metrics history, event feed, trust and
// agreement flags. A vanilla zustand store with immer: framework-free, so the worker bridge
// and Node tests use it as plain functions; React reads it through `useSession` (react.ts).
// Every action records where the change came from (`user`, `sim`, `replay`) in `lastChange`.
// Typed-array snapshots never enter this state (see latest-snapshot.ts).
import { immer } from 'zustand/middleware/immer';
import { createStore } from 'zustand/vanilla';
import { withDisplayColors } from '../map/colors';
import {
  type HoverInfo,
  LAYER_IDS,
  type LayerId,
  type LayerVisibility,
  type Selection,
} from '../map/types';
import type { WorldDescription } from '../sim/describe';
import { CORE_METRICS, type MetricName, type Metrics } from '../sim/metrics';
import {
  FEED_CATEGORIES,
  type FeedCategory,
  type FeedItem,
  type IncidentMarker,
  type NamedEvent,
  toFeedItems,
  toIncidents,
} from './feed';
import type { SnapshotSummary } from './latest-snapshot';
import type { Speed } from './pacing';

export type ChangeSource = 'user' | 'sim' | 'replay';
export type Phase = 'loading' | 'ready' | 'error';
export type PanelId =
  | 'inspector'
  | 'actors'
  | 'agreements'
  | 'events'
  | 'charts'
  | 'experiments'
  | 'msel'
  | 'orbat';

/** The feed keeps at most this many items (a ring: the oldest go first). */
export const FEED_CAP = 2000;
/** Timeline incident markers kept (the oldest go first). */
export const INCIDENT_CAP = 2000;

/** Metrics over scenario time, one column per metric, ready for uPlot. */
export interface MetricsHistory {
  ticks: number[];
  values: Record<MetricName, number[]>;
}

export interface Notice {
  text: string;
  level: 'info' | 'warn' | 'error';
}

export interface SessionState {
  status: { phase: Phase; message: string };
  /** Scenario file names offered (every scenarios/*.json). */
  scenarios: string[];
  /** File name of the loaded (or loading) scenario. */
  scenario: string;
  seed: number;
  /** `name=value` assignments applied to the scenario file (a design point opened from an experiment). */
  set: string[];
  description: WorldDescription | null;
  tick: number;
  totalTicks: number;
  tickMinutes: number;
  /** Minutes since start the clock shows: runs ahead of `tick` between ticks at slow speeds. */
  clockMinutes: number;
  hash: string;
  playing: boolean;
  speed: Speed;
  /** −1 ground truth (white cell), else the viewing actor's index. */
  view: number;
  selection: Selection;
  hover: HoverInfo | null;
  layers: LayerVisibility;
  panel: PanelId;
  /** Exercise-wide metrics sampled at most hourly, and the latest values. */
  metrics: MetricsHistory;
  latestMetrics: Metrics | null;
  /** Newest last. */
  feed: FeedItem[];
  feedSeq: number;
  filters: Record<FeedCategory, boolean>;
  /** Incidents seen so far in this view, oldest first (timeline markers). */
  incidents: IncidentMarker[];
  /** Ids of MSEL injects this view has seen fire (an actor sees no others on the timeline). */
  seenInjects: string[];
  /** trust[a][b] from the latest snapshot; null where the view may not know. */
  trust: Array<Array<number | null>>;
  agreementsActive: boolean[];
  rightsActive: boolean[];
  mechanismsActive: boolean[];
  /** Switches ordered but not yet applied by a tick: index → requested state, with the tick. */
  pending: {
    agreements: Record<number, { active: boolean; tick: number }>;
    rights: Record<number, { active: boolean; tick: number }>;
    mechanisms: Record<number, { active: boolean; tick: number }>;
  };
  /** Bumped with each snapshot taken in: panels re-read getLatestSnapshot() on change. */
  snapshotSeq: number;
  notice: Notice | null;
  lastChange: { action: string; source: ChangeSource; seq: number };
}

const allLayers = (): LayerVisibility =>
  Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as LayerVisibility;
/** Every category on except messages, which outnumber the rest by ten to one. */
const defaultFilters = (): Record<FeedCategory, boolean> =>
  Object.fromEntries(FEED_CATEGORIES.map((c) => [c, c !== 'messages'])) as Record<
    FeedCategory,
    boolean
  >;
export const emptyHistory = (): MetricsHistory => ({
  ticks: [],
  values: Object.fromEntries(CORE_METRICS.map((m) => [m, []])) as unknown as Record<
    MetricName,
    number[]
  >,
});

export function initialState(): SessionState {
  return {
    status: { phase: 'loading', message: 'Starting…' },
    scenarios: [],
    scenario: '',
    seed: 1,
    set: [],
    description: null,
    tick: 0,
    totalTicks: 0,
    tickMinutes: 15,
    clockMinutes: 0,
    hash: '',
    playing: false,
    speed: 3600,
    view: -1,
    selection: null,
    hover: null,
    layers: allLayers(),
    panel: 'events',
    metrics: emptyHistory(),
    latestMetrics: null,
    feed: [],
    feedSeq: 0,
    filters: defaultFilters(),
    incidents: [],
    seenInjects: [],
    trust: [],
    agreementsActive: [],
    rightsActive: [],
    mechanismsActive: [],
    pending: { agreements: {}, rights: {}, mechanisms: {} },
    snapshotSeq: 0,
    notice: null,
    lastChange: { action: 'init', source: 'sim', seq: 0 },
  };
}

export const sessionStore = createStore<SessionState>()(immer(() => initialState()));

type Draft = SessionState;
/**
 * Applies a change and stamps it with its action name and source. `cur` is the state before
 * the change as plain (frozen) data: read big arrays from it, not from the draft, where every
 * element read would go through a proxy and become a child draft.
 */
function change(
  action: string,
  source: ChangeSource,
  fn: (s: Draft, cur: SessionState) => void,
): void {
  const cur = sessionStore.getState();
  sessionStore.setState((s) => {
    fn(s as Draft, cur);
    s.lastChange = { action, source, seq: s.lastChange.seq + 1 };
  });
}

export const getSession = (): SessionState => sessionStore.getState();

// ——— actions ———

export function setScenarioList(names: string[]): void {
  change('setScenarioList', 'sim', (s) => {
    s.scenarios = names;
  });
}

/** A load begins: everything run-specific is cleared. */
export function beginLoad(
  scenario: string,
  seed: number,
  source: ChangeSource,
  set: readonly string[] = [],
): void {
  change('beginLoad', source, (s) => {
    const keep = {
      scenarios: s.scenarios,
      speed: s.speed,
      layers: s.layers,
      filters: s.filters,
      panel: s.panel,
      lastChange: s.lastChange,
    };
    Object.assign(s, initialState(), keep, {
      scenario,
      seed,
      set: [...set],
      status: { phase: 'loading', message: `Loading ${scenario} (seed ${seed})…` },
    });
  });
}

export function loaded(description: WorldDescription, hash: string, source: ChangeSource): void {
  change('loaded', source, (s) => {
    // Owner colours that read as the threat red or traffic purple are remapped for display.
    s.description = withDisplayColors(description);
    s.totalTicks = description.scenario.totalTicks;
    s.tickMinutes = description.scenario.tickMinutes;
    s.tick = 0;
    s.clockMinutes = 0;
    s.hash = hash;
    s.agreementsActive = description.agreements.map(() => true);
    s.rightsActive = description.rights.map(() => true);
    s.mechanismsActive = description.mechanisms.map(() => false);
  });
}

/**
 * Another role's description of the same run (hot seat hands over, or the white cell takes
 * the screen back): the tables change, so the selection and the per-table flags reset; a
 * resync then fills the feed, the markers and the flags for the new role.
 */
export function setDescription(description: WorldDescription, source: ChangeSource): void {
  change('setDescription', source, (s) => {
    s.description = withDisplayColors(description);
    s.selection = null;
    s.hover = null;
    s.agreementsActive = description.agreements.map(() => true);
    s.rightsActive = description.rights.map(() => true);
    s.mechanismsActive = description.mechanisms.map(() => false);
    s.pending = { agreements: {}, rights: {}, mechanisms: {} };
    s.metrics = emptyHistory();
    s.latestMetrics = null;
  });
}

export function setStatus(phase: Phase, message: string, source: ChangeSource = 'sim'): void {
  change('setStatus', source, (s) => {
    s.status = { phase, message };
  });
}

export function setNotice(notice: Notice | null, source: ChangeSource = 'sim'): void {
  change('setNotice', source, (s) => {
    s.notice = notice;
  });
}

export function setPlaying(playing: boolean, source: ChangeSource): void {
  change('setPlaying', source, (s) => {
    s.playing = playing;
    if (!playing) s.clockMinutes = s.tick * s.tickMinutes;
  });
}

export function setSpeed(speed: Speed, source: ChangeSource): void {
  change('setSpeed', source, (s) => {
    s.speed = speed;
  });
}

export function setView(view: number, source: ChangeSource): void {
  change('setView', source, (s) => {
    const n = s.description?.actors.length ?? 0;
    s.view = Number.isInteger(view) && view >= 0 && view < n ? view : -1;
  });
}

export function select(selection: Selection, source: ChangeSource): void {
  change('select', source, (s) => {
    s.selection = selection;
  });
}

/**
 * A selection made on the map (click, right-click) or in the units list: selected, and shown in
 * the Inspector — unless the ORBAT is open and it is a unit: the ORBAT then shows its row.
 */
export function selectAndInspect(selection: Selection, source: ChangeSource): void {
  select(selection, source);
  if (selection && !(selection.kind === 'unit' && getSession().panel === 'orbat'))
    setPanel('inspector', source);
}

export function setHover(hover: HoverInfo | null, source: ChangeSource = 'user'): void {
  change('setHover', source, (s) => {
    s.hover = hover;
  });
}

export function setLayer(id: LayerId, visible: boolean, source: ChangeSource): void {
  change('setLayer', source, (s) => {
    s.layers[id] = visible;
  });
}

export function setPanel(panel: PanelId, source: ChangeSource): void {
  change('setPanel', source, (s) => {
    s.panel = panel;
  });
}

export function setFilter(category: FeedCategory, on: boolean, source: ChangeSource): void {
  change('setFilter', source, (s) => {
    s.filters[category] = on;
  });
}

/** The clock between ticks (slow speeds): never behind the tick, never past the next one. */
export function setClock(minutes: number, source: ChangeSource = 'sim'): void {
  const s0 = sessionStore.getState();
  const lo = s0.tick * s0.tickMinutes;
  const m = Math.floor(Math.min(Math.max(minutes, lo), lo + s0.tickMinutes - 1));
  if (m === s0.clockMinutes) return;
  change('setClock', source, (s) => {
    s.clockMinutes = m;
  });
}

/** Frozen up front: immer skips frozen values instead of walking them element by element. */
const frozen = <T>(xs: T[]): T[] => Object.freeze(xs) as T[];

/** The newest `cap` of old then new, frozen (its items are frozen where they are made). */
function ring<T>(old: T[], add: T[], cap: number): T[] {
  if (add.length === 0) return old;
  if (add.length >= cap) return frozen(add.slice(add.length - cap));
  const keep = Math.min(old.length, cap - add.length);
  return frozen(old.slice(old.length - keep).concat(add));
}

const injectIds = (events: NamedEvent[]): string[] =>
  events.filter((e) => e.k === 'inject').map((e) => String(e.inject));

function takeFlags(s: Draft, sum: SnapshotSummary): void {
  s.tick = sum.tick;
  s.hash = sum.hash;
  s.clockMinutes = sum.tick * s.tickMinutes;
  s.trust = sum.trust;
  s.agreementsActive = sum.agreementsActive;
  s.rightsActive = sum.rightsActive;
  s.mechanismsActive = sum.mechanismsActive;
  // An ordered switch is applied when the tick it was given at has run.
  for (const table of [s.pending.agreements, s.pending.rights, s.pending.mechanisms])
    for (const k of Object.keys(table))
      if (table[Number(k)]!.tick < sum.tick) delete table[Number(k)];
  s.snapshotSeq++;
}

/** A snapshot that continues the run (play, step): its new events join the feed. */
export function applySnapshot(sum: SnapshotSummary, source: ChangeSource): void {
  change('applySnapshot', source, (s, cur) => {
    takeFlags(s, sum);
    const d = cur.description;
    if (!d || sum.events.length === 0) return;
    const items = toFeedItems(sum.events, d, cur.feedSeq, FEED_CAP);
    s.feedSeq = cur.feedSeq + items.length;
    s.feed = ring(cur.feed, items, FEED_CAP);
    const incidents = toIncidents(sum.events, d);
    if (incidents.length) s.incidents = ring(cur.incidents, incidents, INCIDENT_CAP);
    const inj = injectIds(sum.events);
    if (inj.length) s.seenInjects = frozen(cur.seenInjects.concat(inj));
  });
}

/**
 * A snapshot after a jump (seek, rewind, view change, load): feed and incidents are rebuilt
 * from `history`, the view's events from the start of the log up to this tick.
 */
export function resetToSnapshot(
  sum: SnapshotSummary,
  history: NamedEvent[],
  source: ChangeSource,
): void {
  change('resetToSnapshot', source, (s, cur) => {
    takeFlags(s, sum);
    s.pending = { agreements: {}, rights: {}, mechanisms: {} };
    const d = cur.description;
    if (!d) return;
    const items = toFeedItems(history, d, cur.feedSeq, FEED_CAP);
    s.feedSeq = cur.feedSeq + items.length;
    s.feed = frozen(items);
    s.incidents = ring([], toIncidents(history, d), INCIDENT_CAP);
    s.seenInjects = frozen(injectIds(history));
    // Metric samples after this tick belong to a future that may now branch.
    const h = cur.metrics;
    let keep = h.ticks.length;
    while (keep > 0 && h.ticks[keep - 1]! > sum.tick) keep--;
    if (keep < h.ticks.length) {
      const next = emptyHistory();
      next.ticks = frozen(h.ticks.slice(0, keep));
      for (const m of CORE_METRICS) next.values[m] = frozen(h.values[m].slice(0, keep));
      s.metrics = next;
    }
  });
}

/** Adds metric samples (ticks ascending); samples at or before the last one held are ignored. */
export function addMetricSamples(
  ticks: number[],
  samples: Metrics[],
  latest: Metrics | null,
  source: ChangeSource,
): void {
  change('addMetricSamples', source, (s, cur) => {
    if (latest) s.latestMetrics = latest;
    const h = cur.metrics;
    const last = h.ticks.length ? h.ticks[h.ticks.length - 1]! : -1;
    const idx: number[] = [];
    for (let i = 0; i < ticks.length; i++)
      if (ticks[i]! > (idx.length ? ticks[idx[idx.length - 1]!]! : last) && samples[i]) idx.push(i);
    if (idx.length === 0) return;
    // Whole new columns (not draft pushes), frozen here so immer's auto-freeze does not walk
    // every number again on each update; uPlot gets plain arrays.
    const next = emptyHistory();
    next.ticks = frozen(h.ticks.concat(idx.map((i) => ticks[i]!)));
    for (const m of CORE_METRICS)
      next.values[m] = frozen(h.values[m].concat(idx.map((i) => samples[i]![m])));
    s.metrics = next;
  });
}

export type SwitchTable = 'agreements' | 'rights' | 'mechanisms';

export function setPending(
  table: SwitchTable,
  index: number,
  active: boolean,
  tick: number,
  source: ChangeSource,
): void {
  change('setPending', source, (s) => {
    s.pending[table][index] = { active, tick };
  });
}
