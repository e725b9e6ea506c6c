// Each raid's time to detect and time to respond, from the event log: restricted at the
// 48-hour horizon (a raid never detected counts 48 h, or the time left in the run if less).
// Detection is a sensor sighting or a report of the cell at or after the raid's start (or the
// raid was already known); response is a tasked unit in contact or on scene after detection.
import type { SimEvent } from './events';
import { territoryAt } from './sovereignty';
import type { Def } from './world';

export const HORIZON_H = 48;

export interface RaidTimes {
  /** The actor whose territory the raid's target lies in (-1 at sea or unlisted). */
  country: number;
  detectH: number;
  /** Undefined when the raid was never detected. */
  respondH: number | undefined;
}

export function raidTimes(def: Def, events: readonly SimEvent[], now: number): RaidTimes[] {
  const h = def.tickMinutes / 60;
  const raids: Array<{ cell: number; t0: number; known: boolean; x: number; y: number }> = [];
  const detects = new Map<number, number[]>();
  const responses = new Map<number, number[]>();
  const note = (m: Map<number, number[]>, cell: number, t: number) => {
    const list = m.get(cell);
    if (list) list.push(t);
    else m.set(cell, [t]);
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!; // an index loop: no iterator result per event before optimisation
    if (e.k === 'raid-start') raids.push({ cell: e.cell, t0: e.t, known: e.known, x: e.x, y: e.y });
    else if (e.k === 'detect') note(detects, e.cell, e.t);
    else if (e.k === 'contact' || e.k === 'on-scene') note(responses, e.cell, e.t);
  }
  const restricted = (from: number, to: number | undefined) =>
    Math.min(HORIZON_H, ((to ?? now) - from) * h);
  const firstAtOrAfter = (list: number[] | undefined, t: number) => list?.find((x) => x >= t);
  return raids.map((r) => {
    const td = r.known ? r.t0 : firstAtOrAfter(detects.get(r.cell), r.t0);
    return {
      country: territoryAt(def, r.x, r.y),
      detectH: restricted(r.t0, td),
      respondH:
        td === undefined ? undefined : restricted(td, firstAtOrAfter(responses.get(r.cell), td)),
    };
  });
}
