// Every recorded order in words, with what came of it, watched during the report's pass
// (aar-probe.ts). An order is watched from its tick until the next order about the same thing
// (the same unit, agreement, right, mechanism, nation's tasking or trust pair) or the end of
// the session. Outcomes are things the run shows, not judgements:
// - move: arrived (the unit came within ARRIVE_KM of the point), or why not — destroyed, out of
//   fuel, held short (the engine found no legal way on: rights, caveats, weather, terrain, and
//   stopped the unit where it stood), superseded by the next order, or still en route at the end;
//   "no effect" when the unit was already destroyed or stranded when the order came;
// - patrol an area: hours on the task and the share of them inside the zone; detections by the
//   unit; detections of threat cells inside the zone by anyone; contacts and interdictions by
//   the unit; attacks inside the zone during it;
// - return: the base reached (within 1 km of a base, resupplying or idle) and when;
// - release, placing under a command: the taskings the unit got from then on;
// - agreement on/off: whether the switch took effect; tracks sent on the channel while it was
//   so (and in the 24 h before, for comparison), lost, and withheld on it; note that a suspended
//   channel carries nothing, so nothing is "withheld" on it — the 24 h before say what it
//   carried;
// - right on/off: the grantee's crossings into the grantor's territory, border stops there, and
//   sovereignty incidents between them;
// - mechanism on/off: whether it took effect, its sessions and their cost;
// - a nation's automatic tasking on/off: taskings its national staff gave meanwhile;
// - trust set: tracks withheld for low trust on that pair meanwhile;
// - inject: what the engine logged for it at its tick and, for an MSEL entry, its serial,
//   subject and who acknowledged the card.

import { ORDERED, TASK } from '../sim/codes';
import type { WorldDescription } from '../sim/describe';
import type { SimEvent } from '../sim/events';
import { toX, toY } from '../sim/geo/projection';
import { cellOf } from '../sim/geo/raster';
import type { Def, Order, World } from '../sim/world';
import type { Probe } from './aar-probe';
import { addressees } from './msel';
import type { RecordedOrder, SessionFile } from './session-file';

/** A unit this close to its move point has arrived (km). */
export const ARRIVE_KM = 1;
/** A unit this close to a base, resupplying or idle, is home (km). */
const HOME_KM = 1;

export type OutcomeStatus = 'done' | 'partial' | 'failed' | 'pending' | 'info';

export interface OrderOutcome {
  /** Index in the session file's `orders`. */
  index: number;
  tick: number;
  role: string;
  kind: Order['kind'];
  /** The order in words. */
  text: string;
  status: OutcomeStatus;
  /** What came of it, in words. */
  outcome: string;
  /** The tick of the decisive moment (arrival, effect…), if any. */
  at: number | null;
}

interface Watch {
  tick(w: World, t: number, ev: readonly SimEvent[], from: number, to: number): void;
  finish(
    w: World,
    endTick: number,
    superseded: boolean,
  ): Omit<OrderOutcome, 'index' | 'tick' | 'role' | 'kind' | 'text'>;
}

type Injected = Extract<Order, { kind: 'inject' }>['inject'];

const r1 = (v: number) => Math.round(v * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What an order is about: orders with the same key supersede each other. */
function keyOf(o: Order): string {
  switch (o.kind) {
    case 'move':
    case 'patrol-area':
    case 'return':
    case 'assign':
    case 'release':
      return `unit:${o.unit}`;
    case 'set-agreement':
      return `agreement:${o.agreement}`;
    case 'set-right':
      return `right:${o.right}`;
    case 'set-mechanism':
      return `mechanism:${o.mechanism}`;
    case 'auto-tasking':
      return `auto:${o.actor}`;
    case 'set-trust':
      return `trust:${o.from}:${o.to}`;
    case 'inject':
      return `inject:${o.inject.id}`;
  }
}

export interface OrderContext {
  def: Def;
  d: WorldDescription;
  file: SessionFile;
  /** Scenario time in words: "D+1 06:00". */
  when(tick: number): string;
}

export function namesOf(d: WorldDescription) {
  const by = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x, i) => [x.id, i]));
  const units = by(d.units);
  const actors = by(d.actors);
  const zones = by(d.zones);
  const agreements = by(d.agreements);
  const rights = by(d.rights);
  const mechanisms = by(d.mechanisms);
  const tfs = by(d.taskForces);
  const actor = (id: string | number) => {
    const i = typeof id === 'number' ? id : actors.get(id);
    return i === undefined || i < 0 ? String(id) : (d.actors[i]?.name ?? String(id));
  };
  return {
    actor,
    unit: (id: string) => d.units[units.get(id) ?? -1]?.name ?? id,
    unitIndex: (id: string) => units.get(id) ?? -1,
    zone: (id: string) => d.zones[zones.get(id) ?? -1]?.name ?? id,
    agreement: (id: string) => {
      const a = d.agreements[agreements.get(id) ?? -1];
      if (!a) return id;
      const parties = `${actor(a.from)} ${a.bidirectional ? '↔' : '→'} ${actor(a.to)}`;
      return a.name ? `${a.name} (${parties})` : `the ${parties} sharing agreement`;
    },
    right: (id: string) => {
      const r = d.rights[rights.get(id) ?? -1];
      return r
        ? `${actor(r.grantee)}'s ${r.kind.replace(/-/g, ' ')} right into ${actor(r.grantor)}`
        : id;
    },
    mechanism: (id: string) => d.mechanisms[mechanisms.get(id) ?? -1]?.name ?? id,
    command: (id: string) =>
      id === 'national' ? 'national command' : (d.taskForces[tfs.get(id) ?? -1]?.name ?? id),
  };
}
export type Names = ReturnType<typeof namesOf>;

const lonLatText = ([lon, lat]: readonly [number, number]) =>
  `${Math.abs(lat).toFixed(2)}°${lat >= 0 ? 'N' : 'S'} ${Math.abs(lon).toFixed(2)}°${lon >= 0 ? 'E' : 'W'}`;

/** An order in words. */
export function orderText(o: Order, n: Names): string {
  switch (o.kind) {
    case 'move':
      return `Move ${n.unit(o.unit)} to ${lonLatText(o.position)}`;
    case 'patrol-area':
      return `${n.unit(o.unit)} to patrol ${n.zone(o.zone)}`;
    case 'return':
      return `${n.unit(o.unit)} to return to base`;
    case 'assign':
      return `Place ${n.unit(o.unit)} under ${n.command(o.command)}`;
    case 'release':
      return `Release ${n.unit(o.unit)} to its staff`;
    case 'set-agreement':
      return `${o.active ? 'Switch on' : 'Suspend'} ${n.agreement(o.agreement)}`;
    case 'set-right':
      return `${o.active ? 'Grant' : 'Suspend'} ${n.right(o.right)}`;
    case 'set-mechanism':
      return `${o.active ? 'Open' : 'Close'} ${n.mechanism(o.mechanism)}`;
    case 'set-trust':
      return `Set ${n.actor(o.from)}'s trust in ${n.actor(o.to)} to ${o.value}`;
    case 'auto-tasking':
      return `${o.on ? 'Let' : 'Stop'} ${n.actor(o.actor)}'s national staff ${o.on ? 'task' : 'tasking'} its units`;
    case 'inject':
      return `Fire inject ${o.inject.id} (${o.inject.kind})`;
  }
}

/** A role's name for people: a role named after its actor's id reads as the actor's name. */
export function roleNamer(file: SessionFile, d: WorldDescription): (id: string) => string {
  return (id) => {
    const r = file.roles.find((x) => x.id === id);
    if (!r) return id;
    if (r.actor !== null && r.name === r.actor)
      return d.actors.find((a) => a.id === r.actor)?.name ?? r.name;
    return r.name;
  };
}

/** The MSEL serial whose firing gave an inject id (host.ts's `fireSerials` naming). */
export function firedIds(file: SessionFile): Map<string, SessionFile['fired'][number]> {
  const out = new Map<string, SessionFile['fired'][number]>();
  const count = new Map<string, number>();
  for (const f of file.fired) {
    const n = count.get(f.serial) ?? 0;
    count.set(f.serial, n + 1);
    const id = `msel-${f.serial.toLowerCase().replace(/[^a-z0-9-]/g, '-')}${n ? `-${n + 1}` : ''}`;
    out.set(id, f);
  }
  return out;
}

export function ordersProbe(
  ctx: OrderContext,
  end: number,
): Probe & { result(w: World): OrderOutcome[] } {
  const { file } = ctx;
  const n = namesOf(ctx.d);
  const orders = file.orders.filter((r) => r.tick <= end);
  // The next order about the same thing ends the watch.
  const until: number[] = orders.map(() => end);
  const superseded: boolean[] = orders.map(() => false);
  const last = new Map<string, number>();
  orders.forEach((r, i) => {
    const k = keyOf(r.order as Order);
    const prev = last.get(k);
    if (prev !== undefined) {
      until[prev] = r.tick;
      superseded[prev] = true;
    }
    last.set(k, i);
  });
  // Position among the orders given at the same tick: the engine applies them in that order.
  const rank: number[] = [];
  const atTick = new Map<number, number>();
  for (const r of orders) {
    const k = atTick.get(r.tick) ?? 0;
    rank.push(k);
    atTick.set(r.tick, k + 1);
  }
  const watches = orders.map((r, i) => makeWatch(ctx, n, r, rank[i]!));
  const done: Array<OrderOutcome | null> = orders.map(() => null);
  const ticked: boolean[] = orders.map(() => false);
  const close = (w: World, i: number, endTick: number) => {
    const r = orders[i]!;
    const o = r.order as Order;
    const head = { index: i, tick: r.tick, role: r.role, kind: o.kind, text: orderText(o, n) };
    if (!ticked[i])
      done[i] = {
        ...head,
        status: superseded[i] ? 'info' : 'pending',
        outcome: superseded[i]
          ? 'replaced at once by another order given at the same tick'
          : 'given at the last tick: it takes effect when the next tick runs',
        at: null,
      };
    else done[i] = { ...head, ...watches[i]!.finish(w, endTick, superseded[i]!) };
  };
  return {
    tick(w, t, from, to) {
      const ev = w.log.events;
      for (let i = 0; i < orders.length; i++) {
        if (done[i]) continue;
        const r = orders[i]!;
        if (t < r.tick) break; // in tick order: none later has started
        if (t >= until[i]!) {
          close(w, i, until[i]!);
          continue;
        }
        watches[i]!.tick(w, t, ev, from, to);
        ticked[i] = true;
        if (t + 1 >= until[i]! && superseded[i]) close(w, i, until[i]!);
      }
    },
    result(w) {
      for (let i = 0; i < orders.length; i++) if (!done[i]) close(w, i, Math.min(until[i]!, end));
      return done as OrderOutcome[];
    },
  };

  function makeWatch(ctx: OrderContext, n: Names, r: RecordedOrder, rank: number): Watch {
    const o = r.order as Order;
    switch (o.kind) {
      case 'move':
        return moveWatch(ctx, o, r.tick);
      case 'patrol-area':
        return patrolWatch(ctx, o, r.tick);
      case 'return':
        return returnWatch(ctx, n, o.unit, r.tick);
      case 'assign':
      case 'release':
        return taskingsWatch(ctx, n, o);
      case 'set-agreement':
        return agreementWatch(ctx, o.agreement, o.active, r.tick);
      case 'set-right':
        return rightWatch(ctx, o.right, o.active, r.tick);
      case 'set-mechanism':
        return mechanismWatch(ctx, o.mechanism, o.active, r.tick);
      case 'auto-tasking':
        return autoWatch(ctx, n, o.actor, o.on, r.tick);
      case 'set-trust':
        return trustWatch(ctx, n, o.from, o.to, o.value);
      case 'inject':
        return injectWatch(ctx, n, o.inject, r.tick, rank);
    }
  }
}

// ——— watches, one per order kind ———

function moveWatch(ctx: OrderContext, o: Extract<Order, { kind: 'move' }>, t0: number): Watch {
  const { def } = ctx;
  const u = def.unitIds.indexOf(o.unit);
  const tx = toX(def.masks.proj, o.position[0]);
  const ty = toY(def.masks.proj, o.position[1]);
  let noEffect: string | null = null;
  let arrived = -1;
  let lost = -1;
  let lostWhy = '';
  let lostKm = 0;
  let held = -1;
  let heldKm = 0;
  let dist = Number.NaN;
  let contacts = 0;
  return {
    tick(w, t, ev, from, to) {
      const { s } = w;
      if (t === t0 && s.uOrdered[u] !== ORDERED.move) {
        const task = s.uTask[u];
        if (task === TASK.destroyed) noEffect = 'the unit had been destroyed';
        else if (task === TASK.stranded) noEffect = 'the unit was out of fuel';
      }
      dist = Math.hypot(s.ux[u]! - tx, s.uy[u]! - ty);
      if (arrived < 0 && dist <= ARRIVE_KM) arrived = t + 1;
      if (lost < 0 && (s.uTask[u] === TASK.destroyed || s.uTask[u] === TASK.stranded)) {
        lost = t + 1;
        lostWhy = s.uTask[u] === TASK.destroyed ? 'destroyed' : 'out of fuel';
        lostKm = dist;
      }
      if (
        held < 0 &&
        arrived < 0 &&
        s.uOrdered[u] === ORDERED.move &&
        Math.hypot(s.uOrderX[u]! - tx, s.uOrderY[u]! - ty) > 0.5
      ) {
        held = t + 1;
        heldKm = dist;
      }
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if (e.k === 'contact' && e.unit === u) contacts++;
      }
    },
    finish(_w, endTick, superseded) {
      const extra = contacts ? `; ${plural(contacts, 'contact')} with threats meanwhile` : '';
      if (noEffect) return { status: 'failed', outcome: `no effect: ${noEffect}`, at: t0 };
      if (arrived >= 0)
        return {
          status: 'done',
          outcome: `arrived ${ctx.when(arrived)} (${r1(((arrived - t0) * def.tickMinutes) / 60)} h after the order)${extra}`,
          at: arrived,
        };
      if (lost >= 0)
        return {
          status: 'failed',
          outcome: `${lostWhy} ${ctx.when(lost)}, ${r1(lostKm)} km short${extra}`,
          at: lost,
        };
      if (held >= 0)
        return {
          status: 'failed',
          outcome: `held ${r1(heldKm)} km short from ${ctx.when(held)}: no legal way on (rights, caveats, weather or terrain)${extra}`,
          at: held,
        };
      if (superseded)
        return {
          status: 'partial',
          outcome: `superseded ${ctx.when(endTick)} by a new order, ${r1(dist)} km short${extra}`,
          at: endTick,
        };
      return {
        status: 'pending',
        outcome: `still en route at the end, ${r1(dist)} km to go${extra}`,
        at: null,
      };
    },
  };
}

function patrolWatch(
  ctx: OrderContext,
  o: Extract<Order, { kind: 'patrol-area' }>,
  t0: number,
): Watch {
  const { def } = ctx;
  const u = def.unitIds.indexOf(o.unit);
  const z = def.zones.findIndex((x) => x.id === o.zone);
  const cells = new Set(def.zones[z]?.cells ?? []);
  const spec = def.masks.spec;
  let ticks = 0;
  let inside = 0;
  let byUnit = 0;
  let inZone = 0;
  let contacts = 0;
  let interdictions = 0;
  let attacks = 0;
  let lost = -1;
  return {
    tick(w, t, ev, from, to) {
      const { s } = w;
      if (t >= t0 && s.uTask[u] !== TASK.destroyed && s.uTask[u] !== TASK.stranded) {
        ticks++;
        if (cells.has(cellOf(spec, s.ux[u]!, s.uy[u]!))) inside++;
      } else if (lost < 0) lost = t + 1;
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if (e.k === 'detect') {
          if (e.unit === u) byUnit++;
          if (cells.has(cellOf(spec, s.cx[e.cell]!, s.cy[e.cell]!))) inZone++;
        } else if (e.k === 'contact' && e.unit === u) contacts++;
        else if (
          e.k === 'engage-end' &&
          e.unit === u &&
          (e.outcome === 'threat-destroyed' || e.outcome === 'threat-withdrew')
        )
          interdictions++;
        else if (e.k === 'attack' && cells.has(cellOf(spec, e.x, e.y))) attacks++;
      }
    },
    finish(_w, endTick, superseded) {
      const hours = (ticks * def.tickMinutes) / 60;
      const share = ticks ? Math.round((100 * inside) / ticks) : 0;
      const parts = [
        `${plural(byUnit, 'detection')} by the unit`,
        `${plural(inZone, 'detection')} in the zone by any sensor`,
        plural(contacts, 'contact'),
        plural(interdictions, 'interdiction'),
        `${plural(attacks, 'attack')} in the zone`,
      ];
      const span = `${r1(hours)} h on patrol (${share} % of it inside the zone)`;
      const tail =
        lost >= 0
          ? `; the unit was lost ${ctx.when(lost)}`
          : superseded
            ? `; ended ${ctx.when(endTick)} by a new order`
            : '';
      return {
        status: lost >= 0 ? 'failed' : inside > 0 ? 'done' : 'pending',
        outcome: `${span}: ${parts.join(', ')}${tail}`,
        at: null,
      };
    },
  };
}

function returnWatch(ctx: OrderContext, n: Names, unit: string, t0: number): Watch {
  const { def } = ctx;
  const u = def.unitIds.indexOf(unit);
  let home = -1;
  let base = -1;
  let lost = -1;
  return {
    tick(w, t) {
      const { s } = w;
      if (lost < 0 && (s.uTask[u] === TASK.destroyed || s.uTask[u] === TASK.stranded)) lost = t + 1;
      if (home >= 0 || lost >= 0) return;
      if (s.uTask[u] !== TASK.resupply && s.uTask[u] !== TASK.idle) return;
      for (let b = 0; b < def.nBases; b++) {
        const d = Math.min(
          Math.hypot(def.bX[b]! - s.ux[u]!, def.bY[b]! - s.uy[u]!),
          Math.hypot(def.bBerthX[b]! - s.ux[u]!, def.bBerthY[b]! - s.uy[u]!),
        );
        if (d <= HOME_KM) {
          home = t + 1;
          base = b;
          break;
        }
      }
    },
    finish(w, endTick, superseded) {
      if (home >= 0)
        return {
          status: 'done',
          outcome: `at ${ctx.d.bases[base]?.name ?? 'base'} ${ctx.when(home)} (${r1(((home - t0) * def.tickMinutes) / 60)} h after the order)`,
          at: home,
        };
      if (lost >= 0)
        return {
          status: 'failed',
          outcome: `${w.s.uTask[u] === TASK.destroyed ? 'destroyed' : 'out of fuel'} on the way, ${ctx.when(lost)}`,
          at: lost,
        };
      if (superseded)
        return {
          status: 'partial',
          outcome: `superseded ${ctx.when(endTick)} before reaching a base`,
          at: endTick,
        };
      void n;
      return { status: 'pending', outcome: 'still on its way home at the end', at: null };
    },
  };
}

function taskingsWatch(
  ctx: OrderContext,
  n: Names,
  o: Extract<Order, { kind: 'assign' | 'release' }>,
): Watch {
  const { def } = ctx;
  const u = def.unitIds.indexOf(o.unit);
  const counts = new Map<string, number>();
  return {
    tick(_w, _t, ev, from, to) {
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if (e.k !== 'task' || e.unit !== u) continue;
        counts.set(e.task, (counts.get(e.task) ?? 0) + 1);
      }
    },
    finish(_w, endTick, superseded) {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const kinds = [...counts].map(([k, v]) => `${v} ${k}`).join(', ');
      const who = o.kind === 'assign' ? `under ${n.command(o.command)}` : 'back with its staff';
      return {
        status: 'info',
        outcome: `${who}: ${plural(total, 'tasking')}${kinds ? ` (${kinds})` : ''}${superseded ? ` until ${ctx.when(endTick)}` : ' to the end'}`,
        at: null,
      };
    },
  };
}

/** "for 36 h", or "to the end (36 h)". */
function spanText(ctx: OrderContext, t0: number, endTick: number, superseded: boolean): string {
  const h = r1(((endTick - t0) * ctx.def.tickMinutes) / 60);
  return superseded ? `for ${h} h (until ${ctx.when(endTick)})` : `for the ${h} h to the end`;
}

function agreementWatch(ctx: OrderContext, id: string, active: boolean, t0: number): Watch {
  const { def } = ctx;
  const k = def.agreements.findIndex((a) => a.id === id);
  const before24 = Math.round((24 * 60) / def.tickMinutes);
  let effect = -1;
  let sent = 0;
  let lost = 0;
  let withheld = 0;
  let sentBefore = 0;
  let counted = false;
  return {
    tick(w, t, ev, from, to) {
      if (!counted) {
        counted = true;
        // The 24 hours before the order, from the log as it stands.
        for (const e of ev) {
          if (e.t >= t0) break;
          if (e.t >= t0 - before24 && e.k === 'msg-send' && e.agreement === k) sentBefore++;
        }
      }
      if (effect < 0 && w.s.agActive[k] === (active ? 1 : 0) && t >= t0) effect = t + 1;
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if (e.k === 'msg-send' && e.agreement === k) sent++;
        else if (e.k === 'msg-lost' && e.agreement === k) lost++;
        else if (e.k === 'msg-withheld' && e.agreement === k) withheld++;
      }
    },
    finish(_w, endTick, superseded) {
      const span = spanText(ctx, t0, endTick, superseded);
      if (effect < 0)
        return {
          status: 'failed',
          outcome: 'did not take effect (another switch overrode it)',
          at: null,
        };
      const traffic = `${plural(sent, 'track')} sent on it, ${lost} lost, ${withheld} withheld`;
      return {
        status: 'done',
        outcome: active
          ? `in force ${span}: ${traffic}`
          : `suspended ${span}: ${traffic} (it carried ${plural(sentBefore, 'track')} in the 24 h before)`,
        at: effect,
      };
    },
  };
}

function rightWatch(ctx: OrderContext, id: string, active: boolean, t0: number): Watch {
  const { def } = ctx;
  const r = def.rights.findIndex((x) => x.id === id);
  const right = def.rights[r]!;
  let crossings = 0;
  let stops = 0;
  let incidents = 0;
  let effect = -1;
  return {
    tick(w, t, ev, from, to) {
      if (effect < 0 && w.s.rightActive[r] === (active ? 1 : 0)) effect = t + 1;
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if (
          e.k === 'cross-border' &&
          e.into === right.grantor &&
          def.uOwner[e.unit] === right.grantee
        )
          crossings++;
        else if (
          e.k === 'border-stop' &&
          e.into === right.grantor &&
          def.uOwner[e.unit] === right.grantee
        )
          stops++;
        else if (
          e.k === 'sovereignty-incident' &&
          e.grantor === right.grantor &&
          e.grantee === right.grantee
        )
          incidents++;
      }
    },
    finish(_w, endTick, superseded) {
      if (effect < 0) return { status: 'failed', outcome: 'did not take effect', at: null };
      return {
        status: 'done',
        outcome: `${active ? 'granted' : 'suspended'} ${spanText(ctx, t0, endTick, superseded)}: ${plural(crossings, 'crossing')}, ${plural(stops, 'border stop')}, ${plural(incidents, 'sovereignty incident')}`,
        at: effect,
      };
    },
  };
}

function mechanismWatch(ctx: OrderContext, id: string, active: boolean, t0: number): Watch {
  const { def } = ctx;
  const m = def.mechanisms.findIndex((x) => x.id === id);
  let effect = -1;
  let sessions = 0;
  let cost = 0;
  return {
    tick(w, t, ev, from, to) {
      if (effect < 0 && w.s.mechActive[m] === (active ? 1 : 0)) effect = t + 1;
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if ((e.k === 'training' || e.k === 'dialogue') && e.mechanism === m) {
          sessions++;
          cost += e.cost;
        }
      }
    },
    finish(_w, endTick, superseded) {
      if (effect < 0)
        return { status: 'failed', outcome: 'did not take effect (a party is missing)', at: null };
      return {
        status: 'done',
        outcome: `${active ? 'running' : 'closed'} ${spanText(ctx, t0, endTick, superseded)}: ${plural(sessions, 'session')}, cost ${r1(cost)}`,
        at: effect,
      };
    },
  };
}

function autoWatch(ctx: OrderContext, n: Names, actor: string, on: boolean, t0: number): Watch {
  const a = ctx.def.actorIds.indexOf(actor);
  let taskings = 0;
  return {
    tick(_w, _t, ev, from, to) {
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if (e.k === 'task' && e.node === a) taskings++;
      }
    },
    finish(_w, endTick, superseded) {
      return {
        status: 'info',
        outcome: `${on ? 'on' : 'off'} ${spanText(ctx, t0, endTick, superseded)}: ${n.actor(actor)}'s staff gave ${plural(taskings, 'tasking')}`,
        at: null,
      };
    },
  };
}

function trustWatch(ctx: OrderContext, n: Names, from: string, to: string, value: number): Watch {
  const a = ctx.def.actorIds.indexOf(from);
  const b = ctx.def.actorIds.indexOf(to);
  let withheld = 0;
  return {
    tick(_w, _t, ev, i0, i1) {
      for (let i = i0; i < i1; i++) {
        const e = ev[i]!;
        if (e.k === 'msg-withheld' && e.reason === 'trust' && e.from === a && e.to === b)
          withheld++;
      }
    },
    finish() {
      return {
        status: 'info',
        outcome: `trust set to ${value}; ${n.actor(from)} then withheld ${plural(withheld, 'track')} from ${n.actor(to)} for low trust`,
        at: null,
      };
    },
  };
}

function injectWatch(ctx: OrderContext, n: Names, inj: Injected, t0: number, rank: number): Watch {
  const fired = firedIds(ctx.file).get(inj.id);
  const effects = new Map<string, number>();
  return {
    tick(_w, t, ev, from, to) {
      if (t !== t0) return;
      // The orders of a tick run first, in order, each logging its effects then its 'order' event.
      let seen = 0;
      let start = from;
      for (let i = from; i < to; i++) {
        const e = ev[i]!;
        if (e.k !== 'order') continue;
        if (seen === rank) {
          for (let j = start; j < i; j++) {
            const k = ev[j]!.k;
            effects.set(k, (effects.get(k) ?? 0) + 1);
          }
          return;
        }
        seen++;
        start = i + 1;
      }
    },
    finish() {
      const what = [...effects]
        .filter(([k]) => k !== 'inject')
        .map(([k, v]) => (v > 1 ? `${k} ×${v}` : k))
        .join(', ');
      let card = '';
      if (fired) {
        const entry = ctx.file.msel.find((e) => e.serial === fired.serial);
        const players = ctx.file.roles.filter((r) => r.actor).map((r) => r.actor!);
        const to = entry ? addressees(entry, players) : players;
        const acked = to.filter((r) =>
          ctx.file.acks.some((a) => a.serial === fired.serial && a.role === r),
        );
        const subject = entry?.subject ? ` "${entry.subject}"` : '';
        card = `MSEL ${fired.serial}${subject} (${fired.by === 'white' ? 'fired by hand' : fired.by === 'trigger' ? 'on its trigger' : 'at its time'}); acknowledged by ${acked.length ? acked.map((r) => n.actor(r)).join(', ') : 'nobody'}${to.length > acked.length ? ` of ${to.length}` : ''}`;
      }
      return {
        status: effects.has('inject') ? 'done' : 'failed',
        outcome: `${effects.has('inject') ? 'fired' : 'not seen in the log'}${what ? ` — ${what}` : ''}${card ? `; ${card}` : ''}`,
        at: t0,
      };
    },
  };
}
