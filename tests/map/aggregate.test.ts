// The overview's unit aggregation (src/map/aggregate.ts): which units share one symbol.
import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_BELOW_FIT,
  aggregates,
  CLUSTER_RADIUS_PX,
  UnitClusters,
} from '../../src/map/aggregate';

interface U {
  x: number;
  y: number;
  owner: number;
  alive?: boolean;
}

const R = CLUSTER_RADIUS_PX;

function run(units: readonly U[], radius = R) {
  const c = new UnitClusters();
  c.run(
    units.length,
    units.map((u) => u.x),
    units.map((u) => u.y),
    units.map((u) => u.owner),
    units.map((u) => (u.alive === false ? 0 : 1)),
    radius,
  );
  return c;
}

/** The groups as sorted lists of unit indices, sorted (comparable across runs). */
function groups(c: UnitClusters, n: number): number[][] {
  const by = new Map<number, number[]>();
  for (let u = 0; u < n; u++) {
    const cl = c.clusterOf[u]!;
    if (cl < 0) continue;
    by.set(cl, [...(by.get(cl) ?? []), u]);
  }
  return [...by.values()].sort((a, b) => a[0]! - b[0]!);
}

/** A small seeded generator (tests must not depend on Math.random). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('unit aggregation', () => {
  it('never merges two owners, however close', () => {
    const c = run([
      { x: 100, y: 100, owner: 0 },
      { x: 100, y: 100, owner: 1 },
      { x: 105, y: 102, owner: 0 },
      { x: 103, y: 99, owner: 1 },
    ]);
    expect(groups(c, 4)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('keeps a unit with no neighbour as a cluster of one, at its own position', () => {
    const c = run([
      { x: 10, y: 10, owner: 0 },
      { x: 500, y: 400, owner: 0 },
    ]);
    expect(c.count).toBe(2);
    const cl = c.clusterOf[1]!;
    expect([c.rep[cl], c.size[cl], c.cx[cl], c.cy[cl]]).toEqual([1, 1, 500, 400]);
  });

  it('merges at one radius less 1 px, not at one radius plus 1 px', () => {
    expect(
      run([
        { x: 0, y: 0, owner: 2 },
        { x: R - 1, y: 0, owner: 2 },
      ]).count,
    ).toBe(1);
    expect(
      run([
        { x: 0, y: 0, owner: 2 },
        { x: R + 1, y: 0, owner: 2 },
      ]).count,
    ).toBe(2);
    // Diagonally too (Euclidean distance, not a grid cell).
    const d = (R + 1) / Math.SQRT2;
    expect(
      run([
        { x: 40, y: 40, owner: 0 },
        { x: 40 + d, y: 40 + d, owner: 0 },
      ]).count,
    ).toBe(2);
  });

  it('gives a cluster its lowest index as representative, its size and its centroid', () => {
    const c = run([
      { x: 900, y: 900, owner: 0 },
      { x: 110, y: 100, owner: 1 },
      { x: 100, y: 100, owner: 1 },
      { x: 100, y: 115, owner: 1 },
    ]);
    const cl = c.clusterOf[3]!;
    expect(c.clusterOf[1]).toBe(cl);
    expect(c.clusterOf[2]).toBe(cl);
    expect(c.rep[cl]).toBe(1);
    expect(c.size[cl]).toBe(3);
    expect(c.cx[cl]).toBeCloseTo(310 / 3, 9);
    expect(c.cy[cl]).toBeCloseTo(105, 9);
  });

  it('leaves out units not included, and the counts sum to the included units', () => {
    const rnd = lcg(7);
    const units: U[] = Array.from({ length: 300 }, () => ({
      x: rnd() * 800,
      y: rnd() * 450,
      owner: Math.floor(rnd() * 5),
      alive: rnd() > 0.2,
    }));
    const c = run(units);
    const alive = units.filter((u) => u.alive !== false).length;
    let sum = 0;
    for (let cl = 0; cl < c.count; cl++) sum += c.size[cl]!;
    expect(sum).toBe(alive);
    expect(c.count).toBeLessThan(alive);
    units.forEach((u, i) => {
      if (u.alive === false) expect(c.clusterOf[i]).toBe(-1);
    });
  });

  it('groups by position, whatever the input order: a tie goes the same way in every order', () => {
    // A, B, C in a row 20 px apart: B is within reach of both A and C. Visiting A first gives
    // {A, B} {C}; visiting B first would give {A, B, C}. The visiting order is by position.
    const row = [
      { x: 0, y: 0, owner: 0 },
      { x: 20, y: 0, owner: 0 },
      { x: 40, y: 0, owner: 0 },
    ];
    const byPosition = (units: U[]) => {
      const c = run(units);
      return groups(c, units.length)
        .map((g) => g.map((u) => units[u]!.x).sort((a, b) => a - b))
        .sort((a, b) => a[0]! - b[0]!);
    };
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const o of orders) expect(byPosition(o.map((i) => row[i]!))).toEqual([[0, 20], [40]]);
    // And a random scene shuffled: the same groups of positions.
    const rnd = lcg(11);
    const scene: U[] = Array.from({ length: 120 }, () => ({
      x: Math.round(rnd() * 300),
      y: Math.round(rnd() * 200),
      owner: Math.floor(rnd() * 3),
    }));
    const shuffled = [...scene];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const key = (units: U[]) => {
      const c = run(units);
      return groups(c, units.length)
        .map((g) =>
          g
            .map((u) => `${units[u]!.owner}:${units[u]!.x},${units[u]!.y}`)
            .sort()
            .join(' '),
        )
        .sort();
    };
    expect(key(shuffled)).toEqual(key(scene));
  });

  it('leaves no two clusters of one owner within the radius (the symbols drawn do not overlap)', () => {
    const rnd = lcg(3);
    // Bases: tight knots of units, some of several owners, plus units spread over the theatre.
    const units: U[] = [];
    for (let b = 0; b < 12; b++) {
      const bx = rnd() * 1200;
      const by = rnd() * 700;
      for (let i = 0; i < 8; i++)
        units.push({ x: bx + rnd() * 40, y: by + rnd() * 40, owner: Math.floor(rnd() * 3) });
    }
    for (let i = 0; i < 100; i++)
      units.push({ x: rnd() * 1200, y: rnd() * 700, owner: Math.floor(rnd() * 3) });
    const c = run(units);
    expect(c.passes).toBeLessThan(8);
    for (let a = 0; a < c.count; a++)
      for (let b = a + 1; b < c.count; b++) {
        const same = units[c.rep[a]!]!.owner === units[c.rep[b]!]!.owner;
        if (same)
          expect(Math.hypot(c.cx[a]! - c.cx[b]!, c.cy[a]! - c.cy[b]!)).toBeGreaterThanOrEqual(R);
      }
  });

  it('reuses its buffers: a second run over fewer units forgets the first', () => {
    const c = new UnitClusters();
    c.run(3, [0, 5, 10], [0, 0, 0], [0, 0, 0], [1, 1, 1], R);
    expect(c.count).toBe(1);
    c.run(2, [0, 500], [0, 0], [0, 0], [1, 1], R);
    expect(c.count).toBe(2);
    expect([c.size[0], c.size[1]]).toEqual([1, 1]);
  });

  it('stays near-linear: 50,000 units piled on a few bases group in well under a second', () => {
    const rnd = lcg(5);
    const n = 50_000;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    const owners = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      // Half of them on three spots (the quadratic case for a naive pairwise merge).
      const spot = i % 2 === 0 ? i % 3 : -1;
      xs[i] = spot >= 0 ? 100 + spot * 10 + rnd() : rnd() * 5000;
      ys[i] = spot >= 0 ? 100 + rnd() : rnd() * 3000;
      owners[i] = i % 4;
    }
    const c = new UnitClusters();
    const t0 = performance.now();
    c.run(n, xs, ys, owners, new Uint8Array(n).fill(1), R);
    expect(performance.now() - t0).toBeLessThan(1500);
    let sum = 0;
    for (let cl = 0; cl < c.count; cl++) sum += c.size[cl]!;
    expect(sum).toBe(n);
  });

  it('applies below one 2× zoom step past fit, and never when units are dots', () => {
    expect(AGGREGATE_BELOW_FIT).toBe(2);
    expect(aggregates(1, 1, false)).toBe(true);
    expect(aggregates(0.5, 1, false)).toBe(true);
    expect(aggregates(1.99, 1, false)).toBe(true);
    expect(aggregates(2, 1, false)).toBe(false);
    expect(aggregates(3.375, 1, false)).toBe(false);
    expect(aggregates(1, 1, true)).toBe(false);
  });
});
