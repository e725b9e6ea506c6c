// Can a unit be sent there? The physical and legal side of a move or patrol order, in words,
// without changing State: the point's domain, caveats, sovereignty (the rights behind the
// permit tables), weather closures, a legal route (straight leg or A*, as movement.ts plans it)
// and fuel for the way there and back (the units system's bingo rule). Reads Def, State and
// the permits; the path finder's search arrays are scratch, so asking changes no run.

import { CAVEAT, DOMAIN } from './codes';
import { hypot2 } from './geo/hypot';
import { CODE_LAND, CODE_OTHER } from './geo/masks';
import { segmentClear } from './geo/pathfind';
import { cellCenterX, cellCenterY, cellOf } from './geo/raster';
import { actorName, domainWord, zoneName } from './labels';
import { allowedFor, codeGrid, taskForceCodes } from './sovereignty';
import { homeOf } from './systems/units';
import type { World } from './world';

/** The A* expansion cap movement.ts plans with: a route it would not find is no route. */
const MAX_EXPANSIONS = 60_000;
/** How many of a zone's nearest open cells are tried for a route before giving up. */
const ZONE_TRIES = 3;

type Why = { domain: boolean; text: string };

/** Why unit u may not stand on a cell of this code (ignoring weather), or null. */
function whyNotCode(w: World, u: number, code: number): Why | null {
  const { def } = w;
  const d = def.uDomain[u]!;
  if (d === DOMAIN.sea && code === CODE_LAND)
    return { domain: true, text: 'a ship cannot go on land' };
  if (d === DOMAIN.ground && code === 0)
    return { domain: true, text: 'a ground unit cannot go to sea' };
  if (allowedFor(w, u)[code] === 1) return null;
  if (code === CODE_OTHER) return { domain: false, text: 'that is a country outside the exercise' };
  const host = def.codeToActor[code]!;
  const where = d === DOMAIN.sea ? `${actorName(def, host)}'s waters` : actorName(def, host);
  if (def.uCaveats[u]! & CAVEAT.ownTerritoryOnly)
    return { domain: false, text: `caveat: own territory only (that is ${where})` };
  return { domain: false, text: noRight(w, def.uOwner[u]!, host, d, where) };
}

/** "Mali holds no transit right into Niger", or why the right it has does not serve. */
function noRight(w: World, owner: number, host: number, d: number, where: string): string {
  const { def, s } = w;
  const o = actorName(def, owner);
  const mine = def.rights
    .map((r, i) => ({ r, on: s.rightActive[i] === 1, covers: (r.domains & (1 << d)) !== 0 }))
    .filter((x) => x.r.grantor === host && x.r.grantee === owner);
  const transit = mine.filter((x) => x.r.kind === 'transit');
  if (transit.some((x) => x.covers)) return `${o}'s transit right into ${where} is suspended`;
  if (transit.some((x) => x.on))
    return `${o}'s transit right into ${where} does not cover ${domainWord(d)} units`;
  const chase = mine.some((x) => x.r.kind === 'hot-pursuit' && x.on && x.covers);
  return chase
    ? `${o} holds no transit right into ${where} (its hot-pursuit right covers only chasing a track across the border)`
    : `${o} holds no transit right into ${where}`;
}

/** A hot-pursuit standing that stops short of cell c (the depth unitMayBe enforces), or null. */
function tooDeep(w: World, u: number, c: number, code: number): string | null {
  const { def, s, permits } = w;
  const a = def.uOwner[u]!;
  const d = def.uDomain[u]!;
  if (permits.move[a]![d]![code] === 1 || def.uCaveats[u]! & CAVEAT.ownTerritoryOnly) return null;
  if (s.uExit[u]! >= 0 || def.masks.land[c] === 0) return null;
  const tf = s.uCommand[u]!;
  if (tf >= 0 && taskForceCodes(w, tf)[code] === 1) return null;
  const depth = permits.pursuitDepth[a]![code]!;
  if (def.masks.borderKm[c]! <= depth) return null;
  return `${actorName(def, a)} may chase a track only ${depth} km into ${actorName(def, def.codeToActor[code]!)}`;
}

/** A weather closure of cell c for domain d at `tick`, in words, or null. */
function closure(w: World, c: number, d: number, tick: number): string | null {
  const { def, s } = w;
  const bits = def.masks.zones[c]!;
  for (let z = 0; z < def.zones.length; z++) {
    const until = s.closedUntil[z * 3 + d]!;
    if (((bits >>> z) & 1) === 0 || until <= tick) continue;
    const h = Math.ceil(((until - tick) * def.tickMinutes) / 60);
    return `${zoneName(def, z)} is closed to ${domainWord(d)} movement by weather for another ${h} h`;
  }
  return null;
}

/** Why unit u may not stand on cell c at `tick`, or null. */
function whyNotCell(w: World, u: number, c: number, tick: number): Why | null {
  const { def } = w;
  const d = def.uDomain[u]!;
  const code = codeGrid(def, d)[c]!;
  const why = whyNotCode(w, u, code);
  if (why) return why;
  const text = tooDeep(w, u, c, code) ?? closure(w, c, d, tick);
  return text ? { domain: false, text } : null;
}

/** Waypoints [x, y, …] from the unit to (x, y), start included, as movement.ts would plan. */
function route(w: World, u: number, x: number, y: number): number[] | null {
  const { def, s } = w;
  const code = codeGrid(def, def.uDomain[u]!);
  const allowed = allowedFor(w, u);
  const x0 = s.ux[u]!;
  const y0 = s.uy[u]!;
  if (segmentClear(def.masks.spec, code, allowed, x0, y0, x, y)) return [x0, y0, x, y];
  const path = w.pathfinder.find(code, allowed, x0, y0, x, y, MAX_EXPANSIONS);
  return path ? [x0, y0, ...path] : null;
}

/** What blocks the straight way from the unit to (x, y), for "no legal route" messages. */
function blockOnTheWay(w: World, u: number, x: number, y: number): string | null {
  const { def, s } = w;
  const code = codeGrid(def, def.uDomain[u]!);
  const x0 = s.ux[u]!;
  const y0 = s.uy[u]!;
  const steps = Math.ceil((2 * hypot2(x - x0, y - y0)) / def.masks.spec.cellKm);
  for (let i = 1; i <= steps; i++) {
    const c = cellOf(def.masks.spec, x0 + ((x - x0) * i) / steps, y0 + ((y - y0) * i) / steps);
    if (c < 0) continue;
    const why = whyNotCode(w, u, code[c]!);
    if (why) return why.text;
  }
  return null;
}

function noRoute(w: World, u: number, x: number, y: number, to: string): string {
  const block = blockOnTheWay(w, u, x, y);
  return block ? `no legal route ${to} (the direct way: ${block})` : `no legal route ${to}`;
}

/**
 * Fuel by the units system's bingo rule: anywhere on the way the unit must hold enough to get
 * back to its base with a reserve (distance / speed × 1.25 + 0.25 h), or it turns back before
 * arriving. Fuel is in hours at full speed; the worst waypoint decides (between waypoints the
 * need is lower).
 */
function fuelProblem(w: World, u: number, pts: number[]): string | null {
  const { def, s } = w;
  const [bx, by] = homeOf(w, u);
  const speed = def.uSpeed[u]!;
  let km = 0;
  let need = 0;
  for (let i = 0; i < pts.length; i += 2) {
    if (i > 0) km += hypot2(pts[i]! - pts[i - 2]!, pts[i + 1]! - pts[i - 1]!);
    const back = hypot2(bx - pts[i]!, by - pts[i + 1]!);
    need = Math.max(need, km / speed + (back / speed) * 1.25 + 0.25);
  }
  const has = s.uFuel[u]!;
  return has < need
    ? `not enough fuel to get there and back (needs ${need.toFixed(1)} h of fuel, has ${has.toFixed(1)} h)`
    : null;
}

/** Why unit u cannot be sent to (x, y) km at `tick`, in words; null when it can. */
export function whyNotThere(
  w: World,
  u: number,
  x: number,
  y: number,
  tick: number,
): string | null {
  const c = cellOf(w.def.masks.spec, x, y);
  if (c < 0) return 'that point is outside the exercise area';
  const why = whyNotCell(w, u, c, tick);
  if (why) return why.text;
  const pts = route(w, u, x, y);
  if (!pts) return noRoute(w, u, x, y, 'there');
  return fuelProblem(w, u, pts);
}

/**
 * Why unit u cannot patrol zone z from `tick`, in words; null when it can: the zone must hold
 * cells it may be in (at least some), and the nearest of them must be reachable on its fuel.
 */
export function whyNotPatrol(w: World, u: number, z: number, tick: number): string | null {
  const { def, s } = w;
  const spec = def.masks.spec;
  const name = zoneName(def, z);
  const open: Array<[number, number]> = [];
  let domainWhy: string | null = null;
  let otherWhy: string | null = null;
  for (const c of def.zones[z]!.cells) {
    const why = whyNotCell(w, u, c, tick);
    if (!why) {
      const d = hypot2(cellCenterX(spec, c) - s.ux[u]!, cellCenterY(spec, c) - s.uy[u]!);
      open.push([d, c]);
    } else if (why.domain) domainWhy ??= why.text;
    else otherWhy ??= why.text;
  }
  if (!open.length) return `no part of ${name} is open to it: ${otherWhy ?? domainWhy ?? 'empty'}`;
  open.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  let fuel: string | null = null;
  for (const [, c] of open.slice(0, ZONE_TRIES)) {
    const pts = route(w, u, cellCenterX(spec, c), cellCenterY(spec, c));
    if (!pts) continue;
    fuel = fuelProblem(w, u, pts);
    if (!fuel) return null;
  }
  if (fuel) return fuel;
  const [, c0] = open[0]!;
  return noRoute(w, u, cellCenterX(spec, c0), cellCenterY(spec, c0), `to ${name}`);
}
