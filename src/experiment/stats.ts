// Small-sample statistics for paired comparisons and summaries: mean, sample standard
// deviation, Student-t quantiles and 95% confidence intervals.

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

// Two-sided 97.5% quantiles of Student's t by degrees of freedom (1–30, then 40, 60, 120).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/** The t quantile for a two-sided 95% interval with `df` degrees of freedom. */
export function t975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  if (df <= 40) return 2.042 + ((2.021 - 2.042) * (df - 30)) / 10;
  if (df <= 60) return 2.021 + ((2.0 - 2.021) * (df - 40)) / 20;
  if (df <= 120) return 2.0 + ((1.98 - 2.0) * (df - 60)) / 60;
  return 1.96;
}

export interface Interval {
  n: number;
  mean: number;
  sd: number;
  /** Lower and upper 95% confidence bounds of the mean (NaN with fewer than two values). */
  lo: number;
  hi: number;
}

export function ci95(xs: readonly number[]): Interval {
  const n = xs.length;
  const m = mean(xs);
  const s = sd(xs);
  const half = n >= 2 ? (t975(n - 1) * s) / Math.sqrt(n) : Number.NaN;
  return { n, mean: m, sd: s, lo: m - half, hi: m + half };
}
