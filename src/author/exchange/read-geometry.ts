// Reads one GeoJSON geometry into the coordinates a scenario holds: polygons for zones, lines
// for routes, points for places (a Multi… geometry gives one part each). Every position must be
// [lon, lat] in range and every polygon ring closed; each fault is a problem naming its path
// (`features[3].geometry.coordinates[0][5]`) and what is allowed. Altitudes are dropped. Never
// throws on bad data.
import { describeValue, type Problem } from '../../scenario/problems';

export type LonLat = [number, number];
export type Target = 'zone' | 'route' | 'place';

/** A geometry as scenario parts: zone polygons, route lines or place points. */
export type GeometryParts =
  | { target: 'zone'; parts: LonLat[][][] }
  | { target: 'route'; parts: LonLat[][] }
  | { target: 'place'; parts: LonLat[] };

const TYPES =
  'Polygon or MultiPolygon (zones), LineString or MultiLineString (routes), Point or MultiPoint (places)';

/** `path` is the geometry's own path, e.g. `features[3].geometry`. */
export function readGeometry(g: unknown, path: string, problems: Problem[]): GeometryParts | null {
  if (g === null || typeof g !== 'object' || Array.isArray(g)) {
    problems.push({ path, message: `found ${describeValue(g)}; allowed: a geometry, ${TYPES}` });
    return null;
  }
  const type = (g as { type?: unknown }).type;
  const coords = (g as { coordinates?: unknown }).coordinates;
  const at = `${path}.coordinates`;
  const before = problems.length;
  let out: GeometryParts | null;
  switch (type) {
    case 'Polygon':
      out = { target: 'zone', parts: [readPolygon(coords, at, problems)] };
      break;
    case 'MultiPolygon':
      out = { target: 'zone', parts: each(coords, at, problems, readPolygon) };
      break;
    case 'LineString':
      out = { target: 'route', parts: [readLine(coords, at, problems)] };
      break;
    case 'MultiLineString':
      out = { target: 'route', parts: each(coords, at, problems, readLine) };
      break;
    case 'Point':
      out = { target: 'place', parts: [readPosition(coords, at, problems)] };
      break;
    case 'MultiPoint':
      out = { target: 'place', parts: each(coords, at, problems, readPosition) };
      break;
    default:
      problems.push({
        path: `${path}.type`,
        message: `found ${describeValue(type)}; allowed: ${TYPES}`,
      });
      return null;
  }
  return problems.length > before ? null : out;
}

/** Reads each element of an array with `read`; a non-array or an empty one is a problem. */
function each<T>(
  v: unknown,
  path: string,
  problems: Problem[],
  read: (x: unknown, path: string, problems: Problem[]) => T,
): T[] {
  if (!Array.isArray(v) || v.length === 0) {
    problems.push({ path, message: `found ${describeValue(v)}; allowed: a non-empty array` });
    return [];
  }
  return v.map((x, i) => read(x, `${path}[${i}]`, problems));
}

function readPolygon(v: unknown, path: string, problems: Problem[]): LonLat[][] {
  return each(v, path, problems, readRing);
}

/** A linear ring: at least four positions, the last the same as the first. */
function readRing(v: unknown, path: string, problems: Problem[]): LonLat[] {
  if (!Array.isArray(v) || v.length < 4) {
    problems.push({
      path,
      message: `found ${describeValue(v)}; allowed: a ring of at least 4 positions, the last repeating the first`,
    });
    return [];
  }
  const ring = v.map((p, i) => readPosition(p, `${path}[${i}]`, problems));
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  const known = !Number.isNaN(first[0]) && !Number.isNaN(last[0]);
  if (known && (first[0] !== last[0] || first[1] !== last[1])) {
    problems.push({
      path,
      message: `ring not closed: first position ${show(first)}, last ${show(last)}; allowed: a ring whose last position repeats the first`,
    });
  }
  return ring;
}

function readLine(v: unknown, path: string, problems: Problem[]): LonLat[] {
  if (!Array.isArray(v) || v.length < 2) {
    problems.push({
      path,
      message: `found ${describeValue(v)}; allowed: a line of at least 2 positions`,
    });
    return [];
  }
  return v.map((p, i) => readPosition(p, `${path}[${i}]`, problems));
}

const ALLOWED_POSITION = 'allowed: [lon, lat] with lon -180..180 and lat -90..90';

/** [lon, lat] from a position; an altitude is dropped. A fault gives [NaN, NaN] and a problem. */
function readPosition(v: unknown, path: string, problems: Problem[]): LonLat {
  const bad = (found: string): LonLat => {
    problems.push({ path, message: `found ${found}; ${ALLOWED_POSITION}` });
    return [Number.NaN, Number.NaN];
  };
  if (!Array.isArray(v) || v.length < 2) return bad(describeValue(v));
  const [lon, lat] = v as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon + lat)) {
    const shown = v.slice(0, 3).map((x) => describeValue(x));
    return bad(`[${shown.join(', ')}]`);
  }
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    const swapped =
      Math.abs(lat) <= 180 && Math.abs(lon) <= 90 ? ' (latitude first? GeoJSON is [lon, lat])' : '';
    return bad(`${show([lon, lat])}${swapped}`);
  }
  return [lon, lat];
}

const show = (p: readonly [number, number]) => `[${p[0]}, ${p[1]}]`;
