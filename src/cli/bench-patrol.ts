// The same-work patrol benchmark of `concord bench`: N units of one nation patrol a land box in
// Mali (random legal waypoints, each leg checked on the map grid, half-cell steps each checked,
// fuel and supplies burnt, the bingo-fuel rule) with no threats, messages or logistics. The
// engine runs it as a scenario; a plain typed-array kernel does the same steps on the same Def
// (same grid, code table and permits) and the same random stream (`${seed}:units`, drawn in
// the same order), so both must move the same mean distance per unit per tick.
import { Session as InspectorSession } from 'node:inspector';
import seedrandom from 'seedrandom';
import { loadAtlas } from '../node/load';
import { DEFAULT_LIMITS } from '../scenario/limits';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { segmentClear } from '../sim/geo/pathfind';
import { cellCenterX, cellCenterY } from '../sim/geo/raster';
import { Session } from '../sim/session';
import { allowedFor, codeGrid } from '../sim/sovereignty';
import type { Def, World } from '../sim/world';

/** Zone box (lon, lat) wholly inside Mali: every straight leg between its cells is clear. */
const BOX = { w: -4.5, s: 15.5, e: -1.5, n: 18 };
const PER_ENTRY = 200; // the schema's cap on a unit entry's count

/** The patrol scenario with n units (raw JSON, as a file would hold it). */
export function patrolRaw(n: number): unknown {
  const units = [];
  for (let i = 0, k = 0; i < n; i += PER_ENTRY, k++) {
    units.push({
      id: `p${k}`,
      type: 'patrol',
      owner: 'mali',
      base: 'camp',
      count: Math.min(PER_ENTRY, n - i),
      task: { kind: 'patrol-area', zone: 'box' },
    });
  }
  const { w, s, e, n: north } = BOX;
  return {
    id: 'bench-patrol',
    name: 'Synthetic patrol (bench)',
    meta: {
      description: 'Units patrolling a land box: the same-work benchmark of concord bench.',
      sources: [{ title: 'Natural Earth 1:50m (world-atlas)' }],
    },
    start: '2026-01-05T06:00:00Z',
    tickMinutes: 15,
    durationDays: 2,
    geography: {
      atlas: '50m',
      bbox: [-6, 14, 0, 19.5],
      cellKm: 5,
      countries: [
        { iso: '466', actor: 'mali' },
        { iso: '854', actor: 'burkina' },
      ],
    },
    actors: [
      {
        id: 'mali',
        name: 'Mali',
        kind: 'nation',
        color: '#2ca02c',
        decisionLatencyMin: 60,
        hq: [-3, 16.75],
      },
      {
        id: 'burkina',
        name: 'Burkina Faso',
        kind: 'nation',
        color: '#d62728',
        decisionLatencyMin: 60,
        hq: [-1.5, 14.2],
      },
    ],
    bases: [
      {
        id: 'camp',
        name: 'Camp',
        owner: 'mali',
        kind: 'base',
        position: [-3, 16.75],
        stocks: { fuel: 1e6, supplies: 1e6 },
      },
    ],
    zones: [
      {
        id: 'box',
        name: 'Patrol box',
        kind: 'sector',
        owner: 'mali',
        polygon: [
          [
            [w, s],
            [e, s],
            [e, north],
            [w, north],
            [w, s],
          ],
        ],
      },
    ],
    unitTypes: {
      patrol: {
        name: 'Patrol',
        domain: 'ground',
        sidc: 'SFGPUCIM---E---',
        speedKmh: 40,
        patrolSpeedKmh: 30,
        fuelCapacityH: 1e4,
        idleFuelPerH: 0.02,
        suppliesDays: 1e4,
        sensor: { rangeKm: 0 },
        firepower: 0,
        strength: 100,
      },
    },
    units,
  };
}

export function patrolScenario(n: number): Scenario {
  // Raised on purpose: the bench's 50k units are over the default 20k-unit limit.
  const r = validateScenario(patrolRaw(n), {
    ...DEFAULT_LIMITS,
    units: Math.max(n, DEFAULT_LIMITS.units),
  });
  if (!r.ok) throw new Error(`bench patrol scenario: ${JSON.stringify(r.problems[0])}`);
  return r.value;
}

export interface PatrolRun {
  ms: number;
  /** Process CPU time (user + system, all threads: GC and compiler helpers included), ms. */
  cpuMs: number;
  /** Mean km moved per unit per tick. */
  meanKm: number;
}

/** Runs the timed section (the allocation measurement wraps it; timing ignores the wrapper). */
export type Around = (body: () => void) => void;
const plain: Around = (body) => body();

/** The engine: a fresh session of the patrol, `ticks` steps timed (summing moves untimed). */
export function runPatrolEngine(
  sc: Scenario,
  def: Def,
  ticks: number,
  seed: number,
  around: Around = plain,
): PatrolRun {
  const session = new Session(sc, loadAtlas(sc.geography.atlas), seed, def);
  const s = session.world.s;
  // Accumulators in a typed array: a captured `let` double would box on every add.
  const acc = new Float64Array(3); // [ms, km, cpu ms]
  around(() => {
    for (let t = 0; t < ticks; t++) {
      const c = process.cpuUsage();
      const a = performance.now();
      session.step(1);
      acc[0] = acc[0]! + performance.now() - a;
      const d = process.cpuUsage(c);
      acc[2] = acc[2]! + (d.user + d.system) / 1000;
      for (let u = 0; u < def.nUnits; u++) acc[1] = acc[1]! + s.uMoved[u]!;
    }
  });
  return { ms: acc[0]!, cpuMs: acc[2]!, meanKm: acc[1]! / (def.nUnits * ticks) };
}

/** What the kernel needs from the engine's world, fixed before its timed loop. */
interface KernelSetup {
  def: Def;
  code: Uint8Array;
  allowed: Uint8Array;
}

export function kernelSetup(sc: Scenario, def: Def, seed: number): KernelSetup {
  const w: World = new Session(sc, loadAtlas(sc.geography.atlas), seed, def).world;
  return { def, code: codeGrid(def, def.uDomain[0]!), allowed: allowedFor(w, 0) };
}

/**
 * The kernel: per unit per tick the engine's steps for a patrolling unit — bingo-fuel check
 * against the distance home, a new waypoint when the leg is done (up to 4 × 12 random cells of
 * the zone, legal cell, jittered 0.8 cell, leg checked with segmentClear), half-cell steps each
 * checked on the grid, fuel burnt per km and idle share, supplies per tick.
 */
export function runPatrolKernel(
  k: KernelSetup,
  ticks: number,
  seed: number,
  around: Around = plain,
): PatrolRun {
  const { def, code, allowed } = k;
  const spec = def.masks.spec;
  const n = def.nUnits;
  const zone = def.zones[0]!.cells;
  const rng = seedrandom.alea(`${seed}:units`);
  const x = new Float64Array(n).fill(def.bX[0]!);
  const y = new Float64Array(n).fill(def.bY[0]!);
  const tx = new Float64Array(n);
  const ty = new Float64Array(n);
  const leg = new Uint8Array(n);
  const fuel = Float64Array.from(def.uFuelCap);
  const sup = Float64Array.from(def.uSupCap);
  const hx = def.bX[0]!;
  const hy = def.bY[0]!;
  const half = spec.cellKm / 2;
  const dt = def.dtH;
  const { cols, rows, cellKm } = spec;
  const legal = (px: number, py: number): boolean => {
    const c = Math.floor(px / cellKm);
    const r = Math.floor(py / cellKm);
    return c >= 0 && r >= 0 && c < cols && r < rows && allowed[code[r * cols + c]!] === 1;
  };
  const acc = new Float64Array(3); // [ms, km, cpu ms], not captured `let`s (they would box)
  around(() => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let t = 0; t < ticks; t++) {
      for (let u = 0; u < n; u++) {
        const speed = def.uSpeed[u]!;
        const dh = Math.sqrt((hx - x[u]!) ** 2 + (hy - y[u]!) ** 2);
        if (fuel[u]! < (dh / speed) * 1.25 + 0.25 || sup[u]! < 0.5) {
          tx[u] = hx; // bingo: straight home (never reached in the bench's ticks)
          ty[u] = hy;
          leg[u] = 1;
        }
        if (!leg[u]) {
          for (let a = 0; a < 4 && !leg[u]; a++) {
            for (let b = 0; b < 12; b++) {
              const c = zone[Math.floor(rng() * zone.length)]!;
              if (allowed[code[c]!] !== 1) continue;
              const px = cellCenterX(spec, c) + (rng() - 0.5) * cellKm * 0.8;
              const py = cellCenterY(spec, c) + (rng() - 0.5) * cellKm * 0.8;
              if (legal(px, py) && segmentClear(spec, code, allowed, x[u]!, y[u]!, px, py)) {
                tx[u] = px;
                ty[u] = py;
                leg[u] = 1;
              }
              break;
            }
          }
        }
        const budget = def.uPatrolSpeed[u]! * dt;
        let left = budget;
        let moved = 0;
        let px = x[u]!;
        let py = y[u]!;
        while (leg[u] && left > 1e-9) {
          const ex = tx[u]! - px;
          const ey = ty[u]! - py;
          const d = Math.sqrt(ex * ex + ey * ey);
          const go = Math.min(d, left, half);
          const nx = d > 1e-12 ? px + (ex * go) / d : tx[u]!;
          const ny = d > 1e-12 ? py + (ey * go) / d : ty[u]!;
          if (!legal(nx, ny)) {
            leg[u] = 0;
            break;
          }
          px = nx;
          py = ny;
          left -= go;
          moved += go;
          if (go >= d - 1e-9) leg[u] = 0;
        }
        x[u] = px;
        y[u] = py;
        acc[1] = acc[1]! + moved;
        const used = moved / speed + def.uIdleFuel[u]! * dt * (budget > 0 ? 1 - moved / budget : 1);
        fuel[u] = Math.max(0, fuel[u]! - used);
        sup[u] = Math.max(0, sup[u]! - dt / 24);
      }
    }
    acc[0] = performance.now() - t0;
    const d = process.cpuUsage(c0);
    acc[2] = (d.user + d.system) / 1000;
  });
  return { ms: acc[0]!, cpuMs: acc[2]!, meanKm: acc[1]! / (n * ticks) };
}

/**
 * Bytes allocated while fn runs, by V8's sampling heap profiler (node:inspector, one sample per
 * ~512 bytes on average, counting objects that minor and major GCs have since collected): the
 * whole allocation, not what survives. Inspector calls from the main thread complete
 * synchronously; this throws if one did not.
 */
export function allocatedBytes(run: (around: Around) => unknown): number {
  const session = new InspectorSession();
  session.connect();
  const post = (method: string, params?: object): unknown => {
    let out: unknown;
    let done = false;
    session.post(method, params, (err, res) => {
      if (err) throw err;
      out = res;
      done = true;
    });
    if (!done) throw new Error(`inspector ${method} did not complete synchronously`);
    return out;
  };
  try {
    post('HeapProfiler.enable');
    let profile: SamplingNode | undefined;
    run((body) => {
      post('HeapProfiler.startSampling', {
        samplingInterval: 512,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      body();
      profile = (post('HeapProfiler.stopSampling') as { profile: SamplingNode }).profile;
    });
    if (!profile) throw new Error('allocatedBytes: the run never ran its timed section');
    let bytes = 0;
    const walk = (node: SamplingNode): void => {
      bytes += node.selfSize;
      for (const c of node.children) walk(c);
    };
    walk(profile.head);
    return bytes;
  } finally {
    post('HeapProfiler.disable');
    session.disconnect();
  }
}

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
  head: SamplingNode;
}
