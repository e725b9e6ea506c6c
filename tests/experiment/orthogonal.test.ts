// Orthogonal and nearly orthogonal Latin hypercubes: Ye's construction is a Latin hypercube
// whose columns are exactly uncorrelated at every size; the Cioppa–Lucas tables are Latin
// hypercubes with every column correlation below 0.03; the `olh` and `nolh` designs map them
// onto the parameters' ranges end to end and pick the smallest size that holds the factors.
import { describe, expect, it } from 'vitest';
import { designPoints, maxColumnCorrelation } from '../../src/experiment/design';
import {
  NOLH_SIZES,
  nolhQuantiles,
  OLH_SIZES,
  olhQuantiles,
  yeOlh,
} from '../../src/experiment/orthogonal';
import { Experiment } from '../../src/experiment/schema';
import { validateExperiment } from '../../src/experiment/validate';

const isLatin = (rows: number[][]): boolean =>
  rows[0]!.every((_, j) => new Set(rows.map((r) => r[j])).size === rows.length);

const doc = (design: unknown, k: number) => ({
  id: 'x',
  name: 'x',
  scenario: 's.json',
  parameters: Array.from({ length: k }, (_, i) => ({ name: `p${i}`, min: i, max: i + 10 })),
  design,
  seeds: { count: 1 },
});

describe("Ye's orthogonal Latin hypercube", () => {
  it.each([2, 3, 4, 5, 6, 7, 8])(
    'm = %i: 2^m + 1 runs, 2m − 2 columns, levels −q…q, max |ρ| = 0',
    (m) => {
      const d = yeOlh(m);
      const q = 2 ** (m - 1);
      expect(d).toHaveLength(2 ** m + 1);
      expect(d[0]).toHaveLength(2 * m - 2);
      expect(isLatin(d)).toBe(true);
      for (const r of d) for (const v of r) expect(Math.abs(v)).toBeLessThanOrEqual(q);
      expect(maxColumnCorrelation(d)).toBeLessThan(1e-12);
    },
  );

  it('builds the 9-run design (m = 3) row for row: 1..4 in column 1, signed permutations beside', () => {
    expect(yeOlh(3).slice(0, 4)).toEqual([
      [1, -2, -4, 3],
      [2, 1, -3, -4],
      [3, -4, 2, -1],
      [4, 3, 1, 2],
    ]);
  });
});

describe('Cioppa–Lucas nearly orthogonal Latin hypercubes', () => {
  it.each(NOLH_SIZES.map((s) => [s.runs, s.factors]))(
    '%i runs × %i factors: Latin, max |ρ| < 0.03',
    (runs, factors) => {
      const q = nolhQuantiles(runs, factors);
      expect(q).toHaveLength(runs);
      expect(q[0]).toHaveLength(factors);
      expect(isLatin(q)).toBe(true);
      expect(maxColumnCorrelation(q)).toBeLessThan(0.03);
    },
  );

  it('holds 7, 11, 16, 22 and 29 factors in 17, 33, 65, 129 and 257 runs', () => {
    expect(NOLH_SIZES).toEqual([
      { runs: 17, factors: 7 },
      { runs: 33, factors: 11 },
      { runs: 65, factors: 16 },
      { runs: 129, factors: 22 },
      { runs: 257, factors: 29 },
    ]);
    expect(OLH_SIZES.at(-1)).toEqual({ runs: 257, factors: 14 });
  });
});

describe('olh and nolh designs', () => {
  const quantiles = (kind: string, k: number, points?: number) => {
    const e = Experiment.parse(doc(points ? { kind, points } : { kind }, k));
    return designPoints(e).map((p) =>
      Array.from({ length: k }, (_, i) => (p[`p${i}`] as number) - i),
    );
  };

  it('nolh of 9 factors: 33 runs spanning each range end to end, max |ρ| < 0.03', () => {
    const q = quantiles('nolh', 9);
    expect(q).toHaveLength(33);
    for (let j = 0; j < 9; j++) {
      expect(Math.min(...q.map((r) => r[j]!))).toBe(0);
      expect(Math.max(...q.map((r) => r[j]!))).toBe(10);
    }
    expect(maxColumnCorrelation(q)).toBeLessThan(0.03);
  });

  it('olh of 5 factors: 17 runs, exactly orthogonal; 65 runs on request', () => {
    const q = quantiles('olh', 5);
    expect(q).toHaveLength(17);
    expect(maxColumnCorrelation(q)).toBeLessThan(1e-12);
    expect(quantiles('olh', 5, 65)).toHaveLength(65);
    expect(
      olhQuantiles(9, 4)
        .flat()
        .every((u) => u >= 0 && u <= 1),
    ).toBe(true);
  });

  it('refuses sizes that do not exist or do not hold the factors, and says what to use', () => {
    const bad = (design: unknown, k: number) => {
      const v = validateExperiment(doc(design, k));
      return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(bad({ kind: 'nolh', points: 20 }, 3)[0]).toMatch(
      /design\.points: found 20 points; allowed: 17 \(up to 7 factors\), 33/,
    );
    expect(bad({ kind: 'olh', points: 9 }, 5)[0]).toMatch(/found 9 points for 5 factors/);
    expect(bad({ kind: 'nolh' }, 30)[0]).toMatch(/parameters: found 30 factors; .*best-random-lhs/);
    expect(bad({ kind: 'nolh', points: 16, candidates: 200 }, 3)[0]).toMatch(
      /design\.kind: found "nolh" with "candidates"; .*"best-random-lhs"/,
    );
  });
});
