// Loading an experiment file for the command line: the schema, its scenario (resolved beside
// the experiment file), the check of its parameters against the scenario's declared ones, the
// design and the run list, and a digest that ties result files to exactly this experiment.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { designPoints, expandRuns, type Run } from '../experiment/design';
import type { Experiment } from '../experiment/schema';
import { checkAgainstScenario, validateExperiment } from '../experiment/validate';
import { formatProblems } from '../scenario/problems';
import { CORE_METRICS } from '../sim/metrics';
import { CliError, loadScenarioFile, readJsonFile } from './load';

export interface LoadedExperiment {
  file: string;
  experiment: Experiment;
  scenarioFile: string;
  parameters: string[];
  metrics: string[];
  runs: Run[];
  digest: string;
}

export function loadExperimentFile(file: string): LoadedExperiment {
  const v = validateExperiment(readJsonFile(file));
  if (!v.ok) throw new CliError(formatProblems(file, v.problems), 2);
  const e = v.value;
  const scenarioFile = resolve(dirname(file), e.scenario);
  let scenario: ReturnType<typeof loadScenarioFile>;
  try {
    scenario = loadScenarioFile(scenarioFile);
  } catch (err) {
    if (err instanceof CliError)
      throw new CliError(`${file}: scenario: ${err.message.split('\n')[0]}`, 2);
    throw err;
  }
  const problems = checkAgainstScenario(e, scenario);
  if (problems.length) throw new CliError(formatProblems(file, problems), 2);
  const digest = createHash('sha256')
    .update(JSON.stringify(e))
    .update(readFileSync(scenarioFile))
    .digest('hex')
    .slice(0, 16);
  return {
    file,
    experiment: e,
    scenarioFile,
    parameters: e.parameters.map((p) => p.name),
    metrics: e.metrics ?? [...CORE_METRICS],
    runs: expandRuns(e, designPoints(e)),
    digest,
  };
}
