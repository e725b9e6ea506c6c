// Web Mercator between lon/lat degrees and the map's world units (km at the equator, x east,
// y down, origin at the scenario bbox's centre so Float32 GPU maths stays precise).

/** Earth radius in km: one world unit is one km of Mercator plane at the equator. */
export const EARTH_RADIUS_KM = 6378.137;
const DEG = Math.PI / 180;
const MAX_LAT = 85.05112878;

export interface MapProjection {
  /** Longitude of the world origin, degrees. */
  lon0: number;
  /** Mercator y (unnegated, km) of the world origin. */
  m0: number;
}

const mercY = (lat: number): number => {
  const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * DEG;
  return EARTH_RADIUS_KM * Math.log(Math.tan(Math.PI / 4 + phi / 2));
};

/** A projection centred on bbox [west, south, east, north]. */
export function makeMapProjection(bbox: readonly [number, number, number, number]): MapProjection {
  const [w, s, e, n] = bbox;
  return { lon0: (w + e) / 2, m0: (mercY(s) + mercY(n)) / 2 };
}

export function projX(p: MapProjection, lon: number): number {
  return EARTH_RADIUS_KM * (lon - p.lon0) * DEG;
}

export function projY(p: MapProjection, lat: number): number {
  return p.m0 - mercY(lat);
}

export function unprojLon(p: MapProjection, x: number): number {
  return p.lon0 + x / (EARTH_RADIUS_KM * DEG);
}

export function unprojLat(p: MapProjection, y: number): number {
  const m = (p.m0 - y) / EARTH_RADIUS_KM;
  return (2 * Math.atan(Math.exp(m)) - Math.PI / 2) / DEG;
}

/** World units spanned by `km` of ground distance at latitude `lat` (Mercator stretch). */
export function kmToUnits(km: number, lat: number): number {
  return km / Math.cos(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * DEG);
}

/** A bbox projected to world units: [minX, minY, maxX, maxY] (y down). */
export function projectBBox(
  p: MapProjection,
  bbox: readonly [number, number, number, number],
): [number, number, number, number] {
  const [w, s, e, n] = bbox;
  return [projX(p, w), projY(p, n), projX(p, e), projY(p, s)];
}
