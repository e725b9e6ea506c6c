// System 1: the MSEL. Applies the scenario's injects due this tick (spawn, forced attack,
// agreement or right switched, weather closing a zone, funding, narrative, withdrawal, force
// flow: units that were in the arrays from load, `not-arrived`, take up their tasks); live
// injects go through the same `applyInject` from an order (orders.ts).
// Reads Def.scenario.injects; writes State; stream: injects.

import type { Inject } from '../../scenario/schema';
import { CELL, DOMAIN, TARGET, TASK } from '../codes';
import { r3 } from '../events';
import { hypot2 } from '../geo/hypot';
import { toX, toY } from '../geo/projection';
import { randomCellIn } from '../geo/zone-cells';
import { threatAllowed } from '../rules';
import { codeGrid } from '../sovereignty';
import type { Def, World } from '../world';
import { setMechanism } from './mechanisms';
import { rebuildPermits } from './permits';
import { startRaid } from './threats';
import { withdrawMember } from './withdrawal';

/** A new cell's first raid comes after a uniform delay of up to this many hours. */
export const FIRST_RAID_WITHIN_H = 24;

/** Activates a new threat cell of group g at (x, y); returns its index or -1 when full. */
export function spawnCell(w: World, g: number, strength: number, x: number, y: number): number {
  const { s, def } = w;
  if (s.nCells >= def.cellCap) return -1;
  const c = s.nCells++;
  const group = def.groups[g]!;
  s.cGroup[c] = g;
  s.cx[c] = x;
  s.cy[c] = y;
  s.cStr[c] = strength;
  s.cState[c] = CELL.hide;
  // The nearest haven is home.
  let best = group.havens[0]!;
  let bestD = Number.POSITIVE_INFINITY;
  for (const h of group.havens) {
    const z = def.zones[h]!;
    const d = hypot2(z.cx - x, z.cy - y);
    if (d < bestD) {
      bestD = d;
      best = h;
    }
  }
  s.cHaven[c] = best;
  s.cHx[c] = x;
  s.cHy[c] = y;
  // The first raid waits up to a day (a duration, whatever the tick; 96 ticks at 15 minutes).
  s.cTimer[c] = Math.floor(
    w.rng.injects() * Math.round((FIRST_RAID_WITHIN_H * 60) / def.tickMinutes),
  );
  w.log.push(s.tick, 'threat-spawn', {
    cell: c,
    strength,
    x: r3(x),
    y: r3(y),
  });
  return c;
}

/** Places the scenario's initial threat cells in their havens (tick 0). */
export function spawnInitialCells(w: World): void {
  const pt = { x: 0, y: 0 };
  w.def.groups.forEach((g, gi) => {
    const cells = w.def.scenario.threats[gi]!.cells;
    const allowed = threatAllowed(g.domain);
    const code = codeGrid(w.def, g.domain);
    for (let k = 0; k < cells; k++) {
      randomCellIn(w.def, g.havens[k % g.havens.length]!, code, allowed, w.rng.injects, pt);
      spawnCell(w, gi, g.strength, pt.x, pt.y);
    }
  });
}

export function runInjects(w: World): void {
  const { def, s } = w;
  const injects = def.scenario.injects;
  for (let i = 0; i < injects.length; i++)
    if (def.injectTicks[i] === s.tick) applyInject(w, injects[i]!, i);
}

/**
 * Applies one inject now: a scenario's (index < the scenario's inject count) or one given live
 * (an `inject` order; its event carries its id as `live`, since Def does not hold it).
 */
export function applyInject(w: World, inj: Inject, index: number): void {
  const { def, s } = w;
  w.log.push(
    s.tick,
    'inject',
    index < def.scenario.injects.length
      ? { inject: index, kind: inj.kind }
      : { inject: index, kind: inj.kind, live: inj.id },
  );
  switch (inj.kind) {
    case 'spawn': {
      const g = def.groups.findIndex((x) => x.id === inj.threat);
      const group = def.groups[g]!;
      const pt = { x: 0, y: 0 };
      if (inj.position) {
        pt.x = toX(def.masks.proj, inj.position[0]);
        pt.y = toY(def.masks.proj, inj.position[1]);
      } else {
        randomCellIn(
          def,
          group.havens[0]!,
          codeGrid(def, group.domain),
          threatAllowed(group.domain),
          w.rng.injects,
          pt,
        );
      }
      spawnCell(w, g, inj.strength, pt.x, pt.y);
      break;
    }
    case 'attack': {
      const g = def.groups.findIndex((x) => x.id === inj.threat);
      const place = def.placeIds.indexOf(inj.place);
      // The nearest hiding cell of that group raids the place now.
      let best = -1;
      let bestD = Number.POSITIVE_INFINITY;
      for (let c = 0; c < s.nCells; c++) {
        if (s.cGroup[c] !== g || s.cState[c] !== CELL.hide) continue;
        const d = hypot2(s.cx[c]! - def.pX[place]!, s.cy[c]! - def.pY[place]!);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (best >= 0) startRaid(w, best, TARGET.place, place, def.pX[place]!, def.pY[place]!);
      break;
    }
    case 'agreement': {
      const a = def.agreements.findIndex((x) => x.id === inj.agreement);
      s.agActive[a] = inj.active ? 1 : 0;
      w.log.push(s.tick, 'agreement', { agreement: a, active: inj.active });
      break;
    }
    case 'right': {
      const r = def.rights.findIndex((x) => x.id === inj.right);
      s.rightActive[r] = inj.active ? 1 : 0;
      rebuildPermits(w);
      w.log.push(s.tick, 'right', { right: r, active: inj.active });
      break;
    }
    case 'weather': {
      const z = def.zones.findIndex((x) => x.id === inj.zone);
      const until = s.tick + Math.round((inj.hours * 60) / def.tickMinutes);
      for (const d of inj.closes) s.closedUntil[z * 3 + DOMAIN[d]] = until;
      w.log.push(s.tick, 'weather', { zone: z, closes: inj.closes.join(','), until });
      break;
    }
    case 'funding': {
      const a = def.actorIds.indexOf(inj.actor);
      s.budget[a] = s.budget[a]! + inj.amount;
      w.log.push(s.tick, 'funding', { actor: a, amount: inj.amount });
      break;
    }
    case 'mechanism':
      setMechanism(w, mechanismOf(def, inj.mechanism), inj.active, 'inject');
      break;
    case 'narrative':
      w.log.push(s.tick, 'narrative', { message: inj.message, to: inj.to.join(',') });
      break;
    case 'force-flow':
      arrive(w, index);
      break;
    case 'withdraw':
      withdrawMember(
        w,
        def.actorIds.indexOf(inj.actor),
        def.actorIds.indexOf(inj.organisation),
        inj.sectorsTo === undefined ? -1 : def.actorIds.indexOf(inj.sectorsTo),
      );
      break;
  }
}

/** The units a scenario's force-flow inject brings in take up their standing tasks. */
function arrive(w: World, index: number): void {
  const { def, s } = w;
  for (let u = 0; u < def.nUnits; u++) {
    if (def.uArrive[u] !== index || s.uTask[u] !== TASK.notArrived) continue;
    s.uTask[u] = s.uStanding[u]!;
    w.log.push(s.tick, 'arrive', { unit: u, x: r3(s.ux[u]!), y: r3(s.uy[u]!) });
  }
}

export function mechanismOf(def: Def, id: string): number {
  return def.mechanisms.findIndex((m) => m.id === id);
}
