// Geometry for author mode, through turf: the shapes a planner draws (a rectangle from two
// corners, a circle by its radius), the figures shown beside them (area, length), snapping a
// route's point to a place or another route, which zone a point falls in, and simplifying
// imported outlines. Rings are closed [lon, lat] lists, as the scenario schema wants them.
import {
  area,
  booleanPointInPolygon,
  buffer,
  circle,
  length,
  lineString,
  point,
  polygon,
  simplify,
} from '@turf/turf';
import type { LonLat } from '../sim/describe';

/** Coordinates are kept to 1e-5° (about a metre): the file stays readable, nothing is lost. */
export const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
/** Whether a value of a half-built document is a [lon, lat] point. */
export const isLonLat = (p: unknown): p is LonLat =>
  Array.isArray(p) && p.length === 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** A point with both coordinates to 1e-5°. */
export const roundPoint = (p: LonLat): LonLat => [round5(p[0]), round5(p[1])];

/** The closed ring of the rectangle with corners a and b (west–east, south–north). */
export function rectangleRing(a: LonLat, b: LonLat): LonLat[] {
  const [w, e] = a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [s, n] = a[1] < b[1] ? [a[1], b[1]] : [b[1], a[1]];
  return [
    roundPoint([w, s]),
    roundPoint([e, s]),
    roundPoint([e, n]),
    roundPoint([w, n]),
    roundPoint([w, s]),
  ];
}

/** Points on a circle's outline: enough to look round at any zoom, few enough to edit. */
const CIRCLE_STEPS = 48;

/** The closed ring of a geodesic circle of `radiusKm` around `centre`. */
export function circleRing(centre: LonLat, radiusKm: number): LonLat[] {
  const c = circle(centre, Math.max(0.01, radiusKm), { steps: CIRCLE_STEPS, units: 'kilometers' });
  const ring = c.geometry.coordinates[0]!.map((p) => roundPoint([p[0]!, p[1]!]));
  ring[ring.length - 1] = ring[0]!;
  return ring;
}

/** A zone's area in km² (0 for a ring turf cannot read: fewer than four points). */
export function ringAreaKm2(rings: readonly (readonly LonLat[])[]): number {
  if (!rings.length || rings[0]!.length < 4) return 0;
  return area(polygon(rings.map((r) => r.map((p) => [p[0], p[1]])))) / 1e6;
}

/** A route's length in km along its great circles. */
export function lineLengthKm(coords: readonly LonLat[]): number {
  if (coords.length < 2) return 0;
  return length(lineString(coords.map((p) => [p[0], p[1]])), { units: 'kilometers' });
}

/** Whether a point lies inside a zone's outline (its holes excluded). */
export function pointInZone(p: LonLat, rings: readonly (readonly LonLat[])[]): boolean {
  if (!rings.length || rings[0]!.length < 4) return false;
  return booleanPointInPolygon(
    point([p[0], p[1]]),
    polygon(rings.map((r) => r.map((q) => [q[0], q[1]]))),
  );
}

/**
 * The outline of a corridor `halfWidthKm` either side of a route (turf's buffer), as a zone's
 * closed ring: a patrol corridor along a supply route, a strip along a border road. Simplified
 * to about 200 m so the zone stays easy to reshape.
 */
export function corridorRing(coords: readonly LonLat[], halfWidthKm: number): LonLat[] {
  const b = buffer(lineString(coords.map((p) => [p[0], p[1]])), halfWidthKm, {
    units: 'kilometers',
    steps: 4,
  });
  const g = b?.geometry;
  if (g?.type !== 'Polygon') throw new Error('the corridor is not one polygon');
  return simplifyRing(
    g.coordinates[0]!.map((p) => [p[0]!, p[1]!] as LonLat),
    0.002,
  );
}

/** Simplifies an imported outline to about `toleranceDeg`, keeping it a closed ring of ≥ 4 points. */
export function simplifyRing(ring: readonly LonLat[], toleranceDeg: number): LonLat[] {
  if (ring.length <= 5) return ring.map(roundPoint);
  const s = simplify(polygon([ring.map((p) => [p[0], p[1]])]), {
    tolerance: toleranceDeg,
    highQuality: true,
  });
  const out = s.geometry.coordinates[0]!.map((p) => roundPoint([p[0]!, p[1]!]));
  return out.length >= 4 ? out : ring.map(roundPoint);
}

type ScreenXY = { x: number; y: number };

/**
 * The index of the point nearest the pointer on screen within `tolPx` (positions through
 * `toScreen`), or −1. `penalty(i)`, in px², breaks near-ties in favour of some points.
 */
export function nearestOnScreen(
  points: readonly LonLat[],
  pointer: ScreenXY,
  toScreen: (p: LonLat) => ScreenXY,
  tolPx: number,
  penalty: (i: number) => number = () => 0,
): number {
  let best = -1;
  let bestD = tolPx * tolPx;
  points.forEach((q, i) => {
    const s = toScreen(q);
    const d = (s.x - pointer.x) ** 2 + (s.y - pointer.y) ** 2 + penalty(i);
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** Something a point may snap to: its position and what it is (for the hint). */
export interface SnapTarget {
  at: LonLat;
  label: string;
}

/**
 * The nearest target within `tolPx` screen pixels of the pointer (screen positions through
 * `toScreen`), or null: a route's point dropped near a town or another route's point lands on it.
 */
export function snapTo(
  pointer: { x: number; y: number },
  targets: readonly SnapTarget[],
  toScreen: (p: LonLat) => { x: number; y: number },
  tolPx = 12,
): SnapTarget | null {
  const i = nearestOnScreen(
    targets.map((t) => t.at),
    pointer,
    toScreen,
    tolPx,
  );
  return i < 0 ? null : targets[i]!;
}
