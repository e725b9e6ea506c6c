// Colour-vision deficiency simulation (src/map/cvd.ts): Machado, Oliveira & Fernandes (2009),
// severity 1.0, in linear RGB. Known outputs are the published matrix's columns sent through
// the sRGB encoding by hand, so a mistyped coefficient or a matrix applied to gamma-encoded
// values shows here.
import { describe, expect, it } from 'vitest';
import { colorDistance } from '../../src/map/colors';
import { DEFICIENCIES, type Deficiency, MACHADO_2009, simulateCvd } from '../../src/map/cvd';

/** sRGB encoding of a linear value, clamped (IEC 61966-2-1), 0..255. */
const encode = (l: number) => {
  const c = Math.min(1, Math.max(0, l));
  return Math.round((c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055) * 255);
};
const rgb = (r: number, g: number, b: number) => (r << 16) | (g << 8) | b;

describe('Machado et al. (2009) dichromat simulation', () => {
  it.each<[Deficiency, string, number, number]>([
    // A primary's linear value is 1, so the result is the published matrix's column, encoded:
    // protanopia, red: (0.152286, 0.114503, −0.003882) → (109, 95, 0).
    ['protanopia', 'red', 0, rgb(109, 95, 0)],
    // deuteranopia, green: (0.860646, 0.672501, 0.042940) → (239, 214, 58).
    ['deuteranopia', 'green', 1, rgb(239, 214, 58)],
    // tritanopia, blue: (−0.178779, 0.147602, 0.303900) → (0, 107, 150).
    ['tritanopia', 'blue', 2, rgb(0, 107, 150)],
  ])('%s sees pure %s as the published column', (deficiency, _name, column, want) => {
    const primary = 0xff << (8 * (2 - column));
    expect(simulateCvd(primary, deficiency)).toBe(want);
    // The matrix as typed in holds the published column.
    const col = MACHADO_2009[deficiency].map((row) => encode(row[column]!));
    expect(rgb(col[0]!, col[1]!, col[2]!)).toBe(want);
  });

  it.each(DEFICIENCIES)('%s leaves white, black and every grey as they are', (deficiency) => {
    for (let v = 0; v < 256; v++) {
      const grey = rgb(v, v, v);
      expect(simulateCvd(grey, deficiency)).toBe(grey);
    }
  });

  it('confuses what each dichromacy is known to confuse, and nothing for normal vision', () => {
    // d3's green and orange: far apart for normal vision, one olive to a protanope.
    expect(colorDistance(0x2ca02c, 0xff7f0e)).toBeGreaterThan(30);
    expect(
      colorDistance(simulateCvd(0x2ca02c, 'protanopia'), simulateCvd(0xff7f0e, 'protanopia')),
    ).toBeLessThan(3);
    // Blue and purple merge for protanopes and deuteranopes, not for tritanopes.
    const bluePurple = (d: Deficiency) =>
      colorDistance(simulateCvd(0x1f77b4, d), simulateCvd(0x9467bd, d));
    expect(bluePurple('protanopia')).toBeLessThan(3);
    expect(bluePurple('deuteranopia')).toBeLessThan(10);
    expect(bluePurple('tritanopia')).toBeGreaterThan(30);
    // Blue and yellow, the axis red–green dichromats keep, stay far apart for them.
    const blueYellow = (d: Deficiency) =>
      colorDistance(simulateCvd(0x0072b2, d), simulateCvd(0xf0e442, d));
    expect(blueYellow('protanopia')).toBeGreaterThan(40);
    expect(blueYellow('deuteranopia')).toBeGreaterThan(40);
  });
});
