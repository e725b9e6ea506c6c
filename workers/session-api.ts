// The whole engine API a worker exposes: load a scenario, step/run/seek, give orders, take
// snapshots (ground truth, or one actor's role view: role-view.ts) and read events and
// metrics. Plain async class, so Node tests and the CLI can use it in-process; the Web
// Worker and the Node worker wrap it with comlink. The atlas loader and comlink's `transfer`
// are injected, so this file imports neither fs nor comlink.
import { applyAssignments, PathError } from '../src/scenario/paths';
import { validateScenario } from '../src/scenario/validate';
import { ScenarioGeoError } from '../src/sim/build';
import { describeWorld, type WorldDescription } from '../src/sim/describe';
import { computeMetrics, type Metrics } from '../src/sim/metrics';
import { namedEvent } from '../src/sim/names';
import { MAX_SEED } from '../src/sim/rng';
import { clientDescription, roleDescription, roleEvents, roleSnapshot } from '../src/sim/role-view';
import { OrderError, Session } from '../src/sim/session';
import {
  eventVisible,
  type Snapshot,
  snapshotTransferables,
  takeSnapshot,
  visibleEvents,
} from '../src/sim/snapshot';
import type { Order } from '../src/sim/world';

export type AtlasName = '50m' | '10m';
export type AtlasLoader = (atlas: AtlasName) => Promise<unknown>;
/** comlink's `transfer`: marks buffers to move, not copy, across postMessage. */
export type TransferFn = <T>(value: T, transfers: Transferable[]) => T;

export interface LoadOptions {
  seed: number;
  /** `path=value` assignments, as `concord run --set`. */
  set?: string[];
}
export type LoadResult =
  | { ok: true; description: WorldDescription }
  | { ok: false; problems: string[] };
export interface TickResult {
  tick: number;
  hash: string;
}
export interface AdvanceResult extends TickResult {
  /** Ticks actually run (fewer than asked at the end of the scenario). */
  ran: number;
  atEnd: boolean;
  /** Wall-clock milliseconds the worker spent running them (the play loop sizes batches by it). */
  ms: number;
}
export interface RunUntilResult extends AdvanceResult {
  /** The first matching event (named), or null when the bound or the end came first. */
  event: Record<string, unknown> | null;
}
export type OrderResult = { ok: true } | { ok: false; error: string };
export interface SessionInfo {
  scenario: string;
  tick: number;
  totalTicks: number;
  tickMinutes: number;
  seed: number;
  /** Ticks at which a checkpoint is held (seeking near one is cheap). */
  checkpoints: number[];
  checkpointEveryTicks: number;
  orders: Order[];
  events: number;
}

export class SessionApi {
  private session: Session | null = null;
  private readonly loadAtlas: AtlasLoader;
  private readonly transfer: TransferFn | null;

  constructor(loadAtlas: AtlasLoader, transfer?: TransferFn) {
    this.loadAtlas = loadAtlas;
    this.transfer = transfer ?? null;
  }

  private get s(): Session {
    if (!this.session) throw new Error('no scenario loaded: call load() first');
    return this.session;
  }

  private result(): TickResult {
    return { tick: this.s.tick, hash: this.s.hash() };
  }

  /** Validates and loads a scenario; a failed load leaves the current session in place. */
  async load(scenarioJson: unknown, opts: LoadOptions): Promise<LoadResult> {
    if (!Number.isSafeInteger(opts.seed) || opts.seed < 0 || opts.seed > MAX_SEED)
      return {
        ok: false,
        problems: [`seed: found ${opts.seed}; allowed: a whole number from 0 to ${MAX_SEED}`],
      };
    const raw = structuredClone(scenarioJson);
    try {
      applyAssignments(raw, opts.set ?? [], 'set=');
    } catch (e) {
      if (e instanceof PathError) return { ok: false, problems: [e.message] };
      throw e;
    }
    const v = validateScenario(raw);
    if (!v.ok) return { ok: false, problems: v.problems.map((p) => `${p.path}: ${p.message}`) };
    const atlas = await this.loadAtlas(v.value.geography.atlas);
    try {
      this.session = new Session(v.value, atlas, opts.seed);
    } catch (e) {
      if (e instanceof ScenarioGeoError) return { ok: false, problems: [e.message] };
      throw e;
    }
    return { ok: true, description: describeWorld(this.session.def) };
  }

  async step(n = 1): Promise<TickResult> {
    this.s.step(count(n, 'step'));
    return this.result();
  }

  /** Runs up to `ticks` more ticks and says whether the scenario's end was reached. */
  async advance(ticks: number): Promise<AdvanceResult> {
    const t0 = performance.now();
    const ran = this.s.step(count(ticks, 'advance'));
    const ms = performance.now() - t0;
    return { ...this.result(), ran, atEnd: this.s.tick >= this.s.totalTicks, ms };
  }

  /**
   * Steps tick by tick until an event of one of `kinds` that `view` may know is logged, at
   * most `maxTicks` ticks ("run to next event"). Stops after the tick that logged it.
   */
  async runUntil(kinds: string[], maxTicks: number, view = -1): Promise<RunUntilResult> {
    const s = this.s;
    const t0 = performance.now();
    const want = new Set(kinds);
    const events = s.world.log.events;
    let ran = 0;
    let event: Record<string, unknown> | null = null;
    const limit = count(maxTicks, 'runUntil');
    while (ran < limit && !event && s.tick < s.totalTicks) {
      const from = events.length;
      ran += s.step(1);
      for (let i = from; i < events.length && !event; i++) {
        const e = events[i]!;
        if (want.has(e.k) && eventVisible(s.world, view, e)) event = namedEvent(s.def, e);
      }
    }
    const ms = performance.now() - t0;
    return { ...this.result(), ran, atEnd: s.tick >= s.totalTicks, ms, event };
  }

  async runTo(tick: number): Promise<TickResult> {
    this.s.runTo(count(tick, 'runTo'));
    return this.result();
  }

  async seek(tick: number): Promise<TickResult> {
    this.s.seek(count(tick, 'seek'));
    return this.result();
  }

  async order(order: Order): Promise<OrderResult> {
    try {
      this.s.order(order);
      return { ok: true };
    } catch (e) {
      if (e instanceof OrderError) return { ok: false, error: e.message };
      throw e;
    }
  }

  /** A snapshot for a view (−1 ground truth); its typed arrays are transferred when possible. */
  async snapshot(view: number, sinceEvent: number): Promise<Snapshot> {
    const snap = takeSnapshot(this.s.world, view, sinceEvent);
    return this.transfer ? this.transfer(snap, snapshotTransferables(snap)) : snap;
  }

  /** One actor's role view of the fixed tables: only what it knows, re-indexed densely. */
  async roleDescribe(actor: number): Promise<WorldDescription> {
    return clientDescription(roleDescription(this.s.def, actor));
  }

  /** A snapshot aligned with `roleDescribe(actor)`; typed arrays transferred as `snapshot`'s. */
  async roleSnapshot(actor: number, sinceEvent: number): Promise<Snapshot> {
    const snap = roleSnapshot(this.s.world, actor, sinceEvent);
    return this.transfer ? this.transfer(snap, snapshotTransferables(snap)) : snap;
  }

  /** The role's named events in log indices [from, to), references it cannot know removed. */
  async roleEvents(
    actor: number,
    from: number,
    to?: number,
  ): Promise<Array<Record<string, unknown>>> {
    return roleEvents(this.s.world, actor, from, to);
  }

  async metrics(): Promise<Metrics> {
    return this.s.metrics();
  }

  /**
   * The core metrics as they stood at each of `ticks` (each ≤ the current tick), folded from
   * the log's prefix: for charts that fill in hours run in one batch or skipped by a seek.
   */
  async metricsAt(ticks: number[]): Promise<Metrics[]> {
    const s = this.s;
    const events = s.world.log.events;
    return ticks.map((t) => {
      const tick = Math.max(0, Math.min(count(t, 'metricsAt'), s.tick));
      // The log is in tick order: the prefix is every event logged before `tick`.
      let lo = 0;
      let hi = events.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (events[mid]!.t < tick) lo = mid + 1;
        else hi = mid;
      }
      return computeMetrics(s.def, lo === events.length ? events : events.slice(0, lo), tick);
    });
  }

  /** Named events in log indices [from, to), optionally only what one actor may know. */
  async events(from: number, to?: number, view = -1): Promise<Array<Record<string, unknown>>> {
    return visibleEvents(this.s.world, view, from, to);
  }

  async hash(): Promise<string> {
    return this.s.hash();
  }

  async info(): Promise<SessionInfo> {
    const s = this.s;
    return {
      scenario: s.def.scenario.id,
      tick: s.tick,
      totalTicks: s.totalTicks,
      tickMinutes: s.def.tickMinutes,
      seed: s.seed,
      checkpoints: s.checkpointTicks,
      checkpointEveryTicks: s.def.scenario.checkpointEveryTicks,
      orders: s.orders.map((o) => ({ ...o })),
      events: s.world.log.events.length,
    };
  }
}

function count(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${what}: expected a whole number ≥ 0, found ${n}`);
  return n;
}
