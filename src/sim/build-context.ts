// What every part of the load-time build shares: the scenario, its masks on the projection,
// lon/lat → km, the id → dense index lookups and minutes → ticks. Built once per load.
import type { Scenario } from '../scenario/schema';
import { buildMasksShared, type GeoMasks } from './geo/masks';
import { toX, toY } from './geo/projection';

export interface BuildContext {
  sc: Scenario;
  masks: GeoMasks;
  /** Hours per tick. */
  dtH: number;
  xOf: (lon: number) => number;
  yOf: (lat: number) => number;
  actorIds: string[];
  actorOf: (id: string) => number;
  zoneOf: (id: string) => number;
  routeOf: (id: string) => number;
  baseOf: (id: string) => number;
  /** Minutes → whole ticks, rounded up (0 stays 0). */
  ticks: (min: number) => number;
}

/** Id → its position in `ids`, or -1. */
export function indexer(ids: readonly string[]): (id: string) => number {
  const m = new Map(ids.map((id, i) => [id, i]));
  return (id) => m.get(id) ?? -1;
}

export function makeBuildContext(sc: Scenario, topology: unknown): BuildContext {
  const g = sc.geography;
  const masks = buildMasksShared(topology, {
    bbox: g.bbox,
    cellKm: g.cellKm,
    territorialSeaNm: g.territorialSeaNm,
    countryIsos: g.countries.map((c) => c.iso),
    zones: sc.zones.map((z) => ({ polygon: z.polygon as Array<Array<[number, number]>> })),
  });
  const { proj } = masks;
  const actorIds = sc.actors.map((a) => a.id);
  return {
    sc,
    masks,
    dtH: sc.tickMinutes / 60,
    xOf: (lon) => toX(proj, lon),
    yOf: (lat) => toY(proj, lat),
    actorIds,
    actorOf: indexer(actorIds),
    zoneOf: indexer(sc.zones.map((z) => z.id)),
    routeOf: indexer(sc.routes.map((r) => r.id)),
    baseOf: indexer(sc.bases.map((b) => b.id)),
    ticks: (min) => Math.max(0, Math.ceil(min / sc.tickMinutes)),
  };
}
