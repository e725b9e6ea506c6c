// MSEL ⇄ CSV in the usual column layout (msel-table.ts). RFC 4180: fields quoted when they hold
// a comma, quote or line break, quotes doubled, CRLF between records. Export starts with a
// UTF-8 byte-order mark so Excel reads accents right; import takes UTF-8 text with or without
// it, CRLF, LF or CR, and a comma, semicolon (European Excel) or tab as the delimiter, found
// from the header line.
//
// Spreadsheet formula injection: a cell that begins with = + - @ or a tab would run as a
// formula when the CSV is opened in a spreadsheet, so export puts an apostrophe before it
// (and before a leading apostrophe, to keep the mapping reversible); import removes one
// apostrophe before any of those characters.
import type { Scenario } from '../scenario/schema';
import type { MselEntry } from './msel';
import {
  columnLetter,
  entriesFromTable,
  entriesToTable,
  MSEL_FILE_LIMITS,
  type MselImport,
  type TableProblem,
  tableProblem,
} from './msel-table';

const RISKY_START = /^[=+\-@\t\r']/;

const escapeFormula = (cell: string) => (RISKY_START.test(cell) ? `'${cell}` : cell);
const unescapeFormula = (cell: string) =>
  cell.length > 1 && cell[0] === "'" && RISKY_START.test(cell.slice(1)) ? cell.slice(1) : cell;

function quote(cell: string, delimiter: string): string {
  return cell.includes('"') || cell.includes(delimiter) || /[\r\n]/.test(cell)
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** CSV text of rows (CRLF line ends, no trailing empty line). */
export function csvEncode(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join('\r\n');
}

/** The delimiter the header line uses most, outside quotes: comma, semicolon or tab. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

export type CsvRows = { rows: string[][]; problems: TableProblem[] };

/** Rows of a CSV text (RFC 4180, lenient about line ends); syntax problems by row and column. */
export function csvDecode(input: string): CsvRows {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const d = detectDelimiter(text);
  const rows: string[][] = [];
  const problems: TableProblem[] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let stop = false;
  const endCell = () => {
    if (cell.length > MSEL_FILE_LIMITS.cellChars)
      problems.push(
        tableProblem(
          rows.length + 1,
          columnLetter(row.length),
          `found ${cell.length} characters; allowed: at most ${MSEL_FILE_LIMITS.cellChars} in a cell`,
        ),
      );
    row.push(cell);
    cell = '';
    if (row.length > MSEL_FILE_LIMITS.columns) {
      problems.push(
        tableProblem(
          rows.length + 1,
          null,
          `more than ${MSEL_FILE_LIMITS.columns} columns; allowed: at most ${MSEL_FILE_LIMITS.columns}`,
        ),
      );
      stop = true;
    }
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
    if (rows.length > MSEL_FILE_LIMITS.rows) {
      problems.push(
        tableProblem(
          0,
          null,
          `more than ${MSEL_FILE_LIMITS.rows} rows; allowed: at most ${MSEL_FILE_LIMITS.rows}`,
        ),
      );
      stop = true;
    }
  };
  // Reading stops at a limit, or after 20 problems (a file that is not CSV at all).
  while (i < text.length && !stop && problems.length < 20) {
    const ch = text[i]!;
    if (ch === '"' && cell === '') {
      const start = rows.length + 1;
      const close = readQuoted(text, i + 1);
      if (close.end < 0) {
        problems.push(tableProblem(start, null, 'a quoted cell is not closed (a " is missing)'));
        break;
      }
      cell = close.value;
      i = close.end;
      if (i < text.length && text[i] !== d && text[i] !== '\n' && text[i] !== '\r')
        problems.push(
          tableProblem(
            rows.length + 1,
            columnLetter(row.length),
            'text after the closing quote of a quoted cell',
          ),
        );
      continue;
    }
    if (ch === d) endCell();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (!stop && (cell !== '' || row.length)) endRow();
  return { rows: rows.map((r) => r.map(unescapeFormula)), problems };
}

/** The value of a quoted cell opening before `from`, and the index just past its closing quote. */
function readQuoted(text: string, from: number): { value: string; end: number } {
  let value = '';
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return { value, end: -1 };
    value += text.slice(i, q);
    if (text[q + 1] === '"') {
      value += '"';
      i = q + 2;
    } else return { value, end: q + 1 };
  }
}

/** The MSEL as CSV text (with a byte-order mark unless `bom: false`). */
export function exportMselCsv(
  entries: readonly MselEntry[],
  scenario: Pick<Scenario, 'start'>,
  options: { bom?: boolean } = {},
): string {
  const rows = entriesToTable(entries, scenario.start).map((r) => r.map(escapeFormula));
  return (options.bom === false ? '' : '\ufeff') + csvEncode(rows);
}

/** Entries from CSV text, checked against the scenario; nothing when there is any problem. */
export function importMselCsv(text: string, scenario: Scenario): MselImport {
  if (text.length > MSEL_FILE_LIMITS.bytes)
    return {
      ok: false,
      problems: [
        tableProblem(
          0,
          null,
          `found ${text.length} characters; allowed: at most ${MSEL_FILE_LIMITS.bytes}`,
        ),
      ],
    };
  const { rows, problems } = csvDecode(text);
  if (problems.length) return { ok: false, problems };
  return entriesFromTable(rows, scenario);
}
