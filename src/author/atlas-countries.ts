// The countries a planner picks a new scenario from: every country of the Natural Earth atlas
// the map draws (world-atlas), with its ISO 3166 numeric code (the scenario's geography.countries
// key), its extent and a point on its land (a new nation's headquarters until the planner moves
// it). A country spread across the antimeridian (Russia, Fiji, the United States) is framed by
// its largest part, cut at ±180° so the box stays a valid scenario box.
import { area, bbox, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { interiorPoint } from '../map/geometry';
import type { LonLat } from '../sim/describe';

export interface AtlasCountry {
  /** ISO 3166-1 numeric, three digits ("466" Mali). */
  iso: string;
  name: string;
  /** [west, south, east, north], degrees. */
  bbox: [number, number, number, number];
  /** A point on the country's land. */
  inside: LonLat;
}

type Shape = Feature<Polygon | MultiPolygon, { name?: string }>;

/** A polygon whose ring jumps across ±180° is redrawn east of it (longitudes up to 360°). */
function unwrap(poly: Position[][]): Position[][] {
  const lons = poly[0]!.map((p) => p[0]!);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return poly;
  return poly.map((r) => r.map((p) => [p[0]! < 0 ? p[0]! + 360 : p[0]!, p[1]!]));
}

/** The country's largest polygon (by area), unwrapped. */
function largestPart(f: Shape): Position[][] {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = unwrap(polys[0]!);
  let bestArea = -1;
  for (const p of polys) {
    const u = unwrap(p);
    const a = area({ type: 'Polygon', coordinates: u });
    if (a > bestArea) {
      bestArea = a;
      best = u;
    }
  }
  return best;
}

const wrapLon = (lon: number) => (lon > 180 ? lon - 360 : lon);

/** Framing: the whole country when it lies on one side of ±180°, else its largest part, cut there. */
function frameOf(f: Shape, part: Position[][]): [number, number, number, number] {
  const b = bbox(f) as [number, number, number, number];
  if (b[2] - b[0] <= 180) return b;
  const [w, s, e, n] = bbox({ type: 'Polygon', coordinates: part }) as [
    number,
    number,
    number,
    number,
  ];
  if (e <= 180) return [w, s, e, n];
  // Mostly east of 180° (Fiji's islands) or west of it (Russia's mainland): keep that side.
  return e - 180 > 180 - w ? [-180, s, wrapLon(e), n] : [w, s, 180, n];
}

/** A point well inside the largest part (the widest interior span), never in a hole. */
function insideOf(f: Shape, part: Position[][]): LonLat {
  const flat = part[0]!.flatMap((p) => [p[0]!, p[1]!]);
  const [x, y] = interiorPoint(flat);
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const cand: LonLat = [round(wrapLon(x)), round(y)];
  if (Number.isFinite(cand[0]) && booleanPointInPolygon(cand, f)) return cand;
  const p = pointOnFeature({ type: 'Polygon', coordinates: part }).geometry.coordinates;
  return [wrapLon(p[0]!), p[1]!];
}

/** Every country of the topology that has an ISO code, sorted by name. */
export function atlasCountries(topology: unknown): AtlasCountry[] {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
  const fc = feature(topo, topo.objects.countries) as unknown as {
    features: Array<Shape & { id?: string | number }>;
  };
  const out: AtlasCountry[] = [];
  for (const f of fc.features) {
    if (f.id === undefined || !f.geometry || !f.properties?.name) continue;
    const part = largestPart(f);
    out.push({
      iso: String(f.id).padStart(3, '0'),
      name: f.properties.name,
      bbox: frameOf(f, part),
      inside: insideOf(f, part),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
