// The map's palette: basemap tones, status colours and helpers to parse and blend actor colours.

export const PALETTE = {
  sea: 0x1d3346,
  land: 0xd9d2bf,
  landOutside: 0xc9c3b2,
  coast: 0x8a8472,
  border: 0x5b5346,
  countryName: 0x4a4236,
  halo: 0x0e1a24,
  road: 0x8c6d4f,
  lane: 0x7cc4ff,
  ok: 0x3fae49,
  amber: 0xf0a020,
  red: 0xe0302a,
  hostile: 0xff3030,
  neutral: 0xcfd8dc,
  lost: 0x9aa3a8,
  text: 0xffffff,
  barBack: 0x1b1b1b,
} as const;

/** '#rrggbb' / '#rgb' / 'rrggbb' → 0xrrggbb (grey when unreadable). */
export function parseColor(css: string | undefined): number {
  if (!css) return 0x888888;
  let h = css.trim().replace(/^#/, '');
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  const v = Number.parseInt(h.slice(0, 6), 16);
  return Number.isFinite(v) ? v : 0x888888;
}

/** Linear blend of two 0xrrggbb colours, t in 0..1. */
export function mix(a: number, b: number, t: number): number {
  const ch = (s: number) => {
    const x = (a >> s) & 255;
    const y = (b >> s) & 255;
    return Math.round(x + (y - x) * t) & 255;
  };
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** Stock gauge colour: green, amber below 40 %, red below 20 %. */
export function stockColor(frac: number): number {
  if (frac < 0.2) return PALETTE.red;
  if (frac < 0.4) return PALETTE.amber;
  return PALETTE.ok;
}
