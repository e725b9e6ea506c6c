// `concord sweep <experiment.json> [--workers N] [--shard i/n] [--out results.csv]`: every
// design point × seed (or one shard's share) in a pool of worker threads; one CSV row per run,
// sorted by run index, so the file is the same whatever the worker count.
//
// On disk, so that a kill at any point leaves files a rerun resumes from with nothing missing:
// `<base>.lock` first (one sweep per output); the meta before the first run (it depends on the
// experiment only); then at each flush (about every second, on SIGINT/SIGTERM and at the end)
// the series file and, last, the results CSV, each written atomically; the summary at the end.
// The CSV is the manifest: see sweep-resume.ts for what a rerun trusts.
// CONCORD_FLUSH_MS overrides the flush interval (the crash tests flush after every run).
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { header, line, row } from '../experiment/csv';
import { shardOf } from '../experiment/design';
import { writeFileAtomic } from '../node/atomic';
import { loadAtlas } from '../node/load';
import type { Limits } from '../scenario/limits';
import { estimateRun } from '../sim/estimate';
import { rememberedMasks } from '../sim/geo/masks';
import { type LoadedExperiment, loadExperimentFile } from './experiment-file';
import { Progress } from './progress';
import {
  baseOf,
  parquetOutputs,
  type ResultMeta,
  seriesFile,
  writeRows,
  writeSummary,
} from './results';
import { formatDuration } from './run';
import { seriesHeader } from './series-check';
import { lockOutput } from './sweep-lock';
import { sweepMeta } from './sweep-meta';
import { type SweepTask, sweepPool } from './sweep-pool';
import { resumeOutput } from './sweep-resume';

export interface SweepOptions {
  /** The --max-… limits (src/scenario/limits.ts); the defaults when absent. */
  limits?: Limits | undefined;
  workers: number;
  shard: { index: number; count: number };
  out?: string | undefined;
  quiet?: boolean;
  /** Also write the results and series as Parquet beside the CSVs (src/node/parquet.ts). */
  parquet?: boolean;
}

const flushEnv = Number(process.env.CONCORD_FLUSH_MS || Number.NaN);
const FLUSH_MS = Number.isFinite(flushEnv) && flushEnv >= 0 ? flushEnv : 1000;

export async function runSweep(file: string, o: SweepOptions): Promise<number> {
  const x = loadExperimentFile(file, o.limits);
  const { index, count } = o.shard;
  const id = x.experiment.id;
  const out = o.out ?? (count === 1 ? `${id}.csv` : `${id}.shard-${index}-of-${count}.csv`);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const lock = lockOutput(out, (why) => {
    process.stderr.write(`\n${id}: stopped: ${why}; ${out} is no longer this sweep's\n`);
    process.exit(2);
  });
  try {
    return await sweepLocked(x, o, out, sweepMeta(x, o.shard));
  } finally {
    lock.release();
  }
}

async function sweepLocked(
  x: LoadedExperiment,
  o: SweepOptions,
  out: string,
  meta: ResultMeta,
): Promise<number> {
  const e = x.experiment;
  const { index, count } = o.shard;
  const ctx = {
    experiment: e.id,
    parameters: x.parameters,
    metrics: x.metrics,
    engine: meta.engine,
  };
  const head = line(header(ctx));
  const mine = shardOf(x.runs, index, count);
  const { byRun, series, redo } = resumeOutput(out, meta);
  const todo = mine.filter((r) => !byRun.has(r.run));
  const progress = new Progress(mine.length, e.id, mine.length - todo.length);
  let dirty = true;
  let text = '';
  const flush = () => {
    if (!dirty) return;
    // The series first: the CSV, written last, names the runs whose series are complete.
    if (meta.series) writeSeries(out, meta.parameters, meta.series.metrics, series);
    text = writeRows(out, head, byRun);
    dirty = false;
  };
  if (!o.quiet) {
    if (redo.length)
      process.stderr.write(
        `${e.id}: ${redo.length} runs in ${out} lack complete time series in ${seriesFile(out)}; running them again\n`,
      );
    process.stderr.write(
      `${e.id}: ${x.runs.length} runs (${mine.length} in shard ${index}/${count}, ${mine.length - todo.length} already done), ${o.workers} workers → ${out}; ${sweepEstimate(x, todo.length, o.workers)}\n`,
    );
  }
  // Loading the experiment built the scenario's masks here (its geography check): the workers
  // take them instead of each building them again.
  const atlas = x.scenario.geography.atlas;
  const masks = { atlas, entries: rememberedMasks(loadAtlas(atlas) as object) };
  const pool = sweepPool(o.workers, { inline: true, masks });
  let lastFlush = performance.now();
  let done = 0;
  const stop = (signal: NodeJS.Signals) => {
    flush();
    process.stderr.write(
      `\n${e.id}: interrupted; ${byRun.size} runs kept in ${out} (rerun to resume)\n`,
    );
    // The lock goes with the 'exit' handler; 128 + the signal's number, as a shell reports it.
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await Promise.all(
      todo.map(async (r) => {
        const spec: SweepTask = {
          run: r.run,
          point: r.point,
          seed: r.seed,
          levels: r.levels,
          days: e.days,
          metrics: x.metrics,
          sample: e.sample,
          scenarioFile: x.scenarioFile,
          limits: o.limits,
        };
        const res = await pool.run(spec);
        byRun.set(r.run, row(ctx, r.levels, res));
        if (e.sample)
          series.set(
            r.run,
            res.series.map((p) =>
              line([
                r.run,
                r.point,
                ...x.parameters.map((q) => r.levels[q]),
                r.seed,
                p.hours,
                ...e.sample!.metrics.map((m) => p.values[m]),
              ]),
            ),
          );
        dirty = true;
        done++;
        if (!o.quiet) progress.update(mine.length - todo.length + done);
        if (performance.now() - lastFlush >= FLUSH_MS) {
          flush();
          lastFlush = performance.now();
        }
      }),
    );
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await pool.destroy();
  }
  if (!o.quiet) progress.update(mine.length, true);
  flush();
  const top = writeSummary(out, text, meta);
  const base = baseOf(out);
  const parquet = o.parquet ? parquetOutputs(out, !!e.sample) : '';
  process.stdout.write(
    `${e.id}: ${byRun.size} runs in ${out}; summary in ${base}.summary.csv and ${base}.summary.json${top ? `; PRCC and SRC in ${base}.sensitivity.csv` : ''}${e.sample ? `; time series in ${base}.series.csv` : ''}${parquet}\n${top ? `${top}\n` : ''}`,
  );
  return 0;
}

function writeSeries(
  out: string,
  parameters: readonly string[],
  metrics: readonly string[],
  series: Map<number, string[]>,
): void {
  const runs = [...series.keys()].sort((a, b) => a - b);
  const lines = runs.flatMap((r) => series.get(r)!);
  writeFileAtomic(seriesFile(out), `${[seriesHeader(parameters, metrics), ...lines].join('\n')}\n`);
}

/** What the runs left will take, from the scenario's size (src/sim/estimate.ts), before any starts. */
function sweepEstimate(x: LoadedExperiment, runs: number, workers: number): string {
  const ticks =
    x.experiment.days === undefined
      ? undefined
      : Math.round((x.experiment.days * 1440) / x.scenario.tickMinutes);
  const est = estimateRun(x.scenario, ticks);
  const wall = (est.seconds * runs) / Math.max(1, Math.min(workers, runs));
  return `estimated ${formatDuration(wall)} (${formatDuration(est.seconds)} of CPU a run, up to ${Math.round((est.bytes / 1e6) * Math.min(workers, runs)).toLocaleString('en-US')} MB)`;
}

export const defaultWorkers = (): number => availableParallelism();
