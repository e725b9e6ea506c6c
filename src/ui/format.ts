// Small display helpers shared by the panels.

export const pct = (frac: number | undefined): string =>
  frac === undefined || !Number.isFinite(frac) ? '—' : `${Math.round(frac * 100)} %`;

export function latLon(lon: number, lat: number): string {
  const f = (v: number, pos: string, neg: string) =>
    `${Math.abs(v).toFixed(2)}° ${v >= 0 ? pos : neg}`;
  return `${f(lat, 'N', 'S')}, ${f(lon, 'E', 'W')}`;
}

export function num(v: number | undefined, digits = 1): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  return Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(digits);
}

/** Text colour that reads on a background colour '#rrggbb'. */
export function inkOn(css: string): string {
  const h = css.replace('#', '');
  const v = Number.parseInt(h.length === 3 ? h.replace(/./g, (c) => c + c) : h, 16);
  if (!Number.isFinite(v)) return '#000';
  const r = (v >> 16) & 255;
  const g = (v >> 8) & 255;
  const b = v & 255;
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#0b1118' : '#ffffff';
}

/** Trust 0→1 as a sequential blue (light = low, dark = high), readable in print and on a projector. */
export function trustColor(v: number): string {
  const t = Math.min(1, Math.max(0, v));
  const lo = [247, 251, 255];
  const hi = [8, 48, 107];
  const c = lo.map((x, i) => Math.round(x + (hi[i]! - x) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
