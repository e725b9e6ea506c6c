// The three search experiments of the validation, shared by the test and the report: each runs
// the fixture over many seeds and gives, at a few effort levels z = W·v·t/A, the engine's
// detection probability with a Wilson interval beside the closed forms. Intervals are
// Bonferroni-adjusted over the levels checked, so each experiment holds at 95 % overall.
import { areaOf, effortsToDetection, type Rect, SPEED_KMH, searchFixture } from './search';

export interface Row {
  z: number;
  /** Hours over the area that effort takes at full speed: z·A / (W·v). */
  hours: number;
  hits: number;
  n: number;
  lo: number;
  hi: number;
  /** Closed forms at z, by name. */
  laws: Record<string, number>;
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
function phi(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t * (0.2548296 + t * (-0.28449674 + t * (1.4214137 + t * (-1.453152 + t * 1.0614054))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Two-sided critical value for k simultaneous 95 % intervals (Bonferroni). */
export function zCrit(k: number): number {
  const target = 1 - 0.05 / (2 * k);
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (phi(mid) < target) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number, z: number): [number, number] {
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

export const koopman = (z: number) => 1 - Math.exp(-z);
export const exhaustive = (z: number) => Math.min(1, z);

/**
 * Koopman's law point by point over a random-waypoint patrol's own coverage: the time spent
 * near (x, y) of a unit square has density f ≈ 36·x(1−x)·y(1−y) (Bettstetter, Resta & Santi
 * 2003), so P = 1 − ∫∫ exp(−z·f). Midpoint rule on a 200 × 200 grid.
 */
export function waypointLaw(z: number): number {
  const m = 200;
  let miss = 0;
  for (let i = 0; i < m; i++) {
    const x = (i + 0.5) / m;
    for (let j = 0; j < m; j++) {
      const y = (j + 0.5) / m;
      miss += Math.exp(-z * 36 * x * (1 - x) * y * (1 - y));
    }
  }
  return 1 - miss / (m * m);
}

function table(
  f: ReturnType<typeof searchFixture>,
  area: Rect,
  n: number,
  zs: number[],
  laws: Record<string, (z: number) => number>,
  zMax = Math.max(...zs) + 0.01,
): { rows: Row[]; efforts: number[] } {
  const efforts = effortsToDetection(f, area, n, zMax);
  const crit = zCrit(zs.length);
  const rows = zs.map((z) => {
    const hits = efforts.filter((e) => e <= z).length;
    const [lo, hi] = wilson(hits, n, crit);
    const at = Object.fromEntries(Object.entries(laws).map(([k, g]) => [k, g(z)]));
    return { z, hours: (z * areaOf(area)) / (f.W * SPEED_KMH), hits, n, lo, hi, laws: at };
  });
  return { rows, efforts };
}

// Random search: a 48-km patrol zone, the cell hidden in its middle 16-km square, where the
// patrol's coverage is 0.85–1.08 times its mean there; W = 0.5 km, so W is 1/32 of the square's side.
const middle: Rect = { x0: 35, y0: 25, side: 16 };
export function randomSearch(n = 1000) {
  const f = searchFixture({
    W: 0.5,
    haven: middle,
    patrol: { x0: 19, y0: 9, side: 48 },
    start: [43, 33],
    days: 10,
  });
  return table(f, middle, n, [0.5, 1, 2], { koopman });
}

// The same UAV patrolling only the 16-km square the cell hides in: the zone's edges get less
// coverage than its middle, and Koopman's formula over-predicts.
export function wholeZoneSearch(n = 1000) {
  const f = searchFixture({ W: 0.5, haven: middle, patrol: middle, start: [43, 33], days: 3 });
  return table(f, middle, n, [0.5, 1, 2], { koopman, waypoint: waypointLaw });
}

// Parallel sweep: ten 1-km lanes over a 30 × 10 km area, spacing S = W = 1 km; lanes overrun the
// area by W/2 at each end so the turns between them lie outside it.
const field: Rect = { x0: 28, y0: 28, side: 30, height: 10 };
export function parallelSweep(n = 2000) {
  const W = 1;
  const route: Array<[number, number]> = [];
  for (let k = 0; k < 10; k++) {
    const y = field.y0 + (k + 0.5) * W;
    const ends = [field.x0 - W / 2, field.x0 + field.side + W / 2];
    if (k % 2) ends.reverse();
    route.push([ends[0]!, y], [ends[1]!, y]);
  }
  const f = searchFixture({ W, haven: field, route, days: 1 });
  // Run on past full coverage (z = 1) to see every cell found by then.
  return table(f, field, n, [0.25, 0.5, 0.75, 0.95], { exhaustive }, 1.05);
}
