// The countries a planner picks a new scenario from: every country of the Natural Earth atlas
// the map draws (world-atlas), with its ISO 3166 numeric code (the scenario's geography.countries
// key), its extent and a point inside it (a new nation's headquarters until the planner moves it).
import { bbox, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
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

/** A country spread across the antimeridian (Russia, Fiji) is framed by its largest part. */
function mainPart(f: Shape): Shape {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const b = bbox(f);
  if (b[2] - b[0] <= 180) return f;
  let best = f.geometry.coordinates[0]!;
  let bestSpan = -1;
  for (const poly of f.geometry.coordinates) {
    const pb = bbox({ type: 'Polygon', coordinates: poly });
    const span = (pb[2] - pb[0]) * (pb[3] - pb[1]);
    if (span > bestSpan) {
      bestSpan = span;
      best = poly;
    }
  }
  return { ...f, geometry: { type: 'Polygon', coordinates: best } };
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
    const part = mainPart(f);
    const b = bbox(part) as [number, number, number, number];
    const p = pointOnFeature(part).geometry.coordinates;
    out.push({
      iso: String(f.id).padStart(3, '0'),
      name: f.properties.name,
      bbox: b,
      inside: [Math.round(p[0]! * 100) / 100, Math.round(p[1]! * 100) / 100],
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
