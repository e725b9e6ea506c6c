// What an actor's view must not carry, on the data that leaves the engine: no strength, fuel or
// supplies of units it does not command and no stocks of others' depots (the white cell's
// look through its eyes and the role snapshot alike), and nothing that counts what happens
// elsewhere — two runs that differ only in hidden activity give the role identical data.
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/node/load';
import { roleDescription, roleEvents, roleSnapshot } from '../../src/sim/role-view';
import type { Session } from '../../src/sim/session';
import { type Snapshot, takeSnapshot } from '../../src/sim/snapshot';
import type { Order } from '../../src/sim/world';
import { SessionApi } from '../../workers/session-api';
import { scenarioJson } from '../store/fixture';
import { sim, ticksFor } from './driver';

/** Typed arrays as plain arrays, so two snapshots compare (and print) as JSON. */
const plain = (x: unknown): unknown =>
  JSON.parse(
    JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v)),
  );

/** Whether an actor commands a unit now: its own, or under a task force it commands. */
function commands(session: Session, actor: number, u: number): boolean {
  const { def, s } = session.world;
  const tf = s.uCommand[u]!;
  return def.uOwner[u] === actor || (tf >= 0 && def.taskForces[tf]?.commander === actor);
}

/** Units of `snap` (full indices `unitAt`) carrying strength, fuel or supplies they should not. */
function foreignValues(
  session: Session,
  actor: number,
  snap: Snapshot,
  unitAt: (k: number) => number,
): string[] {
  const w = session.world;
  const out: string[] = [];
  for (let k = 0; k < snap.units.fuel.length; k++) {
    const u = unitAt(k);
    if (commands(session, actor, u)) continue;
    for (const f of ['strength', 'fuel', 'supplies'] as const)
      if (!Number.isNaN(snap.units[f][k]!)) out.push(`${w.def.unitIds[u]} ${f}`);
  }
  return out;
}

describe("an actor's view of other actors' units and depots", () => {
  it('holds no strength, fuel or supplies of units it does not command, nor others’ stocks', () => {
    const session = sim('sahel-ct', 7);
    session.runTo(ticksFor(session, '2d'));
    const w = session.world;
    const { def } = w;
    for (let a = 0; a < def.nActors; a++) {
      const who = def.actorIds[a];
      // The white cell looking through the actor's eyes: every unit listed, partners' blank.
      const eyes = takeSnapshot(w, a, 0);
      expect(
        foreignValues(session, a, eyes, (u) => u),
        who,
      ).toEqual([]);
      // The role's own snapshot: its list, blank where it no longer commands.
      const ix = roleDescription(def, a).index.units;
      const role = roleSnapshot(w, a, 0);
      expect(
        foreignValues(session, a, role, (k) => ix[k]!),
        who,
      ).toEqual([]);
      for (const snap of [eyes, role])
        for (let b = 0; b < def.nBases; b++)
          expect(Number.isNaN(snap.bases.fuel[b]!), `${who} base ${b}`).toBe(def.bOwner[b] !== a);
    }
    // What it commands it still sees: Mali's own units have fuel in both views.
    const mali = def.actorIds.indexOf('mali');
    const own = def.unitIds.indexOf('ml-gao-1');
    expect(takeSnapshot(w, mali, 0).units.fuel[own]).toBeGreaterThan(0);
    // Ground truth is untouched.
    const truth = takeSnapshot(w, -1, 0);
    expect([...truth.units.fuel].every(Number.isFinite)).toBe(true);
    expect([...truth.bases.fuel].every(Number.isFinite)).toBe(true);
  });

  it('leaves the engine that way: the session API sends no partner fuel in Mali’s view', async () => {
    const api = new SessionApi(async (a) => loadAtlas(a));
    const r = await api.load(scenarioJson('sahel-ct'), { seed: 7 });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    await api.runTo(96);
    const mali = r.description.actors.findIndex((a) => a.id === 'mali');
    const snap = await api.snapshot(mali, 0);
    r.description.units.forEach((u, k) => {
      if (u.owner === mali) return;
      const tf = snap.units.command[k]!; // −1: not known in this view (never its own here)
      if (tf >= 0) return;
      expect(snap.units.fuel[k], u.id).toBeNaN();
      expect(snap.units.supplies[k], u.id).toBeNaN();
    });
  });
});

/** Counters bumped as if much had happened elsewhere: messages, raids, awareness episodes. */
function bumpCounters(session: Session): void {
  const s = session.world.s;
  s.nextMsg += 1000;
  s.raids += 100;
  s.episodes += 100;
}

const hush: Order = {
  tick: 2,
  kind: 'inject',
  inject: { id: 'hush', at: 0.5, kind: 'narrative', to: ['burkina'], message: 'Burkina only' },
};
const dust: Order = {
  tick: 3,
  kind: 'inject',
  inject: { id: 'dust', at: 0.75, kind: 'weather', zone: 'sector-east', closes: ['air'], hours: 2 },
};

describe('hidden activity', () => {
  it('gives a role identical data: no log length, message, raid, episode or inject counts', () => {
    const quiet = sim('sahel-ct', 7);
    const busy = sim('sahel-ct', 7);
    quiet.runTo(dust.tick);
    quiet.order(dust);
    // The same run, but with a message for Burkina only and shared counters far ahead. (An
    // order is given at the current tick: one given earlier drops those given for later.)
    bumpCounters(busy);
    busy.runTo(hush.tick);
    busy.order(hush);
    busy.runTo(dust.tick);
    busy.order(dust);
    const t = ticksFor(quiet, '2d');
    quiet.runTo(t);
    busy.runTo(t);
    // Something did happen that Mali cannot see, and it moved the shared counters.
    expect(busy.world.log.events.length).not.toBe(quiet.world.log.events.length);
    expect(busy.world.s.nextMsg).not.toBe(quiet.world.s.nextMsg);
    const mali = quiet.def.actorIds.indexOf('mali');
    for (const since of [0, 10, t - 4]) {
      const a = roleSnapshot(quiet.world, mali, since);
      const b = roleSnapshot(busy.world, mali, since);
      expect(plain(b)).toEqual(plain(a));
    }
    const feed = roleEvents(quiet.world, mali, 0);
    expect(plain(roleEvents(busy.world, mali, 0))).toEqual(plain(feed));
    // The data has substance: messages in flight or in the feed, and the public live inject
    // numbered among those Mali may see.
    expect(feed.some((e) => e.k === 'msg-send')).toBe(true);
    expect(feed.find((e) => e.k === 'inject' && e.kind === 'weather' && e.live)).toMatchObject({
      inject: 'live-1',
    });
  });

  it('addresses the feed by tick: the cursor is the clock, and no event carries a counter', () => {
    const session = sim('sahel-ct', 7);
    session.runTo(ticksFor(session, '2d'));
    const w = session.world;
    const mali = w.def.actorIds.indexOf('mali');
    const snap = roleSnapshot(w, mali, 0);
    expect(snap.eventCount).toBe(w.s.tick);
    expect(snap.eventsFrom).toBe(0);
    // Incremental reads add up to the whole feed.
    const parts = [0, 20, 100, w.s.tick].flatMap((from, i, xs) =>
      i + 1 < xs.length ? roleEvents(w, mali, from, xs[i + 1]) : [],
    );
    expect(parts).toEqual(roleEvents(w, mali, 0, w.s.tick));
    expect(roleSnapshot(w, mali, 100).events).toEqual(roleEvents(w, mali, 100, w.s.tick));
    for (const e of roleEvents(w, mali, 0))
      for (const k of ['msg', 'raid', 'ep', 'convoy']) expect(e, String(e.k)).not.toHaveProperty(k);
    // Message ids are keys of what a message says, never the engine's running number.
    const raw = w.s.msgs.filter((m) => m.from === mali || m.to === mali).map((m) => m.id);
    for (const id of snap.messages.id) expect(raw).not.toContain(id);
  });
});
