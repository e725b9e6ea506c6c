// `concord merge <shard.csv>… --out all.csv`: joins the shards of one experiment and refuses
// anything that would make the whole wrong — another experiment or engine, a run twice, a run
// missing — naming the file and the runs. Then writes the rows and the summary atomically.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from './atomic';
import { CliError } from './load';
import { baseOf, type ResultMeta, readMeta, readResults, writeRows, writeSummary } from './results';

export function mergeResults(files: readonly string[], out: string): number {
  let meta: ResultMeta | undefined;
  let columns = '';
  const byRun = new Map<number, string>();
  const from = new Map<number, string>();
  for (const f of files) {
    const m = readMeta(f);
    const r = readResults(f);
    if (!meta) {
      meta = m;
      columns = r.columns.join(',');
    } else if (m.digest !== meta.digest || m.engine !== meta.engine) {
      throw new CliError(
        `${f}: results of ${m.experiment} (digest ${m.digest}, engine ${m.engine}); ${files[0]} has ${meta.experiment} (digest ${meta.digest}, engine ${meta.engine})`,
        2,
      );
    } else if (r.columns.join(',') !== columns) {
      throw new CliError(`${f}: its columns differ from ${files[0]}'s`, 2);
    }
    for (const [run, text] of r.byRun) {
      const prev = from.get(run);
      if (prev) throw new CliError(`run ${run} is in both ${prev} and ${f}: a run twice`, 2);
      byRun.set(run, text);
      from.set(run, f);
    }
  }
  const m = meta!;
  const missing: number[] = [];
  for (let run = 0; run < m.runsTotal; run++) if (!byRun.has(run)) missing.push(run);
  if (missing.length)
    throw new CliError(
      `${missing.length} of ${m.runsTotal} runs missing (runs ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}); a shard is absent or unfinished`,
      2,
    );
  const whole: ResultMeta = { ...m, shard: { index: 1, count: 1 } };
  mkdirSync(dirname(resolve(out)), { recursive: true });
  mergeSeries(files, out);
  const text = writeRows(out, columns, byRun, whole);
  const top = writeSummary(out, text, whole);
  process.stdout.write(
    `${m.experiment}: ${byRun.size} runs from ${files.length} files in ${out}\n${top ? `${top}\n` : ''}`,
  );
  return 0;
}

/** Joins the shards' sampled time series (if they have any), rows sorted by run. */
function mergeSeries(files: readonly string[], out: string): void {
  const parts = files.map((f) => `${baseOf(f)}.series.csv`).filter((f) => existsSync(f));
  if (!parts.length) return;
  if (parts.length !== files.length)
    throw new CliError(`time series missing beside some shards (found ${parts.join(', ')})`, 2);
  let head = '';
  const rows: Array<[number, number, string]> = [];
  for (const f of parts) {
    const [h = '', ...lines] = readFileSync(f, 'utf8').split('\n');
    if (head && h !== head) throw new CliError(`${f}: its columns differ from ${parts[0]}'s`, 2);
    head = h;
    lines.forEach((l, i) => {
      if (l) rows.push([Number(l.slice(0, l.indexOf(','))), i, l]);
    });
  }
  // By run, and within a run in time order (the order each shard wrote).
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  writeFileAtomic(`${baseOf(out)}.series.csv`, `${[head, ...rows.map((r) => r[2])].join('\n')}\n`);
}
