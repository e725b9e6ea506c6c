// Pure: the planned legs of units under orders, as descriptors read off a snapshot's unit layer
// (the orders layer draws them). Nothing here decides anything: the engine says which units
// are under orders, where they go and by which path; a role's snapshot holds only its own.
import type { UnitLayer } from '../sim/snapshot';

/** ORDERED codes as the snapshot carries them (src/sim/world.ts ORDERED). */
export const ORDER_KIND = { none: 0, move: 1, patrol: 2, return: 3 } as const;

export interface OrderLeg {
  /** Unit index (the description's, as in the snapshot). */
  unit: number;
  /** ORDER_KIND code. */
  kind: number;
  /**
   * Where the unit goes from where it stands: the path ahead, else a straight leg to the
   * target, as [lon, lat, lon, lat, …]; empty when it holds at its point (or waits at base).
   */
  ahead: number[];
  /** The order's target (move point, base, patrol waypoint); NaN when none. */
  targetLon: number;
  targetLat: number;
  /** A patrol order's zone (description index), −1 otherwise. */
  zone: number;
}

/** Legs closer than this to the unit (degrees, ~1 km) are not worth a line. */
const NEAR_DEG = 0.01;

/** One leg per unit under orders whose position the view knows. */
export function orderLegs(L: UnitLayer): OrderLeg[] {
  const out: OrderLeg[] = [];
  const n = Math.min(L.lon.length, L.ordered.length);
  for (let u = 0; u < n; u++) {
    const kind = L.ordered[u]!;
    if (kind === ORDER_KIND.none) continue;
    const lon = L.lon[u]!;
    const lat = L.lat[u]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const tLon = L.targetLon[u]!;
    const tLat = L.targetLat[u]!;
    const ahead: number[] = [];
    const p0 = L.pathStart[u] ?? 0;
    const p1 = L.pathStart[u + 1] ?? p0;
    for (let i = p0; i < p1; i++) ahead.push(L.pathLonLat[2 * i]!, L.pathLonLat[2 * i + 1]!);
    const hasTarget = Number.isFinite(tLon) && Number.isFinite(tLat);
    if (!ahead.length && hasTarget && Math.hypot(tLon - lon, tLat - lat) > NEAR_DEG)
      ahead.push(tLon, tLat);
    out.push({
      unit: u,
      kind,
      ahead,
      targetLon: hasTarget ? tLon : Number.NaN,
      targetLat: hasTarget ? tLat : Number.NaN,
      zone: L.orderZone[u] ?? -1,
    });
  }
  return out;
}
