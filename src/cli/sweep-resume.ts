// What a rerun keeps of an earlier sweep on the same --out (called with its lock held). The
// meta is written before any run and the results CSV last at each flush, so the CSV is the
// manifest: a run is done when its row is there and valid and, with sampling, its time series
// complete. Series rows of runs not in the CSV are dropped (those runs are run again; runs are
// deterministic, so the files end up byte for byte those of an uninterrupted sweep).
import { existsSync, readFileSync } from 'node:fs';
import { removeStaleTemps } from '../node/atomic';
import { CliError } from '../node/load';
import { checkResults } from './result-check';
import {
  baseOf,
  metaFile,
  metaText,
  type ResultMeta,
  readMeta,
  sensitivityFile,
  seriesFile,
  writeMeta,
} from './results';
import { checkSeries, incomplete } from './series-check';

export interface Resumed {
  /** Rows of the runs done, by run. */
  byRun: Map<number, string>;
  /** Their series rows, by run. */
  series: Map<number, string[]>;
  /** Runs with a row but incomplete series, to run again. */
  redo: number[];
}

export function resumeOutput(out: string, meta: ResultMeta): Resumed {
  const base = baseOf(out);
  const series = seriesFile(out);
  removeStaleTemps([
    out,
    metaFile(out),
    series,
    `${base}.summary.csv`,
    `${base}.summary.json`,
    sensitivityFile(out),
  ]);
  const none: Resumed = { byRun: new Map(), series: new Map(), redo: [] };
  const hasCsv = existsSync(out);
  const hasMeta = existsSync(metaFile(out));
  if (hasCsv && !hasMeta)
    throw new CliError(
      `${out}: no ${metaFile(out)} beside it, so its rows cannot be checked against this experiment; remove ${out} to start over, or choose another --out`,
      2,
    );
  if (hasMeta) {
    const old = readMeta(out);
    const same =
      old.digest === meta.digest &&
      old.engine === meta.engine &&
      old.shard.index === meta.shard.index &&
      old.shard.count === meta.shard.count;
    if (!same)
      throw new CliError(
        `${out}: holds results of another experiment, engine or shard; choose another --out or remove it`,
        2,
      );
  }
  // Written before the first run, so every results CSV has its meta beside it.
  if (!hasMeta || readFileSync(metaFile(out), 'utf8') !== metaText(meta)) writeMeta(out, meta);
  if (!hasCsv) return none;
  const byRun = damaged(() => checkResults(out, readFileSync(out, 'utf8'), meta));
  if (!meta.series) return { ...none, byRun };
  const runs = existsSync(series)
    ? damaged(() => checkSeries(series, readFileSync(series, 'utf8'), meta))
    : new Map();
  const kept = new Map<number, string[]>();
  const redo: number[] = [];
  for (const run of [...byRun.keys()]) {
    const s = runs.get(run);
    if (incomplete(meta, run, s)) {
      byRun.delete(run);
      redo.push(run);
    } else kept.set(run, s?.lines ?? []);
  }
  return { byRun, series: kept, redo };
}

/** Our files are written atomically: a bad line was made by something else. */
function damaged<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    throw new CliError(
      `${e.message}; the file was changed after concord wrote it: remove that line or the whole file and rerun (its runs are run again)`,
      2,
    );
  }
}
