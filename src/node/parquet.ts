// Parquet beside a results CSV (`--parquet`): the same table, typed, for R's arrow, pandas and
// DuckDB without parsing text. Columns whose every cell is a number (or empty, a metric that
// had no value) are DOUBLE, nullable; any other column is STRING. Written atomically.
import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { isNumber, parseCsv } from '../experiment/csv';
import { ENGINE_VERSION } from '../sim/version';
import { writeFileAtomic } from './atomic';

type Column = { name: string; data: Array<number | null> | string[]; type: 'DOUBLE' | 'STRING' };

/** The Parquet path for a CSV path: `x.csv` → `x.parquet`, `x.series.csv` → `x.series.parquet`. */
export function parquetPathOf(csv: string): string {
  return `${csv.endsWith('.csv') ? csv.slice(0, -4) : csv}.parquet`;
}

function column(name: string, cells: string[]): Column {
  if (cells.every((c) => c === '' || isNumber(c)) && cells.some((c) => c !== ''))
    return { name, type: 'DOUBLE', data: cells.map((c) => (c === '' ? null : Number(c))) };
  return { name, type: 'STRING', data: cells };
}

/** Parquet bytes of CSV text (header row first). */
export function csvToParquet(text: string): Uint8Array {
  const [names = [], ...rows] = parseCsv(text).filter((r) => r.length > 1 || r[0] !== '');
  const columnData = names.map((name, j) =>
    column(
      name,
      rows.map((r) => r[j] ?? ''),
    ),
  );
  return new Uint8Array(
    parquetWriteBuffer({ columnData, createdBy: `concord engine ${ENGINE_VERSION}` }),
  );
}

/** Writes `<csv>.parquet` from the CSV file beside it; returns its path. */
export function writeParquetBeside(csv: string): string {
  const out = parquetPathOf(csv);
  writeFileAtomic(out, csvToParquet(readFileSync(csv, 'utf8')));
  return out;
}
