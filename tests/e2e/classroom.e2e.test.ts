// A classroom on three devices in real Chromium, against `concord serve` (a child process): the
// trainer opens a room from the app's setup dialog, two national cells join from their links in
// their own browser contexts, each orders its own units (another's is refused), the white cell
// fires an inject and executes the turn. Every frame a player's socket receives is captured and
// checked against ground truth: no other actor's unit id, no threat cell the player's nation has
// not detected, no other role's token. A revoked link is refused. Then the server is killed (-9)
// and started again: the pages reconnect by themselves, at the same tick and hash, with every
// acknowledged order; `concord replay` verifies the room's journal. Screenshots of the room
// panel and a player's view go to test-results/.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame } from '../../src/remote/wire';
import { builtApp, freePort, launchBrowser } from './browser';

type Json = Record<string, unknown>;
interface Concord {
  ready: Promise<void>;
  map: object | null;
  store: { getState(): Json };
  api: {
    hash(): Promise<string>;
    events(from: number): Promise<Json[]>;
    fireNow(serial: string): Promise<{ ok: boolean }>;
    saveFile(): Promise<{ orders: Array<{ role: string; order: Json }> }>;
    checkOrder(o: Json, role?: string): Promise<string | null>;
  };
  exercise(): {
    active: boolean;
    role: string;
    view: {
      turn: { phase: string; turn: number; ready: string[] };
      msel: Array<{ serial: string }> | null;
    } | null;
  };
  classroom(): { connection: string; room: string; role: string };
  room(
    m: 'info' | 'reissue' | 'revoke',
    role?: string,
  ): Promise<{
    code: string;
    roles: Array<{ id: string; link: string; connected: number }>;
  }>;
  giveOrder(o: Json): Promise<{ ok: boolean; error?: string }>;
  refreshExercise(): Promise<void>;
}
const W = () => (window as unknown as { concord: Concord }).concord;

let appDir: string;
let data: string;
let port: number;
let server: ChildProcess | null = null;
let browser: Browser;
let white: Page;
const players: Record<string, Page> = {};
/** Every frame each player's page received, as latin1 text (binary frames too) and decoded. */
const frames: Record<string, Array<{ text: string; value: unknown }>> = { mali: [], niger: [] };
const links: Record<string, string> = {};
const errors: string[] = [];

async function startServer(): Promise<void> {
  const child = spawn(
    process.execPath,
    ['bin/concord.mjs', 'serve', '--port', String(port), '--data', data, '--app', appDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server = child;
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Concord classroom server')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`concord serve exited ${code}: ${out}`)));
  });
}

async function openPage(url: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  await page.addInitScript(() => {
    (window as unknown as { W: unknown }).W = () =>
      (window as unknown as { concord: unknown }).concord;
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { concord?: unknown }).concord);
  return page;
}

/** Units of the page's own nation that take a "return" order now (not under a task force). */
function orderable(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const c = W();
    const d = c.store.getState().description as { units: Array<{ id: string }> };
    const tick = c.store.getState().tick as number;
    const out: string[] = [];
    for (const u of d.units)
      if ((await c.api.checkOrder({ tick, kind: 'return', unit: u.id })) === null) out.push(u.id);
    return out;
  });
}

const connected = (p: Page) =>
  p.waitForFunction(() => W().classroom().connection === 'open' && W().exercise().active, null, {
    timeout: 60_000,
  });

beforeAll(async () => {
  appDir = builtApp();
  data = mkdtempSync(join(tmpdir(), 'concord-room-'));
  port = await freePort();
  mkdirSync('test-results', { recursive: true });
  await startServer();
  browser = await launchBrowser();
  white = await openPage(`http://127.0.0.1:${port}/`, 'white');
  await white.evaluate(() => W().ready);
  await white.waitForFunction(() => W().map !== null);
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGKILL');
  rmSync(data, { recursive: true, force: true });
});

describe('a classroom on three devices', () => {
  it('the trainer opens a room from the setup dialog and sees a QR code per role', async () => {
    await white.click('#ex-new');
    const open = white.locator('#ex-open-room');
    await expect.poll(() => open.isEnabled(), { timeout: 30_000 }).toBe(true);
    await open.click();
    await connected(white);
    expect(await white.evaluate(() => W().classroom().role)).toBe('white');
    const info = await white.evaluate(() => W().room('info'));
    for (const r of info.roles) links[r.id] = r.link;
    expect(Object.keys(links)).toEqual(expect.arrayContaining(['white', 'mali', 'niger']));
    expect(links.mali).toMatch(new RegExp(`#room=${info.code}&token=[\\w-]{22}$`));
    await white.click('#room-open');
    await expect.poll(() => white.locator('.room-qr').count()).toBeGreaterThanOrEqual(2);
    await white.screenshot({ path: 'test-results/classroom-room-1600.png' });
    await white.setViewportSize({ width: 1280, height: 720 });
    await white.screenshot({ path: 'test-results/classroom-room-1280.png' });
    await white.setViewportSize({ width: 1600, height: 900 });
    await white.keyboard.press('Escape');
  });

  it('two national cells join from their links, each on its own device', async () => {
    for (const role of ['mali', 'niger']) {
      const page = await openPage(links[role]!, role);
      page.on('websocket', (ws) =>
        ws.on('framereceived', (f) => {
          const buf = typeof f.payload === 'string' ? null : f.payload;
          frames[role]!.push({
            text: buf ? buf.toString('latin1') : (f.payload as string),
            value: decodeFrame(buf ? new Uint8Array(buf) : (f.payload as string)),
          });
        }),
      );
      players[role] = page;
    }
    // The frame listener came after the first page load: reload so that the join is captured.
    for (const [role, page] of Object.entries(players)) {
      await page.reload();
      await connected(page);
      expect(await page.evaluate(() => W().exercise().role)).toBe(role);
      await page.waitForFunction(() => W().map !== null);
    }
    const mali = players.mali!;
    await mali.screenshot({ path: 'test-results/classroom-player-1600.png' });
    await mali.setViewportSize({ width: 1280, height: 720 });
    await mali.screenshot({ path: 'test-results/classroom-player-1280.png' });
    await mali.setViewportSize({ width: 1600, height: 900 });
    const info = await white.evaluate(() => W().room('info'));
    expect(info.roles.find((r) => r.id === 'mali')?.connected).toBe(1);
  });

  it('each player orders its own units; another nation’s unit is refused', async () => {
    const truth = await white.evaluate(() => {
      const d = W().store.getState().description as {
        actors: Array<{ id: string }>;
        units: Array<{ id: string; owner: number }>;
      };
      return { actors: d.actors.map((a) => a.id), units: d.units };
    });
    for (const [role, other] of [
      ['mali', 'niger'],
      ['niger', 'mali'],
    ] as const) {
      const theirs = truth.units.find((u) => u.owner === truth.actors.indexOf(other))!;
      const page = players[role]!;
      const own = (await orderable(page))[0]!;
      const ok = await page.evaluate((unit) => W().giveOrder({ kind: 'return', unit }), own);
      expect(ok).toEqual({ ok: true });
      const refused = await page.evaluate(
        (unit) => W().giveOrder({ kind: 'return', unit }),
        theirs.id,
      );
      expect(refused.ok).toBe(false);
    }
    const record = await white.evaluate(() => W().api.saveFile());
    expect(record.orders.map((o) => o.role).sort()).toEqual(['mali', 'niger']);
  });

  it('the white cell fires an inject, the cells mark ready, the turn runs on every device', async () => {
    const serial = await white.evaluate(() => W().exercise().view!.msel![0]!.serial);
    expect(await white.evaluate((s) => W().api.fireNow(s), serial)).toEqual({ ok: true });
    for (const page of Object.values(players)) await page.click('.ex-ready');
    await white.waitForFunction(
      () => ['mali', 'niger'].every((r) => W().exercise().view?.turn.ready.includes(r)),
      null,
      { timeout: 20_000 },
    );
    // Burkina Faso's cell has not come: the white cell executes without it.
    await white.click('text=Execute now…');
    await white.click('.ex-dialog >> text=Execute now');
    for (const page of [white, ...Object.values(players)])
      await page.waitForFunction(
        () => {
          const t = W().exercise().view?.turn;
          return t?.turn === 2 && t.phase === 'planning';
        },
        null,
        { timeout: 90_000 },
      );
    const ticks = await Promise.all(
      [white, ...Object.values(players)].map((p) =>
        p
          .waitForFunction(() => (W().store.getState().tick as number) > 0)
          .then(() => p.evaluate(() => W().store.getState().tick as number)),
      ),
    );
    expect(new Set(ticks).size).toBe(1);
  });

  it("a player's socket carried nothing beyond its own picture", async () => {
    const d = await white.evaluate(() => {
      const s = W().store.getState().description as Record<string, unknown> & {
        actors: Array<{ id: string }>;
        units: Array<{ id: string; owner: number }>;
      };
      // Ids that public things (bases, places, zones…) share with units say nothing of a unit.
      const shared: string[] = [];
      for (const [k, v] of Object.entries(s))
        if (k !== 'units' && Array.isArray(v))
          for (const x of v) if (x && typeof x.id === 'string') shared.push(x.id);
      return { actors: s.actors.map((a) => a.id), units: s.units, shared };
    });
    const events = await white.evaluate(() => W().api.events(0));
    const info = await white.evaluate(() => W().room('info'));
    for (const role of ['mali', 'niger'] as const) {
      const me = d.actors.indexOf(role);
      const got = frames[role]!;
      expect(got.length).toBeGreaterThan(20);
      const text = got.map((f) => f.text).join('\n');
      // Other nations' units, by id (sahel-ct's nations command no task force: own units only).
      for (const u of d.units)
        if (u.owner !== me && !d.shared.includes(u.id))
          expect(text.includes(`"${u.id}"`), `${role} received ${u.id}`).toBe(false);
      // Other roles' tokens.
      for (const r of info.roles)
        if (r.id !== role) {
          const token = r.link.split('token=')[1]!;
          expect(text.includes(token), `${role} received ${r.id}'s token`).toBe(false);
        }
      // Threat cells: only those its nation detected (ground truth: the log's detections).
      const known = new Set(
        events.filter((e) => e.k === 'detect' && e.actor === role).map((e) => e.cell),
      );
      const cells = new Set<unknown>();
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object' && !ArrayBuffer.isView(v))
          for (const [k, x] of Object.entries(v)) {
            if (k === 'cell' && x !== null && x !== undefined && typeof x !== 'object')
              cells.add(x);
            walk(x);
          }
      };
      got.forEach((f) => walk(f.value));
      for (const c of cells)
        expect(known.has(c), `${role} received undetected cell ${c}`).toBe(true);
    }
  });

  it('a revoked link is refused at once, and a new one lets the cell back in', async () => {
    const niger = players.niger!;
    await white.evaluate(() => W().room('revoke', 'niger'));
    await niger.waitForFunction(() => W().classroom().connection === 'closed');
    const again = await openPage(links.niger!, 'niger-revoked');
    await again.waitForFunction(() => W().classroom().connection === 'closed');
    expect(await again.locator('#room-connection').textContent()).toMatch(/Disconnected/);
    await again.context().close();
    const info = await white.evaluate(() => W().room('reissue', 'niger'));
    links.niger = info.roles.find((r) => r.id === 'niger')!.link;
    await niger.goto('about:blank');
    await niger.goto(links.niger);
    await connected(niger);
  });

  it('kill -9 mid-turn: the server comes back at the same tick and hash, the pages reconnect', async () => {
    const mali = players.mali!;
    const unit = (await orderable(mali)).at(-1)!;
    const acked = await mali.evaluate((u) => W().giveOrder({ kind: 'return', unit: u }), unit);
    expect(acked).toEqual({ ok: true });
    const before = {
      hash: await white.evaluate(() => W().api.hash()),
      tick: await white.evaluate(() => W().store.getState().tick as number),
      orders: (await white.evaluate(() => W().api.saveFile())).orders.length,
    };
    for (const p of [white, mali]) await p.evaluate(() => ((window as unknown as Json).kept = 1));
    server!.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    await white.waitForFunction(() => W().classroom().connection !== 'open');
    await startServer();
    for (const p of [white, mali]) await connected(p);
    for (const p of [white, mali])
      expect(await p.evaluate(() => (window as unknown as Json).kept)).toBe(1); // no reload
    expect(await white.evaluate(() => W().api.hash())).toBe(before.hash);
    await mali.waitForFunction((t) => W().store.getState().tick === t, before.tick);
    const record = await white.evaluate(() => W().api.saveFile());
    expect(record.orders.length).toBe(before.orders);
    expect(record.orders.at(-1)).toMatchObject({ role: 'mali', order: { unit } });
    const code = await white.evaluate(() => W().classroom().room);
    const r = spawnSync(
      process.execPath,
      ['bin/concord.mjs', 'replay', join(data, 'rooms', code, 'journal.ndjson')],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: sahel-ct/);
    expect(errors).toEqual([]);
  });
});
