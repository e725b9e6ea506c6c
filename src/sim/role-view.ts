// The engine's role view (boardgame.io's playerView): the world description and snapshots as
// one actor's role may have them, re-indexed densely so the map and panels work on them
// unchanged. Reads `Def` and `World`; writes nothing. The classroom server sends exactly this
// to a student's browser, so nothing here may carry more than the rules below allow.
//
// What a role knows:
// - actors: all, at their full indices (tracks, trust and events refer to actor indices);
// - units: its own, and those that start under a task force it commands (the list is fixed at
//   load). A listed unit it no longer commands (reassigned, or its nation withdrew) is blank:
//   NaN position and stocks, task idle. A partner's unit outside the list is never named;
// - bases: all (public infrastructure), but capacity (description) and stocks (snapshot) only
//   of its own: a depot's size is the owner's logistics secret (capacity 0, stocks NaN);
// - places, routes, threat groups, traffic, task forces (area −1 when its zone is hidden): all;
// - zones: all but safe havens (the white cell's knowledge of where threats hide), unless own;
// - agreements and rights: those it is party to (from/to, grantor/grantee); a joint centre's
//   channel joins two members, so only a member is ever party to one; mechanisms: those it is
//   party to (`mechanismParties`); supply runs and their convoys: its own;
// - injects (MSEL): those whose event it may see (eventVisible's 'inject' rule);
// - snapshot: no threat cells; its own tracks, messages, trust row; a unit's task cell only if
//   it holds (or held) a track of that cell; orders, targets and paths only of units it
//   commands now; merchant vessels (public); log hash blank (with
//   the scenario it would let a role test guesses of the seed);
// - units it does not command now: none listed; in the white cell's look through its eyes
//   (snapshot.ts) positions only, strength and stocks NaN (`commandsUnit`);
// - events: those eventVisible allows; a unit outside its list appears as `unit: null` plus
//   `unitOwner` (a report — "a Burkinabe unit crossed into Mali" — names the nation, never the
//   unit); a cell it holds no track of as `cell: null`; a hidden zone as `zone: null`; a raid
//   on another's supply route as target `route`.
// Nothing counts what happens elsewhere: the feed's cursor (`eventsFrom`, `eventCount`) is the
// tick, not the log's length; message ids are keys made from what the message says; message,
// raid, episode and convoy numbers are left out of events; live injects are numbered among
// those it may see. Still shared: threat cell indices (a track's "cell 14") and convoy slots.

import { TASK } from './codes';
import { describeWorld, type WorldDescription } from './describe';
import { toLat, toLon } from './geo/projection';
import { firstAtTick, type LiveInjectLabel, roleEvents } from './role-events';
import { type RoleIndex, roleIndex } from './role-index';
import {
  commandsUnit,
  hasTrack,
  MAX_SNAPSHOT_EVENTS,
  messagesLayer,
  moverLayer,
  type Snapshot,
  tracksLayer,
  type UnitLayer,
  unitOrderFields,
} from './snapshot';
import type { Def, Msg, World } from './world';

/** The role's event feed (role-events.ts), here too so that hosts import one module. */
export { type LiveInjectLabel, roleEvents } from './role-events';

/** Full-description index of each role entry (`units[roleIndex] = full index`): for hosts. */
export interface RoleIndexMaps {
  units: number[];
  agreements: number[];
  rights: number[];
  mechanisms: number[];
  supplyRuns: number[];
  zones: number[];
  injects: number[];
}

/**
 * A role's view of the fixed tables. `description` is what a client receives; `index` stays
 * with the host (sent along, it would reveal how many hidden entries lie between the role's).
 */
export interface RoleDescription {
  description: WorldDescription;
  index: RoleIndexMaps;
}

const pickAt = <T>(list: readonly T[], at: Int32Array): T[] => Array.from(at, (i) => list[i]!);

export function roleDescription(def: Def, actor: number): RoleDescription {
  const ix = roleIndex(def, actor);
  const full = describeWorld(def);
  // A centre's channel names its centre by mechanism index: translate it (members are parties).
  const mechRole = (m: number | null) => {
    const r = m === null ? -1 : (ix.mechanismRole[m] ?? -1);
    return r >= 0 ? r : null;
  };
  const description: WorldDescription = {
    ...full,
    units: pickAt(full.units, ix.units),
    bases: full.bases.map((b) =>
      b.owner === actor ? b : { ...b, capacity: { fuel: 0, supplies: 0 } },
    ),
    zones: pickAt(full.zones, ix.zones),
    agreements: pickAt(full.agreements, ix.agreements).map((a) => ({
      ...a,
      centre: mechRole(a.centre),
    })),
    mechanisms: pickAt(full.mechanisms, ix.mechanisms),
    rights: pickAt(full.rights, ix.rights),
    taskForces: full.taskForces.map((t) => ({
      ...t,
      area: t.area >= 0 ? (ix.zoneRole[t.area] ?? -1) : -1,
    })),
    supplyRuns: pickAt(full.supplyRuns, ix.supplyRuns),
    injects: pickAt(full.injects, ix.injects),
  };
  const index: RoleIndexMaps = {
    units: [...ix.units],
    agreements: [...ix.agreements],
    rights: [...ix.rights],
    mechanisms: [...ix.mechanisms],
    supplyRuns: [...ix.supplyRuns],
    zones: [...ix.zones],
    injects: [...ix.injects],
  };
  return { description, index };
}

/** What a client may receive of a role description (the index maps stay with the host). */
export function clientDescription(rd: RoleDescription): WorldDescription {
  return rd.description;
}

const frac = (v: number, cap: number) => (cap > 0 ? v / cap : 0);

function roleUnits(w: World, ix: RoleIndex): UnitLayer {
  const { def, s } = w;
  const { proj } = def.masks;
  const n = ix.units.length;
  const L: UnitLayer = {
    lon: new Float32Array(n).fill(Number.NaN),
    lat: new Float32Array(n).fill(Number.NaN),
    task: new Uint8Array(n).fill(TASK.idle),
    strength: new Float32Array(n).fill(Number.NaN),
    fuel: new Float32Array(n).fill(Number.NaN),
    supplies: new Float32Array(n).fill(Number.NaN),
    engaged: new Uint8Array(n),
    taskCell: new Int32Array(n).fill(-1),
    // Orders, targets and paths of the units it commands now, never of anyone else's.
    ...unitOrderFields(
      w,
      n,
      (k) => (commandsUnit(w, ix.actor, ix.units[k]!) ? ix.units[k]! : -1),
      (z) => ix.zoneRole[z] ?? -1,
    ),
  };
  for (let k = 0; k < n; k++) {
    const u = ix.units[k]!;
    if (!commandsUnit(w, ix.actor, u)) continue; // listed at load, no longer under its command
    L.lon[k] = toLon(proj, s.ux[u]!);
    L.lat[k] = toLat(proj, s.uy[u]!);
    L.task[k] = s.uTask[u]!;
    L.strength[k] = frac(s.uStr[u]!, def.uStrength0[u]!);
    L.fuel[k] = frac(s.uFuel[u]!, def.uFuelCap[u]!);
    L.supplies[k] = frac(s.uSup[u]!, def.uSupCap[u]!);
    L.engaged[k] = s.uEngaged[u]! >= 0 ? 1 : 0;
    // A task force may task the unit from the commander's picture: name only cells it knows.
    const tc = s.uTaskCell[u]!;
    L.taskCell[k] = hasTrack(w, ix.actor, tc) ? tc : -1;
  }
  return L;
}

/** The role's convoys: its own supply runs only, `kind` as role supply-run indices. */
function roleConvoys(w: World, ix: RoleIndex) {
  const { def, s } = w;
  const alive = new Uint8Array(s.kAlive.length);
  const kind = new Int16Array(s.kAlive.length);
  for (let k = 0; k < alive.length; k++) {
    const r = ix.supplyRunRole[s.kRun[k]!] ?? -1;
    alive[k] = s.kAlive[k] && r >= 0 ? 1 : 0;
    kind[k] = r;
  }
  return moverLayer(w, alive, s.kx, s.ky, kind, (k) => {
    const run = def.supplyRuns[s.kRun[k]!];
    return run ? frac(s.kFuel[k]! + s.kSup[k]!, run.fuel + run.supplies) : 0;
  });
}

function roleBases(w: World, actor: number) {
  const { def, s } = w;
  const fuel = new Float32Array(def.nBases).fill(Number.NaN);
  const supplies = new Float32Array(def.nBases).fill(Number.NaN);
  for (let b = 0; b < def.nBases; b++) {
    if (def.bOwner[b] !== actor) continue;
    fuel[b] = frac(s.bFuel[b]!, def.bCapFuel[b]!);
    supplies[b] = frac(s.bSup[b]!, def.bCapSup[b]!);
  }
  return { fuel, supplies };
}

const flagsAt = (flags: Uint8Array, at: Int32Array) => Uint8Array.from(at, (i) => flags[i]!);

/**
 * A message's id for a role: a key made from what the message says (stable while it flies,
 * the same in every snapshot), not the engine's running number, which counts everyone's.
 */
export function roleMessageKey(m: Msg): number {
  let h = 0x811c9dc5;
  for (const v of [m.sent, m.arrive, m.from, m.to, m.agreement, m.cell]) {
    h = Math.imul(h ^ v, 16777619);
    h ^= h >>> 15;
  }
  return h >>> 1; // non-negative, fits the layer's Int32Array
}

/**
 * The feed's window as ticks [from, now): from `since`, but no further back than the tick of
 * the MAX_SNAPSHOT_EVENTS-th last log entry (older ones come through roleEvents).
 */
function feedWindow(world: World, since: number): number {
  const { events } = world.log;
  const now = world.s.tick;
  const from = Math.max(0, Math.min(since, now));
  const oldest = firstAtTick(events, now) - MAX_SNAPSHOT_EVENTS;
  return oldest > firstAtTick(events, from) ? Math.min(now, events[oldest]!.t) : from;
}

/**
 * A snapshot aligned with `roleDescription(def, actor)`. `sinceEvent` and the answer's
 * `eventsFrom`/`eventCount` are ticks (see roleEvents); `label` names live injects (see
 * LiveInjectLabel).
 */
export function roleSnapshot(
  world: World,
  actor: number,
  sinceEvent = 0,
  label?: LiveInjectLabel,
): Snapshot {
  const { def, s } = world;
  const ix = roleIndex(def, actor);
  const nA = def.nActors;
  const trust = new Float32Array(nA * nA).fill(Number.NaN);
  for (let b = 0; b < nA; b++) trust[actor * nA + b] = s.trust[actor * nA + b]!;
  const messages = messagesLayer(world, actor);
  // Messages travel only between an agreement's parties, so the actor is party to each one.
  messages.agreement = Int16Array.from(messages.agreement, (a) => ix.agreementRole[a] ?? -1);
  const mine = s.msgs.filter((m) => m.from === actor || m.to === actor);
  messages.id = Int32Array.from(mine, roleMessageKey);
  // The clock is public; events of the tick under way are not logged yet.
  const eventCount = s.tick;
  const eventsFrom = feedWindow(world, sinceEvent);
  return {
    tick: s.tick,
    minutesSinceStart: s.tick * def.tickMinutes,
    hash: '',
    view: actor,
    units: roleUnits(world, ix),
    cells: {
      cell: new Int32Array(0),
      lon: new Float32Array(0),
      lat: new Float32Array(0),
      state: new Uint8Array(0),
      strength: new Float32Array(0),
      group: new Int16Array(0),
    },
    tracks: tracksLayer(world, actor),
    messages,
    vessels: moverLayer(world, s.vAlive, s.vx, s.vy, s.vTraffic, () => 1),
    convoys: roleConvoys(world, ix),
    bases: roleBases(world, actor),
    trust,
    agreementsActive: flagsAt(s.agActive, ix.agreements),
    rightsActive: flagsAt(s.rightActive, ix.rights),
    mechanismsActive: flagsAt(s.mechActive, ix.mechanisms),
    events: roleEvents(world, actor, eventsFrom, eventCount, label),
    eventsFrom,
    eventCount,
  };
}
