// The worker API additions the shell relies on: metrics at past ticks (for charts filled in
// after a batch or a jump) equal what metrics() said at that tick; runUntil stops right after
// the first matching event the view may know; advance reports its own compute time; the
// description carries the MSEL with ticks.
import { describe, expect, it } from 'vitest';
import { NEXT_EVENT_KINDS } from '../../src/store/feed';
import { loadedApi } from './fixture';

describe('worker API additions', () => {
  it('metricsAt(t) equals metrics() as it stood at tick t', async () => {
    const a = await loadedApi('sahel-ct', 7);
    const b = await loadedApi('sahel-ct', 7);
    const stood = [];
    for (const t of [0, 96, 400, 700]) {
      await a.api.runTo(t);
      stood.push(await a.api.metrics());
    }
    await b.api.runTo(700);
    expect(await b.api.metricsAt([0, 96, 400, 700])).toEqual(stood);
    // Ticks beyond now are read as now.
    expect(await b.api.metricsAt([5000])).toEqual([stood[3]]);
  });

  it('runUntil stops after the first matching event, within its bound', async () => {
    const { api } = await loadedApi('sahel-ct', 7);
    const r = await api.runUntil(NEXT_EVENT_KINDS, 2000, -1);
    expect(r.event).not.toBeNull();
    expect(NEXT_EVENT_KINDS).toContain(r.event!.k);
    expect(r.event!.t).toBe(r.tick - 1);
    const before = await api.events(0, undefined, -1);
    const earlier = before.filter(
      (e) => (e.t as number) < r.tick - 1 && NEXT_EVENT_KINDS.includes(String(e.k)),
    );
    expect(earlier).toHaveLength(0);
    const bounded = await api.runUntil(['no-such-kind'], 10, -1);
    expect(bounded).toMatchObject({ ran: 10, event: null, tick: r.tick + 10 });
    expect(bounded.ms).toBeGreaterThanOrEqual(0);
  });

  it('in an actor view runUntil stops only at what the actor may know', async () => {
    const truth = await loadedApi('sahel-ct', 7);
    const mali = await loadedApi('sahel-ct', 7);
    const rt = await truth.api.runUntil(['attack'], 3000, -1);
    const rm = await mali.api.runUntil(['attack'], 3000, 0);
    expect(rt.event).not.toBeNull();
    expect(rm.tick).toBeGreaterThanOrEqual(rt.tick);
  });

  it('advance reports its compute time; the description lists the MSEL with ticks', async () => {
    const { api, description } = await loadedApi('sahel-ct', 7);
    const r = await api.advance(20);
    expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(description.injects.length).toBeGreaterThan(5);
    const startex = description.injects.find((i) => i.id === 'inj-startex')!;
    expect(startex).toMatchObject({ kind: 'narrative', tick: 24 });
    expect(startex.message).toMatch(/STARTEX/);
    for (const i of description.injects) {
      expect(i.tick).toBeGreaterThanOrEqual(0);
      expect(i.tick).toBeLessThanOrEqual(description.scenario.totalTicks);
    }
  });
});
