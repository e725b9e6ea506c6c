// The same scenario and seed give the same event-log hash in Node and in Chromium (the engine
// running in the app's Web Worker), and the console loads without console errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sim } from '../sim/driver';
import { type App, startApp } from './browser';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe.each([
  ['sahel-ct', 7, 960],
  ['sea-maritime', 3, 480],
])('%s in Chromium', (name, seed, ticks) => {
  it(`matches Node's hash at tick ${ticks} (seed ${seed}), with no console errors`, async () => {
    const page = await app.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}?scenario=${name}&seed=${seed}`);
    await page.waitForFunction(
      () => (window as unknown as { concord?: unknown }).concord !== undefined,
    );
    await page.evaluate(
      () => (window as unknown as { concord: { ready: Promise<void> } }).concord.ready,
    );
    const browserHash = await page.evaluate(
      (t) =>
        (window as unknown as { concord: { runTo(t: number): Promise<string> } }).concord.runTo(t),
      ticks,
    );
    const node = sim(name, seed);
    node.runTo(ticks);
    expect(browserHash).toBe(node.hash());
    await expect.poll(() => page.textContent('#hash')).toBe(node.hash());
    expect(errors).toEqual([]);
    await page.close();
  });
});
