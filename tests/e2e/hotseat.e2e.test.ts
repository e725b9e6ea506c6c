// Hot seat in real Chromium: a trainer sets up an exercise in the "New exercise…" dialog (an own
// file with problems is refused by path), hands the screen from role to role behind the
// hand-over card (no map in the page while it shows; a wrong passcode refused), each role
// orders in its own view and receives nothing beyond its own picture, inject cards are
// acknowledged, bookmarks kept, a proposal accepted by the other role switches the sharing, and
// turns run — ready, execute, the countdown running out — to the end of their span. Leaves
// screenshots of a player's and the white cell's view at 1600×900 and 1280×720 in test-results/.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from './browser';

type Json = Record<string, unknown>;
interface Concord {
  ready: Promise<void>;
  map: object | null;
  store: { getState(): Json };
  api: {
    roleDescribe(actor: number): Promise<{ units: Array<{ id: string; owner: number }> }>;
    roleSnapshot(actor: number, since: number): Promise<Json>;
    roleEvents(actor: number, from: number): Promise<Json[]>;
    snapshot(view: number, since: number): Promise<Json>;
    fireNow(serial: string): Promise<{ ok: boolean }>;
  };
  exercise(): {
    active: boolean;
    role: string;
    handover: { to: string } | null;
    view: {
      turn: { phase: string; turn: number; ready: string[]; deadline: number | null };
      setup: Json;
      roles: Array<{ id: string }>;
      proposals: Array<{ id: string; from: string; to: string; status: string }>;
      cards: Array<{ serial: string; acked: boolean; ackedBy: string[] }>;
      bookmarks: Array<{ role: string; note: string }>;
    };
  };
  refreshExercise(): Promise<void>;
  giveOrder(o: Json): Promise<{ ok: boolean; error?: string }>;
  startExercise(o: Json): Promise<void>;
  scenarioDoc(name: string): Promise<unknown>;
}
/**
 * `window.concord`, typed. Functions handed to page.evaluate run in the page, where the init
 * script below defines the same `W`.
 */
const W = () => (window as unknown as { concord: Concord }).concord;

let app: App;
let page: Page;
const errors: string[] = [];
/** Every unit id of the scenario, and ids that public things (bases, places) share with units. */
let allUnits: Array<{ id: string; owner: number }> = [];
let publicIds: string[] = [];

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
    (window as unknown as { W: unknown }).W = () =>
      (window as unknown as { concord: unknown }).concord;
  });
  await page.goto(app.url);
  await page.waitForFunction(() => (window as unknown as { concord?: unknown }).concord);
  await page.evaluate(() => W().ready);
  await page.waitForFunction(() => W().map !== null);
});
afterAll(async () => {
  await app?.close();
});

const exercise = () => page.evaluate(() => W().exercise());
const session = () =>
  page.evaluate(() => {
    const s = W().store.getState();
    return {
      tick: s.tick as number,
      playing: s.playing as boolean,
      notice: (s.notice as { text: string } | null)?.text ?? null,
    };
  });
/** The map is up again for the role on screen (a hand-over recreates it). */
const mapReady = (role: string) =>
  page.waitForFunction(
    (r) => W().exercise().role === r && W().exercise().handover === null && W().map !== null,
    role,
  );

/** Opens the hand-over card from the bar and reveals `role`'s view (with its passcode). */
async function handOverTo(role: string, name: string, passcode = ''): Promise<void> {
  await page.locator('#ex-handover-open').click();
  await page.locator('#ex-handover').waitFor();
  const title = await page.locator('#ex-handover-title').textContent();
  if (title !== `Pass to ${name}`) await page.locator('#ex-handover select').selectOption(role);
  await expect.poll(() => page.locator('#ex-handover-title').textContent()).toBe(`Pass to ${name}`);
  if (passcode) await page.getByLabel(`${name}'s passcode`).fill(passcode);
  await page.locator('.ex-reveal').click();
  await mapReady(role);
}

/** Share of a screenshot's pixels that are the hand-over card's background colour. */
async function backgroundShare(png: Buffer): Promise<number> {
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
    let bg = 0;
    let n = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      n++;
      if (Math.abs(d[i]! - 0x0f) + Math.abs(d[i + 1]! - 0x19) + Math.abs(d[i + 2]! - 0x23) < 12)
        bg++;
    }
    return bg / n;
  }, png.toString('base64'));
}

/**
 * What a role's screen receives — the store's description, its role description, snapshot and
 * feed — names no other actor's unit; its snapshot has no threat cells and only its own tracks.
 */
async function fogCheck(actorId: string): Promise<void> {
  const got = await page.evaluate(async (id) => {
    const c = W();
    const d = c.store.getState().description as {
      actors: Array<{ id: string }>;
      units: Array<{ id: string; owner: number }>;
    };
    const a = d.actors.findIndex((x) => x.id === id);
    const desc = await c.api.roleDescribe(a);
    const snap = (await c.api.roleSnapshot(a, 0)) as {
      units: { lon: Float32Array };
      cells: { cell: Int32Array };
      tracks: { actor: Int16Array };
      events: Json[];
    };
    const events = await c.api.roleEvents(a, 0);
    return {
      a,
      owners: [...new Set(d.units.map((u) => u.owner))],
      units: d.units.map((u) => u.id),
      roleUnits: desc.units.map((u) => u.id),
      snapUnits: snap.units.lon.length,
      cells: snap.cells.cell.length,
      trackActors: [...new Set(Array.from(snap.tracks.actor))],
      events: events.length,
      text: [d, desc, events, snap.events].map((x) => JSON.stringify(x)).join('\n'),
    };
  }, actorId);
  const mine = allUnits.filter((u) => u.owner === got.a).map((u) => u.id);
  expect(got.owners).toEqual([got.a]);
  expect(got.units).toEqual(mine);
  expect(got.roleUnits).toEqual(mine);
  expect(got.snapUnits).toBe(mine.length);
  expect(got.cells).toBe(0);
  expect(got.trackActors.every((x) => x === got.a)).toBe(true);
  const foreign = allUnits
    .filter((u) => u.owner !== got.a && !publicIds.includes(u.id))
    .map((u) => u.id);
  expect(foreign.length).toBeGreaterThan(20);
  expect(foreign.filter((u) => got.text.includes(`"${u}"`))).toEqual([]);
}

/** Controls in the exercise UI (bar, open dialogs, hand-over card) that have no accessible name. */
const unnamedControls = () =>
  page.evaluate(() => {
    const roots = [...document.querySelectorAll('.ex-bar, dialog[open], #ex-handover')];
    const out: string[] = [];
    for (const root of roots)
      for (const el of root.querySelectorAll<HTMLElement>('button, input, select, textarea')) {
        const labelled = el.getAttribute('aria-labelledby');
        const name =
          el.getAttribute('aria-label') ||
          (labelled && document.getElementById(labelled)?.textContent) ||
          [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ') ||
          (el.tagName === 'BUTTON' ? el.textContent : '') ||
          el.getAttribute('title');
        if (!name?.trim()) out.push(el.outerHTML.slice(0, 120));
      }
    return out;
  });

describe('hot seat on one screen', () => {
  it('sets up an exercise: an own file is checked with path-named problems, a bundled one starts', async () => {
    const t0 = Date.now();
    await page.locator('#ex-new').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    // Focus is trapped: Tab never leaves the dialog; Escape closes it and focus returns.
    for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ex-new');

    await page.locator('#ex-new').click();
    const dlg = page.getByRole('dialog', { name: 'New exercise' });
    await page.locator('#ex-scenario-ok').waitFor();
    // The user's own file, by the picker: schema problems named by path, Start refused.
    const bad = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
    bad.tickMinutes = -5;
    bad.actors[0].kind = 'planet';
    await dlg.getByLabel('Your own scenario file').setInputFiles({
      name: 'my-sahel.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const problems = page.locator('.ex-scenario-bad');
    await expect.poll(() => problems.textContent()).toMatch(/my-sahel\.json.*cannot be used/);
    expect(await problems.textContent()).toMatch(/tickMinutes: .*-5/);
    expect(await problems.textContent()).toMatch(/actors\[0\]\.kind: /);
    expect(await dlg.getByRole('button', { name: 'Start exercise' }).isDisabled()).toBe(true);
    // …and by drag-and-drop onto the dialog: a JSON syntax error with its line and column.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{\n  "id": nope\n}'], 'dropped.json', { type: 'application/json' }));
      const form = document.querySelector('dialog[open] form')!;
      form.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true }));
      form.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
    });
    await expect.poll(() => problems.textContent()).toMatch(/dropped\.json/);
    expect(await problems.textContent()).toMatch(/line 2, column \d+: invalid JSON/);
    await page.screenshot({ path: 'test-results/hotseat-setup-problems.png' });

    // A bundled scenario: its main nations are ticked; Burkina Faso is left to the engine.
    await dlg.getByLabel('Bundled scenario').selectOption('sahel-ct');
    await page.locator('#ex-scenario-ok').waitFor();
    for (const n of ['Mali', 'Niger', 'Burkina Faso'])
      expect(await dlg.getByRole('checkbox', { name: n, exact: true }).isChecked()).toBe(true);
    await dlg.getByRole('checkbox', { name: 'Burkina Faso', exact: true }).uncheck();
    await dlg.getByLabel('Seed').fill('11');
    await dlg.getByLabel('Title').fill('Liptako-Gourma hot seat');
    await dlg.getByLabel('Passcode for Mali').fill('sesame');
    await dlg.getByLabel('Execution span (scenario hours)').fill('1');
    await dlg.getByLabel(/Planning countdown/).fill('0.2');
    expect(await unnamedControls()).toEqual([]);
    await page.screenshot({ path: 'test-results/hotseat-setup.png' });
    await dlg.getByRole('button', { name: 'Start exercise' }).click();
    await page.waitForFunction(() => W().exercise().active && W().map !== null);
    await expect.poll(() => dialog.count()).toBe(0);
    const ex = await exercise();
    expect(ex.role).toBe('white');
    expect(ex.view.roles.map((r) => r.id)).toEqual(['white', 'mali', 'niger']);
    expect(ex.view.setup).toMatchObject({ mode: 'turns', executionHours: 1, planningSeconds: 12 });
    allUnits = await page.evaluate(
      () =>
        (W().store.getState().description as { units: Array<{ id: string; owner: number }> }).units,
    );
    publicIds = await page.evaluate(() => {
      const d = W().store.getState().description as Record<string, Array<{ id: string }>>;
      return [...d.bases!, ...d.places!, ...d.routes!].map((x) => x.id);
    });
    console.log(`setup: ${Date.now() - t0} ms`);
  });

  it('the white cell fires an inject card; the hand-over card covers the map; a wrong passcode is refused', async () => {
    await page.evaluate(async () => {
      await W().api.fireNow('1');
      await W().refreshExercise();
    });
    expect((await exercise()).view.cards.map((c) => c.serial)).toEqual(['1']);
    await page.screenshot({ path: 'test-results/hotseat-white-1600.png' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/hotseat-white-1280.png' });
    await page.setViewportSize({ width: 1600, height: 900 });

    await page.locator('#ex-handover-open').click();
    await page.locator('#ex-handover').waitFor();
    expect(await page.locator('#ex-handover-title').textContent()).toBe('Pass to Mali');
    // Nothing of the last view is left in the page: no canvas, no map, no panels, no feed.
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.locator('.map-area, .side, .timeline, .ex-bar').count()).toBe(0);
    const png = await page.screenshot({ path: 'test-results/hotseat-handover.png' });
    expect(await backgroundShare(png)).toBeGreaterThan(0.8);
    // Escape does not lift the card; Space does not start the clock behind it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Space');
    expect(await page.locator('#ex-handover').count()).toBe(1);
    expect((await session()).playing).toBe(false);
    expect(await unnamedControls()).toEqual([]);

    await page.getByLabel("Mali's passcode").fill('open sesame');
    await page.locator('.ex-reveal').click();
    await expect
      .poll(() => page.locator('.ex-handover-error').textContent())
      .toMatch(/Wrong passcode for Mali/);
    expect(await exercise()).toMatchObject({ role: 'white', handover: { to: 'mali' } });
    expect(await page.locator('canvas').count()).toBe(0);
    await page.getByLabel("Mali's passcode").fill('sesame');
    await page.locator('.ex-reveal').click();
    await mapReady('mali');
  });

  it('Mali sees only its own picture, orders its unit, suspends an agreement, acknowledges the card, bookmarks', async () => {
    await fogCheck('mali');
    expect(await page.locator('#ex-holder').textContent()).toBe('Mali');
    // The white cell's tools are not offered to a player.
    expect(await page.locator('#play').count()).toBe(0);
    expect(await page.getByRole('button', { name: '3600×' }).count()).toBe(0);
    expect(await page.locator('#ex-new').count()).toBe(0);
    expect(await page.locator('.ex-seek-lock[inert]').count()).toBe(1);
    expect(await page.locator('.view-pick').isVisible()).toBe(false);
    // Space on the page does not run the clock for a player.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await session()).toMatchObject({ tick: 0, playing: false });

    expect(
      await page.evaluate(() =>
        W().giveOrder({ tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] }),
      ),
    ).toEqual({ ok: true });

    // The inject card waits under the bar until acknowledged.
    const tray = page.locator('#ex-card-tray');
    await tray.waitFor();
    expect(await tray.textContent()).toMatch(/Serial 1.*from EXCON.*D\+0 00:00.*Z JAN 26/s);
    expect(await page.locator('.ex-bar .ex-badge').textContent()).toBe('1');

    await page.getByRole('tab', { name: 'Agreements', exact: true }).click();
    await page.getByRole('button', { name: 'Suspend Agreement ag-ml-ne' }).click();
    await expect.poll(() => session().then((s) => s.notice)).toMatch(/ag-ml-ne off/);
    await page.screenshot({ path: 'test-results/hotseat-player-1600.png' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/hotseat-player-1280.png' });
    await page.setViewportSize({ width: 1600, height: 900 });

    await page.getByRole('button', { name: /^Acknowledge card 1/ }).click();
    await expect.poll(() => exercise().then((e) => e.view.cards[0]?.acked)).toBe(true);
    expect(await page.locator('.ex-bar .ex-badge').count()).toBe(0);

    await page.getByRole('button', { name: /^Bookmark this moment/ }).click();
    await page.getByLabel(/^Note for D\+0 00:00/).fill('Gao road: convoy at risk');
    // Space typed in the note is text, not the clock.
    expect((await session()).playing).toBe(false);
    await page.getByRole('button', { name: 'Bookmark this moment', exact: true }).click();
    await expect
      .poll(() => page.locator('.ex-bookmark-list').textContent())
      .toMatch(/convoy at risk/);
    expect(await unnamedControls()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

    await page.getByRole('button', { name: 'Ready', exact: true }).click();
    await expect.poll(() => exercise().then((e) => e.view.turn.ready)).toEqual(['mali']);
    expect(await page.locator('#ex-handover-open').textContent()).toBe('Hand over ▸ Niger');
  });

  it("Niger orders in its own view; an order to Mali's unit is refused in words", async () => {
    await handOverTo('niger', 'Niger');
    await fogCheck('niger');
    expect(
      await page.evaluate(() =>
        W().giveOrder({ tick: 0, kind: 'move', unit: 'ne-ouallam', position: [1.5, 14.2] }),
      ),
    ).toEqual({ ok: true });
    const refused = await page.evaluate(() =>
      W().giveOrder({ tick: 0, kind: 'return', unit: 'ml-gao-1' }),
    );
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/not yours to command/);
    await expect
      .poll(() => page.locator('.notice.error').textContent())
      .toMatch(/Order refused: .*not yours to command/);
    // Niger has not acknowledged its card: the badge says so.
    expect(await page.locator('.ex-bar .ex-badge').textContent()).toBe('1');
    await page.getByRole('button', { name: 'Ready', exact: true }).click();
    await expect.poll(() => exercise().then((e) => e.view.turn.ready)).toEqual(['mali', 'niger']);
    expect(await page.locator('#ex-handover-open').textContent()).toBe('Hand over ▸ White cell');
  });

  it('turn 1: the white cell sees the card log and bookmarks, executes, and the turn ends at its span', async () => {
    await handOverTo('white', 'White cell');
    await page.getByRole('button', { name: /^Card log/ }).click();
    const log = page.locator('dialog[open]');
    await expect.poll(() => log.textContent()).toMatch(/Mali acknowledged at D\+0 00:00/);
    expect(await log.textContent()).toMatch(/Niger has not acknowledged/);
    await page.screenshot({ path: 'test-results/hotseat-card-log.png' });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Bookmark this moment/ }).click();
    expect(await page.locator('.ex-bookmark-list').textContent()).toMatch(
      /Mali.*Gao road: convoy at risk/,
    );
    await page.keyboard.press('Escape');

    const t0 = Date.now();
    await page.getByRole('button', { name: '600×', exact: true }).click();
    const execute = page.locator('#ex-execute');
    expect(await execute.isEnabled()).toBe(true);
    await execute.click();
    await page.locator('.ex-turn.executing progress').waitFor();
    await page.screenshot({ path: 'test-results/hotseat-executing.png' });
    await page.waitForFunction(() => {
      const e = W().exercise();
      const s = W().store.getState();
      return (
        e.view.turn.turn === 2 && e.view.turn.phase === 'planning' && !s.playing && s.tick === 4
      );
    });
    console.log(`turn 1 execution: ${Date.now() - t0} ms`);
    // One hour of 15-minute ticks, then the clock stopped: the suspension has taken effect.
    expect((await session()).tick).toBe(4);
    const on = await page.evaluate(async () => {
      const c = W();
      const d = c.store.getState().description as { agreements: Array<{ id: string }> };
      const i = d.agreements.findIndex((a) => a.id === 'ag-ml-ne');
      const snap = (await c.api.snapshot(-1, 1e9)) as { agreementsActive: Uint8Array };
      return snap.agreementsActive[i];
    });
    expect(on).toBe(0);
    // A new planning phase: nobody ready, the countdown running, Execute waiting.
    const ex = await exercise();
    expect(ex.view.turn.ready).toEqual([]);
    expect(ex.view.turn.deadline).toBeGreaterThan(Date.now());
    expect(await execute.isDisabled()).toBe(true);
  });

  it('turn 2: Mali proposes restoring the agreement, Niger accepts, the countdown runs out, the turn runs', async () => {
    await handOverTo('mali', 'Mali', 'sesame');
    await fogCheck('mali');
    await page.getByRole('tab', { name: 'Agreements', exact: true }).click();
    await page.getByRole('button', { name: 'Propose restoring Agreement ag-ml-ne' }).click();
    await expect
      .poll(() => page.locator('[data-panel="agreements"]').textContent())
      .toMatch(/Restoring proposed · waiting for Niger/);

    await handOverTo('niger', 'Niger');
    await page.getByRole('tab', { name: 'Agreements', exact: true }).click();
    const accept = page.getByRole('button', { name: /^Accept proposal p1: restore ag-ml-ne/ });
    await accept.click();
    await expect
      .poll(() => exercise().then((e) => e.view.proposals.find((p) => p.id === 'p1')?.status))
      .toBe('accepted');
    expect(await page.locator('[data-panel="agreements"]').textContent()).toMatch(/accepted/);

    // Nobody marked ready this time: the white cell waits for the countdown.
    await handOverTo('white', 'White cell');
    const execute = page.locator('#ex-execute');
    const deadline = (await exercise()).view.turn.deadline!;
    if (deadline > Date.now() + 1500) {
      expect(await execute.isDisabled()).toBe(true);
      await page.getByRole('button', { name: /Enlarge the countdown/ }).click();
      await page.locator('.ex-countdown-big').waitFor();
      await page.screenshot({ path: 'test-results/hotseat-countdown.png' });
      await page.getByRole('button', { name: /Shrink the countdown/ }).click();
    }
    await expect.poll(() => execute.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('#ex-countdown').textContent()).toBe('TIME UP');
    await execute.click();
    await page.waitForFunction(() => {
      const e = W().exercise();
      const s = W().store.getState();
      return e.view.turn.turn === 3 && !s.playing && s.tick === 8;
    });
    // The accepted proposal switched the agreement on again, in the engine and on the map's data.
    const on = await page.evaluate(async () => {
      const c = W();
      const s = c.store.getState();
      const d = s.description as { agreements: Array<{ id: string }> };
      const i = d.agreements.findIndex((a) => a.id === 'ag-ml-ne');
      const snap = (await c.api.snapshot(-1, 1e9)) as { agreementsActive: Uint8Array };
      return { engine: snap.agreementsActive[i], store: (s.agreementsActive as boolean[])[i] };
    });
    expect(on).toEqual({ engine: 1, store: true });
    await page.getByRole('tab', { name: 'Agreements', exact: true }).click();
    expect(
      await page.getByRole('switch', { name: 'Agreement ag-ml-ne' }).getAttribute('aria-checked'),
    ).toBe('true');
    expect(await page.locator('[data-panel="agreements"]').textContent()).toMatch(
      /Mali proposes restoring.*accepted/,
    );
    await page.screenshot({ path: 'test-results/hotseat-white-turn3.png' });
    expect(errors).toEqual([]);
  });

  it('real time: the white cell runs the clock; a player has no play, speed, step or seek', async () => {
    await page.evaluate(async () => {
      const c = W();
      await c.startExercise({
        title: 'Real time',
        scenario: { name: 'sahel-ct', doc: await c.scenarioDoc('sahel-ct') },
        seed: 2,
        setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
        roles: [{ actor: 'mali' }, { actor: 'niger' }],
      });
    });
    await mapReady('white');
    expect(await page.locator('.ex-turn').textContent()).toMatch(/Real time/);
    expect(await page.locator('#play').count()).toBe(1);
    await handOverTo('mali', 'Mali');
    expect(await page.locator('#play').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Next event ▸▸' }).count()).toBe(0);
    expect(await page.locator('.ex-seek-lock[inert]').count()).toBe(1);
    await page.keyboard.press('Space');
    await page.keyboard.press('n');
    expect(await session()).toMatchObject({ tick: 0, playing: false });
    expect(
      await page.evaluate(() =>
        W().giveOrder({ tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] }),
      ),
    ).toEqual({ ok: true });
    // Real time: Mali passes to Niger, then the white cell.
    expect(await page.locator('#ex-handover-open').textContent()).toBe('Hand over ▸ Niger');
    await handOverTo('white', 'White cell');
    await page.locator('#play').click();
    await page.waitForFunction(() => (W().store.getState().tick as number) > 2);
    await page.locator('#play').click();
    expect(errors).toEqual([]);
  });
});
