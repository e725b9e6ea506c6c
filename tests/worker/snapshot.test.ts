// In-process checks of SessionApi, takeSnapshot and describeWorld: vessels in the maritime
// scenario, the transfer list, event filtering per actor, incremental events and the
// world description's lookup tables.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/node/load';
import { describeWorld } from '../../src/sim/describe';
import { eventVisible, type Snapshot } from '../../src/sim/snapshot';
import { SessionApi } from '../../workers/session-api';

const scenarioJson = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url)), 'utf8'),
  );
const fsAtlas = async (atlas: '50m' | '10m') => loadAtlas(atlas);

/** The session inside an api, for checks against the engine's own state. */
const sessionOf = (api: SessionApi) =>
  (api as unknown as { session: import('../../src/sim/session').Session }).session;

function inBox(lon: ArrayLike<number>, lat: ArrayLike<number>, bbox: readonly number[]) {
  const [w, s, e, n] = bbox as [number, number, number, number];
  for (let i = 0; i < lon.length; i++) {
    expect(lon[i]).toBeGreaterThanOrEqual(w);
    expect(lon[i]).toBeLessThanOrEqual(e);
    expect(lat[i]).toBeGreaterThanOrEqual(s);
    expect(lat[i]).toBeLessThanOrEqual(n);
  }
}

describe('sea-maritime ground truth', () => {
  it('includes the traffic vessels alive, on their lanes', async () => {
    const api = new SessionApi(fsAtlas);
    const r = await api.load(scenarioJson('sea-maritime'), { seed: 7 });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    await api.runTo(96);
    const snap = await api.snapshot(-1, 0);
    const s = sessionOf(api).world.s;
    const alive = s.vAlive.reduce((n, v) => n + v, 0);
    expect(alive).toBeGreaterThan(0);
    expect(snap.vessels.lon).toHaveLength(alive);
    expect(new Set(snap.vessels.slot).size).toBe(alive);
    for (const k of snap.vessels.kind) expect(r.description.traffic[k]).toBeDefined();
    inBox(snap.vessels.lon, snap.vessels.lat, r.description.bbox);
    // Slots and traffic indices are the engine's own.
    snap.vessels.slot.forEach((slot, k) => expect(s.vTraffic[slot]).toBe(snap.vessels.kind[k]));
  });
});

describe('sahel-ct snapshots in process', () => {
  let api: SessionApi;
  const transfers: Array<{ value: unknown; list: Transferable[] }> = [];

  beforeAll(async () => {
    api = new SessionApi(fsAtlas, (value, list) => {
      transfers.push({ value, list });
      return value;
    });
    const r = await api.load(scenarioJson('sahel-ct'), { seed: 7 });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    await api.runTo(300);
  });

  it('hands every typed array buffer, once each, to the transfer function', async () => {
    const snap = await api.snapshot(-1, 0);
    const { value, list } = transfers.at(-1)!;
    expect(value).toBe(snap);
    const arrays: ArrayBufferView[] = [snap.trust, snap.agreementsActive, snap.rightsActive];
    for (const layer of [snap.units, snap.cells, snap.tracks, snap.messages, snap.vessels])
      arrays.push(...(Object.values(layer) as ArrayBufferView[]));
    arrays.push(...(Object.values(snap.convoys) as ArrayBufferView[]));
    arrays.push(snap.bases.fuel, snap.bases.supplies);
    expect(new Set(list).size).toBe(list.length);
    for (const a of arrays) expect(list).toContain(a.buffer);
  });

  it('keeps ground truth out of an actor view', async () => {
    const session = sessionOf(api);
    const { def, s } = session.world;
    const secret = new Set(['threat-spawn', 'raid-start', 'raid-end', 'recruit', 'cop']);
    for (let a = 0; a < def.nActors; a++) {
      const id = def.actorIds[a]!;
      const snap: Snapshot = await api.snapshot(a, 0);
      for (const e of snap.events) {
        expect(secret.has(e.k as string), `${id} sees ${e.k}`).toBe(false);
        if (e.k === 'detect' || e.k === 'aware') expect(e.actor).toBe(id);
        if (String(e.k).startsWith('msg-')) expect([e.from, e.to]).toContain(id);
        if (e.k === 'attack')
          expect(s.trSeen[a * def.cellCap + (e.cell as number)]).toBeGreaterThanOrEqual(0);
      }
      snap.units.taskCell.forEach((c, u) => {
        if (c >= 0 && def.uOwner[u] !== a)
          expect(s.trSeen[a * def.cellCap + c]).toBeGreaterThanOrEqual(0);
      });
      expect(await api.events(0, undefined, a)).toEqual(snap.events);
    }
    // The white cell sees all of it.
    const truth = await api.snapshot(-1, 0);
    expect(truth.events).toHaveLength(truth.eventCount - truth.eventsFrom);
    expect(truth.events.some((e) => secret.has(e.k as string))).toBe(true);
  });

  it('addresses narratives: to everyone when `to` is empty', async () => {
    const session = sessionOf(api);
    const startex = session.def.scenario.injects.find((i) => i.kind === 'narrative');
    expect(startex?.kind === 'narrative' && startex.to.length === 0).toBe(true);
    for (let a = 0; a < session.def.nActors; a++) {
      const ev = await api.events(0, undefined, a);
      expect(ev.some((e) => e.k === 'narrative')).toBe(true);
    }
    const w = session.world;
    const to = { t: 0, k: 'narrative' as const, message: 'm', to: 'mali,niger' };
    const seeing = w.def.actorIds.filter((_, a) => eventVisible(w, a, to));
    expect(seeing).toEqual(['mali', 'niger']);
    expect(eventVisible(w, -1, to)).toBe(true);
  });

  it('sends only the events since the last snapshot', async () => {
    const first = await api.snapshot(-1, 0);
    await api.step(4);
    const next = await api.snapshot(-1, first.eventCount);
    expect(next.eventsFrom).toBe(first.eventCount);
    expect(next.events).toHaveLength(next.eventCount - first.eventCount);
    expect(next.events.every((e) => (e.t as number) >= first.tick)).toBe(true);
    expect(await api.events(first.eventCount)).toEqual(next.events);
  });

  it('refuses views that are not an actor', async () => {
    const n = sessionOf(api).def.nActors;
    await expect(api.snapshot(n, 0)).rejects.toThrow(RangeError);
    await expect(api.snapshot(-2, 0)).rejects.toThrow(/view -2/);
  });

  it('describes the world as plain lon/lat lookup tables', () => {
    const def = sessionOf(api).def;
    const d = describeWorld(def);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(d.units.map((u) => u.id)).toEqual(def.unitIds);
    expect(d.units.find((u) => u.id === 'ml-gao-2')?.name).toMatch(/ 2$/);
    expect(d.actors.map((a) => a.id)).toEqual(def.actorIds);
    expect(d.scenario.totalTicks).toBe(def.totalTicks);
    inBox(
      d.bases.map((b) => b.lon),
      d.bases.map((b) => b.lat),
      d.bbox,
    );
    const hq = def.scenario.actors[0]!.hq;
    expect(d.actors[0]!.hq[0]).toBeCloseTo(hq[0], 6);
    expect(d.actors[0]!.hq[1]).toBeCloseTo(hq[1], 6);
    for (const ag of d.agreements) {
      expect(d.actors[ag.from]).toBeDefined();
      expect(d.actors[ag.to]).toBeDefined();
    }
    for (const r of d.supplyRuns) expect(d.bases[r.from]?.owner).toBeGreaterThanOrEqual(0);
  });

  it('rejects calls before a scenario is loaded', async () => {
    const empty = new SessionApi(fsAtlas);
    await expect(empty.step(1)).rejects.toThrow(/no scenario loaded/);
    await expect(empty.step(-1)).rejects.toThrow();
  });
});
