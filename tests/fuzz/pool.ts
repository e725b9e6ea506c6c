// Runs fuzz cases in worker threads, one case at a time per worker, with a wall-clock budget
// per case: a case over budget is a hang (its worker is terminated and replaced); a worker
// that dies (out of memory) is a crash of that case.
import { Worker } from 'node:worker_threads';
import type { CaseResult } from './fuzz-case';

export type Outcome =
  | CaseResult
  | { code: 'hang' | 'died'; out: ''; err: string; polluted: []; ms: number };

export async function runAll(
  jobs: string[][],
  o: { workers: number; budgetMs: number; heapMb: number },
): Promise<Outcome[]> {
  const results: Outcome[] = new Array(jobs.length);
  let next = 0;
  const spawn = () =>
    new Promise<Worker>((resolve, reject) => {
      const w = new Worker(new URL('./fuzz-worker.mjs', import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: o.heapMb },
      });
      w.once('message', () => resolve(w));
      w.once('error', reject);
    });
  const lane = async () => {
    let w = await spawn();
    while (next < jobs.length) {
      const i = next++;
      results[i] = await new Promise<Outcome>((resolve) => {
        const timer = setTimeout(() => {
          w.removeAllListeners();
          void w.terminate();
          resolve({
            code: 'hang',
            out: '',
            err: `over ${o.budgetMs} ms`,
            polluted: [],
            ms: o.budgetMs,
          });
        }, o.budgetMs);
        w.once('message', (m: CaseResult) => {
          clearTimeout(timer);
          w.removeAllListeners('error');
          resolve(m);
        });
        w.once('error', (e) => {
          clearTimeout(timer);
          w.removeAllListeners('message');
          resolve({ code: 'died', out: '', err: String(e), polluted: [], ms: 0 });
        });
        w.postMessage({ id: i, args: jobs[i] });
      });
      const r = results[i]!;
      if (r.code === 'hang' || r.code === 'died') w = await spawn();
    }
    await w.terminate();
  };
  await Promise.all(Array.from({ length: o.workers }, lane));
  return results;
}
