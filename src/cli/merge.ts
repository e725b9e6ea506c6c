// `concord merge <shard.csv>… --out all.csv`: joins the shards of one experiment and refuses
// anything that would make the whole wrong — another experiment or engine, a malformed row or
// series line (result-check.ts, series-check.ts: file, line and what), a run twice, a run
// missing, a run's time series incomplete. Everything is checked before anything is written;
// then the meta, series, rows and summary, each atomically, in a sweep's order.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { header, line } from '../experiment/csv';
import { writeFileAtomic } from '../node/atomic';
import { CliError } from '../node/load';
import { checkResults } from './result-check';
import {
  parquetOutputs,
  type ResultMeta,
  readMeta,
  seriesFile,
  writeMeta,
  writeRows,
  writeSummary,
} from './results';
import { checkSeries, incomplete, seriesHeader } from './series-check';

interface Shard {
  file: string;
  meta: ResultMeta;
  rows: Map<number, string>;
}

export function mergeResults(files: readonly string[], out: string, parquet = false): number {
  const shards: Shard[] = [];
  const byRun = new Map<number, string>();
  const from = new Map<number, string>();
  for (const f of files) {
    const meta = readMeta(f);
    const first = shards[0];
    if (first && (meta.digest !== first.meta.digest || meta.engine !== first.meta.engine))
      throw new CliError(
        `${f}: results of ${meta.experiment} (digest ${meta.digest}, engine ${meta.engine}); ${first.file} has ${first.meta.experiment} (digest ${first.meta.digest}, engine ${first.meta.engine})`,
        2,
      );
    if (first && line(header(meta)) !== line(header(first.meta)))
      throw new CliError(`${f}: its columns differ from ${first.file}'s`, 2);
    const rows = checkResults(f, readText(f), meta);
    for (const [run, text] of rows) {
      const prev = from.get(run);
      if (prev) throw new CliError(`run ${run} is in both ${prev} and ${f}: a run twice`, 2);
      byRun.set(run, text);
      from.set(run, f);
    }
    shards.push({ file: f, meta, rows });
  }
  const m = shards[0]!.meta;
  const missing: number[] = [];
  for (let run = 0; run < m.runsTotal; run++) if (!byRun.has(run)) missing.push(run);
  if (missing.length)
    throw new CliError(
      `${missing.length} of ${m.runsTotal} runs missing (runs ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}); a shard is absent or unfinished`,
      2,
    );
  const series = mergeSeries(shards);
  const whole: ResultMeta = { ...m, shard: { index: 1, count: 1 } };
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeMeta(out, whole);
  if (series) writeFileAtomic(seriesFile(out), series);
  const text = writeRows(out, line(header(whole)), byRun);
  const top = writeSummary(out, text, whole);
  const pq = parquet ? parquetOutputs(out, !!series) : '';
  process.stdout.write(
    `${m.experiment}: ${byRun.size} runs from ${files.length} files in ${out}${pq}\n${top ? `${top}\n` : ''}`,
  );
  return 0;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read (${code === 'ENOENT' ? 'no such file' : code})`, 2);
  }
}

/**
 * The shards' time series joined (rows by run, each run's in time order), or undefined when
 * the experiment samples none. Each run of a shard must have all its rows, and no others.
 */
function mergeSeries(shards: Shard[]): string | undefined {
  const sampled = shards[0]!.meta.series !== undefined;
  const parts = shards.filter((s) => existsSync(seriesFile(s.file)));
  // Shards of an older concord do not say whether they sample: all or none.
  if (!sampled && !parts.length) return undefined;
  for (const s of shards)
    if (!existsSync(seriesFile(s.file)))
      throw new CliError(
        `${s.file}: no ${seriesFile(s.file)} beside it (the experiment samples time series)`,
        2,
      );
  let head = '';
  const runs: Array<[number, string[]]> = [];
  for (const s of shards) {
    const f = seriesFile(s.file);
    const text = readText(f);
    const got = checkSeries(f, text, s.meta);
    const h = text.slice(0, text.indexOf('\n'));
    if (head && h !== head) throw new CliError(`${f}: its columns differ from the first's`, 2);
    head = h;
    for (const [run, r] of got)
      if (!s.rows.has(run))
        throw new CliError(`${f}: line ${r.first}: run ${run} has no row in ${s.file}`, 2);
    for (const run of s.rows.keys()) {
      const r = got.get(run);
      const what = incomplete(s.meta, run, r);
      const at = r?.last ?? text.split('\n').length - 1;
      if (what) throw new CliError(`${f}: line ${at}: ${what}`, 2);
      runs.push([run, r?.lines ?? []]);
    }
  }
  runs.sort((a, b) => a[0] - b[0]);
  const { parameters, series } = shards[0]!.meta;
  return `${[series ? seriesHeader(parameters, series.metrics) : head, ...runs.flatMap((r) => r[1])].join('\n')}\n`;
}
