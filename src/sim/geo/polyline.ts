// Polylines in km (routes, lanes, supply paths): built once at load with cumulative lengths,
// then walked per tick — the nearest point along, the point at a distance, a slice between two.
import type { Polyline } from '../world';
import { hypot2 } from './hypot';

export function makePolyline(id: string, kind: string, xy: number[]): Polyline {
  const n = xy.length / 2;
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    cum[i] = cum[i - 1]! + hypot2(xy[2 * i]! - xy[2 * i - 2]!, xy[2 * i + 1]! - xy[2 * i - 1]!);
  }
  return { id, kind, xy: Float64Array.from(xy), cum, length: cum[n - 1] ?? 0 };
}

/** Distance along a polyline of the point nearest to (x, y). */
export function nearestAlong(p: Polyline, x: number, y: number): number {
  let best = Number.POSITIVE_INFINITY;
  let bestD = 0;
  const n = p.xy.length / 2;
  for (let i = 0; i < n - 1; i++) {
    const ax = p.xy[2 * i]!;
    const ay = p.xy[2 * i + 1]!;
    const dx = p.xy[2 * i + 2]! - ax;
    const dy = p.xy[2 * i + 3]! - ay;
    const len2 = dx * dx + dy * dy || 1e-12;
    const u = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    const d = hypot2(ax + u * dx - x, ay + u * dy - y);
    if (d < best) {
      best = d;
      bestD = p.cum[i]! + u * Math.sqrt(len2);
    }
  }
  return bestD;
}

/** Point at distance d along a polyline, written into out. */
export function pointAlong(p: Polyline, d: number, out: { x: number; y: number }): void {
  const n = p.xy.length / 2;
  if (d <= 0) {
    out.x = p.xy[0]!;
    out.y = p.xy[1]!;
    return;
  }
  for (let i = 1; i < n; i++) {
    if (p.cum[i]! >= d) {
      const seg = p.cum[i]! - p.cum[i - 1]! || 1e-12;
      const u = (d - p.cum[i - 1]!) / seg;
      out.x = p.xy[2 * i - 2]! + u * (p.xy[2 * i]! - p.xy[2 * i - 2]!);
      out.y = p.xy[2 * i - 1]! + u * (p.xy[2 * i + 1]! - p.xy[2 * i - 1]!);
      return;
    }
  }
  out.x = p.xy[2 * n - 2]!;
  out.y = p.xy[2 * n - 1]!;
}

/** Waypoints along a polyline from distance a to distance b (either direction). */
export function sliceAlong(p: Polyline, a: number, b: number): number[] {
  const out: number[] = [];
  const pt = { x: 0, y: 0 };
  pointAlong(p, a, pt);
  out.push(pt.x, pt.y);
  const n = p.xy.length / 2;
  if (a < b) {
    for (let i = 0; i < n; i++)
      if (p.cum[i]! > a && p.cum[i]! < b) out.push(p.xy[2 * i]!, p.xy[2 * i + 1]!);
  } else {
    for (let i = n - 1; i >= 0; i--)
      if (p.cum[i]! < a && p.cum[i]! > b) out.push(p.xy[2 * i]!, p.xy[2 * i + 1]!);
  }
  pointAlong(p, b, pt);
  out.push(pt.x, pt.y);
  return out;
}
