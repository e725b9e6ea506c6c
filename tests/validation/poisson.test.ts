// Validation: incidents generated at a constant rate are Poisson. Forty cells with no lie-low
// raid one village next to their haven at 0.5 raids per cell-day, with no security presence,
// for 60 days at 1-minute ticks: counts per 6 hours must show a dispersion index
// (variance/mean) inside the χ² 95% band for Poisson counts, and the gaps between incidents
// must pass a Kolmogorov–Smirnov test against the exponential distribution seen through the
// tick grid (5% level); both on four independent runs pooled (seeds 1–4).
import { describe, expect, it } from 'vitest';
import { incidentTicks } from './raids';

/** χ² quantile by the Wilson–Hilferty approximation. */
function chi2(k: number, z: number): number {
  return k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
}

describe('Poisson validation', () => {
  it('constant-rate incidents: dispersion index within the χ² band and exponential gaps (KS), pooled over four runs', () => {
    const counts: number[] = [];
    const gaps: number[] = [];
    const window = 360;
    for (const seed of [1, 2, 3, 4]) {
      const { ticks, total } = incidentTicks(seed);
      // About 20 incidents a day for 60 days.
      expect(ticks.length).toBeGreaterThan(900);
      const c = new Array(Math.floor(total / window)).fill(0);
      for (const t of ticks) if (t < c.length * window) c[Math.floor(t / window)]++;
      counts.push(...c);
      for (let i = 1; i < ticks.length; i++) gaps.push(ticks[i]! - ticks[i - 1]!);
    }
    const n = counts.length;
    const mean = counts.reduce((a, b) => a + b, 0) / n;
    const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const dispersion = variance / mean;
    expect(dispersion).toBeGreaterThan(chi2(n - 1, -1.96) / (n - 1));
    expect(dispersion).toBeLessThan(chi2(n - 1, 1.96) / (n - 1));
    // Exponential gaps seen through 1-minute ticks: with U ~ U(0,1) the tick of the first event
    // and G ~ Exp(μ), the gap in ticks is ⌊U + G⌋, so P(gap ≤ k) = 1 − μ·e^(−(k+1)/μ)·(e^(1/μ) − 1)
    // and its mean is μ. Both distributions step at whole ticks: compare them there (the KS bound
    // for continuous distributions is conservative for discrete ones).
    gaps.sort((a, b) => a - b);
    const mu = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const cdf = (k: number) => 1 - mu * Math.exp(-(k + 1) / mu) * (Math.exp(1 / mu) - 1);
    let d = 0;
    let below = 0;
    for (let k = 0; k <= gaps[gaps.length - 1]!; k++) {
      while (below < gaps.length && gaps[below]! <= k) below++;
      d = Math.max(d, Math.abs(below / gaps.length - cdf(k)));
    }
    expect(d).toBeLessThan(1.36 / Math.sqrt(gaps.length));
  });
});
