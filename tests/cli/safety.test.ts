// Issue 9 through the command line as a user meets it: pollution probes refused (exit 2), the
// limits with their messages and flags, files that validate also run (geography checked),
// experiments that validate also sweep (whole-number levels, no duplicates, not past the
// scenario's end), seeds past 2^31 reproducible with `concord run`, and file-system failures
// told as such (exit 3) with the files already there left intact.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CONCORD = resolve('bin/concord.mjs');
const concord = (...args: string[]) => spawnSync('node', [CONCORD, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'concord-safety-'));
const sahel = () => JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));

function write(name: string, doc: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

const noTrace = (s: string) => expect(s).not.toMatch(/internal error|\n\s+at /);

describe('pollution probes', () => {
  it.each(['__proto__.polluted=1', '__proto__.toString=1', 'constructor.prototype.x=1'])(
    'concord run --set %s exits 2 naming the segment',
    (set) => {
      const r = concord('run', 'scenarios/sahel-ct.json', '--ticks', '2', '--set', set);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/segment "(__proto__|constructor)" is not allowed/);
      noTrace(r.stderr);
    },
  );

  it('a declared parameter with a __proto__ path fails concord validate', () => {
    const doc = sahel();
    doc.parameters[0].path = '__proto__.x';
    const r = concord('validate', write('proto-param.json', doc));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/proto-param\.json: parameters\[0\]\.path: found "__proto__\.x"/);
    expect(r.stdout).not.toMatch(/ok/);
  });
});

describe('limits', () => {
  it('a world-sized grid is refused by validate at geography.cellKm, with the flag to raise it', () => {
    const doc = sahel();
    doc.geography.bbox = [-180, -80, 180, 80];
    doc.geography.cellKm = 0.5;
    const r = concord('validate', write('world.json', doc));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /world\.json: geography\.cellKm: found [\d,]+ grid cells .*--max-cells N/,
    );
  });

  it('places over the limit are refused, and --max-places lets them through', () => {
    const doc = sahel();
    const have = doc.places.length;
    for (let i = have; i < 20_001; i++) doc.places.push({ ...doc.places[0], id: `p-${i}` });
    const file = write('places.json', doc);
    const r = concord('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /places: found 20,001 places; allowed: at most 20,000 .*--max-places N/,
    );
    expect(concord('validate', file, '--max-places', '30000').stdout).toBe('ok\n');
  });

  it('a file over the size limit is refused before it is read', () => {
    const r = concord('validate', 'scenarios/sahel-ct.json', '--max-file-mb', '0.05');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /sahel-ct\.json: found 0\.1 MB; allowed: at most 0\.05 MB .*--max-file-mb/,
    );
  });

  it('an experiment of 10,000 points × 10,000 seeds and a 10,000 × 10,000 best-random-lhs are refused at once', () => {
    const base = {
      id: 'big',
      name: 'big',
      scenario: resolve('scenarios/sahel-ct.json'),
      parameters: [{ name: 'sharingLatencyMin', min: 15, max: 720 }],
      metrics: ['incidents'],
    };
    const runs = concord(
      'validate',
      write('runs.json', {
        ...base,
        design: { kind: 'random', points: 10_000 },
        seeds: { count: 10_000 },
      }),
    );
    expect(runs.status).toBe(2);
    expect(runs.stderr).toMatch(
      /seeds\.count: found 100,000,000 runs .*at most 100,000 .*--max-runs N/,
    );
    const nolh = concord(
      'validate',
      write('nolh.json', {
        ...base,
        design: { kind: 'best-random-lhs', points: 10_000, candidates: 10_000 },
        seeds: { count: 1 },
      }),
    );
    expect(nolh.status).toBe(2);
    expect(nolh.stderr).toMatch(/design: found 100,000,000 random draws .*--max-design-draws N/);
  });
});

describe('validated means runnable', () => {
  it('a zone that covers no grid cell fails validate, not run', () => {
    const doc = sahel();
    const [x, y] = doc.zones[0].polygon[0][0];
    doc.zones[0].polygon = [
      [
        [x, y],
        [x + 1e-4, y],
        [x, y + 1e-4],
        [x, y],
      ],
    ];
    const r = concord('validate', write('speck.json', doc));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/speck\.json: zones\[0\]\.polygon: covers no grid cell/);
  });

  it("a lane that crosses land at the file's cell size fails validate", () => {
    const doc = JSON.parse(readFileSync('scenarios/sea-maritime.json', 'utf8'));
    doc.geography.cellKm = 10;
    const r = concord('validate', write('coarse-sea.json', doc));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /coarse-sea\.json: routes\[\d+\]\.coordinates: lane "[\w-]+" crosses land/,
    );
  });

  const experiment = (name: string, extra: Record<string, unknown>) =>
    write(name, {
      id: name.replace('.json', ''),
      name,
      scenario: resolve('scenarios/sahel-ct.json'),
      days: 0.2,
      parameters: [{ name: 'jfTillaberiCount', values: [1, 2] }],
      design: { kind: 'grid' },
      seeds: { count: 1 },
      metrics: ['incidents'],
      ...extra,
    });

  it('a fractional level for a count is refused at the level', () => {
    const r = concord(
      'validate',
      experiment('frac.json', { parameters: [{ name: 'jfTillaberiCount', values: [1, 2.5] }] }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /frac\.json: parameters\[0\]\.values\[1\]: found 2\.5; the scenario refuses it \(units\[\d+\]\.count: .*expected int/,
    );
  });

  it('a count drawn from a range without "integer" is refused with the fix', () => {
    const r = concord(
      'validate',
      experiment('range.json', {
        parameters: [{ name: 'jfTillaberiCount', min: 1, max: 6 }],
        design: { kind: 'lhs', points: 3 },
      }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /range\.json: parameters\[0\]: found 2\.66+\d*; the scenario refuses it .*add "integer": true/,
    );
  });

  it('duplicate levels and days past the scenario are refused', () => {
    const dup = concord(
      'validate',
      experiment('dup.json', { parameters: [{ name: 'jfTillaberiCount', values: [2, 2] }] }),
    );
    expect(dup.stderr).toMatch(
      /dup\.json: parameters\[0\]\.values\[1\]: found 2 again \(also values\[0\]\)/,
    );
    const long = concord('validate', experiment('long.json', { days: 60 }));
    expect(long.stderr).toMatch(
      /long\.json: days: found 60; allowed: at most the scenario's durationDays \(30\)/,
    );
  });

  it('validate on an experiment file checks it as an experiment', () => {
    const r = concord('validate', 'scenarios/experiments/sahel-sharing-joc.json');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ok (experiment: 80 runs of sahel-ct)\n');
    const bad = concord('validate', experiment('badmetric.json', { metrics: ['noSuchMetric'] }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /badmetric\.json: metrics\[0\]: found "noSuchMetric"; allowed: a metric/,
    );
    expect(bad.stderr).not.toMatch(/unknown field/);
  });

  it('a sweep seed past 2^31 gives the hash concord run gives with that seed', () => {
    const seed = 2 ** 31 + 5;
    const file = experiment('bigseed.json', { seeds: { count: 1, from: seed } });
    const out = join(dir, 'bigseed.csv');
    expect(concord('sweep', file, '--workers', '1', '--quiet', '--out', out).status).toBe(0);
    const [head, row] = readFileSync(out, 'utf8').trim().split('\n');
    const cols = head!.split(',');
    const cells = row!.split(',');
    expect(cells[cols.indexOf('seed')]).toBe(String(seed));
    const run = concord(
      'run',
      'scenarios/sahel-ct.json',
      '--seed',
      String(seed),
      '--days',
      '0.2',
      '--set',
      'jfTillaberiCount=1',
      '--json',
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).hash).toBe(cells[cols.indexOf('hash')]);
  });
});

describe('file-system failures: exit 3, what happened and where, old files intact', () => {
  const inTmpfs = (opts: string, cmd: string) =>
    spawnSync(
      'unshare',
      [
        '-r',
        '-m',
        'sh',
        '-c',
        `mount -t tmpfs -o ${opts} tmpfs "$0" && ${cmd}`,
        mkdtempSync(join(dir, 'fs-')),
      ],
      {
        encoding: 'utf8',
      },
    );

  it('a full disk: the run says so, and the events file already there is unchanged', () => {
    const r = inTmpfs(
      'size=16k',
      `echo old > "$0/e.ndjson" && node ${CONCORD} run ${resolve('scenarios/sahel-ct.json')} --days 2 --events "$0/e.ndjson"; code=$?; cat "$0/e.ndjson"; ls "$0"; exit $code`,
    );
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(
      /concord run: cannot (write|flush|open) .*e\.ndjson.*: no space left on the device \(ENOSPC\)/,
    );
    noTrace(r.stderr);
    expect(r.stdout).toBe('old\ne.ndjson\n'); // old content, no temp file left behind
  });

  it('a read-only file system: the sweep says so', () => {
    const x = {
      id: 'ro',
      name: 'ro',
      scenario: resolve('scenarios/sahel-ct.json'),
      days: 0.1,
      parameters: [{ name: 'jfTillaberiCount', values: [1] }],
      design: { kind: 'grid' },
      seeds: { count: 1 },
    };
    const file = write('ro.json', x);
    const r = inTmpfs('ro', `node ${CONCORD} sweep ${file} --workers 1 --quiet --out "$0/r.csv"`);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/concord sweep: cannot .*r\..*: read-only file system \(EROFS\)/);
    noTrace(r.stderr);
  });

  it('a directory the user may not write to: permission denied', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(dir, 0o755);
    // As root, permissions do not bind: run as nobody (uid 65534) instead.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(
      'node',
      [
        CONCORD,
        'run',
        resolve('scenarios/sahel-ct.json'),
        '--ticks',
        '4',
        '--events',
        join(locked, 'e.ndjson'),
      ],
      {
        encoding: 'utf8',
        ...asUser,
        env: { ...process.env, HOME: dir },
      },
    );
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toMatch(
      /concord run: cannot open .*locked\/e\.ndjson.*: permission denied \(EACCES\)/,
    );
  });
});
