// The map's palette: basemap tones, status colours and helpers to parse and blend actor colours.
// Colours that carry meaning (owners, the stock gauge) are checked as colour-blind viewers see
// them too (./cvd.ts).
import { DEFICIENCIES, simulateCvd, srgbToLinear } from './cvd';

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
  ok: 0x3fae49, // units' bars until the first snapshot tints them; stock levels use stock*
  amber: 0xf0a020,
  red: 0xe0302a,
  hostile: 0xff3030,
  // The stock gauge, from Okabe & Ito's colour-blind-safe set. It steps in lightness as well as
  // hue (L* 70, 89, 54), so it reads under every dichromacy and in greyscale; the green, amber
  // and red it replaces showed a protanope ok and low, a deuteranope ok and critical, as one
  // olive (ΔE00 6 and 8 under Machado's simulation).
  stockOk: 0x56b4e9, // sky blue
  stockLow: 0xf0e442, // yellow
  stockCritical: 0xd55e00, // vermillion
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

/** 0xrrggbb → '#rrggbb'. */
export const cssHex = (c: number) => `#${c.toString(16).padStart(6, '0')}`;

/** Linear blend of two 0xrrggbb colours, t in 0..1. */
export function mix(a: number, b: number, t: number): number {
  const ch = (s: number) => {
    const x = (a >> s) & 255;
    const y = (b >> s) & 255;
    return Math.round(x + (y - x) * t) & 255;
  };
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** The stock gauge turns "low" below this fraction of capacity… */
export const STOCK_LOW = 0.4;
/** …and "critical" below this one. */
export const STOCK_CRITICAL = 0.2;

export type StockLevel = 'ok' | 'low' | 'critical';
/** The gauge's levels, fullest first (the key lists them in this order). */
export const STOCK_LEVELS: readonly StockLevel[] = ['ok', 'low', 'critical'];

/** The gauge's level for a fraction of capacity (NaN, a value the view may not hold, reads ok). */
export function stockLevel(frac: number): StockLevel {
  if (frac < STOCK_CRITICAL) return 'critical';
  if (frac < STOCK_LOW) return 'low';
  return 'ok';
}

/** Each gauge level's colour, 0xrrggbb. */
export const STOCK_COLORS: Readonly<Record<StockLevel, number>> = {
  ok: PALETTE.stockOk,
  low: PALETTE.stockLow,
  critical: PALETTE.stockCritical,
};

/** Stock gauge colour: sky blue, yellow below 40 %, vermillion below 20 %. */
export function stockColor(frac: number): number {
  return STOCK_COLORS[stockLevel(frac)];
}

/** The same gauge as a CSS colour, for the panels' bars. */
export function stockCss(frac: number): string {
  return cssHex(stockColor(frac));
}

// ——— Owner colours on a projector ———————————————————————————————————————————————————
// Scenario files pick actor colours freely (often the d3 category palette), and some land on
// the threat red or the purple milsymbol gives civilian traffic — or do for a colour-blind
// viewer: d3's green is the incident red to a deuteranope, its orange the hostile fill to a
// tritanope, its blue and purple one colour to a protanope (./cvd.ts simulates the three
// dichromacies). The files cannot simply be
// recoloured: a session file pins the bundled scenario's SHA-256 digest. So the app remaps
// clashing colours when a description is loaded; the simulation never sees colours.

/** The red of hostile symbols, threat tracks, incidents and safe havens. */
export const THREAT_RED = PALETTE.hostile;
/** milsymbol's fill for civilian objects (merchant ships, fishing boats, civilian vehicles). */
export const TRAFFIC_PURPLE = 0xffa1ff;
/** Colours an owner must stay clearly apart from: every red the map draws, traffic purple. */
export const RESERVED_COLORS: readonly number[] = [
  PALETTE.red,
  PALETTE.hostile,
  0xff8080, // milsymbol's hostile fill
  TRAFFIC_PURPLE,
];
/** Minimum CIEDE2000 distance of an owner colour from a reserved colour. */
export const MIN_DE_RESERVED = 20;
/** Minimum CIEDE2000 distance between two owners of one scenario. */
export const MIN_DE_OWNERS = 15;
/**
 * Minimum CIEDE2000 distance, as each dichromat sees them (./cvd.ts), between two owners and
 * between an owner and a reserved colour. A dichromat's colours lie on a surface (lightness and
 * one hue axis), and the reds' look-alikes take its olive and ochre, the purple's its light
 * blue: a greedy search of the sRGB cube for owner colours (not red, pink or violet, clear of
 * the reserved colours, standing off land and sea) found at most 7 pairwise 15 apart under all
 * three simulations — the bundled scenarios have up to 10 owners, some keeping their author's
 * colours — and 10 at this threshold. 10 is still about four just-noticeable differences
 * (ΔE00 ≈ 2.3): two fills side by side read as different at a glance.
 */
export const MIN_DE_CVD = 10;
/** A replacement keeps this much more from every other owner, so it adds no near-clash. */
const REPLACEMENT_EXTRA = 5;

/**
 * Replacements, tried in order, for a clashing owner colour. Each fills a symbol legibly on beige
 * land and dark sea (ΔE00 ≥ 20 from land for normal vision, ≥ 10 from land and sea for every
 * viewer), is none red, pink or violet, and clears every reserved colour as every viewer sees
 * it. Okabe–Ito's blue and yellow (a shade deeper, ΔE00 1.2: as printed a tritanope loses it in
 * the land) and Tol's indigo first; then Okabe–Ito's orange made lighter and bluish green
 * darker (as printed, dichromats see them as one of the reds), a brown, Tol's pear and teal;
 * then colours a search added until every bundled scenario met every threshold; grey (read as
 * "not party") last.
 */
export const OWNER_CANDIDATES: readonly number[] = [
  0x0072b2, 0xeee034, 0x332288, 0xf5b437, 0x287d64, 0x78554b, 0xbbcc33, 0x41aaa5, 0x00bbbb,
  0x7788ee, 0x773300, 0x0033ff, 0x007799, 0xaaee88, 0x0055aa, 0x8c8c91,
];

/** sRGB 0xrrggbb → CIE L*a*b* (D65 white). */
export function toLab(c: number): [number, number, number] {
  const r = srgbToLinear((c >> 16) & 255);
  const g = srgbToLinear((c >> 8) & 255);
  const b = srgbToLinear(c & 255);
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 colour difference of two L*a*b* colours (Sharma, Wu & Dalal 2005). */
export function deltaE2000(p: readonly number[], q: readonly number[]): number {
  const [L1, a1, b1] = p as [number, number, number];
  const [L2, a2, b2] = q as [number, number, number];
  const rad = Math.PI / 180;
  const c7 = (c: number) => Math.sqrt(c ** 7 / (c ** 7 + 25 ** 7));
  const G = 0.5 * (1 - c7((Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2));
  const A1 = (1 + G) * a1;
  const A2 = (1 + G) * a2;
  const C1 = Math.hypot(A1, b1);
  const C2 = Math.hypot(A2, b2);
  const hue = (a: number, b: number) => {
    if (a === 0 && b === 0) return 0;
    const h = Math.atan2(b, a) / rad;
    return h < 0 ? h + 360 : h;
  };
  const h1 = hue(A1, b1);
  const h2 = hue(A2, b2);
  const chroma = C1 * C2 !== 0;
  let dh = chroma ? h2 - h1 : 0;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh * rad) / 2);
  const L = (L1 + L2) / 2;
  const C = (C1 + C2) / 2;
  let H = h1 + h2;
  if (chroma) H = Math.abs(h1 - h2) <= 180 ? H / 2 : H < 360 ? (H + 360) / 2 : (H - 360) / 2;
  const T =
    1 -
    0.17 * Math.cos((H - 30) * rad) +
    0.24 * Math.cos(2 * H * rad) +
    0.32 * Math.cos((3 * H + 6) * rad) -
    0.2 * Math.cos((4 * H - 63) * rad);
  const SL = 1 + (0.015 * (L - 50) ** 2) / Math.sqrt(20 + (L - 50) ** 2);
  const SC = 1 + 0.045 * C;
  const SH = 1 + 0.015 * C * T;
  const RT = -Math.sin(2 * 30 * Math.exp(-(((H - 275) / 25) ** 2)) * rad) * 2 * c7(C);
  const dl = (L2 - L1) / SL;
  const dc = (C2 - C1) / SC;
  const dhh = dH / SH;
  return Math.sqrt(dl * dl + dc * dc + dhh * dhh + RT * dc * dhh);
}

/** CIEDE2000 distance of two 0xrrggbb colours. */
export const colorDistance = (a: number, b: number) => deltaE2000(toLab(a), toLab(b));

type Lab = [number, number, number];

/** A colour in L*a*b* as seen with normal vision, then as each dichromat sees it. */
function seenAs(c: number): Lab[] {
  return [toLab(c), ...DEFICIENCIES.map((d) => toLab(simulateCvd(c, d)))];
}

/**
 * How far two colours (from `seenAs`) stay beyond the thresholds, normal vision `normal` and
 * each dichromacy MIN_DE_CVD, in ΔE00; negative when they clash for some viewer.
 */
function clearance(a: readonly Lab[], b: readonly Lab[], normal: number): number {
  let m = deltaE2000(a[0]!, b[0]!) - normal;
  for (let k = 1; k < a.length; k++) m = Math.min(m, deltaE2000(a[k]!, b[k]!) - MIN_DE_CVD);
  return m;
}

/** `seenAs`, remembered for the colours of one call (each is compared many times). */
function seenCache(): (c: number) => Lab[] {
  const cache = new Map<number, Lab[]>();
  return (c) => {
    let v = cache.get(c);
    if (!v) {
      v = seenAs(c);
      cache.set(c, v);
    }
    return v;
  };
}

/**
 * Owner colours for display. A colour is kept if, for normal vision, it stays MIN_DE_RESERVED
 * from the reserved colours and MIN_DE_OWNERS from every owner kept before it, and MIN_DE_CVD
 * from both as each dichromat sees them. Each other colour gets the first candidate (in order
 * of preference) that stays clear of the reserved colours, of every kept owner (before or after
 * it) and of the replacements so far, so fixing one owner never recolours another; where no
 * candidate is clear, the least bad one.
 * Deterministic and idempotent (a remapped list maps to itself when every margin holds), so
 * every view of a scenario shows the same colours.
 */
export function displayColors(colors: readonly string[]): string[] {
  const out = colors.map(parseColor);
  const seen = seenCache();
  const reserved = RESERVED_COLORS.map(seen);
  const reservedMargin = (c: number) =>
    Math.min(...reserved.map((r) => clearance(seen(c), r, MIN_DE_RESERVED)));
  const ownerMargin = (c: number, others: readonly number[]) =>
    Math.min(
      Number.POSITIVE_INFINITY,
      ...others.map((o) => clearance(seen(c), seen(o), MIN_DE_OWNERS)),
    );
  const kept: number[] = [];
  const replace: number[] = [];
  out.forEach((c, i) => {
    if (reservedMargin(c) >= 0 && ownerMargin(c, kept) >= 0) kept.push(c);
    else replace.push(i);
  });
  const taken = [...kept];
  for (const i of replace) {
    // The first candidate clear of everything by the wider margin, else the least bad one.
    let best = Number.NEGATIVE_INFINITY;
    for (const cand of OWNER_CANDIDATES) {
      const m = Math.min(reservedMargin(cand), ownerMargin(cand, taken) - REPLACEMENT_EXTRA);
      if (m > best) {
        best = m;
        out[i] = cand;
      }
      if (m >= 0) break;
    }
    taken.push(out[i]!);
  }
  return out.map(cssHex);
}

/** A description (or anything with actors) with its owner colours remapped for display. */
export function withDisplayColors<T extends { actors: ReadonlyArray<{ color: string }> }>(d: T): T {
  const colors = displayColors(d.actors.map((a) => a.color));
  if (colors.every((c, i) => c === d.actors[i]!.color.toLowerCase())) return d;
  return { ...d, actors: d.actors.map((a, i) => ({ ...a, color: colors[i]! })) };
}

/** Black or white, whichever reads better on a '#rrggbb' fill. */
export function inkFor(fill: string): string {
  const v = parseColor(fill);
  const lum = 0.299 * ((v >> 16) & 255) + 0.587 * ((v >> 8) & 255) + 0.114 * (v & 255);
  return lum > 140 ? '#000000' : '#ffffff';
}

/**
 * milsymbol options for a unit of an owner: the frame filled in the owner's colour (a nation
 * reads from the back of the room by its fill; a thin coloured outline did not), the icon in
 * black or white to stay legible on it, and a light halo that lifts it off land and sea.
 * `outlineWidth` is in symbol units (a frame is ~150 wide): 10 ≈ 1.5 px at size 22.
 */
export function ownerSymbolOptions(fill: string) {
  return {
    fillColor: fill,
    iconColor: inkFor(fill),
    outlineWidth: 10,
    outlineColor: 'rgba(255,255,255,0.9)',
  };
}
