// The shape of the GeoJSON Concord writes and reads back: every feature says which part of a
// scenario it is (`properties.concord = { kind, id }`) beside the scenario's own fields, so a
// planner can edit the geometry in a GIS and bring zones, routes and places back by id.
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';

/** The scenario collections a feature can stand for. */
export const CONCORD_KINDS = ['zone', 'route', 'place', 'base', 'unit'] as const;
export type ConcordKind = (typeof CONCORD_KINDS)[number];

/** `properties.concord`: which scenario element a feature is. */
export interface ConcordTag {
  kind: ConcordKind;
  /** The element's id in its scenario collection (`zones`, `routes`, … ; units: `units`). */
  id: string;
}

// Type aliases, not interfaces: GeoJSON's properties are an index-signature type, which an
// alias satisfies and an interface does not.
type Common = {
  concord: ConcordTag;
  name: string;
  /** One line for a person reading the feature in a GIS or Google Earth. */
  description: string;
};

export type ZoneProperties = Common & {
  /** The zone's kind (sector, safe-haven, aor, …). */
  kind: string;
  owner: string | null;
  ownerName: string | null;
  /** How the zone is drawn in the scenario; today every zone is a polygon. */
  shape: 'polygon';
};

export type RouteProperties = Common & {
  /** road, lane (a sea lane) or track. */
  kind: string;
};

export type PlaceProperties = Common & {
  kind: string;
  population: number;
  reportDelayMin?: number;
  reportProbability?: number;
};

export type BaseProperties = Common & {
  kind: string;
  owner: string;
  ownerName: string | null;
  /** The base's own symbol code; null when the scenario gives none (the map draws a default). */
  sidc: string | null;
};

export type UnitProperties = Common & {
  /** Unit type id (a key of `unitTypes`). */
  type: string;
  typeName: string;
  domain: string;
  owner: string;
  ownerName: string | null;
  /** How many units the entry expands into (`id-1` … `id-N` in the engine). */
  count: number;
  /** The unit type's symbol code (2525C letters or 2525D/E digits). */
  sidc: string;
  base: string;
  /** True when the entry has a start position of its own, not its base's. */
  ownPosition: boolean;
  command: string;
  /** The standing task, e.g. "patrol-area bs-ml-bf" or "idle". */
  task: string;
  /** Force-flow units: the inject time they arrive at (e.g. "D+3"); null when present at start. */
  arrivesAt: string | number | null;
};

export type ZoneFeature = Feature<Polygon, ZoneProperties>;
export type RouteFeature = Feature<LineString, RouteProperties>;
export type PlaceFeature = Feature<Point, PlaceProperties>;
export type BaseFeature = Feature<Point, BaseProperties>;
export type UnitFeature = Feature<Point, UnitProperties>;
export type ScenarioFeature = ZoneFeature | RouteFeature | PlaceFeature | BaseFeature | UnitFeature;
/** What the export writes: a plain GeoJSON FeatureCollection (assignable to the `geojson` type). */
export interface ScenarioFeatures extends FeatureCollection<Polygon | LineString | Point> {
  features: ScenarioFeature[];
}

/** The feature id: `unit:ml-gtia`, `zone:sector-west` (unique across kinds, stable by id). */
export const featureId = (tag: ConcordTag): string => `${tag.kind}:${tag.id}`;
