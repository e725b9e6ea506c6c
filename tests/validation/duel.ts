// A Lanchester duel fixture: one company (A₀ fighters, effectiveness α per fighter-hour) meets
// one hidden cell (B₀, β) inside the engagement radius; nobody breaks off; 1-minute ticks;
// deterministic engagement mode. Used by the validation test and the VALIDATION.md report.
// `split` cuts the same B₀ into that many co-located cells (aggregation test); `seed` with
// `stochastic` draws losses; `stopAfterH` ends the duel that long after contact.
import { CELL } from '../../src/sim/codes';
import { nigerSession } from './fixture';

export function duel(
  model: 'square' | 'linear',
  A0: number,
  alpha: number,
  B0: number,
  beta: number,
  opts: { split?: number; stochastic?: boolean; seed?: number; stopAfterH?: number } = {},
) {
  const split = opts.split ?? 1;
  const s = nigerSession(
    {
      id: 'duel',
      name: `Lanchester ${model}-law duel`,
      source: 'Lanchester (1916)',
      tickMinutes: 1,
      durationDays: 4,
      cellKm: 2,
      hq: [2.8, 13.9],
      readiness: 1,
      rest: {
        bases: [
          {
            id: 'post',
            name: 'Post',
            owner: 'niger',
            kind: 'post',
            position: [2.8, 13.9],
            stocks: { fuel: 1e6, supplies: 1e6 },
          },
        ],
        zones: [
          {
            id: 'haven',
            name: 'Haven',
            kind: 'safe-haven',
            polygon: [
              [
                [2.78, 13.88],
                [2.82, 13.88],
                [2.82, 13.92],
                [2.78, 13.92],
                [2.78, 13.88],
              ],
            ],
          },
        ],
        unitTypes: {
          coy: {
            name: 'Company',
            domain: 'ground',
            sidc: 'SFGPUCI----E---',
            speedKmh: 40,
            fuelCapacityH: 1000,
            suppliesDays: 100,
            sensor: { rangeKm: 5, pDetectPerTick: 0.5 },
            firepower: alpha,
            strength: A0,
          },
        },
        units: [{ id: 'coy-1', type: 'coy', owner: 'niger', base: 'post', readiness: 1 }],
        threats: [
          {
            id: 'cell',
            name: 'Cell',
            kind: 'armed-group',
            domain: 'ground',
            sidc: 'SHGPUCI----D---',
            cells: split,
            strength: B0 / split,
            maxStrength: B0 / split,
            firepower: beta,
            speedKmh: 10,
            havens: ['haven'],
            targets: ['village'],
            attackRatePerDay: 0,
            rangeKm: 0,
            recruitPerDay: 0,
          },
        ],
        engagement: { model, radiusKm: 20, breakOffRatio: 0, stochastic: opts.stochastic ?? false },
      },
    },
    opts.seed ?? 1,
  );
  const { world } = s;
  const alive = () => {
    for (let c = 0; c < split; c++) if (world.s.cState[c] !== CELL.dead) return true;
    return false;
  };
  let start = -1;
  const stop = (opts.stopAfterH ?? Number.POSITIVE_INFINITY) * 60;
  while (s.tick < s.totalTicks && alive() && world.s.uStr[0]! >= 1) {
    s.step(1);
    if (start < 0 && world.s.uEngaged[0]! >= 0) start = s.tick - 1;
    if (start >= 0 && s.tick - start >= stop) break;
  }
  let threat = 0;
  for (let c = 0; c < split; c++) threat += world.s.cStr[c]!;
  return {
    hours: ((s.tick - start) * 1) / 60,
    survivors: world.s.uStr[0]!,
    threat,
    cellDead: !alive(),
  };
}

/** Square law: hours until B falls to 1 (bisection on the closed form) and A's survivors then. */
export function squareLaw(A0: number, alpha: number, B0: number, beta: number) {
  const g = Math.sqrt(alpha * beta);
  const B = (t: number) => B0 * Math.cosh(g * t) - Math.sqrt(alpha / beta) * A0 * Math.sinh(g * t);
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (B(mid) > 1) lo = mid;
    else hi = mid;
  }
  return { hours: lo, survivors: Math.sqrt(A0 ** 2 - (beta / alpha) * (B0 ** 2 - 1)) };
}

/** Linear law: hours until B falls to 1 and A's survivors then. */
export function linearLaw(A0: number, alpha: number, B0: number, beta: number) {
  const K = alpha * A0 - beta * B0;
  return {
    hours: (1 / K) * Math.log((B0 * (K + beta)) / (K + beta * B0)),
    survivors: (K + beta) / alpha,
  };
}
