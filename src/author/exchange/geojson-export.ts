// A scenario's geography and forces as one GeoJSON FeatureCollection (RFC 7946) for a GIS:
// zones as Polygons, routes and sea lanes as LineStrings, places and bases as Points, and one
// Point per unit entry (at its own start position, else at its base) with its count, owner,
// type and symbol code. Coordinates are the scenario's own [lon, lat] (WGS84, no projection),
// so zones, routes and places come back unchanged through geojson-import.ts.
import type { Scenario, Unit } from '../../scenario/schema';
import { unitEntries } from '../../sim/unit-entries';
import {
  type BaseFeature,
  CONCORD_KINDS,
  type ConcordKind,
  featureId,
  type PlaceFeature,
  type RouteFeature,
  type ScenarioFeature,
  type ScenarioFeatures,
  type UnitFeature,
  type ZoneFeature,
} from './features';

export interface GeoJsonExportOptions {
  /**
   * Which parts to export, in this order in the collection.
   * @default every kind: zones, routes, places, bases, units
   */
  kinds?: readonly ConcordKind[];
}

const ROUTE_WORDS: Record<string, string> = { road: 'Road', lane: 'Sea lane', track: 'Track' };

export function scenarioToGeoJSON(
  scenario: Scenario,
  opts: GeoJsonExportOptions = {},
): ScenarioFeatures {
  const kinds = opts.kinds ?? CONCORD_KINDS;
  const actorName = nameLookup(scenario.actors);
  const features: ScenarioFeature[] = [];
  for (const kind of kinds) {
    if (kind === 'zone') features.push(...zoneFeatures(scenario, actorName));
    else if (kind === 'route') features.push(...routeFeatures(scenario));
    else if (kind === 'place') features.push(...placeFeatures(scenario));
    else if (kind === 'base') features.push(...baseFeatures(scenario, actorName));
    else features.push(...unitFeatures(scenario, actorName));
  }
  return { type: 'FeatureCollection', features };
}

function nameLookup(items: ReadonlyArray<{ id: string; name: string }>) {
  const names = new Map(items.map((x) => [x.id, x.name]));
  return (id: string | undefined): string | null =>
    id === undefined ? null : (names.get(id) ?? null);
}

function zoneFeatures(sc: Scenario, actorName: (id?: string) => string | null): ZoneFeature[] {
  return sc.zones.map((z) => {
    const ownerName = actorName(z.owner);
    const concord = { kind: 'zone', id: z.id } as const;
    return {
      type: 'Feature',
      id: featureId(concord),
      geometry: { type: 'Polygon', coordinates: z.polygon.map((ring) => ring.map(copy)) },
      properties: {
        concord,
        name: z.name,
        description: `Zone (${z.kind})${ownerName ? ` of ${ownerName}` : ''}`,
        kind: z.kind,
        owner: z.owner ?? null,
        ownerName,
        shape: 'polygon',
      },
    };
  });
}

function routeFeatures(sc: Scenario): RouteFeature[] {
  return sc.routes.map((r) => {
    const concord = { kind: 'route', id: r.id } as const;
    return {
      type: 'Feature',
      id: featureId(concord),
      geometry: { type: 'LineString', coordinates: r.coordinates.map(copy) },
      properties: {
        concord,
        name: r.name,
        description: `${ROUTE_WORDS[r.kind] ?? r.kind}, ${r.coordinates.length} points`,
        kind: r.kind,
      },
    };
  });
}

function placeFeatures(sc: Scenario): PlaceFeature[] {
  return sc.places.map((p) => {
    const concord = { kind: 'place', id: p.id } as const;
    return {
      type: 'Feature',
      id: featureId(concord),
      geometry: { type: 'Point', coordinates: copy(p.position) },
      properties: {
        concord,
        name: p.name,
        description: `${capitalise(p.kind)}, population ${p.population.toLocaleString('en')}`,
        kind: p.kind,
        population: p.population,
        reportDelayMin: p.reportDelayMin,
        reportProbability: p.reportProbability,
      },
    };
  });
}

function baseFeatures(sc: Scenario, actorName: (id?: string) => string | null): BaseFeature[] {
  return sc.bases.map((b) => {
    const ownerName = actorName(b.owner);
    const concord = { kind: 'base', id: b.id } as const;
    return {
      type: 'Feature',
      id: featureId(concord),
      geometry: { type: 'Point', coordinates: copy(b.position) },
      properties: {
        concord,
        name: b.name,
        description: `${capitalise(b.kind)} of ${ownerName ?? b.owner}`,
        kind: b.kind,
        owner: b.owner,
        ownerName,
        sidc: b.sidc ?? null,
      },
    };
  });
}

/**
 * One feature per unit entry: the scenario's `units`, then force-flow units (with the time they
 * arrive). Throws on a unit whose base or type the scenario lacks: validate the scenario first.
 */
function unitFeatures(sc: Scenario, actorName: (id?: string) => string | null): UnitFeature[] {
  const bases = new Map(sc.bases.map((b) => [b.id, b]));
  const types = new Map(Object.entries(sc.unitTypes));
  let present = 0;
  return unitEntries(sc).map(({ unit, inject }) => {
    const path = inject < 0 ? `units[${present++}]` : `injects[${inject}].units`;
    const type = types.get(unit.type);
    const base = bases.get(unit.base);
    if (!type || !base) {
      const what = type ? `base "${unit.base}"` : `type "${unit.type}"`;
      throw new Error(`${path}: unknown ${what}; validate the scenario before exporting it`);
    }
    const at = inject < 0 ? null : (sc.injects[inject]?.at ?? null);
    const ownerName = actorName(unit.owner);
    const concord = { kind: 'unit', id: unit.id } as const;
    return {
      type: 'Feature',
      id: featureId(concord),
      geometry: { type: 'Point', coordinates: copy(unit.position ?? base.position) },
      properties: {
        concord,
        name: unit.name ?? type.name,
        description: unitDescription(unit, type.name, ownerName, base.name, at),
        type: unit.type,
        typeName: type.name,
        domain: type.domain,
        owner: unit.owner,
        ownerName,
        count: unit.count,
        sidc: type.sidc,
        base: unit.base,
        ownPosition: unit.position !== undefined,
        command: unit.command,
        task: taskText(unit.task),
        arrivesAt: at,
      },
    };
  });
}

function unitDescription(
  unit: Unit,
  typeName: string,
  ownerName: string | null,
  baseName: string,
  arrivesAt: string | number | null,
): string {
  const arrives = arrivesAt === null ? '' : `; arrives ${arrivesAt}`;
  return `${unit.count} × ${typeName} of ${ownerName ?? unit.owner}, base ${baseName}; task ${taskText(unit.task)}${arrives}`;
}

function taskText(task: Unit['task']): string {
  if (task.kind === 'patrol-area') return `patrol-area ${task.zone}`;
  if (task.kind === 'patrol-route') return `patrol-route ${task.route}`;
  return task.kind;
}

/** A fresh [lon, lat] pair: the collection shares no array with the scenario. */
const copy = (p: readonly [number, number]): [number, number] => [p[0], p[1]];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
