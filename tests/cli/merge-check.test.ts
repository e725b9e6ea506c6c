// Malformed shards and rows: concord merge refuses, naming the file, the line and what was
// wrong, a shard cut mid-row, a row with a cell too many or too few, a run that does not exist
// or is not in the shard, a run twice, a corrupt cell, point and seed not matching the run, a
// time-series file cut short or out of order — and writes nothing. A resumed sweep refuses a
// damaged row the same way, and runs again the runs whose time series are incomplete.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const concord = (...args: string[]) =>
  spawnSync('node', ['bin/concord.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONCORD_STALL_WRITE: '', CONCORD_FLUSH_MS: '' },
  });

const dir = mkdtempSync(join(tmpdir(), 'concord-check-'));
const exp = join(dir, 'check.json');
const OUTPUTS = ['.csv', '.meta.json', '.series.csv', '.summary.csv', '.summary.json'];
const read = (f: string) => readFileSync(f, 'utf8');
const at = (name: string) => join(dir, 'ref', name);

beforeAll(() => {
  writeFileSync(
    exp,
    JSON.stringify({
      id: 'check',
      name: 'check',
      scenario: resolve('scenarios/sahel-ct.json'),
      days: 0.5,
      parameters: [{ name: 'sharingLatencyMin', values: [30, 240] }],
      design: { kind: 'grid' },
      seeds: { count: 2, from: 7 },
      metrics: ['incidents', 'meanInfoLatencyH', 'copCompleteness'],
      sample: { everyHours: 3, metrics: ['copCompleteness', 'meanInfoLatencyH'] },
    }),
  );
  const sweep = (out: string, ...more: string[]) => {
    const r = concord('sweep', exp, '--workers', '1', '--out', at(out), '--quiet', ...more);
    expect(r.status, r.stderr).toBe(0);
  };
  sweep('whole.csv');
  sweep('s1.csv', '--shard', '1/2');
  sweep('s2.csv', '--shard', '2/2');
});

/** Copies the reference files of `names` into a case directory; returns a path maker. */
function copy(name: string, names: string[]): (f: string) => string {
  const d = join(dir, name);
  mkdirSync(d);
  for (const n of names)
    for (const x of OUTPUTS) if (existsSync(at(n + x))) copyFileSync(at(n + x), join(d, n + x));
  return (f) => join(d, f);
}

/** Rewrites line n (1-based) of a file; `undefined` removes it. */
function edit(file: string, n: number, f: (l: string) => string | undefined) {
  const lines = read(file).split('\n');
  const v = f(lines[n - 1]!);
  if (v === undefined) lines.splice(n - 1, 1);
  else lines[n - 1] = v;
  writeFileSync(file, lines.join('\n'));
}

const cells = (l: string, i: number, v: string) => {
  const c = l.split(',');
  c[i] = v;
  return c.join(',');
};

describe('concord merge', () => {
  it('joins good shards into the unsharded files, series and meta included', () => {
    const p = copy('good', ['s1', 's2']);
    const r = concord('merge', p('s1.csv'), p('s2.csv'), '--out', p('all.csv'));
    expect(r.status, r.stderr).toBe(0);
    for (const x of OUTPUTS) expect(read(p(`all${x}`)), x).toBe(read(at(`whole${x}`)));
  });

  // Shard 1 of 2 holds runs 0 (line 2) and 2 (line 3); its series, 4 rows of each.
  // Columns: experiment, point, run, sharingLatencyMin, seed, incidents, meanInfoLatencyH,
  // copCompleteness, hash, engine.
  const cases: Array<[string, string, (p: (f: string) => string) => void, string]> = [
    [
      'a shard cut mid-row',
      's1.csv',
      (p) => {
        const t = read(p('s1.csv'));
        writeFileSync(p('s1.csv'), t.slice(0, t.lastIndexOf(',', t.length - 10)));
      },
      'line 3: no newline at the end of the file (a row cut short)',
    ],
    [
      'a row missing cells',
      's1.csv',
      (p) => edit(p('s1.csv'), 2, (l) => l.split(',').slice(0, 8).join(',')),
      'line 2: 8 cells, expected 10 (a row cut short?)',
    ],
    [
      'a row with an extra column',
      's1.csv',
      (p) => edit(p('s1.csv'), 3, (l) => `${l},x`),
      'line 3: 11 cells, expected 10',
    ],
    [
      'a row for run 999',
      's1.csv',
      (p) => edit(p('s1.csv'), 3, (l) => cells(l, 2, '999')),
      'line 3: run "999" is not a run of check (0 to 3)',
    ],
    [
      'a row of a run in another shard',
      's1.csv',
      (p) => edit(p('s1.csv'), 3, (l) => cells(cells(cells(l, 2, '1'), 1, '0'), 4, '8')),
      'line 3: run 1 is not in shard 1/2',
    ],
    [
      'a run twice in one shard',
      's1.csv',
      (p) => edit(p('s1.csv'), 3, (l) => `${l}\n${l}`),
      'line 4: run 2 twice (also line 3)',
    ],
    [
      'a corrupt metric cell',
      's1.csv',
      (p) => edit(p('s1.csv'), 2, (l) => cells(l, 6, '1.5x')),
      'line 2: meanInfoLatencyH "1.5x" is not a number',
    ],
    [
      'a corrupt parameter cell',
      's1.csv',
      (p) => edit(p('s1.csv'), 2, (l) => cells(l, 3, 'yes')),
      'line 2: sharingLatencyMin "yes" is not a number or true/false',
    ],
    [
      'a seed that does not match the run',
      's1.csv',
      (p) => edit(p('s1.csv'), 2, (l) => cells(l, 4, '8')),
      'line 2: point 0, seed 8 do not match run 0 (point 0, seed 7)',
    ],
    [
      'a point that does not match the run',
      's1.csv',
      (p) => edit(p('s1.csv'), 3, (l) => cells(l, 1, '0')),
      'line 3: point 0, seed 7 do not match run 2 (point 1, seed 7)',
    ],
    [
      'a bad hash',
      's1.csv',
      (p) => edit(p('s1.csv'), 2, (l) => cells(l, 8, 'f00')),
      'line 2: hash "f00" is not 16 hex digits',
    ],
    [
      'a series file cut at a line end',
      's1.series.csv',
      (p) => {
        const lines = read(p('s1.series.csv')).split('\n');
        writeFileSync(p('s1.series.csv'), `${lines.slice(0, -3).join('\n')}\n`);
      },
      'line 7: run 2 has 2 time-series rows, expected 4 (a truncated file?)',
    ],
    [
      'a series file cut mid-row',
      's1.series.csv',
      (p) => {
        const t = read(p('s1.series.csv'));
        writeFileSync(p('s1.series.csv'), t.slice(0, -5));
      },
      'line 9: no newline at the end of the file (a row cut short)',
    ],
    [
      'a series row with a corrupt number',
      's1.series.csv',
      (p) => edit(p('s1.series.csv'), 4, (l) => cells(l, 6, 'NaN')),
      'line 4: meanInfoLatencyH "NaN" is not a number',
    ],
    [
      'series rows out of time order',
      's1.series.csv',
      (p) => edit(p('s1.series.csv'), 3, (l) => cells(l, 4, '1')),
      'line 3: run 0 at 1 h after 3 h: not in time order',
    ],
    [
      "a series row whose design point's level is not a level",
      's1.series.csv',
      (p) => edit(p('s1.series.csv'), 2, (l) => cells(l, 2, 'fast')),
      'line 2: sharingLatencyMin "fast" is not a number or true/false',
    ],
  ];

  it.each(cases)('refuses %s, naming file and line', (name, file, damage, what) => {
    const p = copy(name.replace(/\W+/g, '-'), ['s1', 's2']);
    damage(p);
    const r = concord('merge', p('s1.csv'), p('s2.csv'), '--out', p('all.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${p(file)}: ${what}\n`);
    expect(readdirSync(p('')).filter((f) => f.startsWith('all'))).toEqual([]);
  });

  it('refuses a shard whose series file is missing', () => {
    const p = copy('no-series', ['s1', 's2']);
    rmSync(p('s2.series.csv'));
    const r = concord('merge', p('s1.csv'), p('s2.csv'), '--out', p('all.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `${p('s2.csv')}: no ${p('s2.series.csv')} beside it (the experiment samples time series)\n`,
    );
  });
});

describe('a resumed sweep', () => {
  const sweep = (p: (f: string) => string) =>
    concord('sweep', exp, '--workers', '1', '--out', p('whole.csv'), '--quiet');
  const same = (p: (f: string) => string) => {
    for (const x of OUTPUTS) expect(read(p(`whole${x}`)), x).toBe(read(at(`whole${x}`)));
  };

  it('refuses a corrupt row, naming file and line; without that line it runs the run again', () => {
    const p = copy('resume-corrupt', ['whole']);
    edit(p('whole.csv'), 3, (l) => cells(l, 5, 'abc'));
    const before = read(p('whole.csv'));
    const r = sweep(p);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `${p('whole.csv')}: line 3: incidents "abc" is not a number; the file was changed after concord wrote it: remove that line or the whole file and rerun (its runs are run again)\n`,
    );
    expect(read(p('whole.csv'))).toBe(before);
    expect(existsSync(p('whole.lock'))).toBe(false);
    edit(p('whole.csv'), 3, () => undefined);
    const again = sweep(p);
    expect(again.status, again.stderr).toBe(0);
    same(p);
  });

  it('refuses a row cut short', () => {
    const p = copy('resume-cut', ['whole']);
    const t = read(p('whole.csv'));
    writeFileSync(p('whole.csv'), t.slice(0, -20));
    const r = sweep(p);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /whole\.csv: line 5: no newline at the end of the file \(a row cut short\); the file was changed/,
    );
  });

  it('runs again the runs whose time series are incomplete, to the same files', () => {
    const p = copy('resume-series', ['whole']);
    const lines = read(p('whole.series.csv')).split('\n');
    // Run 1 loses its last row; rows of runs 2 and 3 go entirely.
    writeFileSync(p('whole.series.csv'), `${lines.slice(0, 8).join('\n')}\n`);
    const r = concord('sweep', exp, '--workers', '1', '--out', p('whole.csv'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/3 runs in .*whole\.csv lack complete time series/);
    expect(r.stderr).toMatch(/1 already done/);
    same(p);
  });

  it('refuses a results file with no meta beside it, saying what to do', () => {
    const p = copy('resume-no-meta', ['whole']);
    rmSync(p('whole.meta.json'));
    const r = sweep(p);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `${p('whole.csv')}: no ${p('whole.meta.json')} beside it, so its rows cannot be checked against this experiment; remove ${p('whole.csv')} to start over, or choose another --out\n`,
    );
  });
});
