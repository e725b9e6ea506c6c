// MSEL ⇄ XLSX with the same columns and rules as CSV (msel-table.ts), through
// write-excel-file and read-excel-file (their "universal" builds: browser, worker and Node).
// Both are imported on first use, so the app's main bundle does not carry them.
//
// A workbook is untrusted data: its size and its zip directory's declared sizes are checked
// before anything is inflated (msel-zip-guard.ts), cells are read into arrays (never used as
// object keys), and a cell of an unexpected type (a date, a logical, a number where a time
// belongs) is a problem for its row and column, not a crash.
import type { Scenario } from '../scenario/schema';
import type { MselEntry } from './msel';
import {
  columnLetter,
  columnOfHeader,
  entriesFromTable,
  entriesToTable,
  MSEL_COLUMNS,
  MSEL_FILE_LIMITS,
  type MselColumn,
  type MselImport,
  type TableProblem,
  tableProblem,
} from './msel-table';
import { zipSummary } from './msel-zip-guard';

/** Declared XML inside the zip, bytes: far above any real MSEL, far below a zip bomb. */
export const XLSX_XML_LIMIT = 50 * 1024 * 1024;
/** The sheet import prefers; otherwise the first. */
export const MSEL_SHEET = 'MSEL';

const WIDTHS: Record<MselColumn, number> = {
  'No.': 6,
  Time: 11,
  DTG: 16,
  From: 16,
  To: 18,
  Method: 12,
  Subject: 30,
  Message: 60,
  'Expected Action': 40,
  Trigger: 22,
  Effect: 11,
  'Effect Details': 40,
};

// write-excel-file 4.1.1 indexes shared strings in a plain object, so a cell whose whole text is
// an Object.prototype name ("constructor", "toString", "__proto__") is written corrupt (no
// pollution: the index object is its own). Such a cell gets a leading apostrophe, which import
// removes (and one more before an apostrophe already there, so the mapping is reversible).
const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const isProtoName = (t: string) => PROTO_NAMES.has(t.replace(/^'+/, ''));
const guardCell = (t: string) => (isProtoName(t) ? `'${t}` : t);
const unguardCell = (t: string) => (t.startsWith("'") && isProtoName(t) ? t.slice(1) : t);

/** The MSEL as XLSX bytes: one sheet "MSEL", a bold frozen header, every cell text. */
export async function exportMselXlsx(
  entries: readonly MselEntry[],
  scenario: Pick<Scenario, 'start'>,
): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const [header, ...rows] = entriesToTable(entries, scenario.start);
  const data = [
    header!.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    // Typed as text so that a serial "1" or a time never turns into a number or a date.
    ...rows.map((r) =>
      r.map((value) => ({
        value: guardCell(value),
        type: String,
        wrap: true,
        alignVertical: 'top' as const,
      })),
    ),
  ];
  const blob = await writeXlsxFile(data, {
    sheet: MSEL_SHEET,
    stickyRowsCount: 1,
    columns: MSEL_COLUMNS.map((c) => ({ width: WIDTHS[c] })),
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

const fileProblem = (message: string): MselImport => ({
  ok: false,
  problems: [tableProblem(0, null, message)],
});

/** Entries from XLSX bytes, checked against the scenario; nothing when there is any problem. */
export async function importMselXlsx(
  bytes: Uint8Array | ArrayBuffer,
  scenario: Scenario,
): Promise<MselImport> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteLength > MSEL_FILE_LIMITS.bytes)
    return fileProblem(`found ${u8.byteLength} bytes; allowed: at most ${MSEL_FILE_LIMITS.bytes}`);
  const zip = zipSummary(u8);
  if (typeof zip === 'string') return fileProblem(zip);
  if (zip.entries > 10_000 || zip.xmlBytes > XLSX_XML_LIMIT)
    return fileProblem(
      `found ${zip.entries} zip entries declaring ${zip.xmlBytes} bytes of XML; allowed: at most ${XLSX_XML_LIMIT} bytes (not an MSEL workbook)`,
    );
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    // A copy: the reader wants an ArrayBuffer of its own, and must not see our caller's.
    const buffer = u8.slice().buffer;
    sheets = (await readXlsxFile(buffer, { trim: false })) as typeof sheets;
  } catch (e) {
    return fileProblem(`not a readable XLSX workbook (${(e as Error).message || String(e)})`);
  }
  const sheet = sheets.find((s) => s.sheet.trim().toUpperCase() === MSEL_SHEET) ?? sheets[0];
  if (!sheet) return fileProblem('the workbook has no sheet');
  if (sheet.data.length > MSEL_FILE_LIMITS.rows)
    return fileProblem(
      `found ${sheet.data.length} rows; allowed: at most ${MSEL_FILE_LIMITS.rows}`,
    );
  const { rows, problems } = textRows(sheet.data);
  if (problems.length) return { ok: false, problems };
  return entriesFromTable(rows, scenario);
}

/** Every cell as text, by the column its header names; cells of unexpected types → problems. */
function textRows(data: readonly unknown[][]): { rows: string[][]; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const h = data.findIndex((r) => Array.isArray(r) && r.some((c) => c !== null && c !== ''));
  const header = h < 0 ? [] : data[h]!;
  const names = header.map((c, i) => (typeof c === 'string' ? c.trim() : '') || columnLetter(i));
  const rows = data.map((r, ri) => {
    if (!Array.isArray(r) || r.length > MSEL_FILE_LIMITS.columns) {
      problems.push(
        tableProblem(ri + 1, null, `allowed: at most ${MSEL_FILE_LIMITS.columns} columns`),
      );
      return [];
    }
    return Array.from(r, (c, ci) => {
      const column = ri === h ? null : columnOfHeader(names[ci] ?? '');
      const t = cellText(c, column);
      if (typeof t === 'string') return t;
      problems.push(tableProblem(ri + 1, names[ci] ?? columnLetter(ci), t.problem));
      return '';
    });
  });
  return { rows, problems: problems.slice(0, 50) };
}

/** A cell's text, or why it cannot be read as one. */
function cellText(c: unknown, column: MselColumn | undefined | null): string | { problem: string } {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string')
    return c.length > MSEL_FILE_LIMITS.cellChars
      ? { problem: `found ${c.length} characters; allowed: at most ${MSEL_FILE_LIMITS.cellChars}` }
      : unguardCell(c);
  const asText = 'format the cells as Text';
  if (c instanceof Date)
    return {
      problem: `found a date cell (${Number.isNaN(c.getTime()) ? 'invalid' : c.toISOString()}); allowed: text like D+2 06:30 or 021230Z MAR 26 (${asText})`,
    };
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return { problem: `found the number ${c}; allowed: text` };
    if (column === 'Time' || column === 'DTG')
      return {
        problem: `found the number ${c}; allowed: text like ${column === 'Time' ? 'D+2 06:30' : '021230Z MAR 26'} (${asText})`,
      };
    return String(c);
  }
  if (typeof c === 'boolean')
    return {
      problem: `found the logical value ${c ? 'TRUE' : 'FALSE'}; allowed: text (${asText})`,
    };
  return { problem: `found a cell of type ${typeof c}; allowed: text` };
}
