// Drives SessionApi through comlink across a real worker_threads Worker (workers/node-worker.ts)
// and checks it against a Session run in this process: hashes, seeking, snapshots arriving
// intact, actor views holding only their own picture, orders and load problems.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas, loadScenarioFile } from '../../src/node/load';
import { Session } from '../../src/sim/session';
import { type Snapshot, takeSnapshot } from '../../src/sim/snapshot';
import type { SessionApi } from '../../workers/session-api';

type Adapter = typeof import('comlink/dist/esm/node-adapter');
const NODE_ADAPTER = 'comlink/dist/esm/node-adapter.mjs';
const { default: nodeEndpoint } = (await import(NODE_ADAPTER)) as Adapter;

const SAHEL = fileURLToPath(new URL('../../scenarios/sahel-ct.json', import.meta.url));
const sahelJson = (): unknown => JSON.parse(readFileSync(SAHEL, 'utf8'));

/**
 * Starts the Node worker. Node 20 does not apply `--import tsx` from a Worker's execArgv to
 * its entry module, so a one-line bootstrap registers tsx first, then imports the entry.
 */
function startWorker(): { api: Comlink.Remote<SessionApi>; worker: Worker } {
  const tsx = new URL('../../node_modules/tsx/dist/esm/api/index.mjs', import.meta.url).href;
  const entry = new URL('../../workers/node-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(code, { eval: true });
  return { api: Comlink.wrap<SessionApi>(nodeEndpoint(worker)), worker };
}

function directSession(): Session {
  const scenario = loadScenarioFile(SAHEL);
  return new Session(scenario, loadAtlas(scenario.geography.atlas), 7);
}

const typedLayers = (s: Snapshot) => [
  s.units,
  s.cells,
  s.tracks,
  s.messages,
  s.vessels,
  s.convoys,
  s.bases,
];

describe('SessionApi across a worker_threads Worker', () => {
  let api: Comlink.Remote<SessionApi>;
  let worker: Worker;
  let direct: Session;
  let hash300 = '';

  beforeAll(async () => {
    ({ api, worker } = startWorker());
    direct = directSession();
    const r = await api.load(sahelJson(), { seed: 7 });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.description.units).toHaveLength(direct.def.nUnits);
    expect(r.description.scenario.id).toBe('sahel-ct');
  });
  afterAll(async () => {
    api[Comlink.releaseProxy]();
    await worker.terminate();
  });

  it('step(1) ×10 then step(86) matches an in-process session at tick 96', async () => {
    for (let i = 0; i < 10; i++) expect((await api.step(1)).tick).toBe(i + 1);
    const r = await api.step(86);
    direct.runTo(96);
    expect(r).toEqual({ tick: 96, hash: direct.hash() });
    expect(await api.hash()).toBe(direct.hash());
  });

  it('seek back and run forward again reproduces the hash', async () => {
    const first = await api.runTo(300);
    expect(first.tick).toBe(300);
    hash300 = first.hash;
    const back = await api.seek(150);
    expect(back.tick).toBe(150);
    direct.runTo(150);
    expect(back.hash).toBe(direct.hash());
    expect(await api.runTo(300)).toEqual(first);
    const info = await api.info();
    expect(info).toMatchObject({ scenario: 'sahel-ct', tick: 300, seed: 7, tickMinutes: 15 });
    expect(info.checkpoints).toContain(0);
    expect(info.checkpoints).toContain(288);
  });

  it('a snapshot arrives with its typed arrays intact', async () => {
    direct.runTo(300);
    const snap = await api.snapshot(-1, 0);
    const local = takeSnapshot(direct.world, -1, 0);
    expect(snap.tick).toBe(300);
    expect(snap.hash).toBe(hash300);
    expect(snap.units.lon).toBeInstanceOf(Float32Array);
    expect(snap.units.task).toBeInstanceOf(Uint8Array);
    expect(snap.units.lon).toHaveLength(direct.def.nUnits);
    expect(snap.units.lat).toHaveLength(direct.def.nUnits);
    const [w, s, e, n] = direct.def.scenario.geography.bbox;
    for (let u = 0; u < direct.def.nUnits; u++) {
      expect(snap.units.lon[u]).toBeGreaterThanOrEqual(w);
      expect(snap.units.lon[u]).toBeLessThanOrEqual(e);
      expect(snap.units.lat[u]).toBeGreaterThanOrEqual(s);
      expect(snap.units.lat[u]).toBeLessThanOrEqual(n);
    }
    // Every layer equals the one built in this process, array by array.
    const remote = typedLayers(snap);
    typedLayers(local).forEach((layer, i) => {
      for (const [k, arr] of Object.entries(layer)) {
        const got = (remote[i] as unknown as Record<string, ArrayLike<number>>)[k]!;
        expect(Array.from(got), k).toEqual(Array.from(arr as ArrayLike<number>));
      }
    });
    expect(snap.cells.cell.length).toBeGreaterThan(0);
    expect(snap.events).toEqual(local.events);
    expect(snap.eventCount).toBe(direct.world.log.events.length);
    expect(Array.from(snap.trust)).toEqual(Array.from(local.trust));
  });

  it("an actor's view holds only tracks of cells it has seen", async () => {
    const cap = direct.def.cellCap;
    let strictlyFewer = 0;
    let tracksSeen = 0;
    // Backwards only: a forward seek after a rewind leaves holes in Session's event log.
    for (const tick of [300, 120, 40]) {
      await api.seek(tick);
      direct.seek(tick);
      const truth = await api.snapshot(-1, 0);
      for (let a = 0; a < direct.def.nActors; a++) {
        const view = await api.snapshot(a, 0);
        expect(view.view).toBe(a);
        expect(view.cells.cell).toHaveLength(0);
        expect(view.tracks.cell.length).toBeLessThanOrEqual(truth.cells.cell.length);
        if (view.tracks.cell.length < truth.cells.cell.length) strictlyFewer++;
        tracksSeen += view.tracks.cell.length;
        view.tracks.cell.forEach((c, k) => {
          expect(view.tracks.actor[k]).toBe(a);
          expect(direct.world.s.trSeen[a * cap + c]!).toBeGreaterThanOrEqual(0);
        });
        // Its tracks are exactly the ground-truth view's tracks of this actor.
        const mine = Array.from(truth.tracks.cell).filter((_, k) => truth.tracks.actor[k] === a);
        expect(Array.from(view.tracks.cell)).toEqual(mine);
        for (let k = 0; k < view.messages.id.length; k++) {
          expect(view.messages.from[k] === a || view.messages.to[k] === a).toBe(true);
          expect(view.messages.lost[k]).toBe(0);
        }
        const n = direct.def.nActors;
        view.trust.forEach((t, i) => expect(Number.isNaN(t)).toBe(Math.floor(i / n) !== a));
      }
    }
    expect(strictlyFewer).toBeGreaterThan(0);
    expect(tracksSeen).toBeGreaterThan(0);
  });

  it('an order through the API changes the run; a bad one is refused', async () => {
    await api.seek(0);
    const bad = await api.order({
      tick: 0,
      kind: 'set-agreement',
      agreement: 'nope',
      active: false,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/no agreement "nope"/);
    const ok = await api.order({
      tick: 0,
      kind: 'set-agreement',
      agreement: 'ag-ml-bf',
      active: false,
    });
    expect(ok).toEqual({ ok: true });
    const r = await api.runTo(300);
    expect(r.tick).toBe(300);
    expect(r.hash).not.toBe(hash300);
    expect((await api.info()).orders).toHaveLength(1);
    const snap = await api.snapshot(-1, 0);
    const ag = direct.def.agreements.findIndex((a) => a.id === 'ag-ml-bf');
    expect(snap.agreementsActive[ag]).toBe(0);
  });

  it('a bad scenario gives path-named problems and keeps the loaded session', async () => {
    const before = await api.info();
    const r = await api.load(sahelJson(), { seed: 7, set: ['tickMinutes=x'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.some((p) => p.startsWith('tickMinutes: found "x"'))).toBe(true);
    const badPath = await api.load(sahelJson(), { seed: 7, set: ['units.nope.count=3'] });
    expect(badPath.ok).toBe(false);
    if (!badPath.ok) expect(badPath.problems[0]).toMatch(/units: no element with id "nope"/);
    expect(await api.info()).toEqual(before);
  });
});
