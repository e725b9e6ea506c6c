// Loading an experiment file for the command line: the schema, its scenario (resolved beside
// the experiment file), the check of its parameters against the scenario's declared ones, the
// design and the run list, and a digest that ties result files to exactly this experiment.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { designPoints, expandRuns, type Run } from '../experiment/design';
import type { Experiment } from '../experiment/schema';
import {
  checkAgainstScenario,
  checkLevelsRunnable,
  validateExperiment,
} from '../experiment/validate';
import { CliError, checkGeography, readJsonFile, scenarioFromDoc } from '../node/load';
import { DEFAULT_LIMITS, type Limits } from '../scenario/limits';
import { formatProblems } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { CORE_METRICS } from '../sim/metrics';

export interface LoadedExperiment {
  file: string;
  experiment: Experiment;
  scenarioFile: string;
  /** The scenario as validated (its tick and duration give the series rows per run). */
  scenario: Scenario;
  parameters: string[];
  metrics: string[];
  runs: Run[];
  digest: string;
}

export function loadExperimentFile(
  file: string,
  limits: Limits = DEFAULT_LIMITS,
): LoadedExperiment {
  const v = validateExperiment(readJsonFile(file, limits), limits);
  if (!v.ok) throw new CliError(formatProblems(file, v.problems), 2);
  const e = v.value;
  // The CLI reads the scenario path an experiment names, wherever it is: the user chose the
  // file. A server must never do this with a client's file (see docs/SECURITY.md).
  const scenarioFile = resolve(dirname(file), e.scenario);
  let scenario: Scenario;
  let raw: unknown;
  try {
    raw = readJsonFile(scenarioFile, limits);
    scenario = scenarioFromDoc(scenarioFile, raw, [], limits);
    checkGeography(scenarioFile, scenario);
  } catch (err) {
    if (err instanceof CliError)
      throw new CliError(`${file}: scenario: ${err.message.split('\n')[0]}`, err.exitCode);
    throw err;
  }
  const problems = checkAgainstScenario(e, scenario);
  if (!problems.length) problems.push(...checkLevelsRunnable(e, raw, limits));
  if (problems.length) throw new CliError(formatProblems(file, problems), 2);
  // The CI level only changes the summary: rows of any level mix, so it stays out of the digest.
  const { confidence: _level, ...rows } = e;
  const digest = createHash('sha256')
    .update(JSON.stringify(rows))
    .update(readFileSync(scenarioFile))
    .digest('hex')
    .slice(0, 16);
  return {
    file,
    experiment: e,
    scenarioFile,
    scenario,
    parameters: e.parameters.map((p) => p.name),
    metrics: e.metrics ?? [...CORE_METRICS],
    runs: expandRuns(e, designPoints(e)),
    digest,
  };
}
