// Multi-source nearest-source transform on a grid (Danielsson-style two-pass sweeps that carry
// each cell's nearest source): O(cells), near-exact Euclidean distances, and the nearest
// source itself so callers can inherit its owner (median lines between coasts).

export interface NearestSource {
  /** Index of the nearest source cell, or -1 when there are no sources. */
  source: Int32Array;
  /** Squared distance to it in cell units (centre to centre); 2^31-1 when none. */
  dist2: Int32Array;
}

const NONE = 0x7fffffff;

/** isSource(cell) = true for source cells of a cols × rows row-major grid. */
export function nearestSource(
  cols: number,
  rows: number,
  isSource: (cell: number) => boolean,
): NearestSource {
  const n = cols * rows;
  const source = new Int32Array(n).fill(-1);
  const dist2 = new Int32Array(n).fill(NONE);
  const sc = new Int32Array(n);
  const sr = new Int32Array(n);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (isSource(i)) {
        source[i] = i;
        dist2[i] = 0;
        sc[i] = c;
        sr[i] = r;
      }
    }
  }

  // Offer cell q's source to cell p = (c, r).
  const offer = (p: number, c: number, r: number, q: number): void => {
    const s = source[q]!;
    if (s < 0) return;
    const dc = c - sc[q]!;
    const dr = r - sr[q]!;
    const d = dc * dc + dr * dr;
    // Ties go to the lower source index so the result does not depend on sweep order.
    if (d < dist2[p]! || (d === dist2[p]! && s < source[p]!)) {
      dist2[p] = d;
      source[p] = s;
      sc[p] = sc[q]!;
      sr[p] = sr[q]!;
    }
  };

  // Forward: rows upward; left-to-right with the previous row and the left cell, then right-to-left.
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let c = 0; c < cols; c++) {
      const p = row + c;
      if (r > 0) {
        const up = p - cols;
        if (c > 0) offer(p, c, r, up - 1);
        offer(p, c, r, up);
        if (c + 1 < cols) offer(p, c, r, up + 1);
      }
      if (c > 0) offer(p, c, r, p - 1);
    }
    for (let c = cols - 2; c >= 0; c--) offer(row + c, c, r, row + c + 1);
  }
  // Backward: rows downward; right-to-left with the next row and the right cell, then left-to-right.
  for (let r = rows - 1; r >= 0; r--) {
    const row = r * cols;
    for (let c = cols - 1; c >= 0; c--) {
      const p = row + c;
      if (r + 1 < rows) {
        const dn = p + cols;
        if (c + 1 < cols) offer(p, c, r, dn + 1);
        offer(p, c, r, dn);
        if (c > 0) offer(p, c, r, dn - 1);
      }
      if (c + 1 < cols) offer(p, c, r, p + 1);
    }
    for (let c = 1; c < cols; c++) offer(row + c, c, r, row + c - 1);
  }
  return { source, dist2 };
}
