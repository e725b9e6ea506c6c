// One experiment run per task, in a worker thread: each worker reads a scenario file once and
// keeps a runner for it (which builds each design point's world once).

import type { SweepTask } from '../src/cli/sweep-pool';
import { ExperimentRunner, type RunOutcome } from '../src/experiment/run';
import { loadAtlas, readJsonFile } from '../src/node/load';
import { DEFAULT_LIMITS } from '../src/scenario/limits';
import { adoptMasks } from '../src/sim/geo/masks';

const runners = new Map<string, ExperimentRunner>();

export function runTask(task: SweepTask): RunOutcome {
  // The main thread's masks for this geography: built once per sweep, not once per worker.
  if (task.masks) adoptMasks(loadAtlas(task.masks.atlas) as object, task.masks.entries);
  let r = runners.get(task.scenarioFile);
  if (!r) {
    const limits = task.limits ?? DEFAULT_LIMITS;
    r = new ExperimentRunner(readJsonFile(task.scenarioFile, limits), loadAtlas, limits);
    runners.set(task.scenarioFile, r);
  }
  return r.run(task);
}
