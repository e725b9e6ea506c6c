// Sessions that never lose work, in real Chromium: an exercise played through the app comes
// back after a reload mid-turn (and in a new tab on the same URL) at the same tick and hash,
// with the white cell on screen; "Save session" downloads a file that `concord replay`
// verifies; a tampered copy fails in Node naming the tick and is refused in the app while the
// open exercise keeps its tick and hash; a version-1 file migrates and opens; the user's own
// scenario opens by drag-and-drop, and a broken one (or an oversized file) shows its problems.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConcordHooks,
  playExample,
  reloadSame,
  saveThroughApp,
  waitForApp,
  waitForSessionUrl,
  where,
} from '../../scripts/play-example-session';
import type { SessionFile } from '../../src/exercise/session-file';
import { type App, startApp } from './browser';

let app: App;
let page: Page;
const errors: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'concord-sessions-e2e-'));
/** The tick and hash when the reload happened (turn 3's planning phase), and after it. */
let reload: {
  before: { tick: number; hash: string; role: string };
  after: { tick: number; hash: string; role: string };
};
let saved: { name: string; text: string };

const concord = (...args: string[]) =>
  spawnSync('node', ['bin/concord.mjs', ...args], { encoding: 'utf8' });
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

beforeAll(async () => {
  app = await startApp();
  page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(app.url);
  await waitForApp(page);
});
afterAll(async () => {
  await app?.close();
});

/** Opens a file through the hidden picker input ("Open…"), as a person picking it would. */
async function pick(name: string, text: string): Promise<void> {
  await page.setInputFiles('.sessions-input', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await settled();
}

/** Drops a file on the map, as dragging it from the desktop does. */
async function drop(name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.querySelector('main') ?? document.body;
      const ev = (type: string) =>
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true });
      target.dispatchEvent(ev('dragenter'));
      target.dispatchEvent(ev('dragover'));
      target.dispatchEvent(ev('drop'));
    },
    { name, text },
  );
  await settled();
}

/** Waits until the file being opened is open or refused. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const c = (window as unknown as { concord: ConcordHooks }).concord;
    return c.sessions.state().busy === null && c.store().status.phase !== 'loading';
  });
}

const dialogText = async () => (await page.locator('#file-problems').textContent()) ?? '';

describe('sessions in the app', () => {
  it('plays an exercise through the app; a reload mid-turn comes back at the same tick and hash, the white cell on screen', async () => {
    const t0 = Date.now();
    const { turns } = await playExample(page, async (p) => {
      const before = await where(p);
      const after = await reloadSame(p);
      reload = { before, after };
    });
    expect(turns.map((t) => t.tick)).toEqual([24, 48, 72]);
    // Mid-turn: the planning phase of turn 3, the last order given by Burkina Faso's player.
    expect(reload.before).toMatchObject({ tick: 48, role: 'burkina' });
    expect(reload.after).toMatchObject({ tick: 48, hash: reload.before.hash, role: 'white' });
    // The hand-over state is clear and the exercise is the same one (same session id).
    const ex = await page.evaluate(() =>
      (window as unknown as { concord: ConcordHooks }).concord.exercise(),
    );
    expect(ex.active).toBe(true);
    expect(new URL(page.url()).searchParams.get('session')).toBe(ex.sessionId);
    expect(errors).toEqual([]);
    console.log(`played 3 turns with a reload in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  it('a closed tab reopened on the same URL comes back at the same tick and hash', async () => {
    await waitForSessionUrl(page);
    const before = await where(page);
    const url = page.url();
    await page.close();
    page = await app.context.newPage();
    await page.setViewportSize({ width: 1600, height: 900 });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await waitForApp(page);
    const after = await where(page);
    expect(after).toMatchObject({ tick: before.tick, hash: before.hash, role: 'white' });
    expect(before.tick).toBe(72);
  });

  it('"Save session" downloads <title>-D+<d>.concord.json, and concord replay verifies it in Node', async () => {
    await expect(page.getByRole('button', { name: 'Save session' }).isEnabled()).resolves.toBe(
      true,
    );
    saved = await saveThroughApp(page);
    expect(saved.name).toBe('sahel-classroom-D+0.concord.json');
    const file = JSON.parse(saved.text) as SessionFile;
    expect(file.tick).toBe(72);
    expect(file.turns.map((t) => t.to)).toEqual([24, 48, 72]);
    const r = concord('replay', write(saved.name, saved.text));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^ok: sahel-ct, seed 11: \d+ orders replayed to tick 72; \d+ recorded hashes equal/,
    );
    const { hash } = await where(page);
    expect(r.stdout).toContain(`(last ${hash})`);
  });

  it('a tampered copy fails `concord replay` naming the tick (exit 4); the app refuses it and the open exercise keeps its tick and hash', async () => {
    const bad = JSON.parse(saved.text) as SessionFile;
    const move = bad.orders.find((o) => o.order.kind === 'move')!;
    (move.order as { position: [number, number] }).position = [-1.5, 15.5];
    const text = JSON.stringify(bad);
    const r = concord('replay', write('tampered.concord.json', text));
    expect(r.status).toBe(4);
    const tick = /tick (\d+): the replayed state differs from the recorded one/.exec(r.stderr);
    expect(tick, r.stderr).not.toBeNull();
    const before = await where(page);
    await pick('tampered.concord.json', text);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialogText()).toContain('This session file was refused');
    expect(await dialogText()).toContain(`tick ${tick![1]}: the replayed state differs`);
    expect(await dialogText()).toContain('The open run is unchanged');
    // Keyboard: the focus is on Close, and Escape closes the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await where(page)).toMatchObject({ tick: before.tick, hash: before.hash });
    const ex = await page.evaluate(() =>
      (window as unknown as { concord: ConcordHooks }).concord.exercise(),
    );
    expect(ex.active).toBe(true);
  });

  it('a malformed session file is refused with its problems by path', async () => {
    const bad = JSON.parse(saved.text) as Record<string, unknown>;
    (bad.orders as Array<{ role: string }>)[0]!.role = 'atlantis';
    const before = await where(page);
    await pick('malformed.concord.json', JSON.stringify(bad));
    await page.getByRole('dialog').waitFor();
    expect(await dialogText()).toMatch(
      /orders\[0\]\.role\s*: found "atlantis"; not a role of this session/,
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await where(page)).toMatchObject({ tick: before.tick, hash: before.hash });
  });

  it('a version-1 session file migrates and opens at its tick, with the hash `concord replay` gives, and a reload keeps it', async () => {
    const v1 = {
      format: 'concord-session',
      version: 1,
      scenario: 'sahel-ct',
      seed: 4,
      tick: 40,
      orders: [{ tick: 10, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] }],
      hashes: [],
    };
    const text = JSON.stringify(v1);
    const node = concord('replay', write('v1.concord.json', text), '--json');
    expect(node.status, node.stderr).toBe(0);
    const expected = JSON.parse(node.stdout) as { hash: string; tick: number };
    await pick('v1.concord.json', text);
    expect(await page.locator('#file-problems').count()).toBe(0);
    const s = await where(page);
    expect(s).toMatchObject({ tick: 40, hash: expected.hash });
    // Saved in this browser as soon as it opened: a reload before any order comes back to it.
    const back = await reloadSame(page);
    expect(back).toMatchObject({ tick: 40, hash: expected.hash });
  });

  it("the user's own scenario file opens by drag-and-drop as a planner's run", async () => {
    const doc = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
    doc.id = 'my-sahel';
    doc.name = 'My Sahel variant';
    doc.durationDays = 10;
    await drop('my-sahel.json', JSON.stringify(doc));
    expect(await page.locator('#file-problems').count()).toBe(0);
    const s = await page.evaluate(() => {
      const st = (window as unknown as { concord: ConcordHooks }).concord.store.getState() as {
        scenario: string;
        status: { phase: string };
        totalTicks: number;
        tick: number;
        description: { scenario: { name: string } };
      };
      return {
        scenario: st.scenario,
        phase: st.status.phase,
        totalTicks: st.totalTicks,
        tick: st.tick,
        name: st.description.scenario.name,
      };
    });
    expect(s).toEqual({
      scenario: 'my-sahel',
      phase: 'ready',
      totalTicks: 960,
      tick: 0,
      name: 'My Sahel variant',
    });
  });

  it('a broken scenario file shows its problems by path, and the open run stays', async () => {
    const doc = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
    doc.tickMinutes = -5;
    doc.units[0].owner = 'atlantis';
    const before = await where(page);
    await drop('broken.json', JSON.stringify(doc));
    await page.getByRole('dialog').waitFor();
    const text = await dialogText();
    expect(text).toContain('This scenario file has problems');
    expect(text).toMatch(/tickMinutes\s*:/);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await where(page)).toMatchObject({ tick: before.tick, hash: before.hash });
    const scenario = await page.evaluate(
      () =>
        (window as unknown as { concord: ConcordHooks }).concord.store.getState()
          .scenario as string,
    );
    expect(scenario).toBe('my-sahel');
  });

  it('a file over the size limit is refused before it is read', async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(33_000_000)], 'huge.json'));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    });
    await page.getByRole('dialog').waitFor();
    expect(await dialogText()).toMatch(/found 33 MB; allowed: at most 32 MB/);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
