import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { SpatialGrid } from '../../src/sim/geo/spatial-grid';

describe('SpatialGrid', () => {
  const N = 2000;
  const W = 300;
  const H = 200;
  const rng = seedrandom.alea('concord-spatial-grid');
  const xs = new Float64Array(N);
  const ys = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    // A few agents outside the extent, clamped into edge buckets.
    xs[i] = rng() * (W + 40) - 20;
    ys[i] = rng() * (H + 40) - 20;
  }
  const include = new Uint8Array(N);
  for (let i = 0; i < N; i++) include[i] = rng() < 0.8 ? 1 : 0;
  const grid = new SpatialGrid(W, H, 10, N);
  const out = new Int32Array(N);

  function brute(x: number, y: number, r: number, inc?: Uint8Array): number[] {
    const res: number[] = [];
    for (let i = 0; i < N; i++) {
      if (inc && inc[i] !== 1) continue;
      if ((xs[i]! - x) ** 2 + (ys[i]! - y) ** 2 <= r * r) res.push(i);
    }
    return res;
  }

  it('returns exactly the brute-force set on 2,000 random points', () => {
    grid.rebuild(xs, ys, N);
    let total = 0;
    for (let q = 0; q < 200; q++) {
      const x = rng() * (W + 60) - 30;
      const y = rng() * (H + 60) - 30;
      const r = 1 + rng() * 40;
      const n = grid.queryRadius(x, y, r, out);
      const got = Array.from(out.subarray(0, n)).sort((a, b) => a - b);
      expect(got).toEqual(brute(x, y, r));
      total += n;
    }
    // The queries actually found things (~2000 · π r² / area on average).
    expect(total).toBeGreaterThan(1000);
  });

  it('honours the include mask', () => {
    grid.rebuild(xs, ys, N, include);
    for (let q = 0; q < 50; q++) {
      const x = rng() * W;
      const y = rng() * H;
      const n = grid.queryRadius(x, y, 25, out);
      const got = Array.from(out.subarray(0, n)).sort((a, b) => a - b);
      expect(got).toEqual(brute(x, y, 25, include));
    }
  });

  it('orders results by bucket then insertion, the same every time', () => {
    grid.rebuild(xs, ys, N);
    const n = grid.queryRadius(150, 100, 30, out);
    const first = Array.from(out.subarray(0, n));
    const key = (i: number) =>
      Math.min(19, Math.max(0, Math.floor(ys[i]! / 10))) * 30 +
      Math.min(29, Math.max(0, Math.floor(xs[i]! / 10)));
    for (let k = 1; k < n; k++) {
      const a = first[k - 1]!;
      const b = first[k]!;
      expect(key(a) < key(b) || (key(a) === key(b) && a < b)).toBe(true);
    }
    grid.rebuild(xs, ys, N);
    const m = grid.queryRadius(150, 100, 30, out);
    expect(Array.from(out.subarray(0, m))).toEqual(first);
  });

  it('stops at the output capacity', () => {
    grid.rebuild(xs, ys, N);
    const small = new Int32Array(5);
    expect(grid.queryRadius(150, 100, 100, small)).toBe(5);
  });
});
