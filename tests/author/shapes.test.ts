// Author mode's geometry against closed forms: a drawn circle's area and radius, a lat/lon
// rectangle's spherical area, a route's great-circle length; rings closed and kept to 1e-5°;
// a point inside a zone (not in its hole); simplified outlines still closed; snapping by pixels.
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  circleRing,
  lineLengthKm,
  pointInZone,
  rectangleRing,
  ringAreaKm2,
  round5,
  simplifyRing,
  snapTo,
} from '../../src/author/shapes';
import type { LonLat } from '../../src/sim/describe';

/** turf's mean Earth radius (helpers' earthRadius), km. */
const R = 6371.0088;
const RAD = Math.PI / 180;
const NIAMEY: LonLat = [2.1254, 13.5116];
const BAMAKO: LonLat = [-8.0029, 12.6392];

/** Great-circle distance by the haversine formula, km. */
function haversineKm(a: LonLat, b: LonLat): number {
  const [p1, p2] = [a[1] * RAD, b[1] * RAD];
  const h =
    Math.sin((p2 - p1) / 2) ** 2 +
    Math.cos(p1) * Math.cos(p2) * Math.sin(((b[0] - a[0]) * RAD) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** Area on the sphere between two meridians and two parallels: R²·Δλ·(sin φn − sin φs). */
const latLonBoxKm2 = (w: number, s: number, e: number, n: number) =>
  R * R * (e - w) * RAD * (Math.sin(n * RAD) - Math.sin(s * RAD));

const relErr = (got: number, want: number) => Math.abs(got - want) / want;

/** Whether v is a multiple of 1e-5 (up to floating-point noise). */
const onGrid = (v: number) => Math.abs(v * 1e5 - Math.round(v * 1e5)) < 1e-6;

/** Equirectangular screen at 100 px per degree, north up. */
const toScreen = (p: LonLat) => ({ x: p[0] * 100, y: -p[1] * 100 });

describe('circleRing', () => {
  it.each([
    ['Niamey', NIAMEY],
    ['the equator', [0, 0] as LonLat],
    ['60°N', [10, 60] as LonLat],
    ['40°S', [-60, -40] as LonLat],
  ])('a 50 km circle at %s: area within 1 % of π·50², every vertex 50 km ± 0.1 % out', (_, c) => {
    const ring = circleRing(c, 50);
    expect(ring.length).toBeGreaterThanOrEqual(17);
    expect(ring.at(-1)).toEqual(ring[0]);
    for (const p of ring.slice(0, -1)) {
      expect(relErr(distance(c, p, { units: 'kilometers' }), 50)).toBeLessThan(0.001);
    }
    expect(relErr(ringAreaKm2([ring]), Math.PI * 50 * 50)).toBeLessThan(0.01);
  });

  it('keeps its coordinates to 1e-5° and its vertices distinct', () => {
    const ring = circleRing([2.123456789, 13.987654321], 12.3);
    for (const p of ring) expect(onGrid(p[0]) && onGrid(p[1])).toBe(true);
    const inner = ring.slice(0, -1).map((p) => p.join(','));
    expect(new Set(inner).size).toBe(inner.length);
  });

  it('grows with its radius: area ∝ r² (a 100 km circle has 4 × the area of 50 km, ± 1 %)', () => {
    const a50 = ringAreaKm2([circleRing(NIAMEY, 50)]);
    const a100 = ringAreaKm2([circleRing(NIAMEY, 100)]);
    expect(relErr(a100 / a50, 4)).toBeLessThan(0.01);
  });
});

describe('rectangleRing', () => {
  it('a 1°×1° square at the equator: area within 0.5 % of R²·Δλ·sin 1° (≈ 12,364 km²)', () => {
    const ring = rectangleRing([0, 0], [1, 1]);
    const want = latLonBoxKm2(0, 0, 1, 1);
    expect(want).toBeCloseTo(12364, -1);
    expect(relErr(ringAreaKm2([ring]), want)).toBeLessThan(0.005);
    // And about (111.32 km)²: the flat figure is within 0.5 % too at the equator.
    expect(relErr(ringAreaKm2([ring]), 111.32 ** 2)).toBeLessThan(0.005);
  });

  it('a 1°×1° square at 60°N has the spherical area (about half the equator’s), ± 0.5 %', () => {
    const area = ringAreaKm2([rectangleRing([10, 60], [11, 61])]);
    expect(relErr(area, latLonBoxKm2(10, 60, 11, 61))).toBeLessThan(0.005);
    expect(area / ringAreaKm2([rectangleRing([0, 0], [1, 1])])).toBeCloseTo(0.4924, 2);
  });

  it('is the same closed west–south first ring whichever corners are clicked, rounded to 1e-5', () => {
    const a: LonLat = [3.123456789, 14.000004];
    const b: LonLat = [1.9999951, 12.5];
    const ring = rectangleRing(a, b);
    expect(ring).toEqual([
      [2, 12.5],
      [3.12346, 12.5],
      [3.12346, 14],
      [2, 14],
      [2, 12.5],
    ]);
    expect(rectangleRing(b, a)).toEqual(ring);
    expect(rectangleRing([a[0], b[1]], [b[0], a[1]])).toEqual(ring);
    expect(ring.at(-1)).toEqual(ring[0]);
  });
});

describe('ringAreaKm2', () => {
  it('subtracts a hole, and reads a ring of fewer than four points as 0', () => {
    const outer = rectangleRing([0, 0], [2, 2]);
    const hole = rectangleRing([0.5, 0.5], [1.5, 1.5]);
    const want = latLonBoxKm2(0, 0, 2, 2) - latLonBoxKm2(0.5, 0.5, 1.5, 1.5);
    expect(relErr(ringAreaKm2([outer, hole]), want)).toBeLessThan(0.001);
    expect(ringAreaKm2([])).toBe(0);
    expect(
      ringAreaKm2([
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
      ]),
    ).toBe(0);
  });
});

describe('lineLengthKm', () => {
  it('Niamey → Bamako agrees with the haversine great circle (R = 6371.0088 km) within 0.1 %', () => {
    const want = haversineKm(NIAMEY, BAMAKO);
    expect(want).toBeGreaterThan(1090);
    expect(want).toBeLessThan(1110);
    expect(relErr(lineLengthKm([NIAMEY, BAMAKO]), want)).toBeLessThan(0.001);
  });

  it('is the sum of its legs, the same either way, and 0 for fewer than two points', () => {
    const mid: LonLat = [-2, 14.5];
    const whole = lineLengthKm([NIAMEY, mid, BAMAKO]);
    expect(whole).toBeCloseTo(haversineKm(NIAMEY, mid) + haversineKm(mid, BAMAKO), 0);
    expect(whole).toBeGreaterThan(lineLengthKm([NIAMEY, BAMAKO]));
    expect(lineLengthKm([BAMAKO, mid, NIAMEY])).toBeCloseTo(whole, 6);
    expect(lineLengthKm([NIAMEY])).toBe(0);
    expect(lineLengthKm([])).toBe(0);
  });
});

describe('pointInZone', () => {
  const ring = circleRing(NIAMEY, 50);

  it('is inside at the centre and 49 km out, outside 51 km out', () => {
    expect(pointInZone(NIAMEY, [ring])).toBe(true);
    // 1° of latitude is 111.19 km on turf's sphere.
    const north = (km: number): LonLat => [NIAMEY[0], NIAMEY[1] + km / ((R * Math.PI) / 180)];
    expect(pointInZone(north(49), [ring])).toBe(true);
    expect(pointInZone(north(51), [ring])).toBe(false);
  });

  it('excludes a hole, and is false for a zone it cannot read', () => {
    const outer = rectangleRing([0, 0], [2, 2]);
    const hole = rectangleRing([0.5, 0.5], [1.5, 1.5]);
    expect(pointInZone([1, 1], [outer, hole])).toBe(false);
    expect(pointInZone([0.25, 1], [outer, hole])).toBe(true);
    expect(pointInZone([1, 1], [])).toBe(false);
    expect(
      pointInZone(
        [0.1, 0.1],
        [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      ),
    ).toBe(false);
  });
});

describe('simplifyRing', () => {
  /** A 1,000-point wavy outline around (5, 15), about 100 km across. */
  const wavy: LonLat[] = Array.from({ length: 1000 }, (_, i) => {
    const t = (2 * Math.PI * i) / 1000;
    const r = 0.5 + 0.01 * Math.sin(40 * t);
    return [5 + r * Math.cos(t), 15 + r * Math.sin(t)];
  });
  wavy.push(wavy[0]!);

  it('drops most points of a dense outline, keeps it closed and its area within 2 %', () => {
    const out = simplifyRing(wavy, 0.005);
    expect(out.length).toBeLessThan(wavy.length / 2);
    expect(out.length).toBeGreaterThanOrEqual(4);
    expect(out.at(-1)).toEqual(out[0]);
    for (const p of out) expect(onGrid(p[0]) && onGrid(p[1])).toBe(true);
    expect(relErr(ringAreaKm2([out]), ringAreaKm2([wavy]))).toBeLessThan(0.02);
  });

  it('keeps a ring of four points or more even for a tolerance larger than the shape', () => {
    const out = simplifyRing(wavy, 10);
    expect(out.length).toBeGreaterThanOrEqual(4);
    expect(out.at(-1)).toEqual(out[0]);
  });

  it('leaves a ring of five points or fewer as it is, rounded', () => {
    const ring: LonLat[] = [
      [0.123456789, 0],
      [1, 0],
      [1, 1],
      [0.123456789, 0],
    ];
    expect(simplifyRing(ring, 1)).toEqual([
      [0.12346, 0],
      [1, 0],
      [1, 1],
      [0.12346, 0],
    ]);
  });
});

describe('snapTo', () => {
  const targets = [
    { at: [2, 13] as LonLat, label: 'Town A' },
    { at: [2.1, 13] as LonLat, label: 'Town B' },
  ];

  it('takes the nearest target within the tolerance, none beyond it', () => {
    // 2.03° is 3 px from A, 7 px from B.
    expect(snapTo({ x: 203, y: -1300 }, targets, toScreen, 12)?.label).toBe('Town A');
    expect(snapTo({ x: 207, y: -1300 }, targets, toScreen, 12)?.label).toBe('Town B');
    // 12 px exactly is still in; 12.5 px is out.
    expect(snapTo({ x: 200, y: -1288 }, targets, toScreen, 12)?.label).toBe('Town A');
    expect(snapTo({ x: 200, y: -1287.5 }, targets, toScreen, 12)).toBeNull();
    expect(snapTo({ x: 0, y: 0 }, [], toScreen)).toBeNull();
  });
});

describe('round5', () => {
  it('rounds to 1e-5 (about a metre)', () => {
    expect(round5(2.123456789)).toBe(2.12346);
    expect(round5(-8.002949)).toBe(-8.00295);
    expect(round5(13.5116)).toBe(13.5116);
  });
});

describe('corridorRing', () => {
  it('is a closed ring whose area is about 2·w·length (a straight road, ends rounded)', async () => {
    const { corridorRing, lineLengthKm, ringAreaKm2, pointInZone } = await import(
      '../../src/author/shapes'
    );
    const road: Array<[number, number]> = [
      [2.1254, 13.5116],
      [4.0, 13.6],
    ];
    const ring = corridorRing(road, 10);
    expect(ring[0]).toEqual(ring.at(-1));
    const len = lineLengthKm(road);
    // A stadium: 2·w·L plus a disc of radius w (turf's 4-step arcs fall a little short of it).
    const closed = 2 * 10 * len + Math.PI * 100;
    expect(Math.abs(ringAreaKm2([ring]) - closed) / closed).toBeLessThan(0.02);
    expect(pointInZone([3, 13.55], [ring])).toBe(true);
    expect(pointInZone([3, 14.0], [ring])).toBe(false);
  });
});
