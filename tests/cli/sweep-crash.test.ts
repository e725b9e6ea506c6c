// Kill-at-each-write for sweep resume: the sweep is stalled at each of its atomic writes (before
// and after the rename, via CONCORD_STALL_WRITE) and killed with SIGKILL there; what it leaves
// must be whole files a rerun resumes from, and the rerun must end with every output file
// (rows, meta, series, summary) byte for byte those of an uninterrupted sweep. Also the lock
// that keeps two sweeps off one --out, and SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
const OUTPUTS = ['.csv', '.meta.json', '.series.csv', '.summary.csv', '.summary.json'];

function experiment(name: string, extra: Record<string, unknown> = {}): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      id: name,
      name,
      scenario: resolve('scenarios/sahel-ct.json'),
      days: 0.5,
      parameters: [{ name: 'sharingLatencyMin', values: [30, 240] }],
      design: { kind: 'grid' },
      seeds: { count: 2 },
      metrics: ['incidents', 'meanInfoLatencyH', 'copCompleteness'],
      sample: { everyHours: 3, metrics: ['copCompleteness', 'meanInfoLatencyH'] },
      ...extra,
    }),
  );
  return file;
}

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `concord sweep`; `until` (on stderr) lets the caller act while it runs. */
function start(exp: string, out: string, env: Record<string, string> = {}) {
  const child = spawn(
    'node',
    ['bin/concord.mjs', 'sweep', exp, '--workers', '1', '--out', out, '--quiet'],
    { env: { ...process.env, CONCORD_STALL_WRITE: '', CONCORD_FLUSH_MS: '', ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<Done>((ok) => child.on('close', (code) => ok({ code, stdout, stderr })));
  const until = (re: RegExp) =>
    new Promise<string>((ok, fail) => {
      const look = () => {
        const m = re.exec(stderr);
        if (m) ok(m[0]);
        return Boolean(m);
      };
      if (look()) return;
      child.stderr.on('data', look);
      done.then((d) => fail(new Error(`exited (${d.code}) before ${re}: ${d.stderr}`)));
    });
  return { child, done, until };
}

const sweep = (exp: string, out: string, env: Record<string, string> = {}) =>
  start(exp, out, env).done;

async function kill(child: ChildProcess, done: Promise<Done>): Promise<void> {
  child.kill('SIGKILL');
  await done;
}

const read = (f: string) => readFileSync(f, 'utf8');
const base = (csv: string) => csv.replace(/\.csv$/, '');
const runOf = (l: string, col: number) => Number(l.split(',')[col]);

// Two processes at a time: the cases are child processes, and there are 22 of them.
let slots = 2;
const waiting: Array<() => void> = [];
async function slot<T>(f: () => Promise<T>): Promise<T> {
  if (slots === 0) await new Promise<void>((ok) => waiting.push(ok));
  else slots--;
  try {
    return await f();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else slots++;
  }
}

const exp = experiment('crash');
const ref = join(dir, 'ref', 'r.csv');

beforeAll(async () => {
  const r = await sweep(exp, ref);
  expect(r.code, r.stderr).toBe(0);
  expect(read(ref).split('\n')).toHaveLength(1 + 4 + 1);
  expect(read(`${base(ref)}.series.csv`).split('\n')).toHaveLength(1 + 4 * 4 + 1);
});

/** Every file the killed sweep left is whole: the reference's, or its rows for some runs. */
function expectWhole(out: string) {
  const b = base(out);
  for (const ext of ['.meta.json', '.summary.csv', '.summary.json'])
    if (existsSync(b + ext)) expect(read(b + ext), ext).toBe(read(base(ref) + ext));
  const runs = (f: string, col: number) => {
    if (!existsSync(f)) return new Set<number>();
    const lines = read(f).split('\n');
    const refLines = read(f.replace(b, base(ref))).split('\n');
    const have = new Set(lines.slice(1, -1).map((l) => runOf(l, col)));
    // The header, the reference's lines of exactly these runs, a final newline.
    expect(lines).toEqual([
      refLines[0],
      ...refLines.slice(1, -1).filter((l) => have.has(runOf(l, col))),
      '',
    ]);
    return have;
  };
  const rows = runs(out, 2);
  const series = runs(`${b}.series.csv`, 0);
  // The results CSV is written last at each flush: its runs' series are complete on disk.
  for (const r of rows) expect(series.has(r), `series of run ${r}`).toBe(true);
  if (rows.size) expect(existsSync(`${b}.meta.json`)).toBe(true);
}

// meta first; after each of the 4 runs the series then the rows; the summary at the end.
const WRITES = [
  '.meta.json',
  ...Array.from({ length: 4 }, () => ['.series.csv', '.csv']).flat(),
  '.summary.csv',
  '.summary.json',
];
const CASES = WRITES.flatMap((ext, i) =>
  (['before', 'after'] as const).map((when) => ({ n: i + 1, ext, when })),
);

describe.concurrent('a sweep killed at each atomic write resumes to the same files', () => {
  it.each(CASES)('write $n ($ext), killed $when renaming', ({ n, ext, when }) =>
    slot(async () => {
      const out = join(dir, `w${n}-${when}`, 'r.csv');
      const s = start(exp, out, { CONCORD_FLUSH_MS: '0', CONCORD_STALL_WRITE: `${n}:${when}` });
      const line = await s.until(/concord: stalled .*\n/);
      expect(line).toBe(`concord: stalled ${when} renaming ${base(out)}${ext} (write ${n})\n`);
      await kill(s.child, s.done);
      expectWhole(out);
      const again = await sweep(exp, out);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/taking over .*r\.lock: pid \d+ on .* is gone/);
      for (const x of OUTPUTS) expect(read(base(out) + x), x).toBe(read(base(ref) + x));
      // No temp file or lock left behind.
      expect(readdirSync(join(dir, `w${n}-${when}`)).sort()).toEqual(
        OUTPUTS.map((x) => `r${x}`).sort(),
      );
    }),
  );

  it(`makes exactly ${WRITES.length} atomic writes when flushing after every run`, () =>
    slot(async () => {
      const out = join(dir, 'count', 'r.csv');
      const r = await sweep(exp, out, {
        CONCORD_FLUSH_MS: '0',
        CONCORD_STALL_WRITE: String(WRITES.length + 1),
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/stalled/);
    }));
});

describe('the lock on --out', () => {
  it('refuses a second sweep while the first runs; takes over the lock of a killed one', async () => {
    const out = join(dir, 'locked', 'r.csv');
    const first = start(exp, out, { CONCORD_STALL_WRITE: '2' });
    await first.until(/stalled/);
    const lock = JSON.parse(read(`${base(out)}.lock`));
    expect(lock).toMatchObject({ pid: first.child.pid, host: hostname() });
    const second = await sweep(exp, out);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      `${out}: another sweep is writing it (pid ${lock.pid} on ${lock.host}, started ${lock.started}; lock ${base(out)}.lock); wait for it to finish, or if that process is gone remove ${base(out)}.lock\n`,
    );
    await kill(first.child, first.done);
    const third = await sweep(exp, out);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain(`taking over ${base(out)}.lock: pid ${lock.pid} on`);
    for (const x of OUTPUTS) expect(read(base(out) + x), x).toBe(read(base(ref) + x));
    expect(existsSync(`${base(out)}.lock`)).toBe(false);
  });

  it("refuses another host's fresh lock, takes over an expired one", async () => {
    const out = join(dir, 'remote', 'r.csv');
    mkdirSync(join(dir, 'remote'));
    const lock = `${base(out)}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'node-17', started: 'earlier' }));
    const refused = await sweep(exp, out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /another sweep is writing it \(pid 1 on node-17, started earlier, lock refreshed \d+ s ago; lock .*r\.lock\); wait for it, or if that sweep is gone remove .*r\.lock/,
    );
    expect(existsSync(out)).toBe(false);
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, old, old);
    const taken = await sweep(exp, out);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toMatch(/taking over .*r\.lock: pid 1 on node-17, .*not refreshed it/);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('signals', () => {
  it('SIGTERM flushes, releases the lock and exits 143; the rerun completes the same files', async () => {
    const big = experiment('term', { seeds: { count: 5 } });
    const out = join(dir, 'term', 'r.csv');
    const s = start(big, out, { CONCORD_FLUSH_MS: '0' });
    await new Promise<void>((ok, fail) => {
      const poll = setInterval(() => {
        if (existsSync(out) && read(out).split('\n').length > 2) {
          clearInterval(poll);
          ok();
        }
      }, 20);
      s.done.then((d) => {
        clearInterval(poll);
        fail(new Error(`finished before SIGTERM: ${d.stderr}`));
      });
    });
    s.child.kill('SIGTERM');
    const d = await s.done;
    expect(d.code, d.stderr).toBe(143);
    expect(d.stderr).toMatch(/interrupted; \d+ runs kept/);
    expect(existsSync(`${base(out)}.lock`)).toBe(false);
    const kept = read(out).split('\n').length - 2;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(10);
    const again = await sweep(big, out);
    expect(again.code, again.stderr).toBe(0);
    const clean = join(dir, 'term-clean', 'r.csv');
    expect((await sweep(big, clean)).code).toBe(0);
    for (const x of OUTPUTS) expect(read(base(out) + x), x).toBe(read(base(clean) + x));
  });
});
