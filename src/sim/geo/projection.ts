// Equirectangular projection between lon/lat degrees and the engine's planar km frame
// (x east, y north, origin at the scenario bbox's south-west corner, one central latitude).

/** Kilometres per degree of latitude (and of longitude on the equator). */
export const KM_PER_DEG = 111.32;

export interface Projection {
  west: number;
  south: number;
  east: number;
  north: number;
  /** km per degree of longitude at the bbox's middle latitude. */
  kx: number;
  /** km per degree of latitude (111.32). */
  ky: number;
  widthKm: number;
  heightKm: number;
}

/** bbox is [west, south, east, north] in degrees (west < east; no antimeridian crossing). */
export function makeProjection(bbox: readonly [number, number, number, number]): Projection {
  const [west, south, east, north] = bbox;
  if (!(east > west) || !(north > south)) {
    throw new Error(`bbox must have west < east and south < north, got [${bbox.join(', ')}]`);
  }
  const midLat = (south + north) / 2;
  const kx = KM_PER_DEG * Math.cos((midLat * Math.PI) / 180);
  const ky = KM_PER_DEG;
  return {
    west,
    south,
    east,
    north,
    kx,
    ky,
    widthKm: (east - west) * kx,
    heightKm: (north - south) * ky,
  };
}

export function toX(p: Projection, lon: number): number {
  return (lon - p.west) * p.kx;
}

export function toY(p: Projection, lat: number): number {
  return (lat - p.south) * p.ky;
}

export function toLon(p: Projection, x: number): number {
  return p.west + x / p.kx;
}

export function toLat(p: Projection, y: number): number {
  return p.south + y / p.ky;
}
