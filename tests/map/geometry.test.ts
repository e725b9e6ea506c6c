import { describe, expect, it } from 'vitest';
import { makeEventRefs } from '../../src/map/event-refs';
import {
  buildBasemap,
  clipRing,
  countryLabelPoint,
  interiorPoint,
  ringArea,
  unwrapRing,
} from '../../src/map/geometry';
import { makeMapProjection, projectBBox, projX, projY } from '../../src/map/projection';
import type { WorldDescription } from '../../src/sim/describe';
import { makeProjection, toX, toY } from '../../src/sim/geo/projection';
import { loadAtlas } from '../geo/atlas';

describe('basemap geometry', () => {
  it('unwraps rings that cross the antimeridian', () => {
    const r = unwrapRing([
      [179, 0],
      [-179, 1],
      [-178, 2],
      [179, 3],
    ]);
    expect(r.map((p) => p[0])).toEqual([179, 181, 182, 179]);
  });

  it('clips a square to a rectangle and measures it', () => {
    const sq = [0, 0, 10, 0, 10, 10, 0, 10];
    expect(ringArea(sq)).toBe(100);
    const c = clipRing(sq, [5, -5, 20, 5]);
    expect(ringArea(c)).toBeCloseTo(25, 9);
    expect(clipRing(sq, [20, 20, 30, 30])).toEqual([]);
  });

  it('finds an interior point in a concave ring', () => {
    // A "U": the centroid (5, 4) lies in the notch, outside the shape.
    const u = [0, 0, 10, 0, 10, 10, 7, 10, 7, 3, 3, 3, 3, 10, 0, 10];
    const [x, y] = interiorPoint(u);
    const inLeft = x > 0 && x < 3;
    const inRight = x > 7 && x < 10;
    const inBottom = y > 0 && y < 3 && x > 0 && x < 10;
    expect(inLeft || inRight || inBottom).toBe(true);
  });

  it('builds Sahel countries and borders from the 50m atlas; Mali is labelled inside Mali', () => {
    const bbox: [number, number, number, number] = [-12, 10, 16, 22];
    const p = makeMapProjection(bbox);
    const rect = projectBBox(p, bbox);
    const base = buildBasemap(loadAtlas('countries-50m'), p, rect, 1);
    const names = base.countries.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Mali', 'Niger', 'Burkina Faso']));
    expect(base.borders.length).toBeGreaterThan(5);
    const mali = base.countries.find((c) => c.name === 'Mali')!;
    const at = countryLabelPoint(mali, rect)!;
    // Inside Mali's rough box (lon −12..4, lat 10..25), in world units.
    expect(at.x).toBeGreaterThan(projX(p, -12));
    expect(at.x).toBeLessThan(projX(p, 4));
    expect(at.y).toBeGreaterThan(projY(p, 25));
    expect(at.y).toBeLessThan(projY(p, 10));
  });

  it('keeps Pacific island states next to the central meridian (Fiji crosses 180°)', () => {
    const bbox: [number, number, number, number] = [170, -25, 190, -10];
    const p = makeMapProjection(bbox);
    const base = buildBasemap(loadAtlas('countries-50m'), p, projectBBox(p, bbox), 1);
    const fiji = base.countries.find((c) => c.name === 'Fiji');
    expect(fiji).toBeDefined();
    for (const part of fiji!.parts) {
      for (let i = 0; i < part.length; i += 2) expect(Math.abs(part[i]!)).toBeLessThan(2000);
    }
  });
});

describe('event references', () => {
  it('resolves ids and raw indices, and engine km back to lon/lat', () => {
    const d = {
      bbox: [-10, 10, 10, 20],
      actors: [{ id: 'mali' }, { id: 'niger' }],
      units: [{ id: 'u1' }],
      bases: [{ id: 'b1' }, { id: 'b2' }],
      agreements: [{ id: 'ag' }],
    } as unknown as WorldDescription;
    const refs = makeEventRefs(d);
    expect(refs.actor('niger')).toBe(1);
    expect(refs.actor(0)).toBe(0);
    expect(refs.base('b2')).toBe(1);
    expect(refs.unit('nope')).toBe(-1);
    expect(refs.agreement(undefined)).toBe(-1);
    const proj = makeProjection([-10, 10, 10, 20]);
    const ll = refs.lonLat(toX(proj, 2.5), toY(proj, 14))!;
    expect(ll[0]).toBeCloseTo(2.5, 9);
    expect(ll[1]).toBeCloseTo(14, 9);
    expect(refs.lonLat('x', 1)).toBeNull();
  });
});
