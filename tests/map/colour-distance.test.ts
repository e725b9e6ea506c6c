// Owner colours on a projector: every owner of every bundled scenario, as the app shows it
// (src/map/colors.ts remaps clashing colours at load), must stay perceptually apart from the
// threat red, the traffic purple and every other owner of its scenario — for normal vision and
// as each dichromat sees them (src/map/cvd.ts). Distances are CIEDE2000, checked first against
// Sharma, Wu & Dalal's published test pairs.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  colorDistance,
  deltaE2000,
  displayColors,
  MIN_DE_CVD,
  MIN_DE_OWNERS,
  MIN_DE_RESERVED,
  OWNER_CANDIDATES,
  PALETTE,
  parseColor,
  RESERVED_COLORS,
  THREAT_RED,
  TRAFFIC_PURPLE,
  toLab,
  withDisplayColors,
} from '../../src/map/colors';
import { DEFICIENCIES, type Deficiency, simulateCvd } from '../../src/map/cvd';
import type { WorldDescription } from '../../src/sim/describe';
import { getSession, loaded } from '../../src/store/session';

/** Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula", table 1 (excerpt). */
const SHARMA: Array<[[number, number, number], [number, number, number], number]> = [
  [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
  [[50, 0, 0], [50, -1, 2], 2.3669],
  [[50, -0.001, 2.49], [50, 0.0009, -2.49], 4.8045],
  [[50, -0.001, 2.49], [50, 0.0011, -2.49], 4.7461],
  [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
  [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
  [[50, 2.5, 0], [73, 25, -18], 27.1492],
  [[50, 2.5, 0], [61, -5, 29], 22.8977],
  [[50, 2.5, 0], [56, -27, -3], 31.903],
  [[50, 2.5, 0], [58, 24, 15], 19.4535],
  [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
  [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
];

interface ScenarioColours {
  file: string;
  actors: Array<{ id: string; color: string }>;
}

const scenarios: ScenarioColours[] = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const doc = JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')) as ScenarioColours;
    return { file, actors: doc.actors.map((a) => ({ id: a.id, color: a.color })) };
  });

const round = (v: number) => Math.round(v * 10) / 10;

/** CIEDE2000 of two colours as a dichromat sees them. */
const seenApart = (a: number, b: number, d: Deficiency) =>
  colorDistance(simulateCvd(a, d), simulateCvd(b, d));

/** The smallest distance of two colours over the three dichromacies. */
const cvdApart = (a: number, b: number) => Math.min(...DEFICIENCIES.map((d) => seenApart(a, b, d)));

/** Whether two colours clash for some viewer, by the thresholds `displayColors` keeps. */
const clash = (a: number, b: number, normal: number) =>
  colorDistance(a, b) < normal || cvdApart(a, b) < MIN_DE_CVD;

describe('CIE Lab and CIEDE2000', () => {
  it.each(SHARMA)('ΔE00(%j, %j) = %f', (p, q, want) => {
    expect(deltaE2000(p, q)).toBeCloseTo(want, 4);
    expect(deltaE2000(q, p)).toBeCloseTo(want, 4);
  });

  it('converts sRGB to L*a*b* (D65)', () => {
    const close = (got: number[], want: number[]) =>
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 1));
    close(toLab(0xffffff), [100, 0, 0]);
    close(toLab(0x000000), [0, 0, 0]);
    close(toLab(0xff0000), [53.24, 80.09, 67.2]);
    close(toLab(0x0000ff), [32.3, 79.19, -107.86]);
  });
});

describe('owner colours as the app shows them', () => {
  it('the threat red and the traffic purple are among the reserved colours', () => {
    expect(RESERVED_COLORS).toEqual(
      expect.arrayContaining([THREAT_RED, PALETTE.red, TRAFFIC_PURPLE]),
    );
  });

  it.each(scenarios)(
    '$file: every owner ≥ the stated minimum from red, purple and each other',
    (sc) => {
      const shown = displayColors(sc.actors.map((a) => a.color)).map(parseColor);
      const problems: string[] = [];
      shown.forEach((c, i) => {
        const id = sc.actors[i]!.id;
        for (const [name, ref] of [
          ['threat red', THREAT_RED],
          ['incident red', PALETTE.red],
          ['traffic purple', TRAFFIC_PURPLE],
        ] as const) {
          const d = colorDistance(c, ref);
          if (d < MIN_DE_RESERVED) problems.push(`${id} vs ${name}: ΔE00 ${round(d)}`);
        }
        for (let j = i + 1; j < shown.length; j++) {
          const d = colorDistance(c, shown[j]!);
          if (d < MIN_DE_OWNERS) problems.push(`${id} vs ${sc.actors[j]!.id}: ΔE00 ${round(d)}`);
        }
      });
      expect(problems).toEqual([]);
    },
  );

  it('the stated minimums: 20 from the reds and the purple, 15 between owners, 10 for dichromats', () => {
    expect(MIN_DE_RESERVED).toBeGreaterThanOrEqual(20);
    expect(MIN_DE_OWNERS).toBeGreaterThanOrEqual(15);
    expect(MIN_DE_CVD).toBeGreaterThanOrEqual(10);
  });

  it.each(scenarios)(
    '$file: every owner ≥ the minimum from red, purple and each other as each dichromat sees them',
    (sc) => {
      const shown = displayColors(sc.actors.map((a) => a.color)).map(parseColor);
      const problems: string[] = [];
      for (const d of DEFICIENCIES)
        shown.forEach((c, i) => {
          const id = sc.actors[i]!.id;
          for (const r of RESERVED_COLORS) {
            const apart = seenApart(c, r, d);
            if (apart < MIN_DE_CVD)
              problems.push(`${d}: ${id} vs reserved #${r.toString(16)}: ΔE00 ${round(apart)}`);
          }
          for (let j = i + 1; j < shown.length; j++) {
            const apart = seenApart(c, shown[j]!, d);
            if (apart < MIN_DE_CVD)
              problems.push(`${d}: ${id} vs ${sc.actors[j]!.id}: ΔE00 ${round(apart)}`);
          }
        });
      expect(problems).toEqual([]);
    },
  );

  it('remaps an owner that only a dichromat confuses with an earlier one (blue, then purple)', () => {
    const [blue, purple] = [0x1f77b4, 0x9467bd];
    // Fine for normal vision, and clear of every reserved colour…
    expect(colorDistance(blue, purple)).toBeGreaterThanOrEqual(MIN_DE_OWNERS);
    for (const r of RESERVED_COLORS) {
      expect(colorDistance(purple, r)).toBeGreaterThanOrEqual(MIN_DE_RESERVED);
      expect(cvdApart(purple, r)).toBeGreaterThanOrEqual(MIN_DE_CVD);
    }
    // …but one colour to a protanope.
    expect(seenApart(blue, purple, 'protanopia')).toBeLessThan(MIN_DE_CVD);
    const shown = displayColors(['#1f77b4', '#9467bd']);
    expect(shown[0]).toBe('#1f77b4');
    expect(shown[1]).not.toBe('#9467bd');
    expect(clash(blue, parseColor(shown[1]), MIN_DE_OWNERS)).toBe(false);
  });

  it("remaps an owner a dichromat would read as one of the reds (d3's green and orange)", () => {
    for (const c of [0x2ca02c, 0xff7f0e]) {
      expect(RESERVED_COLORS.every((r) => colorDistance(c, r) >= MIN_DE_RESERVED)).toBe(true);
      expect(Math.min(...RESERVED_COLORS.map((r) => cvdApart(c, r)))).toBeLessThan(MIN_DE_CVD);
    }
    const shown = displayColors(['#2ca02c', '#ff7f0e']).map(parseColor);
    expect(shown).not.toContain(0x2ca02c);
    expect(shown).not.toContain(0xff7f0e);
    for (const c of shown)
      for (const r of RESERVED_COLORS) expect(clash(c, r, MIN_DE_RESERVED)).toBe(false);
    expect(clash(shown[0]!, shown[1]!, MIN_DE_OWNERS)).toBe(false);
  });

  it('every replacement is clear of the reserved colours for every viewer, no red, pink or violet, and stands off land and sea', () => {
    /** sRGB hue in degrees and chroma (max − min) in 0..1. */
    const hue = (c: number) => {
      const [r, g, b] = [(c >> 16) & 255, (c >> 8) & 255, c & 255].map((v) => v / 255) as [
        number,
        number,
        number,
      ];
      const max = Math.max(r, g, b);
      const chroma = max - Math.min(r, g, b);
      if (chroma === 0) return { h: 0, chroma };
      const h =
        max === r
          ? ((g - b) / chroma + 6) % 6
          : max === g
            ? (b - r) / chroma + 2
            : (r - g) / chroma + 4;
      return { h: h * 60, chroma };
    };
    const problems: string[] = [];
    for (const c of OWNER_CANDIDATES) {
      const name = `#${c.toString(16).padStart(6, '0')}`;
      for (const r of RESERVED_COLORS)
        if (clash(c, r, MIN_DE_RESERVED)) problems.push(`${name} clashes with #${r.toString(16)}`);
      const { h, chroma } = hue(c);
      // Reds, pinks and violets: hue from violet (260°) round to red-orange (20°).
      if (chroma > 0.25 && (h >= 260 || h < 20)) problems.push(`${name} is red, pink or violet`);
      if (colorDistance(c, PALETTE.land) < 20 || cvdApart(c, PALETTE.land) < 10)
        problems.push(`${name} fades into land`);
      if (colorDistance(c, PALETTE.sea) < 10 || cvdApart(c, PALETTE.sea) < 10)
        problems.push(`${name} fades into sea`);
    }
    expect(problems).toEqual([]);
  });

  it('the files as written clash (why the remap exists): Burkina Faso, Indonesia, Nicaragua, Kenya, the UAE on red, pinks on purple', () => {
    const raw = new Map(
      scenarios.flatMap((sc) => sc.actors.map((a) => [`${sc.file}:${a.id}`, parseColor(a.color)])),
    );
    const red = (key: string) => colorDistance(raw.get(key)!, THREAT_RED);
    for (const key of [
      'sahel-ct.json:burkina',
      'sea-maritime.json:indonesia',
      'central-america.json:nicaragua',
      'au-somalia.json:kenya',
      'gulf-maritime.json:uae',
    ])
      expect(red(key), key).toBeLessThan(MIN_DE_RESERVED);
    expect(colorDistance(raw.get('gulf-maritime.json:bahrain')!, TRAFFIC_PURPLE)).toBeLessThan(
      MIN_DE_RESERVED,
    );
  });

  it('keeps colours that do not clash, and maps its own output to itself', () => {
    for (const sc of scenarios) {
      const before = sc.actors.map((a) => a.color.toLowerCase());
      const once = displayColors(before);
      expect(displayColors(once)).toEqual(once);
      // Somalia's blue, Uganda's amber… stay as the scenario's author chose them.
      once.forEach((c, i) => {
        const own = parseColor(before[i]!);
        const clashes =
          RESERVED_COLORS.some((r) => clash(own, r, MIN_DE_RESERVED)) ||
          before.slice(0, i).some((b) => clash(own, parseColor(b), MIN_DE_OWNERS));
        if (!clashes) expect(c).toBe(before[i]);
      });
    }
  });

  it('withDisplayColors returns the same description when nothing clashes', () => {
    // Blue and amber: apart for every viewer (d3's green would not be: dichromats see the red).
    const calm = { actors: [{ color: '#ffbf00' }, { color: '#1f77b4' }] };
    expect(withDisplayColors(calm)).toBe(calm);
    const red = { actors: [{ color: '#ffbf00' }, { color: '#d62728' }] };
    const shown = withDisplayColors(red);
    expect(shown).not.toBe(red);
    expect(shown.actors[0]!.color).toBe('#ffbf00');
    expect(colorDistance(parseColor(shown.actors[1]!.color), THREAT_RED)).toBeGreaterThanOrEqual(
      MIN_DE_RESERVED,
    );
  });
});

describe('where the remap happens', () => {
  it('the store keeps the display colours when a scenario loads (the map, key and panels read them)', () => {
    const d = {
      scenario: { totalTicks: 10, tickMinutes: 15 },
      actors: [
        { id: 'mali', name: 'Mali', color: '#1f77b4' },
        { id: 'burkina', name: 'Burkina Faso', color: '#d62728' },
      ],
      agreements: [],
      rights: [],
      mechanisms: [],
    } as unknown as WorldDescription;
    loaded(d, '', 'user');
    const shown = getSession().description!.actors.map((a) => a.color);
    expect(shown[0]).toBe('#1f77b4');
    expect(shown[1]).not.toBe('#d62728');
    expect(shown).toEqual(displayColors(['#1f77b4', '#d62728']));
  });
});
