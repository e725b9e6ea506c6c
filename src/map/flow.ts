// Pure helpers for the information-flow layer: arc geometry and a message-volume counter.

export interface Arc {
  x0: number;
  y0: number;
  /** Quadratic control point. */
  cx: number;
  cy: number;
  x1: number;
  y1: number;
}

/**
 * A quadratic arc from (x0, y0) to (x1, y1) bowed to the left of the direction of travel by
 * `bend` × the chord length (lane k of several between the same two points bows further).
 */
export function makeArc(x0: number, y0: number, x1: number, y1: number, bend = 0.18): Arc {
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  const dx = x1 - x0;
  const dy = y1 - y0;
  // Left normal (screen y down): (dy, −dx).
  return { x0, y0, cx: mx + dy * bend, cy: my - dx * bend, x1, y1 };
}

/** Point at t (0..1) along a quadratic arc, written into out. */
export function arcPoint(
  a: Arc,
  t: number,
  out: { x: number; y: number },
): { x: number; y: number } {
  const u = 1 - t;
  out.x = u * u * a.x0 + 2 * u * t * a.cx + t * t * a.x1;
  out.y = u * u * a.y0 + 2 * u * t * a.cy + t * t * a.y1;
  return out;
}

/**
 * Counts events per channel over a sliding window of simulated time. Events are added in
 * log order (ticks non-decreasing per channel); after a rewind the owner calls `clear`.
 */
export class VolumeCounter {
  private readonly times: number[][];

  constructor(
    channels: number,
    private readonly window: number,
  ) {
    this.times = Array.from({ length: channels }, () => []);
  }

  add(channel: number, tick: number): void {
    this.times[channel]?.push(tick);
  }

  /** Events of `channel` in (now − window, now]; older ones are forgotten. */
  count(channel: number, now: number): number {
    const q = this.times[channel];
    if (!q) return 0;
    let drop = 0;
    while (drop < q.length && q[drop]! <= now - this.window) drop++;
    if (drop > 0) q.splice(0, drop);
    let n = 0;
    for (const t of q) if (t <= now) n++;
    return n;
  }

  clear(): void {
    for (const q of this.times) q.length = 0;
  }
}

/** Arc width in CSS px for a recent message count: 1.5 px idle, up to 8 px. */
export function arcWidth(count: number): number {
  return Math.min(8, 1.5 + 1.3 * Math.sqrt(count));
}
