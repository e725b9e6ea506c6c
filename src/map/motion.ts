// Interpolated positions between the previous and the latest snapshot. Items are matched by a
// stable key (unit index, mover slot, cell id); an item new in this snapshot appears in place.
// Typed arrays only; they grow by doubling and are reused across pushes.

function grown<T extends Float32Array | Int32Array>(a: T, n: number, make: (n: number) => T): T {
  if (a.length >= n) return a;
  const b = make(Math.max(n, a.length * 2, 64));
  b.set(a);
  return b;
}

export class Motion {
  n = 0;
  /** Displayed positions (world units), valid for items 0..n-1 after `step`. */
  x = new Float32Array(0);
  y = new Float32Array(0);
  private x0 = new Float32Array(0);
  private y0 = new Float32Array(0);
  private x1 = new Float32Array(0);
  private y1 = new Float32Array(0);
  private keys = new Int32Array(0);
  // By key: last displayed position and the push stamp it belongs to.
  private kx = new Float32Array(0);
  private ky = new Float32Array(0);
  private kStamp = new Int32Array(0);
  private stamp = 0;
  /** True while positions still change (alpha < 1 at the last step). */
  moving = false;

  /** Starts a push of n items; then call `target` for each, then `end`. */
  begin(n: number): void {
    // Remember where every current item is shown now, by key.
    this.stamp++;
    for (let i = 0; i < this.n; i++) {
      const k = this.keys[i]!;
      this.kx[k] = this.x[i]!;
      this.ky[k] = this.y[i]!;
      this.kStamp[k] = this.stamp;
    }
    const f = (m: number) => new Float32Array(m);
    this.x = grown(this.x, n, f);
    this.y = grown(this.y, n, f);
    this.x0 = grown(this.x0, n, f);
    this.y0 = grown(this.y0, n, f);
    this.x1 = grown(this.x1, n, f);
    this.y1 = grown(this.y1, n, f);
    this.keys = grown(this.keys, n, (m) => new Int32Array(m));
    this.n = n;
  }

  /** Item i (key ≥ 0) goes to (x, y); `jump` skips interpolation. */
  target(i: number, key: number, x: number, y: number, jump = false): void {
    if (key >= this.kStamp.length) {
      const f = (m: number) => new Float32Array(m);
      this.kx = grown(this.kx, key + 1, f);
      this.ky = grown(this.ky, key + 1, f);
      this.kStamp = grown(this.kStamp, key + 1, (m) => new Int32Array(m));
    }
    const known = !jump && this.kStamp[key] === this.stamp;
    this.keys[i] = key;
    this.x0[i] = known ? this.kx[key]! : x;
    this.y0[i] = known ? this.ky[key]! : y;
    this.x1[i] = x;
    this.y1[i] = y;
    this.x[i] = this.x0[i]!;
    this.y[i] = this.y0[i]!;
  }

  end(): void {
    this.moving = true;
  }

  /** Displayed positions at interpolation fraction t (0..1). */
  step(t: number): void {
    const a = Math.max(0, Math.min(1, t));
    const { x, y, x0, y0, x1, y1 } = this;
    for (let i = 0; i < this.n; i++) {
      x[i] = x0[i]! + (x1[i]! - x0[i]!) * a;
      y[i] = y0[i]! + (y1[i]! - y0[i]!) * a;
    }
    this.moving = a < 1;
  }
}
