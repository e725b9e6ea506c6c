// Great-circle paths for drawing: a measured leg is the shortest way over the globe, which is
// a curve on the Mercator map. Points are interpolated on the unit sphere (slerp) so the drawn
// line follows the distance turf reports.
import type { LonLat } from '../sim/describe';

const DEG = Math.PI / 180;

type Vec3 = [number, number, number];

const toVec = ([lon, lat]: LonLat): Vec3 => [
  Math.cos(lat * DEG) * Math.cos(lon * DEG),
  Math.cos(lat * DEG) * Math.sin(lon * DEG),
  Math.sin(lat * DEG),
];

/** The angle between a and b seen from the Earth's centre, radians. */
export function centralAngle(a: LonLat, b: LonLat): number {
  const u = toVec(a);
  const v = toVec(b);
  const cross = Math.hypot(
    u[1] * v[2] - u[2] * v[1],
    u[2] * v[0] - u[0] * v[2],
    u[0] * v[1] - u[1] * v[0],
  );
  return Math.atan2(cross, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]);
}

/**
 * Points on the great circle from a to b, ends included, `segments` + 1 of them (at least 2).
 * Longitudes stay continuous from a's (a leg over ±180° goes on past it, as the basemap's
 * unwrapped rings do). Antipodal ends have no single great circle: the straight pair.
 */
export function greatCirclePoints(a: LonLat, b: LonLat, segments: number): LonLat[] {
  const n = Math.max(1, Math.floor(segments));
  const w = centralAngle(a, b);
  if (w < 1e-12 || Math.abs(Math.PI - w) < 1e-9 || n === 1) return [a, b];
  const u = toVec(a);
  const v = toVec(b);
  const out: LonLat[] = [a];
  let lastLon = a[0];
  for (let i = 1; i < n; i++) {
    const t = i / n;
    const s0 = Math.sin((1 - t) * w) / Math.sin(w);
    const s1 = Math.sin(t * w) / Math.sin(w);
    const x = s0 * u[0] + s1 * v[0];
    const y = s0 * u[1] + s1 * v[1];
    const z = s0 * u[2] + s1 * v[2];
    let lon = Math.atan2(y, x) / DEG;
    lon += 360 * Math.round((lastLon - lon) / 360);
    lastLon = lon;
    out.push([lon, Math.atan2(z, Math.hypot(x, y)) / DEG]);
  }
  out.push([b[0] + 360 * Math.round((lastLon - b[0]) / 360), b[1]]);
  return out;
}
