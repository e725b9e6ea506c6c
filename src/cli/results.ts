// Experiment result files beside each other: <base>.csv (one row per run), <base>.meta.json
// (what the rows belong to: experiment digest, shard, columns, seeds, series shape),
// <base>.summary.csv and .json, <base>.sensitivity.csv (PRCC with p-values and SRC per metric
// and factor), and <base>.series.csv for sampled time series. All written
// atomically; the rows are checked on reading (result-check.ts).
import { existsSync, readFileSync } from 'node:fs';
import { readTable } from '../experiment/csv';
import type { Level } from '../experiment/design';
import { type ResultRow, sensitivityCsv, summarise, summaryCsv } from '../experiment/summary';
import { writeFileAtomic } from '../node/atomic';
import { CliError } from '../node/load';
import { writeParquetBeside } from '../node/parquet';

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
  /** Level of the summary's confidence intervals (the experiment's `confidence`); 0.95 when absent. */
  confidence?: number;
}

export function baseOf(out: string): string {
  return out.endsWith('.csv') ? out.slice(0, -4) : out;
}

export const metaFile = (csv: string): string => `${baseOf(csv)}.meta.json`;
export const seriesFile = (csv: string): string => `${baseOf(csv)}.series.csv`;
export const sensitivityFile = (csv: string): string => `${baseOf(csv)}.sensitivity.csv`;

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
  const c = m.confidence;
  if (c !== undefined && !(typeof c === 'number' && c > 0 && c < 1)) return '"confidence"';
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

/**
 * Writes the summary (per design point, and sensitivity for sampled designs) of a results text;
 * returns one line per metric naming the factor that matters most ('' for a grid).
 */
export function writeSummary(csv: string, text: string, meta: ResultMeta): string {
  const parsed = readTable(text).rows.map((r) => resultRow(r, meta));
  const summary = summarise(
    meta.experiment,
    meta.parameters,
    meta.metrics,
    parsed,
    meta.design !== 'grid',
    meta.confidence,
  );
  const base = baseOf(csv);
  writeFileAtomic(`${base}.summary.csv`, summaryCsv(summary, meta.parameters));
  writeFileAtomic(`${base}.summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
  if (summary.sensitivity) writeFileAtomic(sensitivityFile(csv), sensitivityCsv(summary));
  const top = Object.entries(summary.sensitivity ?? {})
    .map(([m, s]) => {
      const best = s.byParameter[0];
      // A metric that never varied ranks nothing: say so rather than name the first factor.
      if (best && s.r2 === 0 && s.byParameter.every((p) => p.prcc === 0))
        return `  ${m}: the same in every run; no factor to rank`;
      return best
        ? `  ${m}: ${best.parameter} matters most (PRCC ${best.prcc.toFixed(2)}, p ${fmtP(best.prccP)}, SRC ${best.src.toFixed(2)}, R² ${s.r2.toFixed(2)})`
        : '';
    })
    .filter(Boolean);
  return top.join('\n');
}

const fmtP = (p: number): string =>
  Number.isNaN(p) ? 'n/a' : p < 0.001 ? '< 0.001' : p.toFixed(3);

/** Parquet copies of the results (and the series when sampled); the phrase for the summary line. */
export function parquetOutputs(out: string, series: boolean): string {
  const files = [writeParquetBeside(out)];
  if (series) files.push(writeParquetBeside(seriesFile(out)));
  return `; Parquet in ${files.join(' and ')}`;
}
