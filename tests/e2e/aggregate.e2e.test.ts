// Units aggregated at the overview zoom, in real Chromium on central-america (38 units, piled
// at bases at the start): at the default fit the map draws fewer unit symbols than units, no two
// symbols of one nation overlap, and every unit is drawn where its group's symbol is; panning
// keeps the groups; hovering a group names how many units of which nation it holds, a click
// selects its representative and takes it out of the group; three zoom steps in (3.4×) every
// unit is drawn on its own, and Fit brings the groups back. Screenshot of the overview at
// 1600×900: test-results/overview-aggregated.png.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_RADIUS_PX } from '../../src/map/aggregate';
import { TASK } from '../../src/sim/codes';
import { GROUND_TRUTH, takeSnapshot } from '../../src/sim/snapshot';
import { sim } from '../sim/driver';
import { type App, openAppPage, startApp } from './browser';

const SCENARIO = 'central-america';
const SEED = 3;

let app: App;
beforeAll(async () => {
  app = await startApp();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await app?.close();
});

type Json = Record<string, unknown>;
interface Stats {
  unitSymbolsDrawn: number;
  unitClusters: number;
}
interface Concord {
  store: { getState(): Json };
  map: {
    stats(): Stats;
    screenPosition(s: { kind: 'unit'; index: number }): { x: number; y: number } | null;
    screenPoint(lon: number, lat: number): { x: number; y: number };
  } | null;
}
/** In page functions: the page's `window.concord`. */
const W = () => (window as unknown as { concord: Concord }).concord;

/** Waits until the map has drawn a few more frames. */
const frames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        let n = 0;
        const next = () => (++n >= 4 ? done() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
  );

const stats = (page: Page) => page.evaluate(() => W().map!.stats());

/** Every unit's owner and where it is drawn (CSS px in the map; null: off the map). */
const drawnAt = (page: Page) =>
  page.evaluate(() => {
    const d = W().store.getState().description as { units: Array<{ owner: number }> };
    return d.units.map((u, index) => ({
      owner: u.owner,
      at: W().map!.screenPosition({ kind: 'unit', index }),
    }));
  });

/** Units at one drawn position (to 0.01 px): the symbols on screen and who each stands for. */
function symbolsOf(units: Awaited<ReturnType<typeof drawnAt>>, shown: ReadonlySet<number>) {
  const by = new Map<string, { owner: number; x: number; y: number; members: number[] }>();
  units.forEach((u, i) => {
    if (!u.at || !shown.has(i)) return;
    const key = `${u.owner}@${u.at.x.toFixed(2)},${u.at.y.toFixed(2)}`;
    const s = by.get(key) ?? { owner: u.owner, x: u.at.x, y: u.at.y, members: [] };
    s.members.push(i);
    by.set(key, s);
  });
  return [...by.values()];
}

/** Where the units are at the start, from the same scenario and seed run in Node. */
const start = takeSnapshot(sim(SCENARIO, SEED).world, GROUND_TRUTH).units;

/** The units the map draws at the start (every one but a force flow's not yet arrived). */
function unitsOnMap(): Set<number> {
  const out = new Set<number>();
  for (let u = 0; u < start.task.length; u++) if (start.task[u] !== TASK.notArrived) out.add(u);
  return out;
}

/**
 * Units drawn more than half a pixel away from their own lon/lat (at a group's symbol), or not
 * drawn though their own point is on the map.
 */
function misplaced(page: Page, shown: ReadonlySet<number>): Promise<number[]> {
  const at = [...shown].map((u) => [u, start.lon[u]!, start.lat[u]!] as const);
  return page.evaluate((at) => {
    const m = W().map!;
    const c = document.querySelector('.map-host canvas')!.getBoundingClientRect();
    return at
      .filter(([u, lon, lat]) => {
        const own = m.screenPoint(lon, lat);
        const drawn = m.screenPosition({ kind: 'unit', index: u });
        if (drawn) return Math.hypot(drawn.x - own.x, drawn.y - own.y) > 0.5;
        return own.x > 1 && own.y > 1 && own.x < c.width - 1 && own.y < c.height - 1;
      })
      .map(([u]) => u);
  }, at);
}

describe('units aggregated at the overview zoom', () => {
  it('groups one nation’s overlapping units at fit, keeps them while panning, and shows every unit three steps in', async () => {
    const shown = unitsOnMap();
    const { page, errors } = await openAppPage(
      app,
      1600,
      900,
      `?scenario=${SCENARIO}&seed=${SEED}`,
    );
    expect(await page.evaluate(() => W().store.getState().tick)).toBe(0);
    await frames(page);
    const { unitSymbolsDrawn, unitClusters } = await stats(page);
    const atFit = { unitSymbolsDrawn, unitClusters };
    const fitSymbols = symbolsOf(await drawnAt(page), shown);
    console.log(
      `${SCENARIO} at fit: ${shown.size} units, ${atFit.unitSymbolsDrawn} symbols, ${atFit.unitClusters} groups`,
    );
    expect(atFit.unitSymbolsDrawn).toBeLessThan(shown.size);
    expect(atFit.unitClusters).toBeGreaterThan(0);
    // Every unit is drawn at a symbol the map counts: one per group or lone unit.
    expect(fitSymbols.length).toBe(atFit.unitSymbolsDrawn);
    expect(fitSymbols.filter((s) => s.members.length > 1).length).toBe(atFit.unitClusters);
    // Units in a group are drawn at its symbol, not where they are (a lone unit is).
    const inGroups = fitSymbols.filter((s) => s.members.length > 1).flatMap((s) => s.members);
    const moved = new Set(await misplaced(page, shown));
    for (const s of fitSymbols)
      if (s.members.length === 1) expect(moved.has(s.members[0]!)).toBe(false);
    expect(moved.size).toBeGreaterThan(0);
    expect(inGroups.length).toBeGreaterThanOrEqual(moved.size);
    // No two symbols of one nation overlap (within a px of the merge distance).
    for (const a of fitSymbols)
      for (const b of fitSymbols)
        if (a !== b && a.owner === b.owner)
          expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(CLUSTER_RADIUS_PX - 1);
    await page.screenshot({ path: 'test-results/overview-aggregated.png' });

    // Panning moves every symbol alike and keeps the groups (no flicker while dragging).
    const canvas = (await page.locator('.map-host canvas').boundingBox())!;
    const from = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 25, { steps: 5 });
    await page.mouse.up();
    await frames(page);
    expect(await stats(page)).toMatchObject(atFit);
    const panned = symbolsOf(await drawnAt(page), shown);
    expect(panned.map((s) => s.members)).toEqual(fitSymbols.map((s) => s.members));
    panned.forEach((s, i) => {
      expect(s.x - fitSymbols[i]!.x).toBeCloseTo(60, 0);
      expect(s.y - fitSymbols[i]!.y).toBeCloseTo(25, 0);
    });

    // The biggest group: its hover card says how many of whose; a click selects one of them
    // and takes it out of the group, so it is drawn on its own (one symbol more).
    const group = [...panned].sort((a, b) => b.members.length - a.members.length)[0]!;
    const owner = await page.evaluate(
      (o) =>
        (W().store.getState().description as { actors: Array<{ name: string }> }).actors[o]!.name,
      group.owner,
    );
    await page.mouse.move(canvas.x + group.x, canvas.y + group.y);
    await expect
      .poll(() => page.locator('.hover-card').textContent())
      .toContain(`${group.members.length} ${owner} units`);
    await page.mouse.click(canvas.x + group.x, canvas.y + group.y);
    const selected = () =>
      page.evaluate(() => {
        const s = W().store.getState().selection as { kind: string; index: number } | null;
        return s?.kind === 'unit' ? s.index : -1;
      });
    await expect.poll(selected).toBe(Math.min(...group.members));
    await frames(page);
    expect((await stats(page)).unitSymbolsDrawn).toBe(atFit.unitSymbolsDrawn + 1);

    // Three zoom steps in: every unit on its own.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await frames(page);
    expect(await stats(page)).toEqual(
      expect.objectContaining({ unitSymbolsDrawn: shown.size, unitClusters: 0 }),
    );
    // Each where it is, not at a group's symbol (units of one base may still coincide).
    expect(await misplaced(page, shown)).toEqual([]);

    // Fit: the groups come back (the selected unit still on its own).
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await frames(page);
    expect((await stats(page)).unitClusters).toBeGreaterThan(0);
    expect((await stats(page)).unitSymbolsDrawn).toBeLessThan(shown.size);
    expect(errors).toEqual([]);
    await page.close();
  });
});
