// Where the schema's problems have a place on the map: a problem about a unit, base, place,
// zone, route or actor is marked at that item (its position, first vertex or headquarters).
import type { Problem } from '../scenario/problems';
import type { LonLat } from '../sim/describe';
import { unitPosition } from './draft';
import type { Doc } from './edit-session';
import { entryAt } from './items';
import { isLonLat } from './shapes';

const ITEM = /^(units|bases|places|zones|routes|actors)\[(\d+)\]/;

function placeOf(doc: Doc, table: string, item: Record<string, unknown>): LonLat | null {
  if (table === 'units') return unitPosition(doc, item);
  if (table === 'actors') return isLonLat(item.hq) ? item.hq : null;
  if (table === 'zones') {
    const v = (item.polygon as unknown[][] | undefined)?.[0]?.[0];
    return isLonLat(v) ? v : null;
  }
  if (table === 'routes') {
    const v = (item.coordinates as unknown[] | undefined)?.[0];
    return isLonLat(v) ? v : null;
  }
  return isLonLat(item.position) ? item.position : null;
}

export function problemPlaces(doc: Doc, problems: readonly Problem[]): LonLat[] {
  const out: LonLat[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    const m = ITEM.exec(p.path);
    if (!m || seen.has(m[0])) continue;
    seen.add(m[0]);
    const item = entryAt(doc, m[1]!, Number(m[2]));
    const at = item && placeOf(doc, m[1]!, item);
    if (at) out.push(at);
  }
  return out;
}
