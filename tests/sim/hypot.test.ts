// hypot2 must equal Math.hypot bit for bit: run hashes depend on it.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { hypot2 } from '../../src/sim/geo/hypot';

describe('hypot2', () => {
  it('equals Math.hypot exactly on special values', () => {
    const v = [
      0,
      -0,
      1,
      -1,
      0.5,
      1e-300,
      -1e-300,
      1e300,
      5e-324,
      Number.MAX_VALUE,
      Infinity,
      -Infinity,
      NaN,
    ];
    for (const x of v)
      for (const y of v) expect(Object.is(hypot2(x, y), Math.hypot(x, y)), `${x}, ${y}`).toBe(true);
  });

  it('equals Math.hypot exactly on a million random pairs of km-like and wide-range values', () => {
    const r = seedrandom.alea('hypot');
    let bad = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const scale = i % 4 === 0 ? 10 ** Math.floor(r() * 40 - 20) : 3000;
      const x = (r() - 0.5) * scale;
      const y = (r() - 0.5) * (i % 7 === 0 ? scale * 1e-6 : scale);
      if (!Object.is(hypot2(x, y), Math.hypot(x, y))) bad++;
    }
    expect(bad).toBe(0);
  });
});
