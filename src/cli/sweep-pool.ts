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

/** Set to true by scripts/build-cli.mjs; undefined when the sources run through tsx. */
declare const CONCORD_BUNDLED: boolean | undefined;

/** The worker entry: the bundled runner beside build/cli/concord.mjs, else the tsx bootstrap. */
const BUNDLED = typeof CONCORD_BUNDLED !== 'undefined' && CONCORD_BUNDLED;
const WORKER_ENTRY = BUNDLED
  ? { filename: new URL('./sweep-worker.mjs', import.meta.url).href, name: 'runTask' }
  : { filename: new URL('../../workers/sweep-worker.mjs', import.meta.url).href, name: 'default' };

/**
 * `workers` threads; with `inline`, one worker's runs go in this thread instead (no thread to
 * start, no atlas to load twice: ~0.5 s saved a sweep), one at a time with a turn of the event
 * loop between runs, so progress, flushes and signals are handled between runs.
 */
export function sweepPool(workers: number, o: { inline?: boolean } = {}): SweepPool {
  if (o.inline && workers === 1) return inlinePool();
  const pool = new Tinypool({
    ...WORKER_ENTRY,
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
