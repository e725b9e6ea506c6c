// The scale bar's length: the longest round distance (1, 2 or 5 × 10^n) that fits in the bar's
// room at the ground scale of the view's centre. Web Mercator stretches ground distances by
// 1/cos(latitude), so the ground scale is measured where the user looks (turf's great-circle
// distance across two pixels at the centre of the view), not read off the zoom alone.
import { distance } from '@turf/turf';
import type { Camera } from './camera';
import { type MapProjection, unprojLat, unprojLon } from './projection';

/** One international nautical mile, km. */
export const KM_PER_NM = 1.852;

/** The longest 1, 2 or 5 × 10^n that is not above `max` (0 when max is not positive). */
export function roundLength(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 0;
  let p = 10 ** Math.floor(Math.log10(max));
  if (p * 10 <= max) p *= 10; // log10 rounding just below a power of ten
  if (p > max) p /= 10;
  for (const m of [5, 2, 1]) if (m * p <= max) return m * p;
  return p;
}

export interface ScaleBar {
  /** The bar's length in the bar's unit (km, or NM). */
  length: number;
  /** The bar's length on screen, CSS px. */
  px: number;
}

/**
 * The bar for a ground scale of `kmPerPx` km per CSS px, at most `maxPx` long, in a unit of
 * `unitKm` km (1: km; KM_PER_NM: nautical miles). Null for a scale that is not a number.
 */
export function scaleBar(kmPerPx: number, maxPx: number, unitKm = 1): ScaleBar | null {
  if (!(kmPerPx > 0) || !(maxPx > 0) || !Number.isFinite(kmPerPx)) return null;
  const unitsPerPx = kmPerPx / unitKm;
  const length = roundLength(maxPx * unitsPerPx);
  return length > 0 ? { length, px: length / unitsPerPx } : null;
}

/**
 * Ground km per CSS px east–west at screen point (sx, sy) of a map seen through `cam`: the
 * great-circle distance between the points `half` px to either side, over their separation.
 * Kept short: zoomed far out, a wide span's great circle cuts inside the parallel.
 */
export function groundKmPerPx(
  p: MapProjection,
  cam: Camera,
  sx: number,
  sy: number,
  half = 1,
): number {
  const lat = unprojLat(p, (sy - cam.ty) / cam.k);
  const lon = (x: number) => unprojLon(p, (x - cam.tx) / cam.k);
  return (
    distance([lon(sx - half), lat], [lon(sx + half), lat], { units: 'kilometers' }) / (2 * half)
  );
}
