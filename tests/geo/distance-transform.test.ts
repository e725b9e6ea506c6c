import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { nearestSource } from '../../src/sim/geo/distance-transform';

describe('nearestSource', () => {
  it('matches brute-force nearest distances within 2% on random sources', () => {
    const cols = 120;
    const rows = 90;
    const rng = seedrandom.alea('concord-edt');
    const src: number[] = [];
    for (let k = 0; k < 40; k++) src.push(Math.floor(rng() * cols * rows));
    const set = new Set(src);
    const { source, dist2 } = nearestSource(cols, rows, (i) => set.has(i));
    let worst = 0;
    let exact = 0;
    for (let i = 0; i < cols * rows; i++) {
      const c = i % cols;
      const r = (i - c) / cols;
      let best = Number.POSITIVE_INFINITY;
      for (const s of set)
        best = Math.min(best, (c - (s % cols)) ** 2 + (r - Math.floor(s / cols)) ** 2);
      const got = dist2[i]!;
      // The carried source really is at the reported distance.
      const s = source[i]!;
      expect((c - (s % cols)) ** 2 + (r - Math.floor(s / cols)) ** 2).toBe(got);
      if (got === best) exact++;
      if (best > 0) worst = Math.max(worst, Math.sqrt(got) / Math.sqrt(best) - 1);
    }
    expect(worst).toBeLessThan(0.02);
    expect(exact / (cols * rows)).toBeGreaterThan(0.99);
  });

  it('reports no source when there is none', () => {
    const { source, dist2 } = nearestSource(5, 4, () => false);
    expect(source.every((s) => s === -1)).toBe(true);
    expect(dist2[7]).toBe(0x7fffffff);
  });
});
