// How the play loop paces itself. At a fixed speed S (1×, 60×, 600×, 3600×) simulated time
// owed grows with real time (1× = one simulated minute per real minute) and whole ticks are
// run as they fall due. At "max" the batch size adapts so one worker call takes about
// TARGET_CALL_MS: long enough to keep the worker busy, short enough that a snapshot reaches
// the map every frame or two (longer only when the main thread itself is slow to answer).
// Pure: the bridge feeds it clock readings.

export const SPEEDS = [1, 60, 600, 3600, 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

export const SPEED_LABELS: Record<string, string> = {
  '1': '1×',
  '60': '60×',
  '600': '600×',
  '3600': '3600×',
  max: 'Max',
};

/** A worker call (advance + snapshot) at "max" should take about this long. */
export const TARGET_CALL_MS = 22;
/** …or up to this long when the main thread is slow to collect the answers. */
export const MAX_CALL_MS = 250;
/** A frame gap longer than this (tab hidden, debugger) does not turn into a burst of ticks;
 * slow frames (software rendering draws ~2 a second) still keep the pace. */
export const MAX_FRAME_GAP_MS = 1000;
export const MAX_BATCH = 4000;

export class Pacer {
  /** Simulated minutes owed but not yet run (fixed speeds). */
  owedMinutes = 0;
  /** Ticks per call at "max". */
  batch = 4;
  /** Smoothed real time between snapshots at "max", ms (the map's interpolation span). */
  intervalMs = 33;

  reset(): void {
    this.owedMinutes = 0;
  }

  /** Ticks due after `dtMs` of real time at a fixed speed; the remainder stays owed. */
  due(dtMs: number, speed: number, tickMinutes: number): number {
    this.owedMinutes += (Math.min(Math.max(dtMs, 0), MAX_FRAME_GAP_MS) / 60_000) * speed;
    // The epsilon absorbs rounding in many small frame steps (15 min of 60 fps frames is 15).
    const n = Math.floor(this.owedMinutes / tickMinutes + 1e-9);
    this.owedMinutes = Math.max(0, this.owedMinutes - n * tickMinutes);
    return n;
  }

  /** Real time n ticks take at a fixed speed, ms: how long the map should glide between them. */
  static spanMs(ticks: number, speed: number, tickMinutes: number): number {
    return (ticks * tickMinutes * 60_000) / speed;
  }

  /** Smoothed main-thread overhead per round (round-trip wall time minus worker time), ms. */
  overheadMs = 0;

  /**
   * After a round at "max" that ran `ticks` in `workerMs` (the worker's own compute time, so a
   * busy main thread does not shrink the batch) and took `wallMs` from sending to the answer,
   * sizes the next batch toward the target, changing at most ×2 per round. `wallMs` is null
   * for a round that also took a snapshot (its wall time is not the main thread's doing). The target is
   * TARGET_CALL_MS of worker time; when the main thread is slow to turn rounds around (the
   * overhead exceeds that, e.g. software rendering), the target grows with the overhead up to
   * MAX_CALL_MS so the worker is not left idle.
   */
  adapt(ticks: number, workerMs: number, wallMs: number | null = null): number {
    if (wallMs !== null)
      this.overheadMs = this.overheadMs * 0.7 + Math.max(0, wallMs - workerMs) * 0.3;
    if (ticks > 0 && ticks >= this.batch) {
      const target = Math.min(MAX_CALL_MS, Math.max(TARGET_CALL_MS, this.overheadMs));
      const ratio = Math.min(2, Math.max(0.5, target / Math.max(workerMs, 0.5)));
      this.batch = Math.min(MAX_BATCH, Math.max(1, Math.round(this.batch * ratio)));
    }
    return this.batch;
  }

  /** Notes the real time between two snapshots at "max" (smoothed: the map's glide span). */
  noteInterval(ms: number): number {
    if (ms > 0 && ms < 2000) this.intervalMs = this.intervalMs * 0.7 + ms * 0.3;
    return this.intervalMs;
  }
}
