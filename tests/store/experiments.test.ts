// The Experiments panel's pure parts, in Node: checking experiment text (problems named by
// path, scenario files resolved beside scenarios/experiments/, a size the browser can run),
// the store's CSV (the same text `concord sweep` writes, whatever order runs finish in), the
// assignments that reopen a design point, and those assignments in the URL.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { header, line, row } from '../../src/experiment/csv';
import { ExperimentRunner } from '../../src/experiment/run';
import { loadAtlas } from '../../src/node/load';
import { validateScenario } from '../../src/scenario/validate';
import { ENGINE_VERSION } from '../../src/sim/version';
import {
  BROWSER_MAX_RUNS,
  checkExperimentText,
  type ScenarioSource,
  scenarioNameOf,
} from '../../src/store/experiment-check';
import {
  addResults,
  assignmentsOf,
  beginRun,
  experimentsStore,
  getExperiments,
  initialExperimentsState,
  planOf,
  resultsCsv,
} from '../../src/store/experiments';
import { formatUrlState, parseUrlState } from '../../src/store/url';

const scenarios: ScenarioSource = {
  names: ['sahel-ct', 'sea-maritime'],
  async load(name) {
    const raw = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
    return { raw, checked: validateScenario(raw) };
  },
};

const small = {
  id: 'small',
  name: 'small',
  scenario: '../sahel-ct.json',
  days: 0.5,
  parameters: [
    { name: 'sharingLatencyMin', values: [30, 360] },
    { name: 'jocActive', values: [false, true] },
  ],
  design: { kind: 'grid' },
  seeds: { count: 2, from: 3 },
  metrics: ['incidents', 'copCompleteness'],
};
const text = (x: unknown) => JSON.stringify(x, null, 2);

beforeEach(() => experimentsStore.setState(initialExperimentsState(), true));

describe('checking experiment text', () => {
  it('accepts a good experiment and plans its runs', async () => {
    const r = await checkExperimentText(text(small), scenarios);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.scenario).toBe('sahel-ct');
    expect(r.value.runs).toHaveLength(8);
    expect(r.value.runTicks).toBe(48);
    const plan = planOf(r.value);
    expect(plan.levels).toEqual([
      { sharingLatencyMin: 30, jocActive: false },
      { sharingLatencyMin: 30, jocActive: true },
      { sharingLatencyMin: 360, jocActive: false },
      { sharingLatencyMin: 360, jocActive: true },
    ]);
    expect(assignmentsOf(plan, 3)).toEqual(['sharingLatencyMin=360', 'jocActive=true']);
  });

  it('names the path of every problem', async () => {
    const syntax = await checkExperimentText('{"id": "x",\n  oops}', scenarios);
    expect(syntax.ok ? [] : syntax.problems[0]!.path).toMatch(/^line 2, column/);
    const undeclared = await checkExperimentText(
      text({ ...small, parameters: [{ name: 'noSuchKnob', values: [1] }] }),
      scenarios,
    );
    expect(undeclared.ok ? [] : undeclared.problems.map((p) => p.path)).toEqual([
      'parameters[0].name',
    ]);
    const elsewhere = await checkExperimentText(
      text({ ...small, scenario: '../../etc/x.json' }),
      scenarios,
    );
    expect(elsewhere.ok ? '' : elsewhere.problems[0]!.message).toMatch(/\.\.\/sahel-ct\.json/);
    const huge = await checkExperimentText(
      text({ ...small, seeds: { count: BROWSER_MAX_RUNS / 2 } }),
      scenarios,
    );
    expect(huge.ok ? '' : huge.problems[0]!.message).toMatch(/concord sweep/);
  });

  it('resolves scenario files relative to scenarios/experiments/', () => {
    expect(scenarioNameOf('../sahel-ct.json', scenarios.names)).toBe('sahel-ct');
    expect(scenarioNameOf('./../sea-maritime.json', scenarios.names)).toBe('sea-maritime');
    expect(scenarioNameOf('sahel-ct.json', scenarios.names)).toBeNull();
    expect(scenarioNameOf('../nowhere.json', scenarios.names)).toBeNull();
  });
});

describe('the results CSV', () => {
  it('is the text concord sweep writes, whatever order the runs arrive in', async () => {
    const r = await checkExperimentText(text(small), scenarios);
    if (!r.ok) throw new Error('bad experiment');
    const c = r.value;
    const runner = new ExperimentRunner(c.scenarioJson, loadAtlas);
    const outcomes = c.runs.map((x) =>
      runner.run({ ...x, days: c.experiment.days, metrics: c.metrics }),
    );
    const ctx = {
      experiment: 'small',
      parameters: c.parameters,
      metrics: c.metrics,
      engine: ENGINE_VERSION,
    };
    const expected = `${[line(header(ctx)), ...c.runs.map((x, i) => row(ctx, x.levels, outcomes[i]!))].join('\n')}\n`;

    beginRun(planOf(c), 2);
    const strip = ({ series: _, ...rest }: (typeof outcomes)[number]) => rest;
    addResults([outcomes[5]!, outcomes[0]!, outcomes[7]!].map(strip), 100);
    addResults(
      [outcomes[1]!, outcomes[6]!, outcomes[2]!, outcomes[4]!, outcomes[3]!].map(strip),
      200,
    );
    const s = getExperiments();
    expect(s.run.done).toBe(8);
    expect(resultsCsv(s.active!, s.results, ENGINE_VERSION)).toBe(expected);
  });
});

describe('design points in the URL', () => {
  it('round-trips set= assignments and leaves plain URLs as they were', () => {
    const q = formatUrlState({
      scenario: 'sahel-ct',
      seed: 4,
      tick: 96,
      view: 'truth',
      set: ['sharingLatencyMin=360', 'jocActive=true'],
    });
    expect(parseUrlState(q)).toEqual({
      scenario: 'sahel-ct',
      seed: 4,
      tick: 96,
      view: 'truth',
      set: ['sharingLatencyMin=360', 'jocActive=true'],
    });
    expect(parseUrlState('?scenario=sahel-ct&set=oops')).not.toHaveProperty('set');
  });
});
