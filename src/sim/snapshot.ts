// A compact, transferable picture of the world at one tick for the map: positions and states
// as typed arrays (lon/lat in degrees), seen either as ground truth (view −1, the white cell)
// or as one actor sees it: its own tracks, its own messages, its own trust row and only the
// events it may know. An actor's view never holds ground-truth positions of threat cells, nor
// the strength and stocks of units it does not command or of bases it does not own.

import { CELL, ORDERED, TASK } from './codes';
import type { SimEvent } from './events';
import { toLat, toLon } from './geo/projection';
import { namedEvent } from './names';
import { mechanismParties } from './systems/mechanisms';
import { homeOf } from './systems/units';
import { injectAt, type Order, type World } from './world';

/** Ground truth: everything, as the white cell sees it. */
export const GROUND_TRUTH = -1;
/** At most this many log entries are scanned for one snapshot (older ones via events()). */
export const MAX_SNAPSHOT_EVENTS = 5000;

export interface UnitLayer {
  lon: Float32Array;
  lat: Float32Array;
  /** State.uTask (TASK codes). */
  task: Uint8Array;
  /**
   * Strength, fuel and supplies as fractions of full; NaN where the view may not know them
   * (in an actor's view, units it does not command now).
   */
  strength: Float32Array;
  fuel: Float32Array;
  supplies: Float32Array;
  /** 1 while in an engagement. */
  engaged: Uint8Array;
  /** Threat cell the task refers to, or −1. */
  taskCell: Int32Array;
  /**
   * Under the player's orders (State.uOrdered, ORDERED codes: 0 none, 1 move, 2 patrol,
   * 3 return); 0 where the view may not know (another actor's unit in an actor's view).
   */
  ordered: Uint8Array;
  /**
   * Where the order sends the unit: a move's point, the base it returns to, a patrolling unit's
   * current waypoint; NaN when none or not the view's to know.
   */
  targetLon: Float32Array;
  targetLat: Float32Array;
  /** Zone a patrol order names (the description's zone index), or −1. */
  orderZone: Int16Array;
  /** Command: task force index (description.taskForces), −1 national (or not known). */
  command: Int16Array;
  /**
   * The planned path still ahead of a unit carrying out its order, [lon, lat] pairs: unit u's
   * are pairs pathStart[u] ≤ i < pathStart[u + 1] of pathLonLat (length n + 1; empty for others).
   */
  pathStart: Int32Array;
  pathLonLat: Float32Array;
}

/** The order fields of a UnitLayer (see there). */
export type UnitOrderFields = Pick<
  UnitLayer,
  'ordered' | 'targetLon' | 'targetLat' | 'orderZone' | 'command' | 'pathStart' | 'pathLonLat'
>;

/** At most this many path points per unit go into a snapshot (string-pulled paths are short). */
const MAX_PATH_POINTS = 512;

/**
 * The order fields for units listed by full index `unitAt(k)` (−1: a blank entry the view may
 * not know). `zoneOf` turns a full zone index into the view's (−1 when hidden). Cheap: a few
 * typed arrays, and path points only for units under orders that are carrying them out.
 */
export function unitOrderFields(
  w: World,
  n: number,
  unitAt: (k: number) => number,
  zoneOf: (z: number) => number,
): UnitOrderFields {
  const { def, s } = w;
  const { proj } = def.masks;
  const F: UnitOrderFields = {
    ordered: new Uint8Array(n),
    targetLon: new Float32Array(n).fill(Number.NaN),
    targetLat: new Float32Array(n).fill(Number.NaN),
    orderZone: new Int16Array(n).fill(-1),
    command: new Int16Array(n).fill(-1),
    pathStart: new Int32Array(n + 1),
    pathLonLat: new Float32Array(0),
  };
  const path: number[] = [];
  for (let k = 0; k < n; k++) {
    F.pathStart[k] = path.length / 2;
    const u = unitAt(k);
    if (u < 0) continue;
    F.command[k] = s.uCommand[u]!;
    const ord = s.uOrdered[u]!;
    if (ord === ORDERED.none) continue;
    F.ordered[k] = ord;
    const task = s.uTask[u]!;
    let tx = Number.NaN;
    let ty = Number.NaN;
    let carrying = false;
    if (ord === ORDERED.move) {
      tx = s.uOrderX[u]!;
      ty = s.uOrderY[u]!;
      carrying = task === TASK.move;
    } else if (ord === ORDERED.return) {
      [tx, ty] = homeOf(w, u);
      carrying = task === TASK.return;
    } else if (ord === ORDERED.patrol) {
      F.orderZone[k] = zoneOf(s.uStandingRef[u]!);
      carrying = task === TASK.patrolArea;
      if (carrying && s.uPath[u]) {
        tx = s.uTx[u]!;
        ty = s.uTy[u]!;
      }
    }
    if (Number.isFinite(tx)) {
      F.targetLon[k] = toLon(proj, tx);
      F.targetLat[k] = toLat(proj, ty);
    }
    const p = s.uPath[u];
    if (!carrying || !p) continue;
    const from = Math.max(s.uPathIdx[u]!, p.length - 2 * MAX_PATH_POINTS);
    for (let i = from; i + 1 < p.length; i += 2)
      path.push(toLon(proj, p[i]!), toLat(proj, p[i + 1]!));
  }
  F.pathStart[n] = path.length / 2;
  F.pathLonLat = Float32Array.from(path);
  return F;
}

/** Live threat cells (ground truth only; empty in an actor's view). */
export interface CellLayer {
  cell: Int32Array;
  lon: Float32Array;
  lat: Float32Array;
  /** CELL codes. */
  state: Uint8Array;
  strength: Float32Array;
  group: Int16Array;
}

/** Tracks: what an actor believes (ground truth view: every actor's tracks). */
export interface TrackLayer {
  actor: Int16Array;
  cell: Int32Array;
  group: Int16Array;
  lon: Float32Array;
  lat: Float32Array;
  /** Hours since the observation. */
  ageH: Float32Array;
  /** Actor whose sensor or report produced it. */
  source: Int16Array;
}

export interface MessageLayer {
  id: Int32Array;
  from: Int16Array;
  to: Int16Array;
  agreement: Int16Array;
  /** 0 at sending, 1 at arrival. */
  progress: Float32Array;
  /** 1 when the message will never arrive (ground truth only; 0 in an actor's view). */
  lost: Uint8Array;
}

export interface MoverLayer {
  /** Slot index: stable while the mover lives (for interpolation between snapshots). */
  slot: Int32Array;
  lon: Float32Array;
  lat: Float32Array;
  /** Traffic index (vessels) or supply-run index (convoys). */
  kind: Int16Array;
  /** Convoys: load left as a fraction of the run's load; vessels: 1. */
  load: Float32Array;
}

export interface Snapshot {
  tick: number;
  minutesSinceStart: number;
  hash: string;
  /** −1 ground truth, else the viewing actor's index. */
  view: number;
  units: UnitLayer;
  cells: CellLayer;
  tracks: TrackLayer;
  messages: MessageLayer;
  vessels: MoverLayer;
  convoys: MoverLayer;
  /** Base stocks as fractions of capacity (NaN in an actor's view for others' bases). */
  bases: { fuel: Float32Array; supplies: Float32Array };
  /** nActors² row-major trust[a * n + b]; in an actor's view other rows are NaN. */
  trust: Float32Array;
  agreementsActive: Uint8Array;
  rightsActive: Uint8Array;
  /** Per coordination mechanism (description.mechanisms): running or not. */
  mechanismsActive: Uint8Array;
  /** Named events the view may know, from cursor `eventsFrom` to `eventCount`. */
  events: Array<Record<string, unknown>>;
  eventsFrom: number;
  /**
   * The feed's cursor now: pass it as `sinceEvent` next time. The log's length in the white
   * cell's snapshots; the tick in a role's (role-view.ts: a length would count hidden events).
   */
  eventCount: number;
}

const frac = (v: number, cap: number) => (cap > 0 ? v / cap : 0);

function checkView(w: World, view: number): void {
  if (!Number.isInteger(view) || view < -1 || view >= w.def.nActors)
    throw new RangeError(`view ${view}: expected -1 (ground truth) or 0..${w.def.nActors - 1}`);
}

/** True when an actor holds (or held) a track of a threat cell. */
export function hasTrack(w: World, actor: number, cell: number): boolean {
  return cell >= 0 && w.s.trSeen[actor * w.def.cellCap + cell]! >= 0;
}

/**
 * Whether an actor commands a unit now: its own, or one under a task force it commands. Only
 * then does its view hold the unit's strength, fuel and supplies (a partner's are its own
 * secret: reports name the nation, never its stocks).
 */
export function commandsUnit(w: World, actor: number, u: number): boolean {
  const tf = w.s.uCommand[u]!;
  return w.def.uOwner[u] === actor || (tf >= 0 && w.def.taskForces[tf]?.commander === actor);
}

function unitsLayer(w: World, view: number): UnitLayer {
  const { def, s } = w;
  const { proj } = def.masks;
  const n = def.nUnits;
  const L: UnitLayer = {
    lon: new Float32Array(n),
    lat: new Float32Array(n),
    task: new Uint8Array(n),
    strength: new Float32Array(n),
    fuel: new Float32Array(n),
    supplies: new Float32Array(n),
    engaged: new Uint8Array(n),
    taskCell: new Int32Array(n),
    // An actor's view knows the orders of its own units only.
    ...unitOrderFields(
      w,
      n,
      (u) => (view < 0 || def.uOwner[u] === view ? u : -1),
      (z) => z,
    ),
  };
  for (let u = 0; u < n; u++) {
    L.lon[u] = toLon(proj, s.ux[u]!);
    L.lat[u] = toLat(proj, s.uy[u]!);
    L.task[u] = s.uTask[u]!;
    // A partner's strength and stocks are not in an actor's picture: NaN, "not known".
    const known = view < 0 || commandsUnit(w, view, u);
    L.strength[u] = known ? frac(s.uStr[u]!, def.uStrength0[u]!) : Number.NaN;
    L.fuel[u] = known ? frac(s.uFuel[u]!, def.uFuelCap[u]!) : Number.NaN;
    L.supplies[u] = known ? frac(s.uSup[u]!, def.uSupCap[u]!) : Number.NaN;
    const eng = s.uEngaged[u]!;
    const tc = s.uTaskCell[u]!;
    // A partner's unit may point at a cell this actor does not know: hide the reference.
    const own = view < 0 || def.uOwner[u] === view;
    L.engaged[u] = eng >= 0 && (own || hasTrack(w, view, eng)) ? 1 : 0;
    L.taskCell[u] = tc >= 0 && (own || hasTrack(w, view, tc)) ? tc : -1;
  }
  return L;
}

function cellsLayer(w: World, view: number): CellLayer {
  const { def, s } = w;
  const { proj } = def.masks;
  let n = 0;
  if (view < 0) for (let c = 0; c < s.nCells; c++) if (s.cState[c]! < CELL.dead) n++;
  const L: CellLayer = {
    cell: new Int32Array(n),
    lon: new Float32Array(n),
    lat: new Float32Array(n),
    state: new Uint8Array(n),
    strength: new Float32Array(n),
    group: new Int16Array(n),
  };
  if (view >= 0) return L;
  let k = 0;
  for (let c = 0; c < s.nCells; c++) {
    if (s.cState[c]! >= CELL.dead) continue;
    L.cell[k] = c;
    L.lon[k] = toLon(proj, s.cx[c]!);
    L.lat[k] = toLat(proj, s.cy[c]!);
    L.state[k] = s.cState[c]!;
    L.strength[k] = s.cStr[c]!;
    L.group[k] = s.cGroup[c]!;
    k++;
  }
  return L;
}

/**
 * Tracks held of cells still in play. Like the command and information systems, a track of
 * a destroyed cell is treated as closed and left out.
 */
export function tracksLayer(w: World, view: number): TrackLayer {
  const { def, s } = w;
  const { proj } = def.masks;
  const cap = def.cellCap;
  const a0 = Math.max(view, 0);
  const a1 = view < 0 ? def.nActors : view + 1;
  const held = (i: number, c: number) => s.trSeen[i]! >= 0 && s.cState[c]! < CELL.dead;
  let n = 0;
  for (let a = a0; a < a1; a++) for (let c = 0; c < s.nCells; c++) if (held(a * cap + c, c)) n++;
  const L: TrackLayer = {
    actor: new Int16Array(n),
    cell: new Int32Array(n),
    group: new Int16Array(n),
    lon: new Float32Array(n),
    lat: new Float32Array(n),
    ageH: new Float32Array(n),
    source: new Int16Array(n),
  };
  const h = def.tickMinutes / 60;
  let k = 0;
  for (let a = a0; a < a1; a++) {
    for (let c = 0; c < s.nCells; c++) {
      const i = a * cap + c;
      if (!held(i, c)) continue;
      L.actor[k] = a;
      L.cell[k] = c;
      L.group[k] = s.cGroup[c]!;
      L.lon[k] = toLon(proj, s.trX[i]!);
      L.lat[k] = toLat(proj, s.trY[i]!);
      L.ageH[k] = (s.tick - s.trSeen[i]!) * h;
      L.source[k] = s.trSource[i]!;
      k++;
    }
  }
  return L;
}

export function messagesLayer(w: World, view: number): MessageLayer {
  const { s } = w;
  const msgs = view < 0 ? s.msgs : s.msgs.filter((m) => m.from === view || m.to === view);
  const n = msgs.length;
  const L: MessageLayer = {
    id: new Int32Array(n),
    from: new Int16Array(n),
    to: new Int16Array(n),
    agreement: new Int16Array(n),
    progress: new Float32Array(n),
    lost: new Uint8Array(n),
  };
  msgs.forEach((m, k) => {
    L.id[k] = m.id;
    L.from[k] = m.from;
    L.to[k] = m.to;
    L.agreement[k] = m.agreement;
    const span = m.arrive - m.sent;
    L.progress[k] = span > 0 ? Math.min(1, Math.max(0, (s.tick - m.sent) / span)) : 1;
    // Nobody in the exercise knows yet that a message will be lost.
    L.lost[k] = view < 0 && m.source === -2 ? 1 : 0;
  });
  return L;
}

export function moverLayer(
  w: World,
  alive: Uint8Array,
  x: Float64Array,
  y: Float64Array,
  kind: Int16Array,
  load: (i: number) => number,
): MoverLayer {
  const { proj } = w.def.masks;
  let n = 0;
  for (let i = 0; i < alive.length; i++) if (alive[i]) n++;
  const L: MoverLayer = {
    slot: new Int32Array(n),
    lon: new Float32Array(n),
    lat: new Float32Array(n),
    kind: new Int16Array(n),
    load: new Float32Array(n),
  };
  let k = 0;
  for (let i = 0; i < alive.length; i++) {
    if (!alive[i]) continue;
    L.slot[k] = i;
    L.lon[k] = toLon(proj, x[i]!);
    L.lat[k] = toLat(proj, y[i]!);
    L.kind[k] = kind[i]!;
    L.load[k] = load(i);
    k++;
  }
  return L;
}

function orderConcerns(w: World, actor: number, detail: string): boolean {
  const { def } = w;
  let o: Order;
  try {
    o = JSON.parse(detail) as Order;
  } catch {
    return false;
  }
  switch (o.kind) {
    case 'set-agreement': {
      const ag = def.agreements.find((a) => a.id === o.agreement);
      return !!ag && (ag.from === actor || ag.to === actor);
    }
    case 'set-right': {
      const r = def.rights.find((x) => x.id === o.right);
      return !!r && (r.grantor === actor || r.grantee === actor);
    }
    case 'set-trust':
      return def.actorIds[actor] === o.from;
    case 'set-mechanism': {
      const m = def.mechanisms.findIndex((x) => x.id === o.mechanism);
      return m >= 0 && mechanismParties(def, m).includes(actor);
    }
    case 'auto-tasking':
      return def.actorIds[actor] === o.actor;
    case 'inject':
      return false; // may hold secrets: the inject's own event tells each actor what it may know
    default:
      return def.uOwner[def.unitIds.indexOf(o.unit)] === actor;
  }
}

/** Whether an actor may know of an event (ground truth sees everything). */
export function eventVisible(w: World, view: number, e: SimEvent): boolean {
  if (view < 0) return true;
  const { def } = w;
  const owns = (u: number) => u >= 0 && def.uOwner[u] === view;
  const party = (ag: number) => {
    const a = def.agreements[ag];
    return !!a && (a.from === view || a.to === view);
  };
  const rightParty = (r: number) => {
    const x = def.rights[r];
    return !!x && (x.grantor === view || x.grantee === view);
  };
  const addressed = (to: string) => to === '' || to.split(',').includes(def.actorIds[view]!);
  switch (e.k) {
    case 'inject': {
      // The scenario's injects, then those given live (the same rules for both).
      const inj = injectAt(def, w.s, e.inject);
      if (!inj) return false;
      if (inj.kind === 'narrative') return addressed(inj.to.join(','));
      if (inj.kind === 'weather' || inj.kind === 'withdraw') return true; // public knowledge
      if (inj.kind === 'funding') return def.actorIds[view] === inj.actor;
      if (inj.kind === 'force-flow') return inj.units.some((u) => u.owner === def.actorIds[view]);
      if (inj.kind === 'agreement')
        return party(def.agreements.findIndex((a) => a.id === inj.agreement));
      if (inj.kind === 'right') return rightParty(def.rights.findIndex((r) => r.id === inj.right));
      return false; // spawn and attack injects are the white cell's secret
    }
    case 'narrative':
      return addressed(e.to);
    case 'weather':
    case 'withdrawal':
      return true;
    case 'agreement':
      return party(e.agreement);
    case 'right':
      return rightParty(e.right);
    case 'funding':
    case 'cost':
    case 'detect':
    case 'aware':
      return e.actor === view;
    case 'order':
      return orderConcerns(w, view, e.detail);
    case 'attack':
      return hasTrack(w, view, e.cell);
    case 'prevented':
      return owns(e.unit) || hasTrack(w, view, e.cell);
    case 'msg-send':
    case 'msg-arrive':
    case 'msg-lost':
      return e.from === view || e.to === view;
    case 'msg-withheld':
      return e.from === view;
    case 'withheld-found':
      return e.to === view;
    case 'task': {
      const tf = e.node >= def.nActors ? def.taskForces[e.node - def.nActors] : undefined;
      return e.node === view || owns(e.unit) || tf?.commander === view;
    }
    case 'contact':
    case 'on-scene':
    case 'losses':
    case 'engage-end':
    case 'border-stop':
    case 'out-of-fuel':
    case 'resupply':
    case 'arrive':
      return owns(e.unit);
    case 'cross-border':
      return owns(e.unit) || e.into === view;
    case 'sovereignty-incident':
      return owns(e.unit) || e.grantor === view;
    case 'shortfall':
      return e.owner === view || owns(e.unit);
    case 'convoy-depart':
    case 'convoy-arrive':
    case 'convoy-lost':
      return def.supplyRuns[e.run]?.owner === view;
    case 'trust':
      return e.a === view;
    default:
      return false; // ground truth (spawns, raids, recruits, COP statistics) and new kinds
  }
}

/** Named events in log indices [from, to) that the view may know. */
export function visibleEvents(
  w: World,
  view: number,
  from: number,
  to = w.log.events.length,
): Array<Record<string, unknown>> {
  checkView(w, view);
  const ev = w.log.events;
  const out: Array<Record<string, unknown>> = [];
  const end = Math.min(to, ev.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const e = ev[i]!;
    if (eventVisible(w, view, e)) out.push(namedEvent(w.def, e));
  }
  return out;
}

export function takeSnapshot(world: World, view: number, sinceEvent = 0): Snapshot {
  checkView(world, view);
  const { def, s } = world;
  const nA = def.nActors;
  const trust = new Float32Array(nA * nA);
  if (view < 0) trust.set(s.trust);
  else {
    trust.fill(Number.NaN);
    for (let b = 0; b < nA; b++) trust[view * nA + b] = s.trust[view * nA + b]!;
  }
  const bFuel = new Float32Array(def.nBases).fill(Number.NaN);
  const bSup = new Float32Array(def.nBases).fill(Number.NaN);
  for (let b = 0; b < def.nBases; b++) {
    // A depot's stocks are its owner's logistics secret (as in the role view).
    if (view >= 0 && def.bOwner[b] !== view) continue;
    bFuel[b] = frac(s.bFuel[b]!, def.bCapFuel[b]!);
    bSup[b] = frac(s.bSup[b]!, def.bCapSup[b]!);
  }
  const eventCount = world.log.events.length;
  const eventsFrom = Math.max(
    0,
    Math.min(sinceEvent, eventCount),
    eventCount - MAX_SNAPSHOT_EVENTS,
  );
  return {
    tick: s.tick,
    minutesSinceStart: s.tick * def.tickMinutes,
    hash: world.log.hash(),
    view,
    units: unitsLayer(world, view),
    cells: cellsLayer(world, view),
    tracks: tracksLayer(world, view),
    messages: messagesLayer(world, view),
    vessels: moverLayer(world, s.vAlive, s.vx, s.vy, s.vTraffic, () => 1),
    convoys: moverLayer(world, s.kAlive, s.kx, s.ky, s.kRun, (k) => {
      const run = def.supplyRuns[s.kRun[k]!];
      return run ? frac(s.kFuel[k]! + s.kSup[k]!, run.fuel + run.supplies) : 0;
    }),
    bases: { fuel: bFuel, supplies: bSup },
    trust,
    agreementsActive: Uint8Array.from(s.agActive),
    rightsActive: Uint8Array.from(s.rightActive),
    mechanismsActive: Uint8Array.from(s.mechActive),
    events: visibleEvents(world, view, eventsFrom, eventCount),
    eventsFrom,
    eventCount,
  };
}

/** Every distinct ArrayBuffer in a snapshot, for postMessage's transfer list. */
export function snapshotTransferables(snap: Snapshot): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => {
    if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  for (const layer of [
    snap.units,
    snap.cells,
    snap.tracks,
    snap.messages,
    snap.vessels,
    snap.convoys,
    snap.bases,
  ])
    for (const arr of Object.values(layer) as ArrayBufferView[]) add(arr);
  add(snap.trust);
  add(snap.agreementsActive);
  add(snap.rightsActive);
  add(snap.mechanismsActive);
  return [...out];
}
