// Author mode, as a planner uses it, in real Chromium: a scenario built from nothing on the map
// (two nations picked from the atlas, an organisation, four units of two types, a base, a patrol
// zone drawn as a rectangle, a supply route, an agreement, a right, one inject), a bad value shown
// at its field and blocking Try it, undo and redo, the download validated and run by the CLI,
// and Try it running the same hash in the app. Screenshots go to test-results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, mapReady, openAppPage, startApp } from './browser';

type Author = {
  state(): {
    doc: Record<string, unknown> | null;
    problems: Array<{ path: string; message: string }>;
    open: boolean;
    canUndo: boolean;
  };
  map(): {
    screenPoint(lon: number, lat: number): { x: number; y: number };
    stats(): { frames: number };
  } | null;
};
type W = {
  concord: {
    author: Author;
    runTo(t: number): Promise<string>;
    store: { getState(): Record<string, unknown> };
  };
};

let app: App;
beforeAll(async () => {
  app = await startApp();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await app?.close();
});

const state = (page: Page) => page.evaluate(() => (window as unknown as W).concord.author.state());

/** Clicks the author map at lon/lat (through the map's own projection). */
async function clickAt(page: Page, lon: number, lat: number): Promise<void> {
  const box = (await page.locator('.au-map canvas').first().boundingBox())!;
  const p = await page.evaluate(
    ([x, y]) => (window as unknown as W).concord.author.map()!.screenPoint(x!, y!),
    [lon, lat],
  );
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

async function count(page: Page, table: string): Promise<number> {
  return page.evaluate((t) => {
    const d = (window as unknown as W).concord.author.state().doc!;
    const v = d[t];
    return Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
  }, table);
}

async function newScenario(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Author', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Build an exercise' });
  await dialog.getByPlaceholder('e.g. Lake Chad joint patrol').fill('Lake Chad joint patrol');
  for (const c of ['Niger', 'Chad']) {
    await dialog.getByLabel('Search countries').fill(c);
    await dialog.getByRole('button', { name: c, exact: true }).click();
  }
  await dialog.getByLabel('Duration (days)').fill('2');
  await page.screenshot({ path: 'test-results/author-new.png' });
  await dialog.getByRole('button', { name: 'Create and frame the map' }).click();
  await page.locator('.au-map[data-ready="true"]').waitFor();
}

async function placeForces(page: Page): Promise<void> {
  // An organisation of both nations (the Actors tab's Add).
  await page.getByRole('tab', { name: /^Actors/ }).click();
  await page.locator('[data-add="actors"]').click();
  // Two unit types from the palette.
  await page.keyboard.press('Escape');
  await page.locator('.au-tool[data-tool="unit"]').click();
  for (const t of ['inf-coy', 'recon'])
    await page.getByLabel('Add a unit type from the palette').selectOption(t);
  // A base of Niger near Niamey, then four units beside it (two of each type).
  await page.locator('.au-owner select').selectOption('niger');
  await page.locator('.au-tool[data-tool="base"]').click();
  await clickAt(page, 2.2, 13.6);
  await page.locator('.au-tool[data-tool="unit"]').click();
  const types = await page.locator('.au-type').all();
  for (const [i, [lon, lat]] of [
    [2.6, 13.9],
    [3.0, 14.1],
    [3.4, 13.7],
    [3.8, 14.3],
  ].entries()) {
    await types[i < 2 ? 0 : 1]!.click();
    await clickAt(page, lon!, lat!);
  }
  expect(await count(page, 'units')).toBe(4);
}

async function drawGeography(page: Page): Promise<void> {
  // A patrol zone: a rectangle from two corners (X).
  await page.keyboard.press('x');
  await clickAt(page, 12.5, 13.0);
  await clickAt(page, 14.5, 14.5);
  // A supply route (W): three points, Enter ends it.
  await page.keyboard.press('w');
  await clickAt(page, 2.2, 13.6);
  await clickAt(page, 8.0, 13.8);
  await clickAt(page, 13.0, 13.4);
  await page.keyboard.press('Enter');
  expect(await count(page, 'zones')).toBe(1);
  expect(await count(page, 'routes')).toBe(1);
  const zone = (await state(page)).doc!.zones as Array<{ kind: string; polygon: number[][][] }>;
  expect(zone[0]!.kind).toBe('patrol-area');
  expect(zone[0]!.polygon[0]!.length).toBe(5);
}

async function addTreaties(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^Agreements/ }).click();
  await page.locator('[data-add="agreements"]').click();
  await page.locator('[data-add="rights"]').click();
  expect(await count(page, 'agreements')).toBe(1);
  expect(await count(page, 'rights')).toBe(1);
}

describe('author mode', () => {
  it('builds a scenario from nothing that validates and runs to the same hash as concord run', async () => {
    const { page, errors } = await openAppPage(app, 1600, 900);
    await mapReady(page);
    await newScenario(page);
    await page.screenshot({ path: 'test-results/author-framed.png' });
    await placeForces(page);
    await drawGeography(page);
    await addTreaties(page);
    // One inject: a narrative without its message is a problem at the field, and Try it is refused.
    await page.getByRole('tab', { name: /^Injects/ }).click();
    await page.locator('[data-add="injects"]').click();
    const message = page.locator('.au-item .au-field[data-path$="message"]');
    await expect.poll(() => message.locator('.au-problem').count()).toBe(1);
    expect(await message.locator('textarea').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: 'test-results/author-problem.png' });
    const tryIt = page.getByRole('button', { name: /Try it/ });
    expect(await tryIt.getAttribute('aria-disabled')).toBe('true');
    await tryIt.click({ force: true }); // pressed anyway: refused, the problems listed
    expect((await state(page)).open).toBe(true);
    await expect
      .poll(async () => page.getByRole('tab', { name: /^Problems/ }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByRole('tab', { name: /^Injects/ }).click();
    await message
      .locator('textarea')
      .fill('STARTEX. Niger and Chad begin joint patrols around Lake Chad.');
    await message.locator('textarea').blur();
    await expect.poll(async () => (await state(page)).problems, { timeout: 3000 }).toEqual([]);
    await page
      .getByRole('button', { name: 'Map', exact: true })
      .or(page.getByRole('tab', { name: /^Map/ }))
      .first()
      .click();
    await page.screenshot({ path: 'test-results/author-built.png' });
    // Download: validate and run it with the CLI.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'concord-author-'));
    const file = join(dir, dl.suggestedFilename());
    await dl.saveAs(file);
    const text = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(text.$schema).toBe('../schemas/scenario.schema.json');
    expect(
      execFileSync('node', ['bin/concord.mjs', 'validate', file], { encoding: 'utf8' }),
    ).toMatch(/ok/i);
    const run = JSON.parse(
      execFileSync('node', ['bin/concord.mjs', 'run', file, '--seed', '3', '--json'], {
        encoding: 'utf8',
      }),
    ) as {
      hash: string;
      ticks: number;
    };
    // Try it: the same document runs in this window; the same seed gives the same hash.
    await page.getByRole('button', { name: /Try it/ }).click();
    await mapReady(page);
    const hash = await page.evaluate((t) => (window as unknown as W).concord.runTo(t), run.ticks);
    expect(hash).toBe(run.hash);
    await page.screenshot({ path: 'test-results/author-try-it.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a projector (1280×720): one bar row, keys pick tools, a vertex drag is one undo step', async () => {
    const { page, errors } = await openAppPage(app, 1280, 720);
    await mapReady(page);
    await page.getByRole('button', { name: 'Author', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Build an exercise' })
      .getByRole('button', { name: 'Edit a copy' })
      .click();
    await page.locator('.au-map[data-ready="true"]').waitFor();
    const bar = (await page.locator('.au-bar').boundingBox())!;
    expect(bar.height).toBeLessThan(60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
    for (const [key, tool] of [
      ['z', 'zone-polygon'],
      ['w', 'route'],
      ['c', 'zone-circle'],
      ['v', 'select'],
    ] as const) {
      await page.keyboard.press(key);
      expect(await page.locator(`.au-tool[data-tool="${tool}"]`).getAttribute('aria-pressed')).toBe(
        'true',
      );
    }
    // Select a zone from its list, drag its second vertex 80 px east: one edit; undo restores it.
    await page.getByRole('tab', { name: /^Map/ }).click();
    await page.locator('.au-row', { hasText: 'Border strip Burkina Faso–Niger' }).click();
    const before = await page.evaluate(
      () =>
        (
          (window as unknown as W).concord.author.state().doc!.zones as Array<{
            id: string;
            polygon: number[][][];
          }>
        ).find((z) => z.id === 'bs-bf-ne')!.polygon[0]![1]!,
    );
    await clickAt(page, before[0]!, before[1]!).catch(() => {}); // a click on a handle moves nothing
    const box = (await page.locator('.au-map canvas').first().boundingBox())!;
    const p = await page.evaluate(
      ([x, y]) => (window as unknown as W).concord.author.map()!.screenPoint(x!, y!),
      before,
    );
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.mouse.down();
    // While the vertex moves, only the 2D overlay redraws: the map itself renders no frame.
    const frames = () =>
      page.evaluate(() => (window as unknown as W).concord.author.map()!.stats().frames);
    await page.mouse.move(box.x + p.x + 10, box.y + p.y, { steps: 2 });
    await page.waitForTimeout(100);
    const framesBefore = await frames();
    await page.mouse.move(box.x + p.x + 80, box.y + p.y, { steps: 10 });
    await page.waitForTimeout(100);
    expect(await frames()).toBe(framesBefore);
    expect(await page.locator('.au-map canvas[data-layer="draft-live"]').count()).toBe(1);
    await page.mouse.up();
    const vertexOf = () =>
      page.evaluate(
        () =>
          (
            (window as unknown as W).concord.author.state().doc!.zones as Array<{
              id: string;
              polygon: number[][][];
            }>
          ).find((z) => z.id === 'bs-bf-ne')!.polygon[0]![1]!,
      );
    const after = await vertexOf();
    expect(after[0]!).toBeGreaterThan(before[0]! + 0.1);
    expect(Math.abs(after[1]! - before[1]!)).toBeLessThan(0.05);
    await page.screenshot({ path: 'test-results/author-projector.png' });
    await page.keyboard.press('Control+z');
    expect(await vertexOf()).toEqual(before);
    await page.keyboard.press('Control+y');
    expect(await vertexOf()).toEqual(after);
    // Import GeoJSON: a polygon, a line and a point become a zone, a route and a place.
    const before2 = {
      zones: await count(page, 'zones'),
      routes: await count(page, 'routes'),
      places: await count(page, 'places'),
    };
    const geo = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Imported sector', kind: 'sector' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 14],
                [1, 14],
                [1, 15],
                [0, 15],
                [0, 14],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { name: 'Imported track', kind: 'track' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0.2, 14.2],
              [0.8, 14.8],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { name: 'Imported village', kind: 'village', population: 800 },
          geometry: { type: 'Point', coordinates: [0.5, 14.5] },
        },
      ],
    };
    await page.locator('[data-import="geojson"]').setInputFiles({
      name: 'sectors.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(geo)),
    });
    await expect.poll(() => count(page, 'zones')).toBe(before2.zones + 1);
    expect(await count(page, 'routes')).toBe(before2.routes + 1);
    expect(await count(page, 'places')).toBe(before2.places + 1);
    expect(await page.locator('.au-hint').textContent()).toContain(
      'Imported 1 zones, 1 routes, 1 places from sectors.geojson',
    );
    // A corridor zone ±15 km along the imported track (turf's buffer).
    await page.locator('.au-row', { hasText: 'Imported track' }).click();
    await page.getByLabel('Corridor half-width, km').fill('15');
    await page.getByRole('button', { name: 'Corridor zone along it' }).click();
    await expect.poll(() => count(page, 'zones')).toBe(before2.zones + 2);
    expect((await state(page)).problems).toEqual([]);
    // Close: back to the planner's run, its map made anew; the draft stays in this browser.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await mapReady(page);
    expect((await state(page)).open).toBe(false);
    // The planner's map has no author overlay: one canvas, as before.
    expect(await page.locator('.map-host canvas').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
