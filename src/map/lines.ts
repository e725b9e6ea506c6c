// Path helpers for Graphics: projected rings and dashed polylines (Pixi has no dash style).
import type { Graphics } from 'pixi.js';
import type { LonLat } from '../sim/describe';
import type { MapProjection } from './projection';
import { projX, projY } from './projection';

/** Projects lon/lat points to a flat [x0, y0, x1, y1, …] array in world units. */
export function projectLine(p: MapProjection, pts: readonly LonLat[]): number[] {
  const out: number[] = [];
  for (const q of pts) out.push(projX(p, q[0]), projY(p, q[1]));
  return out;
}

/** Adds a dashed polyline (dash and gap in world units) to g's current path. */
export function dashedPath(
  g: Graphics,
  flat: readonly number[],
  dash: number,
  gap: number,
  closed = false,
): void {
  const n = flat.length / 2;
  const segs = closed ? n : n - 1;
  let on = true;
  let left = dash;
  for (let i = 0; i < segs; i++) {
    let ax = flat[i * 2]!;
    let ay = flat[i * 2 + 1]!;
    const j = (i + 1) % n;
    const bx = flat[j * 2]!;
    const by = flat[j * 2 + 1]!;
    let len = Math.hypot(bx - ax, by - ay);
    if (len === 0) continue;
    const ux = (bx - ax) / len;
    const uy = (by - ay) / len;
    if (on) g.moveTo(ax, ay);
    while (len > 0) {
      const step = Math.min(left, len);
      const nx = ax + ux * step;
      const ny = ay + uy * step;
      if (on) g.lineTo(nx, ny);
      else g.moveTo(nx, ny);
      ax = nx;
      ay = ny;
      len -= step;
      left -= step;
      if (left <= 0) {
        on = !on;
        left = on ? dash : gap;
        if (on) g.moveTo(ax, ay);
      }
    }
  }
}
