// The pool of worker threads that runs experiment runs (workers/sweep-runner.ts), shared by
// `concord sweep` and the bench's sweep throughput figure.
import Tinypool from 'tinypool';
import type { RunOutcome, RunSpec } from '../experiment/run';

export type SweepTask = RunSpec & { scenarioFile: string };

export interface SweepPool {
  run(task: SweepTask): Promise<RunOutcome>;
  destroy(): Promise<void>;
}

export function sweepPool(workers: number): SweepPool {
  const pool = new Tinypool({
    filename: new URL('../../workers/sweep-worker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  return {
    run: (task) => pool.run(task) as Promise<RunOutcome>,
    destroy: () => pool.destroy(),
  };
}
