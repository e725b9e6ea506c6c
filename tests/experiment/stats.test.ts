// Statistics against textbook values.
import { describe, expect, it } from 'vitest';
import { partialCorrelationP, sensitivity } from '../../src/experiment/sensitivity';
import {
  ci95,
  mean,
  sd,
  t975,
  tCritical,
  tInterval,
  tQuantile,
  tTwoSidedP,
} from '../../src/experiment/stats';

describe('stats', () => {
  it('computes mean and sample standard deviation', () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(sd(xs)).toBeCloseTo(2.138, 3);
    expect(Number.isNaN(sd([1]))).toBe(true);
  });

  it('uses Student-t quantiles: 12.706 at 1 df, 2.093 at 19, 1.960 in the limit', () => {
    expect(t975(1)).toBeCloseTo(12.706, 3);
    expect(t975(19)).toBeCloseTo(2.093, 3);
    expect(t975(1000)).toBeCloseTo(1.962, 3);
    expect(t975(1e9)).toBeCloseTo(1.96, 3);
    expect(Number.isNaN(t975(0))).toBe(true);
  });

  // Reference: scipy.stats.t.ppf(1 − (1 − level)/2, df), 6 decimals (R's qt gives the same).
  const REFERENCE: Array<[number, number, number, number]> = [
    // df, 90 %, 95 %, 99 %
    [1, 6.313752, 12.706205, 63.656741],
    [5, 2.015048, 2.570582, 4.032143],
    [30, 1.697261, 2.042272, 2.749996],
    [121, 1.657544, 1.979764, 2.617072],
    [1000, 1.646379, 1.962339, 2.580755],
  ];
  it.each(REFERENCE)(
    'two-sided t critical values at df %i: 90, 95 and 99 %%',
    (df, t90, t95, t99) => {
      expect(tCritical(0.9, df)).toBeCloseTo(t90, 6);
      expect(tCritical(0.95, df)).toBeCloseTo(t95, 6);
      expect(tCritical(0.99, df)).toBeCloseTo(t99, 6);
      expect(tQuantile(0.025, df)).toBeCloseTo(-t95, 6);
      // The p-value of the critical value is 1 − level.
      expect(tTwoSidedP(tCritical(0.95, df), df)).toBeCloseTo(0.05, 9);
    },
  );

  it('intervals at other levels are narrower (90 %) or wider (99 %) than at 95 %', () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6];
    const w = (level: number) => {
      const r = tInterval(xs, level);
      return r.hi - r.lo;
    };
    expect(w(0.9)).toBeLessThan(w(0.95));
    expect(w(0.99)).toBeGreaterThan(w(0.95));
    expect(w(0.99) / w(0.95)).toBeCloseTo(tCritical(0.99, 7) / tCritical(0.95, 7), 12);
  });

  it('gives the 95% interval of a mean: 10 values, mean 5.5, half-width t(9)·s/√n', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const r = ci95(xs);
    const half = (2.262157 * Math.sqrt(55 / 6)) / Math.sqrt(10);
    expect(r.mean).toBe(5.5);
    expect(r.lo).toBeCloseTo(5.5 - half, 5);
    expect(r.hi).toBeCloseTo(5.5 + half, 5);
  });
});

describe('PRCC p-values', () => {
  it('match a hand-built case (scipy: ranks, least-squares residuals, t with n − 2 − k df)', () => {
    const x1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const x2 = [5, 3, 8, 1, 12, 7, 2, 10, 4, 11, 6, 9];
    const y = [2.1, 1.0, 4.5, 3.2, 6.8, 5.0, 6.1, 9.9, 7.7, 12.5, 9.0, 11.8];
    const s = sensitivity(
      ['x1', 'x2'],
      x1.map((v, i) => [v, x2[i]!]),
      y,
    );
    const by = Object.fromEntries(s.byParameter.map((p) => [p.parameter, p]));
    expect(by.x1!.prcc).toBeCloseTo(0.9591332956616735, 12);
    expect(by.x1!.prccP).toBeCloseTo(3.1114985884604655e-6, 12);
    expect(by.x2!.prcc).toBeCloseTo(0.8336313419565481, 12);
    expect(by.x2!.prccP / 0.0014303531264946048).toBeCloseTo(1, 9);
  });

  it('a zero partial correlation has p = 1; too few runs give NaN', () => {
    expect(partialCorrelationP(0, 20, 3)).toBe(1);
    expect(partialCorrelationP(1, 20, 3)).toBe(0);
    expect(Number.isNaN(partialCorrelationP(0.5, 4, 2))).toBe(true);
  });
});
