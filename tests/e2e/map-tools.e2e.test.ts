// The map tools in real Chromium: measuring Niamey → Bamako by clicking the two towns on the
// sahel-ct map (R, a click, a double-click), the total shown agreeing with turf's great-circle
// distance between the very points clicked; a closed path's area; the cursor readout's MGRS of
// the point under the pointer (the mgrs package's own answer); the scale bar; the keyboard help
// (?) listing the keys; Escape clearing; a player in an exercise measuring too. Screenshots at
// 1600×900 and 1280×720 in test-results/map-tools-1600.png and map-tools-1280.png.
import { mkdirSync } from 'node:fs';
import { area, distance, polygon } from '@turf/turf';
import { forward } from 'mgrs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, mapReady, openAppPage, startApp } from './browser';

let app: App;
beforeAll(async () => {
  app = await startApp();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await app?.close();
});

type Json = Record<string, unknown>;
type LonLat = [number, number];
interface Concord {
  ready: Promise<void>;
  store: { getState(): Json };
  map: {
    screenPoint(lon: number, lat: number): { x: number; y: number };
    pointAt(x: number, y: number): { lon: number; lat: number } | null;
  } | null;
  mapTools(): { measure: { on: boolean; points: LonLat[] }; pointer: Json | null };
  scenarioDoc(name: string): Promise<unknown>;
  startExercise(o: unknown): Promise<void>;
  showRole(role: string): Promise<void>;
}
/** In page functions: the page's `window.concord`. */
const W = () => (window as unknown as { concord: Concord }).concord;

const NIAMEY: LonLat = [2.1098, 13.5116];
const BAMAKO: LonLat = [-8.0029, 12.6392];
const THIRD: LonLat = [-3, 17];

const open = (width: number, height: number) => openAppPage(app, width, height);

/**
 * Where a map point is on the page, to the whole pixel (through the map's projection and
 * camera), and the lon/lat exactly under that pixel: what a click there picks.
 */
async function onPage(
  page: Page,
  [lon, lat]: LonLat,
): Promise<{ x: number; y: number; at: LonLat }> {
  return page.evaluate(
    ([lon, lat]) => {
      const m = W().map!;
      const host = document.querySelector('.map-host')!.getBoundingClientRect();
      const s = m.screenPoint(lon!, lat!);
      const x = Math.round(host.left + s.x);
      const y = Math.round(host.top + s.y);
      const p = m.pointAt(x - host.left, y - host.top)!;
      return { x, y, at: [p.lon, p.lat] as [number, number] };
    },
    [lon, lat],
  );
}

/** The number before " km" in a "1,099.5 km · 593.7 NM" text. */
const kmIn = (text: string) => Number(/([\d,.]+) km/.exec(text)![1]!.replaceAll(',', ''));
const nmIn = (text: string) => Number(/([\d,.]+) NM/.exec(text)![1]!.replaceAll(',', ''));
const km2In = (text: string) => Number(/([\d,.]+) km²/.exec(text)![1]!.replaceAll(',', ''));

/** The degrees the readout should show: 4 decimals, N/S and E/W. */
const degrees = ([lon, lat]: LonLat) =>
  `${Math.abs(lat).toFixed(4)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon).toFixed(4)}° ${lon < 0 ? 'W' : 'E'}`;

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The map tools' boxes cover none of the map's buttons, the key or the units list. */
async function clearOfControls(page: Page): Promise<void> {
  const tools = (await page.locator('.map-tools').boundingBox())!;
  for (const sel of [
    '.map-controls .zoom',
    '.layers-toggle',
    '.legend',
    '.orders-dock',
    '.view-banner',
  ]) {
    for (const box of await page.locator(sel).all()) {
      const b = await box.boundingBox();
      if (b) expect(overlap(tools, b), `map tools over ${sel}`).toBe(false);
    }
  }
}

describe('map tools (white cell, planner)', () => {
  it('R, click Niamey, double-click Bamako: the great-circle total, the MGRS under the pointer, the help', async () => {
    const { page, errors } = await open(1600, 900);
    // The scale bar: a round length before anything is measured.
    const bar = await page.locator('.map-scale .ms-label').first().textContent();
    expect(bar).toMatch(/^[125][0,]* k?m$/);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: 'Measure distance and area' })
          .getAttribute('aria-pressed'),
      )
      .toBe('true');
    const a = await onPage(page, NIAMEY);
    const b = await onPage(page, BAMAKO);
    await page.mouse.click(a.x, a.y);
    await page.mouse.dblclick(b.x, b.y);
    await page.locator('.measure-total').waitFor();

    // The points the tool holds are the ones clicked.
    const held = await page.evaluate(() => W().mapTools().measure.points);
    expect(held).toHaveLength(2);
    for (const [i, p] of [a.at, b.at].entries()) {
      expect(held[i]![0]).toBeCloseTo(p[0], 9);
      expect(held[i]![1]).toBeCloseTo(p[1], 9);
    }
    // The total shown, in the panel and at the last point, is turf's great circle to 0.1 %.
    const expected = distance(a.at, b.at, { units: 'kilometers' });
    expect(expected).toBeGreaterThan(1090);
    const panel = (await page.locator('.mp-total').textContent())!;
    const atEnd = (await page.locator('.measure-total').textContent())!;
    for (const text of [panel, atEnd]) {
      expect(Math.abs(kmIn(text) - expected) / expected).toBeLessThan(0.001);
      expect(Math.abs(nmIn(text) - expected / 1.852) / (expected / 1.852)).toBeLessThan(0.001);
    }
    expect(await page.locator('.mp-hint').count()).toBe(0); // finished: nothing more to do

    // The cursor readout: the point under the pointer (Bamako, where it double-clicked).
    const readout = page.locator('.cursor-readout');
    await expect.poll(() => readout.locator('.cr-deg').textContent()).toBe(degrees(b.at));
    const mgrs = (await readout.locator('.cr-mgrs').textContent())!;
    expect(mgrs.replace(/^MGRS /, '').replaceAll(' ', '')).toBe(forward(b.at, 4));
    expect(mgrs).toMatch(/^MGRS 29P [A-Z]{2} \d{4} \d{4}$/);
    await clearOfControls(page);
    await page.screenshot({ path: 'test-results/map-tools-1600.png' });

    // Off the map, the readout goes.
    await page.mouse.move(1590, 450); // over the side panel
    await expect
      .poll(() => readout.evaluate((el) => getComputedStyle(el).visibility))
      .toBe('hidden');

    // ? opens the keyboard help: every key, M among them (and R for measuring); Escape closes.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.locator('[data-shortcut="move"] kbd').textContent()).toBe('M');
    expect(await help.locator('[data-shortcut="measure"] kbd').textContent()).toBe('R');
    for (const k of ['Space', '→', '←', 'N', 'O', 'U', '?', 'Shift+Enter', 'Backspace'])
      expect(await help.locator('kbd', { hasText: k }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    // The path outlived the help; Escape now clears it and stops measuring.
    expect(await page.locator('.measure-total').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.measure-panel').count()).toBe(0);
    expect(await page.locator('.measure-total').count()).toBe(0);
    expect(await page.evaluate(() => W().mapTools().measure.on)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 1280×720: the ruler button, a closed path (Shift+Enter) and its area', async () => {
    const { page, errors } = await open(1280, 720);
    await page.getByRole('button', { name: 'Measure distance and area' }).click();
    const pts = [await onPage(page, NIAMEY), await onPage(page, BAMAKO), await onPage(page, THIRD)];
    for (const p of pts) await page.mouse.click(p.x, p.y);
    // Focus is still on the ruler button: Shift+Enter closes the path instead of pressing it.
    await page.keyboard.press('Shift+Enter');
    await page.locator('.mp-area').waitFor();
    const ring = pts.map((p) => p.at);
    const km2 = area(polygon([[...ring, ring[0]!]])) / 1e6;
    const perimeter =
      distance(ring[0]!, ring[1]!) + distance(ring[1]!, ring[2]!) + distance(ring[2]!, ring[0]!);
    const text = (await page.locator('.measure-panel').textContent())!;
    expect(Math.abs(km2In(text) - km2) / km2).toBeLessThan(0.001);
    expect(
      Math.abs(kmIn((await page.locator('.mp-total').textContent())!) - perimeter) / perimeter,
    ).toBeLessThan(0.001);
    expect(await page.locator('.mp-legs').textContent()).toMatch(
      /^Legs [\d,.]+ · [\d,.]+ · [\d,.]+ km$/,
    );
    await page.mouse.move(pts[1]!.x, pts[1]!.y);
    await page.locator('.cursor-readout:not(.away)').waitFor();
    await clearOfControls(page);
    await page.screenshot({ path: 'test-results/map-tools-1280.png' });
    // Backspace opens the path again; R stops measuring.
    await page.locator('body').click({ position: { x: 5, y: 5 } }); // a click on the top bar
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.mp-area').count()).toBe(0);
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('.measure-panel').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('map tools (a player in an exercise)', () => {
  it("Mali's screen measures too, and opens the help", async () => {
    const { page, errors } = await open(1600, 900);
    await page.evaluate(async () => {
      const c = W();
      await c.startExercise({
        title: 'Map tools',
        scenario: { name: 'sahel-ct', doc: await c.scenarioDoc('sahel-ct') },
        seed: 3,
        setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
        roles: [{ actor: 'mali' }, { actor: 'niger' }],
      });
      await c.showRole('mali');
    });
    await mapReady(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    const a = await onPage(page, NIAMEY);
    const b = await onPage(page, BAMAKO);
    await page.mouse.click(a.x, a.y);
    await page.mouse.click(b.x, b.y);
    await page.keyboard.press('Enter');
    await page.locator('.measure-total').waitFor();
    const expected = distance(a.at, b.at, { units: 'kilometers' });
    const shown = kmIn((await page.locator('.mp-total').textContent())!);
    expect(Math.abs(shown - expected) / expected).toBeLessThan(0.001);
    // The help opens on a player's screen as well.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.measure-panel').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
