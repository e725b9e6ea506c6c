// Search fixtures: one UAV (air, readiness 1, 60 km/h, 1-minute ticks) hunts one threat cell
// that never leaves its hide (no raids, no speed, no recruits). The engine places the cell at a
// random point of its haven from the run's seed. Rectangles are laid in km on whole 0.5-km grid
// cells, so each zone rasterises to exactly the rectangle drawn.
import { makeProjection, toLat, toLon } from '../../src/sim/geo/projection';
import { Session } from '../../src/sim/session';
import { HIDDEN_FACTOR } from '../../src/sim/systems/sensing';
import { NIGER_BOX, nigerSession } from './fixture';

const proj = makeProjection(NIGER_BOX);
const ll = (x: number, y: number) => [toLon(proj, x), toLat(proj, y)] as [number, number];

export const SPEED_KMH = 60;
// The hiding cell's detectability: with the sensor's width set to W / (DETECTABILITY × the
// hiding factor), the effective sweep width against it is W.
const DETECTABILITY = 1;

/** A km rectangle [x0, x0 + side] × [y0, y0 + height], height defaulting to side. */
export interface Rect {
  x0: number;
  y0: number;
  side: number;
  height?: number;
}

export const areaOf = (r: Rect) => r.side * (r.height ?? r.side);

function polygon(r: Rect) {
  const [x1, y1] = [r.x0 + r.side, r.y0 + (r.height ?? r.side)];
  return [[ll(r.x0, r.y0), ll(x1, r.y0), ll(x1, y1), ll(r.x0, y1), ll(r.x0, r.y0)]];
}

export interface SearchSetup {
  /** Effective sweep width against the hiding cell, km. */
  W: number;
  /** Where the cell hides. */
  haven: Rect;
  /** Random search: the zone the UAV patrols (random waypoints). */
  patrol?: Rect;
  /** Parallel sweep: the route the UAV flies, as km points; it starts at the first. */
  route?: Array<[number, number]>;
  /** The UAV's start, km (random search). */
  start?: [number, number];
  days: number;
}

/** Builds the scenario once; `run(seed)` gives a fresh session of it for each seed. */
export function searchFixture(p: SearchSetup) {
  const start = ll(...(p.start ?? p.route![0]!));
  const first = nigerSession(
    {
      id: 'search',
      name: 'Search for a hidden cell',
      source: 'Koopman (1946)',
      tickMinutes: 1,
      durationDays: p.days,
      cellKm: 0.5,
      hq: start,
      readiness: 1,
      rest: {
        checkpointEveryTicks: 100000,
        bases: [
          {
            id: 'strip',
            name: 'Airstrip',
            owner: 'niger',
            kind: 'airfield',
            position: start,
            stocks: { fuel: 1e6, supplies: 1e6 },
          },
        ],
        zones: [
          { id: 'haven', name: 'Haven', kind: 'safe-haven', polygon: polygon(p.haven) },
          ...(p.patrol
            ? [{ id: 'area', name: 'Patrol area', kind: 'patrol-area', polygon: polygon(p.patrol) }]
            : []),
        ],
        routes: p.route
          ? [
              {
                id: 'lanes',
                name: 'Lanes',
                kind: 'track',
                coordinates: p.route.map((q) => ll(...q)),
              },
            ]
          : [],
        unitTypes: {
          uav: {
            name: 'UAV',
            domain: 'air',
            sidc: 'SFAPMFQ----E---',
            speedKmh: SPEED_KMH,
            patrolSpeedKmh: SPEED_KMH,
            fuelCapacityH: 1e6,
            idleFuelPerH: 0,
            suppliesDays: 1e4,
            sensor: { rangeKm: 1, sweepWidthKm: p.W / (DETECTABILITY * HIDDEN_FACTOR) },
            firepower: 0,
            strength: 1,
          },
        },
        units: [
          {
            id: 'uav-1',
            type: 'uav',
            owner: 'niger',
            base: 'strip',
            readiness: 1,
            task: p.patrol
              ? { kind: 'patrol-area', zone: 'area' }
              : { kind: 'patrol-route', route: 'lanes' },
          },
        ],
        threats: [
          {
            id: 'cell',
            name: 'Hidden cell',
            kind: 'armed-group',
            domain: 'ground',
            sidc: 'SHGPUCI----D---',
            strength: 10,
            firepower: 0,
            speedKmh: 0,
            havens: ['haven'],
            targets: ['village'],
            attackRatePerDay: 0,
            rangeKm: 0,
            recruitPerDay: 0,
            detectability: DETECTABILITY,
          },
        ],
      },
    },
    1,
  );
  const { def } = first;
  return {
    W: p.W,
    run: (seed: number) => (seed === 1 ? first : new Session(def.scenario, null, seed, def)),
  };
}

/** Length of the segment (ax, ay)–(bx, by) inside rectangle r (Liang–Barsky clipping). */
export function clippedLength(r: Rect, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const edges = [
    [-dx, ax - r.x0],
    [dx, r.x0 + r.side - ax],
    [-dy, ay - r.y0],
    [dy, r.y0 + (r.height ?? r.side) - ay],
  ] as const;
  for (const [p, d] of edges) {
    if (p === 0) {
      if (d < 0) return 0;
      continue;
    }
    if (p < 0) t0 = Math.max(t0, d / p);
    else t1 = Math.min(t1, d / p);
    if (t0 > t1) return 0;
  }
  return (t1 - t0) * Math.hypot(dx, dy);
}

/**
 * Search effort z = W × (track length over `area`) / area at the tick of the first detection,
 * one per seed 1…seeds; Infinity when the effort reached zMax first. The track is what the
 * sensor sweeps: the straight segment from each tick's start to its end.
 */
export function effortsToDetection(
  f: ReturnType<typeof searchFixture>,
  area: Rect,
  seeds: number,
  zMax: number,
): number[] {
  const out: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const s = f.run(seed);
    const { s: st, log } = s.world;
    let z = 0;
    let found = Number.POSITIVE_INFINITY;
    while (s.tick < s.totalTicks && z < zMax) {
      const seen = log.events.length;
      s.step(1);
      z +=
        (f.W * clippedLength(area, st.uPrevX[0]!, st.uPrevY[0]!, st.ux[0]!, st.uy[0]!)) /
        areaOf(area);
      if (log.events.slice(seen).some((e) => e.k === 'detect')) {
        found = z;
        break;
      }
    }
    // A run that ends short of zMax would bias P downwards: make the fixture longer instead.
    if (found === Number.POSITIVE_INFINITY && z < zMax)
      throw new Error(`seed ${seed}: the run ended at effort ${z.toFixed(2)} < ${zMax}`);
    out.push(found);
  }
  return out;
}
