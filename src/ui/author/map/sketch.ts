// A shape being drawn in author mode, tool by tool: the points clicked so far and what a click,
// Enter or the pointer's move does with them. Pure: the controller turns a finished sketch into
// an edit. Zones close on their first point (or Enter) after three points; a rectangle takes two
// corners; a circle its centre and a point on its edge; a route ends on Enter or a second click
// on its last point.

import { distance } from '@turf/turf';
import { circleRing, rectangleRing } from '../../../author/shapes';
import type { LonLat } from '../../../sim/describe';

export const SHAPE_TOOLS = ['zone-polygon', 'zone-rectangle', 'zone-circle', 'route'] as const;
export type ShapeTool = (typeof SHAPE_TOOLS)[number];
export const isShapeTool = (tool: string): tool is ShapeTool =>
  (SHAPE_TOOLS as readonly string[]).includes(tool);

export interface Sketch {
  tool: ShapeTool;
  points: LonLat[];
}

/** A finished shape: a zone's ring or a route's points. */
export type Finished = { zone: LonLat[] } | { route: LonLat[] };

/** Whether screen points are the same click target (the first vertex, the last point). */
export type Near = (a: LonLat, b: LonLat) => boolean;

export function addPoint(
  s: Sketch,
  p: LonLat,
  near: Near,
): { sketch: Sketch; done: Finished | null } {
  const pts = s.points;
  if (s.tool === 'zone-rectangle' && pts.length === 1)
    return { sketch: { ...s, points: [] }, done: { zone: rectangleRing(pts[0]!, p) } };
  if (s.tool === 'zone-circle' && pts.length === 1)
    return {
      sketch: { ...s, points: [] },
      done: { zone: circleRing(pts[0]!, radiusKm(pts[0]!, p)) },
    };
  if (s.tool === 'zone-polygon' && pts.length >= 3 && near(p, pts[0]!)) return finish(s);
  if (s.tool === 'route' && pts.length >= 2 && near(p, pts.at(-1)!)) return finish(s);
  return { sketch: { ...s, points: [...pts, p] }, done: null };
}

/** Enter: a zone of three points or more, a route of two or more; else nothing yet. */
export function finish(s: Sketch): { sketch: Sketch; done: Finished | null } {
  const pts = s.points;
  if (s.tool === 'zone-polygon' && pts.length >= 3)
    return { sketch: { ...s, points: [] }, done: { zone: [...pts, pts[0]!] } };
  if (s.tool === 'route' && pts.length >= 2)
    return { sketch: { ...s, points: [] }, done: { route: pts } };
  return { sketch: s, done: null };
}

export const radiusKm = (centre: LonLat, edge: LonLat): number =>
  distance(centre, edge, { units: 'kilometers' });

/** What the map shows of the sketch, the pointer included (a rectangle or circle previewed whole). */
export function sketchShape(
  s: Sketch,
  cursor: LonLat | null,
): { points: LonLat[]; closed: boolean; cursor: LonLat | null } {
  const pts = s.points;
  if (cursor && pts.length === 1 && s.tool === 'zone-rectangle')
    return { points: rectangleRing(pts[0]!, cursor).slice(0, 4), closed: true, cursor: null };
  if (cursor && pts.length === 1 && s.tool === 'zone-circle')
    return {
      points: circleRing(pts[0]!, radiusKm(pts[0]!, cursor)).slice(0, -1),
      closed: true,
      cursor: null,
    };
  return { points: pts, closed: false, cursor };
}

/** What the planner is told to do next. */
export function sketchHint(s: Sketch, cursor: LonLat | null): string {
  const n = s.points.length;
  switch (s.tool) {
    case 'zone-polygon':
      return n < 3
        ? 'Click the zone’s corners.'
        : 'Click the first point or press Enter to close the zone.';
    case 'zone-rectangle':
      return n ? 'Click the opposite corner.' : 'Click one corner of the rectangle.';
    case 'zone-circle':
      return n && cursor
        ? `Radius ${radiusKm(s.points[0]!, cursor).toFixed(1)} km: click to set it.`
        : 'Click the circle’s centre.';
    case 'route':
      return n < 2
        ? 'Click the route’s points; they snap to towns, bases and other routes.'
        : 'Click the last point again or press Enter to finish the route.';
  }
}
