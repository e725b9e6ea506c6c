// Statistics against textbook values.
import { describe, expect, it } from 'vitest';
import { ci95, mean, sd, t975 } from '../../src/experiment/stats';

describe('stats', () => {
  it('computes mean and sample standard deviation', () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(sd(xs)).toBeCloseTo(2.138, 3);
    expect(Number.isNaN(sd([1]))).toBe(true);
  });

  it('uses Student-t quantiles: 12.706 at 1 df, 2.093 at 19, 1.96 in the limit', () => {
    expect(t975(1)).toBe(12.706);
    expect(t975(19)).toBe(2.093);
    expect(t975(35)).toBeCloseTo(2.0315, 3);
    expect(t975(1000)).toBe(1.96);
  });

  it('gives the 95% interval of a mean: 10 values, mean 5.5, half-width t(9)·s/√n', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const r = ci95(xs);
    const half = (2.262 * Math.sqrt(55 / 6)) / Math.sqrt(10);
    expect(r.mean).toBe(5.5);
    expect(r.lo).toBeCloseTo(5.5 - half, 9);
    expect(r.hi).toBeCloseTo(5.5 + half, 9);
  });
});
