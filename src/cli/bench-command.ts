// The whole-command part of `concord bench`: `concord sweep` of an experiment as a researcher
// runs it (process start, worker threads, CSV and summary), with 1 and with 2 workers,
// interleaved (1, 2, 1, 2…) so background load falls on both alike. Wall time per repetition
// into a fresh directory (no resume); the speed-up is the ratio of the medians.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchIO, Line } from './bench';
import { spread } from './bench-engine';

export interface SweepCommandLine extends Line {
  kind: 'sweep-command';
  experiment: string;
  repetitions: number;
  /** Wall seconds per repetition, by worker count, and their median. */
  byWorkers: Record<string, { wallS: number[]; medianS: number }>;
  /** median(1 worker) / median(2 workers). */
  speedup: number;
  loadavg1: number;
}

const BIN = fileURLToPath(new URL('../../bin/concord.mjs', import.meta.url));

function timedSweep(experiment: string, workers: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-sweep-'));
  try {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [BIN, 'sweep', experiment, '--workers', String(workers), '--out', join(dir, 'r.csv')],
      { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const s = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`concord sweep failed (${r.status}): ${r.stderr.trim()}`);
    return s;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchSweepCommand(
  experiment: string,
  repetitions: number,
  io: BenchIO,
): SweepCommandLine {
  const wall: Record<string, number[]> = { '1': [], '2': [] };
  for (let r = 0; r < repetitions; r++)
    for (const w of [1, 2]) {
      io.note(`bench: concord sweep --workers ${w}, repetition ${r + 1}/${repetitions}`);
      wall[String(w)]!.push(Math.round(timedSweep(experiment, w) * 100) / 100);
    }
  const byWorkers = Object.fromEntries(
    Object.entries(wall).map(([w, xs]) => [w, { wallS: xs, medianS: spread(xs).median }]),
  );
  const speedup = byWorkers['1']!.medianS / byWorkers['2']!.medianS;
  return {
    kind: 'sweep-command',
    experiment,
    repetitions,
    byWorkers,
    speedup: Math.round(speedup * 100) / 100,
    loadavg1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
