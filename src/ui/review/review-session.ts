// The review's commands, over injected engines and maps (review-bridge.ts makes the browser's):
// open the live session's record in an engine of its own, replay it (seek), show an actor's
// picture beside the ground truth, compute the after-action report's data and map images,
// branch "what if" in a second engine and compare, export. Every conversation with the replay
// engine goes through one chain, so a seek never overlaps the report's pass or an image.

import type { LoadResult, OrderResult, TickResult } from '../../../workers/session-api';
import type { AfterActionReport } from '../../exercise/aar';
import type { BranchOrder, Comparison } from '../../exercise/aar-branch';
import type { EventFeatures } from '../../exercise/geojson';
import type { SessionFile } from '../../exercise/session-file';
import type { LayerVisibility, MapView, MapViewOptions } from '../../map/types';
import type { WorldDescription } from '../../sim/describe';
import type { Snapshot } from '../../sim/snapshot';
import type { Order } from '../../sim/world';
import {
  getReview,
  type MapImage,
  patchReview,
  resetReview,
  setBranch,
  setReviewTick,
  updateBranch,
} from '../../store/review';

/** What the review asks of an engine (a review worker's API, over comlink in the browser). */
export interface ReviewEngineApi {
  openSession(doc: unknown, id?: string): Promise<LoadResult>;
  reviewSeek(tick: number): Promise<TickResult>;
  reviewData(): Promise<{ aar: AfterActionReport; geojson: EventFeatures }>;
  snapshot(view: number, sinceEvent: number): Promise<Snapshot>;
  roleDescribe(actor: number): Promise<WorldDescription>;
  roleSnapshot(actor: number, sinceEvent: number): Promise<Snapshot>;
  branchFrom(file: SessionFile, tick: number): Promise<OrderResult>;
  branchOrder(order: Order, role: string): Promise<OrderResult>;
  branchOrders(): Promise<BranchOrder[]>;
  compare(tick: number): Promise<Comparison>;
}

export interface ReviewEngine {
  api: ReviewEngineApi;
  dispose(): void;
}

export interface ReviewDeps {
  newEngine(): ReviewEngine;
  /** The live exercise's record as it stands (what "Save" writes). */
  liveFile(): Promise<SessionFile>;
  createMap(o: MapViewOptions): Promise<MapView>;
  topology(atlas: '50m' | '10m'): Promise<unknown>;
  layers(): LayerVisibility;
  /** A hidden element of a fixed size to draw report images in (removed by `dispose`). */
  offscreen(width: number, height: number): { el: HTMLElement; dispose(): void };
  /** Resolves after the next drawn frame (the map interpolates towards a pushed snapshot). */
  nextFrame(): Promise<void>;
}

/** Report images are drawn at this size (CSS px) off screen. */
export const IMAGE_SIZE = { width: 1000, height: 640 };
/** At most this many bookmarks get map images. */
const MAX_IMAGES = 12;
const ALL = Number.MAX_SAFE_INTEGER;

type Slot = 'truth' | 'actor';

/** A map's last snapshot: its tick, units placed, true threat cells and tracks held. */
export interface ShownCounts {
  tick: number;
  units: number;
  cells: number;
  tracks: number;
}

export function createReviewSession(deps: ReviewDeps) {
  let replay: ReviewEngine | null = null;
  let branch: ReviewEngine | null = null;
  let file: SessionFile | null = null;
  let geojson: EventFeatures | null = null;
  let gen = 0;
  let chain: Promise<unknown> = Promise.resolve();
  const maps: Record<Slot, MapView | null> = { truth: null, actor: null };
  const hosts: Record<Slot, HTMLElement | null> = { truth: null, actor: null };
  const mapGen: Record<Slot, number> = { truth: 0, actor: 0 };
  /** What each map shows now: its snapshot's tick and counts (for tests and the status line). */
  const shown: Record<Slot, ShownCounts | null> = { truth: null, actor: null };
  let actorDescription: WorldDescription | null = null;
  let dataPending: Promise<AfterActionReport | null> | null = null;

  /** Runs `fn` after every earlier conversation with the replay engine. */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  }

  function fail(what: string, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    console.warn(`${what}: ${message}`, e);
    patchReview({ notice: `${what}: ${message}` });
  }

  // ——— opening and closing ———

  async function open(): Promise<void> {
    if (getReview().open) return;
    const g = ++gen;
    resetReview();
    patchReview({ open: true, status: 'opening' });
    try {
      const f = await deps.liveFile();
      if (g !== gen) return;
      file = f;
      replay = deps.newEngine();
      const r = await replay.api.openSession(f);
      if (g !== gen) return;
      if (!r.ok) {
        patchReview({ status: 'error', error: r.problems.join('\n') });
        return;
      }
      const d = r.description;
      const actorName = (id: string | null) => d.actors.find((a) => a.id === id)?.name;
      const roles = f.roles.map((x) => ({
        id: x.id,
        name: x.actor !== null && x.name === x.actor ? (actorName(x.actor) ?? x.name) : x.name,
        actor: x.actor,
      }));
      const played = roles.find((x) => x.actor !== null)?.actor ?? null;
      const actor = Math.max(0, played ? d.actors.findIndex((a) => a.id === played) : 0);
      patchReview({
        status: 'ready',
        title: f.title || d.scenario.name,
        description: d,
        roles,
        endTick: r.tick,
        tick: r.tick,
        actor,
        bookmarks: f.bookmarks.map((b) => ({
          tick: b.tick,
          role: b.role,
          roleName: roles.find((x) => x.id === b.role)?.name ?? b.role,
          note: b.note,
        })),
      });
      await Promise.all([ensureMap('truth'), ensureMap('actor')]);
      await exclusive(refresh);
      // The report's data in the background: the timeline's markers come from it.
      void reportData();
    } catch (e) {
      if (g === gen)
        patchReview({ status: 'error', error: e instanceof Error ? e.message : String(e) });
    }
  }

  function close(): void {
    gen++;
    for (const slot of ['truth', 'actor'] as const) destroyMap(slot);
    replay?.dispose();
    branch?.dispose();
    replay = null;
    branch = null;
    file = null;
    geojson = null;
    dataPending = null;
    actorDescription = null;
    chain = Promise.resolve();
    resetReview();
  }

  // ——— the two maps ———

  function destroyMap(slot: Slot): void {
    mapGen[slot]++;
    shown[slot] = null;
    maps[slot]?.destroy();
    maps[slot] = null;
  }

  /** A map's host element mounts (or unmounts: null). */
  function attach(slot: Slot, el: HTMLElement | null): void {
    if (hosts[slot] === el) return;
    hosts[slot] = el;
    destroyMap(slot);
    if (el) void ensureMap(slot).then(() => exclusive(refresh));
  }

  async function ensureMap(slot: Slot): Promise<void> {
    const s = getReview();
    const host = hosts[slot];
    if (maps[slot] || !host || !s.description || !replay) return;
    const g = ++mapGen[slot];
    try {
      const description =
        slot === 'truth' ? s.description : await exclusive(() => replay!.api.roleDescribe(s.actor));
      if (slot === 'actor') actorDescription = description;
      const topology = await deps.topology(description.scenario.atlas);
      if (g !== mapGen[slot] || hosts[slot] !== host) return;
      const view = await deps.createMap({
        container: host,
        description,
        topology,
        view: slot === 'truth' ? -1 : s.actor,
        layers: deps.layers(),
        onSelect: () => undefined,
      });
      if (g !== mapGen[slot] || hosts[slot] !== host) {
        view.destroy();
        return;
      }
      maps[slot] = view;
    } catch (e) {
      fail('The map could not start', e);
    }
  }

  /** Both maps to the engine's tick (call inside `exclusive`). */
  async function refresh(): Promise<void> {
    if (!replay) return;
    if (maps.truth) show('truth', await replay.api.snapshot(-1, ALL));
    const actor = getReview().actor;
    if (maps.actor && actor >= 0) {
      const snap = await replay.api.roleSnapshot(actor, ALL);
      // Another actor chosen meanwhile: its own refresh follows.
      if (getReview().actor === actor) show('actor', snap);
    }
  }

  /**
   * Hands a snapshot to a map read after the engine answered: the page may have switched to
   * the report (maps destroyed) or remounted them while it was asked.
   */
  function show(slot: Slot, snap: Snapshot): void {
    const map = maps[slot];
    if (!map) return;
    map.pushSnapshot(snap, 0);
    shown[slot] = {
      tick: snap.tick,
      units: snap.units.lon.filter((v) => Number.isFinite(v)).length,
      cells: snap.cells.cell.length,
      tracks: snap.tracks.cell.length,
    };
  }

  // ——— replay ———

  let seekTarget: number | null = null;
  let seeking: Promise<void> | null = null;
  /** Goes to a tick of the recorded session (coalesced: the last asked wins). */
  function seek(tick: number): Promise<void> {
    const s = getReview();
    seekTarget = Math.max(0, Math.min(Math.round(tick), s.endTick));
    setReviewTick(seekTarget);
    if (!seeking)
      seeking = (async () => {
        while (seekTarget !== null) {
          const t = seekTarget;
          seekTarget = null;
          await exclusive(async () => {
            if (!replay) return;
            await replay.api.reviewSeek(t);
            await refresh();
          }).catch((e) => fail('Seek failed', e));
        }
        seeking = null;
      })();
    return seeking;
  }

  async function setActor(actor: number): Promise<void> {
    if (actor === getReview().actor) return;
    patchReview({ actor });
    destroyMap('actor');
    await ensureMap('actor');
    await exclusive(refresh);
  }

  function zoom(factor: number): void {
    maps.truth?.zoomBy(factor);
    maps.actor?.zoomBy(factor);
  }

  function fit(): void {
    maps.truth?.fit();
    maps.actor?.fit();
  }

  // ——— the report ———

  /** The report's data (one more pass over the session in the review engine), computed once. */
  function reportData(): Promise<AfterActionReport | null> {
    if (dataPending) return dataPending;
    const g = gen;
    patchReview({ aarStatus: 'computing' });
    dataPending = exclusive(async () => {
      if (!replay) return null;
      const data = await replay.api.reviewData();
      // The pass leaves the engine at the end: back to where the review stands.
      await replay.api.reviewSeek(getReview().tick);
      return data;
    }).then(
      (data) => {
        if (g !== gen || !data) return null;
        geojson = data.geojson;
        patchReview({ aar: data.aar, aarStatus: 'ready' });
        return data.aar;
      },
      (e) => {
        if (g === gen) {
          patchReview({ aarStatus: 'error' });
          fail('The report could not be computed', e);
        }
        dataPending = null;
        return null;
      },
    );
    return dataPending;
  }

  /** Opens the report page: its data, then map images at every bookmark and at the end. */
  async function showReport(): Promise<void> {
    patchReview({ page: 'report' });
    await reportData();
    if (getReview().imagesStatus === 'idle') await makeImages();
  }

  function showReplay(): void {
    patchReview({ page: 'replay' });
  }

  /** Map images (ground truth, and the chosen actor's picture) at each bookmark and at the end. */
  async function makeImages(): Promise<MapImage[]> {
    const s = getReview();
    const d = s.description;
    if (!replay || !d) return [];
    const g = gen;
    patchReview({ imagesStatus: 'making' });
    const ticks = [...new Set([...s.bookmarks.map((b) => b.tick), s.endTick])]
      .sort((a, b) => a - b)
      .slice(-MAX_IMAGES);
    const truthHost = deps.offscreen(IMAGE_SIZE.width, IMAGE_SIZE.height);
    const actorHost = deps.offscreen(IMAGE_SIZE.width, IMAGE_SIZE.height);
    const made: MapView[] = [];
    try {
      const images = await exclusive(async () => {
        const topology = await deps.topology(d.scenario.atlas);
        const actorDesc = s.actor >= 0 ? await replay!.api.roleDescribe(s.actor) : null;
        const make = (description: WorldDescription, el: HTMLElement, view: number) =>
          deps.createMap({
            container: el,
            description,
            topology,
            view,
            layers: deps.layers(),
            onSelect: () => undefined,
          });
        const truthMap = await make(d, truthHost.el, -1);
        made.push(truthMap);
        const actorMap = actorDesc ? await make(actorDesc, actorHost.el, s.actor) : null;
        if (actorMap) made.push(actorMap);
        const out: MapImage[] = [];
        const actorName = d.actors[s.actor]?.name ?? 'Actor';
        for (const t of ticks) {
          if (g !== gen) return out;
          await replay!.api.reviewSeek(t);
          truthMap.pushSnapshot(await replay!.api.snapshot(-1, ALL), 0);
          if (actorMap) actorMap.pushSnapshot(await replay!.api.roleSnapshot(s.actor, ALL), 0);
          await deps.nextFrame();
          out.push({ tick: t, view: 'Ground truth', src: await truthMap.extractImage() });
          if (actorMap) out.push({ tick: t, view: actorName, src: await actorMap.extractImage() });
        }
        await replay!.api.reviewSeek(getReview().tick);
        return out;
      });
      if (g === gen) patchReview({ images, imagesStatus: 'ready' });
      return images;
    } catch (e) {
      if (g === gen) {
        patchReview({ imagesStatus: 'error' });
        fail('Map images could not be made', e);
      }
      return [];
    } finally {
      for (const m of made) m.destroy();
      truthHost.dispose();
      actorHost.dispose();
    }
  }

  /** The event log as GeoJSON (computed with the report's data). */
  async function eventsGeoJson(): Promise<EventFeatures | null> {
    await reportData();
    return geojson;
  }

  // ——— what if ———

  /** A branch from the review's tick, in an engine of its own. */
  async function branchHere(): Promise<void> {
    const s = getReview();
    if (!file) return;
    const tick = s.tick;
    setBranch({ tick, status: 'opening', orders: [], comparison: null, error: null });
    try {
      branch ??= deps.newEngine();
      const r = await branch.api.branchFrom(file, tick);
      updateBranch((b) => {
        b.status = r.ok ? 'ready' : 'error';
        b.error = r.ok ? null : r.error;
      });
    } catch (e) {
      updateBranch((b) => {
        b.status = 'error';
        b.error = e instanceof Error ? e.message : String(e);
      });
    }
  }

  /** Gives an order in the branch (checked for the role as in play); refusals are listed. */
  async function branchOrder(order: Order, role: string, text: string): Promise<OrderResult> {
    if (!branch || !getReview().branch) return { ok: false, error: 'no branch' };
    const r = await branch.api.branchOrder(order, role);
    updateBranch((b) => {
      b.orders.push({ role, text, ok: r.ok, error: r.ok ? null : r.error });
      b.comparison = null;
    });
    return r;
  }

  /** Runs the branch and the recorded session to `tick` and compares their core metrics. */
  async function compare(tick: number): Promise<Comparison | null> {
    if (!branch || !getReview().branch) return null;
    updateBranch((b) => {
      b.status = 'running';
      b.error = null;
    });
    try {
      const c = await branch.api.compare(tick);
      updateBranch((b) => {
        b.status = 'ready';
        b.comparison = c;
      });
      return c;
    } catch (e) {
      updateBranch((b) => {
        b.status = 'error';
        b.error = e instanceof Error ? e.message : String(e);
      });
      return null;
    }
  }

  function endBranch(): void {
    branch?.dispose();
    branch = null;
    setBranch(null);
  }

  return {
    open,
    close,
    attach,
    seek,
    setActor,
    zoom,
    fit,
    reportData,
    showReport,
    showReplay,
    makeImages,
    eventsGeoJson,
    branchHere,
    branchOrder,
    compare,
    endBranch,
    /** The actor map's role description (its unit list, for the branch's order form). */
    actorDescription: () => actorDescription,
    /** The saved session the review replays. */
    file: () => file,
    map: (slot: Slot) => maps[slot],
    /** The counts of the snapshot a map shows now (null: no map). */
    shown: (slot: Slot) => (shown[slot] ? { ...shown[slot] } : null),
  };
}

export type ReviewSession = ReturnType<typeof createReviewSession>;
