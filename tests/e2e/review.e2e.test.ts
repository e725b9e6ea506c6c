// Review mode and the after-action report in real Chromium: the example session (played
// through the app: 3 roles, orders, live injects, an accepted proposal, bookmarks) opened as
// an exercise; screenshots of a player's view after the hand-over card, the white cell's view
// and its MSEL editor; review: the timeline seeks, Mali's picture beside the ground truth,
// "what if" from a tick with other orders compared side by side with the session as played;
// the after-action report with drawn charts and map images, printed to a PDF of several A4
// pages, exported as one self-contained HTML file; the event log as GeoJSON. No console error
// or CSP violation throughout. Screenshots and files go to test-results/ (aar-*).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/exercise/aar-branch';
import type { SessionFile } from '../../src/exercise/session-file';
import type { reviewHooks } from '../../src/ui/review/hooks';
import { type App, startApp } from './browser';

interface Concord {
  ready: Promise<void>;
  map: object | null;
  openSession(doc: unknown): Promise<{ ok: boolean; problems?: string[] }>;
  exercise(): { active: boolean; role: string; handover: { to: string } | null };
  review: typeof reviewHooks;
}
/** `window.concord`, typed; the init script gives the page a global `W` of the same body. */
const W = () => (window as unknown as { concord: Concord }).concord;

const OUT = 'test-results';
const SESSION = 'scenarios/sessions/sahel-classroom.concord.json';
const file = JSON.parse(readFileSync(SESSION, 'utf8')) as SessionFile;
const scenario = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8')) as {
  start: string;
  tickMinutes: number;
  geography: { bbox: [number, number, number, number] };
};

let app: App;
let page: Page;
const errors: string[] = [];
/** The comparison the "what if" gave (the report's numbers are checked against it). */
let compared: Comparison;

beforeAll(async () => {
  app = await startApp();
  mkdirSync(OUT, { recursive: true });
  page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  page.setDefaultTimeout(30_000);
  await page.addInitScript(() => {
    (window as unknown as { W: unknown }).W = () =>
      (window as unknown as { concord: unknown }).concord;
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI}`),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await page.waitForFunction(() => (window as unknown as { concord?: unknown }).concord);
  await page.evaluate(() => W().ready);
  await page.waitForFunction(() => W().map !== null);
});
afterAll(async () => {
  await app?.close();
});

const state = () => page.evaluate(() => W().review.state());
const maps = () => page.evaluate(() => W().review.maps());

/** Hands the screen to `role` through the hand-over card (no passcodes in the example). */
async function handOverTo(role: string, name: string): Promise<void> {
  await page.locator('#ex-handover-open').click();
  await page.locator('#ex-handover').waitFor();
  if ((await page.locator('#ex-handover-title').textContent()) !== `Pass to ${name}`)
    await page.locator('#ex-handover select').selectOption(role);
  await expect.poll(() => page.locator('#ex-handover-title').textContent()).toBe(`Pass to ${name}`);
  await page.locator('.ex-reveal').click();
  await page.waitForFunction(
    (r) => W().exercise().role === r && W().exercise().handover === null && W().map !== null,
    role,
  );
  await page.waitForTimeout(300); // the map's first frames
}

/** Per chart of the report: its series colours' pixels on the canvas and their vertical spread. */
function chartInk(): Promise<Array<{ title: string; pixels: number; spread: number; h: number }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="report"] .rp-chart')].map((fig) => {
      const canvas = fig.querySelector('canvas')!;
      const rgb = [...fig.querySelectorAll<HTMLElement>('.rp-legend i')].map((i) =>
        (getComputedStyle(i).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).map(Number),
      );
      const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let pixels = 0;
      let top = Number.POSITIVE_INFINITY;
      let bottom = -1;
      for (let i = 0; i < d.length; i += 4) {
        const hit = rgb.some(
          ([r, g, b]) =>
            Math.abs(d[i]! - r!) + Math.abs(d[i + 1]! - g!) + Math.abs(d[i + 2]! - b!) < 40,
        );
        if (!hit || d[i + 3]! < 200) continue;
        pixels++;
        const y = Math.floor(i / 4 / canvas.width);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
      return {
        title: fig.querySelector('figcaption')?.textContent ?? '',
        pixels,
        spread: bottom - top,
        h: canvas.height,
      };
    }),
  );
}

/** The report's map images: size, URL kind, and how many distinct colours a thumbnail has. */
function mapImages(): Promise<
  Array<{ alt: string; w: number; h: number; url: string; length: number; colours: number }>
> {
  return page.evaluate(async () => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('[data-section="maps"] img')];
    const out = [];
    for (const img of imgs) {
      await img.decode();
      const c = document.createElement('canvas');
      c.width = 200;
      c.height = 128;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0, c.width, c.height);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4)
        colours.add(((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4));
      out.push({
        alt: img.alt,
        w: img.naturalWidth,
        h: img.naturalHeight,
        url: img.src.slice(0, 22),
        length: img.src.length,
        colours: colours.size,
      });
    }
    return out;
  });
}

describe('review mode and the after-action report', () => {
  it('opens the example session as an exercise: a player’s view after the hand-over card, the white cell’s view, its MSEL editor', async () => {
    const t0 = Date.now();
    const r = await page.evaluate((doc) => W().openSession(doc), file as unknown);
    expect(r).toEqual({ ok: true });
    await page.waitForFunction(() => W().exercise().active && W().map !== null);
    expect((await page.evaluate(() => W().exercise())).role).toBe('white');

    await handOverTo('mali', 'Mali');
    expect(await page.locator('#ex-holder').textContent()).toBe('Mali');
    // A player's screen has no review: it shows every actor's picture and the truth.
    expect(await page.locator('.rv-launch').count()).toBe(0);
    await page.screenshot({ path: `${OUT}/aar-player-view.png` });

    await handOverTo('white', 'White cell');
    const launch = page.locator('.rv-launch');
    expect(await launch.isVisible()).toBe(true);
    // The launcher sits on the map, never over the side panel's tabs.
    const [button, map, tabs] = await Promise.all(
      [launch, page.locator('.map-area'), page.locator('.tabs')].map((l) => l.boundingBox()),
    );
    expect(button!.x + button!.width).toBeLessThanOrEqual(map!.x + map!.width);
    expect(button!.x + button!.width).toBeLessThanOrEqual(tabs!.x);
    await page.screenshot({ path: `${OUT}/aar-white-cell.png` });

    await page.getByRole('tab', { name: 'MSEL', exact: true }).click();
    await expect.poll(() => page.locator('[data-panel="msel"]').textContent()).toMatch(/L2/);
    expect(await page.locator('[data-panel="msel"]').textContent()).toMatch(
      /Ayorou: armed men on motorbikes/,
    );
    // The map narrows beside the editor: the launcher moves under the map's controls.
    const overlaps = await page.evaluate(() => {
      const r = document.querySelector('.rv-launch')!.getBoundingClientRect();
      return [...document.querySelectorAll('.map-controls button, .view-banner')]
        .map((el) => el.getBoundingClientRect())
        .filter((o) => r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom)
        .length;
    });
    expect(overlaps).toBe(0);
    await page.screenshot({ path: `${OUT}/aar-msel-editor.png` });
    console.log(`exercise and screenshots: ${Date.now() - t0} ms`);
  });

  it('review: the timeline seeks to a tick; Mali’s picture beside the truth holds only its own units and no true threats', async () => {
    const t0 = Date.now();
    await page.locator('.rv-launch').click();
    await page.locator('[data-testid="review"]').waitFor();
    await page.waitForFunction(() => {
      const s = W().review.state();
      const m = W().review.maps();
      return s.status === 'ready' && s.aarStatus === 'ready' && !!m.truth?.shown && !!m.actor;
    });
    let s = await state();
    expect(s).toMatchObject({ title: 'Sahel classroom', endTick: file.tick, tick: file.tick });
    expect(s.bookmarks.map((b) => b.tick)).toEqual([0, 48]);
    const mali = s.description!.actors.findIndex((a) => a.id === 'mali');
    expect(s.actor).toBe(mali); // the first played actor is shown by default

    // Seek by the API: the review's clock, both maps and the quality line follow.
    await page.evaluate(() => W().review.seek(24));
    expect((await state()).tick).toBe(24);
    expect(await page.locator('#review-clock').textContent()).toBe('D+0 06:00');
    let m = await maps();
    expect(m.truth!.shown).toMatchObject({ tick: 24 });
    expect(m.actor!.shown).toMatchObject({ tick: 24 });
    // What Mali knew against what was true: its own units only, no threat cells, its tracks
    // no more than the live cells.
    const own = s.description!.units.filter((u) => u.owner === mali).length;
    expect(m.truth!.shown!.units).toBe(s.description!.units.length);
    expect(m.actor!.shown!.units).toBe(own);
    expect(own).toBeLessThan(m.truth!.shown!.units);
    expect(m.actor!.shown!.cells).toBe(0);
    expect(m.truth!.shown!.cells).toBeGreaterThan(0);
    expect(m.actor!.threatsDrawn).toBeLessThanOrEqual(m.truth!.threatsDrawn);
    expect(m.truth!.threatsDrawn).toBe(m.truth!.shown!.cells);

    // Seek by a click on the track, half way: the tick under the pointer.
    const track = (await page.locator('.rv-track').boundingBox())!;
    await page.mouse.click(track.x + track.width / 2, track.y + track.height / 2);
    await page.waitForFunction(() => W().review.maps().actor?.shown?.tick === 36);
    expect((await state()).tick).toBe(36);
    expect(await page.locator('.rv-track').getAttribute('aria-valuenow')).toBe('36');
    // …and by the keyboard: an hour on.
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => W().review.maps().truth?.shown?.tick === 40);
    expect(await page.locator('#review-clock').textContent()).toBe('D+0 10:00');

    // The quality line under Mali's map: its completeness at the last sample at or before.
    s = await state();
    const p = s.aar!.picture;
    let k = -1;
    while (k + 1 < p.ticks.length && p.ticks[k + 1]! <= 40) k++;
    const completeness = Math.round(p.byActor.mali!.completeness[k]! * 100);
    expect(await page.locator('[data-testid="quality"]').textContent()).toContain(
      `completeness ${completeness} %`,
    );

    // Another actor's picture: Niger's own units.
    await page.evaluate(() => W().review.showActor('niger'));
    const niger = s.description!.actors.findIndex((a) => a.id === 'niger');
    m = await maps();
    expect(m.actor!.shown).toMatchObject({
      tick: 40,
      cells: 0,
      units: s.description!.units.filter((u) => u.owner === niger).length,
    });
    await page.evaluate(() => W().review.showActor('mali'));
    expect((await maps()).actor!.shown).toMatchObject({ tick: 40, units: own });
    await page.waitForTimeout(200); // the maps' next frames
    await page.screenshot({ path: `${OUT}/aar-review.png` });
    console.log(`review open and seeks: ${Date.now() - t0} ms`);
  });

  it('what if: a branch at D+0 06:00 with other orders, compared with the session as played, side by side with the difference', async () => {
    const t0 = Date.now();
    await page.locator('.rv-bookmark').first().click(); // to D+0 00:00…
    await page.waitForFunction(() => W().review.state().tick === 0);
    // …and on six hours, an hour a click.
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'One hour on' }).click();
    await page.waitForFunction(() => W().review.maps().truth?.shown?.tick === 24);
    await page.getByRole('button', { name: 'What if from here (D+0 06:00)' }).click();
    await page.waitForFunction(() => W().review.state().branch?.status === 'ready');
    expect((await state()).branch!.tick).toBe(24);

    // Mali suspends its track exchange with Niger, through the form.
    await page.locator('#wi-role').selectOption('mali');
    await page.locator('#wi-kind').selectOption('set-agreement');
    await page.locator('#wi-switch').selectOption('ag-ml-ne');
    await page.locator('#wi-active').selectOption('off');
    await page.getByRole('button', { name: 'Give order in the branch' }).click();
    await page.waitForFunction(() => W().review.state().branch?.orders.length === 1);
    // An order about another nation's unit is refused in words, as in play.
    const refused = await page.evaluate(() =>
      W().review.order({ tick: 0, kind: 'return', unit: 'ne-tera' }, 'mali'),
    );
    expect(refused.ok).toBe(false);
    const given = (await state()).branch!.orders;
    expect(given.map((o) => o.ok)).toEqual([true, false]);
    expect(given[0]!.text).toMatch(/^Suspend .*Mali.*Niger/);
    expect(given[1]!.error).toMatch(/not yours to command/);
    expect(await page.locator('[data-testid="branch-orders"]').textContent()).toMatch(
      /✕.*refused: .*not yours to command/,
    );

    // Both run to the recorded end, D+0 18:00.
    await page.locator('#wi-to').fill('18');
    await page.getByRole('button', { name: 'Run both and compare' }).click();
    await page.waitForFunction(() => W().review.state().branch?.comparison !== null, null, {
      timeout: 60_000,
    });
    compared = (await state()).branch!.comparison!;
    expect(compared).toMatchObject({ tick: 72, from: 24, refused: [] });
    // The session as played, run to its end, is what the report measured there.
    const aar = (await state()).aar!;
    expect(compared.recorded).toEqual(aar.metrics.final);
    // The branch differs: no Mali–Burkina suspension at D+0 06:00 (dropped), Mali–Niger instead.
    const rows = await page.locator('[data-testid="comparison"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        metric: tr.getAttribute('data-metric'),
        changed: tr.classList.contains('changed'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const changed = rows.filter((r) => r.changed);
    expect(changed.length).toBeGreaterThan(0);
    for (const r of rows) {
      const key = r.metric as keyof Comparison['recorded'];
      const diff = compared.branch[key] - compared.recorded[key];
      expect(r.changed, r.metric!).toBe(Math.abs(diff) >= 0.0005);
      if (!r.changed) continue;
      // As played, branch, and the signed difference, as shown.
      const [, played, branch, difference] = r.cells.map(Number);
      expect(played).toBeCloseTo(compared.recorded[key], 1);
      expect(branch).toBeCloseTo(compared.branch[key], 1);
      expect(difference).toBeCloseTo(diff, 1);
    }
    expect(await page.locator('[data-testid="comparison-head"]').textContent()).toMatch(
      new RegExp(
        `D\\+0 18:00 from the branch point D\\+0 06:00: ${changed.length} of ${rows.length} core metrics differ`,
      ),
    );
    const withheld = rows.find((r) => r.metric === 'messagesWithheld')!;
    expect(withheld.cells).toEqual(['Tracks withheld', '1', '0', '-1']);
    await page.screenshot({ path: `${OUT}/aar-what-if.png` });
    console.log(`what if: ${Date.now() - t0} ms`);
  });

  it('the after-action report: drawn charts, map images at the bookmarks, numbers that match, a PDF of several A4 pages', async () => {
    const t0 = Date.now();
    await page.getByRole('button', { name: 'After-action report' }).click();
    const report = page.locator('[data-testid="report"][data-images="ready"]');
    await report.waitFor({ timeout: 60_000 });
    const aar = (await state()).aar!;

    // The summary's numbers are the session's, and the what-if's "as played" column.
    const kpi = async (label: string) =>
      page
        .locator('.rp-kpi', { has: page.locator('span', { hasText: new RegExp(`^${label}$`) }) })
        .locator('b')
        .textContent();
    expect(await kpi('Incidents')).toBe(String(compared.recorded.incidents));
    expect(await kpi('Tracks withheld')).toBe(String(aar.metrics.final.messagesWithheld));
    expect(await kpi('COP completeness')).toBe(
      `${Math.round(aar.metrics.final.copCompleteness * 100)} %`,
    );
    expect(await page.locator('.rp-meta').textContent()).toMatch(/verified — hash [0-9a-f]{16}/);

    // Timeline of key events and injects: the three injects, the proposal, the attack.
    const timeline = (await page.locator('[data-section="timeline"]').textContent()) ?? '';
    for (const text of [
      'STARTEX',
      'Ayorou: armed men on motorbikes',
      'Dust storm over Sector Centre',
      'accepted by Burkina Faso',
      'attacks',
    ])
      expect(timeline).toContain(text);
    expect(await page.locator('[data-section="timeline"] tbody tr').count()).toBe(
      aar.timeline.length + aar.injects.length,
    );
    // Each role's orders, as many as the session recorded, each with what came of it.
    const byRole = new Map<string, number>();
    for (const o of file.orders) byRole.set(o.role, (byRole.get(o.role) ?? 0) + 1);
    const orders = (await page.locator('[data-section="orders"]').textContent()) ?? '';
    for (const r of file.roles) {
      const n = byRole.get(r.id) ?? 0;
      expect(orders).toContain(`${r.name} — ${n} order${n === 1 ? '' : 's'}`);
    }
    expect(await page.locator('[data-section="orders"] .rp-status').count()).toBe(
      file.orders.length,
    );
    expect(orders).toMatch(/arrived D\+0 01:00/);

    // Charts: every one drawn with its series' colours; the incidents line climbs.
    const ink = await chartInk();
    expect(ink.length).toBeGreaterThanOrEqual(7);
    for (const c of ink) expect(c.pixels, c.title).toBeGreaterThan(150);
    const incidents = ink.find((c) => c.title.startsWith('Incidents'))!;
    expect(incidents.spread / incidents.h).toBeGreaterThan(0.4);

    // Map images: ground truth and Mali's picture at each bookmark and at the end, from Pixi's
    // extract, PNG data URLs of a real size with a real picture in them.
    const images = await mapImages();
    expect(images.length).toBe(6);
    for (const im of images) {
      expect(im.url, im.alt).toMatch(/^(data:image\/png;base64,|blob:)/);
      // Drawn at 1000×640 CSS px (and a caption strip); software WebGL renders at 0.75.
      expect(im.w, im.alt).toBeGreaterThanOrEqual(750);
      expect(im.h, im.alt).toBeGreaterThanOrEqual(480);
      expect(im.length, im.alt).toBeGreaterThan(50_000);
      expect(im.colours, im.alt).toBeGreaterThan(40);
    }
    expect(images.map((i) => i.alt)).toEqual([
      'Ground truth at D+0 00:00',
      'Mali at D+0 00:00',
      'Ground truth at D+0 12:00',
      'Mali at D+0 12:00',
      'Ground truth at D+0 18:00',
      'Mali at D+0 18:00',
    ]);

    await page.screenshot({ path: `${OUT}/aar-report.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${OUT}/aar-report-1280.png` });
    await page.evaluate(() =>
      document.querySelector('[data-section="maps"]')!.scrollIntoView({ block: 'start' }),
    );
    await page.screenshot({ path: `${OUT}/aar-report-maps-1280.png` });
    await page.setViewportSize({ width: 1600, height: 900 });

    // Print: the app's chrome gone, every chart within the A4 column; a PDF of several pages.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 700, height: 990 }); // A4 less the @page margins
    const fit = await page.evaluate(() => {
      const col = document.querySelector('[data-testid="report"]')!.getBoundingClientRect();
      const wraps = [...document.querySelectorAll('.rp-chart .u-wrap, .rp-images img')];
      return {
        bar: getComputedStyle(document.querySelector('.rp-bar')!).display,
        overflow: wraps.filter((w) => w.getBoundingClientRect().right > col.right + 1).length,
        n: wraps.length,
      };
    });
    expect(fit).toEqual({ bar: 'none', overflow: 0, n: ink.length + images.length });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1600, height: 900 });
    writeFileSync(`${OUT}/aar-report.pdf`, pdf);
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // Charts and map images went to paper as images.
    expect((text.match(/\/Subtype\s*\/Image/g) ?? []).length).toBeGreaterThanOrEqual(6);
    console.log(`report and PDF (${pages.length} pages): ${Date.now() - t0} ms`);
  });

  it('"Download report (HTML)": one self-contained file with the key sections, charts and maps inlined, readable without script', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report (HTML)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sahel-classroom.aar.html');
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toBe(await page.evaluate(() => W().review.html()));
    writeFileSync(`${OUT}/aar-report.html`, html);

    // Nothing outside the file, and nothing to run.
    expect(html).not.toMatch(/<script|<link|<iframe|@import|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    const srcs = [...html.matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThanOrEqual(13); // ≥ 7 charts + 6 maps
    for (const s of srcs) expect(s).toMatch(/^data:image\/png;base64,/);
    for (const section of ['summary', 'timeline', 'orders', 'metrics', 'actors', 'picture', 'maps'])
      expect(html).toContain(`data-section="${section}"`);
    for (const heading of [
      'Timeline of key events and injects',
      'MSEL injects fired',
      'Orders and what came of them',
      'Core metrics over time',
      'By actor',
      'Each actor’s picture against the truth',
      'Picture completeness',
      'The map at the bookmarks',
    ])
      expect(html).toContain(heading);

    const viewer = await app.context.newPage();
    const problems: string[] = [];
    viewer.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    const requests: string[] = [];
    viewer.on('request', (r) => {
      if (!r.url().startsWith('data:')) requests.push(r.url());
    });
    // The file forbids scripts and outside loads itself; opened, it reads as in the app.
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    );
    await viewer.setContent(html);
    const seen = await viewer.evaluate(() => ({
      images: [...document.images].filter((i) => i.complete && i.naturalWidth > 0).length,
      all: document.images.length,
      h2: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      width: document.querySelector('.report')!.getBoundingClientRect().width,
    }));
    expect(seen.images).toBe(seen.all);
    expect(seen.h2).toContain('The map at the bookmarks');
    expect(seen.width).toBeGreaterThan(600);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await viewer.close();
  });

  it('the event log as GeoJSON: a FeatureCollection of points in the region, ISO 8601 times, SIDCs', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export events (GeoJSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sahel-classroom.events.geojson');
    const geo = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      type: string;
      features: Array<{
        type: string;
        geometry: { type: string; coordinates: number[] };
        properties: { kind: string; tick: number; time: string; unit: string | null; sidc: string };
      }>;
    };
    expect(geo).toEqual(
      JSON.parse(JSON.stringify(await page.evaluate(() => W().review.geojson()))),
    );
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(10);
    const [w, s, e, n] = scenario.geography.bbox;
    const start = Date.parse(scenario.start);
    const end = start + file.tick * scenario.tickMinutes * 60_000;
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(lon).toBeGreaterThanOrEqual(w);
      expect(lon).toBeLessThanOrEqual(e);
      expect(lat).toBeGreaterThanOrEqual(s);
      expect(lat).toBeLessThanOrEqual(n);
      const p = f.properties;
      expect(p.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
      expect(Date.parse(p.time)).toBe(start + p.tick * scenario.tickMinutes * 60_000);
      expect(Date.parse(p.time)).toBeLessThanOrEqual(end);
      if (p.unit !== null) expect(p.sidc, `${p.kind} ${p.unit}`).toMatch(/^[A-Z*-]{15}$/);
    }
    const kinds = new Set(geo.features.map((f) => f.properties.kind));
    expect(kinds).toContain('attack');
    expect(geo.features.some((f) => f.properties.unit !== null)).toBe(true);
  });

  it('leaves the review with no console error, CSP violation or review failure', async () => {
    expect((await state()).notice).toBeNull();
    await page.getByRole('button', { name: '← Back to the replay' }).click();
    await page.getByRole('button', { name: '← Back to the exercise' }).click();
    await page.waitForFunction(() => W().map !== null && !W().review.state().open);
    expect(errors).toEqual([]);
  });
});
