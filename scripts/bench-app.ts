// `npm run bench:app`: the planner's app in headless Chromium (Debian's, software WebGL).
// 1. Smoothness: sahel-ct plays at top speed; after load, every main-thread long task is
//    recorded (PerformanceObserver 'longtask': tasks over 50 ms), with frames the map drew
//    and ticks the worker ran.
// 2. Layer build: a 10,000-unit variant of sahel-ct is loaded and stepped; each snapshot push
//    reports the time the map spent reconciling its layers (MapView.stats().lastBuildMs).
// Prints JSON lines on stdout and a short table on stderr.
import { readFileSync } from 'node:fs';
import { type GpuMode, startApp } from '../tests/e2e/browser';

type Concord = {
  ready: Promise<void>;
  play(): void;
  pause(): void;
  setSpeed(s: number | 'max'): void;
  loadJson(json: unknown, seed: number, name?: string): Promise<void>;
  runTo(t: number): Promise<string>;
  store: { getState(): { tick: number; totalTicks: number } };
  map: { stats(): { lastBuildMs: number; frames: number; renderer: string } } | null;
};

const PLAY_MS = Number(process.env.BENCH_APP_PLAY_MS ?? 12_000);
const PUSHES = 21;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** sahel-ct with its unit entries repeated until there are `target` units. */
function scaledScenario(target: number): unknown {
  const doc = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
  const perCopy = doc.units.reduce((n: number, u: { count?: number }) => n + (u.count ?? 1), 0);
  const copies = Math.ceil(target / perCopy);
  const units: Array<Record<string, unknown>> = [];
  for (let k = 0; k < copies; k++)
    for (const u of doc.units) units.push({ ...u, id: `${u.id}-x${k}` });
  doc.units = units;
  // Keep parameters valid: a parameter naming a unit id now matches nothing.
  doc.parameters = doc.parameters.filter((p: { path: string }) => !p.path.startsWith('units.'));
  return doc;
}

const gpu = (process.env.BENCH_APP_GPU ?? 'swiftshader-gpu') as GpuMode;
const app = await startApp(gpu);
try {
  const page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}?scenario=sahel-ct&seed=7`);
  await page.waitForFunction(
    () => (window as unknown as { concord?: unknown }).concord !== undefined,
  );
  await page.evaluate(() => (window as unknown as { concord: Concord }).concord.ready);
  await page.waitForFunction(
    () => (window as unknown as { concord: Concord }).concord.map !== null,
  );

  // 1. Play at top speed, recording long tasks after load.
  const play = await page.evaluate(async (ms) => {
    const c = (window as unknown as { concord: Concord }).concord;
    const tasks: number[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    obs.observe({ type: 'longtask', buffered: false });
    const f0 = c.map!.stats().frames;
    const t0 = c.store.getState().tick;
    const start = performance.now();
    c.setSpeed('max');
    c.play();
    await new Promise((r) => setTimeout(r, ms));
    c.pause();
    const elapsed = performance.now() - start;
    await new Promise((r) => setTimeout(r, 200));
    obs.disconnect();
    return {
      seconds: elapsed / 1000,
      ticks: c.store.getState().tick - t0,
      frames: c.map!.stats().frames - f0,
      longTasks: tasks.length,
      maxTaskMs: tasks.length ? Math.max(...tasks) : 0,
      renderer: c.map!.stats().renderer,
    };
  }, PLAY_MS);
  const smooth = {
    kind: 'app-play',
    scenario: 'sahel-ct',
    speed: 'max',
    seconds: +play.seconds.toFixed(2),
    ticks: play.ticks,
    ticksPerS: Math.round(play.ticks / play.seconds),
    mapFrames: play.frames,
    mapFps: +(play.frames / play.seconds).toFixed(1),
    longTasksOver50ms: play.longTasks,
    maxTaskMs: +play.maxTaskMs.toFixed(1),
    renderer: play.renderer,
  };
  console.log(JSON.stringify(smooth));

  // 2. Layer build from a 10,000-unit snapshot.
  const json = scaledScenario(10_000);
  const builds = await page.evaluate(
    async ({ json, pushes }) => {
      const c = (window as unknown as { concord: Concord }).concord;
      await c.loadJson(json, 7, 'sahel-ct-10k');
      const out: number[] = [];
      for (let i = 1; i <= pushes; i++) {
        await c.runTo(i);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        out.push(c.map!.stats().lastBuildMs);
      }
      return out;
    },
    { json, pushes: PUSHES },
  );
  const units = (json as { units: Array<{ count?: number }> }).units.reduce(
    (n, u) => n + (u.count ?? 1),
    0,
  );
  const build = {
    kind: 'app-layer-build',
    units,
    pushes: builds.length,
    medianMs: +median(builds).toFixed(2),
    minMs: +Math.min(...builds).toFixed(2),
    maxMs: +Math.max(...builds).toFixed(2),
  };
  console.log(JSON.stringify(build));
  console.log(JSON.stringify({ kind: 'app-errors', pageErrors: errors }));
  process.stderr.write(
    `\napp bench (headless Chromium, ${smooth.renderer})\n` +
      `  play sahel-ct at max for ${smooth.seconds} s: ${smooth.ticks} ticks (${smooth.ticksPerS}/s), map ${smooth.mapFps} fps, ` +
      `${smooth.longTasksOver50ms} main-thread tasks over 50 ms (longest ${smooth.maxTaskMs} ms)\n` +
      `  layer build, ${units} units: median ${build.medianMs} ms (min ${build.minMs}, max ${build.maxMs}) over ${build.pushes} pushes\n`,
  );
  await page.close();
} finally {
  await app.close();
}
