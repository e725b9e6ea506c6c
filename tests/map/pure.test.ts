import { describe, expect, it } from 'vitest';
import {
  centreOn,
  fitCamera,
  panBy,
  toScreenX,
  toScreenY,
  toWorldX,
  toWorldY,
  zoomAbout,
} from '../../src/map/camera';
import { mix, PALETTE, parseColor, stockColor } from '../../src/map/colors';
import { arcPoint, arcWidth, makeArc, VolumeCounter } from '../../src/map/flow';
import { bestHit, type Hit, nearestWithin } from '../../src/map/hit-test';
import { placeLabels } from '../../src/map/label-placement';
import { Motion } from '../../src/map/motion';
import {
  kmToUnits,
  makeMapProjection,
  projectBBox,
  projX,
  projY,
  unprojLat,
  unprojLon,
} from '../../src/map/projection';
import { formatAge, trackAlpha, trackRadiusKm } from '../../src/map/threat-style';

const SAHEL: [number, number, number, number] = [-17, 10, 24, 24];

describe('projection', () => {
  const p = makeMapProjection(SAHEL);

  it('round-trips lon/lat through world units', () => {
    for (const [lon, lat] of [
      [-17, 10],
      [2.1, 13.5],
      [24, 24],
      [103.8, 1.3],
      [-89.2, 13.7],
      [0, -60],
    ] as const) {
      expect(unprojLon(p, projX(p, lon))).toBeCloseTo(lon, 9);
      expect(unprojLat(p, projY(p, lat))).toBeCloseTo(lat, 9);
    }
  });

  it('centres the bbox on the origin, y down', () => {
    const [x0, y0, x1, y1] = projectBBox(p, SAHEL);
    expect(x0 + x1).toBeCloseTo(0, 6);
    expect(y0 + y1).toBeCloseTo(0, 6);
    expect(projY(p, 24)).toBeLessThan(projY(p, 10));
  });

  it('one degree of longitude at the equator is ~111 km of world units', () => {
    expect(projX(p, 1) - projX(p, 0)).toBeCloseTo(111.32, 1);
  });

  it('stretches ground km by 1/cos(lat) like Mercator itself', () => {
    expect(kmToUnits(10, 0)).toBeCloseTo(10, 9);
    expect(kmToUnits(10, 60)).toBeCloseTo(20, 6);
    // Consistent with the projection: 1° of latitude near 60° N.
    const dy = projY(p, 59.5) - projY(p, 60.5);
    expect(dy).toBeCloseTo(kmToUnits(111.2, 60), -0.5);
  });
});

describe('camera', () => {
  it('fit contains the bbox within the viewport, centred, with padding', () => {
    const p = makeMapProjection(SAHEL);
    const rect = projectBBox(p, SAHEL);
    for (const [w, h] of [
      [1400, 900],
      [800, 1200],
      [300, 200],
    ] as const) {
      const cam = fitCamera(rect, w, h, 24);
      const sx0 = toScreenX(cam, rect[0]);
      const sy0 = toScreenY(cam, rect[1]);
      const sx1 = toScreenX(cam, rect[2]);
      const sy1 = toScreenY(cam, rect[3]);
      expect(sx0).toBeGreaterThanOrEqual(24 - 1e-6);
      expect(sy0).toBeGreaterThanOrEqual(24 - 1e-6);
      expect(sx1).toBeLessThanOrEqual(w - 24 + 1e-6);
      expect(sy1).toBeLessThanOrEqual(h - 24 + 1e-6);
      // Tight on one axis, centred on both.
      expect(Math.min(sx0, sy0)).toBeCloseTo(24, 6);
      expect((sx0 + sx1) / 2).toBeCloseTo(w / 2, 6);
      expect((sy0 + sy1) / 2).toBeCloseTo(h / 2, 6);
    }
  });

  it('zoom keeps the world point under the cursor', () => {
    const cam = { k: 0.5, tx: 100, ty: -40 };
    const wx = toWorldX(cam, 333);
    const wy = toWorldY(cam, 222);
    const z = zoomAbout(cam, 2.5, 333, 222);
    expect(z.k).toBeCloseTo(1.25, 9);
    expect(toScreenX(z, wx)).toBeCloseTo(333, 6);
    expect(toScreenY(z, wy)).toBeCloseTo(222, 6);
    const pan = panBy(z, 10, -5);
    expect(toScreenX(pan, wx)).toBeCloseTo(343, 6);
  });

  it('centreOn puts a world point at a screen point, zoom unchanged', () => {
    const cam = { k: 0.8, tx: 12, ty: -7 };
    const c = centreOn(cam, 250, -120, 640, 360);
    expect(c.k).toBe(0.8);
    expect(toScreenX(c, 250)).toBeCloseTo(640, 9);
    expect(toScreenY(c, -120)).toBeCloseTo(360, 9);
  });
});

describe('arcs and volume', () => {
  it('arc point runs from one end to the other through the bowed middle', () => {
    const a = makeArc(0, 0, 100, 0, 0.2);
    const out = { x: 0, y: 0 };
    expect(arcPoint(a, 0, out)).toEqual({ x: 0, y: 0 });
    expect(arcPoint(a, 1, out)).toEqual({ x: 100, y: 0 });
    const mid = arcPoint(a, 0.5, { x: 0, y: 0 });
    expect(mid.x).toBeCloseTo(50, 9);
    // Bowed to the left of travel (screen y down → negative y), half the control offset.
    expect(mid.y).toBeCloseTo(-10, 9);
    const q = arcPoint(a, 0.25, { x: 0, y: 0 });
    expect(q.x).toBeGreaterThan(0);
    expect(q.x).toBeLessThan(50);
  });

  it('counts events per channel over a sliding window', () => {
    const v = new VolumeCounter(3, 48);
    for (const t of [0, 10, 20, 30]) v.add(1, t);
    v.add(2, 25);
    expect(v.count(1, 30)).toBe(4);
    expect(v.count(0, 30)).toBe(0);
    expect(v.count(1, 50)).toBe(3); // tick 0 left the (2, 50] window
    expect(v.count(1, 75)).toBe(1); // only 30 remains in (27, 75]
    expect(v.count(2, 75)).toBe(0);
    expect(v.count(7, 75)).toBe(0); // unknown channel
  });

  it('forgets everything on clear (a rewind) and ignores events after now', () => {
    const v = new VolumeCounter(1, 48);
    v.add(0, 100);
    v.add(0, 101);
    expect(v.count(0, 100)).toBe(1);
    v.clear();
    v.add(0, 20);
    expect(v.count(0, 20)).toBe(1);
  });

  it('arc width grows with volume and is capped', () => {
    expect(arcWidth(0)).toBe(1.5);
    expect(arcWidth(4)).toBeGreaterThan(arcWidth(1));
    expect(arcWidth(10_000)).toBe(8);
  });
});

describe('track ageing', () => {
  it('fades from full to a quarter at 12 h and no further', () => {
    expect(trackAlpha(0)).toBe(1);
    expect(trackAlpha(6)).toBeCloseTo(0.625, 9);
    expect(trackAlpha(12)).toBeCloseTo(0.25, 9);
    expect(trackAlpha(48)).toBe(0.25);
    expect(trackAlpha(-1)).toBe(1);
  });

  it('uncertainty grows 2 km + 4 km/h', () => {
    expect(trackRadiusKm(0)).toBe(2);
    expect(trackRadiusKm(3.5)).toBe(16);
    expect(trackRadiusKm(1000)).toBe(200);
  });

  it('formats ages for hover cards', () => {
    expect(formatAge(0.5)).toBe('30 min');
    expect(formatAge(3.5)).toBe('3.5 h');
    expect(formatAge(52)).toBe('2 d 4 h');
  });
});

describe('hit testing', () => {
  const xs = Float32Array.from([0, 10, 20, Number.NaN, 10.5]);
  const ys = Float32Array.from([0, 0, 0, 0, 3]);

  it('picks the nearest item within the radius', () => {
    expect(nearestWithin(xs, ys, 5, 9, 0.5, 4).index).toBe(1);
    expect(nearestWithin(xs, ys, 5, 10.4, 2.4, 4).index).toBe(4);
    expect(nearestWithin(xs, ys, 5, 15, 0, 4).index).toBe(-1);
    expect(nearestWithin(xs, ys, 5, 15, 0, 4).d2).toBe(Number.POSITIVE_INFINITY);
  });

  it('ignores NaN positions and honours accept and n', () => {
    expect(nearestWithin(xs, ys, 5, 30, 0, 100).index).toBe(2);
    expect(nearestWithin(xs, ys, 2, 30, 0, 100).index).toBe(1);
    expect(nearestWithin(xs, ys, 5, 9, 0, 4, (i) => i !== 1).index).toBe(4);
  });

  it('prefers a unit over a place when both are about as near', () => {
    const h = (kind: 'unit' | 'place', d2: number, priority: number): Hit => ({
      selection: { kind, index: 0 },
      d2,
      priority,
      hover: () => ({ title: kind, lines: [] }),
    });
    expect(bestHit([h('place', 1, 3), h('unit', 4, 0)], 2)?.selection?.kind).toBe('unit');
    expect(bestHit([h('place', 1, 3), h('unit', 100, 0)], 2)?.selection?.kind).toBe('place');
    expect(bestHit([null, null], 2)).toBeNull();
  });
});

describe('labels, colours, motion', () => {
  it('hides a lower-priority label that overlaps a shown one', () => {
    const shown = placeLabels([
      [0, 0, 50, 10],
      [40, 5, 90, 15],
      [100, 0, 150, 10],
    ]);
    expect(shown).toEqual([true, false, true]);
    expect(placeLabels([[0, 0, 10, 10]], [[5, 5, 20, 20]])).toEqual([false]);
  });

  it('parses and mixes colours; stock thresholds at 40 % and 20 %', () => {
    expect(parseColor('#ff7f0e')).toBe(0xff7f0e);
    expect(parseColor('#abc')).toBe(0xaabbcc);
    expect(parseColor('nonsense')).toBe(0x888888);
    expect(mix(0x000000, 0xffffff, 0.5)).toBe(0x808080);
    expect(stockColor(0.5)).toBe(PALETTE.stockOk);
    expect(stockColor(0.39)).toBe(PALETTE.stockLow);
    expect(stockColor(0.19)).toBe(PALETTE.stockCritical);
  });

  it('interpolates by key from what is displayed; new keys appear in place', () => {
    const m = new Motion();
    m.begin(2);
    m.target(0, 7, 0, 0);
    m.target(1, 9, 100, 100);
    m.end();
    m.step(1);
    m.begin(2);
    m.target(0, 9, 200, 100); // key 9 moved, and now sits in row 0
    m.target(1, 3, 50, 50); // new key
    m.end();
    m.step(0.5);
    expect(m.x[0]).toBeCloseTo(150, 6);
    expect(m.x[1]).toBeCloseTo(50, 6);
    expect(m.moving).toBe(true);
    m.step(1);
    expect(m.x[0]).toBeCloseTo(200, 6);
    expect(m.moving).toBe(false);
  });
});
