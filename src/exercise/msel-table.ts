// The MSEL as a table of text cells, shared by the CSV and XLSX formats: the column layout,
// entries → rows for export, and rows → entries for import with problems that name the row
// (1-based, as the spreadsheet shows it, header = row 1) and the column (by header name).
// An import with any problem returns no entries.
import type { Problem } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { MAX_MSEL_ENTRIES, type MselEntry } from './msel';
import { effectDetailsToText, triggerToText } from './msel-cells';
import { findingText, mselFindings } from './msel-check';
import { locate, type RowContext, rewriteFound } from './msel-locate';
import { parseRow } from './msel-row';
import { formatDPlus, formatDtg } from './msel-time';

/** The usual MSEL columns, then Concord's: the order export writes. */
export const MSEL_COLUMNS = [
  'No.',
  'Time',
  'DTG',
  'From',
  'To',
  'Method',
  'Subject',
  'Message',
  'Expected Action',
  'Trigger',
  'Effect',
  'Effect Details',
] as const;
export type MselColumn = (typeof MSEL_COLUMNS)[number];

/** Columns an import needs, besides one that gives the timing: Time, DTG or Trigger. */
const REQUIRED: readonly MselColumn[] = MSEL_COLUMNS.slice(0, 9).filter(
  (c) => c !== 'Time' && c !== 'DTG',
);
const TIMING: readonly MselColumn[] = ['Time', 'DTG', 'Trigger'];

/** Header names accepted for each column (lower case, dots dropped, spaces collapsed). */
const ALIASES = new Map<string, MselColumn>([
  ...MSEL_COLUMNS.map((c): [string, MselColumn] => [normalise(c), c]),
  ['serial', 'No.'],
  ['#', 'No.'],
  ['inject no', 'No.'],
  ['scenario time', 'Time'],
  ['date-time group', 'DTG'],
  ['date time group', 'DTG'],
  ['expected player action', 'Expected Action'],
  ['expected response', 'Expected Action'],
]);

function normalise(header: string): string {
  return header.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
}

/** The column a header names (case, spacing and dots do not matter), if any. */
export const columnOfHeader = (header: string): MselColumn | undefined =>
  ALIASES.get(normalise(header));

/** Limits on what an imported file may ask of us (it is untrusted). */
export const MSEL_FILE_LIMITS = {
  bytes: 5 * 1024 * 1024,
  columns: 64,
  /** Rows in all, blank ones included. */
  rows: 20_000,
  /** Excel's own limit on a cell. */
  cellChars: 32_767,
  entries: MAX_MSEL_ENTRIES,
};

export interface TableProblem extends Problem {
  /** 1-based row as the spreadsheet shows it; 0 for the file as a whole. */
  row: number;
  /** The column's header name (or its letter when it has none); null for a whole row. */
  column: string | null;
}

export type MselImport =
  | { ok: true; entries: MselEntry[] }
  | { ok: false; problems: TableProblem[] };

export function tableProblem(row: number, column: string | null, message: string): TableProblem {
  const path = row === 0 ? 'file' : column === null ? `row ${row}` : `row ${row}, column ${column}`;
  return { path, row, column, message };
}

/** "A", …, "Z", "AA": a spreadsheet column letter for a 0-based index. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The rows export writes: the header, then one row per entry. */
export function entriesToTable(entries: readonly MselEntry[], startIso: string): string[][] {
  const rows: string[][] = [[...MSEL_COLUMNS]];
  for (const e of entries) {
    const at = e.timing.kind === 'at' ? e.timing.hours : null;
    rows.push([
      e.serial,
      at === null ? '' : formatDPlus(at),
      at === null ? '' : formatDtg(startIso, at),
      e.from,
      e.to.join(', '),
      e.method,
      e.subject,
      e.message,
      e.expectedAction,
      e.timing.kind === 'trigger' ? triggerToText(e.timing.trigger) : '',
      e.effect?.kind ?? '',
      e.effect ? effectDetailsToText(e.effect) : '',
    ]);
  }
  return rows;
}

const isBlank = (row: readonly string[]) => row.every((c) => c.trim() === '');

/** Maps header cells to columns; problems for unknown, doubled and missing ones. */
function readHeader(header: readonly string[], rowNo: number) {
  const problems: TableProblem[] = [];
  const at = new Map<MselColumn, number>();
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const col = columnOfHeader(h);
    if (!col)
      problems.push(
        tableProblem(rowNo, h.trim(), `unknown column; allowed: ${MSEL_COLUMNS.join(', ')}`),
      );
    else if (at.has(col))
      problems.push(
        tableProblem(
          rowNo,
          h.trim(),
          `a second ${col} column (also column ${columnLetter(at.get(col)!)})`,
        ),
      );
    else at.set(col, i);
  });
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (!TIMING.some((c) => at.has(c))) missing.splice(1, 0, 'Time');
  if (missing.length)
    problems.push(
      tableProblem(
        rowNo,
        null,
        `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; required: No., Time (or DTG, or Trigger), ${REQUIRED.slice(1).join(', ')}`,
      ),
    );
  if (at.has('Effect Details') && !at.has('Effect'))
    problems.push(tableProblem(rowNo, null, 'an Effect Details column needs an Effect column'));
  return { at, problems };
}

/**
 * Entries from a table of text cells (rows[i] is spreadsheet row i + 1), checked against the
 * scenario. Blank rows are skipped; the first non-blank row is the header.
 */
export function entriesFromTable(rows: readonly (readonly string[])[], sc: Scenario): MselImport {
  const h = rows.findIndex((r) => !isBlank(r));
  if (h < 0)
    return {
      ok: false,
      problems: [
        tableProblem(1, null, `empty; expected a header row (${MSEL_COLUMNS.join(', ')})`),
      ],
    };
  const header = rows[h]!;
  const { at, problems } = readHeader(header, h + 1);
  if (problems.length) return { ok: false, problems };
  const data = rows.map((r, i) => ({ r, row: i + 1 })).filter((x, i) => i > h && !isBlank(x.r));
  if (data.length > MSEL_FILE_LIMITS.entries)
    return {
      ok: false,
      problems: [
        tableProblem(
          0,
          null,
          `found ${data.length} rows; allowed: at most ${MSEL_FILE_LIMITS.entries} entries`,
        ),
      ],
    };
  const entries: MselEntry[] = [];
  const contexts: RowContext[] = [];
  for (const { r, row } of data) {
    r.forEach((c, i) => {
      if (c.trim() !== '' && !(header[i] ?? '').trim())
        problems.push(
          tableProblem(
            row,
            columnLetter(i),
            `found ${JSON.stringify(c.trim())} in a column without a header`,
          ),
        );
    });
    const cell = (col: MselColumn) => (at.has(col) ? (r[at.get(col)!] ?? '') : '');
    const parsed = parseRow(cell, sc.start);
    const ctx: RowContext = { row, timeColumn: parsed.timeColumn, raw: parsed.raw };
    problems.push(...parsed.problems.map((p) => tableProblem(row, p.column, p.message)));
    for (const p of parsed.schemaProblems) {
      const where = locate(p.path, ctx);
      problems.push(tableProblem(row, where.column, rewriteFound(p.message, where.found)));
    }
    if (!parsed.entry) continue;
    entries.push(parsed.entry);
    contexts.push(ctx);
  }
  for (const f of mselFindings(entries, sc)) {
    const ctx = contexts[f.path[0] as number]!;
    const where = locate(f.path.slice(1).map(String), ctx);
    // An Effect Details key is quoted as the planner wrote it: "agreement=nowhere".
    const text = where.found === undefined ? findingText(f) : findingText(f, where.found, true);
    const other = f.other === undefined ? '' : ` (also row ${contexts[f.other]!.row})`;
    problems.push(tableProblem(ctx.row, where.column, text + other));
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
  return { ok: true, entries };
}
