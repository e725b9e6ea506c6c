// The pure helpers of the shell: the date-time group and D+ clock, URL state, and how the
// play loop paces itself at fixed speeds and at "max".
import { describe, expect, it } from 'vitest';
import {
  MAX_BATCH,
  MAX_CALL_MS,
  MAX_FRAME_GAP_MS,
  Pacer,
  TARGET_CALL_MS,
} from '../../src/store/pacing';
import { dDay, dPlus, dtg, ticksPerHour } from '../../src/store/time';
import {
  checkUrlState,
  checkUrlView,
  decodeOrders,
  encodeOrders,
  formatUrlState,
  parseUrlState,
  viewIndex,
  viewName,
} from '../../src/store/url';

describe('scenario clock', () => {
  const start = '2026-01-05T00:00:00Z';
  it('writes the date-time group as DDHHMMZ MON YY', () => {
    expect(dtg(start, 0)).toBe('050000Z JAN 26');
    expect(dtg(start, 2 * 1440 + 4 * 60 + 30)).toBe('070430Z JAN 26');
    expect(dtg(start, 27 * 1440 + 23 * 60 + 59)).toBe('012359Z FEB 26');
    expect(dtg('2025-12-31T23:45:00Z', 15)).toBe('010000Z JAN 26');
  });
  it('counts D+ days from the start', () => {
    expect(dPlus(0)).toBe('D+0 00:00');
    expect(dPlus(2 * 1440 + 270)).toBe('D+2 04:30');
    expect(dDay(1439)).toBe('D+0');
    expect(dDay(1440)).toBe('D+1');
    expect(ticksPerHour(15)).toBe(4);
    expect(ticksPerHour(120)).toBe(1);
  });
});

describe('URL state', () => {
  it('round-trips scenario, seed, tick and view', () => {
    const q = formatUrlState({ scenario: 'sahel-ct', seed: 7, tick: 960, view: 'mali' });
    expect(q).toBe('?scenario=sahel-ct&seed=7&t=960&view=mali');
    expect(parseUrlState(q)).toEqual({ scenario: 'sahel-ct', seed: 7, tick: 960, view: 'mali' });
  });
  it('ignores what is not a whole number, and keeps the raw text to say what was changed', () => {
    const u = parseUrlState('?scenario=sahel&seed=1.5&t=-3');
    expect(u).toEqual({
      scenario: 'sahel',
      seed: null,
      tick: null,
      view: null,
      raw: { seed: '1.5', t: '-3' },
    });
    expect(checkUrlState(u, ['sahel-ct', 'sea-maritime'], 'sahel-ct')).toEqual([
      'there is no scenario "sahel"; sahel-ct opened instead',
      'seed "1.5" is not a whole number from 0 up; seed 1 is used',
      't "-3" is not a tick from 0 up; the run opens at its start',
    ]);
    expect(checkUrlView('france', ['mali'])).toMatch(/no actor "france"/);
    expect(checkUrlView('mali', ['mali'])).toBeNull();
  });
  it('carries orders as base64url JSON, and refuses text that is not', () => {
    const orders = [{ tick: 5, kind: 'set-agreement', agreement: 'ag-ml-bf', active: false }];
    const q = formatUrlState({
      scenario: 's',
      seed: 1,
      tick: 9,
      view: 'truth',
      orders: encodeOrders(orders),
    });
    const u = parseUrlState(q);
    expect(u.orders).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOrders(u.orders!)).toEqual(orders);
    expect(decodeOrders('%%%')).toBeNull();
  });
  it('maps view names to indices and back', () => {
    const ids = ['mali', 'burkina'];
    expect(viewIndex('truth', ids)).toBe(-1);
    expect(viewIndex(null, ids)).toBe(-1);
    expect(viewIndex('burkina', ids)).toBe(1);
    expect(viewIndex('atlantis', ids)).toBe(-1);
    expect(viewName(-1, ids)).toBe('truth');
    expect(viewName(0, ids)).toBe('mali');
  });
});

describe('pacing at fixed speeds', () => {
  it('runs one 15-minute tick per 15 real minutes at 1×', () => {
    const p = new Pacer();
    let ticks = 0;
    // 15 real minutes in 60 fps frames.
    for (let i = 0; i < 15 * 60 * 60; i++) ticks += p.due(1000 / 60, 1, 15);
    expect(ticks).toBe(1);
  });
  it('runs four 15-minute ticks per real second at 3600×', () => {
    const p = new Pacer();
    let ticks = 0;
    for (let i = 0; i < 60; i++) ticks += p.due(1000 / 60, 3600, 15);
    expect(ticks).toBe(4);
    expect(Pacer.spanMs(1, 3600, 15)).toBe(250);
  });
  it('does not turn a long pause between frames into a burst', () => {
    const p = new Pacer();
    expect(p.due(60_000, 3600, 15)).toBe(Math.floor(((MAX_FRAME_GAP_MS / 60_000) * 3600) / 15));
  });
});

describe('pacing at max', () => {
  it('grows the batch toward the target call time, at most ×2 a round', () => {
    const p = new Pacer();
    p.batch = 10;
    p.adapt(10, 1);
    expect(p.batch).toBe(20);
    p.adapt(20, TARGET_CALL_MS);
    expect(p.batch).toBe(20);
    p.adapt(20, TARGET_CALL_MS * 4);
    expect(p.batch).toBe(10);
  });
  it('does not grow on a short last batch, and stays within bounds', () => {
    const p = new Pacer();
    p.batch = 100;
    p.adapt(30, 1);
    expect(p.batch).toBe(100);
    p.batch = MAX_BATCH;
    p.adapt(MAX_BATCH, 0.01);
    expect(p.batch).toBe(MAX_BATCH);
    p.batch = 1;
    p.adapt(1, 10_000);
    expect(p.batch).toBe(1);
  });
  it('lets the worker run longer rounds when the main thread is slow to answer', () => {
    const fast = new Pacer();
    const slow = new Pacer();
    for (let i = 0; i < 20; i++) {
      fast.adapt(fast.batch, fast.batch * 0.2, fast.batch * 0.2 + 2);
      slow.adapt(slow.batch, slow.batch * 0.2, slow.batch * 0.2 + 800);
    }
    // ~0.2 ms a tick: 22 ms is ~110 ticks; with 800 ms of main-thread overhead, up to 250 ms.
    expect(fast.batch * 0.2).toBeGreaterThan(TARGET_CALL_MS * 0.5);
    expect(fast.batch * 0.2).toBeLessThan(TARGET_CALL_MS * 2);
    expect(slow.batch * 0.2).toBeGreaterThan(TARGET_CALL_MS * 4);
    expect(slow.batch * 0.2).toBeLessThanOrEqual(MAX_CALL_MS * 2);
  });
});
