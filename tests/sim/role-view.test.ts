// The engine's role view, on the data: for every actor of sahel-ct and sea-maritime at the
// start, after 2 days and after 6 days, the role description and snapshot hold only what the
// actor knows (no partner's unit id, no cell it holds no track of, only its own tracks,
// messages, agreements, rights, mechanisms, convoys and stocks), the index maps round-trip,
// and the white cell's view is untouched. Also: structured clone, a 10,000-unit variant.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/node/load';
import { buildDef } from '../../src/sim/build';
import { describeWorld, type WorldDescription } from '../../src/sim/describe';
import { injectVisible } from '../../src/sim/role-index';
import {
  clientDescription,
  type RoleDescription,
  roleDescription,
  roleEvents,
  roleSnapshot,
} from '../../src/sim/role-view';
import { Session } from '../../src/sim/session';
import {
  eventVisible,
  hasTrack,
  type Snapshot,
  takeSnapshot,
  visibleEvents,
} from '../../src/sim/snapshot';
import { mechanismParties } from '../../src/sim/systems/mechanisms';
import type { World } from '../../src/sim/world';
import { SessionApi } from '../../workers/session-api';
import { loaded, sim, ticksFor } from './driver';

/** The units an actor's role should list: its own, and those starting under its task forces. */
function expectedUnitIds(w: World, actor: number): Set<string> {
  const { def } = w;
  const sc = def.scenario;
  const out = new Set<string>();
  let u = 0;
  for (const entry of sc.units) {
    const tf = sc.taskForces.find((t) => t.id === entry.command);
    const commanded = tf !== undefined && tf.commander === def.actorIds[actor];
    for (let k = 0; k < entry.count; k++, u++)
      if (def.uOwner[u] === actor || commanded) out.add(def.unitIds[u]!);
  }
  return out;
}

/** Ids of public things (bases, places, zones…): a unit may share its id with its base. */
function publicIds(w: World): Set<string> {
  const d = describeWorld(w.def);
  const out = new Set<string>();
  for (const [key, list] of Object.entries(d))
    if (key !== 'units' && Array.isArray(list))
      for (const x of list as Array<{ id?: unknown }>) if (typeof x.id === 'string') out.add(x.id);
  return out;
}

/**
 * What the role must not find in the data: every unit id outside its list (as a quoted JSON
 * string; one that is also a base's id, as a `unit` field, plain or inside an order's JSON)
 * and every cell it holds no track of (in events, tracks and task cells).
 */
function leaks(w: World, actor: number, data: unknown, snap?: Snapshot): string[] {
  const mine = expectedUnitIds(w, actor);
  const shared = publicIds(w);
  const text = JSON.stringify(data);
  const found: string[] = [];
  for (const id of w.def.unitIds) {
    if (mine.has(id)) continue;
    // Plain, and escaped inside an order's JSON text (`detail`).
    const patterns = shared.has(id)
      ? [`"unit":"${id}"`, `\\"unit\\":\\"${id}\\"`]
      : [`"${id}"`, `\\"${id}\\"`];
    const named = patterns.some((p) => text.includes(p));
    if (named) found.push(`unit ${id}`);
  }
  for (const m of text.matchAll(/"cell":(\d+)/g))
    if (!hasTrack(w, actor, Number(m[1]))) found.push(`cell ${m[1]} in an event`);
  if (snap) {
    for (const c of snap.tracks.cell) if (!hasTrack(w, actor, c)) found.push(`track of ${c}`);
    for (const c of snap.units.taskCell)
      if (c >= 0 && !hasTrack(w, actor, c)) found.push(`task cell ${c}`);
  }
  return found;
}

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((x) => x.id);
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Checks (a)–(f) for one actor at the session's current tick. */
function checkRole(session: Session, actor: number, full: WorldDescription): void {
  const w = session.world;
  const { def, s } = w;
  const rd: RoleDescription = roleDescription(def, actor);
  const d = rd.description;
  const snap = roleSnapshot(w, actor, 0);
  const where = `${def.actorIds[actor]} at tick ${s.tick}`;

  // (a) its own units and its task forces' only; nothing of anyone else's anywhere (the
  // search does find them in the full description and the ground-truth feed).
  expect(leaks(w, actor, full).length).toBeGreaterThan(0);
  if (s.tick > 0) expect(leaks(w, actor, visibleEvents(w, -1, 0)).length).toBeGreaterThan(0);
  expect(sorted(ids(d.units)), where).toEqual(sorted(expectedUnitIds(w, actor)));
  expect(leaks(w, actor, rd), where).toEqual([]);
  expect(leaks(w, actor, snap, snap), where).toEqual([]);
  expect(leaks(w, actor, roleEvents(w, actor, 0)), where).toEqual([]);
  // The feed holds the same events as visibleEvents, only with references taken out.
  expect(roleEvents(w, actor, 0).length).toBe(visibleEvents(w, actor, 0).length);

  // (b) its own picture, no ground-truth cells.
  expect(snap.view).toBe(actor);
  expect(snap.cells.cell.length).toBe(0);
  for (const a of snap.tracks.actor) expect(a).toBe(actor);

  // (c) messages to or from it, on agreements of its own list between the same two actors.
  snap.messages.from.forEach((from, k) => {
    const to = snap.messages.to[k]!;
    expect(from === actor || to === actor, where).toBe(true);
    const ag = d.agreements[snap.messages.agreement[k]!]!;
    expect(ag, where).toBeDefined();
    expect(sorted([String(ag.from), String(ag.to)])).toEqual(sorted([String(from), String(to)]));
  });

  // (d) exactly what it is party to, with the ground-truth flags at the mapped indices.
  const party = (a: number, b: number) => a === actor || b === actor;
  expect(ids(d.agreements)).toEqual(
    def.agreements.filter((a) => party(a.from, a.to)).map((a) => a.id),
  );
  expect(ids(d.rights)).toEqual(
    def.rights.filter((r) => party(r.grantor, r.grantee)).map((r) => r.id),
  );
  expect(ids(d.mechanisms)).toEqual(
    def.mechanisms.filter((_, m) => mechanismParties(def, m).includes(actor)).map((m) => m.id),
  );
  expect([...snap.agreementsActive]).toEqual(rd.index.agreements.map((i) => s.agActive[i]));
  expect([...snap.rightsActive]).toEqual(rd.index.rights.map((i) => s.rightActive[i]));
  expect([...snap.mechanismsActive]).toEqual(rd.index.mechanisms.map((i) => s.mechActive[i]));
  for (const a of d.agreements)
    if (a.centre !== null) expect(d.mechanisms[a.centre]?.kind).toBe('joint-centre');

  // (e) stocks and capacity of its own bases only; convoys of its own runs only.
  d.bases.forEach((b, i) => {
    const own = def.bOwner[i] === actor;
    expect(Number.isNaN(snap.bases.fuel[i]!), `${where} base ${b.id}`).toBe(!own);
    expect(Number.isNaN(snap.bases.supplies[i]!)).toBe(!own);
    if (!own) expect(b.capacity).toEqual({ fuel: 0, supplies: 0 });
  });
  for (const k of snap.convoys.kind) expect(d.supplyRuns[k]?.owner).toBe(actor);
  expect(d.supplyRuns.every((r) => r.owner === actor)).toBe(true);
  expect(d.zones.every((z) => z.kind !== 'safe-haven' || z.owner === actor)).toBe(true);
  for (let b = 0; b < def.nActors; b++) {
    for (let a = 0; a < def.nActors; a++) {
      const v = snap.trust[a * def.nActors + b]!;
      if (a === actor) expect(v).toBeCloseTo(s.trust[a * def.nActors + b]!, 5);
      else expect(v).toBeNaN();
    }
  }

  // (f) role index → full index → the same id; the units layer is aligned with the list.
  const lists = ['units', 'agreements', 'rights', 'mechanisms', 'supplyRuns', 'zones'] as const;
  for (const key of lists)
    rd.index[key].forEach((fullIndex, k) => expect(full[key][fullIndex]!.id).toBe(d[key][k]!.id));
  rd.index.injects.forEach((i, k) => expect(full.injects[i]!.id).toBe(d.injects[k]!.id));
  expect(snap.units.lon.length).toBe(d.units.length);
  rd.index.units.forEach((u, k) => {
    expect(snap.units.task[k]).toBe(s.uTask[u]);
    expect(snap.units.fuel[k]).toBeCloseTo(s.uFuel[u]! / def.uFuelCap[u]!, 5);
  });
}

for (const name of ['sahel-ct', 'sea-maritime']) {
  describe(`${name}: every actor's role view`, () => {
    let session: Session;
    let full: WorldDescription;

    beforeAll(() => {
      session = sim(name, 7);
      full = describeWorld(session.def);
    });

    for (const span of ['0h', '2d', '6d']) {
      it(`holds only what each actor knows after ${span}`, () => {
        session.runTo(ticksFor(session, span));
        const w = session.world;
        // (g) the white cell's view before and after every role view was taken.
        const before = takeSnapshot(w, -1, 0);
        for (let a = 0; a < session.def.nActors; a++) checkRole(session, a, full);
        expect(takeSnapshot(w, -1, 0)).toEqual(before);
        expect(describeWorld(session.def)).toEqual(full);
      });
    }

    it('lists the MSEL entries whose inject events the actor may see', () => {
      const w = session.world;
      const { def } = w;
      def.scenario.injects.forEach((inj, i) => {
        const e = { t: 0, k: 'inject' as const, inject: i, kind: inj.kind };
        for (let a = 0; a < def.nActors; a++)
          expect(injectVisible(def, a, inj), `${inj.id} for ${def.actorIds[a]}`).toBe(
            eventVisible(w, a, e),
          );
      });
    });
  });
}

describe('role view edge cases (sahel-ct)', () => {
  it('blanks a task-force unit for its former commander once reassigned', () => {
    const session = sim('sahel-ct', 7);
    const { def } = session;
    const g5 = def.actorIds.indexOf('g5-sahel');
    const mali = def.actorIds.indexOf('mali');
    const u = def.unitIds.indexOf('ml-jf-menaka');
    session.order({ tick: 4, kind: 'assign', unit: 'ml-jf-menaka', command: 'national' });
    session.runTo(8);
    const k = roleDescription(def, g5).index.units.indexOf(u);
    expect(k).toBeGreaterThanOrEqual(0);
    const snap = roleSnapshot(session.world, g5, 0);
    expect(snap.units.lon[k]).toBeNaN();
    expect(snap.units.fuel[k]).toBeNaN();
    const own = roleSnapshot(session.world, mali, 0);
    const km = roleDescription(def, mali).index.units.indexOf(u);
    expect(Number.isFinite(own.units.lon[km]!)).toBe(true);
  });

  it('names a foreign unit in an event only by its owner, and an unknown cell not at all', () => {
    const session = sim('sahel-ct', 7);
    session.runTo(8);
    const w = session.world;
    const { def } = w;
    const mali = def.actorIds.indexOf('mali');
    const bf = def.unitIds.indexOf('bf-djibo');
    // The feed is addressed by tick (a log index would count hidden events).
    const from = w.s.tick;
    // A throwaway session: log a crossing into Mali and a prevented raid by a Burkinabe unit.
    w.log.push(w.s.tick, 'cross-border', { unit: bf, into: mali });
    const ml = def.unitIds.indexOf('ml-gao-1');
    const unknownCell = def.cellCap - 1;
    expect(hasTrack(w, mali, unknownCell)).toBe(false);
    w.log.push(w.s.tick, 'contact', { unit: ml, cell: unknownCell, raid: -1 });
    const feed = roleEvents(w, mali, from);
    expect(feed).toEqual([
      { t: w.s.tick, k: 'cross-border', unit: null, unitOwner: 'burkina', into: 'mali' },
      { t: w.s.tick, k: 'contact', unit: 'ml-gao-1', cell: null },
    ]);
  });

  it('refuses the white cell and actors out of range', () => {
    const session = sim('sahel-ct', 7);
    expect(() => roleSnapshot(session.world, -1, 0)).toThrow(RangeError);
    expect(() => roleDescription(session.def, session.def.nActors)).toThrow(RangeError);
  });
});

describe('role views over the wire', () => {
  it('survive structuredClone and JSON (postMessage, WebSocket)', () => {
    const session = sim('sea-maritime', 7);
    session.runTo(ticksFor(session, '2d'));
    for (let a = 0; a < session.def.nActors; a++) {
      const d = clientDescription(roleDescription(session.def, a));
      expect(structuredClone(d)).toEqual(d);
      expect(JSON.parse(JSON.stringify(d))).toEqual(d);
      expect('index' in d).toBe(false);
      const snap = roleSnapshot(session.world, a, 0);
      expect(structuredClone(snap)).toEqual(snap);
    }
  });

  it('builds the role view of a 10,000-unit variant', () => {
    const { scenario, atlas } = loaded('sahel-ct');
    const big = structuredClone(scenario);
    // Copies of the unit entries (same owner, command and base), 200 each, up to 10,000 units.
    let have = big.units.reduce((n, u) => n + u.count, 0);
    for (let c = 0; have < 10_000; c++) {
      const u = scenario.units[c % scenario.units.length]!;
      const count = Math.min(200, 10_000 - have);
      big.units.push({ ...u, id: `${u.id}-x${c}`, count });
      have += count;
    }
    const def = buildDef(big, atlas);
    expect(def.nUnits).toBe(10_000);
    const session = new Session(big, atlas, 7, def);
    session.runTo(4);
    const mali = def.actorIds.indexOf('mali');
    const d = roleDescription(def, mali).description;
    const snap = roleSnapshot(session.world, mali, 0);
    expect(snap.units.lon.length).toBe(d.units.length);
    expect(d.units.length).toBeLessThan(def.nUnits);
  });
});

describe('SessionApi role methods', () => {
  it('give the role view, its snapshot buffers transferred, and the role feed', async () => {
    const transfers: Transferable[][] = [];
    const api = new SessionApi(
      async (atlas) => loadAtlas(atlas),
      (value, list) => {
        transfers.push(list);
        return value;
      },
    );
    const json: unknown = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
    const r = await api.load(json, { seed: 7 });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    await api.runTo(96);
    const session = (api as unknown as { session: Session }).session;
    const mali = session.def.actorIds.indexOf('mali');
    const d = await api.roleDescribe(mali);
    expect(d).toEqual(roleDescription(session.def, mali).description);
    expect('index' in d).toBe(false);
    const snap = await api.roleSnapshot(mali, 0);
    expect(snap).toEqual(roleSnapshot(session.world, mali, 0));
    expect(transfers.at(-1)).toContain(snap.units.lon.buffer);
    expect(await api.roleEvents(mali, 0)).toEqual(roleEvents(session.world, mali, 0));
    expect(await api.roleEvents(mali, 10, 20)).toEqual(roleEvents(session.world, mali, 10, 20));
    await expect(api.roleSnapshot(-1, 0)).rejects.toThrow(RangeError);
  });
});
