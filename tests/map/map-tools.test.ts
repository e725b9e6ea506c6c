// The map tools' pure parts: the scale bar's round length at a few zooms and latitudes (Web
// Mercator stretches ground distance with latitude, so the bar follows the view's centre), the
// great-circle points a measured leg is drawn through, and what the measuring tool reports.
import { area, distance, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Camera } from '../../src/map/camera';
import { centralAngle, greatCirclePoints } from '../../src/map/great-circle';
import { measurePath } from '../../src/map/measure';
import { EARTH_RADIUS_KM, makeMapProjection, projY } from '../../src/map/projection';
import { groundKmPerPx, KM_PER_NM, roundLength, scaleBar } from '../../src/map/scale-bar';
import type { LonLat } from '../../src/sim/describe';

/** turf's mean Earth radius over the projection's equatorial one: ground km per Mercator km at 0°. */
const TURF_R = 6371.0088;
const EQ = TURF_R / EARTH_RADIUS_KM;
const DEG = Math.PI / 180;

const NIAMEY: LonLat = [2.1098, 13.5116];
const BAMAKO: LonLat = [-8.0029, 12.6392];

describe('roundLength', () => {
  it('is the longest 1, 2 or 5 × 10^n not above the room', () => {
    expect(roundLength(1)).toBe(1);
    expect(roundLength(1.99)).toBe(1);
    expect(roundLength(2)).toBe(2);
    expect(roundLength(4.99)).toBe(2);
    expect(roundLength(5)).toBe(5);
    expect(roundLength(9.99)).toBe(5);
    expect(roundLength(1000)).toBe(1000); // log10 rounding at a power of ten
    expect(roundLength(999.999)).toBe(500);
    expect(roundLength(0.7)).toBeCloseTo(0.5, 12);
    expect(roundLength(0.0001)).toBeCloseTo(0.0001, 12);
    expect(roundLength(0)).toBe(0);
    expect(roundLength(Number.NaN)).toBe(0);
  });
});

describe('scale bar', () => {
  it('turns a ground scale into a round length and its width in px', () => {
    expect(scaleBar(1, 150)).toEqual({ length: 100, px: 100 });
    expect(scaleBar(3, 150)).toEqual({ length: 200, px: 200 / 3 });
    // In nautical miles: 1.852 km per px is 1 NM per px.
    const nm = scaleBar(KM_PER_NM, 150, KM_PER_NM)!;
    expect(nm.length).toBe(100);
    expect(nm.px).toBeCloseTo(100, 9);
    expect(scaleBar(0, 150)).toBeNull();
    expect(scaleBar(Number.POSITIVE_INFINITY, 150)).toBeNull();
  });

  /** A camera of zoom k putting the projection's central meridian and latitude `lat` at (400, 300). */
  const centredOn = (p: ReturnType<typeof makeMapProjection>, lat: number, k: number): Camera => ({
    k,
    tx: 400,
    ty: 300 - projY(p, lat) * k,
  });

  it('follows the latitude of the view centre and the zoom', () => {
    const p = makeMapProjection([-13, 9, 17, 24]); // sahel-ct
    const cases: Array<{ lat: number; k: number; km: number }> = [
      // Ground km per px: cos(lat) / k (on turf's sphere); the bar is the round length in 150 px.
      { lat: 0, k: 1, km: 100 }, // 0.9989 km/px → 149.8 km of room
      { lat: 13.5116, k: 0.3, km: 200 }, // 3.238 km/px → 485.7 km
      { lat: 13.5116, k: 3, km: 20 }, // 0.3238 km/px → 48.6 km
      { lat: 60, k: 1, km: 50 }, // 0.4994 km/px → 74.9 km: the same zoom, half the ground
      { lat: 60, k: 0.01, km: 5000 }, // 49.94 km/px → 7491 km
      { lat: 80, k: 40, km: 0.5 }, // 0.00434 km/px → 0.65 km
    ];
    for (const c of cases) {
      const kmPerPx = groundKmPerPx(p, centredOn(p, c.lat, c.k), 400, 300);
      expect(kmPerPx / ((EQ * Math.cos(c.lat * DEG)) / c.k)).toBeCloseTo(1, 4);
      const bar = scaleBar(kmPerPx, 150)!;
      expect(bar.length).toBeCloseTo(c.km, 9);
      expect(bar.px).toBeCloseTo(c.km / kmPerPx, 6);
      expect(bar.px).toBeLessThanOrEqual(150);
      expect(bar.px).toBeGreaterThan(150 / 2.5 - 1e-9);
    }
  });

  it('panning north at one zoom shortens the ground under a pixel', () => {
    const p = makeMapProjection([-13, 9, 17, 24]);
    const south = groundKmPerPx(p, centredOn(p, 10, 0.5), 400, 300);
    const north = groundKmPerPx(p, centredOn(p, 30, 0.5), 400, 300);
    expect(north / south).toBeCloseTo(Math.cos(30 * DEG) / Math.cos(10 * DEG), 4);
  });
});

describe('great-circle points', () => {
  it('runs from a to b along the great circle', () => {
    const pts = greatCirclePoints(NIAMEY, BAMAKO, 16);
    expect(pts).toHaveLength(17);
    expect(pts[0]).toEqual(NIAMEY);
    expect(pts.at(-1)![0]).toBeCloseTo(BAMAKO[0], 12);
    expect(pts.at(-1)![1]).toBeCloseTo(BAMAKO[1], 12);
    const whole = distance(NIAMEY, BAMAKO);
    let sum = 0;
    for (let i = 1; i < pts.length; i++) sum += distance(pts[i - 1]!, pts[i]!);
    expect(sum / whole).toBeCloseTo(1, 9); // no detour: every point is on the circle
    expect(centralAngle(NIAMEY, BAMAKO) * TURF_R).toBeCloseTo(whole, 6);
    // On the Mercator map a long east–west leg bows towards the pole.
    const mid = greatCirclePoints([-60, 40], [0, 40], 2)[1]!;
    expect(mid[1]).toBeGreaterThan(40);
  });

  it('keeps longitudes continuous over ±180°', () => {
    const pts = greatCirclePoints([170, -10], [-170, -12], 8);
    for (let i = 1; i < pts.length; i++)
      expect(Math.abs(pts[i]![0] - pts[i - 1]![0])).toBeLessThan(5);
    expect(pts.at(-1)![0]).toBeCloseTo(190, 9);
  });
});

describe('measurePath', () => {
  it('gives each leg and the total as turf measures them', () => {
    const r = measurePath([NIAMEY, BAMAKO], false);
    expect(r.legsKm).toHaveLength(1);
    expect(r.totalKm).toBeCloseTo(distance(NIAMEY, BAMAKO, { units: 'kilometers' }), 9);
    expect(r.totalKm).toBeCloseTo(1099.5, 0);
    expect(r.areaKm2).toBeNull();
    expect(measurePath([NIAMEY], false)).toEqual({ legsKm: [], totalKm: 0, areaKm2: null });
  });

  it('closes a path of three points: a leg back to the first, and the area inside', () => {
    const third: LonLat = [-3, 17];
    const r = measurePath([NIAMEY, BAMAKO, third], true);
    expect(r.legsKm).toHaveLength(3);
    expect(r.legsKm[2]).toBeCloseTo(distance(third, NIAMEY), 9);
    expect(r.areaKm2! * 1e6).toBeCloseTo(area(polygon([[NIAMEY, BAMAKO, third, NIAMEY]])), 3);
    // A 1° × 1° square at the equator: about 111.2 km a side on turf's sphere.
    const sq = measurePath(
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
      true,
    );
    expect(sq.areaKm2! / ((TURF_R * Math.PI) / 180) ** 2).toBeCloseTo(1, 3);
    // Two points cannot enclose anything.
    expect(measurePath([NIAMEY, BAMAKO], true).areaKm2).toBeNull();
  });
});
