// Pure geometry for the basemap: topology → projected country polygons and border lines
// (longitudes unwrapped across ±180°, decimated, kept only near the scenario area), and
// a label point for each country inside the visible box.

import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapProjection } from './projection';
import { projX, projY } from './projection';

/** A ring as flat projected [x0, y0, x1, y1, …] world units. */
export type FlatRing = number[];

export interface Country {
  id: string;
  name: string;
  /** Outer rings of each polygon part (holes dropped: neighbours fill them). */
  parts: FlatRing[];
}

export interface Basemap {
  countries: Country[];
  /** Border lines between two different countries. */
  borders: FlatRing[];
  /** Coastlines (arcs used by one country only). */
  coasts: FlatRing[];
}

type Rect = readonly [number, number, number, number];

/** Unwraps a lon/lat ring so consecutive longitudes never jump by more than 180°. */
export function unwrapRing(ring: ReadonlyArray<readonly number[]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let prev = Number.NaN;
  let shift = 0;
  for (const p of ring) {
    let lon = p[0]!;
    if (!Number.isNaN(prev)) {
      const d = lon + shift - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    lon += shift;
    prev = lon;
    out.push([lon, p[1]!]);
  }
  return out;
}

/** Projects, drops points closer than `tol` world units to the last kept one. */
function projectRing(
  p: MapProjection,
  ring: ReadonlyArray<readonly number[]>,
  tol: number,
): FlatRing {
  const un = unwrapRing(ring);
  // A ring wholly shifted (east of +180 or west of −180 after unwrapping) is moved back
  // next to the scenario's central meridian.
  let meanLon = 0;
  for (const q of un) meanLon += q[0];
  meanLon /= Math.max(1, un.length);
  const off = Math.round((p.lon0 - meanLon) / 360) * 360;
  const out: FlatRing = [];
  let lx = Number.NaN;
  let ly = Number.NaN;
  const t2 = tol * tol;
  for (let i = 0; i < un.length; i++) {
    const q = un[i]!;
    const x = projX(p, q[0] + off);
    const y = projY(p, q[1]);
    const last = i === un.length - 1;
    if (!last && (x - lx) ** 2 + (y - ly) ** 2 < t2) continue;
    out.push(x, y);
    lx = x;
    ly = y;
  }
  return out;
}

export function ringBounds(r: FlatRing): [number, number, number, number] {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < r.length; i += 2) {
    const x = r[i]!;
    const y = r[i + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

const overlaps = (a: Rect, b: Rect) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * Builds the basemap from a Natural Earth topology, keeping only rings that touch `area`
 * (world units; pass the scenario bbox grown by a margin). `tol` decimates (world units).
 */
export function buildBasemap(
  topology: unknown,
  p: MapProjection,
  area: Rect,
  tol: number,
): Basemap {
  const topo = topology as Topology;
  const obj = topo.objects.countries as GeometryCollection<{ name?: string }>;
  const countries: Country[] = [];
  const fc = feature(topo, obj);
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const polys =
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const parts: FlatRing[] = [];
    for (const poly of polys) {
      const outer = poly[0];
      if (!outer || outer.length < 4) continue;
      const r = projectRing(p, outer, tol);
      if (r.length >= 6 && overlaps(ringBounds(r), area)) parts.push(r);
    }
    if (parts.length > 0)
      countries.push({ id: String(f.id ?? ''), name: f.properties?.name ?? '', parts });
  }
  const lines = (filter: (a: unknown, b: unknown) => boolean): FlatRing[] => {
    const m = mesh(topo, obj, filter);
    const out: FlatRing[] = [];
    for (const line of m.coordinates) {
      const r = projectRing(p, line, tol);
      if (r.length >= 4 && overlaps(ringBounds(r), area)) out.push(r);
    }
    return out;
  };
  return { countries, borders: lines((a, b) => a !== b), coasts: lines((a, b) => a === b) };
}

/** Sutherland–Hodgman clip of a ring to an axis-aligned rectangle. */
export function clipRing(r: FlatRing, rect: Rect): FlatRing {
  let pts = r;
  const edges: Array<(x: number, y: number) => number> = [
    (x) => x - rect[0],
    (x) => rect[2] - x,
    (_x, y) => y - rect[1],
    (_x, y) => rect[3] - y,
  ];
  for (const inside of edges) {
    const out: FlatRing = [];
    const n = pts.length / 2;
    for (let i = 0; i < n; i++) {
      const ax = pts[i * 2]!;
      const ay = pts[i * 2 + 1]!;
      const j = (i + 1) % n;
      const bx = pts[j * 2]!;
      const by = pts[j * 2 + 1]!;
      const da = inside(ax, ay);
      const db = inside(bx, by);
      if (da >= 0) out.push(ax, ay);
      if (da >= 0 !== db >= 0) {
        const t = da / (da - db);
        out.push(ax + (bx - ax) * t, ay + (by - ay) * t);
      }
    }
    pts = out;
    if (pts.length < 6) return [];
  }
  return pts;
}

export function ringArea(r: FlatRing): number {
  let a = 0;
  const n = r.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    a += r[i * 2]! * r[j * 2 + 1]! - r[j * 2]! * r[i * 2 + 1]!;
  }
  return Math.abs(a / 2);
}

/**
 * A point well inside a ring: across a few horizontal scanlines, the middle of the widest
 * interior span. Good enough for a country name; cheaper than a pole of inaccessibility.
 */
export function interiorPoint(r: FlatRing): [number, number, number] {
  const [, y0, , y1] = ringBounds(r);
  let best: [number, number, number] = [Number.NaN, Number.NaN, -1];
  const n = r.length / 2;
  for (let s = 1; s <= 7; s++) {
    const y = y0 + ((y1 - y0) * s) / 8;
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const ay = r[i * 2 + 1]!;
      const by = r[j * 2 + 1]!;
      if (ay > y !== by > y) {
        const ax = r[i * 2]!;
        const bx = r[j * 2]!;
        xs.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const w = xs[k + 1]! - xs[k]!;
      // Prefer central scanlines slightly: a name sits better mid-height.
      const score = w * (1 - (0.25 * Math.abs(s - 4)) / 4);
      if (score > best[2]) best = [(xs[k]! + xs[k + 1]!) / 2, y, score];
    }
  }
  return best;
}

/** Where to write a country's name inside `rect`: its largest clipped part, or null. */
export function countryLabelPoint(
  c: Country,
  rect: Rect,
): { x: number; y: number; width: number; area: number } | null {
  let bestArea = 0;
  let best: FlatRing | null = null;
  for (const part of c.parts) {
    if (!overlaps(ringBounds(part), rect)) continue;
    const clipped = clipRing(part, rect);
    const a = clipped.length >= 6 ? ringArea(clipped) : 0;
    if (a > bestArea) {
      bestArea = a;
      best = clipped;
    }
  }
  if (!best) return null;
  const [x, y, w] = interiorPoint(best);
  if (!Number.isFinite(x)) return null;
  return { x, y, width: w, area: bestArea };
}
