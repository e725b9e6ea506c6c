// Orthogonal and nearly orthogonal Latin hypercubes for many factors in few runs: Ye's (1998)
// orthogonal Latin hypercube, built, and the Cioppa–Lucas (2007) nearly orthogonal designs, from
// their published tables (nolh-tables.ts). Both are fixed designs: no random draws.
//
// Ye, K. Q. (1998), "Orthogonal column Latin hypercubes and their application in computer
// experiments", JASA 93(444), 1430–1439: n = 2^m + 1 runs, 2m − 2 factors, every pair of
// columns exactly uncorrelated, levels −q…q with q = 2^(m−1).
import { NOLH_TABLES } from './nolh-tables';

/** Runs of Ye's OLH for m = 2…8, and the factors each holds (2m − 2). */
export const OLH_SIZES: ReadonlyArray<{ runs: number; factors: number }> = [
  2, 3, 4, 5, 6, 7, 8,
].map((m) => ({ runs: 2 ** m + 1, factors: 2 * m - 2 }));

/** Runs of the Cioppa–Lucas NOLH tables and the factors each holds. */
export const NOLH_SIZES: ReadonlyArray<{ runs: number; factors: number }> = Object.entries(
  NOLH_TABLES,
)
  .map(([runs, rows]) => ({ runs: Number(runs), factors: rows[0]!.split(' ').length }))
  .sort((a, b) => a.runs - b.runs);

/**
 * Ye's OLH with 2^m + 1 runs and 2m − 2 columns, levels −q…q. Ye writes it with permutation
 * matrices A_k = I⊗…⊗I⊗R⊗…⊗R (k swaps R) and sign vectors a_k; on row index i of the top half
 * (q rows) A_k flips the k lowest bits of i, and a_k is −1 where bit k − 1 of i is 0.
 */
export function yeOlh(m: number): number[][] {
  if (!Number.isInteger(m) || m < 2) throw new Error(`Ye's OLH needs m ≥ 2, got ${m}`);
  const q = 2 ** (m - 1);
  const mask = (k: number) => 2 ** k - 1;
  const sign = (k: number, i: number) => ((i >> (k - 1)) & 1 ? 1 : -1);
  // Columns of the top half as (permutation mask, sign of row i).
  const cols: Array<{ perm: number; sign: (i: number) => number }> = [{ perm: 0, sign: () => 1 }];
  for (let k = 1; k <= m - 1; k++) cols.push({ perm: mask(k), sign: (i) => sign(k, i) });
  for (let k = 1; k <= m - 2; k++)
    cols.push({ perm: mask(k) ^ mask(m - 1), sign: (i) => sign(1, i) * sign(k + 1, i) });
  const top = Array.from({ length: q }, (_, i) => cols.map((c) => ((i ^ c.perm) + 1) * c.sign(i)));
  return [...top, cols.map(() => 0), ...top.map((r) => r.map((v) => -v))];
}

/** Ye's OLH as quantiles in [0, 1] (−q → 0, q → 1), the first k columns. */
export function olhQuantiles(runs: number, k: number): number[][] {
  const m = Math.log2(runs - 1);
  const q = (runs - 1) / 2;
  return yeOlh(m).map((r) => r.slice(0, k).map((v) => (v + q) / (2 * q)));
}

/** A Cioppa–Lucas NOLH as quantiles in [0, 1] (level 1 → 0, n → 1), the first k columns. */
export function nolhQuantiles(runs: number, k: number): number[][] {
  const rows = NOLH_TABLES[runs];
  if (!rows) throw new Error(`no NOLH table of ${runs} runs`);
  return rows.map((r) =>
    r
      .split(' ')
      .slice(0, k)
      .map((v) => (Number(v) - 1) / (runs - 1)),
  );
}

/**
 * The runs a fixed design of k factors takes: `points` when it is one of the sizes and holds
 * k factors, else the smallest size that does; a message when none fits.
 */
export function fixedDesignRuns(
  sizes: ReadonlyArray<{ runs: number; factors: number }>,
  k: number,
  points: number | undefined,
): number | string {
  const list = sizes.map((s) => `${s.runs} (up to ${s.factors} factors)`).join(', ');
  if (points !== undefined) {
    const s = sizes.find((x) => x.runs === points);
    if (!s) return `found ${points} points; allowed: ${list}`;
    if (s.factors < k) return `found ${points} points for ${k} factors; allowed: ${list}`;
    return points;
  }
  const s = sizes.find((x) => x.factors >= k);
  return s ? s.runs : `found ${k} factors; allowed: at most ${sizes.at(-1)!.factors} (${list})`;
}
