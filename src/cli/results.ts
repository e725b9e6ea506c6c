// Experiment result files beside each other: <base>.csv (one row per run), <base>.meta.json
// (what the rows belong to: experiment digest, shard, columns), <base>.summary.csv and .json,
// and <base>.series.csv for sampled time series. All written atomically.
import { existsSync, readFileSync } from 'node:fs';
import { readTable } from '../experiment/csv';
import type { Level } from '../experiment/design';
import { type ResultRow, summarise, summaryCsv } from '../experiment/summary';
import { writeFileAtomic } from './atomic';
import { CliError } from './load';

export interface ResultMeta {
  experiment: string;
  /** Digest of the validated experiment and its scenario file: rows of another never mix. */
  digest: string;
  engine: string;
  design: string;
  parameters: string[];
  metrics: string[];
  runsTotal: number;
  shard: { index: number; count: number };
}

export function baseOf(out: string): string {
  return out.endsWith('.csv') ? out.slice(0, -4) : out;
}

export function readMeta(csv: string): ResultMeta {
  const file = `${baseOf(csv)}.meta.json`;
  if (!existsSync(file))
    throw new CliError(
      `${csv}: no ${file} beside it (written by concord sweep with the results)`,
      2,
    );
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ResultMeta;
  } catch {
    throw new CliError(`${file}: not valid JSON`, 2);
  }
}

export function writeMeta(csv: string, meta: ResultMeta): void {
  writeFileAtomic(`${baseOf(csv)}.meta.json`, `${JSON.stringify(meta, null, 2)}\n`);
}

/** Parses one results row back into its design point, levels and metrics. */
export function resultRow(
  r: Record<string, string>,
  meta: ResultMeta,
): ResultRow & { run: number } {
  const level = (s: string): Level => (s === 'true' ? true : s === 'false' ? false : Number(s));
  return {
    run: Number(r.run),
    point: Number(r.point),
    levels: Object.fromEntries(meta.parameters.map((p) => [p, level(r[p] ?? '')])),
    metrics: Object.fromEntries(
      meta.metrics.map((m) => [m, r[m] === '' ? Number.NaN : Number(r[m])]),
    ),
  };
}

/** Reads a results CSV: its header and its rows' text by run index. */
export function readResults(csv: string): { columns: string[]; byRun: Map<number, string> } {
  const text = readFileSync(csv, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const { columns, rows } = readTable(text);
  const runCol = columns.indexOf('run');
  if (runCol < 0) throw new CliError(`${csv}: no "run" column; not a concord results file`, 2);
  const byRun = new Map<number, string>();
  rows.forEach((r, i) => byRun.set(Number(r.run), lines[i + 1]!));
  return { columns, byRun };
}

/** Writes the rows sorted by run (and the meta), atomically; the text written is returned. */
export function writeRows(
  csv: string,
  header: string,
  byRun: Map<number, string>,
  meta: ResultMeta,
): string {
  const runs = [...byRun.keys()].sort((a, b) => a - b);
  const text = `${[header, ...runs.map((r) => byRun.get(r)!)].join('\n')}\n`;
  writeFileAtomic(csv, text);
  writeMeta(csv, meta);
  return text;
}

/** Writes the summary (per design point, and sensitivity for sampled designs) of a results text. */
export function writeSummary(csv: string, text: string, meta: ResultMeta): string {
  const parsed = readTable(text).rows.map((r) => resultRow(r, meta));
  const summary = summarise(
    meta.experiment,
    meta.parameters,
    meta.metrics,
    parsed,
    meta.design !== 'grid',
  );
  const base = baseOf(csv);
  writeFileAtomic(`${base}.summary.csv`, summaryCsv(summary, meta.parameters));
  writeFileAtomic(`${base}.summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
  const top = Object.entries(summary.sensitivity ?? {})
    .slice(0, 4)
    .map(([m, s]) => {
      const best = s.byParameter[0];
      return best
        ? `  ${m}: ${best.parameter} matters most (PRCC ${best.prcc.toFixed(2)}, SRC ${best.src.toFixed(2)}, R² ${s.r2.toFixed(2)})`
        : '';
    })
    .filter(Boolean);
  return top.join('\n');
}
