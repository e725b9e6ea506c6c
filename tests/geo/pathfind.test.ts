import { beforeAll, describe, expect, it } from 'vitest';
import { labelAllowed } from '../../src/sim/geo/components';
import { buildMasks, type GeoMasks } from '../../src/sim/geo/masks';
import { cellAllowed, PathFinder, segmentClear } from '../../src/sim/geo/pathfind';
import { toX, toY } from '../../src/sim/geo/projection';
import type { GridSpec } from '../../src/sim/geo/raster';
import { loadAtlas } from './atlas';

const FREE = 0;
const WALL = 1;
const allowFree = new Uint8Array(256);
allowFree[FREE] = 1;

function grid(cols: number, rows: number): { spec: GridSpec; code: Uint8Array } {
  return { spec: { cols, rows, cellKm: 1 }, code: new Uint8Array(cols * rows) };
}

function block(
  g: { spec: GridSpec; code: Uint8Array },
  c0: number,
  r0: number,
  c1: number,
  r1: number,
) {
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) g.code[r * g.spec.cols + c] = WALL;
}

function pathLength(x0: number, y0: number, wp: number[]): number {
  let len = 0;
  let px = x0;
  let py = y0;
  for (let i = 0; i < wp.length; i += 2) {
    len += Math.hypot(wp[i]! - px, wp[i + 1]! - py);
    px = wp[i]!;
    py = wp[i + 1]!;
  }
  return len;
}

function legsClear(g: { spec: GridSpec; code: Uint8Array }, x0: number, y0: number, wp: number[]) {
  let px = x0;
  let py = y0;
  for (let i = 0; i < wp.length; i += 2) {
    if (!segmentClear(g.spec, g.code, allowFree, px, py, wp[i]!, wp[i + 1]!)) return false;
    px = wp[i]!;
    py = wp[i + 1]!;
  }
  return true;
}

describe('cellAllowed and segmentClear', () => {
  const g = grid(40, 30);
  // A land bridge: column 20, rows 0..29 (full height).
  block(g, 20, 0, 20, 29);

  it('checks the cell under a point', () => {
    expect(cellAllowed(g.spec, g.code, allowFree, 5.5, 5.5)).toBe(true);
    expect(cellAllowed(g.spec, g.code, allowFree, 20.5, 5.5)).toBe(false);
    expect(cellAllowed(g.spec, g.code, allowFree, -1, 5.5)).toBe(false);
    expect(cellAllowed(g.spec, g.code, allowFree, 5, 30)).toBe(false);
  });

  it('is false across a land bridge and true in open water', () => {
    expect(segmentClear(g.spec, g.code, allowFree, 5, 5, 35, 25)).toBe(false);
    expect(segmentClear(g.spec, g.code, allowFree, 19.9, 5, 21.1, 5)).toBe(false);
    expect(segmentClear(g.spec, g.code, allowFree, 1, 1, 19.9, 29.5)).toBe(true);
    expect(segmentClear(g.spec, g.code, allowFree, 21.1, 29, 39.9, 0.2)).toBe(true);
    expect(segmentClear(g.spec, g.code, allowFree, 5, 5, 5, 5)).toBe(true);
    // Leaving the grid is never clear.
    expect(segmentClear(g.spec, g.code, allowFree, 5, 5, -3, 5)).toBe(false);
  });

  it('catches a single blocked cell clipped by a shallow segment', () => {
    const h = grid(20, 20);
    block(h, 10, 5, 10, 5);
    // y = 4.9 + 0.02 (x - 0.5): at x in [10, 11) y is ~5.09…5.11 → row 5.
    expect(segmentClear(h.spec, h.code, allowFree, 0.5, 4.9, 19.5, 5.28)).toBe(false);
    expect(segmentClear(h.spec, h.code, allowFree, 0.5, 4.5, 19.5, 4.9)).toBe(true);
  });

  it('lets a diagonal pass a single corner but not squeeze between two blocked cells', () => {
    const h = grid(4, 4);
    block(h, 1, 0, 1, 0); // cell (1,0)
    expect(segmentClear(h.spec, h.code, allowFree, 0.5, 0.5, 1.5, 1.5)).toBe(true);
    block(h, 0, 1, 0, 1); // and cell (0,1): the corner is closed
    expect(segmentClear(h.spec, h.code, allowFree, 0.5, 0.5, 1.5, 1.5)).toBe(false);
  });

  describe('on real geography (50m, Gulf of Guinea)', () => {
    let m: GeoMasks;
    const ship = new Uint8Array(256).fill(1);
    ship[254] = 0;
    beforeAll(() => {
      m = buildMasks(loadAtlas('countries-50m'), {
        bbox: [-10, 2, 12, 12],
        cellKm: 5,
        territorialSeaNm: 12,
        countryIsos: [],
        zones: [],
      });
    });
    it('is true across open sea and false across the coast', () => {
      const x = (lon: number) => toX(m.proj, lon);
      const y = (lat: number) => toY(m.proj, lat);
      expect(segmentClear(m.spec, m.seaCode, ship, x(-5), y(3), x(5), y(3))).toBe(true);
      expect(segmentClear(m.spec, m.seaCode, ship, x(-5), y(3), x(-5), y(8))).toBe(false);
      // Across the Bight of Benin's land (Lagos → Accra is coastal; cut inland).
      expect(segmentClear(m.spec, m.seaCode, ship, x(-1), y(5), x(6), y(5.9))).toBe(false);
    });
  });
});

describe('PathFinder', () => {
  // 100 × 100 km; a wall in column 50 from y = 0 to y = 70 (cells rows 0..69).
  const g = grid(100, 100);
  block(g, 50, 0, 50, 69);
  const pf = new PathFinder(g.spec);

  it('routes around an obstacle within 10% of the true shortest path', () => {
    const wp = pf.find(g.code, allowFree, 20, 30, 80, 30);
    expect(wp).not.toBeNull();
    const path = wp!;
    // True shortest: start → wall corner (50, 70) → (51, 70) → goal.
    const shortest = Math.hypot(30, 40) + 1 + Math.hypot(29, 40);
    const len = pathLength(20, 30, path);
    expect(len).toBeGreaterThanOrEqual(shortest - 1e-9);
    expect(len).toBeLessThan(shortest * 1.1);
    // String-pulled: a handful of legs, not ~100 cell steps.
    expect(path.length / 2).toBeLessThanOrEqual(6);
    expect(path.slice(-2)).toEqual([80, 30]);
    expect(legsClear(g, 20, 30, path)).toBe(true);
    // It must go over the top of the wall.
    let maxY = 0;
    for (let i = 1; i < path.length; i += 2) maxY = Math.max(maxY, path[i]!);
    expect(maxY).toBeGreaterThanOrEqual(70);
  });

  it('returns a single leg when the way is clear', () => {
    expect(pf.find(g.code, allowFree, 10.2, 10.7, 40.4, 90.1)).toEqual([40.4, 90.1]);
    expect(pf.find(g.code, allowFree, 10.2, 10.7, 10.4, 10.1)).toEqual([10.4, 10.1]);
  });

  it('is identical across calls (and across finder instances)', () => {
    const a = pf.find(g.code, allowFree, 5.3, 60.2, 95.1, 2.2);
    pf.find(g.code, allowFree, 80, 80, 3, 3);
    const b = pf.find(g.code, allowFree, 5.3, 60.2, 95.1, 2.2);
    const c = new PathFinder(g.spec).find(g.code, allowFree, 5.3, 60.2, 95.1, 2.2);
    expect(a).not.toBeNull();
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('returns null for a walled-off goal, a blocked goal, or too few expansions', () => {
    const h = grid(100, 100);
    block(h, 60, 60, 70, 60);
    block(h, 60, 70, 70, 70);
    block(h, 60, 60, 60, 70);
    block(h, 70, 60, 70, 70);
    const f = new PathFinder(h.spec);
    expect(f.find(h.code, allowFree, 10, 10, 65, 65)).toBeNull();
    expect(f.find(h.code, allowFree, 10, 10, 60.5, 65)).toBeNull(); // goal on the wall
    expect(f.find(h.code, allowFree, 10, 10, 90, 90, 20)).toBeNull();
    expect(f.find(h.code, allowFree, 10, 10, 90, 90)).not.toBeNull();
    // A diagonal gap between two blocked cells is closed.
    const d = grid(10, 10);
    for (let i = 0; i < 10; i++) block(d, i, 9 - i, i, 9 - i); // anti-diagonal line
    expect(new PathFinder(d.spec).find(d.code, allowFree, 1, 1, 9, 9)).toBeNull();
  });

  it('lets a unit leave a disallowed start cell', () => {
    const wp = pf.find(g.code, allowFree, 50.5, 30.5, 70, 30);
    expect(wp).not.toBeNull();
    expect(wp!.slice(0, 2)).toEqual([51.5, 30.5]);
    expect(wp!.slice(-2)).toEqual([70, 30]);
  });

  it('routes a ship around Singapore island (10m) without touching land', () => {
    const m = buildMasks(loadAtlas('countries-10m'), {
      bbox: [103.3, 0.9, 104.6, 1.6],
      cellKm: 1,
      territorialSeaNm: 12,
      countryIsos: ['360', '458', '702'],
      zones: [],
    });
    const ship = new Uint8Array(256).fill(1);
    ship[254] = 0;
    const x0 = toX(m.proj, 103.45);
    const y0 = toY(m.proj, 1.2);
    // The eastern Johor Strait, behind Singapore island.
    const x1 = toX(m.proj, 104.0);
    const y1 = toY(m.proj, 1.42);
    const wp = new PathFinder(m.spec).find(m.seaCode, ship, x0, y0, x1, y1);
    expect(wp).not.toBeNull();
    let px = x0;
    let py = y0;
    let len = 0;
    for (let i = 0; i < wp!.length; i += 2) {
      expect(segmentClear(m.spec, m.seaCode, ship, px, py, wp![i]!, wp![i + 1]!)).toBe(true);
      len += Math.hypot(wp![i]! - px, wp![i + 1]! - py);
      px = wp![i]!;
      py = wp![i + 1]!;
    }
    const straight = Math.hypot(x1 - x0, y1 - y0);
    expect(straight).toBeGreaterThan(60);
    expect(len).toBeLessThan(straight * 1.35);
    // The straight line itself crosses Singapore island.
    expect(segmentClear(m.spec, m.seaCode, ship, x0, y0, x1, y1)).toBe(false);
  });
});

describe('regions of allowed cells (labelAllowed) and PathFinder memory', () => {
  // A small LCG: the test's own grids, not the engine's streams.
  const lcg = (seed: number) => () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };

  it('agrees with the search: same region exactly when an uncapped search finds a path', () => {
    for (let t = 0; t < 20; t++) {
      const r = lcg(t + 1);
      const g = grid(24, 18);
      for (let i = 0; i < g.code.length; i++) g.code[i] = r() < 0.42 ? WALL : FREE;
      const labels = labelAllowed(24, 18, g.code, allowFree);
      const pf = new PathFinder(g.spec);
      for (let k = 0; k < 60; k++) {
        const a = Math.floor(r() * g.code.length);
        const b = Math.floor(r() * g.code.length);
        if (a === b || g.code[a] !== FREE || g.code[b] !== FREE) continue;
        const p = pf.find(
          g.code,
          allowFree,
          (a % 24) + 0.5,
          Math.floor(a / 24) + 0.5,
          (b % 24) + 0.5,
          Math.floor(b / 24) + 0.5,
        );
        expect(p !== null).toBe(labels[a] === labels[b]);
      }
    }
  });

  it('gives the same answers, in the same order of queries, with or without regions known', () => {
    for (let t = 0; t < 10; t++) {
      const r = lcg(100 + t);
      const g = grid(30, 20);
      for (let i = 0; i < g.code.length; i++) g.code[i] = r() < 0.4 ? WALL : FREE;
      const queries: number[][] = [];
      for (let k = 0; k < 80; k++)
        queries.push([r() * 30, r() * 20, r() * 30, r() * 20, r() < 0.3 ? 25 : 600]);
      // Fresh finders per query know nothing; one finder across them learns regions and,
      // through a copy of the table with the same content, shares what it learnt.
      const shared = new PathFinder(g.spec);
      for (const [i, [x0, y0, x1, y1, cap]] of queries.entries()) {
        const table = i % 2 ? allowFree : Uint8Array.from(allowFree);
        const want = new PathFinder(g.spec).find(g.code, allowFree, x0!, y0!, x1!, y1!, cap);
        expect(shared.find(g.code, table, x0!, y0!, x1!, y1!, cap)).toEqual(want);
      }
    }
  });
});
