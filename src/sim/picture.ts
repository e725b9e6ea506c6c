// Each actor's own picture of the threat: what it believes, when it last saw each cell and who
// told it. Decisions read only this, never ground truth. Writes State.tr*, logs `aware`.
import type { World } from './world';

/** A track older than this many hours no longer counts as "in the picture". */
export const FRESH_HOURS = 12;

export function freshTicks(w: World): number {
  return Math.round((FRESH_HOURS * 60) / w.def.tickMinutes);
}

/** True when the actor holds a fresh track of the cell. */
export function knows(w: World, actor: number, cell: number): boolean {
  const seen = w.s.trSeen[actor * w.def.cellCap + cell]!;
  return seen >= 0 && w.s.tick - seen <= freshTicks(w);
}

/**
 * Puts an observation into an actor's picture if it is newer than what it holds.
 * Returns true when the actor was not aware of the cell before (a new episode).
 */
export function observe(
  w: World,
  actor: number,
  cell: number,
  x: number,
  y: number,
  seen: number,
  source: number,
  cls: number,
  via: 'own' | 'message',
): boolean {
  const { s, def } = w;
  const i = actor * def.cellCap + cell;
  const prev = s.trSeen[i]!;
  if (seen <= prev) return false;
  const wasStale = prev < 0 || s.tick - prev > freshTicks(w);
  s.trX[i] = x;
  s.trY[i] = y;
  s.trSeen[i] = seen;
  s.trSource[i] = source;
  s.trClass[i] = cls;
  if (wasStale) {
    s.trAware[i] = s.tick;
    // An awareness episode of a cell starts when nobody else holds a fresh track of it;
    // `lag` is how long after that start this actor became aware (information latency).
    let others = false;
    for (let a = 0; a < def.nActors && !others; a++)
      if (a !== actor && def.participant[a] && knows(w, a, cell)) others = true;
    if (!others || s.cEp[cell]! < 0) {
      s.cEp[cell] = s.episodes++;
      s.cEpStart[cell] = s.tick;
    }
    const lag = s.tick - s.cEpStart[cell]!;
    w.log.push(s.tick, 'aware', { actor, cell, raid: s.cRaid[cell]!, via, ep: s.cEp[cell]!, lag });
  }
  return wasStale;
}
