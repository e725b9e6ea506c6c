// The built app under its Content-Security-Policy (scripts/csp.ts): the served page carries it
// as a meta tag and a header, and every scenario plays, every side panel opens and a small
// experiment runs, downloads and opens a run, with no violation in the page or its workers.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { type App, startApp } from './browser';

type Concord = {
  ready: Promise<void>;
  store: { getState(): Record<string, unknown> };
  map: object | null;
};

/** What a violation looks like in the collected messages (Chromium's own wording, or ours). */
const VIOLATION = /Content Security Policy|CSP violation/;

/**
 * Workers get no init script: each worker file is served with this listener in front (from the
 * same origin, with the same headers), and the listener reports through the console, which
 * Playwright relays from workers to the page. Chromium's own violation message in a worker
 * is not relayed, so this is the only way to see one there.
 */
const WORKER_PRELUDE = `self.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation in worker: ' + e.effectiveDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));\n`;

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

interface Opened {
  page: Page;
  /** Console messages about the CSP, from the page and its workers. */
  violations: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

async function watch(): Promise<Opened> {
  const page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 1050 });
  const violations: string[] = [];
  const errors: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `CSP violation in page: ${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  await page.route(/\/assets\/[^/]*\.worker-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: WORKER_PRELUDE + (await response.text()) });
  });
  page.on('console', (m) => {
    if (VIOLATION.test(m.text())) violations.push(m.text());
    else if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, violations, errors };
}

async function open(query: string): Promise<Opened> {
  const o = await watch();
  await o.page.goto(`${app.url}${query}`);
  await o.page.waitForFunction(
    () => (window as unknown as { concord?: unknown }).concord !== undefined,
  );
  await o.page.evaluate(() => (window as unknown as { concord: Concord }).concord.ready);
  // A blocked eval stops the map from starting: say why rather than time out.
  await o.page
    .waitForFunction(() => (window as unknown as { concord: Concord }).concord.map !== null, null, {
      timeout: 20_000,
    })
    .catch((e: Error) => {
      throw new Error(`no map: ${e.message}\n${[...o.violations, ...o.errors].join('\n')}`);
    });
  return o;
}

const tick = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { concord: Concord }).concord.store.getState().tick as number,
  );

/** Plays at 3600× for a few seconds, then opens every side-panel tab in turn. */
async function exercise(page: Page): Promise<void> {
  await page.getByRole('button', { name: '3600×' }).click();
  await page.click('#play');
  await page.waitForTimeout(3000);
  await page.click('#play');
  expect(await tick(page)).toBeGreaterThan(0);
  const tabs = ['Inspector', 'ORBAT', 'Events', 'Actors', 'Agreements', 'Metrics', 'Experiments'];
  for (const tab of tabs) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.waitForSelector(`#panel-${tab === 'Metrics' ? 'charts' : tab.toLowerCase()}`);
    if (tab === 'Metrics') await page.locator('.uplot canvas').first().waitFor();
    await page.waitForTimeout(200);
  }
}

/** The policy's directives, as a map from name to source list. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name!, sources.join(' ')] as [string, string];
      }),
  );
}

const scenarios = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();

describe('the Content-Security-Policy', () => {
  it('is in the served index.html as a meta tag and a header, with no inline script', async () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('worker-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);

    const res = await fetch(app.url);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const html of [await res.text(), readFileSync('dist/index.html', 'utf8')]) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
      // Ahead of every script and stylesheet: a meta policy covers only what follows it.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s).toMatch(/\bsrc="\.\/assets\//);
    }
    // The workers' own responses carry it too: a worker takes its policy from its script.
    const page = await app.context.newPage();
    const workerHeaders: Array<string | undefined> = [];
    page.on('response', (r) => {
      if (/\.worker-[^/]*\.js$/.test(r.url()))
        workerHeaders.push(r.headers()['content-security-policy']);
    });
    await page.goto(app.url);
    await expect.poll(() => workerHeaders.length).toBeGreaterThan(0);
    expect(workerHeaders).toEqual(workerHeaders.map(() => CONTENT_SECURITY_POLICY));
    await page.close();
  });

  it('is enforced in the page and the workers, and these tests see a violation when one happens', async () => {
    const { page, violations } = await open('');
    expect(violations).toEqual([]);
    // Each of these breaks the policy on purpose; each must be blocked and reported.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
      document.createElement('div').setAttribute('style', 'color: red');
      const img = new Image();
      img.src = 'https://example.invalid/x.png';
    });
    expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
    const worker = page.workers().find((w) => /sim\.worker/.test(w.url()));
    expect(worker).toBeDefined();
    await worker!.evaluate(() => fetch('https://example.invalid/').catch(() => null));
    await expect
      .poll(() => violations.join('\n'))
      .toMatch(/in page: script-src-elem[\s\S]*in page: img-src[\s\S]*in worker: connect-src/);
    expect(violations.join('\n')).toMatch(/in page: style-src-attr/);
    await page.close();
  });

  it.each(['', ...scenarios.map((s) => `?scenario=${s}`)])(
    'the app on "%s" plays and opens every panel with no violation',
    async (query) => {
      const { page, violations, errors } = await open(query);
      const offered = await page.evaluate(
        () =>
          (window as unknown as { concord: Concord }).concord.store.getState()
            .scenarios as string[],
      );
      expect(offered).toEqual(scenarios);
      await exercise(page);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('scenario picker, Load, a small experiment, its CSV and one of its runs: no violation', async () => {
    const { page, violations, errors } = await open('');
    // Switching scenario and pressing Load (a <form> submit the app handles itself).
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('sea-maritime');
    await page.waitForFunction(
      () =>
        (window as unknown as { concord: Concord }).concord.store.getState().scenario ===
        'sea-maritime',
    );
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await page.waitForFunction(
      () =>
        (
          (window as unknown as { concord: Concord }).concord.store.getState().status as {
            phase: string;
          }
        ).phase === 'ready',
    );

    await page.getByRole('tab', { name: 'Experiments', exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Experiment JSON' });
    await expect.poll(() => editor.inputValue()).toContain('"scenario"');
    const experiment = {
      id: 'csp-tiny',
      name: 'CSP check',
      scenario: '../sahel-ct.json',
      days: 0.5,
      parameters: [{ name: 'sharingLatencyMin', values: [30, 360] }],
      design: { kind: 'grid' },
      seeds: { count: 1, from: 1 },
      metrics: ['incidents', 'meanInfoLatencyH'],
    };
    await editor.fill(JSON.stringify(experiment, null, 2));
    await expect.poll(() => page.locator('#experiment-check').textContent()).toMatch(/2 runs/);
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.waitForSelector('#experiment-progress[data-phase="done"]', { timeout: 60_000 });
    await page.locator('.exp-results .uplot canvas').first().waitFor();
    // The CSV leaves through a blob: URL on an <a download>.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download CSV/ }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^experiment,/);
    await page.getByRole('button', { name: 'Runs of point 1' }).click();
    await page.getByRole('button', { name: 'Open run 1 in the planner' }).click();
    await expect.poll(() => page.locator('#experiment-opened').textContent()).toMatch(/✓/);
    await page.waitForFunction(
      () => (window as unknown as { concord: Concord }).concord.map !== null,
    );
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
