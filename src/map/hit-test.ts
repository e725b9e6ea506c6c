// Hit testing by position, not by Pixi's per-object events: each pickable layer keeps its
// items' displayed world positions in typed arrays and answers "nearest within r".
import type { HoverInfo, Selection } from './types';

export interface Hit {
  /** What a click selects (null: hover card only, e.g. a convoy). */
  selection: Selection;
  /** Squared distance in world units. */
  d2: number;
  /** Lower wins when two hits are about equally near (units before bases before places). */
  priority: number;
  hover(): Pick<HoverInfo, 'title' | 'lines'>;
}

/** Index of the item nearest (x, y) within radius r, or −1. Skips entries with NaN x. */
export function nearestWithin(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  n: number,
  x: number,
  y: number,
  r: number,
  accept?: (i: number) => boolean,
): { index: number; d2: number } {
  let best = -1;
  let bestD2 = r * r;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - x;
    if (dx > r || dx < -r) continue; // also false for NaN
    const dy = ys[i]! - y;
    if (dy > r || dy < -r) continue;
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestD2 && (!accept || accept(i))) {
      best = i;
      bestD2 = d2;
    }
  }
  return { index: best, d2: best < 0 ? Number.POSITIVE_INFINITY : bestD2 };
}

/**
 * The winning hit: the nearest, except that a higher-priority hit within `slack`
 * (world units, e.g. 6 px) of the nearest one wins — a unit sitting on a town is the unit.
 */
export function bestHit(hits: ReadonlyArray<Hit | null>, slack: number): Hit | null {
  let near: Hit | null = null;
  for (const h of hits) if (h && (!near || h.d2 < near.d2)) near = h;
  if (!near) return null;
  const limit = (Math.sqrt(near.d2) + slack) ** 2;
  let best = near;
  for (const h of hits) if (h && h.d2 <= limit && h.priority < best.priority) best = h;
  return best;
}

export const pct = (f: number) => `${Math.round(Math.max(0, Math.min(1, f)) * 100)}%`;
