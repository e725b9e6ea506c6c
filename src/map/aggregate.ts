// Decluttering units at the overview zoom: units of one owner whose symbols would overlap on
// screen are grouped so the map draws one symbol with a count. Never across owners: telling
// nations apart is what the overview is for. Pure (no Pixi); reads positions, owners and an
// include flag, writes only its own typed buffers, which grow once and are reused, so a run
// allocates nothing per unit. The units layer runs it when a push sets new targets, when the
// zoom changes and when the selection changes — never per frame (panning keeps clusters).

/** Below this many times the fit zoom, overlapping units are aggregated (one 2× zoom step). */
export const AGGREGATE_BELOW_FIT = 2;

/**
 * Merge distance at the overview's 0.85 symbol size, CSS px: the width of a unit's frame there
 * (a friendly land unit is 33 px with its light halo, 30 without; air and sea frames narrower),
 * so two symbols of one nation left apart neither overlap nor quite touch.
 */
export const CLUSTER_RADIUS_PX = 30;

/**
 * Whether units are aggregated at camera scale k: below one 2× zoom step past the fit zoom,
 * and not when the map already draws units as dots (thousands of units, `isDense`).
 */
export function aggregates(k: number, kFit: number, dense: boolean): boolean {
  return !dense && k < AGGREGATE_BELOW_FIT * (kFit || k);
}

/** More passes than a real scenario ever needs; a pathological chain may stop merging early. */
const MAX_PASSES = 8;

/**
 * Greedy leader clustering on a spatial hash, repeated until stable. Each pass takes points
 * (units, then clusters) in order of position (y, then x, then representative index), so the
 * grouping depends on where units are, not on their order in the input; each unclaimed point
 * claims every unclaimed point of its owner closer than `radius`. Clusters then become weighted
 * points (their centroids) for the next pass, which ends when a pass merges nothing: then no two
 * clusters of one owner are closer than `radius`. O(n log n) a pass (the sort), linear otherwise.
 */
export class UnitClusters {
  /** Clusters after the last run (a unit alone is a cluster of one). */
  count = 0;
  /** Per unit: its cluster (0..count-1), or −1 when it took no part (not included). */
  clusterOf = new Int32Array(0);
  /** Per cluster: representative (its lowest unit index), member count, centroid. */
  rep = new Int32Array(0);
  size = new Int32Array(0);
  cx = new Float64Array(0);
  cy = new Float64Array(0);
  /** Passes the last run took. */
  passes = 0;

  // Points of the current pass (a, output of the pass: b), swapped each pass.
  private bx = new Float64Array(0);
  private by = new Float64Array(0);
  private bRep = new Int32Array(0);
  private bSize = new Int32Array(0);
  private aOwner = new Int32Array(0);
  private bOwner = new Int32Array(0);
  /** Per point of the pass: the point it joined in the pass's output. */
  private claim = new Int32Array(0);
  /** Points in visiting order. */
  private order = new Int32Array(0);
  /** Spatial hash: bucket → first point, point → next point in its bucket. */
  private head = new Int32Array(0);
  private next = new Int32Array(0);

  /**
   * Groups the included units. x, y in any unit (screen px, or world units with `radius` in
   * world units too); `include[u]` non-zero takes unit u in (alive, drawn, not selected).
   * Returns the number of clusters.
   */
  run(
    n: number,
    x: ArrayLike<number>,
    y: ArrayLike<number>,
    owner: ArrayLike<number>,
    include: ArrayLike<number>,
    radius: number,
  ): number {
    this.reserve(n);
    let m = 0;
    for (let u = 0; u < n; u++) {
      const ux = x[u]!;
      const uy = y[u]!;
      if (!include[u] || !Number.isFinite(ux) || !Number.isFinite(uy)) {
        this.clusterOf[u] = -1;
        continue;
      }
      this.cx[m] = ux;
      this.cy[m] = uy;
      this.rep[m] = u;
      this.size[m] = 1;
      this.aOwner[m] = owner[u]!;
      this.clusterOf[u] = m++;
    }
    this.passes = 0;
    // No radius (or NaN): every unit stays a cluster of one.
    const r = radius;
    while (this.passes < MAX_PASSES && r > 0) {
      this.passes++;
      const out = this.pass(m, r);
      const merged = out < m;
      for (let u = 0; u < n; u++) {
        const c = this.clusterOf[u]!;
        if (c >= 0) this.clusterOf[u] = this.claim[c]!;
      }
      this.swap();
      m = out;
      if (!merged) break;
    }
    this.count = m;
    return m;
  }

  /** One pass over the m current points (cx, cy, rep, size, aOwner): writes b*, claim; → count. */
  private pass(m: number, r: number): number {
    const mask = this.buckets(m) - 1; // may grow `head`: read the fields after it
    const { cx, cy, rep, size, aOwner, claim, order, head, next } = this;
    head.fill(-1, 0, mask + 1);
    for (let p = 0; p < m; p++) {
      const b = hashCell(Math.floor(cx[p]! / r), Math.floor(cy[p]! / r), aOwner[p]!) & mask;
      next[p] = head[b]!;
      head[b] = p;
      claim[p] = -1;
      order[p] = p;
    }
    // Visiting order by position, so the result does not depend on the input's order.
    order.subarray(0, m).sort((a, b) => cy[a]! - cy[b]! || cx[a]! - cx[b]! || rep[a]! - rep[b]!);
    const r2 = r * r;
    let out = 0;
    for (let i = 0; i < m; i++) {
      const p = order[i]!;
      if (claim[p]! >= 0) continue;
      const q = out++;
      claim[p] = q;
      const px = cx[p]!;
      const py = cy[p]!;
      const own = aOwner[p]!;
      let sx = px * size[p]!;
      let sy = py * size[p]!;
      let w = size[p]!;
      let lowest = rep[p]!;
      const gx = Math.floor(px / r);
      const gy = Math.floor(py / r);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          // Two neighbour cells may share a bucket: a point seen twice is claimed the first time.
          for (let j = head[hashCell(gx + dx, gy + dy, own) & mask]!; j >= 0; j = next[j]!) {
            if (claim[j]! >= 0 || aOwner[j] !== own) continue;
            const ex = cx[j]! - px;
            const ey = cy[j]! - py;
            if (ex * ex + ey * ey >= r2) continue;
            claim[j] = q;
            sx += cx[j]! * size[j]!;
            sy += cy[j]! * size[j]!;
            w += size[j]!;
            if (rep[j]! < lowest) lowest = rep[j]!;
          }
        }
      }
      this.bx[q] = sx / w;
      this.by[q] = sy / w;
      this.bSize[q] = w;
      this.bRep[q] = lowest;
      this.bOwner[q] = own;
    }
    return out;
  }

  /** Bucket count for m points: a power of two ≥ 2m (short chains). */
  private buckets(m: number): number {
    let b = 16;
    while (b < 2 * m) b *= 2;
    if (this.head.length < b) this.head = new Int32Array(b);
    return b;
  }

  private swap(): void {
    [this.cx, this.bx] = [this.bx, this.cx];
    [this.cy, this.by] = [this.by, this.cy];
    [this.rep, this.bRep] = [this.bRep, this.rep];
    [this.size, this.bSize] = [this.bSize, this.size];
    [this.aOwner, this.bOwner] = [this.bOwner, this.aOwner];
  }

  private reserve(n: number): void {
    if (this.clusterOf.length >= n) return;
    const cap = Math.max(n, 2 * this.clusterOf.length, 16);
    this.clusterOf = new Int32Array(cap);
    for (const k of ['cx', 'cy', 'bx', 'by'] as const) this[k] = new Float64Array(cap);
    for (const k of ['rep', 'size', 'bRep', 'bSize', 'aOwner', 'bOwner'] as const)
      this[k] = new Int32Array(cap);
    this.claim = new Int32Array(cap);
    this.order = new Int32Array(cap);
    this.next = new Int32Array(cap);
  }
}

/** Spatial hash of a grid cell and an owner (distinct owners rarely share a chain). */
function hashCell(gx: number, gy: number, owner: number): number {
  return (Math.imul(gx, 73856093) ^ Math.imul(gy, 19349663) ^ Math.imul(owner + 1, 83492791)) >>> 0;
}
