// The event feed over a real run: every named event the view may know becomes one readable
// line with a category and a valid selection; bookkeeping kinds stay out; incidents match.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorldDescription } from '../../src/sim/describe';
import {
  type eventSelection,
  FEED_CATEGORIES,
  feedCategory,
  type NamedEvent,
  toFeedItems,
  toIncidents,
} from '../../src/store/feed';
import { loadedApi } from './fixture';

let d: WorldDescription;
let truth: NamedEvent[];
let mali: NamedEvent[];

beforeAll(async () => {
  const { api, description } = await loadedApi('sahel-ct', 7);
  d = description;
  await api.runTo(1400);
  truth = await api.events(0, undefined, -1);
  mali = await api.events(0, undefined, 0);
});

function selectionValid(sel: ReturnType<typeof eventSelection>): boolean {
  if (!sel) return true;
  switch (sel.kind) {
    case 'unit':
      return !!d.units[sel.index];
    case 'base':
      return !!d.bases[sel.index];
    case 'place':
      return !!d.places[sel.index];
    case 'agreement':
      return !!d.agreements[sel.index];
    case 'actor':
      return !!d.actors[sel.index];
    case 'track':
      return !!d.actors[sel.actor] && sel.cell >= 0;
    case 'cell':
      return sel.cell >= 0;
  }
}

describe('feed items', () => {
  it('are one readable line per feed-worthy event, with a valid selection', () => {
    const items = toFeedItems(truth, d, 0);
    expect(items.length).toBeGreaterThan(500);
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of ['attack', 'detect', 'msg-send', 'task', 'resupply', 'inject', 'narrative'])
      expect(kinds).toContain(k);
    for (const it of items) {
      expect(FEED_CATEGORIES).toContain(it.category);
      expect(it.text.length).toBeGreaterThan(5);
      expect(it.text).not.toMatch(/undefined|\[object|NaN/);
      expect(selectionValid(it.select)).toBe(true);
    }
    // Numbered in order, newest last, ticks never decreasing.
    items.forEach((it, i) => expect(it.seq).toBe(i));
    for (let i = 1; i < items.length; i++)
      expect(items[i]!.t).toBeGreaterThanOrEqual(items[i - 1]!.t);
  });

  it('leave bookkeeping out', () => {
    for (const k of ['cop', 'losses', 'raid-end', 'cost']) expect(feedCategory(k)).toBeNull();
    const items = toFeedItems(truth, d, 0);
    expect(items.some((i) => i.kind === 'cop')).toBe(false);
  });

  it('name units and places by their names, not ids', () => {
    const attack = truth.find((e) => e.k === 'attack' && d.places.some((p) => p.id === e.target));
    expect(attack).toBeDefined();
    const [item] = toFeedItems([attack!], d, 0);
    const place = d.places.find((p) => p.id === attack!.target)!;
    expect(item!.text).toContain(place.name);
    expect(item!.select).toEqual({ kind: 'place', index: d.places.indexOf(place) });
  });

  it('in an actor view hold fewer events and only its own detections', () => {
    const a = toFeedItems(mali, d, 0);
    expect(a.length).toBeLessThan(toFeedItems(truth, d, 0).length);
    for (const it of a.filter((i) => i.kind === 'detect'))
      expect(it.text.startsWith('Mali')).toBe(true);
  });
});

describe('incident markers', () => {
  it('are the attacks, prevented raids, sovereignty incidents and lost convoys', () => {
    const inc = toIncidents(truth, d);
    const attacks = truth.filter((e) => e.k === 'attack').length;
    expect(inc.filter((m) => m.kind === 'attack')).toHaveLength(attacks);
    expect(inc.length).toBe(
      truth.filter((e) =>
        ['attack', 'prevented', 'sovereignty-incident', 'convoy-lost'].includes(String(e.k)),
      ).length,
    );
  });
});

describe('the starting placement', () => {
  it('keeps the threat cells placed before the first tick out of the feed; a spawn inject stays', () => {
    const atStart = truth.filter((e) => e.k === 'threat-spawn' && e.t === 0);
    expect(atStart.length).toBeGreaterThan(0);
    const items = toFeedItems(truth, d, 0);
    expect(items.some((f) => f.kind === 'threat-spawn' && f.t === 0)).toBe(false);
    const spawned = truth.find((e) => e.k === 'inject' && e.kind === 'spawn');
    if (spawned) {
      const i = truth.indexOf(spawned);
      expect(toFeedItems(truth.slice(i, i + 2), d, 0).map((f) => f.kind)).toEqual([
        'inject',
        'threat-spawn',
      ]);
    }
    expect(items.filter((f) => f.category === 'attacks' && f.t === 0)).toEqual([]);
  });
});
