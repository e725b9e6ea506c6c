// Experiment result files beside each other: <base>.csv (one row per run), <base>.meta.json
// (what the rows belong to: experiment digest, shard, columns, seeds, series shape),
// <base>.summary.csv and .json, and <base>.series.csv for sampled time series. All written
// atomically; the rows are checked on reading (result-check.ts).
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
  /** Run r is point ⌊r / count⌋ with seed from + r mod count. Absent in older files. */
  seeds?: { count: number; from: number };
  /**
   * With time-series sampling: the sampled metrics and the rows each run has (by design point
   * when a parameter changes the run length or the tick). Absent without sampling.
   */
  series?: { everyHours: number; metrics: string[]; rowsPerRun: number | number[] };
  shard: { index: number; count: number };
}

export function baseOf(out: string): string {
  return out.endsWith('.csv') ? out.slice(0, -4) : out;
}

export const metaFile = (csv: string): string => `${baseOf(csv)}.meta.json`;
export const seriesFile = (csv: string): string => `${baseOf(csv)}.series.csv`;

export function readMeta(csv: string): ResultMeta {
  const file = metaFile(csv);
  if (!existsSync(file))
    throw new CliError(
      `${csv}: no ${file} beside it (written by concord sweep with the results)`,
      2,
    );
  let m: ResultMeta;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as ResultMeta;
  } catch {
    throw new CliError(`${file}: not valid JSON`, 2);
  }
  const bad = metaProblem(m);
  if (bad) throw new CliError(`${file}: not a concord results meta file (${bad})`, 2);
  return m;
}

const isInt = (v: unknown, min = 0): v is number => Number.isInteger(v) && (v as number) >= min;
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

/** What is wrong with a parsed meta file, or '' (the fields the row checks rely on). */
function metaProblem(m: ResultMeta): string {
  if (typeof m !== 'object' || m === null) return 'not an object';
  for (const k of ['experiment', 'digest', 'engine', 'design'] as const)
    if (typeof m[k] !== 'string') return `"${k}" is not a string`;
  if (!isStrings(m.parameters) || !isStrings(m.metrics)) return '"parameters" or "metrics"';
  if (!isInt(m.runsTotal)) return '"runsTotal" is not a whole number';
  const sh = m.shard;
  if (!isInt(sh?.index, 1) || !isInt(sh?.count, 1) || sh.index > sh.count) return '"shard"';
  if (m.seeds !== undefined && (!isInt(m.seeds.count, 1) || !isInt(m.seeds.from))) return '"seeds"';
  const se = m.series;
  if (se !== undefined) {
    const rows = se.rowsPerRun;
    const ok = isInt(rows) || (Array.isArray(rows) && rows.every((r) => isInt(r)));
    if (!isStrings(se.metrics) || typeof se.everyHours !== 'number' || !ok) return '"series"';
  }
  return '';
}

export const metaText = (meta: ResultMeta): string => `${JSON.stringify(meta, null, 2)}\n`;

export function writeMeta(csv: string, meta: ResultMeta): void {
  writeFileAtomic(metaFile(csv), metaText(meta));
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

/** Writes the rows sorted by run, atomically; the text written is returned. */
export function writeRows(csv: string, header: string, byRun: Map<number, string>): string {
  const runs = [...byRun.keys()].sort((a, b) => a - b);
  const text = `${[header, ...runs.map((r) => byRun.get(r)!)].join('\n')}\n`;
  writeFileAtomic(csv, text);
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
