// One more pass over a played session for the after-action report: the engine session is sought
// back to tick 0 (its first checkpoint) and stepped one tick at a time to the end, with probes
// looking at the world after every tick — where units and threat cells really were, what each
// actor's picture held — which the event log alone does not say. The recorded orders are the
// session's own, so the pass reproduces the run exactly; it ends at the tick it was asked for
// and reports whether the hash there is the one the session had. Pure: no clock, no DOM.
import type { Session } from '../sim/session';
import type { World } from '../sim/world';

export interface Probe {
  /**
   * The world at tick 0, before any tick ran; events [0, to) were logged while the session was
   * built (the scenario's initial threat cells).
   */
  start?(w: World, to: number): void;
  /**
   * After tick `t` ran (`w.s.tick` is now t + 1: the world as it stands at the end of tick t).
   * Events [from, to) of the log were written during it.
   */
  tick(w: World, t: number, from: number, to: number): void;
}

export interface ProbeReplay {
  /** The session's hash at `end` after the pass. */
  hash: string;
  /** The hash the session had before the pass when it stood at `end` already (else null). */
  before: string | null;
}

/**
 * Replays `session` from tick 0 to `end` one tick at a time, calling every probe after each
 * tick. The session is left at `end`.
 */
export function replayWithProbes(session: Session, end: number, probes: Probe[]): ProbeReplay {
  const target = Math.max(0, Math.min(end, session.totalTicks));
  const before = session.tick === target ? session.hash() : null;
  session.seek(0);
  const w = session.world;
  for (const p of probes) p.start?.(w, w.log.events.length);
  while (session.tick < target) {
    const t = session.tick;
    const from = w.log.events.length;
    if (!session.step(1)) break;
    const to = w.log.events.length;
    for (const p of probes) p.tick(session.world, t, from, to);
  }
  return { hash: session.hash(), before };
}

/**
 * The ticks the report samples: every `k` hours (k ≥ 1 chosen so that there are at most
 * `maxSamples`), then `end` itself if it is not on that grid. Tick 0 is not a sample: nothing
 * has been measured yet.
 */
export function sampleTicks(end: number, tickMinutes: number, maxSamples: number): number[] {
  const perHour = Math.max(1, Math.round(60 / tickMinutes));
  const hours = Math.floor(end / perHour);
  const k = Math.max(1, Math.ceil(hours / Math.max(1, maxSamples)));
  const out: number[] = [];
  for (let t = k * perHour; t <= end; t += k * perHour) out.push(t);
  if (end > 0 && out.at(-1) !== end) out.push(end);
  return out;
}
