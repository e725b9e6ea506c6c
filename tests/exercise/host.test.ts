// The exercise host as a trainer's game uses it: roles give orders about their own forces only
// (refusals in words), every order is saved before it is acknowledged, turns run their span and
// record a hash, the MSEL fires at its ticks and on triggers whatever the step size, cards are
// acknowledged, agreements are proposed and accepted, and the saved record replays to the same
// hash (a tampered one names its tick; a version-1 file migrates).
import { describe, expect, it } from 'vitest';
import { ExerciseHost } from '../../src/exercise/host';
import { openSessionDoc } from '../../src/exercise/migrate';
import type { MselEntry } from '../../src/exercise/msel';
import { replaySession } from '../../src/exercise/replay';
import { memoryDeps, newHost, scenarioDoc } from './fixture';

describe('orders by role', () => {
  it("a role moves its own unit, is refused another actor's in words, and the order is saved first", async () => {
    const { host, saved } = await newHost();
    const before = saved.length;
    const ok = await host.order('mali', {
      tick: 0,
      kind: 'move',
      unit: 'ml-gao-1',
      position: [-0.5, 16.0],
    });
    expect(ok).toEqual({ ok: true });
    expect(saved.length).toBeGreaterThan(before);
    const last = saved.at(-1)!;
    expect(last.orders.at(-1)).toMatchObject({
      role: 'mali',
      order: { kind: 'move', unit: 'ml-gao-1' },
    });
    const foreign = await host.order('mali', {
      tick: 0,
      kind: 'return',
      unit: host.session.def.unitIds.find((u) => u.startsWith('ne-'))!,
    });
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.error).toMatch(/not yours/);
    const abroad = await host.order('mali', {
      tick: 0,
      kind: 'move',
      unit: 'ml-gao-1',
      position: [2.1, 13.5],
    });
    expect(abroad.ok).toBe(false);
    if (!abroad.ok) expect(abroad.error).toMatch(/Niger/);
  });

  it('players may not fire injects or sign agreements alone; suspension is theirs', async () => {
    const { host } = await newHost();
    const inj = await host.order('mali', {
      tick: 0,
      kind: 'inject',
      inject: { id: 'x', at: 0, kind: 'narrative', to: [], message: 'hi' },
    });
    expect(inj).toEqual({ ok: false, error: 'only the white cell gives "inject" orders' });
    const on = await host.order('mali', {
      tick: 0,
      kind: 'set-agreement',
      agreement: 'ag-ml-ne',
      active: true,
    });
    expect(on.ok).toBe(false);
    const off = await host.order('mali', {
      tick: 0,
      kind: 'set-agreement',
      agreement: 'ag-ml-ne',
      active: false,
    });
    expect(off).toEqual({ ok: true });
  });
});

describe('turns', () => {
  it('planning, ready, a 6-hour execution phase, a recorded turn hash, planning again', async () => {
    const { host } = await newHost();
    expect(host.turn.phase).toBe('planning');
    expect(await host.execute()).toMatchObject({ ok: false });
    for (const r of host.players) await host.setReady(r, true);
    expect(await host.execute()).toEqual({ ok: true });
    expect(await host.order('mali', { tick: 0, kind: 'return', unit: 'ml-gao-1' })).toEqual({
      ok: false,
      error: 'orders wait for the planning phase',
    });
    let r = await host.advance(5);
    expect(r.turnEnded).toBe(false);
    r = await host.advance(1000);
    expect(r.turnEnded).toBe(true);
    expect(host.tick).toBe(24);
    expect(host.turn).toMatchObject({ phase: 'planning', turn: 2, ready: [] });
    expect(host.record.turns).toEqual([{ n: 1, from: 0, to: 24, hash: host.session.hash() }]);
  });

  it('the countdown lets the white cell execute when time is up', async () => {
    const { host, clock } = await newHost();
    expect(await host.execute()).toMatchObject({ ok: false });
    clock.now += 301_000;
    expect(await host.execute()).toEqual({ ok: true });
  });
});

describe('the MSEL', () => {
  const trigger: MselEntry = {
    serial: '90',
    timing: { kind: 'trigger', trigger: { kind: 'event', event: 'attack' } },
    from: 'EXCON',
    to: ['mali'],
    method: 'phone',
    subject: 'Attack reported',
    message: 'Mayor reports an attack; confirm your response.',
    expectedAction: 'Task a unit',
    effect: null,
  };

  it('scenario injects fire at their ticks as recorded orders, and a trigger fires on the first attack', async () => {
    const { host } = await newHost({
      setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
    });
    await host.setMsel([...host.record.msel, trigger]);
    await host.advance(96 * 3); // three days
    // startex D+0 06:00, Inates D+2 04:30 (15-minute ticks)
    expect(host.record.fired.find((f) => f.serial === '1')!.tick).toBe(24);
    expect(host.record.fired.find((f) => f.serial === '2')!.tick).toBe(2 * 96 + 18);
    const t = host.record.fired.find((f) => f.serial === '90');
    expect(t?.by).toBe('trigger');
    const firstAttack = host.session.world.log.events.find((e) => e.k === 'attack')!;
    expect(t!.tick).toBe(firstAttack.t + 1);
    expect(host.inbox('mali').map((c) => c.entry.serial)).toContain('90');
    expect(host.inbox('niger').map((c) => c.entry.serial)).not.toContain('90');
    // The Inates attack (serial 2, addressed to nobody) is the opposing force's move: a card for
    // the white cell only; a player learns of it from its own picture, not from the MSEL.
    expect(host.inbox('white').map((c) => c.entry.serial)).toContain('2');
    expect(host.inbox('mali').map((c) => c.entry.serial)).not.toContain('2');
    expect(host.inbox('niger').map((c) => c.entry.serial)).not.toContain('2');
    expect(await host.ack('mali', '90')).toEqual({ ok: true });
    expect(host.inbox('white').find((c) => c.entry.serial === '90')?.acked).toBe(false);
    expect(host.record.acks).toEqual([{ serial: '90', role: 'mali', tick: host.tick }]);
  });

  it('fires at the same ticks whatever the step size (hash equal)', async () => {
    const hashes: string[] = [];
    for (const step of [1, 7, 500]) {
      const { host } = await newHost({
        setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
      });
      await host.setMsel([...host.record.msel, trigger]);
      while (host.tick < 96 * 3) await host.advance(Math.min(step, 96 * 3 - host.tick));
      hashes.push(host.session.hash());
    }
    expect(new Set(hashes).size).toBe(1);
  });
});

describe('agreements in play', () => {
  it('one role proposes, the other accepts, and the agreement switches', async () => {
    const { host } = await newHost();
    const idx = host.session.def.agreements.findIndex((a) => a.id === 'ag-ml-ne');
    await host.order('mali', {
      tick: 0,
      kind: 'set-agreement',
      agreement: 'ag-ml-ne',
      active: false,
    });
    for (const r of host.players) await host.setReady(r, true);
    await host.execute();
    await host.advance(100);
    expect(host.session.world.s.agActive[idx]).toBe(0);
    expect(await host.propose('mali', { kind: 'agreement', id: 'ag-ml-ne' }, true)).toEqual({
      ok: true,
    });
    const p = host.record.proposals[0]!;
    expect(p).toMatchObject({ from: 'mali', to: 'niger', status: 'pending' });
    expect(await host.answer('burkina', p.id, true)).toMatchObject({ ok: false });
    expect(await host.answer('niger', p.id, true)).toEqual({ ok: true });
    expect(p.status).toBe('accepted');
    for (const r of host.players) await host.setReady(r, true);
    await host.execute();
    await host.advance(1);
    expect(host.session.world.s.agActive[idx]).toBe(1);
  });
});

describe('sessions replay', () => {
  async function played() {
    const { host, deps } = await newHost();
    await host.order('mali', { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] });
    for (const r of host.players) await host.setReady(r, true);
    await host.execute();
    await host.advance(1000);
    await host.order('niger', {
      tick: 0,
      kind: 'return',
      unit: host.session.def.unitIds.find((u) => u.startsWith('ne-'))!,
    });
    for (const r of host.players) await host.setReady(r, true);
    await host.execute();
    await host.advance(1000);
    return { host, deps, file: host.toFile() };
  }

  it('a saved session replays to the same tick and hash, and reopens there', async () => {
    const { host, deps, file } = await played();
    const r = await replaySession(file, deps);
    expect(r.mismatch).toBeNull();
    expect(r.checked).toBeGreaterThanOrEqual(3);
    expect(r.session.tick).toBe(host.tick);
    expect(r.session.hash()).toBe(host.session.hash());
    const reopened = await ExerciseHost.open(JSON.parse(JSON.stringify(file)), deps);
    expect(reopened.tick).toBe(host.tick);
    expect(reopened.session.hash()).toBe(host.session.hash());
  });

  it('a tampered order is caught at the first recorded hash after it', async () => {
    const { deps, file } = await played();
    const bad = structuredClone(file);
    const o = bad.orders.find((x) => x.order.kind === 'move')!;
    (o.order as { position: [number, number] }).position = [-1.5, 15.5];
    const r = await replaySession(bad, deps);
    // An order takes effect with the next tick: the first hash recorded after it differs.
    const next = file.hashes.find((h) => h.tick > o.tick)!.tick;
    expect(r.mismatch?.tick).toBe(next);
    await expect(ExerciseHost.open(bad, deps)).rejects.toThrow(
      new RegExp(`tick ${next}: the replayed state differs`),
    );
  });

  it('a version-1 file migrates and replays', async () => {
    const { deps } = memoryDeps();
    const v1 = {
      format: 'concord-session',
      version: 1,
      scenario: 'sahel-ct',
      seed: 5,
      tick: 200,
      orders: [{ tick: 50, kind: 'set-agreement', agreement: 'ag-ml-bf', active: false }],
      hashes: [] as Array<{ tick: number; hash: string }>,
    };
    const opened = await openSessionDoc(v1, deps.scenario);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value).toMatchObject({
      version: 2,
      roles: [{ id: 'white' }],
      setup: { injects: 'engine' },
    });
    const r = await replaySession(opened.value, deps);
    expect(r.session.tick).toBe(200);
    // The engine fired the scenario's injects itself, as in a planner's run.
    expect(r.session.world.log.events.some((e) => e.k === 'inject')).toBe(true);
    void scenarioDoc;
  });
});

describe('rewind and branch', () => {
  it('a rewind keeps the record; a new order there drops the old future, in the record as in the engine', async () => {
    const { host } = await newHost({
      setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
    });
    await host.order('mali', { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] });
    await host.advance(100);
    await host.order('mali', { tick: 0, kind: 'return', unit: 'ml-gao-1' });
    await host.advance(100);
    const end = host.session.hash();
    host.seek(50);
    expect(host.toFile().orders.map((o) => o.tick)).toEqual([0, 24, 100]); // 24: startex inject
    await host.advance(150);
    expect(host.session.hash()).toBe(end);
    host.seek(50);
    await host.order('mali', { tick: 0, kind: 'return', unit: 'ml-gao-1' });
    const f = host.toFile();
    expect(f.orders.map((o) => o.tick)).toEqual([0, 24, 50]);
    expect(f.tick).toBe(50);
    expect(f.fired.every((x) => x.tick <= 50)).toBe(true);
  });
});

describe('the end of the scenario', () => {
  it('refuses an order at the last tick instead of leaving it pending for ever', async () => {
    const { host } = await newHost({
      setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
    });
    while (host.tick < host.session.totalTicks) await host.advance(10_000);
    const r = await host.order('white', {
      tick: 0,
      kind: 'set-agreement',
      agreement: 'ag-ml-bf',
      active: false,
    });
    expect(r).toEqual({
      ok: false,
      error: 'the scenario has ended: an order takes effect with the next tick, and there is none',
    });
  });
});
