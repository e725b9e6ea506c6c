// Checks an experiment's JSON text the way `concord sweep` checks a file: syntax, the schema,
// its scenario (a scenarios/*.json file, named relative to scenarios/experiments/), the varied
// parameters against the scenario's declared ones, and a size the browser can run. Pure: the
// scenario loader is passed in, so Node tests drive it too.
import { designPoints, expandRuns, type Run } from '../experiment/design';
import type { Experiment } from '../experiment/schema';
import {
  checkAgainstScenario,
  checkLevelsRunnable,
  runCount,
  validateExperiment,
} from '../experiment/validate';
import type { Problem } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { parseJsonText, type Validated } from '../scenario/validate';
import { CORE_METRICS } from '../sim/metrics';

/** Runs the browser pool takes on; beyond this, `concord sweep` (and a cluster) is the tool. */
export const BROWSER_MAX_RUNS = 20_000;

export interface CheckedExperiment {
  experiment: Experiment;
  /** Scenario file name (scenarios/<name>.json) and its raw document, as the workers get it. */
  scenario: string;
  scenarioJson: unknown;
  tickMinutes: number;
  /** Ticks in one run (the experiment's days, else the scenario's). */
  runTicks: number;
  parameters: string[];
  metrics: string[];
  runs: Run[];
  points: number;
}

export type CheckResult =
  | { ok: true; value: CheckedExperiment }
  | { ok: false; problems: Problem[] };

export interface ScenarioSource {
  names: readonly string[];
  /** The raw document and its validation (cache these: validating is ~20 ms). */
  load(name: string): Promise<{ raw: unknown; checked: Validated<Scenario> }>;
}

/** `../sahel-ct.json` beside scenarios/experiments/ → `sahel-ct`, or null if it is not a scenario file. */
export function scenarioNameOf(relative: string, names: readonly string[]): string | null {
  const path = new URL(relative, 'file:///scenarios/experiments/x.json').pathname;
  const m = /^\/scenarios\/([^/]+)\.json$/.exec(path);
  return m && names.includes(m[1]!) ? m[1]! : null;
}

export async function checkExperimentText(
  text: string,
  scenarios: ScenarioSource,
): Promise<CheckResult> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const v = validateExperiment(json.value);
  if (!v.ok) return v;
  const e = v.value;
  const name = scenarioNameOf(e.scenario, scenarios.names);
  if (!name)
    return {
      ok: false,
      problems: [
        {
          path: 'scenario',
          message: `found "${e.scenario}"; allowed: a scenario file of the app, relative to scenarios/experiments/ (${scenarios.names.map((n) => `../${n}.json`).join(', ')})`,
        },
      ],
    };
  const sc = await scenarios.load(name);
  if (!sc.checked.ok)
    return {
      ok: false,
      problems: sc.checked.problems.map((p) => ({
        path: `scenario: ${p.path}`,
        message: p.message,
      })),
    };
  const problems = checkAgainstScenario(e, sc.checked.value);
  if (!problems.length) problems.push(...checkLevelsRunnable(e, sc.raw));
  if (problems.length) return { ok: false, problems };
  const n = runCount(e);
  if (n > BROWSER_MAX_RUNS)
    return {
      ok: false,
      problems: [
        {
          path: 'seeds.count',
          message: `found ${n} runs in all; the browser runs at most ${BROWSER_MAX_RUNS}: use concord sweep (with --shard on a cluster)`,
        },
      ],
    };
  const points = designPoints(e);
  const { tickMinutes, durationDays } = sc.checked.value;
  const ticks = (d: number) => Math.round((d * 1440) / tickMinutes);
  return {
    ok: true,
    value: {
      experiment: e,
      scenario: name,
      scenarioJson: sc.raw,
      tickMinutes,
      runTicks: ticks(e.days ?? durationDays),
      parameters: e.parameters.map((p) => p.name),
      metrics: e.metrics ?? [...CORE_METRICS],
      runs: expandRuns(e, points),
      points: points.length,
    },
  };
}
