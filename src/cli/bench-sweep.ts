// The sweep part of `concord bench`: experiment runs per second through the worker pool that
// `concord sweep` uses, with 1 and with 2 (or more) workers, on the whole sahel-ct scenario.
// Each pool first runs one task per worker (tsx and the module graph load in every thread),
// then the timed batch: steady-state throughput, which is what a long sweep sees.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CORE_METRICS } from '../sim/metrics';
import { type SweepTask, sweepPool } from './sweep-pool';

export interface SweepLine {
  kind: 'sweep';
  scenario: string;
  days: number | null;
  runs: number;
  /** Median over the repetitions (each a fresh pool), with every repetition's figure. */
  byWorkers: Record<string, { runsPerS: number; wallS: number; reps: number[] }>;
  /** Median throughput with the most workers over median throughput with one. */
  speedup: number;
}

/**
 * `runs` per batch: enough that the last runs, when one worker is already idle, do not weigh
 * much (with 96 runs, a run of imbalance in a 48-run share is about 2%).
 */
export async function benchSweep(
  scenarioFile: string,
  runs: number,
  days?: number,
  repetitions = 3,
): Promise<SweepLine> {
  const counts = [...new Set([1, Math.max(2, Math.min(availableParallelism(), 8))])];
  const spec = (i: number): SweepTask => ({
    run: i,
    point: 0,
    seed: 1000 + i,
    levels: {},
    days,
    metrics: CORE_METRICS,
    scenarioFile: resolve(scenarioFile),
  });
  const batch = async (workers: number) => {
    const pool = sweepPool(workers);
    await Promise.all(Array.from({ length: workers }, (_, i) => pool.run(spec(-1 - i))));
    const t0 = performance.now();
    await Promise.all(Array.from({ length: runs }, (_, i) => pool.run(spec(i))));
    const wallS = (performance.now() - t0) / 1000;
    await pool.destroy();
    return {
      runsPerS: Math.round((runs / wallS) * 100) / 100,
      wallS: Math.round(wallS * 100) / 100,
    };
  };
  const byWorkers: SweepLine['byWorkers'] = {};
  for (const workers of counts) {
    const reps: Array<{ runsPerS: number; wallS: number }> = [];
    for (let k = 0; k < repetitions; k++) reps.push(await batch(workers));
    const sorted = [...reps].sort((a, b) => a.runsPerS - b.runsPerS);
    byWorkers[String(workers)] = {
      ...sorted[Math.floor(sorted.length / 2)]!,
      reps: reps.map((r) => r.runsPerS),
    };
  }
  const one = byWorkers['1']!.runsPerS;
  const most = byWorkers[String(counts.at(-1))]!.runsPerS;
  return {
    kind: 'sweep',
    scenario: scenarioFile,
    days: days ?? null,
    runs,
    byWorkers,
    speedup: Math.round((most / one) * 100) / 100,
  };
}
