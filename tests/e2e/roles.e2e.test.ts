// An actor's view in real Chromium: the map's host says what it is and whose picture it shows,
// a sign covers the map from the moment the run is ready until the map's first frame, and
// the inspector in Mali's picture says a partner's fuel and supplies are not known to Mali.
// Run with a build folder of its own: CONCORD_E2E_OUT=/tmp/concord-dist-roles.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from './browser';

let app: App;
beforeAll(async () => {
  app = await startApp();
}, 240_000);
afterAll(async () => {
  await app?.close();
});

type Concord = {
  ready: Promise<void>;
  setView(v: string | number): Promise<void>;
  store: {
    getState(): Record<string, unknown>;
    setState(patch: Record<string, unknown>): void;
  };
  map: {
    stats(): { frames: number };
    screenPosition(sel: { kind: 'unit'; index: number }): { x: number; y: number } | null;
  } | null;
};
/** In page functions: `W()` is the page's `window.concord` (defined there by an init script). */
const W = () => (window as unknown as { concord: Concord }).concord;

/**
 * Opens the app, recording from the first script on whether the "Drawing the map…" sign was
 * ever on screen, and how many frames the map had drawn when it went.
 */
async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    (window as unknown as { W: () => unknown }).W = () =>
      (window as unknown as { concord: unknown }).concord;
  });
  await page.addInitScript(() => {
    const seen = { shown: false, goneAtFrames: -1 };
    (window as unknown as { drawingSign: typeof seen }).drawingSign = seen;
    new MutationObserver(() => {
      const on = document.querySelector('.map-drawing') !== null;
      if (on) seen.shown = true;
      else if (seen.shown && seen.goneAtFrames < 0) {
        const c = (window as unknown as { concord?: Concord }).concord;
        seen.goneAtFrames = c?.map?.stats().frames ?? 0;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${app.url}${query}`);
  await page.waitForFunction(() => (window as unknown as { concord?: unknown }).concord);
  await page.evaluate(() => W().ready);
  await page.waitForFunction(() => (W().map?.stats().frames ?? 0) > 0);
  return { page, errors };
}

const inspectorRow = (page: Page, label: string) =>
  page.locator('[data-panel="inspector"] tr', { has: page.locator(`th:text-is("${label}")`) });

describe("an actor's view in the browser", () => {
  it('labels the map with the region and whose picture it shows', async () => {
    const { page, errors } = await open('?scenario=sahel-ct&seed=7&view=mali');
    const host = page.locator('.map-host');
    expect(await host.getAttribute('role')).toBe('application');
    await expect
      .poll(() => host.getAttribute('aria-label'))
      .toBe("Map of Liptako-Gourma — Mali's picture");
    await page.evaluate(() => W().setView('truth'));
    await expect
      .poll(() => host.getAttribute('aria-label'))
      .toBe('Map of Liptako-Gourma — ground truth (white cell)');
    expect(await page.getByRole('application', { name: /^Map of Liptako-Gourma/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a loading sign over the map until its first frame, then takes it away', async () => {
    const { page, errors } = await open('?scenario=sahel-ct&seed=3');
    await expect.poll(() => page.locator('.map-drawing').count()).toBe(0);
    const seen = await page.evaluate(
      () =>
        (window as unknown as { drawingSign: { shown: boolean; goneAtFrames: number } })
          .drawingSign,
    );
    expect(seen.shown).toBe(true);
    expect(seen.goneAtFrames).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("in Mali's picture the inspector shows no partner's fuel or supplies, but Mali's own", async () => {
    const { page, errors } = await open('?scenario=sahel-ct&seed=7&t=200&view=mali');
    const units = await page.evaluate(() => {
      const d = W().store.getState().description as {
        actors: Array<{ id: string }>;
        units: Array<{ id: string; owner: number }>;
      };
      const mali = d.actors.findIndex((a) => a.id === 'mali');
      const burkina = d.actors.findIndex((a) => a.id === 'burkina');
      return {
        own: d.units.findIndex((u) => u.owner === mali),
        partner: d.units.findIndex((u) => u.owner === burkina && !u.id.includes('-jf-')),
      };
    });
    const inspect = (index: number) =>
      page.evaluate(
        (i) => W().store.setState({ selection: { kind: 'unit', index: i }, panel: 'inspector' }),
        index,
      );
    await inspect(units.partner);
    await expect.poll(() => inspectorRow(page, 'Fuel').textContent()).toBe('Fuelnot known to Mali');
    expect(await inspectorRow(page, 'Supplies').textContent()).toBe('Suppliesnot known to Mali');
    expect(await inspectorRow(page, 'Strength').textContent()).toBe('Strengthnot known to Mali');
    expect(await page.locator('[data-panel="inspector"]').textContent()).not.toMatch(/NaN/);
    await inspect(units.own);
    await expect.poll(() => inspectorRow(page, 'Fuel').textContent()).toMatch(/^Fuel\d+ %$/);
    // The map's hover card over partner units: no strength, fuel or supplies, and never "NaN".
    const partners = await page.evaluate(() => {
      const d = W().store.getState().description as {
        actors: Array<{ id: string }>;
        units: Array<{ owner: number; name: string }>;
      };
      const mali = d.actors.findIndex((a) => a.id === 'mali');
      return d.units.map((u, i) => ({ i, name: u.name, own: u.owner === mali }));
    });
    const box = (await page.locator('.map-host').boundingBox())!;
    let partnerCards = 0;
    for (const u of partners) {
      const at = await page.evaluate(
        (i) => W().map!.screenPosition({ kind: 'unit', index: i }),
        u.i,
      );
      if (!at || at.x < 0 || at.y < 0 || at.x > box.width || at.y > box.height) continue;
      await page.mouse.move(box.x + at.x, box.y + at.y);
      const card = page.locator('.hover-card');
      if (!(await card.count())) continue;
      const text = (await card.textContent()) ?? '';
      expect(text).not.toMatch(/NaN/);
      if (!text.startsWith(u.name)) continue; // another item lies nearer the pointer
      if (u.own) expect(text).toMatch(/fuel \d+%/);
      else {
        expect(text).toMatch(/not known in this picture/);
        partnerCards++;
      }
      if (partnerCards >= 3) break;
    }
    expect(partnerCards).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
