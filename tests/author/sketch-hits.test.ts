// Drawing on the map in author mode, click by click: a polygon closes on its first point only
// after three points, a rectangle and a circle finish on their second click (the circle's radius
// the distance to it), a route on Enter with two points or more. And what a click selects: a
// vertex handle within tolerance (the nearest of two), a unit before a place on the same spot,
// a route by its line, a zone by its inside (Backspace is the controller's, not tested here).
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { draftDrawing } from '../../src/author/draft';
import type { Doc } from '../../src/author/edit-session';
import { circleRing, rectangleRing } from '../../src/author/shapes';
import type { DraftMark } from '../../src/map/types';
import type { LonLat } from '../../src/sim/describe';
import { handleAt, itemAt, lineNear, markAt } from '../../src/ui/author/map/hits';
import {
  addPoint,
  finish,
  type Near,
  radiusKm,
  type Sketch,
  sketchHint,
  sketchShape,
} from '../../src/ui/author/map/sketch';

/** Equirectangular screen at 100 px per degree, north up. */
const toScreen = (p: LonLat) => ({ x: p[0] * 100, y: -p[1] * 100 });
const toLonLat = (s: { x: number; y: number }): LonLat => [s.x / 100, -s.y / 100];
/** Same click target: within 8 px on that screen. */
const near: Near = (a, b) => {
  const [p, q] = [toScreen(a), toScreen(b)];
  return Math.hypot(p.x - q.x, p.y - q.y) <= 8;
};

/** Clicks the points in order; returns the sketch and every finished shape. */
function clicks(tool: Sketch['tool'], points: LonLat[]) {
  let sketch: Sketch = { tool, points: [] };
  const done = [];
  for (const p of points) {
    const r = addPoint(sketch, p, near);
    sketch = r.sketch;
    if (r.done) done.push(r.done);
  }
  return { sketch, done };
}

const A: LonLat = [2, 13];
const B: LonLat = [3, 13];
const C: LonLat = [3, 14];
const D: LonLat = [2, 14];
/** 0.05° (5 px) from A: the same click target. */
const nearA: LonLat = [2.05, 13];

describe('sketch: polygon zone', () => {
  it('does not close on its first point with two points: the click is a third corner', () => {
    const { sketch, done } = clicks('zone-polygon', [A, B, nearA]);
    expect(done).toEqual([]);
    expect(sketch.points).toEqual([A, B, nearA]);
  });

  it('closes on its first point after three points, as a closed ring of them', () => {
    const { sketch, done } = clicks('zone-polygon', [A, B, C, nearA]);
    expect(done).toEqual([{ zone: [A, B, C, A] }]);
    expect(sketch.points).toEqual([]);
  });

  it('a click elsewhere adds a corner; Enter closes with three or more, not with two', () => {
    const four = clicks('zone-polygon', [A, B, C, D]);
    expect(four.done).toEqual([]);
    expect(four.sketch.points).toHaveLength(4);
    expect(finish(four.sketch).done).toEqual({ zone: [A, B, C, D, A] });
    const two = clicks('zone-polygon', [A, B]).sketch;
    expect(finish(two)).toEqual({ sketch: two, done: null });
  });
});

describe('sketch: rectangle and circle', () => {
  it('a rectangle finishes on its second click, the ring of the two corners', () => {
    const first = clicks('zone-rectangle', [C]);
    expect(first.done).toEqual([]);
    expect(first.sketch.points).toEqual([C]);
    const { sketch, done } = clicks('zone-rectangle', [C, A]);
    expect(done).toEqual([{ zone: rectangleRing(A, C) }]);
    expect(sketch.points).toEqual([]);
  });

  it('a circle’s radius is the distance of the second click from the centre', () => {
    const edge: LonLat = [2.4, 13.3];
    const { done } = clicks('zone-circle', [A, edge]);
    expect(done).toHaveLength(1);
    const ring = (done[0] as { zone: LonLat[] }).zone;
    const r = distance(A, edge, { units: 'kilometers' });
    expect(r).toBeGreaterThan(50);
    expect(radiusKm(A, edge)).toBeCloseTo(r, 9);
    expect(ring).toEqual(circleRing(A, r));
    for (const p of ring) {
      expect(Math.abs(distance(A, p, { units: 'kilometers' }) - r) / r).toBeLessThan(0.001);
    }
  });

  it('previews the rectangle and the circle whole while the pointer moves', () => {
    const rect = sketchShape({ tool: 'zone-rectangle', points: [A] }, C);
    expect(rect).toEqual({ points: [A, B, C, D], closed: true, cursor: null });
    const circ = sketchShape({ tool: 'zone-circle', points: [A] }, [2.4, 13.3]);
    expect(circ.closed).toBe(true);
    expect(circ.points).toEqual(circleRing(A, radiusKm(A, [2.4, 13.3])).slice(0, -1));
    // Nothing clicked yet: only the pointer.
    expect(sketchShape({ tool: 'zone-circle', points: [] }, A)).toEqual({
      points: [],
      closed: false,
      cursor: A,
    });
  });

  it('tells the radius in km while the circle is drawn', () => {
    // 1° of latitude on turf's sphere: 111.19 km.
    expect(sketchHint({ tool: 'zone-circle', points: [A] }, [2, 14])).toBe(
      'Radius 111.2 km: click to set it.',
    );
    expect(sketchHint({ tool: 'zone-circle', points: [] }, A)).toMatch(/centre/);
  });
});

describe('sketch: route', () => {
  it('finishes on Enter with two points or more, not with one', () => {
    const one = clicks('route', [A]).sketch;
    expect(finish(one)).toEqual({ sketch: one, done: null });
    const two = clicks('route', [A, B]).sketch;
    expect(finish(two)).toEqual({ sketch: { tool: 'route', points: [] }, done: { route: [A, B] } });
  });

  it('finishes on a second click on its last point, without adding it again', () => {
    const { sketch, done } = clicks('route', [A, B, C, [3.02, 14]]);
    expect(done).toEqual([{ route: [A, B, C] }]);
    expect(sketch.points).toEqual([]);
  });

  it('a click near its first point does not close a route: it is another point', () => {
    const { done, sketch } = clicks('route', [A, B, C, nearA]);
    expect(done).toEqual([]);
    expect(sketch.points).toEqual([A, B, C, nearA]);
  });

  it('the hint changes once two points are down', () => {
    expect(sketchHint({ tool: 'route', points: [A] }, null)).toMatch(/snap/);
    expect(sketchHint({ tool: 'route', points: [A, B] }, null)).toMatch(/Enter/);
  });
});

describe('hits: handles and marks', () => {
  const handles: LonLat[] = [A, B, [2.1, 13]];

  it('finds a handle within tolerance and the nearest of two; none beyond it', () => {
    // 4 px from A, 6 px from [2.1, 13].
    expect(handleAt(handles, { x: 204, y: -1300 }, toScreen, 9)).toBe(0);
    // 6 px from A, 4 px from [2.1, 13].
    expect(handleAt(handles, { x: 206, y: -1300 }, toScreen, 9)).toBe(2);
    expect(handleAt(handles, { x: 300, y: -1309 }, toScreen, 9)).toBe(1);
    expect(handleAt(handles, { x: 300, y: -1309.5 }, toScreen, 9)).toBe(-1);
    expect(handleAt([], { x: 0, y: 0 }, toScreen)).toBe(-1);
  });

  const mark = (id: string, kind: DraftMark['kind'], at: LonLat): DraftMark => ({
    id,
    kind,
    name: id,
    at,
    color: '#000000',
  });

  it('a unit beats a base, a headquarters and a place on the same spot, in any order', () => {
    const onA = [
      mark('p', 'place', A),
      mark('h', 'hq', A),
      mark('b', 'base', A),
      mark('u', 'unit', A),
    ];
    const click = toScreen(A);
    expect(markAt(onA, click, toScreen)?.id).toBe('u');
    expect(markAt([...onA].reverse(), click, toScreen)?.id).toBe('u');
    expect(markAt(onA.slice(0, 3), click, toScreen)?.id).toBe('b');
    expect(markAt(onA.slice(0, 2), click, toScreen)?.id).toBe('h');
  });

  it('the nearest mark wins over a unit further off; none beyond 14 px', () => {
    const marks = [mark('u', 'unit', [2.1, 13]), mark('p', 'place', A)];
    expect(markAt(marks, { x: 202, y: -1300 }, toScreen)?.id).toBe('p');
    expect(markAt(marks, { x: 208, y: -1300 }, toScreen)?.id).toBe('u');
    expect(markAt(marks, { x: 200, y: -1315 }, toScreen)).toBeNull();
  });
});

describe('hits: itemAt', () => {
  const doc: Doc = {
    actors: [{ id: 'n', kind: 'nation', color: '#1f77b4', hq: [5, 15] }],
    zones: [
      { id: 'big', polygon: [rectangleRing([0, 10], [4, 14])] },
      { id: 'small', polygon: [rectangleRing([1, 11], [2, 12])] },
    ],
    routes: [
      {
        id: 'road',
        coordinates: [
          [0.5, 13.5],
          [3.5, 13.5],
        ],
      },
    ],
    places: [{ id: 'town', position: [3, 13.5] }],
  };
  const d = draftDrawing(doc);
  const click = (p: LonLat, offsetPx = { x: 0, y: 0 }) => {
    const s = toScreen(p);
    const px = { x: s.x + offsetPx.x, y: s.y + offsetPx.y };
    return itemAt(d, px, toLonLat(px), toScreen);
  };

  it('finds a zone by its inside, the one drawn last where two overlap', () => {
    expect(click([3, 11])).toEqual({ table: 'zones', id: 'big' });
    expect(click([1.5, 11.5])).toEqual({ table: 'zones', id: 'small' });
  });

  it('finds a route by its line (within 7 px), over the zone beneath it', () => {
    expect(click([1.5, 13.5], { x: 0, y: 6 })).toEqual({ table: 'routes', id: 'road' });
    expect(click([1.5, 13.5], { x: 0, y: 12 })).toEqual({ table: 'zones', id: 'big' });
    expect(
      lineNear(
        [
          [0.5, 13.5],
          [3.5, 13.5],
        ],
        { x: 400, y: -1350 },
        toScreen,
        7,
      ),
    ).toBe(false);
  });

  it('finds a mark before the route it sits on, and a zone by its edge from outside', () => {
    expect(click([3, 13.5])).toEqual({ table: 'places', id: 'town' });
    expect(click([5, 15])).toEqual({ table: 'actors', id: 'n' });
    expect(click([4, 12], { x: 5, y: 0 })).toEqual({ table: 'zones', id: 'big' });
  });

  it('finds nothing in the open', () => {
    expect(click([8, 8])).toBeNull();
  });
});
