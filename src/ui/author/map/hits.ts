// What is under the pointer in author mode, by screen distance (a few dozen items: no grid
// needed): a vertex handle of the selected zone or route, a mark (unit, base, place, HQ), a
// route's line, a zone's outline or inside. Pure: screen positions come through `toScreen`.
import { nearestOnScreen, pointInZone } from '../../../author/shapes';
import type { DraftDrawing, DraftMark } from '../../../map/types';
import type { LonLat } from '../../../sim/describe';

export type ToScreen = (p: LonLat) => { x: number; y: number };
export interface Hit {
  table: string;
  id: string;
}

const TABLE_OF_MARK: Record<DraftMark['kind'], string> = {
  unit: 'units',
  base: 'bases',
  place: 'places',
  hq: 'actors',
};

const d2 = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

/** The index of the handle within `tolPx` of the pointer, or −1. */
export function handleAt(
  handles: readonly LonLat[],
  p: { x: number; y: number },
  toScreen: ToScreen,
  tolPx = 9,
): number {
  return nearestOnScreen(handles, p, toScreen, tolPx);
}

/** The mark nearest the pointer within `tolPx`; units before bases before places when tied. */
export function markAt(
  marks: readonly DraftMark[],
  p: { x: number; y: number },
  toScreen: ToScreen,
  tolPx = 14,
): DraftMark | null {
  const rank = { unit: 0, base: 1, hq: 2, place: 3 } as const;
  const i = nearestOnScreen(
    marks.map((m) => m.at),
    p,
    toScreen,
    tolPx,
    (k) => rank[marks[k]!.kind],
  );
  return i < 0 ? null : marks[i]!;
}

/** Squared screen distance from p to the segment a–b. */
function segD2(
  p: { x: number; y: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len)) : 0;
  return d2(p, { x: a.x + t * dx, y: a.y + t * dy });
}

export function lineNear(
  coords: readonly LonLat[],
  p: { x: number; y: number },
  toScreen: ToScreen,
  tolPx: number,
): boolean {
  const s = coords.map(toScreen);
  for (let i = 1; i < s.length; i++) if (segD2(p, s[i - 1]!, s[i]!) <= tolPx * tolPx) return true;
  return false;
}

/** What a click at p selects: a mark, else a route's line, else a zone's edge, else the zone inside. */
export function itemAt(
  d: DraftDrawing,
  p: { x: number; y: number },
  at: LonLat,
  toScreen: ToScreen,
): Hit | null {
  const m = markAt(d.marks, p, toScreen);
  if (m) return { table: TABLE_OF_MARK[m.kind], id: m.id };
  const r = d.routes.find((x) => lineNear(x.coords, p, toScreen, 7));
  if (r) return { table: 'routes', id: r.id };
  const edge = d.zones.find((z) => z.rings.some((ring) => lineNear(ring, p, toScreen, 6)));
  if (edge) return { table: 'zones', id: edge.id };
  // Inside several zones: the last drawn (on top) wins.
  const inside = [...d.zones].reverse().find((z) => pointInZone(at, z.rings));
  return inside ? { table: 'zones', id: inside.id } : null;
}

export const tableOfMark = (m: DraftMark): string => TABLE_OF_MARK[m.kind];
