// The planner's app in real Chromium: loads clean, draws a map, plays, inspects, filters by
// actor, reopens a moment from the URL, and leaves a mid-run screenshot of each scenario in
// test-results/ for a person to look at.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sim } from '../sim/driver';
import { type App, startApp } from './browser';

/** Every scenario file with the tick halfway through its run (the app offers the same files). */
const midRun: Array<[string, number]> = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const sc = JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as {
      durationDays: number;
      tickMinutes: number;
    };
    return [f.slice(0, -5), Math.round((sc.durationDays * 1440) / sc.tickMinutes / 2)];
  });

let app: App;
beforeAll(async () => {
  app = await startApp();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await app?.close();
});

type Concord = {
  ready: Promise<void>;
  runTo(t: number): Promise<string>;
  play(): void;
  pause(): void;
  setView(v: string | number): Promise<void>;
  store: { getState(): Record<string, unknown> };
  map: {
    stats(): Record<string, number | string>;
    screenPosition?(sel: unknown): { x: number; y: number } | null;
  } | null;
};

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}${query}`);
  await page.waitForFunction(
    () => (window as unknown as { concord?: unknown }).concord !== undefined,
  );
  await page.evaluate(() => (window as unknown as { concord: Concord }).concord.ready);
  await page.waitForFunction(
    () => (window as unknown as { concord: Concord }).concord.map !== null,
  );
  return { page, errors };
}

const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { concord: Concord }).concord.store.getState();
    return {
      tick: s.tick as number,
      hash: s.hash as string,
      view: s.view as number,
      selection: s.selection,
    };
  });

/** Distinct colours in a screenshot of the map element, counted by the browser itself. */
async function mapColours(page: Page): Promise<number> {
  const png = await page.locator('canvas').first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 16) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  }, png.toString('base64'));
}

describe('the planner app', () => {
  it('opens the default scenario paused at its start, with no console errors and a drawn map', async () => {
    const { page, errors } = await open('');
    const s = await state(page);
    expect(s.tick).toBe(0);
    expect(await page.textContent('#clock')).toMatch(/\d{6}Z [A-Z]{3} \d{2}/);
    const stats = await page.evaluate(() =>
      (window as unknown as { concord: Concord }).concord.map!.stats(),
    );
    expect(stats.renderer).toMatch(/webgl/i);
    expect(await mapColours(page)).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('play advances the clock, and pause stops it', async () => {
    const { page, errors } = await open('?scenario=sahel-ct&seed=3');
    const before = await page.textContent('#clock');
    await page.click('#play');
    await page.waitForFunction(
      () =>
        ((window as unknown as { concord: Concord }).concord.store.getState().tick as number) > 8,
    );
    await page.click('#play');
    const t1 = (await state(page)).tick;
    await page.waitForTimeout(400);
    expect((await state(page)).tick).toBe(t1);
    expect(await page.textContent('#clock')).not.toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an actor sees fewer hostile tracks than the white cell sees threats', async () => {
    const { page } = await open('?scenario=sahel-ct&seed=7&t=1200');
    const counts = await page.evaluate(async () => {
      const c = (window as unknown as { concord: Concord }).concord;
      const drawn = () => Number(c.map!.stats().threatsDrawn);
      await c.setView('truth');
      const truth = drawn();
      await c.setView('mauritania');
      const actor = drawn();
      return { truth, actor };
    });
    expect(counts.truth).toBeGreaterThan(0);
    expect(counts.actor).toBeLessThan(counts.truth);
    await page.close();
  });

  it.each([
    ['sahel-ct', 7, 500],
    ['sea-maritime', 4, 300],
  ])(
    'reopens %s seed %i at t=%i from the URL with the same state hash as Node',
    async (name, seed, t) => {
      const { page, errors } = await open(`?scenario=${name}&seed=${seed}&t=${t}&view=truth`);
      const node = sim(name, seed);
      node.runTo(t);
      const s = await state(page);
      expect(s.tick).toBe(t);
      expect(s.hash).toBe(node.hash());
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('clicking a unit on the map opens the inspector', async () => {
    const { page } = await open('?scenario=sahel-ct&seed=2&t=100');
    const pos = await page.evaluate(() => {
      const c = (window as unknown as { concord: Concord }).concord;
      for (let u = 0; u < 200; u++) {
        const p = c.map!.screenPosition?.({ kind: 'unit', index: u });
        if (p && p.x > 40 && p.y > 40 && p.x < 900 && p.y < 700) return { ...p, u };
      }
      return null;
    });
    expect(pos).not.toBeNull();
    const box = (await page.locator('canvas').first().boundingBox())!;
    await page.mouse.click(box.x + pos!.x, box.y + pos!.y);
    await page.waitForFunction(() => {
      const sel = (window as unknown as { concord: Concord }).concord.store.getState()
        .selection as { kind?: string } | null;
      return sel?.kind === 'unit';
    });
    await expect
      .poll(() => page.locator('[data-panel="inspector"]').textContent())
      .toMatch(/fuel/i);
    await page.close();
  });

  it("the Agreements panel's switch opens the joint operations centre: same hash as Node with that order", async () => {
    const t = 400;
    const { page, errors } = await open(`?scenario=sahel-ct&seed=5&t=${t}&view=truth`);
    await page.getByRole('tab', { name: 'Agreements', exact: true }).click();
    const sw = page.getByRole('switch', { name: 'Mechanism jf-joc' });
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('false');
    await sw.click();
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('true');
    await page.screenshot({ path: 'test-results/sahel-ct-agreements-panel.png' });
    const hash = await page.evaluate(
      (to) => (window as unknown as { concord: Concord }).concord.runTo(to),
      t + 96,
    );
    const active = await page.evaluate(
      () =>
        (
          (window as unknown as { concord: Concord }).concord.store.getState()
            .mechanismsActive as boolean[]
        )[0],
    );
    expect(active).toBe(true);
    const node = sim('sahel-ct', 5);
    node.runTo(t);
    node.order({ tick: t, kind: 'set-mechanism', mechanism: 'jf-joc', active: true });
    node.runTo(t + 96);
    expect(hash).toBe(node.hash());
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(midRun)('writes a mid-run screenshot of %s (t=%i)', async (name, t) => {
    const { page, errors } = await open(`?scenario=${name}&seed=7&t=${t}&view=truth`);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `test-results/${name}-t${t}.png` });
    // Halfway through, the white cell still sees live threats on the map.
    const drawn = await page.evaluate(() =>
      Number((window as unknown as { concord: Concord }).concord.map!.stats().threatsDrawn),
    );
    expect(drawn).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { concord: Concord }).concord.setView(0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/${name}-t${t}-actor0.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
