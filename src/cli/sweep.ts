// `concord sweep <experiment.json> [--workers N] [--shard i/n] [--out results.csv]`: every
// design point × seed (or one shard's share) in a pool of worker threads; one CSV row per run,
// sorted by run index, so the file is the same whatever the worker count; written atomically
// as runs finish, so a killed sweep leaves a valid file that a rerun resumes from.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { header, line, row } from '../experiment/csv';
import { shardOf } from '../experiment/design';
import { ENGINE_VERSION } from '../sim/version';
import { writeFileAtomic } from './atomic';
import { loadExperimentFile } from './experiment-file';
import { CliError } from './load';
import { Progress } from './progress';
import { baseOf, type ResultMeta, readMeta, readResults, writeRows, writeSummary } from './results';
import { type SweepTask, sweepPool } from './sweep-pool';

export interface SweepOptions {
  workers: number;
  shard: { index: number; count: number };
  out?: string | undefined;
  quiet?: boolean;
}

export function parseShard(text: string | undefined): { index: number; count: number } {
  if (text === undefined) return { index: 1, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new CliError(`--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/8`, 2);
  return { index, count };
}

const FLUSH_MS = 1000;

export async function runSweep(file: string, o: SweepOptions): Promise<number> {
  const x = loadExperimentFile(file);
  const e = x.experiment;
  const { index, count } = o.shard;
  const out = o.out ?? (count === 1 ? `${e.id}.csv` : `${e.id}.shard-${index}-of-${count}.csv`);
  const ctx = {
    experiment: e.id,
    parameters: x.parameters,
    metrics: x.metrics,
    engine: ENGINE_VERSION,
  };
  const head = line(header(ctx));
  const meta: ResultMeta = {
    experiment: e.id,
    digest: x.digest,
    engine: ENGINE_VERSION,
    design: e.design.kind,
    parameters: x.parameters,
    metrics: x.metrics,
    runsTotal: x.runs.length,
    shard: { index, count },
  };
  const mine = shardOf(x.runs, index, count);
  // Resume: keep the rows already written for this very experiment, shard and engine.
  let byRun = new Map<number, string>();
  if (existsSync(out)) {
    const old = readMeta(out);
    const same =
      old.digest === meta.digest &&
      old.engine === meta.engine &&
      old.shard.index === index &&
      old.shard.count === count;
    if (!same)
      throw new CliError(
        `${out}: holds results of another experiment, engine or shard; choose another --out or remove it`,
        2,
      );
    const prev = readResults(out);
    if (prev.columns.join(',') !== head)
      throw new CliError(
        `${out}: its columns differ from this experiment's; choose another --out`,
        2,
      );
    byRun = prev.byRun;
  }
  const series = byRun.size ? readSeries(out) : new Map<number, string[]>();
  const todo = mine.filter((r) => !byRun.has(r.run));
  const progress = new Progress(mine.length, e.id, mine.length - todo.length);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const flush = () => {
    writeRows(out, head, byRun, meta);
    if (e.sample && series.size) writeSeries(out, e.sample.metrics, series);
  };
  if (!o.quiet)
    process.stderr.write(
      `${e.id}: ${x.runs.length} runs (${mine.length} in shard ${index}/${count}, ${mine.length - todo.length} already done), ${o.workers} workers → ${out}\n`,
    );
  const pool = sweepPool(o.workers);
  let lastFlush = performance.now();
  let done = 0;
  let stopped = false;
  const stop = () => {
    stopped = true;
    flush();
    process.stderr.write(
      `\n${e.id}: interrupted; ${byRun.size} runs kept in ${out} (rerun to resume)\n`,
    );
    process.exit(130);
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
        };
        const res = await pool.run(spec);
        if (stopped) return;
        byRun.set(r.run, row(ctx, r.levels, res));
        if (res.series.length)
          series.set(
            r.run,
            res.series.map((p) =>
              line([r.run, r.point, r.seed, p.hours, ...e.sample!.metrics.map((m) => p.values[m])]),
            ),
          );
        done++;
        if (!o.quiet) progress.update(mine.length - todo.length + done);
        if (performance.now() - lastFlush > FLUSH_MS) {
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
  const text = writeRows(out, head, byRun, meta);
  const top = writeSummary(out, text, meta);
  const base = baseOf(out);
  process.stdout.write(
    `${e.id}: ${byRun.size} runs in ${out}; summary in ${base}.summary.csv and ${base}.summary.json${e.sample ? `; time series in ${base}.series.csv` : ''}\n${top ? `${top}\n` : ''}`,
  );
  return 0;
}

function writeSeries(out: string, metrics: readonly string[], series: Map<number, string[]>): void {
  const runs = [...series.keys()].sort((a, b) => a - b);
  const lines = runs.flatMap((r) => series.get(r)!);
  const head = line(['run', 'point', 'seed', 'hours', ...metrics]);
  writeFileAtomic(`${baseOf(out)}.series.csv`, `${[head, ...lines].join('\n')}\n`);
}

/** Series rows already written (a resumed sweep keeps them), by run. */
function readSeries(out: string): Map<number, string[]> {
  const file = `${baseOf(out)}.series.csv`;
  const byRun = new Map<number, string[]>();
  if (!existsSync(file)) return byRun;
  for (const l of readFileSync(file, 'utf8').split('\n').slice(1)) {
    if (!l) continue;
    const run = Number(l.slice(0, l.indexOf(',')));
    const list = byRun.get(run);
    if (list) list.push(l);
    else byRun.set(run, [l]);
  }
  return byRun;
}

export const defaultWorkers = (): number => availableParallelism();
