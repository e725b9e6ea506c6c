// Checks a time-series CSV (<base>.series.csv) against its meta: the header, every row's shape,
// run, point, the design point's levels (numbers or booleans) and seed, finite hours and numbers, rows sorted by run and, within a run, by
// time; and whether each run has all its rows (a file cut at a line boundary looks valid
// otherwise). Bad lines are refused as `<file>: line <n>: <what>` (exit 2).
import { isNumber, line } from '../experiment/csv';
import { CliError } from '../node/load';
import { cellsOf, checkPointSeed, checkRun, csvLines } from './result-check';
import type { ResultMeta } from './results';

export interface RunSeries {
  lines: string[];
  /** Line numbers of the run's first and last rows. */
  first: number;
  last: number;
}

/**
 * The columns of a series file: the run, its design point and that point's parameter levels
 * (so the file is tidy on its own, no join with the results needed), seed, hours, metrics.
 */
export const seriesHeader = (parameters: readonly string[], metrics: readonly string[]): string =>
  line(['run', 'point', ...parameters, 'seed', 'hours', ...metrics]);

const isLevel = (v: string): boolean => v === 'true' || v === 'false' || isNumber(v);

/** Rows a run should have, when the meta says. */
export function expectedRows(meta: ResultMeta, run: number): number | undefined {
  const rows = meta.series?.rowsPerRun;
  if (typeof rows === 'number' || rows === undefined) return rows;
  return meta.seeds ? rows[Math.floor(run / meta.seeds.count)] : undefined;
}

/** What is missing from a run's series ('' when complete, or when the meta cannot tell). */
export function incomplete(meta: ResultMeta, run: number, s: RunSeries | undefined): string {
  const want = expectedRows(meta, run);
  const have = s?.lines.length ?? 0;
  if (want === undefined || have === want) return '';
  return `run ${run} has ${have} time-series rows, expected ${want}${have < want ? ' (a truncated file?)' : ''}`;
}

/** A series file's rows by run, each line checked; throws on the first bad line. */
export function checkSeries(file: string, text: string, meta: ResultMeta): Map<number, RunSeries> {
  const [head = '', ...rows] = csvLines(file, text);
  const fail = (n: number, what: string) => new CliError(`${file}: line ${n}: ${what}`, 2);
  const params = meta.parameters;
  const metrics = meta.series?.metrics ?? head.split(',').slice(4 + params.length);
  const want = seriesHeader(params, metrics);
  if (head !== want) throw fail(1, `columns ${head}, expected ${want}`);
  const byRun = new Map<number, RunSeries>();
  let prev: { run: number; hours: number } | undefined;
  rows.forEach((text, i) => {
    const n = i + 2;
    const cells = cellsOf(file, n, text, 4 + params.length + metrics.length);
    const [runCell = '', point = ''] = cells;
    const levels = cells.slice(2, 2 + params.length);
    const [seed = '', hours = '', ...values] = cells.slice(2 + params.length);
    const run = checkRun(meta, runCell);
    if (typeof run === 'string') throw fail(n, run);
    const ps = checkPointSeed(meta, run, point, seed);
    if (ps) throw fail(n, ps);
    levels.forEach((v, k) => {
      if (!isLevel(v)) throw fail(n, `${params[k]} "${v}" is not a number or true/false`);
    });
    if (!isNumber(hours) || !(Number(hours) > 0)) throw fail(n, `hours "${hours}" is not > 0`);
    values.forEach((v, k) => {
      if (v !== '' && !isNumber(v)) throw fail(n, `${metrics[k]} "${v}" is not a number`);
    });
    const h = Number(hours);
    if (prev && run < prev.run)
      throw fail(n, `run ${run} after run ${prev.run}: not sorted by run`);
    if (prev && run === prev.run && h <= prev.hours)
      throw fail(n, `run ${run} at ${hours} h after ${prev.hours} h: not in time order`);
    prev = { run, hours: h };
    const s = byRun.get(run);
    if (s) {
      s.lines.push(text);
      s.last = n;
    } else byRun.set(run, { lines: [text], first: n, last: n });
  });
  return byRun;
}
