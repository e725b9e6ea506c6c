// Design points from an experiment: a full grid, random draws, a Latin hypercube, the least
// correlated of many random Latin hypercubes, Ye's orthogonal Latin hypercube or a Cioppa–Lucas
// nearly orthogonal one (orthogonal.ts). Deterministic from `designSeed` (its own seedrandom
// stream), so a design is the same on every machine and every worker count.
import seedrandom from 'seedrandom';
import { fixedDesignRuns, NOLH_SIZES, nolhQuantiles, OLH_SIZES, olhQuantiles } from './orthogonal';
import type { Experiment, ExperimentParameter } from './schema';

export type Level = number | boolean;
export type DesignPoint = Record<string, Level>;

type Rng = () => number;

/** A level of parameter p at quantile u in [0, 1). */
function at(p: ExperimentParameter, u: number): Level {
  if ('values' in p)
    return p.values[Math.min(p.values.length - 1, Math.floor(u * p.values.length))]!;
  const v = p.min + u * (p.max - p.min);
  return p.integer ? Math.round(v) : v;
}

function shuffled(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A Latin hypercube of quantiles: column k holds one draw in each of n strata, shuffled. */
export function latinHypercube(n: number, k: number, rng: Rng): number[][] {
  const cols = Array.from({ length: k }, () => shuffled(n, rng).map((s) => (s + rng()) / n));
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

/** Largest absolute Pearson correlation between two columns of a design (0 with one column). */
export function maxColumnCorrelation(rows: number[][]): number {
  const k = rows[0]?.length ?? 0;
  const n = rows.length;
  let worst = 0;
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) {
      let ma = 0;
      let mb = 0;
      for (const r of rows) {
        ma += r[a]!;
        mb += r[b]!;
      }
      ma /= n;
      mb /= n;
      let sab = 0;
      let saa = 0;
      let sbb = 0;
      for (const r of rows) {
        sab += (r[a]! - ma) * (r[b]! - mb);
        saa += (r[a]! - ma) ** 2;
        sbb += (r[b]! - mb) ** 2;
      }
      const c = saa > 0 && sbb > 0 ? Math.abs(sab / Math.sqrt(saa * sbb)) : 0;
      worst = Math.max(worst, c);
    }
  return worst;
}

function gridPoints(params: ExperimentParameter[]): DesignPoint[] {
  let points: DesignPoint[] = [{}];
  for (const p of params) {
    if (!('values' in p)) throw new Error(`grid design needs values for ${p.name}`);
    points = points.flatMap((pt) => p.values.map((v) => ({ ...pt, [p.name]: v })));
  }
  return points;
}

function fromQuantiles(params: ExperimentParameter[], rows: number[][]): DesignPoint[] {
  return rows.map((r) => Object.fromEntries(params.map((p, k) => [p.name, at(p, r[k]!)])));
}

export function designPoints(e: Experiment): DesignPoint[] {
  const rng = seedrandom.alea(`design:${e.designSeed}`);
  const d = e.design;
  const k = e.parameters.length;
  switch (d.kind) {
    case 'grid':
      return gridPoints(e.parameters);
    case 'random':
      return fromQuantiles(
        e.parameters,
        Array.from({ length: d.points }, () => Array.from({ length: k }, () => rng())),
      );
    case 'lhs':
      return fromQuantiles(e.parameters, latinHypercube(d.points, k, rng));
    case 'olh':
    case 'nolh': {
      const runs = fixedRuns(d, k);
      if (typeof runs === 'string') throw new Error(`design: ${runs}`);
      const q = d.kind === 'olh' ? olhQuantiles(runs, k) : nolhQuantiles(runs, k);
      return fromQuantiles(e.parameters, q);
    }
    case 'best-random-lhs': {
      let best = latinHypercube(d.points, k, rng);
      let score = maxColumnCorrelation(best);
      for (let c = 1; c < d.candidates; c++) {
        const cand = latinHypercube(d.points, k, rng);
        const s = maxColumnCorrelation(cand);
        if (s < score) {
          best = cand;
          score = s;
        }
      }
      return fromQuantiles(e.parameters, best);
    }
  }
}

/** Runs of an olh or nolh design of k factors, or what is wrong with its `points`. */
export function fixedRuns(
  d: { kind: 'olh' | 'nolh'; points?: number | undefined },
  k: number,
): number | string {
  return fixedDesignRuns(d.kind === 'olh' ? OLH_SIZES : NOLH_SIZES, k, d.points);
}

export interface Run {
  /** Global run index: point-major, then seed. */
  run: number;
  point: number;
  seed: number;
  levels: DesignPoint;
}

/** Every design point × seed, in a fixed order; the same seeds at every point (common random numbers). */
export function expandRuns(e: Experiment, points: DesignPoint[]): Run[] {
  const out: Run[] = [];
  points.forEach((levels, point) => {
    for (let k = 0; k < e.seeds.count; k++)
      out.push({ run: out.length, point, seed: e.seeds.from + k, levels });
  });
  return out;
}

/** The runs of shard i of n (1-based): every n-th run, so shards are disjoint and balanced. */
export function shardOf(runs: Run[], i: number, n: number): Run[] {
  return runs.filter((r) => r.run % n === i - 1);
}
