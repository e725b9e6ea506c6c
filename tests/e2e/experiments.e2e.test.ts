// The Experiments panel in real Chromium: an experiment written in its editor (a bad one first:
// its problems are named by path), run in the browser's worker pool, downloaded as CSV — which
// must equal, row for row, what Node's runner writes for the same runs — and one run opened in
// the planner at its end tick with the run's hash. Leaves a screenshot of the panel.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { header, line, row } from '../../src/experiment/csv';
import { designPoints, expandRuns } from '../../src/experiment/design';
import { ExperimentRunner } from '../../src/experiment/run';
import { validateExperiment } from '../../src/experiment/validate';
import { loadAtlas, readJsonFile } from '../../src/node/load';
import { ENGINE_VERSION } from '../../src/sim/version';
import { type App, startApp } from './browser';

const EXPERIMENT = {
  id: 'e2e-sahel-small',
  name: 'Sahel: sharing latency, a small check',
  scenario: '../sahel-ct.json',
  days: 1.5,
  parameters: [{ name: 'sharingLatencyMin', values: [30, 360] }],
  design: { kind: 'grid' },
  seeds: { count: 2, from: 4 },
  metrics: ['incidents', 'copCompleteness', 'meanInfoLatencyH', 'messagesWithheld'],
};

/** The CSV `concord sweep` writes for EXPERIMENT, computed here with the same runner. */
function nodeCsv(): { text: string; hashes: string[] } {
  const v = validateExperiment(EXPERIMENT);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const e = v.value;
  const runner = new ExperimentRunner(readJsonFile('scenarios/sahel-ct.json'), loadAtlas);
  const ctx = {
    experiment: e.id,
    parameters: e.parameters.map((p) => p.name),
    metrics: e.metrics!,
    engine: ENGINE_VERSION,
  };
  const lines = [line(header(ctx))];
  const hashes: string[] = [];
  for (const r of expandRuns(e, designPoints(e))) {
    const o = runner.run({ ...r, days: e.days, metrics: ctx.metrics });
    lines.push(row(ctx, r.levels, o));
    hashes.push(o.hash);
  }
  return { text: `${lines.join('\n')}\n`, hashes };
}

type Concord = { ready: Promise<void>; store: { getState(): Record<string, unknown> } };

let app: App;
beforeAll(async () => {
  app = await startApp();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await app?.close();
});

describe('the Experiments panel', () => {
  it('runs a small experiment in the worker pool, downloads the CSV Node writes, and opens a run in the planner', async () => {
    const page = await app.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1050 });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}?scenario=sahel-ct&seed=1`);
    await page.waitForFunction(
      () => (window as unknown as { concord?: unknown }).concord !== undefined,
    );
    await page.evaluate(() => (window as unknown as { concord: Concord }).concord.ready);

    await page.getByRole('tab', { name: 'Experiments', exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Experiment JSON' });
    await expect.poll(() => editor.inputValue()).toContain('"scenario"');

    // A parameter the scenario does not declare: the problem names its path.
    const bad = { ...EXPERIMENT, parameters: [{ name: 'noSuchKnob', values: [1] }] };
    await editor.fill(JSON.stringify(bad, null, 2));
    await expect
      .poll(() => page.locator('#experiment-check').textContent())
      .toMatch(/parameters\[0\]\.name.*noSuchKnob/);

    await editor.fill(JSON.stringify(EXPERIMENT, null, 2));
    await expect.poll(() => page.locator('#experiment-check').textContent()).toMatch(/4 runs/);
    const node = nodeCsv(); // while the browser idles: both take a few seconds
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.waitForSelector('#experiment-progress[data-phase="done"]', { timeout: 60_000 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${EXPERIMENT.id}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')).toEqual(node.text.split('\n'));
    expect(csv).toBe(node.text);

    // Run 3 is point 1 (360 min), seed 5; its planner view at the run's end has its hash.
    await page.getByRole('button', { name: 'Runs of point 1' }).click();
    await page.getByRole('button', { name: 'Open run 3 in the planner' }).click();
    await expect.poll(() => page.locator('#experiment-opened').textContent()).toMatch(/✓/);
    const planner = await page.evaluate(() => {
      const s = (window as unknown as { concord: Concord }).concord.store.getState();
      return { hash: s.hash, tick: s.tick, seed: s.seed, set: s.set };
    });
    expect(planner).toEqual({
      hash: node.hashes[3],
      tick: 144,
      seed: 5,
      set: ['sharingLatencyMin=360'],
    });
    await expect.poll(() => page.url()).toContain('set=sharingLatencyMin%3D360');

    // The panel as a researcher sees it: a metric that varies between runs.
    await page.getByRole('combobox', { name: 'Metric' }).selectOption('meanInfoLatencyH');
    await page.locator('.exp-progress').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('aside.side').screenshot({ path: 'test-results/experiments-panel.png' });
    await page.screenshot({ path: 'test-results/experiments-app.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
