// A pool of experiment Web Workers (workers/experiment.worker.ts), one per hardware thread:
// each takes the scenario once, then pulls the next run from a shared queue until none are
// left, so a slow run never holds the others back. Runs go out in run order (point-major), so
// a worker mostly meets the design point whose world it has just built. Browser only.
import * as Comlink from 'comlink';
import type { ExperimentWorkerApi } from '../../workers/experiment.worker';
import type { RunOutcome, RunSpec } from '../experiment/run';

/** Above this many workers the main thread's share of the cores matters more than more runs. */
const MAX_WORKERS = 16;

/** One worker per hardware thread, capped, at least one, never more than there are runs. */
export function poolSize(runs: number, hardware = navigator.hardwareConcurrency || 1): number {
  return Math.max(1, Math.min(MAX_WORKERS, hardware, runs));
}

export class ExperimentPool {
  private readonly workers: Worker[] = [];
  private stopped = false;
  private stop: (() => void) | null = null;

  constructor(readonly size: number) {}

  /**
   * Runs every spec; `onResult` gets each outcome as it arrives (any order). Resolves when all
   * are done or the pool is cancelled; rejects with the first run's error (the rest stop).
   */
  run(
    scenario: unknown,
    specs: readonly RunSpec[],
    onResult: (o: RunOutcome) => void,
  ): Promise<void> {
    let next = 0;
    let fail: (e: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    const lane = async (): Promise<void> => {
      const w = new Worker(new URL('../../workers/experiment.worker.ts', import.meta.url), {
        type: 'module',
      });
      this.workers.push(w);
      // A worker that fails to start or dies never answers its call: fail the pool instead.
      w.addEventListener('error', (e) => fail(new Error(`experiment worker: ${e.message}`)));
      const api = Comlink.wrap<ExperimentWorkerApi>(w);
      await api.init(scenario);
      while (!this.stopped && next < specs.length) {
        const spec = specs[next++]!;
        const outcome = await api.run(spec);
        if (!this.stopped) onResult(outcome);
      }
    };
    // A terminated worker never answers: cancelling resolves through `stop` instead.
    const cancelled = new Promise<void>((resolve) => {
      this.stop = resolve;
    });
    const all = Promise.all(Array.from({ length: this.size }, lane)).then(() => undefined);
    return Promise.race([all, cancelled, failed]).finally(() => this.cancel());
  }

  /** Stops at once: the workers are terminated mid-run; results already delivered stay. */
  cancel(): void {
    this.stopped = true;
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
    this.stop?.();
  }
}
