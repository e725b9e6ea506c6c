// System 1, second half: the users' orders due this tick. Switches (agreement, right,
// mechanism, trust), unit orders (move, patrol an area, return, assign, release), a nation's
// automatic tasking, and live injects, applied exactly as the scenario's own. Orders were
// checked when given (session.ts, order-refs.ts; who may give them: order-check.ts).
// Reads World.pendingOrders; writes State and one 'order' event per order.

import { ORDERED, TASK } from '../codes';
import { toX, toY } from '../geo/projection';
import { planUnit } from '../movement';
import type { Order, World } from '../world';
import { applyInject, mechanismOf } from './injects';
import { setMechanism } from './mechanisms';
import { rebuildPermits } from './permits';
import { endTasking, freeUnit, sendHome } from './units';

export function runOrders(w: World): void {
  const { s } = w;
  while (w.pendingOrders.length && w.pendingOrders[0]!.tick <= s.tick) {
    const o = w.pendingOrders.shift()!;
    applyOrder(w, o);
    w.log.push(s.tick, 'order', { order: o.kind, detail: JSON.stringify(o) });
  }
}

/** A destroyed, stranded or not yet arrived unit cannot carry out a unit order. */
function canAct(w: World, u: number): boolean {
  const t = w.s.uTask[u];
  return t !== TASK.destroyed && t !== TASK.stranded && t !== TASK.notArrived;
}

/** Lost, or not yet arrived: no order reaches it (a stranded unit may still change command). */
function inPlay(w: World, u: number): boolean {
  const t = w.s.uTask[u];
  return t !== TASK.destroyed && t !== TASK.notArrived;
}

/** The unit drops what its staff had it doing and is under the player's orders from now. */
function takeUnder(w: World, u: number, kind: number): void {
  endTasking(w, u);
  w.s.uOrdered[u] = kind;
}

function applyOrder(w: World, o: Order): void {
  const { def, s } = w;
  switch (o.kind) {
    case 'set-agreement':
      s.agActive[def.agreements.findIndex((a) => a.id === o.agreement)] = o.active ? 1 : 0;
      break;
    case 'set-right':
      s.rightActive[def.rights.findIndex((r) => r.id === o.right)] = o.active ? 1 : 0;
      rebuildPermits(w);
      break;
    case 'set-mechanism':
      setMechanism(w, mechanismOf(def, o.mechanism), o.active, 'order');
      break;
    case 'set-trust': {
      const a = def.actorIds.indexOf(o.from);
      const b = def.actorIds.indexOf(o.to);
      s.trust[a * def.nActors + b] = o.value;
      break;
    }
    case 'auto-tasking':
      s.autoTasking[def.actorIds.indexOf(o.actor)] = o.on ? 1 : 0;
      break;
    case 'inject':
      s.liveInjects.push(o.inject);
      applyInject(w, o.inject, def.scenario.injects.length + s.liveInjects.length - 1);
      break;
    default:
      applyUnitOrder(w, o, def.unitIds.indexOf(o.unit));
  }
}

type UnitOrder = Extract<Order, { unit: string }>;

function applyUnitOrder(w: World, o: UnitOrder, u: number): void {
  const { def, s } = w;
  switch (o.kind) {
    case 'move': {
      if (!canAct(w, u)) break;
      const x = toX(def.masks.proj, o.position[0]);
      const y = toY(def.masks.proj, o.position[1]);
      takeUnder(w, u, ORDERED.move);
      s.uOrderX[u] = x;
      s.uOrderY[u] = y;
      s.uTask[u] = TASK.move;
      // No legal way (things changed since the order was checked): it holds where it is.
      planUnit(w, u, x, y);
      break;
    }
    case 'patrol-area':
      if (!canAct(w, u)) break;
      takeUnder(w, u, ORDERED.patrol);
      s.uStanding[u] = TASK.patrolArea;
      s.uStandingRef[u] = def.zones.findIndex((z) => z.id === o.zone);
      s.uTask[u] = TASK.patrolArea;
      break;
    case 'return':
      if (!canAct(w, u)) break;
      takeUnder(w, u, ORDERED.return);
      // Home, or the nearest base it may use and reach on its fuel, as at bingo fuel.
      sendHome(w, u);
      break;
    case 'assign':
      if (!inPlay(w, u)) break;
      s.uCommand[u] =
        o.command === 'national' ? -1 : def.taskForces.findIndex((t) => t.id === o.command);
      freeUnit(w, u);
      break;
    case 'release':
      if (!inPlay(w, u)) break;
      freeUnit(w, u);
      break;
  }
}
