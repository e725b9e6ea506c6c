// A shared link whose `set=` walks into a JavaScript internal (`__proto__`, `constructor`,
// `prototype`) must not pollute Object.prototype in the page or the simulation worker: the app
// refuses the assignment, says so, and the next load in the same page works.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sim } from '../sim/driver';
import { type App, startApp } from './browser';

type Concord = {
  ready: Promise<void>;
  load(name: string, seed: number): Promise<void>;
  store: { getState(): Record<string, unknown> };
};

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const status = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { concord: Concord }).concord.store.getState();
    return {
      ...(s.status as { phase: string; message: string }),
      scenario: s.scenario as string,
      hash: s.hash as string,
    };
  });

/** `({}).x` in the page and in each of its workers: all undefined unless something polluted. */
async function pollution(page: Page): Promise<unknown[]> {
  const workers = page.workers();
  expect(workers.length).toBeGreaterThan(0);
  return Promise.all([
    page.evaluate(() => (({}) as Record<string, unknown>).x),
    ...workers.map((w) => w.evaluate(() => (({}) as Record<string, unknown>).x)),
  ]);
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (
        (window as unknown as { concord: Concord }).concord.store.getState().status as {
          phase: string;
        }
      ).phase === 'ready',
  );
}

describe('a shared link with a set= that names a JavaScript internal', () => {
  // Before the fix in src/scenario/paths.ts, `__proto__` walked into Object.prototype in the
  // worker (and every later load there failed); `constructor` was refused only by accident (it
  // reaches a function, which the walker would not enter).
  it.each([
    ['__proto__.x', '__proto__'],
    ['constructor.prototype.x', 'constructor'],
    ['actors.0.__proto__.x', '__proto__'],
  ])(
    'set=%s=1 is refused with a message, pollutes nothing, and the next load works',
    async (path, segment) => {
      const page = await app.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${app.url}?scenario=sahel-ct&seed=1&set=${encodeURIComponent(`${path}=1`)}`);
      await page.waitForFunction(
        () => (window as unknown as { concord?: unknown }).concord !== undefined,
      );
      await page.evaluate(() => (window as unknown as { concord: Concord }).concord.ready);

      expect(new Set(await pollution(page))).toEqual(new Set([undefined]));
      const refused = await status(page);
      expect(refused.phase).toBe('error');
      expect(refused.message).toMatch(/^sahel-ct could not be loaded/);
      expect(refused.message).toContain(segment);
      // The user sees it: the map's alert names the refused assignment and the way out.
      const alert = page.getByRole('region', { name: 'Map' }).getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain(segment);
      expect(await alert.textContent()).toMatch(/Press Load to open the scenario without/);
      await page.screenshot({ path: `test-results/shared-link-${path}.png` });

      // Load in the top bar: the same scenario, without the refused assignment, in the same worker.
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      await ready(page);
      const reloaded = await status(page);
      expect(reloaded.hash).toBe(sim('sahel-ct', 1).hash());
      expect(
        await page.evaluate(
          () => (window as unknown as { concord: Concord }).concord.store.getState().set,
        ),
      ).toEqual([]);
      // The app rewrites its URL at most once a second, and only once loaded.
      await expect.poll(() => page.url(), { timeout: 5000 }).not.toContain('set=');
      // Another scenario from the picker, then one by the page's API: both load.
      await page.getByRole('combobox', { name: 'Scenario' }).selectOption('sea-maritime');
      await page.waitForFunction(
        () =>
          (window as unknown as { concord: Concord }).concord.store.getState().scenario ===
          'sea-maritime',
      );
      await ready(page);
      await page.evaluate(() =>
        (window as unknown as { concord: Concord }).concord.load('au-somalia', 2),
      );
      expect(await status(page)).toMatchObject({ phase: 'ready', scenario: 'au-somalia' });
      expect(new Set(await pollution(page))).toEqual(new Set([undefined]));

      // And a normal link opened in the same tab.
      await page.goto(`${app.url}?scenario=sahel-ct&seed=3`);
      await page.waitForFunction(
        () => (window as unknown as { concord?: unknown }).concord !== undefined,
      );
      await page.evaluate(() => (window as unknown as { concord: Concord }).concord.ready);
      expect(await status(page)).toMatchObject({ phase: 'ready', hash: sim('sahel-ct', 3).hash() });
      await page.close();
    },
  );
});
