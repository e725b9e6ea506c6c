// Which MSEL entries fire, and when: timed entries at their tick (one added for a time already
// past fires at once), event triggers on the log entries of the tick just run, metric
// triggers on the hour. Each entry fires once (the white cell may fire one again by hand).
// Pure: reads the session record and the world, returns serials.
import { hoursToTick } from '../sim/time';
import type { World } from '../sim/world';
import type { MselEntry } from './msel';
import { eventTriggerFires, metricsNow, metricTriggerFires } from './triggers';

export interface FireState {
  /** Serials already fired. */
  fired: ReadonlySet<string>;
}

/** The tick a timed entry fires at. */
export const entryTick = (e: MselEntry, tickMinutes: number): number | null =>
  e.timing.kind === 'at' ? hoursToTick(e.timing.hours, tickMinutes) : null;

/** Timed entries due at or before `tick`, not fired yet, in MSEL order. */
export function dueTimed(
  msel: readonly MselEntry[],
  st: FireState,
  tick: number,
  tickMinutes: number,
): string[] {
  return msel
    .filter((e) => !st.fired.has(e.serial))
    .filter((e) => {
      const t = entryTick(e, tickMinutes);
      return t !== null && t <= tick;
    })
    .map((e) => e.serial);
}

/** The next tick after `tick` at which a timed entry is due (null: none). */
export function nextTimedTick(
  msel: readonly MselEntry[],
  st: FireState,
  tick: number,
  tickMinutes: number,
): number | null {
  let best: number | null = null;
  for (const e of msel) {
    if (st.fired.has(e.serial)) continue;
    const t = entryTick(e, tickMinutes);
    if (t !== null && t > tick && (best === null || t < best)) best = t;
  }
  return best;
}

/** Whether any trigger is still armed (then the host steps one tick at a time). */
export const triggersArmed = (msel: readonly MselEntry[], st: FireState): boolean =>
  msel.some((e) => e.timing.kind === 'trigger' && !st.fired.has(e.serial));

/** Triggered entries that fire on the log entries [from, to) just logged (and, on the hour, metrics). */
export function dueTriggered(
  w: World,
  msel: readonly MselEntry[],
  st: FireState,
  from: number,
  to: number,
): string[] {
  const onHour = (w.s.tick * w.def.tickMinutes) % 60 === 0;
  let metrics: ReturnType<typeof metricsNow> | null = null;
  const out: string[] = [];
  for (const e of msel) {
    if (e.timing.kind !== 'trigger' || st.fired.has(e.serial)) continue;
    const t = e.timing.trigger;
    if (t.kind === 'event') {
      if (eventTriggerFires(w, t, from, to)) out.push(e.serial);
    } else if (onHour) {
      metrics ??= metricsNow(w);
      if (metricTriggerFires(t, metrics)) out.push(e.serial);
    }
  }
  return out;
}
