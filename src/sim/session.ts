// A simulation session: one scenario, one seed, an order log. Runs the systems in DESIGN's
// tick order, keeps checkpoints (state + random stream states + log position) and seeks by
// restoring the nearest one and replaying. (scenario, seed, orders) → the same event log,
// whatever the step sizes. The worker and the CLI both drive this class.
import type { Scenario } from '../scenario/schema';
import { buildDef } from './build';
import { TASK } from './codes';
import { EventLog, type LogState } from './events';
import { PathFinder } from './geo/pathfind';
import { SpatialGrid } from './geo/spatial-grid';
import { initState } from './init-state';
import { computeMetrics, type Metrics } from './metrics';
import { liveInjects, orderProblem, parseLiveInject } from './order-refs';
import { restoreStreams, type StreamStates, saveStreams } from './rng';
import { buildPermits } from './sovereignty';
import { runCommand } from './systems/command';
import { runEngagement } from './systems/engagement';
import { runInformation } from './systems/information';
import { runInjects, spawnInitialCells } from './systems/injects';
import { runLogistics } from './systems/logistics';
import { runOrders } from './systems/orders';
import { runPolitics } from './systems/politics';
import { runSample } from './systems/sample';
import { runSensing } from './systems/sensing';
import { runThreats } from './systems/threats';
import { runTraffic } from './systems/traffic';
import { runUnits } from './systems/units';
import type { Def, Order, State, World } from './world';

interface Checkpoint {
  tick: number;
  state: State;
  streams: StreamStates;
  log: LogState;
}

export class OrderError extends Error {}

/**
 * One path finder per world definition: its search arrays are megabytes on a big grid, and a
 * search keeps no state between calls (stamps), so sessions of one Def — a sweep's runs of a
 * design point — share it instead of allocating and zeroing them again for every run.
 */
const pathfinders = new WeakMap<Def, PathFinder>();
function pathfinderFor(d: Def): PathFinder {
  let p = pathfinders.get(d);
  if (!p) {
    p = new PathFinder(d.masks.spec);
    pathfinders.set(d, p);
  }
  return p;
}

/** How a session runs; the defaults suit an interactive one. */
export interface SessionOptions {
  /**
   * Periodic checkpoints for seek (default true). A batch run that never seeks backwards
   * sets false: it saves a clone of the whole state every checkpointEveryTicks; a backward
   * seek then replays from the start (the tick-0 checkpoint is always kept).
   */
  checkpoints?: boolean;
}

export class Session {
  readonly world: World;
  readonly seed: number;
  /** Every order given, in tick order: with the scenario and seed, the whole replay. */
  readonly orders: Order[] = [];
  private checkpoints: Checkpoint[] = [];
  private readonly periodic: boolean;

  constructor(
    scenario: Scenario,
    topology: unknown,
    seed: number,
    def?: Def,
    options: SessionOptions = {},
  ) {
    this.seed = seed;
    this.periodic = options.checkpoints ?? true;
    const d = def ?? buildDef(scenario, topology);
    const { s, rng } = initState(d, seed);
    const { widthKm, heightKm } = d.masks.proj;
    // Buckets sized to the agent density: a rebuild costs O(buckets + agents).
    const bucket = (n: number) =>
      Math.min(100, Math.max(20, Math.sqrt((widthKm * heightKm) / (2 * Math.max(1, n)))));
    this.world = {
      def: d,
      s,
      rng,
      log: new EventLog(),
      permits: buildPermits(d, s),
      pathfinder: pathfinderFor(d),
      unitGrid: new SpatialGrid(widthKm, heightKm, bucket(d.nUnits), Math.max(1, d.nUnits)),
      unitGridFresh: false,
      // Sized to the scripted cells: spare live-spawn slots must not change any run's buckets.
      cellGrid: new SpatialGrid(
        widthKm,
        heightKm,
        bucket(d.cellCap - d.liveCells),
        Math.max(1, d.cellCap),
      ),
      nodeUnits: Array.from({ length: d.nActors + d.taskForces.length }, () => []),
      closedBits: new Uint32Array(3),
      unitInclude: new Uint8Array(d.nUnits).fill(1),
      cellInclude: new Uint8Array(Math.max(1, d.cellCap)),
      pendingOrders: [],
    };
    spawnInitialCells(this.world);
    this.checkpoint();
  }

  get def(): Def {
    return this.world.def;
  }
  get tick(): number {
    return this.world.s.tick;
  }
  get totalTicks(): number {
    return this.world.def.totalTicks;
  }

  /** Runs one tick: the systems in DESIGN's order. */
  private tickOnce(): void {
    const w = this.world;
    const { s, def } = w;
    runOrders(w);
    runInjects(w);
    w.closedBits.fill(0);
    for (let z = 0; z < def.zones.length; z++) {
      for (let d = 0; d < 3; d++)
        if (s.closedUntil[z * 3 + d]! > s.tick) w.closedBits[d] = w.closedBits[d]! | (1 << z);
    }
    // Only the units system moves units, so engagement's grid of last tick holds today's
    // positions: it serves on unless the set of living units changed since (a loss, or a
    // force flow's arrival).
    let changed = false;
    for (let u = 0; u < def.nUnits; u++) {
      const t = s.uTask[u];
      const inc = t === TASK.destroyed || t === TASK.notArrived ? 0 : 1;
      if (w.unitInclude[u] !== inc) {
        w.unitInclude[u] = inc;
        changed = true;
      }
    }
    if (changed || !w.unitGridFresh) w.unitGrid.rebuild(s.ux, s.uy, def.nUnits, w.unitInclude);
    w.unitGridFresh = false;
    runThreats(w);
    runUnits(w);
    runSensing(w);
    runInformation(w);
    runCommand(w);
    runEngagement(w);
    runTraffic(w);
    runLogistics(w);
    runPolitics(w);
    runSample(w);
    s.tick++;
    if (this.periodic && s.tick % def.scenario.checkpointEveryTicks === 0) this.checkpoint();
  }

  /** Advances n ticks (stops at the end of the scenario). Returns ticks run. */
  step(n = 1): number {
    let done = 0;
    while (done < n && this.world.s.tick < this.world.def.totalTicks) {
      this.tickOnce();
      done++;
    }
    return done;
  }

  runTo(tick: number): void {
    this.step(Math.max(0, Math.min(tick, this.totalTicks) - this.tick));
  }

  /** Goes to any tick, backwards included: restores the nearest checkpoint and replays. */
  seek(tick: number): void {
    const target = Math.max(0, Math.min(tick, this.totalTicks));
    if (target < this.tick) {
      let cp = this.checkpoints[0]!;
      for (const c of this.checkpoints) if (c.tick <= target) cp = c;
      this.restore(cp);
    }
    this.runTo(target);
  }

  /** Ticks at which checkpoints are held. */
  get checkpointTicks(): number[] {
    return this.checkpoints.map((c) => c.tick);
  }

  /**
   * Records an order to take effect at the current tick (or a later one). Refuses (OrderError)
   * an order naming what does not exist, or a malformed live inject (order-refs.ts); whether a
   * role may give it and whether it can be carried out is the host's question (order-check.ts).
   */
  order(o: Order): void {
    const fail = (what: string) => new OrderError(`order ${o.kind}: ${what}`);
    if (!(o.tick >= this.tick)) throw fail(`tick ${o.tick} is in the past (now ${this.tick})`);
    // A new order after a rewind starts a new branch: later orders and checkpoints go.
    const kept = this.orders.filter((x) => x.tick <= this.tick);
    let given = o;
    if (o.kind === 'inject') {
      // Kept as parsed (defaults filled in), so a replay applies exactly what ran.
      const r = parseLiveInject(this.def, o.inject, liveInjects(kept));
      if ('problem' in r) throw fail(r.problem);
      given = { ...o, inject: r.inject };
    } else {
      const problem = orderProblem(this.def, o, liveInjects(kept));
      if (problem) throw fail(problem);
    }
    this.orders.length = 0;
    this.orders.push(...kept, given);
    this.orders.sort((a, b) => a.tick - b.tick);
    this.checkpoints = this.checkpoints.filter((c) => c.tick <= this.tick);
    this.world.pendingOrders = this.orders.filter((x) => x.tick >= this.tick);
  }

  hash(): string {
    return this.world.log.hash();
  }

  metrics(): Metrics {
    return computeMetrics(this.world.def, this.world.log.events, this.tick);
  }

  private checkpoint(): void {
    const w = this.world;
    if (this.checkpoints.some((c) => c.tick === w.s.tick)) return;
    this.checkpoints.push({
      tick: w.s.tick,
      state: structuredClone(w.s),
      streams: saveStreams(w.rng),
      log: w.log.save(),
    });
    this.checkpoints.sort((a, b) => a.tick - b.tick);
  }

  private restore(cp: Checkpoint): void {
    const w = this.world;
    // The log after cp is dropped, so later checkpoints no longer match it; replay recreates them.
    this.checkpoints = this.checkpoints.filter((c) => c.tick <= cp.tick);
    w.s = structuredClone(cp.state);
    w.unitGridFresh = false;
    w.rng = restoreStreams(cp.streams);
    w.log.restore(cp.log);
    w.permits = buildPermits(w.def, w.s);
    w.pendingOrders = this.orders.filter((o) => o.tick >= cp.tick);
  }
}
