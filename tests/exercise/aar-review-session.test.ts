// The review's commands (src/ui/review/review-session.ts) over a fake engine and fake maps:
// a snapshot asked for a map that is destroyed before the engine answers (the page switched
// to the report) is dropped, not pushed into the destroyed map; a picture asked for one actor
// never lands on the map of the next one chosen; what each map shows is counted.
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionFile } from '../../src/exercise/session-file';
import type { LayerVisibility, MapView } from '../../src/map/types';
import type { Snapshot } from '../../src/sim/snapshot';
import { getReview } from '../../src/store/review';
import {
  createReviewSession,
  type ReviewEngineApi,
  type ReviewSession,
} from '../../src/ui/review/review-session';

/** A promise and its resolver, to answer the engine's calls when the test says. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const description = {
  scenario: { name: 'Test', atlas: '50m', tickMinutes: 15, start: '2026-01-05T00:00:00Z' },
  actors: [{ id: 'mali' }, { id: 'niger' }],
};

/** A snapshot with `units` placed units and `cells` true threat cells. */
const snap = (tick: number, view: number, units: number, cells: number) =>
  ({
    tick,
    view,
    units: { lon: new Float32Array(units) },
    cells: { cell: new Int32Array(cells) },
    tracks: { cell: new Int32Array(0) },
  }) as unknown as Snapshot;

interface FakeMap {
  view: number;
  destroyed: boolean;
  pushed: Snapshot[];
  pushedAfterDestroy: number;
}

function setup() {
  const maps: FakeMap[] = [];
  const pending: Array<{ view: number; answer: (s: Snapshot) => void }> = [];
  /** Snapshots wait for the test to answer them (view −1 truth, else the actor's). */
  const ask = (view: number) => {
    const d = deferred<Snapshot>();
    pending.push({ view, answer: d.resolve });
    return d.promise;
  };
  const api = {
    openSession: async () => ({ ok: true, description, sessionId: 's', tick: 72 }),
    reviewSeek: async (tick: number) => ({ tick, hash: 'h' }),
    reviewData: async () => ({ aar: {}, geojson: {} }),
    snapshot: (view: number) => ask(view),
    roleSnapshot: (actor: number) => ask(actor),
    roleDescribe: async () => description,
  } as unknown as ReviewEngineApi;
  const review = createReviewSession({
    newEngine: () => ({ api, dispose: () => undefined }),
    liveFile: async () =>
      ({
        title: 'T',
        roles: [{ id: 'mali', actor: 'mali', name: 'Mali' }],
        bookmarks: [],
      }) as unknown as SessionFile,
    createMap: async (o) => {
      const m: FakeMap = { view: o.view, destroyed: false, pushed: [], pushedAfterDestroy: 0 };
      maps.push(m);
      return {
        pushSnapshot(s: Snapshot) {
          if (m.destroyed) m.pushedAfterDestroy++;
          else m.pushed.push(s);
        },
        destroy() {
          m.destroyed = true;
        },
      } as unknown as MapView;
    },
    topology: async () => ({}),
    layers: () => ({}) as LayerVisibility,
    offscreen: () => ({ el: {} as HTMLElement, dispose: () => undefined }),
    nextFrame: async () => undefined,
  });
  return { review, maps, pending };
}

/** Lets the review's promise chains run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

let current: ReviewSession | null = null;
afterEach(() => {
  current?.close();
  current = null;
});

describe('the review session’s maps', () => {
  it('drops a snapshot whose map was destroyed while the engine answered', async () => {
    const { review, maps, pending } = setup();
    current = review;
    await review.open();
    expect(getReview()).toMatchObject({ status: 'ready', endTick: 72, actor: 0 });
    review.attach('truth', {} as HTMLElement);
    await settle();
    expect(maps).toHaveLength(1);
    expect(pending.map((p) => p.view)).toEqual([-1]);
    // The page switches to the report: the map goes, then the engine answers.
    review.attach('truth', null);
    expect(maps[0]!.destroyed).toBe(true);
    pending.shift()!.answer(snap(72, -1, 58, 15));
    await settle();
    expect(maps[0]!.pushedAfterDestroy).toBe(0);
    expect(review.shown('truth')).toBeNull();
  });

  it('counts what each map shows, and never puts one actor’s picture on the next one’s map', async () => {
    const { review, maps, pending } = setup();
    current = review;
    await review.open();
    review.attach('truth', {} as HTMLElement);
    review.attach('actor', {} as HTMLElement);
    await settle();
    // Both maps ask in turn through the one chain; answer all that come.
    const answerAll = async (tick: number, units: (view: number) => number) => {
      for (let i = 0; i < 10 && pending.length; i++) {
        const p = pending.shift()!;
        p.answer(snap(tick, p.view, units(p.view), p.view < 0 ? 15 : 0));
        await settle();
      }
    };
    await answerAll(72, (v) => (v < 0 ? 58 : 14));
    expect(review.shown('truth')).toEqual({ tick: 72, units: 58, cells: 15, tracks: 0 });
    expect(review.shown('actor')).toEqual({ tick: 72, units: 14, cells: 0, tracks: 0 });

    // Mali's picture is being fetched when Niger is chosen: it must not land on Niger's map.
    const seek = review.seek(24);
    await settle();
    expect(pending.map((p) => p.view)).toEqual([-1]);
    pending.shift()!.answer(snap(24, -1, 58, 15));
    await settle();
    expect(pending.map((p) => p.view)).toEqual([0]);
    const choose = review.setActor(1);
    await settle();
    pending.shift()!.answer(snap(24, 0, 14, 0));
    await seek;
    await settle();
    await answerAll(24, (v) => (v < 0 ? 58 : 11));
    await choose;
    const niger = maps.filter((m) => m.view === 1);
    expect(niger).toHaveLength(1);
    expect(niger[0]!.pushed.every((s) => s.view === 1)).toBe(true);
    expect(niger[0]!.pushed.length).toBeGreaterThan(0);
    expect(review.shown('actor')).toEqual({ tick: 24, units: 11, cells: 0, tracks: 0 });
    expect(maps.every((m) => m.pushedAfterDestroy === 0)).toBe(true);
  });
});
