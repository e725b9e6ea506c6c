// What a run of a scenario will cost, known before anything is built: the sizes that drive
// memory and time (grid cells, units, threat cells, traffic vessels, places, ticks) and an
// estimate of peak memory and CPU seconds. The coefficients are conservative fits to runs of
// the bundled scenarios on the reference machine (2 cores, Node 20): peak RSS grows ~28 bytes
// per grid cell at load (48 here, for the path finder's pages once A* touches them), a few KB
// per unit (state, checkpoints, events); a tick costs ~0.25 ms plus ~1–2 µs a unit, a cell at load ~0.6 µs.
import type { Scenario } from '../scenario/schema';
import { makeProjection, toX, toY } from './geo/projection';
import { makeGridSpec } from './geo/raster';
import { unitEntries } from './unit-entries';

export interface RunSizes {
  cells: number;
  units: number;
  threatCells: number;
  vessels: number;
  places: number;
  ticks: number;
}

export interface RunEstimate extends RunSizes {
  /** Peak resident memory of one run, bytes. */
  bytes: number;
  /** CPU seconds to load and run it on the reference machine. */
  seconds: number;
}

const BASE_BYTES = 170e6;
const BYTES_PER_CELL = 48;
const BYTES_PER_UNIT = 4e3;
const BYTES_PER_THREAT_CELL = 2e3;
const BYTES_PER_VESSEL = 400;
const BYTES_PER_PLACE = 1e3;
const SEC_PER_CELL_LOAD = 0.6e-6;
const SEC_PER_UNIT_TICK = 2e-6;
const SEC_PER_THREAT_TICK = 5e-6;
const SEC_PER_VESSEL_TICK = 0.3e-6;
const SEC_PER_TICK = 250e-6;

/** Grid cells of the scenario's raster (the engine's own grid spec), or Infinity for a bad box. */
export function gridCells(sc: Pick<Scenario, 'geography'>): number {
  const [w, s, e, n] = sc.geography.bbox;
  if (!(e > w) || !(n > s)) return Number.POSITIVE_INFINITY;
  const spec = makeGridSpec(makeProjection([w, s, e, n]), sc.geography.cellKm);
  return spec.cols * spec.rows;
}

/** Vessels of each traffic stream alive at once: arrivals per hour × hours on its route. */
function vesselsAlive(sc: Scenario): number {
  const proj = makeProjection(sc.geography.bbox);
  const lengthKm = new Map<string, number>();
  for (const r of sc.routes) {
    let km = 0;
    for (let i = 1; i < r.coordinates.length; i++) {
      const [a, b] = [r.coordinates[i - 1]!, r.coordinates[i]!];
      km += Math.hypot(toX(proj, b[0]) - toX(proj, a[0]), toY(proj, b[1]) - toY(proj, a[1]));
    }
    lengthKm.set(r.id, km);
  }
  let n = 0;
  for (const t of sc.traffic) {
    const hours = (lengthKm.get(t.route) ?? 0) / Math.max(1, t.speedKmh);
    n += (t.perDay / 24) * hours * (t.bothWays ? 2 : 1) + 4;
  }
  return Math.ceil(n);
}

export function runSizes(sc: Scenario, ticks?: number): RunSizes {
  const units = unitEntries(sc).reduce((n, e) => n + e.unit.count, 0);
  const spawns = sc.injects.filter((i) => i.kind === 'spawn').length;
  const threatCells = sc.threats.reduce((n, t) => n + t.cells, 0) + spawns;
  return {
    cells: gridCells(sc),
    units,
    threatCells,
    vessels: vesselsAlive(sc),
    places: sc.places.length,
    ticks: ticks ?? Math.round((sc.durationDays * 1440) / sc.tickMinutes),
  };
}

export function estimateRun(sc: Scenario, ticks?: number): RunEstimate {
  const z = runSizes(sc, ticks);
  const bytes =
    BASE_BYTES +
    z.cells * BYTES_PER_CELL +
    z.units * BYTES_PER_UNIT +
    z.threatCells * BYTES_PER_THREAT_CELL +
    z.vessels * BYTES_PER_VESSEL +
    z.places * BYTES_PER_PLACE;
  const perTick =
    SEC_PER_TICK +
    z.units * SEC_PER_UNIT_TICK +
    z.threatCells * SEC_PER_THREAT_TICK +
    z.vessels * SEC_PER_VESSEL_TICK;
  return { ...z, bytes, seconds: z.cells * SEC_PER_CELL_LOAD + z.ticks * perTick };
}
