// The ORBAT tab in real Chromium on sahel-ct: the tree lists every actor with units; the
// search "boulkessi" leaves Mali's two Boulkessi companies under the joint force; choosing one
// selects it and pans the map until the unit is at the view's centre; a click on a unit on the
// map highlights and scrolls to its row (the ORBAT stays open); the keyboard alone does it too
// (search, Tab, ↓, Enter; ← → close and open) without the clock's arrow keys firing; a player
// (Mali, in an exercise) sees only its own units. Screenshots at 1600×900 and 1280×720 in
// test-results/orbat-1600.png and orbat-1280.png.
import { mkdirSync } from 'node:fs';
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
interface Desc {
  actors: Array<{ id: string; name: string }>;
  units: Array<{ id: string; name: string; owner: number }>;
}
interface Concord {
  ready: Promise<void>;
  store: { getState(): Json };
  map: {
    screenPosition(s: { kind: 'unit'; index: number }): { x: number; y: number } | null;
  } | null;
  scenarioDoc(name: string): Promise<unknown>;
  startExercise(o: unknown): Promise<void>;
  showRole(role: string): Promise<void>;
}
/** In page functions: the page's `window.concord`. */
const W = () => (window as unknown as { concord: Concord }).concord;

const open = (width: number, height: number) => openAppPage(app, width, height);

const description = (page: Page) =>
  page.evaluate(() => W().store.getState().description as unknown as Desc);
const selectedUnit = (page: Page) =>
  page.evaluate(() => {
    const s = W().store.getState().selection as { kind: string; index: number } | null;
    return s?.kind === 'unit' ? s.index : -1;
  });
const texts = (page: Page, sel: string) =>
  page.locator(sel).evaluateAll((els) => els.map((e) => e.textContent ?? ''));
/** Actor names on the actor rows (the count badge cut off). */
const actorRows = (page: Page) =>
  page.locator('.ob-actor .ob-name').evaluateAll((els) => els.map((e) => e.textContent ?? ''));

/** How far unit u is drawn from the centre of the map's canvas, in CSS px (null: off screen). */
function offCentre(page: Page, u: number): Promise<number | null> {
  return page.evaluate((u) => {
    const p = W().map!.screenPosition({ kind: 'unit', index: u });
    const c = document.querySelector('.map-host canvas')!.getBoundingClientRect();
    return p ? Math.hypot(p.x - c.width / 2, p.y - c.height / 2) : null;
  }, u);
}

async function openOrbat(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'ORBAT', exact: true }).click();
  await page.locator('#panel-orbat [role="tree"]').waitFor();
}

/** No text in the ORBAT panel under 14 px (projector first). */
async function smallestText(page: Page): Promise<number> {
  return page.locator('#panel-orbat').evaluate((root) => {
    let min = Number.POSITIVE_INFINITY;
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      min = Math.min(min, Number.parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
}

describe('the ORBAT (white cell)', () => {
  it('lists every actor, searches, chooses, follows the map, and works from the keyboard', async () => {
    const { page, errors } = await open(1600, 900);
    const d = await description(page);
    await openOrbat(page);
    // Every actor that has units, in the description's order.
    const owners = new Set(d.units.map((u) => u.owner));
    const withUnits = d.actors.filter((_, i) => owners.has(i)).map((a) => a.name);
    expect(await actorRows(page)).toEqual(withUnits);
    expect(withUnits.length).toBeGreaterThan(4);

    // The search leaves Mali's Boulkessi companies, under Mali and the joint force.
    await page.fill('#orbat-search', 'boulkessi');
    await expect.poll(() => actorRows(page)).toEqual(['Mali']);
    const boulkessi = d.units.filter((u) => /boulkessi/i.test(u.name));
    expect(boulkessi.length).toBe(2);
    expect(await texts(page, '.ob-unit .ob-name')).toEqual(boulkessi.map((u) => u.name));
    expect(await texts(page, '.ob-command .ob-name')).toEqual([
      expect.stringMatching(/G5 Sahel Joint Force/),
    ]);

    // Choosing one selects it and brings it to the map's centre.
    const u1 = d.units.findIndex((u) => u.id === boulkessi[0]!.id);
    const before = await offCentre(page, u1);
    expect(before === null || before > 40).toBe(true);
    await page.locator('.ob-unit').first().click();
    await expect.poll(() => selectedUnit(page)).toBe(u1);
    await expect.poll(() => offCentre(page, u1)).toBeLessThan(2);
    await expect
      .poll(() => page.locator('.ob-unit[aria-selected="true"] .ob-name').textContent())
      .toBe(boulkessi[0]!.name);

    // A unit clicked on the map: its row is highlighted and scrolled into view, ORBAT open.
    await page.fill('#orbat-search', '');
    const canvas = (await page.locator('.map-host canvas').boundingBox())!;
    const target = await page.evaluate((u1) => {
      const m = W().map!;
      const c = document.querySelector('.map-host canvas')!.getBoundingClientRect();
      const n = (W().store.getState().description as unknown as Desc).units.length;
      // Symbols as drawn: at the overview one nation's neighbouring units share one, and a
      // click on it selects the first of them (src/map/aggregate.ts).
      const units = (W().store.getState().description as unknown as Desc).units;
      const drawn = new Map<string, { u: number; x: number; y: number; mixed: boolean }>();
      for (let u = 0; u < n; u++) {
        const p = m.screenPosition({ kind: 'unit', index: u });
        if (!p) continue;
        const s = drawn.get(`${p.x},${p.y}`);
        if (s) s.mixed ||= units[s.u]!.owner !== units[u]!.owner || s.u === u1;
        else drawn.set(`${p.x},${p.y}`, { u, ...p, mixed: false });
      }
      const all = [...drawn.values()];
      const at = all.filter(
        (p) =>
          !p.mixed &&
          p.u !== u1 &&
          p.x > 300 &&
          p.y > 200 &&
          p.x < c.width - 300 &&
          p.y < c.height - 200,
      );
      // The one farthest from every other symbol, so the click is not ambiguous.
      const room = (a: { x: number; y: number }) =>
        Math.min(...all.filter((b) => b !== a).map((b) => Math.hypot(a.x - b.x, a.y - b.y)));
      return at.sort((a, b) => room(b) - room(a))[0]!;
    }, u1);
    await page.mouse.click(canvas.x + target.x, canvas.y + target.y);
    await expect.poll(() => selectedUnit(page)).toBe(target.u);
    expect(await page.locator('.panel-body').getAttribute('data-panel')).toBe('orbat');
    const row = page.locator('.ob-unit[aria-selected="true"]');
    await expect.poll(() => row.locator('.ob-name').textContent()).toBe(d.units[target.u]!.name);
    const tree = (await page.locator('.ob-tree').boundingBox())!;
    const box = (await row.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(tree.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(tree.y + tree.height + 1);

    // The keyboard alone: search, Tab to the first match, ↓, Enter; the clock's arrows stay put.
    const tick = await page.evaluate(() => W().store.getState().tick);
    await page.focus('#orbat-search');
    await page.keyboard.type('boulkessi');
    await expect.poll(() => page.locator('.ob-unit').count()).toBe(2);
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.orbatKey ?? '');
    expect(await focused()).toBe(`u:${boulkessi[0]!.id}`);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(`u:${boulkessi[1]!.id}`);
    await page.keyboard.press('Enter');
    const u2 = d.units.findIndex((u) => u.id === boulkessi[1]!.id);
    await expect.poll(() => selectedUnit(page)).toBe(u2);
    await expect.poll(() => offCentre(page, u2)).toBeLessThan(2);
    // ← to the task force, ← closes it, → opens it, → to its first unit.
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatch(/^c:mali:tf:/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.ob-unit').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.ob-unit').count()).toBe(2);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(`u:${boulkessi[0]!.id}`);
    // ↑ from the first row goes back to the search.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('orbat-search');
    expect(await page.evaluate(() => W().store.getState().tick)).toBe(tick);
    expect(await smallestText(page)).toBeGreaterThanOrEqual(14);
    await page.mouse.move(1560, 180); // no hover card in the picture
    await page.screenshot({ path: 'test-results/orbat-1600.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is legible at 1280×720', async () => {
    const { page, errors } = await open(1280, 720);
    await openOrbat(page);
    // Every tab still shows whole.
    for (const tab of await page.getByRole('tab').all()) {
      const b = (await tab.boundingBox())!;
      expect(b.width).toBeGreaterThan(30);
    }
    await page.locator('.ob-actor', { hasText: 'Mali' }).click();
    await page.locator('.ob-actor', { hasText: 'Burkina' }).click();
    await page.locator('.ob-unit').nth(2).click();
    await expect.poll(() => selectedUnit(page)).not.toBe(-1);
    expect(await smallestText(page)).toBeGreaterThanOrEqual(14);
    // Names and types are cut with an ellipsis, never wider than the panel.
    const panel = (await page.locator('#panel-orbat').boundingBox())!;
    for (const b of await page
      .locator('.ob-unit')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
      expect(b).toBeLessThanOrEqual(panel.x + panel.width + 1);
    await page.mouse.move(1240, 197);
    await page.screenshot({ path: 'test-results/orbat-1280.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the ORBAT (a player in an exercise)', () => {
  it("Mali's screen lists Mali's units only", async () => {
    const { page, errors } = await open(1600, 900);
    await page.evaluate(async () => {
      const c = W();
      await c.startExercise({
        title: 'ORBAT',
        scenario: { name: 'sahel-ct', doc: await c.scenarioDoc('sahel-ct') },
        seed: 3,
        setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
        roles: [{ actor: 'mali' }, { actor: 'niger' }],
      });
      await c.showRole('mali');
    });
    await mapReady(page);
    const d = await description(page);
    const mali = d.actors.findIndex((a) => a.id === 'mali');
    expect(d.units.every((u) => u.owner === mali)).toBe(true);
    await openOrbat(page);
    expect(await actorRows(page)).toEqual(['Mali']);
    expect(await page.locator('.ob-unit').count()).toBe(d.units.length);
    await page.fill('#orbat-search', 'niger');
    await expect.poll(() => page.locator('.ob-unit').count()).toBe(0);
    await page.fill('#orbat-search', 'ménaka');
    await expect.poll(() => page.locator('.ob-unit').count()).toBe(2);
    const name = await page.locator('.ob-unit .ob-name').first().textContent();
    await page.locator('.ob-unit').first().click();
    const u = d.units.findIndex((x) => x.name === name);
    expect(u).toBeGreaterThanOrEqual(0);
    await expect.poll(() => selectedUnit(page)).toBe(u);
    await expect.poll(() => offCentre(page, u)).toBeLessThan(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
