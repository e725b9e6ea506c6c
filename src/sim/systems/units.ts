// System 3: units move along their tasks and burn fuel and supplies. Patrol an area (random
// legal waypoints) or a route (back and forth), respond to a track in the commanding node's
// picture, search where it was last seen, escort a convoy, return at bingo fuel. A unit out of
// fuel stops where it is. Reads Def, pictures, permits; writes unit state. Stream: units.

import { CAVEAT, DOMAIN, ORDERED, TASK } from '../codes';
import { hypot2 } from '../geo/hypot';
import { cellOf } from '../geo/raster';
import { randomCellIn } from '../geo/zone-cells';
import { lastStep, planUnit, stepUnit } from '../movement';
import { freshTicks } from '../picture';
import { allowedFor, codeGrid, taskForceCodes, territoryAt, unitMayBe } from '../sovereignty';
import type { World } from '../world';

const pt = { x: 0, y: 0 };
const SEARCH_HOURS = 3;

/** Where unit u returns to: its home base, or the base it was last sent to resupply at. */
export function homeOf(w: World, u: number): [number, number] {
  return [homeX(w, u), homeY(w, u)];
}

/** x of homeOf (a ship docks at the berth), without an array per call. */
export function homeX(w: World, u: number): number {
  const b = w.s.uBase[u]!;
  return w.def.uDomain[u] === DOMAIN.sea ? w.def.bBerthX[b]! : w.def.bX[b]!;
}

export function homeY(w: World, u: number): number {
  const b = w.s.uBase[u]!;
  return w.def.uDomain[u] === DOMAIN.sea ? w.def.bBerthY[b]! : w.def.bY[b]!;
}

/** Distance from unit u to homeOf (hypot of home − position, as every caller wrote it). */
export function distHome(w: World, u: number): number {
  return hypot2(homeX(w, u) - w.s.ux[u]!, homeY(w, u) - w.s.uy[u]!);
}

/** True at night (18:00–06:00 local solar time) at longitude of x. */
export function isNight(w: World, x: number): boolean {
  const { def, s } = w;
  const lon = x / def.masks.proj.kx + def.masks.proj.west;
  const local = (((def.startMin + s.tick * def.tickMinutes + lon * 4) % 1440) + 1440) % 1440;
  return local < 360 || local >= 1080;
}

/** Node whose picture unit u acts on: its owner, or its task force's commander. */
export function pictureNode(w: World, u: number): number {
  const tf = w.s.uCommand[u]!;
  return tf >= 0 ? w.def.taskForces[tf]!.commander : w.def.uOwner[u]!;
}

/** True when unit u may stand where it is without hot-pursuit standing. */
function ordinarilyAllowed(w: World, u: number): boolean {
  const { def, s } = w;
  const cell = cellOf(def.masks.spec, s.ux[u]!, s.uy[u]!);
  if (cell < 0) return true;
  const d = def.uDomain[u]!;
  return w.permits.move[def.uOwner[u]!]![d]![codeGrid(def, d)[cell]!] === 1;
}

/** Ends a tasking: the command node's claim, pursuit standing (once back where it may be), the path. */
export function endTasking(w: World, u: number): void {
  const { s, def } = w;
  const node = s.uTaskNode[u]!;
  const cell = s.uTaskCell[u]!;
  if (node >= 0 && cell >= 0 && s.assigned[node * def.cellCap + cell] === u)
    s.assigned[node * def.cellCap + cell] = -1;
  s.uTaskNode[u] = -1;
  s.uTaskCell[u] = -1;
  // A pursuit that ends across a border keeps its standing until the unit is back home.
  if (ordinarilyAllowed(w, u)) s.uPursuit[u] = 0;
  s.uWait[u] = 0;
  s.uPath[u] = null;
}

/**
 * The task a unit goes back to when a tasking, a fight or a resupply ends: its standing task,
 * or — under the player's orders — what it was ordered (a patrol order is its standing task).
 */
export function fallbackTask(w: World, u: number): number {
  const { s } = w;
  if (s.uOrdered[u] === ORDERED.move) return TASK.move;
  if (s.uOrdered[u] === ORDERED.return) return TASK.return;
  return s.uStanding[u]!;
}

/** Ends a tasking and goes back to the standing task (or the player's order). */
export function releaseUnit(w: World, u: number): void {
  const { s } = w;
  endTasking(w, u);
  if (s.uTask[u] === TASK.destroyed) return; // lost for good: nothing sends it anywhere
  s.uTask[u] = fallbackTask(w, u);
  // A unit with no standing task does not wait where its tasking ended: it goes back to base.
  if (s.uTask[u] === TASK.idle && distHome(w, u) >= 1) s.uTask[u] = TASK.return;
}

/**
 * The unit leaves the player's orders for its staff's tasking: one holding or moving goes back
 * to its standing task (or home); one on patrol or on its way home carries on until then.
 */
export function freeUnit(w: World, u: number): void {
  const { s } = w;
  if (s.uOrdered[u] === ORDERED.none) return;
  s.uOrdered[u] = ORDERED.none;
  if (s.uTask[u] === TASK.idle || s.uTask[u] === TASK.move) releaseUnit(w, u);
}

export function sendHome(w: World, u: number): void {
  releaseUnit(w, u);
  if (w.s.uTask[u] === TASK.destroyed) return;
  w.s.uTask[u] = TASK.return;
  if (resupplyNearer(w, u)) return;
  w.s.uBase[u] = w.def.uHome[u]!;
  const [hx, hy] = homeOf(w, u);
  planUnit(w, u, hx, hy);
}

/**
 * A unit heading back to refuel goes to the nearest base it may use (own, listed user, a
 * base-access right or a shared logistics framework), can reach on the fuel it has, may enter,
 * and that holds half a tank of fuel — home first among equals, home when none qualifies. Up to
 * three are tried, nearest first.
 */
function resupplyNearer(w: World, u: number): boolean {
  const { def, s } = w;
  const owner = def.uOwner[u]!;
  const sea = def.uDomain[u] === DOMAIN.sea;
  const at = (b: number): [number, number] =>
    sea ? [def.bBerthX[b]!, def.bBerthY[b]!] : [def.bX[b]!, def.bY[b]!];
  const home = def.uHome[u]!;
  const reach = s.uFuel[u]! * def.uSpeed[u]! * 0.9;
  const options: Array<[number, number]> = [];
  for (let b = 0; b < def.nBases; b++) {
    if (!w.permits.baseUse[b * def.nActors + owner]) continue;
    if (s.bFuel[b]! < def.uFuelCap[u]! * 0.5) continue;
    const [bx, by] = at(b);
    const d = hypot2(bx - s.ux[u]!, by - s.uy[u]!);
    if (d <= reach || b === home) options.push([d, b === home ? -1 : b]);
  }
  options.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [, k] of options.slice(0, 3)) {
    const b = k < 0 ? home : k;
    const [bx, by] = at(b);
    if (b !== home && !unitMayBe(w, u, bx, by)) continue;
    if (!planUnit(w, u, bx, by)) continue;
    s.uBase[u] = b;
    return true;
  }
  return false;
}

/** Bingo fuel or supplies: not enough to get home with a reserve. A boolean, not the fuel
 * figure: a number returned from a call that is not inlined costs a heap allocation. */
function atBingo(w: World, u: number): boolean {
  const s = w.s;
  return s.uFuel[u]! < (distHome(w, u) / w.def.uSpeed[u]!) * 1.25 + 0.25 || s.uSup[u]! < 0.5;
}

function patrolWaypoint(w: World, u: number): void {
  const { def, s } = w;
  const z = s.uStandingRef[u]!;
  if (z < 0) return;
  const code = codeGrid(def, def.uDomain[u]!);
  const allowed = allowedFor(w, u);
  for (let k = 0; k < 4; k++) {
    if (randomCellIn(def, z, code, allowed, w.rng.units, pt) && planUnit(w, u, pt.x, pt.y)) return;
  }
}

function patrolRoute(w: World, u: number): void {
  const { def, s } = w;
  const route = def.routes[s.uStandingRef[u]!];
  if (!route) return;
  // Alternate ends: the waypoint list is the route, forwards or backwards from the nearer end.
  const n = route.xy.length / 2;
  const x0 = route.xy[0]!;
  const y0 = route.xy[1]!;
  const x1 = route.xy[2 * n - 2]!;
  const y1 = route.xy[2 * n - 1]!;
  const toStart = hypot2(s.ux[u]! - x0, s.uy[u]! - y0);
  const toEnd = hypot2(s.ux[u]! - x1, s.uy[u]! - y1);
  const forward = toStart < toEnd;
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = forward ? i : n - 1 - i;
    path.push(route.xy[2 * k]!, route.xy[2 * k + 1]!);
  }
  // Join the route legally first; then follow it as far as it stays legal.
  if (!planUnit(w, u, path[0]!, path[1]!)) {
    s.uPath[u] = null;
    return;
  }
  const lead = s.uPath[u]!;
  s.uPath[u] = lead.concat(path.slice(2));
}

export function runUnits(w: World): void {
  const { def, s } = w;
  const dt = def.dtH;
  const stale = freshTicks(w);
  for (let u = 0; u < def.nUnits; u++) {
    s.uPrevX[u] = s.ux[u]!;
    s.uPrevY[u] = s.uy[u]!;
    const movedLast = s.uMoved[u]!;
    s.uMoved[u] = 0;
    const task = s.uTask[u]!;
    if (task === TASK.destroyed || task === TASK.stranded || task === TASK.notArrived) continue;
    if (s.uPursuit[u] && s.uTaskCell[u]! < 0 && ordinarilyAllowed(w, u)) s.uPursuit[u] = 0;
    if (s.uExit[u]! >= 0 && territoryAt(def, s.ux[u]!, s.uy[u]!) !== s.uExit[u]) s.uExit[u] = -1;
    if (s.uFuel[u]! <= 0) {
      s.uFuel[u] = 0;
      s.uTask[u] = TASK.stranded;
      s.uPath[u] = null;
      w.log.push(s.tick, 'out-of-fuel', { unit: u });
      continue;
    }
    // Bingo fuel or supplies: head home with a reserve (a unit holding where it was sent too).
    if (
      (task !== TASK.return && task !== TASK.idle && task !== TASK.resupply) ||
      holdingAway(w, u)
    ) {
      if (atBingo(w, u)) {
        sendHome(w, u);
      }
    }
    if (s.uEngaged[u]! >= 0) {
      burn(w, u, null);
      continue;
    }
    if (def.uCaveats[u]! & CAVEAT.noNight && isNight(w, s.ux[u]!)) {
      // A unit sent after a track that halts for the night: logged once per halt.
      if (s.uTask[u] === TASK.respond && movedLast > 0)
        w.log.push(s.tick, 'caveat', { unit: u, caveat: 'no-night', cell: s.uTaskCell[u]! });
      burn(w, u, null);
      continue;
    }
    // The speed table, not a speed: numbers passed to calls that are not inlined are boxed.
    let speeds = def.uSpeed;
    switch (s.uTask[u]) {
      case TASK.patrolArea:
        speeds = def.uPatrolSpeed;
        if (s.uPath[u] === null) patrolWaypoint(w, u);
        break;
      case TASK.patrolRoute:
        speeds = def.uPatrolSpeed;
        if (s.uPath[u] === null) patrolRoute(w, u);
        break;
      case TASK.respond: {
        const node = pictureNode(w, u);
        const cell = s.uTaskCell[u]!;
        const i = node * def.cellCap + cell;
        if (s.trSeen[i]! < 0 || s.tick - s.trSeen[i]! > stale) {
          releaseUnit(w, u);
          break;
        }
        const tx = s.trX[i]!;
        const ty = s.trY[i]!;
        const near = hypot2(tx - s.ux[u]!, ty - s.uy[u]!);
        if (near < 2) {
          // At the last known position: search around it for a while, then give up.
          if (s.uWait[u] === 0)
            w.log.push(s.tick, 'on-scene', { unit: u, cell, raid: s.cRaid[cell]! });
          s.uWait[u] = s.uWait[u]! + 1;
          if (s.uWait[u]! * dt > SEARCH_HOURS) {
            releaseUnit(w, u);
            break;
          }
          const code = codeGrid(def, def.uDomain[u]!);
          const allowed = allowedFor(w, u);
          const r = w.rng.units;
          const sx = tx + (r() - 0.5) * 16;
          const sy = ty + (r() - 0.5) * 16;
          const c = cellOf(def.masks.spec, sx, sy);
          if (c >= 0 && allowed[code[c]!] === 1) planUnit(w, u, sx, sy);
        } else if (s.uPath[u] === null || hypot2(tx - s.uTx[u]!, ty - s.uTy[u]!) > 5) {
          if (!planUnit(w, u, tx, ty)) {
            // The track is somewhere this unit may not go: it stops at the border.
            const into = territoryAt(def, tx, ty);
            if (into >= 0 && into !== def.uOwner[u])
              w.log.push(s.tick, 'border-stop', { unit: u, into });
            releaseUnit(w, u);
          }
        }
        break;
      }
      case TASK.escort: {
        const k = s.uEscort[u]!;
        if (k < 0 || !s.kAlive[k]) {
          s.uEscort[u] = -1;
          sendHome(w, u);
          break;
        }
        if (hypot2(s.kx[k]! - s.ux[u]!, s.ky[k]! - s.uy[u]!) > 0.5)
          planUnit(w, u, s.kx[k]!, s.ky[k]!);
        break;
      }
      case TASK.return:
        if (s.uPath[u] === null) {
          if (distHome(w, u) < 0.5) s.uTask[u] = TASK.resupply;
          else if (!planUnit(w, u, homeX(w, u), homeY(w, u))) s.uWait[u] = s.uWait[u]! + 1;
        }
        break;
      case TASK.move:
        if (s.uPath[u] === null) moveOrHold(w, u);
        break;
      case TASK.idle:
        if (s.uOrdered[u] === ORDERED.move) goBackOut(w, u);
        break;
      default:
        break;
    }
    stepUnit(w, u, speeds);
    if (lastStep.blocked && s.uTask[u] === TASK.respond) {
      const into = territoryAt(def, s.uTx[u]!, s.uTy[u]!);
      if (into >= 0 && into !== def.uOwner[u]) w.log.push(s.tick, 'border-stop', { unit: u, into });
    }
    s.uMoved[u] = lastStep.moved;
    burn(w, u, speeds);
    trackTerritory(w, u);
  }
}

/** An idle unit under a move order, away from base: it holds where it was sent. */
function holdingAway(w: World, u: number): boolean {
  if (w.s.uTask[u] !== TASK.idle || w.s.uOrdered[u] !== ORDERED.move) return false;
  return distHome(w, u) >= 1;
}

/**
 * A move ended or was cut short (a fight, a block, a resupply): a unit under a move order goes
 * on to its point and holds there — or, with no legal way on, holds where it stands; any other
 * unit waits for its staff.
 */
function moveOrHold(w: World, u: number): void {
  const { s } = w;
  s.uTask[u] = TASK.idle;
  if (s.uOrdered[u] !== ORDERED.move) return;
  const x = s.uOrderX[u]!;
  const y = s.uOrderY[u]!;
  if (hypot2(x - s.ux[u]!, y - s.uy[u]!) >= 0.5 && planUnit(w, u, x, y)) {
    s.uTask[u] = TASK.move;
    return;
  }
  s.uOrderX[u] = s.ux[u]!;
  s.uOrderY[u] = s.uy[u]!;
}

/** Idle at base after a resupply that left it short: back out to its point once half full. */
function goBackOut(w: World, u: number): void {
  const { def, s } = w;
  if (hypot2(s.uOrderX[u]! - s.ux[u]!, s.uOrderY[u]! - s.uy[u]!) < 0.5) return;
  if (s.uFuel[u]! < 0.5 * def.uFuelCap[u]! || s.uSup[u]! < Math.min(2, def.uSupCap[u]!)) return;
  moveOrHold(w, u);
}

/**
 * Fuel in hours of movement at full speed; supplies one unit-day per day away from base. The
 * unit moved s.uMoved[u] km this tick of a budget of speeds[u] × dtH (null: it did not move;
 * all idle); the share of the budget not used burns idle fuel.
 */
function burn(w: World, u: number, speeds: Float64Array | null): void {
  const { def, s } = w;
  const movedKm = speeds ? s.uMoved[u]! : 0;
  const budget = speeds ? speeds[u]! * def.dtH : 0;
  const idleShare = budget > 0 ? 1 - movedKm / budget : 1;
  const used = movedKm / def.uSpeed[u]! + def.uIdleFuel[u]! * def.dtH * idleShare;
  s.uFuel[u] = Math.max(0, s.uFuel[u]! - used);
  s.uSup[u] = Math.max(0, s.uSup[u]! - def.dtH / 24);
}

/** Logs a pursuit that carries a unit into a partner's territory. */
function trackTerritory(w: World, u: number): void {
  const { def, s } = w;
  const here = territoryAt(def, s.ux[u]!, s.uy[u]!);
  const before = s.uTerritory[u]!;
  s.uTerritory[u] = here;
  const owner = def.uOwner[u]!;
  if (here === before || here < 0 || here === owner || def.members[owner]!.includes(here)) return;
  const d = def.uDomain[u]!;
  const code = codeGrid(def, d)[cellOf(def.masks.spec, s.ux[u]!, s.uy[u]!)]!;
  if (w.permits.move[owner]![d]![code] === 1) return; // a transit right: routine, not a pursuit
  const tf = s.uCommand[u]!;
  if (tf >= 0 && taskForceCodes(w, tf)[code] === 1) return; // the joint force's mandate
  w.log.push(s.tick, 'cross-border', { unit: u, into: here });
  s.politics.push({ kind: 'crossing', a: here, b: owner, unit: u });
}
