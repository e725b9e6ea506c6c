// "Save map as PNG" in real Chromium on sahel-ct: the button in the map's column downloads a PNG
// named `<scenario>-D+<day>-<HHMM>-<view>.png`, at least as large as the map's canvas, whose
// map part is a real picture (many colours) and whose band below holds Mali's display colour in
// the key; its text chunks say whose view it is. Run as the white cell (ground truth) and as
// Mali in an exercise ("What Mali knows", also through the P key, listed in the help). Leaves
// test-results/png-export-sample.png (white cell) and png-export-mali.png.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPngText } from '../../src/ui/map-tools/png-text';
import { type App, startApp } from './browser';

type Json = Record<string, unknown>;
interface Concord {
  ready: Promise<void>;
  map: object | null;
  store: { getState(): Json };
  scenarioDoc(name: string): Promise<unknown>;
  startExercise(o: unknown): Promise<void>;
  showRole(role: string): Promise<void>;
  exercise(): { role: string; handover: unknown };
}
/** In page functions: the page's `window.concord`. */
const W = () => (window as unknown as { concord: Concord }).concord;

let app: App;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  mkdirSync('test-results', { recursive: true });
  page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
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
  await mapReady();
});
afterAll(async () => {
  await app?.close();
});

async function mapReady(): Promise<void> {
  await page.waitForFunction(
    () => W().map !== null && (W().store.getState().status as Json).phase === 'ready',
  );
  await page.locator('.map-drawing').waitFor({ state: 'detached' });
}

/** The file a download gave, its name and bytes. */
async function saved(dl: Download): Promise<{ name: string; bytes: Buffer }> {
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** Saves through `act` (a click, a key) and catches the download. */
async function saveBy(act: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), act()]);
  return saved(dl);
}

interface Decoded {
  width: number;
  height: number;
  canvas: { width: number; height: number };
  /** Distinct colours over a grid of the map part. */
  mapColours: number;
  /** Pixels of the band below the map within 3 of `color` in each channel. */
  colourHits: number;
}

/** Decodes the PNG in the page (createImageBitmap) and reads its pixels. */
function decode(bytes: Buffer, color: string): Promise<Decoded> {
  return page.evaluate(
    async ({ b64, color }) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([raw], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = bmp.width;
      c.height = bmp.height;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(bmp, 0, 0);
      const mapCanvas = document.querySelector<HTMLCanvasElement>('.map-host canvas')!;
      const mh = mapCanvas.height;
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let y = 0; y < mh; y += 3)
        for (let x = 0; x < c.width; x += 3) {
          const i = (y * c.width + x) * 4;
          seen.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
        }
      const want = [1, 3, 5].map((k) => Number.parseInt(color.slice(k, k + 2), 16));
      let hits = 0;
      for (let i = mh * c.width * 4; i < px.length; i += 4)
        if (want.every((v, k) => Math.abs(px[i + k]! - v) <= 3)) hits++;
      return {
        width: c.width,
        height: c.height,
        canvas: { width: mapCanvas.width, height: mapCanvas.height },
        mapColours: seen.size,
        colourHits: hits,
      };
    },
    { b64: bytes.toString('base64'), color },
  );
}

const maliColour = () =>
  page.evaluate(() => {
    const d = W().store.getState().description as { actors: Array<{ id: string; color: string }> };
    return d.actors.find((a) => a.id === 'mali')!.color;
  });

/** The checks both roles' files pass: PNG, size, a real map, Mali's colour in the key. */
async function checkFile(file: { name: string; bytes: Buffer }, view: string): Promise<void> {
  expect(file.name).toMatch(new RegExp(`^sahel-ct-D\\+\\d+-\\d{4}-${view}\\.png$`));
  expect([...file.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const color = await maliColour();
  expect(color).toMatch(/^#[0-9a-f]{6}$/i);
  const got = await decode(file.bytes, color);
  expect(got.width).toBeGreaterThanOrEqual(got.canvas.width);
  expect(got.height).toBeGreaterThan(got.canvas.height);
  // IHDR agrees with what the browser decoded.
  expect(file.bytes.readUInt32BE(16)).toBe(got.width);
  expect(file.bytes.readUInt32BE(20)).toBe(got.height);
  expect(got.mapColours).toBeGreaterThan(200);
  expect(got.colourHits).toBeGreaterThan(20);
}

describe('save map as PNG', () => {
  it('the white cell saves ground truth, with title, clock, view and key', async () => {
    const button = page.getByRole('button', { name: 'Save map as PNG' });
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('P');
    const file = await saveBy(() => button.click());
    writeFileSync('test-results/png-export-sample.png', file.bytes);
    await checkFile(file, 'ground-truth');
    expect(file.name).toBe('sahel-ct-D+0-0000-ground-truth.png');
    const text = readPngText(new Uint8Array(file.bytes));
    expect(text.Title).toMatch(/^Liptako-Gourma/);
    expect(text.Description).toMatch(
      /^Ground truth \(white cell\) · \d{6}Z [A-Z]{3} \d\d · D\+0 00:00$/,
    );
    expect(errors).toEqual([]);
  });

  it('a player saves only its own picture: "What Mali knows", by the P key too', async () => {
    await page.evaluate(async () => {
      const c = W();
      await c.startExercise({
        title: 'PNG export',
        scenario: { name: 'sahel-ct', doc: await c.scenarioDoc('sahel-ct') },
        seed: 3,
        setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
        roles: [{ actor: 'mali' }, { actor: 'niger' }],
      });
      await c.showRole('mali');
    });
    await page.waitForFunction(() => W().exercise().role === 'mali' && !W().exercise().handover);
    await mapReady();
    const byButton = await saveBy(() =>
      page.getByRole('button', { name: 'Save map as PNG' }).click(),
    );
    await checkFile(byButton, 'mali');
    const text = readPngText(new Uint8Array(byButton.bytes));
    expect(text.Description).toMatch(/^What Mali knows · /);
    writeFileSync('test-results/png-export-mali.png', byButton.bytes);
    // The key, from the page (focus off the button: P is the map's key, not the button's).
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const byKey = await saveBy(() => page.keyboard.press('p'));
    expect(byKey.name).toBe(byButton.name);
    expect(readPngText(new Uint8Array(byKey.bytes)).Description).toBe(text.Description);
    // The help lists it.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await help.locator('[data-shortcut="save-png"] kbd').textContent()).toBe('P');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
