// concord sweep and merge as a researcher runs them: the same rows whatever the worker count,
// shards that merge into the unsharded result, a killed sweep that resumes without doubles,
// merge refusing gaps and doubles, and path-named errors for bad experiment files.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const concord = (...args: string[]) =>
  spawnSync('node', ['bin/concord.mjs', ...args], { encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'concord-sweep-'));

function experiment(name: string, extra: Record<string, unknown> = {}): string {
  const file = join(dir, `${name}.json`);
  const doc = {
    id: name,
    name,
    scenario: resolve('scenarios/sahel-ct.json'),
    days: 1,
    parameters: [
      { name: 'sharingLatencyMin', values: [30, 240] },
      { name: 'jocActive', values: [false, true] },
    ],
    design: { kind: 'grid' },
    seeds: { count: 3 },
    metrics: ['incidents', 'meanInfoLatencyH', 'copCompleteness', 'trustMean'],
    ...extra,
  };
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

const rows = (csv: string) => readFileSync(csv, 'utf8').trim().split('\n');

describe('concord sweep', () => {
  const file = experiment('mini');
  const one = join(dir, 'one.csv');
  const two = join(dir, 'two.csv');

  it('writes the same rows with 1 and with 2 workers, sorted by run, with a summary', () => {
    expect(concord('sweep', file, '--workers', '1', '--out', one, '--quiet').status).toBe(0);
    expect(concord('sweep', file, '--workers', '2', '--out', two, '--quiet').status).toBe(0);
    const a = rows(one);
    expect(a).toHaveLength(1 + 12);
    expect(a[0]).toBe(
      'experiment,point,run,sharingLatencyMin,jocActive,seed,incidents,meanInfoLatencyH,copCompleteness,trustMean,hash,engine',
    );
    expect(rows(two)).toEqual(a);
    expect(a.slice(1).map((r) => Number(r.split(',')[2]))).toEqual([...Array(12).keys()]);
    // Common random numbers: point 0 and point 1 use seeds 1–3.
    expect(a.slice(1, 7).map((r) => r.split(',')[5])).toEqual(['1', '2', '3', '1', '2', '3']);
    const summary = JSON.parse(readFileSync(join(dir, 'one.summary.json'), 'utf8'));
    expect(summary.points).toHaveLength(4);
    expect(summary.points[0].n).toBe(3);
    expect(rows(join(dir, 'one.summary.csv'))[0]).toBe(
      'experiment,point,sharingLatencyMin,jocActive,metric,n,mean,sd,ci_lo,ci_hi,ci_level',
    );
    expect(summary.confidence).toBe(0.95);
    // A grid is not sampled: no sensitivity file.
    expect(existsSync(join(dir, 'one.sensitivity.csv'))).toBe(false);
  });

  it('a nearly orthogonal design: the top factor of every metric, and PRCC, p and SRC in a CSV', () => {
    const metrics = ['incidents', 'meanInfoLatencyH', 'copCompleteness', 'trustMean', 'costUnits'];
    const f = experiment('sens', {
      parameters: [
        { name: 'sharingLatencyMin', min: 15, max: 720 },
        { name: 'jfDecisionLatencyMin', min: 30, max: 1440 },
        { name: 'grpBStrength', min: 10, max: 80, integer: true },
      ],
      design: { kind: 'nolh' },
      seeds: { count: 1 },
      days: 0.5,
      metrics,
      confidence: 0.9,
    });
    const out = join(dir, 'sens.csv');
    const r = concord('sweep', f, '--workers', '2', '--out', out, '--quiet');
    expect(r.status, r.stderr).toBe(0);
    expect(rows(out)).toHaveLength(1 + 17);
    for (const m of metrics)
      expect(r.stdout).toMatch(
        new RegExp(`\\n  ${m}: (\\w+ matters most \\(PRCC -?[\\d.]+, p |the same in every run)`),
      );
    expect(r.stdout).toMatch(/PRCC and SRC in .*sens\.sensitivity\.csv/);
    const sens = rows(join(dir, 'sens.sensitivity.csv'));
    expect(sens[0]).toBe('experiment,metric,factor,prcc,prcc_p,src,r2');
    expect(sens).toHaveLength(1 + metrics.length * 3);
    for (const line of sens.slice(1)) {
      const [id, metric, factor, prcc, p] = line.split(',');
      expect(id).toBe('sens');
      expect(metrics).toContain(metric);
      expect(['sharingLatencyMin', 'jfDecisionLatencyMin', 'grpBStrength']).toContain(factor);
      // A constant metric has no correlation (NaN is written empty).
      if (prcc !== '' && p !== '') expect(Number(p)).toBeGreaterThanOrEqual(0);
    }
    const summary = rows(join(dir, 'sens.summary.csv'));
    expect(summary[1]!.endsWith(',0.9')).toBe(true);
  });

  it('shards 1/3, 2/3 and 3/3 merge into exactly the unsharded rows', () => {
    const shards = [1, 2, 3].map((i) => {
      const out = join(dir, `shard-${i}.csv`);
      expect(
        concord('sweep', file, '--shard', `${i}/3`, '--workers', '1', '--out', out, '--quiet')
          .status,
      ).toBe(0);
      return out;
    });
    expect(rows(shards[0]!).length - 1).toBe(4);
    const merged = join(dir, 'merged.csv');
    const m = concord('merge', ...shards, '--out', merged);
    expect(m.status, m.stderr).toBe(0);
    expect(rows(merged)).toEqual(rows(one));
  });

  it('merge refuses a missing shard and a shard given twice, naming the runs', () => {
    const s1 = join(dir, 'shard-1.csv');
    const s2 = join(dir, 'shard-2.csv');
    const gap = concord('merge', s1, s2, '--out', join(dir, 'gap.csv'));
    expect(gap.status).toBe(2);
    expect(gap.stderr).toMatch(/4 of 12 runs missing \(runs 2, 5, 8, 11\)/);
    const twice = concord('merge', s1, s1, '--out', join(dir, 'twice.csv'));
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/run 0 is in both .*shard-1\.csv and .*shard-1\.csv/);
    expect(existsSync(join(dir, 'gap.csv'))).toBe(false);
  });

  it('a killed sweep leaves a valid file; rerun, it completes without duplicates', async () => {
    const big = experiment('resume', { days: 3, seeds: { count: 6 } });
    const out = join(dir, 'resume.csv');
    // Rows flushed every 50 ms: on a quiet machine the whole sweep takes about 2 s, within its
    // first one-second flush, and would be over before it could be killed part way.
    const child = spawn(
      'node',
      ['bin/concord.mjs', 'sweep', big, '--workers', '1', '--out', out, '--quiet'],
      { env: { ...process.env, CONCORD_FLUSH_MS: '50' } },
    );
    const exited = new Promise((r) => child.once('exit', r));
    // Kill it once some rows are on disk (the file is rewritten atomically at each flush).
    await new Promise<void>((done, fail) => {
      const t0 = Date.now();
      const poll = setInterval(() => {
        const n = existsSync(out) ? rows(out).length - 1 : 0;
        if (n >= 3) {
          clearInterval(poll);
          child.kill('SIGKILL');
          done();
        } else if (Date.now() - t0 > 60_000) {
          clearInterval(poll);
          fail(new Error('no rows after 60 s'));
        }
      }, 100);
    });
    await exited;
    const partial = rows(out);
    expect(partial.length - 1).toBeGreaterThanOrEqual(3);
    expect(partial.length - 1).toBeLessThan(24);
    const again = concord('sweep', big, '--workers', '2', '--out', out);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`${partial.length - 1} already done`));
    const full = rows(out);
    expect(full).toHaveLength(1 + 24);
    const runs = full.slice(1).map((r) => Number(r.split(',')[2]));
    expect(new Set(runs).size).toBe(24);
    // The rows kept from before the kill are unchanged.
    for (const r of partial.slice(1)) expect(full).toContain(r);
    // And the whole equals a sweep that was never interrupted.
    const clean = join(dir, 'clean.csv');
    expect(concord('sweep', big, '--workers', '2', '--out', clean, '--quiet').status).toBe(0);
    expect(full).toEqual(rows(clean));
  });

  it('writes sampled time series beside the rows', () => {
    const f = experiment('series', { sample: { everyHours: 6, metrics: ['incidents'] } });
    const out = join(dir, 'series.csv');
    expect(concord('sweep', f, '--workers', '2', '--out', out, '--quiet').status).toBe(0);
    const s = rows(join(dir, 'series.csv').replace('.csv', '.series.csv'));
    expect(s[0]).toBe('run,point,sharingLatencyMin,jocActive,seed,hours,incidents');
    expect(s).toHaveLength(1 + 12 * 4);
    // Each series row carries its run's levels, as in the results row: no join needed.
    const byRun = new Map(
      rows(out)
        .slice(1)
        .map((r) => [r.split(',')[2]!, r.split(',')]),
    );
    for (const line of s.slice(1)) {
      const [run, point, latency, joc, seed] = line.split(',');
      const row = byRun.get(run!)!;
      expect([point, latency, joc, seed]).toEqual([row[1], row[3], row[4], row[5]]);
    }
    // Sharded into a directory that does not exist yet, merged: the same series.
    const shards = [1, 2].map((i) => {
      const o = join(dir, 'nested', 'deeper', `series-${i}.csv`);
      expect(
        concord('sweep', f, '--shard', `${i}/2`, '--workers', '1', '--out', o, '--quiet').status,
      ).toBe(0);
      return o;
    });
    const merged = join(dir, 'series-merged.csv');
    expect(concord('merge', ...shards, '--out', merged).status).toBe(0);
    expect(rows(join(dir, 'series-merged.series.csv'))).toEqual(s);
  });
});

describe('bad experiment files', () => {
  it('name the JSON path and what is allowed, exit 2, no stack trace', () => {
    const bad = experiment('bad', {
      parameters: [
        { name: 'noSuchParameter', values: [1] },
        { name: 'jocActive', values: [3] },
        { name: 'sharingLatencyMin', values: [1] },
      ],
      metrics: ['incidents', 'happiness'],
    });
    const r = concord('sweep', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/metrics\[1\]: found "happiness"; allowed: a metric \(incidents, /);
    const schemaOk = experiment('bad2', {
      parameters: [
        { name: 'noSuchParameter', values: [1] },
        { name: 'jocActive', values: [3] },
        { name: 'sharingLatencyMin', values: [1] },
      ],
    });
    const r2 = concord('sweep', schemaOk);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(
      /parameters\[0\]\.name: found "noSuchParameter"; allowed: a parameter declared by sahel-ct \(sharingLatencyMin, /,
    );
    expect(r2.stderr).toMatch(/parameters\[1\]\.values\[0\]: found 3; allowed: true or false/);
    expect(r2.stderr).toMatch(/parameters\[2\]\.values\[0\]: found 1; allowed: 15 to 720/);
    const shape = experiment('bad3', { design: { kind: 'lhs' }, seeds: { count: 0 } });
    const r3 = concord('sweep', shape);
    expect(r3.status).toBe(2);
    expect(r3.stderr).toMatch(/design\.points/);
    expect(r3.stderr).toMatch(/seeds\.count/);
    for (const x of [r, r2, r3]) expect(x.stderr).not.toMatch(/\n\s+at /);
    const shard = concord('sweep', experiment('ok'), '--shard', '4/3');
    expect(shard.status).toBe(2);
    expect(shard.stderr).toMatch(/--shard 4\/3: expected i\/n with 1 ≤ i ≤ n/);
  });
});
