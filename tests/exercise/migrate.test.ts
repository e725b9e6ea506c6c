// Session migrations: a version-1 file (the first format) becomes the current version with the
// same meaning — the same scenario by name and digest, seed, assignments, the white cell's
// orders at their ticks, the recorded hashes — and replays to the hash of a run given the same
// orders; what cannot be migrated is refused naming the place.
import { describe, expect, it } from 'vitest';
import { scenarioDigest } from '../../src/exercise/canonical';
import { openSessionDoc } from '../../src/exercise/migrate';
import { replaySession } from '../../src/exercise/replay';
import { SESSION_VERSION } from '../../src/exercise/session-file';
import { memoryDeps, scenarioDoc } from './fixture';

const v1 = () => ({
  format: 'concord-session',
  version: 1,
  scenario: 'sahel-ct',
  seed: 9,
  set: ['sharingLatencyMin=90'],
  tick: 120,
  orders: [
    { tick: 10, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] },
    { tick: 40, kind: 'set-agreement', agreement: 'ag-ml-bf', active: false },
  ],
  hashes: [] as Array<{ tick: number; hash: string }>,
});

describe('session migrations', () => {
  it('version 1 → current: same scenario, digest, seed, assignments, orders as the white cell', async () => {
    const { deps } = memoryDeps();
    const r = await openSessionDoc(v1(), deps.scenario);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.value;
    expect(f.version).toBe(SESSION_VERSION);
    expect(f.scenario).toMatchObject({ name: 'sahel-ct', doc: null });
    expect(f.scenario.digest).toBe(await scenarioDigest(scenarioDoc('sahel-ct')));
    expect(f.seed).toBe(9);
    expect(f.set).toEqual(['sharingLatencyMin=90']);
    expect(f.tick).toBe(120);
    expect(f.roles.map((x) => x.id)).toEqual(['white']);
    expect(f.orders.map((o) => [o.tick, o.role, o.order.kind])).toEqual([
      [10, 'white', 'move'],
      [40, 'white', 'set-agreement'],
    ]);
    // Version 1 ran the scenario's injects in the engine: the migrated file keeps that.
    expect(f.setup).toMatchObject({ mode: 'realtime', injects: 'engine' });
  });

  it('a migrated file replays to the hashes it recorded, and a wrong hash is caught at its tick', async () => {
    const { deps } = memoryDeps();
    const first = await openSessionDoc(v1(), deps.scenario);
    if (!first.ok) throw new Error('did not migrate');
    const run = await replaySession(first.value, deps, { upTo: 60 });
    const at60 = run.session.hash();
    const withHash = { ...v1(), hashes: [{ tick: 60, hash: at60 }] };
    const good = await openSessionDoc(withHash, deps.scenario);
    if (!good.ok) throw new Error('did not migrate');
    const ok = await replaySession(good.value, deps);
    expect(ok).toMatchObject({ checked: 1, mismatch: null });
    const bad = { ...v1(), hashes: [{ tick: 60, hash: '0123456789abcdef' }] };
    const opened = await openSessionDoc(bad, deps.scenario);
    if (!opened.ok) throw new Error('did not migrate');
    const r = await replaySession(opened.value, deps);
    expect(r.mismatch).toMatchObject({ tick: 60, recorded: '0123456789abcdef', replayed: at60 });
  });

  it('refuses what it cannot migrate, naming the place', async () => {
    const { deps } = memoryDeps();
    const problems = async (doc: unknown) => {
      const r = await openSessionDoc(doc, deps.scenario);
      return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(await problems({ ...v1(), scenario: 'atlantis' })).toEqual([
      'scenario: no bundled scenario "atlantis"',
    ]);
    expect((await problems({ ...v1(), seed: -1 })).join('\n')).toMatch(/^seed/m);
    expect(
      (await problems({ ...v1(), orders: [{ tick: 1, kind: 'teleport' }] })).join('\n'),
    ).toMatch(/^orders\[0\]/m);
    expect((await problems({ ...v1(), extra: 1 })).join('\n')).toMatch(/extra/);
    expect(await problems({ ...v1(), version: 3 })).toEqual([
      `version: found 3; this Concord reads session versions 1 to ${SESSION_VERSION} (a newer file needs a newer Concord)`,
    ]);
    expect((await problems({ ...v1(), format: 'other' }))[0]).toMatch(/^format: found "other"/);
    expect(
      (await problems(JSON.parse('{"format":"concord-session","version":1,"__proto__":{"x":1}}')))
        .length,
    ).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
