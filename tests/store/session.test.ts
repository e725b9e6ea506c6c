// The session store as plain functions, fed by a real in-process SessionApi the way the
// bridge feeds it: every change stamped with its source, typed arrays kept out, the feed a
// capped ring, jumps rebuilding the feed and cutting metric samples from a future that may
// branch, and actor views knowing only their own trust row.
import { beforeEach, describe, expect, it } from 'vitest';
import { CORE_METRICS } from '../../src/sim/metrics';
import type { NamedEvent } from '../../src/store/feed';
import { getLatestSnapshot, setLatestSnapshot, summarize } from '../../src/store/latest-snapshot';
import {
  addMetricSamples,
  applySnapshot,
  beginLoad,
  FEED_CAP,
  getSession,
  initialState,
  loaded,
  resetToSnapshot,
  select,
  sessionStore,
  setClock,
  setLayer,
  setPending,
  setView,
} from '../../src/store/session';
import { loadedApi } from './fixture';

beforeEach(() => {
  sessionStore.setState(initialState(), true);
});

/** No typed arrays (or other non-plain objects) anywhere in the state. */
function plainOnly(v: unknown, path = 'state'): void {
  if (v === null || typeof v !== 'object') return;
  if (ArrayBuffer.isView(v)) throw new Error(`typed array in the store at ${path}`);
  for (const [k, x] of Object.entries(v)) plainOnly(x, `${path}.${k}`);
}

describe('session store', () => {
  it('takes a run in as the bridge does, and stamps every change with its source', async () => {
    const { api, description } = await loadedApi('sahel-ct', 7);
    beginLoad('sahel-ct', 7, 'user');
    expect(getSession().lastChange).toMatchObject({ action: 'beginLoad', source: 'user' });
    loaded(description, await api.hash(), 'user');
    await api.advance(200);
    const snap = await api.snapshot(-1, 0);
    setLatestSnapshot(snap);
    applySnapshot(summarize(snap), 'sim');
    const s = getSession();
    expect(s.lastChange).toMatchObject({ action: 'applySnapshot', source: 'sim' });
    expect(s.tick).toBe(200);
    expect(s.hash).toBe(await api.hash());
    expect(s.feed.length).toBeGreaterThan(0);
    expect(s.trust).toHaveLength(description.actors.length);
    expect(s.agreementsActive).toHaveLength(description.agreements.length);
    plainOnly(s);
    // The typed arrays live outside the store.
    expect(getLatestSnapshot()?.units.lon).toBeInstanceOf(Float32Array);
    select({ kind: 'unit', index: 3 }, 'user');
    expect(getSession().lastChange).toMatchObject({ action: 'select', source: 'user' });
    setLayer('units', false, 'replay');
    expect(getSession().layers.units).toBe(false);
    expect(getSession().layers.land).toBe(true);
    expect(getSession().lastChange.source).toBe('replay');
  });

  it('knows only its own trust row in an actor view', async () => {
    const { api, description } = await loadedApi('sahel-ct', 7);
    loaded(description, '', 'user');
    setView(2, 'user');
    await api.advance(50);
    const sum = summarize(await api.snapshot(2, 0));
    applySnapshot(sum, 'sim');
    const t = getSession().trust;
    expect(t[2]!.every((v) => v !== null)).toBe(true);
    expect(t[0]!.every((v) => v === null)).toBe(true);
  });

  it('keeps the feed a ring of the latest FEED_CAP items', async () => {
    const { description } = await loadedApi('sahel-ct', 7);
    loaded(description, '', 'user');
    const unit = description.units[0]!.id;
    const burst = (from: number, n: number): NamedEvent[] =>
      Array.from({ length: n }, (_, i) => ({ t: from + i, k: 'out-of-fuel', unit }));
    const sum = (tick: number, events: NamedEvent[]) => ({
      tick,
      hash: 'h',
      view: -1,
      trust: [],
      agreementsActive: [],
      rightsActive: [],
      mechanismsActive: [],
      events,
    });
    applySnapshot(sum(1500, burst(0, 1500)), 'sim');
    applySnapshot(sum(3000, burst(1500, 1500)), 'sim');
    const feed = getSession().feed;
    expect(feed).toHaveLength(FEED_CAP);
    expect(feed[feed.length - 1]!.t).toBe(2999);
    expect(feed[0]!.t).toBe(3000 - FEED_CAP);
  });

  it('rebuilds the feed on a jump and drops metric samples after it', async () => {
    const { api, description } = await loadedApi('sahel-ct', 7);
    loaded(description, '', 'user');
    await api.runTo(400);
    const ticks = [4, 100, 200, 300, 400];
    addMetricSamples(ticks, await api.metricsAt(ticks), await api.metrics(), 'sim');
    // Old or repeated samples are ignored.
    addMetricSamples([100, 400], await api.metricsAt([100, 400]), null, 'sim');
    expect(getSession().metrics.ticks).toEqual(ticks);
    await api.seek(150);
    const snap = await api.snapshot(-1, Number.MAX_SAFE_INTEGER);
    expect(snap.events).toHaveLength(0);
    const history = await api.events(0, snap.eventCount, -1);
    resetToSnapshot(summarize(snap), history, 'user');
    const s = getSession();
    expect(s.tick).toBe(150);
    expect(s.metrics.ticks).toEqual([4, 100]);
    for (const m of CORE_METRICS) expect(s.metrics.values[m]).toHaveLength(2);
    expect(s.feed.every((f) => f.t < 150)).toBe(true);
    expect(s.feed.length).toBeGreaterThan(0);
    expect(s.lastChange).toMatchObject({ action: 'resetToSnapshot', source: 'user' });
  });

  it('clears a pending switch once its tick has run, and keeps the clock within a tick', async () => {
    const { api, description } = await loadedApi('sahel-ct', 7);
    loaded(description, '', 'user');
    await api.runTo(10);
    applySnapshot(summarize(await api.snapshot(-1, 0)), 'sim');
    setPending('agreements', 0, false, 10, 'user');
    await api.order({
      tick: 10,
      kind: 'set-agreement',
      agreement: description.agreements[0]!.id,
      active: false,
    });
    applySnapshot(summarize(await api.snapshot(-1, Number.MAX_SAFE_INTEGER)), 'sim');
    expect(getSession().pending.agreements[0]).toEqual({ active: false, tick: 10 });
    expect(getSession().agreementsActive[0]).toBe(true);
    await api.advance(1);
    applySnapshot(summarize(await api.snapshot(-1, Number.MAX_SAFE_INTEGER)), 'sim');
    expect(getSession().pending.agreements[0]).toBeUndefined();
    expect(getSession().agreementsActive[0]).toBe(false);
    setClock(11 * 15 + 40);
    expect(getSession().clockMinutes).toBe(11 * 15 + 14);
    setClock(0);
    expect(getSession().clockMinutes).toBe(11 * 15);
  });

  it('refuses a view that is not an actor', async () => {
    const { description } = await loadedApi('sahel-ct', 7);
    loaded(description, '', 'user');
    setView(99, 'user');
    expect(getSession().view).toBe(-1);
    setView(1, 'user');
    expect(getSession().view).toBe(1);
  });
});
