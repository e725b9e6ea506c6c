// Checks a results CSV row by row against its meta before resume or merge trusts it: the
// shape of every line, the run number (in range, in the file's shard, once), point and seed
// agreeing with the run, parameter, metric, hash and engine cells. The first problem is
// refused as `<file>: line <n>: <what>` (exit 2), so a truncated or edited file never turns
// into a wrong summary.
import { header, isNumber, line, parseCsv } from '../experiment/csv';
import { CliError } from '../node/load';
import type { ResultMeta } from './results';

/** The lines of a CSV text, each with its cells; the last must end with a newline. */
export function csvLines(file: string, text: string): string[] {
  if (!text) throw new CliError(`${file}: empty (no header line)`, 2);
  const lines = text.split('\n');
  if (lines.at(-1) !== '')
    throw new CliError(
      `${file}: line ${lines.length}: no newline at the end of the file (a row cut short)`,
      2,
    );
  lines.pop();
  return lines;
}

export function cellsOf(file: string, n: number, text: string, expected: number): string[] {
  const fail = (what: string) => new CliError(`${file}: line ${n}: ${what}`, 2);
  if (!text) throw fail('an empty line');
  const cells = parseCsv(text)[0] ?? [];
  if (cells.length !== expected)
    throw fail(
      `${cells.length} cells, expected ${expected}${cells.length < expected ? ' (a row cut short?)' : ''}`,
    );
  return cells;
}

/** A run number cell: a whole number in [0, runsTotal) that belongs to the file's shard. */
export function checkRun(meta: ResultMeta, cell: string): string | number {
  const run = /^\d+$/.test(cell) ? Number(cell) : Number.NaN;
  if (!(run < meta.runsTotal))
    return `run "${cell}" is not a run of ${meta.experiment} (0 to ${meta.runsTotal - 1})`;
  const { index, count } = meta.shard;
  if (run % count !== index - 1) return `run ${run} is not in shard ${index}/${count}`;
  return run;
}

/** Point and seed of a run as the design expands them, when the meta records the seeds. */
export function checkPointSeed(meta: ResultMeta, run: number, point: string, seed: string) {
  if (!meta.seeds) return /^\d+$/.test(point) && /^\d+$/.test(seed) ? '' : 'point or seed';
  const p = Math.floor(run / meta.seeds.count);
  const s = meta.seeds.from + (run % meta.seeds.count);
  return point === String(p) && seed === String(s)
    ? ''
    : `point ${point}, seed ${seed} do not match run ${run} (point ${p}, seed ${s})`;
}

/** The rows of a results CSV by run, each checked; throws on the first bad line. */
export function checkResults(file: string, text: string, meta: ResultMeta): Map<number, string> {
  const [head = '', ...rows] = csvLines(file, text);
  const columns = header(meta);
  if (head !== line(columns))
    throw new CliError(
      `${file}: line 1: columns ${head}, expected those of its meta: ${line(columns)}`,
      2,
    );
  const byRun = new Map<number, string>();
  const lineOf = new Map<number, number>();
  rows.forEach((text, i) => {
    const n = i + 2;
    const what = rowProblem(meta, cellsOf(file, n, text, columns.length));
    if (typeof what === 'string') throw new CliError(`${file}: line ${n}: ${what}`, 2);
    const seen = lineOf.get(what);
    if (seen !== undefined)
      throw new CliError(`${file}: line ${n}: run ${what} twice (also line ${seen})`, 2);
    byRun.set(what, text);
    lineOf.set(what, n);
  });
  return byRun;
}

/** The run number of a row's cells, or what is wrong with them. */
function rowProblem(meta: ResultMeta, cells: string[]): string | number {
  const k = meta.parameters.length;
  const [experiment, point = '', runCell = ''] = cells;
  if (experiment !== meta.experiment)
    return `experiment "${experiment}", expected "${meta.experiment}"`;
  const run = checkRun(meta, runCell);
  if (typeof run === 'string') return run;
  const seed = cells[3 + k]!;
  const ps = checkPointSeed(meta, run, point, seed);
  if (ps) return ps;
  for (let i = 0; i < k; i++) {
    const v = cells[3 + i]!;
    if (v !== 'true' && v !== 'false' && !isNumber(v))
      return `${meta.parameters[i]} "${v}" is not a number or true/false`;
  }
  for (let i = 0; i < meta.metrics.length; i++) {
    const v = cells[4 + k + i]!;
    if (v !== '' && !isNumber(v)) return `${meta.metrics[i]} "${v}" is not a number`;
  }
  const [hash = '', engine = ''] = cells.slice(-2);
  if (!/^[0-9a-f]{16}$/.test(hash)) return `hash "${hash}" is not 16 hex digits`;
  if (engine !== meta.engine) return `engine "${engine}", expected "${meta.engine}"`;
  return run;
}
