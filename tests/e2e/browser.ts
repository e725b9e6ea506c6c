// Browser test harness: builds the app once, serves it with vite preview on a free port,
// and opens pages in Debian's Chromium through playwright-core (never a downloaded browser).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const COMMON = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];
/**
 * 'software': --disable-gpu, software compositing (the proven default for tests; the page's
 * main thread reads every WebGL frame back). 'swiftshader-gpu': SwiftShader acting as the GPU
 * (ANGLE), GPU compositing, no main-thread readback: closer to a real GPU for timing.
 */
export type GpuMode = 'software' | 'swiftshader-gpu';
const GPU_ARGS: Record<GpuMode, string[]> = {
  software: ['--disable-gpu'],
  'swiftshader-gpu': ['--use-gl=angle', '--use-angle=swiftshader', '--ignore-gpu-blocklist'],
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface App {
  url: string;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Builds the app into `out` (the e2e run's global setup does it once for every file). */
export function buildApp(out: string): void {
  execFileSync(
    'node_modules/.bin/vite',
    ['build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'],
    { stdio: 'inherit' },
  );
}

export async function startApp(gpu: GpuMode = 'software'): Promise<App> {
  // CONCORD_E2E_OUT builds into another directory, so that two test runs do not share dist/.
  const out = process.env.CONCORD_E2E_OUT ?? 'dist';
  // Built once by tests/e2e/global-build.ts for the whole run; a script or a lone file builds.
  if (process.env.CONCORD_E2E_BUILT !== out) buildApp(out);
  const port = await freePort();
  const server: ChildProcess = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', out],
    {
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const profile = mkdtempSync(join(tmpdir(), 'concord-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...COMMON, ...GPU_ARGS[gpu]],
  });
  return {
    url,
    context,
    async close() {
      await context.close();
      server.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A browser for several isolated contexts (devices of a classroom), same flags as startApp. */
export function launchBrowser(gpu: GpuMode = 'software'): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...COMMON, ...GPU_ARGS[gpu]],
  });
}

/** The built app's folder for this run (built here when the global setup did not). */
export function builtApp(): string {
  const out = process.env.CONCORD_E2E_OUT ?? 'dist';
  if (process.env.CONCORD_E2E_BUILT !== out) buildApp(out);
  return out;
}

/** Resolves once the page's map has drawn its first frame and the session is ready. */
export async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const c = (
      window as unknown as {
        concord?: { map: unknown; store: { getState(): { status: { phase: string } } } };
      }
    ).concord;
    return !!c && c.map !== null && c.store.getState().status.phase === 'ready';
  });
  await page.locator('.map-drawing').waitFor({ state: 'detached' });
}

/**
 * A page of the app at a size, its console errors and page errors collected, `W()` defined in
 * the page (the page's `window.concord`, for page functions); resolves once the map is ready.
 */
export async function openAppPage(
  app: App,
  width: number,
  height: number,
  query = '?scenario=sahel-ct&seed=3',
): Promise<{ page: Page; errors: string[] }> {
  const page = await app.context.newPage();
  await page.setViewportSize({ width, height });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    (window as unknown as { W: () => unknown }).W = () =>
      (window as unknown as { concord: unknown }).concord;
  });
  await page.goto(`${app.url}${query}`);
  await page.waitForFunction(() => (window as unknown as { concord?: unknown }).concord);
  await page.evaluate(
    () => (window as unknown as { concord: { ready: Promise<void> } }).concord.ready,
  );
  await mapReady(page);
  return { page, errors };
}
