// `--parquet`: the results and series tables as typed Parquet beside the CSVs, read back with
// an independent reader (hyparquet) and compared cell by cell with the CSV.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/experiment/csv';
import { csvToParquet, parquetPathOf } from '../../src/node/parquet';

const read = async (bytes: Uint8Array) => {
  const file = new Uint8Array(bytes).buffer; // a copy: an ArrayBuffer of exactly the file
  const names = parquetSchema(parquetMetadata(file)).children.map((c) => c.element.name);
  return { names, rows: await parquetReadObjects({ file }) };
};

/** Each CSV cell as the Parquet reader should give it back: numbers typed, empties null. */
function expected(csv: string) {
  const [names = [], ...body] = parseCsv(csv.trimEnd());
  const numeric = names.map((_, j) =>
    body.every((r) => r[j] === '' || !Number.isNaN(Number(r[j]))),
  );
  return {
    names,
    rows: body.map((r) =>
      Object.fromEntries(
        names.map((n, j) => [n, numeric[j] ? (r[j] === '' ? null : Number(r[j])) : r[j]]),
      ),
    ),
  };
}

describe('csvToParquet', () => {
  it('keeps every cell: numbers as doubles, empty metrics as null, quoted text as text', async () => {
    const csv =
      'experiment,point,label,x,ok\nsahel,0,"a, ""quoted"" one",1.5e-3,true\nsahel,1,plain,,false\n';
    const got = await read(csvToParquet(csv));
    expect(got.names).toEqual(['experiment', 'point', 'label', 'x', 'ok']);
    expect(got.rows).toEqual([
      { experiment: 'sahel', point: 0, label: 'a, "quoted" one', x: 0.0015, ok: 'true' },
      { experiment: 'sahel', point: 1, label: 'plain', x: null, ok: 'false' },
    ]);
  });

  it('names the file beside the CSV', () => {
    expect(parquetPathOf('out/x.csv')).toBe('out/x.parquet');
    expect(parquetPathOf('out/x.series.csv')).toBe('out/x.series.parquet');
  });
});

describe('concord sweep --parquet', () => {
  it('writes results and series Parquet equal to the CSVs, parameters in both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-parquet-'));
    const exp = join(dir, 'pq.json');
    writeFileSync(
      exp,
      JSON.stringify({
        id: 'pq',
        name: 'pq',
        scenario: resolve('scenarios/sahel-ct.json'),
        days: 1,
        parameters: [{ name: 'sharingLatencyMin', values: [30, 240] }],
        design: { kind: 'grid' },
        seeds: { count: 2 },
        metrics: ['incidents', 'meanInfoLatencyH'],
        sample: { everyHours: 12, metrics: ['incidents'] },
      }),
    );
    const out = join(dir, 'pq.csv');
    const r = spawnSync('node', ['bin/concord.mjs', 'sweep', exp, '--out', out, '--parquet'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `Parquet in ${join(dir, 'pq.parquet')} and ${join(dir, 'pq.series.parquet')}`,
    );
    for (const base of ['pq', 'pq.series']) {
      const got = await read(new Uint8Array(readFileSync(join(dir, `${base}.parquet`))));
      const want = expected(readFileSync(join(dir, `${base}.csv`), 'utf8'));
      expect(got.names).toEqual(want.names);
      expect(got.rows).toEqual(want.rows);
    }
    const series = await read(new Uint8Array(readFileSync(join(dir, 'pq.series.parquet'))));
    expect(series.names).toContain('sharingLatencyMin');
    expect(series.rows).toHaveLength(4 * 2);
  });
});
