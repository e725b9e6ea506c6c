// Reads country polygons from a Natural Earth (world-atlas) TopoJSON topology, keeping only
// polygons near a lon/lat box: whole countries are skipped by their arc bounding boxes before
// any decoding, rings crossing ±180° are unwrapped and shifted next to the box.

import type { Feature, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

/** [west, south, east, north] in degrees. */
export type LonLatBox = readonly [number, number, number, number];

/** lon/lat rings of one polygon (outer ring and holes). */
export type LonLatRings = Array<Array<[number, number]>>;

/** One country polygon as found in the topology. `key` identifies the country. */
export type PolygonVisitor = (key: string, rings: LonLatRings) => void;

function asTopology(topology: unknown, objectName: string): Topology {
  const t = topology as Partial<Topology> | null;
  if (t === null || typeof t !== 'object' || t.type !== 'Topology' || !Array.isArray(t.arcs)) {
    throw new Error('expected a TopoJSON Topology object');
  }
  if (t.objects === undefined || t.objects[objectName] === undefined) {
    throw new Error(`topology has no object "${objectName}"`);
  }
  return t as Topology;
}

/** Per-arc [minLon, minLat, maxLon, maxLat], decoding delta-quantised arcs when needed. */
function arcBoxes(t: Topology): Float64Array {
  const boxes = new Float64Array(t.arcs.length * 4);
  const tr = t.transform;
  const sx = tr ? tr.scale[0] : 1;
  const sy = tr ? tr.scale[1] : 1;
  const ox = tr ? tr.translate[0] : 0;
  const oy = tr ? tr.translate[1] : 0;
  for (let i = 0; i < t.arcs.length; i++) {
    const arc = t.arcs[i]!;
    let x = 0;
    let y = 0;
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (const p of arc) {
      if (tr) {
        x += p[0]!;
        y += p[1]!;
      } else {
        x = p[0]!;
        y = p[1]!;
      }
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    boxes[i * 4] = x0 * sx + ox;
    boxes[i * 4 + 1] = y0 * sy + oy;
    boxes[i * 4 + 2] = x1 * sx + ox;
    boxes[i * 4 + 3] = y1 * sy + oy;
  }
  return boxes;
}

/** Grows `acc` [w, s, e, n] by every arc referenced in a (nested) arc-index array. */
function growByArcs(arcs: unknown, boxes: Float64Array, acc: number[]): void {
  if (typeof arcs === 'number') {
    const i = arcs < 0 ? ~arcs : arcs;
    acc[0] = Math.min(acc[0]!, boxes[i * 4]!);
    acc[1] = Math.min(acc[1]!, boxes[i * 4 + 1]!);
    acc[2] = Math.max(acc[2]!, boxes[i * 4 + 2]!);
    acc[3] = Math.max(acc[3]!, boxes[i * 4 + 3]!);
    return;
  }
  if (Array.isArray(arcs)) for (const a of arcs) growByArcs(a, boxes, acc);
}

function boxesMeet(a: ArrayLike<number>, b: LonLatBox): boolean {
  return a[0]! <= b[2] && a[2]! >= b[0] && a[1]! <= b[3] && a[3]! >= b[1];
}

/**
 * Unwraps a ring's longitudes so consecutive points never jump by more than 180°, then shifts
 * it by -360, 0 or +360 so it overlaps the box in longitude. Returns null when it cannot.
 */
function placeRing(ring: Position[], box: LonLatBox): Array<[number, number]> | null {
  const n = ring.length;
  if (n < 3) return null;
  const out: Array<[number, number]> = new Array(n);
  let prev = ring[0]![0]!;
  let lo = prev;
  let hi = prev;
  let jumped = false;
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    let lon = p[0]!;
    if (i > 0) {
      while (lon - prev > 180) {
        lon -= 360;
        jumped = true;
      }
      while (lon - prev < -180) {
        lon += 360;
        jumped = true;
      }
    }
    out[i] = [lon, p[1]!];
    if (lon < lo) lo = lon;
    if (lon > hi) hi = lon;
    prev = lon;
  }
  // A ring around a pole (Antarctica) does not close after unwrapping: keep it as stored.
  if (jumped && Math.abs(out[n - 1]![0] - out[0]![0]) > 1e-6) {
    for (let i = 0; i < n; i++) out[i] = [ring[i]![0]!, ring[i]![1]!];
    lo = -180;
    hi = 180;
  }
  for (const shift of [0, -360, 360]) {
    if (lo + shift <= box[2] && hi + shift >= box[0]) {
      if (shift !== 0) for (const p of out) p[0] += shift;
      return out;
    }
  }
  return null;
}

function visitPolygon(
  key: string,
  coords: Position[][],
  box: LonLatBox,
  visit: PolygonVisitor,
): void {
  const outer = coords[0];
  if (outer === undefined) return;
  const placedOuter = placeRing(outer, box);
  if (placedOuter === null) return;
  let s = Number.POSITIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const p of placedOuter) {
    if (p[1] < s) s = p[1];
    if (p[1] > n) n = p[1];
  }
  if (s > box[3] || n < box[1]) return;
  const rings: LonLatRings = [placedOuter];
  for (let i = 1; i < coords.length; i++) {
    // A hole wholly outside the box's longitudes changes no parity inside it: dropping is safe.
    const hole = placeRing(coords[i]!, box);
    if (hole !== null) rings.push(hole);
  }
  visit(key, rings);
}

/**
 * Calls visit(key, rings) for every polygon of every country in `topology.objects[objectName]`
 * that overlaps `box`, in topology order. `key` is the feature id (ISO 3166-1 numeric string in
 * world-atlas) or, for features without an id, "name:<name>" / "#<index>".
 */
export function forEachCountryPolygon(
  topology: unknown,
  box: LonLatBox,
  visit: PolygonVisitor,
  objectName = 'countries',
): void {
  const t = asTopology(topology, objectName);
  const boxes = arcBoxes(t);
  const root = t.objects[objectName]!;
  const geoms = root.type === 'GeometryCollection' ? root.geometries : [root];
  for (let gi = 0; gi < geoms.length; gi++) {
    const g = geoms[gi]!;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const acc = [
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    growByArcs(g.arcs, boxes, acc);
    // Arcs near ±180° make the box span the globe, so such countries are always decoded.
    if (!boxesMeet(acc, box) && !(acc[0]! <= -179 || acc[2]! >= 179)) continue;
    const name = (g.properties as { name?: unknown } | undefined)?.name;
    const key =
      g.id !== undefined ? String(g.id) : typeof name === 'string' ? `name:${name}` : `#${gi}`;
    const geom = (feature(t, g) as Feature).geometry;
    if (geom.type === 'Polygon') visitPolygon(key, geom.coordinates, box, visit);
    else if (geom.type === 'MultiPolygon') {
      for (const poly of geom.coordinates) visitPolygon(key, poly, box, visit);
    }
  }
}
