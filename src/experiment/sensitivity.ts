// Which parameters matter most: standardised regression coefficients (SRC, with the model's
// R²) and partial rank correlation coefficients (PRCC) of each metric on the varied
// parameters, over every run, with each PRCC's p-value. Booleans count as 0/1. Small dense
// least squares: k is a handful.
import { tTwoSidedP } from './stats';

export interface Sensitivity {
  parameter: string;
  src: number;
  prcc: number;
  /**
   * Two-sided p-value of PRCC = 0: t = r·√(df / (1 − r²)) with df = n − 2 − (k − 1), the
   * other k − 1 parameters partialled out. NaN when df < 1.
   */
  prccP: number;
}

/** The p-value of a partial correlation r over n runs with `controls` variables partialled out. */
export function partialCorrelationP(r: number, n: number, controls: number): number {
  const df = n - 2 - controls;
  if (df < 1 || Number.isNaN(r)) return Number.NaN;
  if (Math.abs(r) >= 1) return 0;
  return tTwoSidedP(r * Math.sqrt(df / (1 - r * r)), df);
}

function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
    const avg = (i + j) / 2 + 1; // ties share their mean rank
    for (let k = i; k <= j; k++) r[idx[k]![1]] = avg;
    i = j + 1;
  }
  return r;
}

function standardise(xs: readonly number[]): number[] {
  const n = xs.length;
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, n - 1));
  return xs.map((x) => (s > 0 ? (x - m) / s : 0));
}

/** Least squares y ≈ b0 + X b; returns [b0, b…] (zeros where the system is singular). */
export function leastSquares(X: number[][], y: readonly number[]): number[] {
  const k = (X[0]?.length ?? 0) + 1;
  const A = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  X.forEach((row, i) => {
    const r = [1, ...row];
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) A[a]![b]! += r[a]! * r[b]!;
      A[a]![k]! += r[a]! * y[i]!;
    }
  });
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    const piv = A[c]![c]!;
    if (Math.abs(piv) < 1e-12) continue;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / piv;
      for (let j = c; j <= k; j++) A[r]![j]! -= f * A[c]![j]!;
    }
  }
  return A.map((r, i) => (Math.abs(r[i]!) < 1e-12 ? 0 : r[k]! / r[i]!));
}

function residuals(X: number[][], y: readonly number[]): number[] {
  const b = leastSquares(X, y);
  return y.map((v, i) => v - b[0]! - X[i]!.reduce((s, x, j) => s + x * b[j + 1]!, 0));
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const sa = standardise(a);
  const sb = standardise(b);
  const n = a.length;
  return n > 1 ? sa.reduce((s, x, i) => s + x * sb[i]!, 0) / (n - 1) : 0;
}

/**
 * Sensitivity of y to each column of X (runs × parameters). SRC: coefficients of the
 * regression of standardised y on standardised X. PRCC: correlation of rank(x_j) and rank(y)
 * once the other ranked parameters are regressed out of both.
 */
export function sensitivity(
  names: readonly string[],
  X: number[][],
  y: readonly number[],
): {
  r2: number;
  byParameter: Sensitivity[];
} {
  const k = names.length;
  const Z = Array.from({ length: X.length }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) standardise(X.map((r) => r[j]!)).forEach((v, i) => (Z[i]![j] = v));
  const zy = standardise(y);
  const b = leastSquares(Z, zy);
  const fit = Z.map((r) => r.reduce((s, x, j) => s + x * b[j + 1]!, b[0]!));
  const ssRes = zy.reduce((s, v, i) => s + (v - fit[i]!) ** 2, 0);
  const ssTot = zy.reduce((s, v) => s + v * v, 0);
  const R = Array.from({ length: X.length }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) ranks(X.map((r) => r[j]!)).forEach((v, i) => (R[i]![j] = v));
  const ry = ranks(y);
  const byParameter = names.map((parameter, j) => {
    const others = R.map((r) => r.filter((_, c) => c !== j));
    const ex = residuals(
      others,
      R.map((r) => r[j]!),
    );
    const ey = residuals(others, ry);
    const prcc = correlation(ex, ey);
    return { parameter, src: b[j + 1]!, prcc, prccP: partialCorrelationP(prcc, X.length, k - 1) };
  });
  byParameter.sort((p, q) => Math.abs(q.prcc) - Math.abs(p.prcc));
  return { r2: ssTot > 0 ? 1 - ssRes / ssTot : 0, byParameter };
}
