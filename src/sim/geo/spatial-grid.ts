// Bucket grid for neighbour queries, rebuilt each tick by a counting sort of agent positions;
// radius queries return agent indices in a deterministic order (ascending bucket, insertion).
// A rebuild copies the positions and sorts them at the first query after it: a tick with no
// query (no live threat cell, say) costs a copy, not a sort.

export class SpatialGrid {
  readonly cols: number;
  readonly rows: number;
  readonly bucketKm: number;
  /** start[b]..start[b+1] is bucket b's range in the sorted arrays. */
  private readonly start: Int32Array;
  private readonly fill: Int32Array;
  private bucketOf: Int32Array;
  private ids: Int32Array;
  private sx: Float64Array;
  private sy: Float64Array;
  /** Positions and inclusion as of the last rebuild, sorted into the above when dirty. */
  private px: Float64Array;
  private py: Float64Array;
  private inc: Uint8Array;
  private count = 0;
  private included = false;
  private dirty = false;

  constructor(widthKm: number, heightKm: number, bucketKm: number, capacity: number) {
    if (!(bucketKm > 0)) throw new Error(`bucketKm must be > 0, got ${bucketKm}`);
    this.bucketKm = bucketKm;
    this.cols = Math.max(1, Math.ceil(widthKm / bucketKm));
    this.rows = Math.max(1, Math.ceil(heightKm / bucketKm));
    const nb = this.cols * this.rows;
    this.start = new Int32Array(nb + 1);
    this.fill = new Int32Array(nb);
    this.bucketOf = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.sx = new Float64Array(capacity);
    this.sy = new Float64Array(capacity);
    this.px = new Float64Array(capacity);
    this.py = new Float64Array(capacity);
    this.inc = new Uint8Array(capacity);
  }

  private col(x: number): number {
    const c = Math.floor(x / this.bucketKm);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private row(y: number): number {
    const r = Math.floor(y / this.bucketKm);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  /** Rebuilds from agents 0..count-1 (only those with include[i] === 1 when include is given). */
  rebuild(xs: Float64Array, ys: Float64Array, count: number, include?: Uint8Array): void {
    if (count > this.bucketOf.length) {
      const cap = Math.max(count, this.bucketOf.length * 2);
      this.bucketOf = new Int32Array(cap);
      this.ids = new Int32Array(cap);
      this.sx = new Float64Array(cap);
      this.sy = new Float64Array(cap);
      this.px = new Float64Array(cap);
      this.py = new Float64Array(cap);
      this.inc = new Uint8Array(cap);
    }
    // Whole arrays when they hold exactly `count` (no view object), else the first `count`.
    this.px.set(xs.length === count ? xs : xs.subarray(0, count));
    this.py.set(ys.length === count ? ys : ys.subarray(0, count));
    this.included = include !== undefined;
    if (include !== undefined)
      this.inc.set(include.length === count ? include : include.subarray(0, count));
    this.count = count;
    this.dirty = true;
  }

  /** The counting sort of the positions copied by the last rebuild. */
  private sort(): void {
    this.dirty = false;
    const { start, fill, bucketOf, cols, count, px: xs, py: ys, inc } = this;
    const nb = fill.length;
    start.fill(0);
    for (let i = 0; i < count; i++) {
      if (this.included && inc[i] !== 1) {
        bucketOf[i] = -1;
        continue;
      }
      const b = this.row(ys[i]!) * cols + this.col(xs[i]!);
      bucketOf[i] = b;
      start[b + 1]!++;
    }
    for (let b = 0; b < nb; b++) start[b + 1]! += start[b]!;
    fill.set(start.subarray(0, nb));
    for (let i = 0; i < count; i++) {
      const b = bucketOf[i]!;
      if (b < 0) continue;
      const k = fill[b]!++;
      this.ids[k] = i;
      this.sx[k] = xs[i]!;
      this.sy[k] = ys[i]!;
    }
  }

  /**
   * Writes the indices of agents within distance r of (x, y) (positions as of rebuild) into
   * out, in ascending bucket then insertion order; returns how many were written (at most
   * out.length: size out for the worst case).
   */
  queryRadius(x: number, y: number, r: number, out: Int32Array): number {
    if (this.dirty) this.sort();
    const c0 = this.col(x - r);
    const c1 = this.col(x + r);
    const r0 = this.row(y - r);
    const r1 = this.row(y + r);
    const r2 = r * r;
    const { start, ids, sx, sy, cols } = this;
    const cap = out.length;
    let n = 0;
    for (let row = r0; row <= r1; row++) {
      // Buckets c0..c1 of one row are contiguous in the sorted arrays.
      const from = start[row * cols + c0]!;
      const to = start[row * cols + c1 + 1]!;
      for (let k = from; k < to; k++) {
        const dx = sx[k]! - x;
        const dy = sy[k]! - y;
        if (dx * dx + dy * dy <= r2) {
          if (n === cap) return n;
          out[n++] = ids[k]!;
        }
      }
    }
    return n;
  }
}
