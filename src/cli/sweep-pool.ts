// The pool of worker threads that runs experiment runs (workers/sweep-runner.ts), shared by
// `concord sweep` and the bench's sweep throughput figure.
import Tinypool from 'tinypool';
import type { RunOutcome, RunSpec } from '../experiment/run';
import type { Limits } from '../scenario/limits';
import type { GeoMasks } from '../sim/geo/masks';

/** One run for workers/sweep-runner.ts; `limits` are the --max-… flags the scenario is read with. */
export type SweepTask = RunSpec & {
  scenarioFile: string;
  limits?: Limits | undefined;
  /** Masks the main thread built already (sent with a worker's first task only). */
  masks?: MaskShare | undefined;
};

/** Masks of one atlas, as geo/masks.ts's rememberedMasks gives them. */
export interface MaskShare {
  atlas: '50m' | '10m';
  entries: Array<[string, GeoMasks]>;
}

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
export function sweepPool(
  workers: number,
  o: { inline?: boolean; masks?: MaskShare | undefined } = {},
): SweepPool {
  if (o.inline && workers === 1) return inlinePool();
  return affinityPool(workers, o.masks);
}

interface Queued {
  task: SweepTask;
  resolve: (r: RunOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * One single-thread pool per worker, fed from one queue here, so that each worker keeps to a
 * design point: a worker builds a point's world (validation, Def) once for its runs, where a
 * shared queue hands consecutive runs of a point to every worker in turn and each builds every
 * point. A free worker takes the next run of its last point, else the first run of a point no
 * other worker is on, else the first run waiting. Which thread runs a run changes no result.
 */
function affinityPool(workers: number, masks: MaskShare | undefined): SweepPool {
  const slots = Array.from({ length: workers }, () => ({
    pool: new Tinypool({ ...WORKER_ENTRY, minThreads: 1, maxThreads: 1 }),
    busy: false,
    point: -1,
    primed: masks === undefined,
  }));
  const queue: Queued[] = [];
  const pick = (point: number): number => {
    const same = queue.findIndex((q) => q.task.point === point);
    if (same >= 0) return same;
    const taken = new Set(slots.map((s) => s.point));
    const fresh = queue.findIndex((q) => !taken.has(q.task.point));
    return Math.max(fresh, 0); // -1 (none fresh): the first run waiting
  };
  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const [q] = queue.splice(pick(slot.point), 1);
      const job = q!;
      slot.busy = true;
      slot.point = job.task.point;
      const task = slot.primed ? job.task : { ...job.task, masks };
      slot.primed = true;
      (slot.pool.run(task) as Promise<RunOutcome>).then(job.resolve, job.reject).finally(() => {
        slot.busy = false;
        dispatch();
      });
    }
  };
  return {
    run: (task) =>
      new Promise<RunOutcome>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        dispatch();
      }),
    destroy: async () => {
      await Promise.all(slots.map((s) => s.pool.destroy()));
    },
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
