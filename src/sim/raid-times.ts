// Each raid's time to detect and time to respond, from the event log: restricted at the
// 48-hour horizon (a raid never detected counts 48 h, or the time left in the run if less).
// Detection is a sensor sighting or a report of the cell at or after the raid's start (or the
// raid was already known); response is a tasked unit in contact or on scene after detection, or
// the first contact of the fight that stopped the raid, whoever fought it (a patrol nobody
// tasked included; that contact is a detection too, if none came before).
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
  const raids: Array<{
    cell: number;
    raid: number;
    t0: number;
    known: boolean;
    x: number;
    y: number;
  }> = [];
  const started = new Map<number, number>();
  // Per cell: the tick its current fight began and its last losses; per raid: the contact of
  // the fight that stopped it.
  const fightFrom = new Map<number, number>();
  const lastLoss = new Map<number, number>();
  const stopped = new Map<number, number>();
  const detects = new Map<number, number[]>();
  const responses = new Map<number, number[]>();
  const note = (m: Map<number, number[]>, cell: number, t: number) => {
    const list = m.get(cell);
    if (list) list.push(t);
    else m.set(cell, [t]);
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!; // an index loop: no iterator result per event before optimisation
    if (e.k === 'raid-start') {
      raids.push({ cell: e.cell, raid: e.raid, t0: e.t, known: e.known, x: e.x, y: e.y });
      started.set(e.raid, e.t);
    } else if (e.k === 'detect') note(detects, e.cell, e.t);
    else if (e.k === 'contact' || e.k === 'on-scene') note(responses, e.cell, e.t);
    else if (e.k === 'losses') {
      const last = lastLoss.get(e.cell);
      if (last === undefined || e.t > last + 1) fightFrom.set(e.cell, e.t);
      lastLoss.set(e.cell, e.t);
    } else if (e.k === 'prevented') {
      const from = fightFrom.get(e.cell) ?? e.t;
      stopped.set(e.raid, Math.max(from, started.get(e.raid) ?? from));
    }
  }
  const restricted = (from: number, to: number | undefined) =>
    Math.min(HORIZON_H, ((to ?? now) - from) * h);
  const firstAtOrAfter = (list: number[] | undefined, t: number) => list?.find((x) => x >= t);
  return raids.map((r) => {
    const stop = stopped.get(r.raid);
    const seen = r.known ? r.t0 : firstAtOrAfter(detects.get(r.cell), r.t0);
    const td = stop !== undefined && (seen === undefined || stop < seen) ? stop : seen;
    const tasked = td === undefined ? undefined : firstAtOrAfter(responses.get(r.cell), td);
    const tr = stop !== undefined && (tasked === undefined || stop < tasked) ? stop : tasked;
    return {
      country: territoryAt(def, r.x, r.y),
      detectH: restricted(r.t0, td),
      respondH: td === undefined ? undefined : restricted(td, tr),
    };
  });
}
