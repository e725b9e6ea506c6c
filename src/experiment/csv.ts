// Tidy CSV for experiment results: one row per run, a fixed column order, numbers written in
// full precision (so a row is the same text whichever worker ran it), and a parser for reading
// results back (resume, merge).
import type { Level } from './design';
import type { RunOutcome } from './run';

export interface RowContext {
  experiment: string;
  parameters: readonly string[];
  metrics: readonly string[];
  engine: string;
}

export function header(c: RowContext): string[] {
  return ['experiment', 'point', 'run', ...c.parameters, 'seed', ...c.metrics, 'hash', 'engine'];
}

function cell(v: unknown): string {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell as `cell` writes a finite number (what result checks and typed outputs accept). */
export const isNumber = (s: string): boolean => NUMBER.test(s) && Number.isFinite(Number(s));

export function line(cells: readonly unknown[]): string {
  return cells.map(cell).join(',');
}

export function row(c: RowContext, levels: Record<string, Level>, o: RunOutcome): string {
  return line([
    c.experiment,
    o.point,
    o.run,
    ...c.parameters.map((p) => levels[p]),
    o.seed,
    ...c.metrics.map((m) => o.metrics[m]),
    o.hash,
    c.engine,
  ]);
}

/** Parses CSV text (quoted fields, doubled quotes) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cur: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cur.push(field);
      field = '';
    } else if (ch === '\n') {
      cur.push(field);
      rows.push(cur);
      cur = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || cur.length) {
    cur.push(field);
    rows.push(cur);
  }
  return rows;
}

/** Reads a results table as objects keyed by column, numbers and booleans parsed. */
export function readTable(text: string): {
  columns: string[];
  rows: Array<Record<string, string>>;
} {
  const [columns = [], ...body] = parseCsv(text);
  return {
    columns,
    rows: body.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))),
  };
}
