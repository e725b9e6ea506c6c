// Orders on the map in real Chromium: a unit chosen from the units list, a right-click on the
// map, the order menu (a keyboard menu), the engine's answer at the unit — accepted (the leg is
// drawn, the feed reads "Mali orders …", the unit moves) or refused in the engine's words —
// as the white cell and as a player (Mali) in an exercise, whose list holds only its own units.
// Leaves screenshots of the menu and of a refusal at 1600×900 and 1280×720 in test-results/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from './browser';

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
  orderLegs: number;
  pendingLegs: number;
}
interface Concord {
  ready: Promise<void>;
  runTo(t: number): Promise<string>;
  store: { getState(): Json };
  map: {
    stats(): Stats;
    screenPosition(sel: unknown): { x: number; y: number } | null;
    pointAt(x: number, y: number): { lon: number; lat: number } | null;
  } | null;
  scenarioDoc(name: string): Promise<unknown>;
  startExercise(o: unknown): Promise<void>;
  showRole(role: string): Promise<void>;
}
/** In page functions: `W()` is the page's `window.concord` (defined there by an init script). */
const W = () => (window as unknown as { concord: Concord }).concord;

async function open(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await app.context.newPage();
  await page.setViewportSize({ width, height });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    (window as unknown as { W: () => unknown }).W = () =>
      (window as unknown as { concord: unknown }).concord;
  });
  await page.goto(`${app.url}?scenario=sahel-ct&seed=3`);
  await page.waitForFunction(() => (window as unknown as { concord?: unknown }).concord);
  await page.evaluate(() => W().ready);
  await mapReady(page);
  return { page, errors };
}

async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => W().map !== null && (W().store.getState().status as Json).phase === 'ready',
  );
}

/** Description index of a unit id on the screen's description. */
const unitIndex = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      ((W().store.getState().description as Json).units as Array<{ id: string }>).findIndex(
        (u) => u.id === id,
      ),
    id,
  );

/** Where lon/lat is on the page (through the map's own pointAt: lon is linear, lat bisected). */
async function screenOf(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lon, lat]) => {
      const m = W().map!;
      const host = document.querySelector('.map-host')!.getBoundingClientRect();
      const a = m.pointAt(0, host.height / 2)!;
      const b = m.pointAt(host.width, host.height / 2)!;
      const x = ((lon! - a.lon) / (b.lon - a.lon)) * host.width;
      let lo = 0;
      let hi = host.height;
      for (let i = 0; i < 40; i++) {
        const mid = (lo + hi) / 2;
        if (m.pointAt(x, mid)!.lat > lat!) lo = mid;
        else hi = mid;
      }
      return { x: host.left + x, y: host.top + (lo + hi) / 2 };
    },
    [lon, lat],
  );
}

/** Where a unit is drawn on the page, or null off screen. */
const unitOnPage = (page: Page, u: number) =>
  page.evaluate((u) => {
    const p = W().map!.screenPosition({ kind: 'unit', index: u });
    const host = document.querySelector('.map-host')!.getBoundingClientRect();
    return p ? { x: host.left + p.x, y: host.top + p.y } : null;
  }, u);

const stats = (page: Page) => page.evaluate(() => W().map!.stats());
const feedTexts = (page: Page) =>
  page.evaluate(() => (W().store.getState().feed as Array<{ text: string }>).map((f) => f.text));
const tick = (page: Page) => page.evaluate(() => W().store.getState().tick as number);

/** Chooses a unit from the units list by keyboard: U, type, Enter. */
async function chooseFromList(page: Page, query: string): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('u');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id))
    .toBe('orders-unit-search');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
}

/** Zooms the map about a page point with the wheel (as a user would), then lets it draw. */
async function zoomAt(page: Page, at: { x: number; y: number }, deltaY: number): Promise<void> {
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, deltaY);
  await page.waitForTimeout(300);
}

/** Right-clicks a map point and waits for the order menu. */
async function rightClick(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.getByRole('menu').waitFor();
}

const MALI_POINT: [number, number] = [1.0, 15.75];
const NIGER_POINT: [number, number] = [5.5, 16.2];
const NO_TRANSIT = /Mali holds no transit right into Niger/;

describe('orders on the map (white cell)', () => {
  it('a Malian unit from the list, right-click in Mali: accepted, leg drawn, logged, it moves', async () => {
    const t0 = performance.now();
    const { page, errors } = await open(1600, 900);
    const u = await unitIndex(page, 'ml-menaka');
    expect(u).toBeGreaterThanOrEqual(0);
    await chooseFromList(page, 'motorised coy Menaka');
    await expect
      .poll(() => page.evaluate(() => W().store.getState().selection))
      .toEqual({ kind: 'unit', index: u });
    // The list folds away; focus is on the unit's "Orders…" button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('orders-open-menu');
    expect(await page.locator('.od-sel-name').textContent()).toBe('Malian motorised coy (Ménaka)');

    await zoomAt(page, (await unitOnPage(page, u))!, -700);
    const target = await screenOf(page, ...MALI_POINT);
    await rightClick(page, target);
    const items = await page.getByRole('menuitem').allInnerTexts();
    expect(items[0]).toMatch(/^Move here/);
    expect(items.some((t) => t.startsWith('Return to base'))).toBe(true);
    // A real menu: focus is on its first item; arrows move it; Escape closes it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'menuitem',
    );
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).not.toMatch(
      /^Move here/,
    );
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);

    await rightClick(page, target);
    await page.waitForTimeout(400); // the engine's dry-run verdicts
    await page.screenshot({ path: 'test-results/orders-menu-1600x900.png' });
    const before = (await unitOnPage(page, u))!;
    const dist0 = Math.hypot(before.x - target.x, before.y - target.y);
    await page.getByRole('menuitem', { name: 'Move here' }).click();
    await page.locator('.order-callout.ordered').waitFor();
    expect(await page.locator('.order-callout.ordered').textContent()).toMatch(
      /Ordered to move to 15\.8°N 1\.0°E/,
    );
    // Given at this tick, carried out with the next: drawn as a pending leg until then.
    expect((await stats(page)).pendingLegs).toBe(1);

    const t = await tick(page);
    await page.evaluate((to) => W().runTo(to), t + 12);
    await expect.poll(async () => (await stats(page)).orderLegs).toBeGreaterThanOrEqual(1);
    expect((await stats(page)).pendingLegs).toBe(0);
    expect(await feedTexts(page)).toContain(
      'Mali orders Malian motorised coy (Ménaka) to move to 15.8°N 1.0°E',
    );
    const after = (await unitOnPage(page, u))!;
    const dist1 = Math.hypot(after.x - target.x, after.y - target.y);
    expect(dist1).toBeLessThan(dist0 - 20);
    // The feed panel reads the same sentence.
    await page.getByRole('tab', { name: 'Events', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-panel="events"]').textContent())
      .toMatch(/Mali orders Malian motorised coy \(Ménaka\) to move to 15\.8°N 1\.0°E/);
    expect(errors).toEqual([]);
    await page.close();
    console.log(`accepted order: ${Math.round(performance.now() - t0)} ms`);
  });

  it.each([
    [1600, 900],
    [1280, 720],
  ])(
    'a move deep into Niger is refused at the unit, in the engine’s words (%i×%i)',
    async (w, h) => {
      const t0 = performance.now();
      const { page, errors } = await open(w, h);
      const u = await unitIndex(page, 'ml-menaka');
      await chooseFromList(page, 'motorised coy Menaka');
      await zoomAt(page, (await unitOnPage(page, u))!, -600);
      const niger = await screenOf(page, ...NIGER_POINT);
      await rightClick(page, niger);
      // The dry run explains it before it is given.
      const move = page.getByRole('menuitem', { name: 'Move here' });
      await expect.poll(() => move.textContent()).toMatch(NO_TRANSIT);
      await page.screenshot({ path: `test-results/orders-menu-${w}x${h}.png` });
      await move.click();
      const callout = page.locator('.order-callout.refused');
      await callout.waitFor();
      expect(await callout.getAttribute('role')).toBe('alert');
      expect(await callout.textContent()).toMatch(NO_TRANSIT);
      // At the unit: the callout's pointer sits just up and to the right of the unit symbol.
      const at = (await unitOnPage(page, u))!;
      const box = (await callout.locator('.oc-box').boundingBox())!;
      expect(Math.abs(box.x - (at.x + 16))).toBeLessThan(4);
      expect(Math.abs(box.y + box.height - (at.y - 16))).toBeLessThan(4);
      // No second copy of the same words in the notice.
      expect(await page.locator('.notice').count()).toBe(0);
      await page.screenshot({ path: `test-results/orders-refused-${w}x${h}.png` });
      expect((await stats(page)).pendingLegs).toBe(0);
      await page.getByRole('button', { name: 'Dismiss the refusal' }).click();
      expect(await callout.count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
      console.log(`refused order ${w}×${h}: ${Math.round(performance.now() - t0)} ms`);
    },
  );

  it('M, then click: moves the selected unit to the point clicked; Escape cancels', async () => {
    const { page, errors } = await open(1600, 900);
    const u = await unitIndex(page, 'ml-menaka');
    await chooseFromList(page, 'motorised coy Menaka');
    await page.keyboard.press('m');
    expect(await page.locator('.od-picking').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator('.od-picking').count()).toBe(0);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('m');
    const target = await screenOf(page, ...MALI_POINT);
    await page.mouse.click(target.x, target.y);
    await page.locator('.order-callout.ordered').waitFor();
    expect((await stats(page)).pendingLegs).toBe(1);
    // The click gave the order: it did not select something else.
    expect(await page.evaluate(() => W().store.getState().selection)).toEqual({
      kind: 'unit',
      index: u,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('orders on the map (a player in an exercise)', () => {
  it("Mali's list holds only its own units; its orders are accepted or refused at the unit", async () => {
    const t0 = performance.now();
    const { page, errors } = await open(1600, 900);
    await page.evaluate(async () => {
      const c = W();
      await c.startExercise({
        title: 'Orders',
        scenario: { name: 'sahel-ct', doc: await c.scenarioDoc('sahel-ct') },
        seed: 3,
        setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
        roles: [{ actor: 'mali' }, { actor: 'niger' }],
      });
      await c.showRole('mali');
    });
    await mapReady(page);
    const units = await page.evaluate(() =>
      ((W().store.getState().description as Json).units as Array<{ id: string; name: string }>).map(
        (u) => u.name,
      ),
    );
    expect(units.length).toBeGreaterThan(5);
    await page.getByRole('button', { name: /^Units \(/ }).click();
    const listed = await page.locator('#orders-unit-list button.od-unit').allInnerTexts();
    expect(listed.length).toBe(units.length);
    for (const name of listed) expect(name).toMatch(/^Malian /);

    const u = await unitIndex(page, 'ml-menaka');
    await page.getByRole('button', { name: 'Malian motorised coy (Ménaka)', exact: true }).click();
    await zoomAt(page, (await unitOnPage(page, u))!, -700);
    await rightClick(page, await screenOf(page, ...MALI_POINT));
    await page.getByRole('menuitem', { name: 'Move here' }).click();
    await page.locator('.order-callout.ordered').waitFor();
    expect((await stats(page)).pendingLegs).toBe(1);

    await rightClick(page, await screenOf(page, ...NIGER_POINT));
    await page.getByRole('menuitem', { name: 'Move here' }).click();
    await page.locator('.order-callout.refused').waitFor();
    expect(await page.locator('.order-callout.refused').textContent()).toMatch(NO_TRANSIT);
    await page.screenshot({ path: 'test-results/orders-player-refused-1600x900.png' });

    // The white cell runs the clock; back on Mali's screen its feed holds its own order.
    const t = await tick(page);
    await page.evaluate(async (to) => {
      await W().showRole('white');
      await W().runTo(to);
      await W().showRole('mali');
    }, t + 8);
    await mapReady(page);
    await expect.poll(async () => (await stats(page)).orderLegs).toBeGreaterThanOrEqual(1);
    expect(await feedTexts(page)).toContain(
      'Mali orders Malian motorised coy (Ménaka) to move to 15.8°N 1.0°E',
    );
    expect(errors).toEqual([]);
    await page.close();
    console.log(`player orders: ${Math.round(performance.now() - t0)} ms`);
  });
});
