// The stock gauge (fuel, supplies, convoy loads; the inspector's bars): its three colours must
// stay apart for every viewer — normal vision and each dichromacy as Machado et al. (2009)
// simulate it — and in greyscale, where only lightness is left.
import { describe, expect, it } from 'vitest';
import {
  colorDistance,
  MIN_DE_RESERVED,
  STOCK_COLORS,
  STOCK_LEVELS,
  stockColor,
  stockCss,
  stockLevel,
  toLab,
} from '../../src/map/colors';
import { DEFICIENCIES, simulateCvd } from '../../src/map/cvd';

/** As far apart as an owner must be from the threat red: told apart at a glance on a bar. */
const MIN_DE_GAUGE = MIN_DE_RESERVED;
/** CIE L* between two levels: a greyscale print or an achromat still sees three steps. */
const MIN_DL_GAUGE = 10;

const pairs = STOCK_LEVELS.flatMap((a, i) => STOCK_LEVELS.slice(i + 1).map((b) => [a, b] as const));

describe('the stock gauge', () => {
  it('steps at 40 % and 20 % of capacity; a value the view may not hold reads ok', () => {
    expect([1, 0.4, 0.3999, 0.2, 0.1999, 0, Number.NaN].map(stockLevel)).toEqual([
      'ok',
      'ok',
      'low',
      'low',
      'critical',
      'critical',
      'ok',
    ]);
    expect(stockColor(0.3)).toBe(STOCK_COLORS.low);
    expect(stockCss(0.1)).toBe(`#${STOCK_COLORS.critical.toString(16).padStart(6, '0')}`);
  });

  it.each(pairs)(
    '%s and %s stay ≥ the minimum apart for normal vision and every dichromacy',
    (a, b) => {
      const ca = STOCK_COLORS[a];
      const cb = STOCK_COLORS[b];
      expect(colorDistance(ca, cb)).toBeGreaterThanOrEqual(MIN_DE_GAUGE);
      for (const d of DEFICIENCIES)
        expect(colorDistance(simulateCvd(ca, d), simulateCvd(cb, d)), d).toBeGreaterThanOrEqual(
          MIN_DE_GAUGE,
        );
    },
  );

  it.each(pairs)('%s and %s differ in lightness (greyscale)', (a, b) => {
    const dl = Math.abs(toLab(STOCK_COLORS[a])[0] - toLab(STOCK_COLORS[b])[0]);
    expect(dl).toBeGreaterThanOrEqual(MIN_DL_GAUGE);
  });
});
