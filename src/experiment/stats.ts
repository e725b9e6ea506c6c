// Small-sample statistics for paired comparisons and summaries: mean, sample standard
// deviation, exact Student-t quantiles and tail probabilities (stdlib's incomplete-beta
// kernels, accurate to about 1e-15), and confidence intervals at any level.
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantileOf from '@stdlib/stats-base-dists-t-quantile';

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : Number.NaN;
}

/** Sample standard deviation (n − 1); NaN below two values. */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

/** The p-quantile of Student's t with `df` degrees of freedom (NaN below 1 df or p outside (0, 1)). */
export function tQuantile(p: number, df: number): number {
  return df > 0 && p > 0 && p < 1 ? tQuantileOf(p, df) : Number.NaN;
}

/** The t quantile of a two-sided interval at `level` (0.95 → the 97.5 % quantile). */
export function tCritical(level: number, df: number): number {
  return tQuantile(1 - (1 - level) / 2, df);
}

/** The t quantile for a two-sided 95% interval with `df` degrees of freedom. */
export const t975 = (df: number): number => tCritical(0.95, df);

/** Two-sided p-value of a t statistic with `df` degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return Number.NaN;
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** Confidence levels are fractions: 0.95, not 95. */
export const DEFAULT_CONFIDENCE = 0.95;

export interface Interval {
  n: number;
  mean: number;
  sd: number;
  /** Lower and upper confidence bounds of the mean (NaN with fewer than two values). */
  lo: number;
  hi: number;
}

/** The mean and its two-sided Student-t confidence interval at `level` (default 95 %). */
export function tInterval(xs: readonly number[], level = DEFAULT_CONFIDENCE): Interval {
  const n = xs.length;
  const m = mean(xs);
  const s = sd(xs);
  const half = n >= 2 ? (tCritical(level, n - 1) * s) / Math.sqrt(n) : Number.NaN;
  return { n, mean: m, sd: s, lo: m - half, hi: m + half };
}

export const ci95 = (xs: readonly number[]): Interval => tInterval(xs, 0.95);
