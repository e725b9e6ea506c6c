// Plays the example exercise session through the app in headless Chromium and saves it with
// the app's own "Save session": scenarios/sessions/sahel-classroom.concord.json.
//
//   npx tsx scripts/play-example-session.ts [out.concord.json]
//
// The game (sahel-ct, seed 11, turns of 6 hours, hot seat on one screen): Mali, Niger and
// Burkina Faso each take the screen in turn (`showRole`) and give their orders through the
// app's `giveOrder`; the white cell starts each execution phase and plays it at top speed.
// - Turn 1: three national patrols go out (Mali also moves a Gao company north); the white cell
//   adds a live narrative inject for Niger (the Ayorou mayor's report, due D+0 08:00).
// - Turn 2: Niger and Burkina move companies to the tri-border; Mali suspends its track
//   exchange with Burkina Faso. The narrative fires during the execution phase.
// - Turn 3: Niger acknowledges the card; the white cell adds a dust storm that closes the air
//   over Sector Centre and fires it at once; Mali proposes restoring the exchange and Burkina
//   Faso accepts; the three move units home. The page is reloaded mid-turn (same tick, same
//   hash) before the last execution phase.
// The file is checked with `concord replay` before it is written. The driver functions are
// exported for the browser tests and the app bench.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { CreateOptions } from '../src/exercise/host';
import type { MselEntry } from '../src/exercise/msel';
import type { SessionFile } from '../src/exercise/session-file';
import type { Order } from '../src/sim/world';
import { startApp } from '../tests/e2e/browser';

/** The slice of `window.concord` (src/main.tsx) the driver uses. */
export interface ConcordHooks {
  ready: Promise<void>;
  store: (() => {
    tick: number;
    hash: string;
    playing: boolean;
    status: { phase: string; message: string };
  }) & { getState(): Record<string, unknown> };
  map: object | null;
  api: {
    setReady(role: string, ready: boolean): Promise<Ack>;
    execute(force?: boolean): Promise<Ack>;
    setMsel(entries: MselEntry[]): Promise<Ack>;
    fireNow(serial: string): Promise<Ack>;
    propose(
      role: string,
      target: { kind: 'agreement' | 'right'; id: string },
      active: boolean,
    ): Promise<Ack>;
    answer(role: string, id: string, accept: boolean): Promise<Ack>;
    ack(role: string, serial: string): Promise<Ack>;
    bookmark(role: string, note: string): Promise<Ack>;
    hash(): Promise<string>;
    exercise(role?: string): Promise<{
      turn: { phase: string; turn: number };
      msel: MselEntry[] | null;
      proposals: Array<{ id: string; from: string; to: string; status: string }>;
      cards: Array<{ serial: string; acked: boolean }>;
    }>;
  };
  setSpeed(s: number | 'max'): void;
  play(): void;
  pause(): Promise<void>;
  scenarioDoc(name: string): Promise<unknown>;
  startExercise(o: CreateOptions): Promise<void>;
  openSession(doc: unknown, id?: string): Promise<{ ok: boolean; problems?: string[] }>;
  showRole(role: string): Promise<void>;
  giveOrder(order: Order): Promise<Ack>;
  exercise(): { active: boolean; role: string; sessionId: string; view: unknown };
  refreshExercise(): Promise<void>;
  sessions: {
    record(): Promise<{ name: string; file: SessionFile }>;
    save(): Promise<string | null>;
    open(file: File): Promise<{ ok: boolean; problems?: string[] }>;
    state(): { dialog: { title: string; problems: string[] } | null; busy: string | null };
  };
}
type Ack = { ok: true } | { ok: false; error: string };

export const EXAMPLE_FILE = 'scenarios/sessions/sahel-classroom.concord.json';

export const EXAMPLE_SETUP = {
  title: 'Sahel classroom',
  scenario: 'sahel-ct',
  seed: 11,
  setup: { mode: 'turns', executionHours: 6, planningSeconds: null },
  roles: [
    { actor: 'mali', name: 'Mali' },
    { actor: 'niger', name: 'Niger' },
    { actor: 'burkina', name: 'Burkina Faso' },
  ],
} as const;

/** Opens the app at `url` and waits for the map (a fresh page, or a reload). */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { concord?: unknown }).concord !== undefined,
  );
  await page.evaluate(() => (window as unknown as { concord: ConcordHooks }).concord.ready);
  await page.waitForFunction(
    () => (window as unknown as { concord: ConcordHooks }).concord.map !== null,
  );
}

/** Starts an exercise through the app, the white cell on screen. */
export async function startExample(
  page: Page,
  o: {
    title?: string;
    seed?: number;
    executionHours?: number;
    roles?: ReadonlyArray<{ actor: string; name: string }>;
  } = {},
): Promise<void> {
  await page.evaluate(
    async ({ setup }) => {
      const c = (window as unknown as { concord: ConcordHooks }).concord;
      await c.startExercise({
        title: setup.title,
        scenario: { name: setup.scenario, doc: await c.scenarioDoc(setup.scenario) },
        seed: setup.seed,
        setup: setup.setup,
        roles: setup.roles.map((r) => ({ ...r })),
      });
      const s = c.store();
      if (s.status.phase !== 'ready')
        throw new Error(`exercise did not start: ${s.status.message}`);
    },
    {
      setup: {
        ...EXAMPLE_SETUP,
        title: o.title ?? EXAMPLE_SETUP.title,
        seed: o.seed ?? EXAMPLE_SETUP.seed,
        setup: { ...EXAMPLE_SETUP.setup, executionHours: o.executionHours ?? 6 },
        roles: o.roles ?? EXAMPLE_SETUP.roles,
      },
    },
  );
}

/** Hands the screen to `role` and gives its orders through the app; each must be accepted. */
export async function ordersAs(
  page: Page,
  role: string,
  orders: Array<Record<string, unknown>>,
): Promise<void> {
  await page.evaluate(
    async ({ role, orders }) => {
      const c = (window as unknown as { concord: ConcordHooks }).concord;
      await c.showRole(role);
      for (const o of orders) {
        const r = await c.giveOrder({ tick: 0, ...o } as unknown as Order);
        if (!r.ok) throw new Error(`${role}: ${JSON.stringify(o)} refused: ${r.error}`);
      }
    },
    { role, orders },
  );
}

/** A white-cell or role action through the app's engine API; it must be accepted. */
export async function act<K extends keyof ConcordHooks['api']>(
  page: Page,
  method: K,
  ...args: Parameters<ConcordHooks['api'][K]>
): Promise<void> {
  await page.evaluate(
    async ({ method, args }) => {
      const c = (window as unknown as { concord: ConcordHooks }).concord;
      const fn = c.api[method] as (...a: unknown[]) => Promise<Ack>;
      const r = await fn(...args);
      if (!r.ok) throw new Error(`${method}(${JSON.stringify(args)}) refused: ${r.error}`);
      await c.refreshExercise();
    },
    { method, args: args as unknown[] },
  );
}

/**
 * Ends the planning phase: every player marks ready, the white cell takes the screen, starts
 * the execution phase and plays it at top speed until the next planning phase. Resolves with
 * the tick and hash there, and the main thread's long tasks (ms) meanwhile.
 */
export async function executeTurn(
  page: Page,
  players: readonly string[],
): Promise<{ tick: number; hash: string; longTasks: number[]; ms: number }> {
  return page.evaluate(
    async ({ players }) => {
      const c = (window as unknown as { concord: ConcordHooks }).concord;
      for (const p of players) await c.api.setReady(p, true);
      if (c.exercise().role !== 'white') await c.showRole('white');
      const before = (await c.api.exercise('white')).turn.turn;
      const r = await c.api.execute();
      if (!r.ok) throw new Error(`execute refused: ${r.error}`);
      const tasks: number[] = [];
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      });
      obs.observe({ type: 'longtask', buffered: false });
      const t0 = performance.now();
      c.setSpeed('max');
      c.play();
      for (;;) {
        await new Promise((res) => setTimeout(res, 50));
        const t = (await c.api.exercise('white')).turn;
        if (!c.store().playing && (t.turn > before || t.phase === 'ended')) break;
        if (performance.now() - t0 > 120_000) throw new Error('the execution phase never ended');
      }
      const ms = performance.now() - t0;
      // Let the last snapshot land before reading the store.
      await new Promise((res) => setTimeout(res, 100));
      obs.disconnect();
      await c.refreshExercise();
      const s = c.store();
      return { tick: s.tick, hash: s.hash, longTasks: tasks, ms };
    },
    { players },
  );
}

/**
 * The tick on screen and the state hash: the store's (the white cell's view shows it; a
 * player's view blanks it) or else the engine's, with the role on screen.
 */
export async function where(
  page: Page,
): Promise<{ tick: number; hash: string; role: string; url: string }> {
  return page.evaluate(async () => {
    const c = (window as unknown as { concord: ConcordHooks }).concord;
    const s = c.store();
    const hash = s.hash || (await c.api.hash());
    return { tick: s.tick, hash, role: c.exercise().role, url: location.search };
  });
}

/** Waits until the URL names the exercise saved in this browser (`session=`). */
export async function waitForSessionUrl(page: Page): Promise<string> {
  // The URL is written a moment after a change: wait for this session's id and the shown tick.
  await page.waitForFunction(
    () => {
      const c = (window as unknown as { concord: ConcordHooks }).concord;
      const q = new URLSearchParams(location.search);
      const id = c.exercise().sessionId;
      return !!id && q.get('session') === id && Number(q.get('t') ?? 0) === c.store().tick;
    },
    null,
    { timeout: 10_000 },
  );
  return new URL(page.url()).searchParams.get('session')!;
}

/** The live injects of the example: a narrative for Niger, and a dust storm over Sector Centre. */
export const LIVE_NARRATIVE: MselEntry = {
  serial: 'L1',
  timing: { kind: 'at', hours: 8 },
  from: 'Governor of Tillabéri',
  to: ['niger'],
  method: 'phone',
  subject: 'Ayorou: armed men on motorbikes',
  message:
    'The mayor of Ayorou reports some thirty armed men on motorbikes north of the town, heading for the Malian border.',
  expectedAction: 'Acknowledge; decide whether to task a patrol',
  effect: null,
};
export const LIVE_WEATHER: MselEntry = {
  serial: 'L2',
  timing: { kind: 'at', hours: 240 },
  from: 'EXCON',
  to: [],
  method: 'sim',
  subject: 'Dust storm over Sector Centre',
  message:
    'A dust storm closes the air over Sector Centre for 12 hours: helicopter and UAV sorties are suspended.',
  expectedAction: 'Re-plan air sorties',
  effect: { kind: 'weather', zone: 'sector-centre', closes: ['air'], hours: 12 },
};

/**
 * Plays the example game through the app up to the planning phase of turn 4; `reload` is
 * called once mid-turn (turn 3's planning phase, orders given) and must bring the app back.
 */
export async function playExample(
  page: Page,
  reload?: (page: Page) => Promise<void>,
): Promise<{ turns: Array<{ tick: number; hash: string }> }> {
  const players = EXAMPLE_SETUP.roles.map((r) => r.actor);
  const turns: Array<{ tick: number; hash: string }> = [];
  await startExample(page);

  // Turn 1: patrols out; the white cell adds the narrative for Niger.
  await ordersAs(page, 'mali', [
    { kind: 'patrol-area', unit: 'ml-hombori-1', zone: 'pa-gourma' },
    { kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] },
  ]);
  await ordersAs(page, 'niger', [
    { kind: 'patrol-area', unit: 'ne-ouallam', zone: 'pa-tillaberi-north' },
  ]);
  await ordersAs(page, 'burkina', [{ kind: 'patrol-area', unit: 'bf-djibo', zone: 'pa-soum' }]);
  await addMsel(page, LIVE_NARRATIVE);
  await act(page, 'bookmark', 'white', 'Turn 1: three national patrols out in the tri-border');
  turns.push(await executeTurn(page, players));

  // Turn 2: to the tri-border; Mali suspends its track exchange with Burkina Faso.
  await ordersAs(page, 'niger', [{ kind: 'move', unit: 'ne-tera', position: [0.9, 14.3] }]);
  await ordersAs(page, 'burkina', [{ kind: 'move', unit: 'bf-dori', position: [-0.3, 14.3] }]);
  await ordersAs(page, 'mali', [{ kind: 'set-agreement', agreement: 'ag-ml-bf', active: false }]);
  turns.push(await executeTurn(page, players));

  // Turn 3: Niger acknowledges its card; a dust storm fired by hand; the exchange restored by
  // agreement; units home.
  await act(page, 'ack', 'niger', 'L1');
  await addMsel(page, LIVE_WEATHER);
  await act(page, 'fireNow', 'L2');
  await act(page, 'propose', 'mali', { kind: 'agreement', id: 'ag-ml-bf' }, true);
  const proposal = await page.evaluate(async () => {
    const c = (window as unknown as { concord: ConcordHooks }).concord;
    return (await c.api.exercise('burkina')).proposals.find((p) => p.status === 'pending')!.id;
  });
  await act(page, 'answer', 'burkina', proposal, true);
  await ordersAs(page, 'niger', [{ kind: 'return', unit: 'ne-ouallam' }]);
  await ordersAs(page, 'mali', [{ kind: 'return', unit: 'ml-gao-1' }]);
  await ordersAs(page, 'burkina', [{ kind: 'return', unit: 'bf-dori' }]);
  await act(page, 'bookmark', 'white', 'Turn 3: Mali–Burkina track exchange restored by agreement');
  if (reload) await reload(page);
  turns.push(await executeTurn(page, players));
  return { turns };
}

/** Adds one entry to the MSEL as the white cell (the whole list goes back, as the editor does). */
async function addMsel(page: Page, entry: MselEntry): Promise<void> {
  await page.evaluate(async (entry) => {
    const c = (window as unknown as { concord: ConcordHooks }).concord;
    const msel = (await c.api.exercise('white')).msel ?? [];
    const r = await c.api.setMsel([...msel, entry]);
    if (!r.ok) throw new Error(`setMsel refused: ${r.error}`);
    await c.refreshExercise();
  }, entry);
}

/** Reloads the page and checks the exercise came back at the same tick and hash. */
export async function reloadSame(
  page: Page,
): Promise<{ tick: number; hash: string; role: string; before: string }> {
  await waitForSessionUrl(page);
  const before = await where(page);
  await page.reload();
  await waitForApp(page);
  const after = await where(page);
  if (after.tick !== before.tick || after.hash !== before.hash)
    throw new Error(
      `the reload came back at tick ${after.tick} (${after.hash}), not ${before.tick} (${before.hash})`,
    );
  // A reload never shows a player's view to whoever sits down next: the white cell has the screen.
  if (after.role !== 'white') throw new Error(`the reload came back showing ${after.role}`);
  return { ...after, before: before.role };
}

/** "Save session" in the app, the download captured: the file's name and text. */
export async function saveThroughApp(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#save-session'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'concord-save-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? EXAMPLE_FILE;
  const app = await startApp();
  try {
    const page = await app.context.newPage();
    await page.setViewportSize({ width: 1600, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    await waitForApp(page);
    const { turns } = await playExample(page, async (p) => {
      const back = await reloadSame(p);
      process.stderr.write(`reloaded mid-turn: tick ${back.tick}, hash ${back.hash} (same)\n`);
    });
    for (const [i, t] of turns.entries())
      process.stderr.write(`turn ${i + 1} ended at tick ${t.tick}, hash ${t.hash}\n`);
    const saved = await saveThroughApp(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, saved.text);
    process.stderr.write(`saved ${saved.name} → ${out}\n`);
  } finally {
    await app.close();
  }
  const r = spawnSync('node', ['bin/concord.mjs', 'replay', out], { encoding: 'utf8' });
  process.stderr.write(r.stdout + r.stderr);
  if (r.status !== 0) throw new Error(`concord replay ${out} exited ${r.status}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.chdir(join(dirname(fileURLToPath(import.meta.url)), '..'));
  await main();
}
