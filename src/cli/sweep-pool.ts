// The pool of worker threads that runs experiment runs (workers/sweep-runner.ts), shared by
// `concord sweep` and the bench's sweep throughput figure.
import Tinypool from 'tinypool';
import type { RunOutcome, RunSpec } from '../experiment/run';
import type { Limits } from '../scenario/limits';

/** One run for workers/sweep-runner.ts; `limits` are the --max-… flags the scenario is read with. */
export type SweepTask = RunSpec & { scenarioFile: string; limits?: Limits | undefined };

export interface SweepPool {
  run(task: SweepTask): Promise<RunOutcome>;
  destroy(): Promise<void>;
}

/**
 * `workers` threads; with `inline`, one worker's runs go in this thread instead (no thread to
 * start, no atlas to load twice: ~0.5 s saved a sweep), one at a time with a turn of the event
 * loop between runs, so progress, flushes and signals are handled between runs.
 */
export function sweepPool(workers: number, o: { inline?: boolean } = {}): SweepPool {
  if (o.inline && workers === 1) return inlinePool();
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

function inlinePool(): SweepPool {
  let queue: Promise<unknown> = Promise.resolve();
  const runner = import('../../workers/sweep-runner');
  return {
    run(task) {
      const next = queue.then(async () => {
        await new Promise((r) => setImmediate(r));
        return (await runner).runTask(task);
      });
      queue = next.catch(() => {});
      return next;
    },
    destroy: async () => {
      await queue;
    },
  };
}
