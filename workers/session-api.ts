// The whole engine API a worker exposes, over one ExerciseHost (src/exercise/host.ts): a
// planner's run (load: the white cell alone, the engine firing the scenario's injects) or an
// exercise (startExercise / openSession: roles, turns, the MSEL). Time, orders and views all go
// through the host, so every order is checked, recorded and saved (through the injected
// storage) before it is acknowledged, and every role sees only its role view. Plain async
// class: Node tests use it in-process; the Web Worker and the Node worker wrap it with comlink.
import { type CreateOptions, ExerciseHost, HostError } from '../src/exercise/host';
import { openSessionDoc, type ScenarioResolver } from '../src/exercise/migrate';
import type { MselEntry } from '../src/exercise/msel';
import { ReplayError, ScenarioInvalid } from '../src/exercise/replay';
import type { SessionFile } from '../src/exercise/session-file';
import { PathError } from '../src/scenario/paths';
import { ScenarioGeoError } from '../src/sim/build';
import type { WorldDescription } from '../src/sim/describe';
import { computeMetrics, type Metrics } from '../src/sim/metrics';
import { namedEvent } from '../src/sim/names';
import { checkOrder } from '../src/sim/order-check';
import { MAX_SEED } from '../src/sim/rng';
import { roleEvents, roleSnapshot } from '../src/sim/role-view';
import type { Session } from '../src/sim/session';
import {
  eventVisible,
  type Snapshot,
  snapshotTransferables,
  visibleEvents,
} from '../src/sim/snapshot';
import type { Order } from '../src/sim/world';
import {
  type ExerciseView,
  exerciseView,
  labelLiveInjects,
  liveInjectLabel,
} from './exercise-view';

export type AtlasName = '50m' | '10m';
export type AtlasLoader = (atlas: AtlasName) => Promise<unknown>;
/** comlink's `transfer`: marks buffers to move, not copy, across postMessage. */
export type TransferFn = <T>(value: T, transfers: Transferable[]) => T;

/** Where sessions are saved (the browser's IndexedDB; nothing, or a journal, elsewhere). */
export interface SessionStorage {
  save(id: string, file: SessionFile): Promise<void>;
}

export interface ApiDeps {
  transfer?: TransferFn;
  storage?: SessionStorage;
  /** A bundled scenario's document by name, for session files that name one. */
  scenario?: ScenarioResolver;
  /** A fresh session id (a label for storage and URLs). */
  newId?: () => string;
}

export interface LoadOptions {
  seed: number;
  /** `path=value` assignments, as `concord run --set`. */
  set?: string[];
  /** The bundled scenario's name, if it is one (sessions then refer to it by name). */
  name?: string | null;
}
export type LoadResult =
  | { ok: true; description: WorldDescription; sessionId: string; tick: number }
  | { ok: false; problems: string[] };
export interface TickResult {
  tick: number;
  hash: string;
}
export interface AdvanceResult extends TickResult {
  /** Ticks actually run (fewer than asked at the end of the scenario or of a turn). */
  ran: number;
  atEnd: boolean;
  /** An execution phase ended with this batch (turns mode). */
  turnEnded: boolean;
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
  sessionId: string;
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

const WHITE = 'white';

export class SessionApi {
  private host: ExerciseHost | null = null;
  private sessionId = '';
  private readonly loadAtlas: AtlasLoader;
  private readonly deps: ApiDeps;

  constructor(loadAtlas: AtlasLoader, transferOrDeps?: TransferFn | ApiDeps) {
    this.loadAtlas = loadAtlas;
    this.deps =
      typeof transferOrDeps === 'function' ? { transfer: transferOrDeps } : (transferOrDeps ?? {});
  }

  private get h(): ExerciseHost {
    if (!this.host) throw new Error('no scenario loaded: call load() first');
    return this.host;
  }

  private get s(): Session {
    return this.h.session;
  }

  /** The engine session (in-process tests and tools; not over comlink). */
  get session(): Session {
    return this.h.session;
  }

  /** The exercise host (the classroom server's room: turn state, the record; not over comlink). */
  get exerciseHost(): ExerciseHost {
    return this.h;
  }

  private result(): TickResult {
    return { tick: this.s.tick, hash: this.s.hash() };
  }

  private hostDeps(id: string) {
    return {
      scenario: this.deps.scenario ?? (async () => null),
      atlas: (a: AtlasName) => this.loadAtlas(a),
      persist: async (f: SessionFile) => this.deps.storage?.save(id, f),
      now: () => Date.now(),
    };
  }

  private newId(): string {
    return this.deps.newId?.() ?? Math.floor(Math.random() * 2 ** 48).toString(36);
  }

  /** A planner's run: validates and loads a scenario; a failed load leaves the current one in place. */
  async load(scenarioJson: unknown, opts: LoadOptions): Promise<LoadResult> {
    return this.start({
      title: '',
      scenario: { name: opts.name ?? null, doc: scenarioJson },
      seed: opts.seed,
      set: opts.set ?? [],
      setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
      injects: 'engine',
      roles: [],
    });
  }

  /** An exercise: roles, turns, the MSEL; saved before it starts. */
  async startExercise(o: CreateOptions): Promise<LoadResult> {
    return this.start({ ...o, injects: 'msel' });
  }

  private async start(o: CreateOptions): Promise<LoadResult> {
    if (!Number.isSafeInteger(o.seed) || o.seed < 0 || o.seed > MAX_SEED)
      return {
        ok: false,
        problems: [`seed: found ${o.seed}; allowed: a whole number from 0 to ${MAX_SEED}`],
      };
    const id = this.newId();
    try {
      const host = await ExerciseHost.create(o, this.hostDeps(id));
      this.host = host;
      this.sessionId = id;
      return { ok: true, description: host.describe(WHITE), sessionId: id, tick: host.tick };
    } catch (e) {
      return { ok: false, problems: loadProblems(e) };
    }
  }

  /** Reopens a saved session (any format version) at its tick, checking every recorded hash. */
  async openSession(doc: unknown, id?: string): Promise<LoadResult> {
    const opened = await openSessionDoc(doc, this.deps.scenario ?? (async () => null));
    if (!opened.ok)
      return { ok: false, problems: opened.problems.map((p) => `${p.path}: ${p.message}`) };
    const sid = id ?? this.newId();
    try {
      const host = await ExerciseHost.open(opened.value, this.hostDeps(sid));
      // Saved in this browser before the app is told it is open: a reload comes back to it.
      await host.save();
      this.host = host;
      this.sessionId = sid;
      return { ok: true, description: host.describe(WHITE), sessionId: sid, tick: host.tick };
    } catch (e) {
      return { ok: false, problems: loadProblems(e) };
    }
  }

  /** The session record as it stands (for download). */
  async saveFile(): Promise<SessionFile> {
    const f = this.h.toFile();
    await this.deps.storage?.save(this.sessionId, f);
    return f;
  }

  // ——— the clock (the white cell's) ———

  async step(n = 1): Promise<TickResult> {
    await this.h.advance(count(n, 'step'));
    return this.result();
  }

  /** Runs up to `ticks` more ticks (within the turn's span in turns mode). */
  async advance(ticks: number): Promise<AdvanceResult> {
    const t0 = performance.now();
    const r = await this.h.advance(count(ticks, 'advance'));
    const ms = performance.now() - t0;
    return { ...this.result(), ran: r.ran, atEnd: this.atEnd(), turnEnded: r.turnEnded, ms };
  }

  private atEnd(): boolean {
    return this.s.tick >= this.s.totalTicks || this.h.turn.phase === 'ended';
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
    let turnEnded = false;
    let event: Record<string, unknown> | null = null;
    const limit = count(maxTicks, 'runUntil');
    while (ran < limit && !event && !this.atEnd() && !turnEnded) {
      const from = events.length;
      const r = await this.h.advance(1);
      if (!r.ran) break;
      ran += r.ran;
      turnEnded = r.turnEnded;
      for (let i = from; i < events.length && !event; i++) {
        const e = events[i]!;
        if (want.has(e.k) && eventVisible(s.world, view, e)) event = namedEvent(s.def, e);
      }
    }
    if (event) labelLiveInjects(s.world, [event], liveInjectLabel(this.h, WHITE));
    const ms = performance.now() - t0;
    return { ...this.result(), ran, atEnd: this.atEnd(), turnEnded, ms, event };
  }

  async runTo(tick: number): Promise<TickResult> {
    const target = count(tick, 'runTo');
    while (this.s.tick < target && !this.atEnd()) {
      const r = await this.h.advance(target - this.s.tick);
      if (!r.ran) break;
    }
    return this.result();
  }

  async seek(tick: number): Promise<TickResult> {
    const target = Math.min(count(tick, 'seek'), this.s.totalTicks);
    if (target <= this.s.tick) this.h.seek(target);
    else await this.runTo(target);
    return this.result();
  }

  // ——— orders and the exercise ———

  /** An order from a role (the white cell by default), at the current tick. */
  async order(order: Order, role = WHITE): Promise<OrderResult> {
    return this.guard(() => this.h.order(role, order));
  }

  /**
   * A dry run of the engine's check of an order from a role at the current tick: why it would
   * be refused, in words, or null. Changes nothing (the UI explains a refusal before giving).
   */
  async checkOrder(order: Order, role = WHITE): Promise<string | null> {
    return checkOrder(this.s.world, this.h.actorOf(role), { ...order, tick: this.s.tick } as Order);
  }

  /** What a role sees of the exercise: its role, the turn, its cards and proposals. */
  async exercise(role = WHITE): Promise<ExerciseView> {
    return exerciseView(this.h, role);
  }

  async setReady(role: string, ready: boolean): Promise<OrderResult> {
    return this.guard(() => this.h.setReady(role, ready));
  }

  async execute(force = false): Promise<OrderResult> {
    return this.h.execute(force);
  }

  async propose(
    role: string,
    target: { kind: 'agreement' | 'right'; id: string },
    active: boolean,
  ) {
    return this.guard(() => this.h.propose(role, target, active));
  }

  async answer(role: string, id: string, accept: boolean): Promise<OrderResult> {
    return this.guard(() => this.h.answer(role, id, accept));
  }

  async ack(role: string, serial: string): Promise<OrderResult> {
    return this.guard(() => this.h.ack(role, serial));
  }

  async bookmark(role: string, note: string): Promise<OrderResult> {
    return this.guard(() => this.h.bookmark(role, note));
  }

  async fireNow(serial: string): Promise<OrderResult> {
    return this.h.fireNow(serial);
  }

  async setMsel(entries: MselEntry[]): Promise<OrderResult> {
    return this.h.setMsel(entries);
  }

  private async guard(fn: () => Promise<OrderResult>): Promise<OrderResult> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof HostError) return { ok: false, error: e.message };
      throw e;
    }
  }

  // ——— views ———

  /** A snapshot for the white cell's view (−1 ground truth, or through an actor's eyes). */
  async snapshot(view: number, sinceEvent: number): Promise<Snapshot> {
    const snap = this.h.snapshot(WHITE, sinceEvent, view);
    labelLiveInjects(this.s.world, snap.events, liveInjectLabel(this.h, WHITE));
    return this.send(snap);
  }

  /** Names for live injects in the feed of the role that plays `actor` (none if no role does). */
  private roleLabel(actor: number) {
    const id = this.s.def.actorIds[actor];
    const role = this.h.record.roles.find((r) => r.actor !== null && r.actor === id);
    return role ? liveInjectLabel(this.h, role.id) : undefined;
  }

  /** One actor's role view of the fixed tables: only what it knows, re-indexed densely. */
  async roleDescribe(actor: number): Promise<WorldDescription> {
    return this.h.describeFor(actor);
  }

  /**
   * A snapshot aligned with `roleDescribe(actor)`; typed arrays transferred as `snapshot`'s.
   * Its feed cursor (`sinceEvent`, `eventsFrom`, `eventCount`) counts ticks, not log entries.
   */
  async roleSnapshot(actor: number, sinceEvent: number): Promise<Snapshot> {
    return this.send(roleSnapshot(this.s.world, actor, sinceEvent, this.roleLabel(actor)));
  }

  /** The role's named events logged at ticks [from, to), references it cannot know removed. */
  async roleEvents(
    actor: number,
    from: number,
    to?: number,
  ): Promise<Array<Record<string, unknown>>> {
    return roleEvents(this.s.world, actor, from, to, this.roleLabel(actor));
  }

  /** A played role's passcode (hot seat): true when it matches, or the role has none. */
  async unlock(role: string, passcode: string): Promise<boolean> {
    return this.h.unlock(role, passcode);
  }

  private send(snap: Snapshot): Snapshot {
    return this.deps.transfer ? this.deps.transfer(snap, snapshotTransferables(snap)) : snap;
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
    const events = visibleEvents(this.s.world, view, from, to);
    return labelLiveInjects(this.s.world, events, liveInjectLabel(this.h, WHITE));
  }

  async hash(): Promise<string> {
    return this.s.hash();
  }

  async info(): Promise<SessionInfo> {
    const s = this.s;
    return {
      scenario: s.def.scenario.id,
      sessionId: this.sessionId,
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

function loadProblems(e: unknown): string[] {
  if (e instanceof ScenarioInvalid) return e.problems.map((p) => `${p.path}: ${p.message}`);
  if (e instanceof ReplayError) return [e.path === 'set' ? e.message : `${e.path}: ${e.message}`];
  if (e instanceof PathError || e instanceof ScenarioGeoError || e instanceof HostError)
    return [e.message];
  throw e;
}

function count(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${what}: expected a whole number ≥ 0, found ${n}`);
  return n;
}
