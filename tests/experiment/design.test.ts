// Designs and sensitivity on cases with known answers: a grid is the full product, a Latin
// hypercube puts one draw in each stratum, the best of many random ones is less correlated than
// a plain one, designs repeat exactly from their seed, and SRC/PRCC recover a known linear model.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  designPoints,
  expandRuns,
  latinHypercube,
  maxColumnCorrelation,
  shardOf,
} from '../../src/experiment/design';
import { Experiment } from '../../src/experiment/schema';
import { sensitivity } from '../../src/experiment/sensitivity';

const exp = (design: unknown, parameters: unknown[], designSeed = 1) =>
  Experiment.parse({
    id: 'x',
    name: 'x',
    scenario: 's.json',
    parameters,
    design,
    seeds: { count: 2 },
    designSeed,
  });

const ranges = [
  { name: 'a', min: 0, max: 10 },
  { name: 'b', min: -1, max: 1 },
  { name: 'c', min: 100, max: 200 },
  { name: 'd', min: 0, max: 1 },
  { name: 'e', min: 5, max: 6 },
];

describe('designs', () => {
  it('a grid is every combination of the listed values', () => {
    const pts = designPoints(
      exp({ kind: 'grid' }, [
        { name: 'a', values: [1, 2, 3] },
        { name: 'b', values: [true, false] },
      ]),
    );
    expect(pts).toHaveLength(6);
    expect(new Set(pts.map((p) => `${p.a}|${p.b}`)).size).toBe(6);
  });

  it('a Latin hypercube puts exactly one draw in each of n strata of every parameter', () => {
    const n = 20;
    const pts = designPoints(exp({ kind: 'lhs', points: n }, ranges));
    for (const r of ranges) {
      const strata = pts.map((p) =>
        Math.floor((((p[r.name] as number) - r.min) / (r.max - r.min)) * n),
      );
      expect(new Set(strata).size).toBe(n);
    }
  });

  it('integer ranges round, and levels from a list are drawn from the list', () => {
    const pts = designPoints(
      exp({ kind: 'random', points: 50 }, [
        { name: 'k', min: 1, max: 6, integer: true },
        { name: 'v', values: [30, 60, 120] },
      ]),
    );
    for (const p of pts) {
      expect(Number.isInteger(p.k)).toBe(true);
      expect([30, 60, 120]).toContain(p.v);
    }
  });

  it('the best of many random hypercubes is far less correlated than plain ones (5 factors, 17 points)', () => {
    const best = designPoints(
      exp({ kind: 'best-random-lhs', points: 17, candidates: 300 }, ranges),
    );
    const q = best.map((p) => ranges.map((r) => ((p[r.name] as number) - r.min) / (r.max - r.min)));
    const rng = seedrandom.alea('plain');
    const plain = Array.from({ length: 50 }, () =>
      maxColumnCorrelation(latinHypercube(17, 5, rng)),
    );
    const median = plain.sort((a, b) => a - b)[25]!;
    expect(maxColumnCorrelation(q)).toBeLessThan(median * 0.6);
  });

  it('repeats exactly from its seed and changes with another', () => {
    const a = designPoints(exp({ kind: 'lhs', points: 10 }, ranges, 3));
    const b = designPoints(exp({ kind: 'lhs', points: 10 }, ranges, 3));
    const c = designPoints(exp({ kind: 'lhs', points: 10 }, ranges, 4));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('runs are point-major with the same seeds at every point; shards are disjoint and cover all', () => {
    const e = exp({ kind: 'grid' }, [{ name: 'a', values: [1, 2, 3] }]);
    const runs = expandRuns(e, designPoints(e));
    expect(runs.map((r) => [r.point, r.seed])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
    const parts = [1, 2, 4].map((i) => shardOf(runs, i, 4).map((r) => r.run));
    expect(parts.flat().length).toBeLessThan(6);
    const all = [1, 2, 3, 4].flatMap((i) => shardOf(runs, i, 4).map((r) => r.run));
    expect(all.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('sensitivity', () => {
  it('recovers a known linear model: SRC_i = b_i·σ_i/σ_y, and PRCC ranks the strong factor first', () => {
    // y = 3·x1 + 1·x2 + 0·x3 + small noise, x uniform on [0, 1] and independent.
    const rng = seedrandom.alea('sens');
    const X = Array.from({ length: 2000 }, () => [rng(), rng(), rng()]);
    const y = X.map((x) => 3 * x[0]! + x[1]! + 0.05 * (rng() - 0.5));
    const s = sensitivity(['x1', 'x2', 'x3'], X, y);
    // σ_x = 1/√12 for each; σ_y ≈ √(9 + 1)/√12, so SRC ≈ 3/√10 and 1/√10.
    const by = Object.fromEntries(s.byParameter.map((p) => [p.parameter, p]));
    expect(by.x1!.src).toBeCloseTo(3 / Math.sqrt(10), 1);
    expect(by.x2!.src).toBeCloseTo(1 / Math.sqrt(10), 1);
    expect(Math.abs(by.x3!.src)).toBeLessThan(0.05);
    expect(s.byParameter[0]!.parameter).toBe('x1');
    expect(s.byParameter[2]!.parameter).toBe('x3');
    expect(by.x1!.prcc).toBeGreaterThan(0.95);
    expect(s.r2).toBeGreaterThan(0.99);
  });
});
