// Live orders in a played exercise: injects given during play act exactly as the scenario's
// own (same events, same names, same visibility), survive seek and replay; a nation's automatic
// tasking can be switched off and on; a unit the player ordered is left alone until released.
import { describe, expect, it } from 'vitest';
import type { Inject } from '../../src/scenario/schema';
import { ORDERED, TASK } from '../../src/sim/codes';
import type { SimEvent } from '../../src/sim/events';
import { namedEvent } from '../../src/sim/names';
import { OrderError, Session } from '../../src/sim/session';
import { eventVisible } from '../../src/sim/snapshot';
import { loaded, sim, ticksFor } from './driver';

const SEED = 7;
/** One inject of every kind, an hour apart on D+1 (no scripted inject falls on that day). */
const LIVE: Inject[] = [
  {
    id: 'live-spawn',
    at: 'D+1 01:00',
    kind: 'spawn',
    threat: 'grp-a',
    strength: 30,
    position: [-1.5, 15],
  },
  { id: 'live-attack', at: 'D+1 02:00', kind: 'attack', threat: 'grp-b', place: 'boni' },
  {
    id: 'live-agreement',
    at: 'D+1 03:00',
    kind: 'agreement',
    agreement: 'ag-ml-bf',
    active: false,
  },
  { id: 'live-right', at: 'D+1 04:00', kind: 'right', right: 'hp-ml-bf', active: true },
  {
    id: 'live-mechanism',
    at: 'D+1 05:00',
    kind: 'mechanism',
    mechanism: 'lo-mali-burkina',
    active: true,
  },
  {
    id: 'live-weather',
    at: 'D+1 06:00',
    kind: 'weather',
    zone: 'pa-gourma',
    closes: ['ground'],
    hours: 6,
  },
  { id: 'live-funding', at: 'D+1 07:00', kind: 'funding', actor: 'mali', amount: 1000 },
  {
    id: 'live-narrative',
    at: 'D+1 08:00',
    kind: 'narrative',
    to: ['mali'],
    message: 'The minister calls.',
  },
  {
    id: 'live-withdraw',
    at: 'D+1 09:00',
    kind: 'withdraw',
    actor: 'mauritania',
    organisation: 'g5-sahel',
  },
];
const tickOf = (i: number) => (25 + i) * 4; // 15-minute ticks
/** Inject events of D+1, the live ones' day. */
const ofDay1 = (events: readonly SimEvent[]) =>
  events.filter((e) => e.k === 'inject' && e.t >= tickOf(0) && e.t <= tickOf(LIVE.length - 1));

/** The same injects written into the scenario, fired by the MSEL. */
function scripted(): Session {
  const { scenario, atlas } = loaded('sahel-ct');
  return new Session({ ...scenario, injects: [...scenario.injects, ...LIVE] }, atlas, SEED);
}

/** The injects given live by the white cell, each at its tick. */
function live(): Session {
  const s = sim('sahel-ct', SEED);
  LIVE.forEach((inject, i) => {
    s.runTo(tickOf(i));
    s.order({ tick: s.tick, kind: 'inject', inject });
  });
  return s;
}

/** The log without order events and the live marker: what the injects did. */
function effects(events: readonly SimEvent[]): unknown[] {
  return events
    .filter((e) => e.k !== 'order')
    .map((e) => {
      if (e.k !== 'inject') return e;
      const { live: _, ...rest } = e;
      return rest;
    });
}

describe('live injects', () => {
  const end = ticksFor(sim('sahel-ct', SEED), '3d');
  const a = scripted();
  a.runTo(end);
  const b = live();
  b.runTo(end);

  it('each kind takes effect exactly as the scenario would have it', () => {
    const injects = ofDay1(b.world.log.events);
    expect(injects.map((e) => e.k === 'inject' && e.kind)).toEqual(LIVE.map((x) => x.kind));
    for (const k of ['threat-spawn', 'raid-start', 'agreement', 'right', 'mechanism', 'weather'])
      expect(b.world.log.events.some((e) => e.k === k && e.t >= tickOf(0))).toBe(true);
    for (const k of ['funding', 'narrative', 'withdrawal'])
      expect(b.world.log.events.some((e) => e.k === k && e.t >= tickOf(0))).toBe(true);
    expect(effects(b.world.log.events)).toEqual(effects(a.world.log.events));
    expect(b.world.s.liveInjects.map((x) => x.id)).toEqual(LIVE.map((x) => x.id));
  });

  it('their events are named by id and seen by the same actors as the scripted ones', () => {
    const mine = ofDay1(b.world.log.events);
    const theirs = ofDay1(a.world.log.events);
    expect(mine.map((e) => namedEvent(b.def, e).inject)).toEqual(LIVE.map((x) => x.id));
    expect(theirs.map((e) => namedEvent(a.def, e).inject)).toEqual(LIVE.map((x) => x.id));
    for (let v = -1; v < b.def.nActors; v++)
      expect(mine.map((e) => eventVisible(b.world, v, e))).toEqual(
        theirs.map((e) => eventVisible(a.world, v, e)),
      );
    const who = (id: string) => {
      const e = mine[LIVE.findIndex((x) => x.id === id)]!;
      return b.def.actorIds.filter((_, v) => eventVisible(b.world, v, e));
    };
    expect(who('live-narrative')).toEqual(['mali']);
    expect(who('live-funding')).toEqual(['mali']);
    expect(who('live-agreement')).toEqual(['mali', 'burkina']);
    expect(who('live-spawn')).toEqual([]);
    expect(who('live-weather')).toEqual(b.def.actorIds);
    // The order that carried an inject is the white cell's alone (it may hold secrets).
    const orders = b.world.log.events.filter((e) => e.k === 'order' && e.order === 'inject');
    expect(orders).toHaveLength(LIVE.length);
    for (const e of orders)
      for (let v = 0; v < b.def.nActors; v++) expect(eventVisible(b.world, v, e)).toBe(false);
  });

  it('seeking back across them and forward again gives the same hash', () => {
    const s = live();
    s.runTo(end);
    const hash = s.hash();
    s.seek(tickOf(0) - 5);
    expect(s.world.s.liveInjects).toHaveLength(0);
    s.seek(tickOf(4) + 1); // the tick of the fifth has run
    expect(s.world.s.liveInjects).toHaveLength(5);
    s.runTo(end);
    expect(s.hash()).toBe(hash);
    expect(s.hash()).toBe(b.hash());
  });

  it('scenario + seed + orders replay to the same hash', () => {
    const r = sim('sahel-ct', SEED);
    for (const o of b.orders) {
      r.runTo(o.tick);
      r.order(o);
    }
    r.runTo(end);
    expect(r.hash()).toBe(b.hash());
  });

  it('malformed or clashing live injects are refused with the path and what is allowed', () => {
    const s = sim('sahel-ct', SEED);
    const give = (inject: unknown) => () =>
      s.order({ tick: 0, kind: 'inject', inject: inject as Inject });
    expect(give({ ...LIVE[0], threat: 'nope' })).toThrow(
      /^order inject: inject\.threat: found "nope"; allowed: an id in threats \(grp-a, grp-b, grp-c\)$/,
    );
    expect(give({ ...LIVE[0], id: 'inj-startex' })).toThrow(
      /inject\.id: found duplicate id "inj-startex"/,
    );
    expect(give({ ...LIVE[0], position: [60, 15] })).toThrow(/inject\.position: .*bbox/);
    expect(give({ id: 'x', at: 'D+1', kind: 'funding', actor: 'mali' })).toThrow(
      /inject\.amount: missing/,
    );
    expect(give({ ...LIVE[6], actor: 'atlantis' })).toThrow(OrderError);
    s.order({ tick: 0, kind: 'inject', inject: LIVE[6]! });
    expect(give(LIVE[6])).toThrow(/found duplicate id "live-funding"/);
  });
});

describe('automatic tasking and units under orders', () => {
  const tasksBy = (s: Session, node: number, from: number, to: number) =>
    s.world.log.events.filter((e) => e.k === 'task' && e.node === node && e.t >= from && e.t < to);

  it("off stops the nation's staff from tasking its units; on resumes it", () => {
    const s = sim('sahel-ct', SEED);
    const mali = s.def.actorIds.indexOf('mali');
    const off = ticksFor(s, '1d');
    const on = ticksFor(s, '4d');
    const end = ticksFor(s, '10d');
    s.runTo(off);
    s.order({ tick: off, kind: 'auto-tasking', actor: 'mali', on: false });
    s.runTo(on);
    s.order({ tick: on, kind: 'auto-tasking', actor: 'mali', on: true });
    s.runTo(end);
    const base = sim('sahel-ct', SEED);
    base.runTo(end);
    expect(tasksBy(base, mali, off, on).length).toBeGreaterThan(0);
    expect(tasksBy(s, mali, off, on)).toHaveLength(0);
    expect(tasksBy(s, mali, on, end).length).toBeGreaterThan(0);
    // The joint force still tasks Malian units placed under it.
    const jf = s.def.nActors + s.def.taskForces.findIndex((t) => t.id === 'jf-g5');
    expect(tasksBy(s, jf, off, on).length).toBeGreaterThan(0);
    expect(s.def.actorIds.some((_, a) => a !== mali && tasksBy(s, a, off, on).length > 0)).toBe(
      true,
    );
  });

  it('a moved unit is not re-tasked until released', () => {
    const s = sim('sahel-ct', SEED);
    const u = s.def.unitIds.indexOf('ml-qrf');
    const from = ticksFor(s, '1d');
    const release = ticksFor(s, '5d');
    const end = ticksFor(s, '10d');
    const tasked = (x: Session, t0: number, t1: number) =>
      x.world.log.events.filter((e) => e.k === 'task' && e.unit === u && e.t >= t0 && e.t < t1);
    const base = sim('sahel-ct', SEED);
    base.runTo(end);
    expect(tasked(base, from, release).length).toBeGreaterThan(0); // its staff would have used it
    s.runTo(from);
    s.order({ tick: from, kind: 'move', unit: 'ml-qrf', position: [-3.5, 14.8] });
    s.runTo(release);
    expect(tasked(s, from, release)).toHaveLength(0);
    expect(s.world.s.uOrdered[u]).toBe(ORDERED.move);
    expect(s.world.s.uTask[u]).toBe(TASK.idle);
    s.order({ tick: release, kind: 'release', unit: 'ml-qrf' });
    s.step(1);
    expect(s.world.s.uOrdered[u]).toBe(ORDERED.none);
    // No standing task: it heads home, free for its staff again.
    expect(s.world.s.uTask[u]).toBe(TASK.return);
  });

  it('a unit holding where it was sent goes home when short, resupplies and goes back', () => {
    const s = sim('sahel-ct', SEED);
    const u = s.def.unitIds.indexOf('ml-qrf');
    s.order({ tick: 0, kind: 'move', unit: 'ml-qrf', position: [-3.2, 15.2] });
    s.runTo(20);
    const { uOrderX, uOrderY } = s.world.s;
    const there = () => Math.hypot(s.world.s.ux[u]! - uOrderX[u]!, s.world.s.uy[u]! - uOrderY[u]!);
    expect(there()).toBeLessThan(0.5);
    s.world.s.uSup[u] = 0.4; // below the supplies bingo
    s.step(1);
    expect(s.world.s.uTask[u]).toBe(TASK.return);
    s.runTo(80);
    expect(s.world.log.events.some((e) => e.k === 'resupply' && e.unit === u)).toBe(true);
    expect(there()).toBeLessThan(0.5);
    expect(s.world.s.uTask[u]).toBe(TASK.idle);
    expect(s.world.s.uOrdered[u]).toBe(ORDERED.move);
  });
});
