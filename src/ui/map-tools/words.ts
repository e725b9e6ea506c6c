// Words for the map tools: a point in degrees (4 decimals, about 11 m, with N/S and E/W) and as
// an MGRS reference (the mgrs package; 8 digits, 10 m, to match), lengths in km and nautical
// miles, areas in km², and the scale bar's round lengths.
import { forward } from 'mgrs';
import { KM_PER_NM } from '../../map/scale-bar';

/** "13.5116° N, 2.1098° E" (the cursor readout). */
export function formatDegrees(lon: number, lat: number): string {
  const f = (v: number, pos: string, neg: string) =>
    `${Math.abs(v).toFixed(4)}° ${v < 0 && Math.abs(v) >= 0.00005 ? neg : pos}`;
  return `${f(lat, 'N', 'S')}, ${f(lon, 'E', 'W')}`;
}

/** MGRS digits per coordinate in the readout: 4 is a 10 m square, as 4 decimals of a degree. */
export const MGRS_DIGITS = 4;

/**
 * "31P DR 1234 5678": grid zone, 100 km square, easting, northing. Empty outside MGRS's UTM
 * part (north of 84° N, south of 80° S: the polar UPS grid, which mgrs does not give).
 */
export function formatMgrs(lon: number, lat: number, digits = MGRS_DIGITS): string {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || lat > 84 || lat < -80) return '';
  let ref: string;
  try {
    ref = forward([lon, lat], digits);
  } catch {
    return '';
  }
  const m = /^(\d{1,2}[C-X])([A-Z]{2})(\d*)$/.exec(ref);
  if (!m) return ref;
  const d = m[3]!;
  const half = d.length / 2;
  return d ? `${m[1]} ${m[2]} ${d.slice(0, half)} ${d.slice(half)}` : `${m[1]} ${m[2]}`;
}

const fixed = (v: number, digits: number) =>
  v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "1,100.2 km" (two decimals under 10 km). */
export function formatKm(km: number): string {
  return `${fixed(km, km < 10 ? 2 : 1)} km`;
}

/** "594.0 NM" for a length given in km. */
export function formatNm(km: number): string {
  const nm = km / KM_PER_NM;
  return `${fixed(nm, nm < 10 ? 2 : 1)} NM`;
}

/** "12,345 km²" (decimals below 1,000 km²). */
export function formatArea(km2: number): string {
  return `${fixed(km2, km2 < 10 ? 2 : km2 < 1000 ? 1 : 0)} km²`;
}

/** A scale bar's round length: "200 km", "500 m", "50 NM", "0.5 NM". */
export function formatBarLength(length: number, unit: 'km' | 'NM'): string {
  if (unit === 'km' && length < 1) return `${Math.round(length * 1000)} m`;
  return `${length.toLocaleString('en-GB', { maximumFractionDigits: 3 })} ${unit}`;
}
