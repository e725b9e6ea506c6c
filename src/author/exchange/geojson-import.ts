// GeoJSON features (drawn in a GIS, or exported by geojson-export.ts and edited) as scenario
// zones, routes and places: Polygon and MultiPolygon → zones, LineString and MultiLineString →
// routes, Point and MultiPoint → places (a Multi… geometry gives one element per part, ids
// suffixed -1, -2…). Ids come from `properties.concord.id`, else a string `properties.id`, else
// the name, made unique. Fields (kind, owner, population…) are read from the properties with
// the schema's own checks. Nothing throws on bad input: every fault is a problem naming the
// feature's path and what is allowed. A feature whose geometry is at fault is skipped; a field
// that is not allowed takes its default and the problem says so. Features that Concord exported
// as bases or units are skipped (they are not drawn shapes). Each element returned passes the
// scenario schema; with `importOptionsFor(scenario)` its ids, owner and positions also pass the
// scenario's cross-reference checks when added to it.
import { describeValue, type Problem } from '../../scenario/problems';
import { isReservedKey } from '../../scenario/safe-keys';
import type { Place, Route, ScenarioInput, Zone } from '../../scenario/schema';
import { buildPlace, buildRoute, buildZone, type PartInput } from './build-parts';
import { IdPool, isScenarioId, slugify } from './ids';
import { type GeometryParts, type LonLat, readGeometry, type Target } from './read-geometry';
import { fieldReader, own, type Props, propertiesOf } from './read-properties';

export interface ScenarioParts {
  zones: Zone[];
  routes: Route[];
  places: Place[];
  problems: Problem[];
}

export interface GeoJsonImportOptions {
  /** Ids the scenario already has in each collection; imported ids are made unique against them. */
  takenIds?: { zones?: Iterable<string>; routes?: Iterable<string>; places?: Iterable<string> };
  /** The scenario's actor ids: a zone owner outside them is left out, with a problem. */
  actors?: Iterable<string>;
  /**
   * The scenario's geography.bbox [west, south, east, north]: a route or a place outside it is
   * skipped, with a problem.
   */
  bbox?: readonly [number, number, number, number];
}

/** Options that make imported parts fit `scenario`: its ids, actors and bbox. */
export function importOptionsFor(
  scenario: Pick<ScenarioInput, 'zones' | 'routes' | 'places' | 'actors' | 'geography'>,
): GeoJsonImportOptions {
  const ids = (xs: ReadonlyArray<{ id: string }> | undefined) => (xs ?? []).map((x) => x.id);
  return {
    takenIds: {
      zones: ids(scenario.zones),
      routes: ids(scenario.routes),
      places: ids(scenario.places),
    },
    actors: ids(scenario.actors),
    bbox: scenario.geography.bbox,
  };
}

/** Problems kept per feature; past this one line says how many more there were. */
const MAX_PROBLEMS_PER_FEATURE = 5;

interface Context {
  pools: Record<Target, IdPool>;
  actors: ReadonlySet<string> | null;
  bbox: readonly [number, number, number, number] | null;
}

export function featuresToScenarioParts(
  geojson: unknown,
  opts: GeoJsonImportOptions = {},
): ScenarioParts {
  const out: ScenarioParts = { zones: [], routes: [], places: [], problems: [] };
  const features = featureArray(geojson, out.problems);
  const ctx: Context = {
    pools: {
      zone: new IdPool(opts.takenIds?.zones),
      route: new IdPool(opts.takenIds?.routes),
      place: new IdPool(opts.takenIds?.places),
    },
    actors: opts.actors ? new Set(opts.actors) : null,
    bbox: opts.bbox ?? null,
  };
  features.forEach((f, i) => {
    const path = `features[${i}]`;
    const before = out.problems.length;
    importFeature(f, path, i, ctx, out);
    const extra = out.problems.splice(before + MAX_PROBLEMS_PER_FEATURE);
    if (extra.length) out.problems.push({ path, message: `${extra.length} more problems here` });
  });
  return out;
}

function featureArray(geojson: unknown, problems: Problem[]): unknown[] {
  const type = geojson !== null && typeof geojson === 'object' ? own(geojson, 'type') : undefined;
  if (type !== 'FeatureCollection') {
    const found = type === undefined ? describeValue(geojson) : `type ${describeValue(type)}`;
    problems.push({
      path: '(root)',
      message: `found ${found}; allowed: a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": […]})`,
    });
    return [];
  }
  const features = own(geojson as object, 'features');
  if (!Array.isArray(features)) {
    problems.push({
      path: 'features',
      message: `found ${describeValue(features)}; allowed: an array of Features`,
    });
    return [];
  }
  return features;
}

function importFeature(f: unknown, path: string, i: number, ctx: Context, out: ScenarioParts) {
  const problems = out.problems;
  const type = f !== null && typeof f === 'object' ? own(f, 'type') : undefined;
  if (type !== 'Feature') {
    const found = type === undefined ? describeValue(f) : `type ${describeValue(type)}`;
    problems.push({
      path,
      message: `found ${found}; allowed: a GeoJSON Feature ({"type": "Feature", "geometry": …}); skipped`,
    });
    return;
  }
  const feature = f as object; // it has a type, so it is an object
  const props = propertiesOf(feature, path, problems);
  const tag = own(props, 'concord');
  const tagKind = tag !== null && typeof tag === 'object' ? own(tag, 'kind') : undefined;
  if (tagKind === 'base' || tagKind === 'unit') {
    problems.push({
      path: `${path}.properties.concord.kind`,
      message: `found "${tagKind}"; allowed: zone, route or place (bases and units are not imported from GeoJSON); skipped`,
    });
    return;
  }
  const geometry = readGeometry(own(feature, 'geometry'), `${path}.geometry`, problems);
  if (!geometry || !insideBbox(geometry, path, ctx, problems)) return;
  const target = geometry.target;
  const read = fieldReader(props, path, problems);
  const givenName = read.text('name');
  const name = givenName ?? `Imported ${target} ${i + 1}`;
  const given = givenId(props, tag, path);
  const base = idBase(given?.value, givenName, target, i);
  const n = geometry.parts.length;
  const ids = geometry.parts.map((_, j) =>
    ctx.pools[target].take(n > 1 ? `${base}-${j + 1}` : base),
  );
  if (given && ids[0] !== (n > 1 ? `${given.value}-1` : given.value))
    problems.push({
      path: given.at,
      message: `found ${JSON.stringify(given.value)}; ${idRefusal(given.value, target)}; imported as ${ids.map((x) => `"${x}"`).join(', ')}`,
    });
  geometry.parts.forEach((coords, j) => {
    const partName = n > 1 ? `${name} (${j + 1} of ${n})` : name;
    const part: PartInput = { id: ids[j]!, name: partName, read, path, problems };
    if (target === 'zone') push(out.zones, buildZone(part, coords as LonLat[][], ctx.actors));
    else if (target === 'route') push(out.routes, buildRoute(part, coords as LonLat[]));
    else push(out.places, buildPlace(part, coords as LonLat));
  });
}

/** The id the feature asks for: `properties.concord.id`, else a string `properties.id`. */
function givenId(props: Props, tag: unknown, path: string): { value: string; at: string } | null {
  const concordId = tag !== null && typeof tag === 'object' ? own(tag, 'id') : undefined;
  if (typeof concordId === 'string' && concordId)
    return { value: concordId, at: `${path}.properties.concord.id` };
  const id = own(props, 'id');
  if (typeof id === 'string' && id) return { value: id, at: `${path}.properties.id` };
  return null;
}

/** The given id if it is one, else its slug, else the name's slug, else `zone-4`. */
function idBase(given: string | undefined, name: string | undefined, target: Target, i: number) {
  if (given !== undefined && isScenarioId(given)) return given;
  return slugify(given ?? '') || slugify(name ?? '') || `${target}-${i + 1}`;
}

/** Why a given id was not kept as it was. */
function idRefusal(given: string, target: Target): string {
  if (isReservedKey(given)) return 'a reserved word (constructor, prototype), not an id';
  if (!isScenarioId(given)) return 'allowed: an id of lower-case letters, digits and dashes';
  return `already an id in ${target}s`;
}

/** Routes and places must lie inside the scenario's bbox (the cross-reference check). */
function insideBbox(g: GeometryParts, path: string, ctx: Context, problems: Problem[]): boolean {
  if (!ctx.bbox || g.target === 'zone') return true;
  const [w, s, e, n] = ctx.bbox;
  const points = g.target === 'route' ? g.parts.flat() : g.parts;
  const outside = points.find(([lon, lat]) => lon < w || lon > e || lat < s || lat > n);
  if (!outside) return true;
  problems.push({
    path: `${path}.geometry.coordinates`,
    message: `found [${outside[0]}, ${outside[1]}]; allowed: positions inside the scenario's geography.bbox [${ctx.bbox.join(', ')}]; skipped`,
  });
  return false;
}

function push<T>(into: T[], x: T | null): void {
  if (x !== null) into.push(x);
}
