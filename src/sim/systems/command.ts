// System 6: command. Each command node — a nation's HQ for its national units, a task force
// HQ for the units placed under it — tasks one available, permitted unit to each fresh track
// in its own picture once its decision latency has passed since it became aware. Nations
// weigh threat kinds by their own priorities (0 = ignore); task forces by their commander's.
// Caveats and sovereignty are checked before tasking. Deterministic: ties go to the lower index.
// Units under the player's orders (State.uOrdered) are never tasked; a nation whose automatic
// tasking is off (State.autoTasking) tasks none of its national units.

import { CAVEAT, CELL, DOMAIN, N_THREAT_KINDS, ORDERED, TASK } from '../codes';
import { hypot2 } from '../geo/hypot';
import { cellOf } from '../geo/raster';
import { planUnit } from '../movement';
import { freshTicks } from '../picture';
import { territoryAt, unitMayBe } from '../sovereignty';
import type { World } from '../world';

const AVAILABLE = new Set<number>([TASK.idle, TASK.patrolArea, TASK.patrolRoute]);
/** A track no unit could be found for is reconsidered after this many minutes. */
const RETRY_MIN = 60;

/** Whether (x, y) lies in zone `area` (-1: no area, everywhere). */
function inArea(w: World, area: number, x: number, y: number): boolean {
  if (area < 0) return true;
  const c = cellOf(w.def.masks.spec, x, y);
  return c >= 0 && ((w.def.masks.zones[c]! >>> area) & 1) === 1;
}

/** Whether a unit of domain d at (x0, y0) could ever reach (x1, y1): same water or landmass. */
function sameRegion(w: World, d: number, x0: number, y0: number, x1: number, y1: number): boolean {
  if (d === DOMAIN.air) return true;
  const { spec, seaRegion, landRegion } = w.def.masks;
  const region = d === DOMAIN.sea ? seaRegion : landRegion;
  const a = cellOf(spec, x0, y0);
  const b = cellOf(spec, x1, y1);
  // Off the grid or on an unlabelled cell (a unit at a berth on the coast): let the search decide.
  if (a < 0 || b < 0 || region[a] === 0 || region[b] === 0) return true;
  return region[a] === region[b];
}

/** Per world and actor: its tracks' tasking order, rebuilt only when cells are added. */
const orders = new WeakMap<World, Map<number, { n: number; order: number[] }>>();
function byPriority(w: World, actor: number): number[] {
  const { def, s } = w;
  let perActor = orders.get(w);
  if (!perActor) {
    perActor = new Map();
    orders.set(w, perActor);
  }
  const hit = perActor.get(actor);
  // A cell's group never changes once spawned, so the order only changes as cells are added.
  if (hit && hit.n === s.nCells) return hit.order;
  const weight = new Float64Array(s.nCells);
  for (let c = 0; c < s.nCells; c++)
    weight[c] = def.priority[actor * N_THREAT_KINDS + def.groups[s.cGroup[c]!]!.kindIndex]!;
  const order = Array.from({ length: s.nCells }, (_, c) => c);
  order.sort((a, b) => weight[b]! - weight[a]! || a - b);
  perActor.set(actor, { n: s.nCells, order });
  return order;
}

/** Per world: uCommand as of the last build of w.nodeUnits. */
const builtFor = new WeakMap<World, Int16Array>();
function commandChanged(w: World): boolean {
  const now = w.s.uCommand;
  const was = builtFor.get(w);
  if (was && was.length === now.length) {
    let same = true;
    for (let u = 0; u < now.length; u++)
      if (was[u] !== now[u]) {
        same = false;
        break;
      }
    if (same) return false;
  }
  builtFor.set(w, Int16Array.from(now));
  return true;
}

export function runCommand(w: World): void {
  const { def, s } = w;
  const nA = def.nActors;
  const cap = def.cellCap;
  const stale = freshTicks(w);
  const nodes = nA + def.taskForces.length;
  // Units by commanding node: a node only ever scans its own units. Rebuilt only when a
  // unit's command changed (the lists are in unit order either way).
  const byNode = w.nodeUnits;
  if (commandChanged(w)) {
    for (let k = 0; k < byNode.length; k++) byNode[k]!.length = 0;
    for (let u = 0; u < def.nUnits; u++) {
      const tf = s.uCommand[u]!;
      byNode[tf >= 0 ? nA + tf : def.uOwner[u]!]!.push(u);
    }
  }
  const retry = Math.max(1, Math.round(RETRY_MIN / def.tickMinutes));
  for (let node = 0; node < nodes; node++) {
    const mine = byNode[node]!;
    if (!mine.length) continue;
    const tf = node - nA;
    const pictureOf = tf >= 0 ? def.taskForces[tf]!.commander : node;
    if (tf < 0 && def.isOrg[node]) continue; // organisations command through task forces
    if (tf < 0 && !s.autoTasking[node]) continue; // a played nation's staff told to hold off
    const latency = tf >= 0 ? s.tfDecisionTicks[tf]! : def.decisionTicks[node]!;
    // Tracks in the order of the node's priorities: with few free units, the kinds it cares
    // most about get them first (stable: ties keep the cell order).
    const order = byPriority(w, pictureOf);
    for (const c of order) {
      if (s.cState[c]! >= CELL.dead) continue;
      const slot = node * cap + c;
      const held = s.assigned[slot]!;
      if (held >= 0) {
        if (
          s.uTaskCell[held] === c &&
          s.uTaskNode[held] === node &&
          s.uTask[held] !== TASK.destroyed
        )
          continue;
        s.assigned[slot] = -1;
      }
      const i = pictureOf * cap + c;
      const seen = s.trSeen[i]!;
      if (seen < 0 || s.tick - seen > stale) continue;
      if (s.tick - s.trAware[i]! < latency) continue;
      if (s.retryAt[slot]! > s.tick) continue;
      const g = def.groups[s.cGroup[c]!]!;
      if (def.priority[pictureOf * N_THREAT_KINDS + g.kindIndex]! <= 0) continue;
      const tx = s.trX[i]!;
      const ty = s.trY[i]!;
      if (tf >= 0 && !inArea(w, def.taskForces[tf]!.area, tx, ty)) continue;
      const where = territoryAt(def, tx, ty);
      let best = -1;
      let bestTime = Number.POSITIVE_INFINITY;
      // Why free units were passed over: a caveat, or no right to be there.
      let caveat = 0;
      let sovereignty = 0;
      for (const u of mine) {
        if (!AVAILABLE.has(s.uTask[u]!) || s.uEngaged[u]! >= 0) continue;
        if (s.uOrdered[u] !== ORDERED.none) continue; // under the player's orders
        const d = def.uDomain[u]!;
        if (d !== DOMAIN.air && d !== g.domain) continue;
        if (def.uCaveats[u]! & CAVEAT.ownTerritoryOnly && where !== def.uOwner[u]) {
          caveat++;
          continue;
        }
        if (!sameRegion(w, d, s.ux[u]!, s.uy[u]!, tx, ty)) continue;
        const dist = hypot2(tx - s.ux[u]!, ty - s.uy[u]!);
        const hours = dist / def.uSpeed[u]!;
        if (s.uFuel[u]! < hours * 2.5 + 0.5) continue;
        if (hours < bestTime) {
          if (unitMayBe(w, u, tx, ty)) {
            bestTime = hours;
            best = u;
          } else sovereignty++;
        }
      }
      if (best < 0 || !planUnit(w, best, tx, ty)) {
        // Nobody free or able: the staff looks at it again later.
        if (best < 0 && (caveat || sovereignty))
          w.log.push(s.tick, 'task-blocked', {
            node,
            cell: c,
            reason: sovereignty ? 'sovereignty' : 'caveat',
          });
        s.retryAt[slot] = s.tick + retry;
        continue;
      }
      s.uTask[best] = TASK.respond;
      s.uTaskCell[best] = c;
      s.uTaskNode[best] = node;
      s.uWait[best] = 0;
      s.assigned[slot] = best;
      w.log.push(s.tick, 'task', { node, unit: best, task: 'respond', cell: c, into: where });
    }
  }
}
