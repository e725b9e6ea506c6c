// How the command starts and stops: --help on every subcommand, SIGTERM → 143, the bundle
// built at install used when current and tsx when a source is newer, every problem of a file
// in one validate run, and "did you mean" for a mistyped --set parameter.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freshBundle } from '../../bin/bundle-fresh.mjs';
import { main } from '../../src/cli/main';
import { COMMANDS } from '../../src/cli/usage';
import { applyAssignments } from '../../src/scenario/paths';
import { validateScenario } from '../../src/scenario/validate';

const concord = (...args: string[]) =>
  spawnSync('node', ['bin/concord.mjs', ...args], { encoding: 'utf8' });
const sahel = () => JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));

/** main() in this process, with what it writes to stdout and stderr. */
async function inProcess(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => !!out.push(String(s)));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => !!err.push(String(s)));
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('concord <command> --help', () => {
  it.each(COMMANDS)('%s --help and -h print its usage and exit 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const r = await inProcess([command, flag]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: concord ${command}\\b`));
      expect(r.stdout).toMatch(/exit codes: 0 done/);
      expect(r.stderr).toBe('');
    }
  });

  it('answers from the command line too, even beside arguments it would refuse', () => {
    const r = concord('compare', '--help');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^usage: concord compare <scenario.json> --set path=value/);
    const bad = concord('compare', 'scenarios/sahel-ct.json', '--frob');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^concord compare: unknown option --frob \(allowed: .*--set/);
  });
});

describe('concord stops on SIGTERM', () => {
  it('exits 143, as a shell reports it, without a stack trace', () => {
    // A run long enough to be killed while loading or running, whichever entry starts it.
    const script =
      'node bin/concord.mjs run scenarios/central-america.json --days 30 >/dev/null 2>"$ERR" & p=$!; sleep 1; kill -TERM $p; wait $p; echo $?';
    const dir = mkdtempSync(join(tmpdir(), 'concord-term-'));
    const err = join(dir, 'stderr');
    const status = execFileSync('bash', ['-c', script], {
      encoding: 'utf8',
      env: { ...process.env, ERR: err },
    });
    expect(status.trim()).toBe('143');
    expect(readFileSync(err, 'utf8')).not.toMatch(/\n\s+at /);
  }, 30_000);
});

describe('concord validate reports every problem at once', () => {
  it('a bad inject kind does not hide an unknown owner, and no reference to a broken element is blamed', () => {
    const doc = sahel();
    doc.injects[0].kind = 'earthquake';
    doc.units[3].owner = 'atlantis';
    doc.actors[0].kind = 'empire'; // mali: still an actor other parts may name
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines.find((l) => l.startsWith('injects[0].kind: found "earthquake"'))).toBeTruthy();
    expect(lines.find((l) => l.startsWith('units[3].owner: found "atlantis"'))).toBeTruthy();
    expect(lines.find((l) => l.startsWith('actors[0].kind: found "empire"'))).toBeTruthy();
    expect(
      lines.filter((l) => l.includes('"mali"')),
      lines.join('\n'),
    ).toEqual([]);
    expect(lines).toHaveLength(3);
  });

  it('a reference after a dropped element keeps its index in the file', () => {
    const doc = sahel();
    doc.units[0].speed = 40; // units[0] fails the schema and is left out of the reference checks
    doc.units[5].base = 'nowhere';
    const r = validateScenario(doc);
    const paths = r.ok ? [] : r.problems.map((p) => p.path);
    expect(paths).toEqual(['units[0].speed', 'units[5].base']);
  });

  it('a list that is not a list is named once, not as a false alarm at every reference (fuzz case)', () => {
    const doc = sahel();
    doc.actors = 2147483648;
    delete doc.injects[0].kind;
    const r = validateScenario(doc);
    const paths = r.ok ? [] : r.problems.map((p) => p.path);
    expect(paths).toEqual(['actors', 'injects[0].kind']);
  });

  it('on the command line: both problems, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-'));
    const file = join(dir, 'two.json');
    const doc = sahel();
    doc.injects[0].kind = 'earthquake';
    doc.bases[1].owner = 'atlantis';
    writeFileSync(file, JSON.stringify(doc, null, 1));
    const r = concord('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/: injects\[0\]\.kind: found "earthquake"/);
    expect(r.stderr).toMatch(/: bases\[1\]\.owner: found "atlantis"; allowed: an id in actors/);
  });
});

describe('--set with a mistyped name', () => {
  it.each([
    'sharingLatencyMn=120',
    'sharingLatencyMn.value=120',
    'parameters.sharingLatencyMn=120',
  ])('%s: suggests the declared parameter, not the top-level fields', (a) => {
    expect(() => applyAssignments(sahel(), [a])).toThrow(
      /not a declared parameter; did you mean sharingLatencyMin\? \(declared parameters: sharingLatencyMin, /,
    );
  });

  it('still suggests a top-level field for a mistyped path', () => {
    expect(() => applyAssignments(sahel(), ['unit.ml-gao.count=2'])).toThrow(
      /did you mean units or unitTypes\?/,
    );
  });
});

describe('the bundled CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle when it is current and tsx when a source is newer', () => {
    // A small copy of the checkout: sources, bin, the build script; node_modules linked.
    for (const d of [
      'src',
      'workers',
      'bin',
      'scripts/build-cli.mjs',
      'scripts/csp.ts',
      'package.json',
    ])
      cpSync(d, join(dir, d), { recursive: true });
    mkdirSync(join(dir, 'scenarios'));
    cpSync('scenarios/sahel-ct.json', join(dir, 'scenarios/sahel-ct.json'));
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    execFileSync('node', ['scripts/build-cli.mjs'], { cwd: dir, stdio: 'pipe' });
    const validate = () =>
      spawnSync('node', ['bin/concord.mjs', 'validate', 'scenarios/sahel-ct.json'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CONCORD_DEBUG: '1' },
      });
    expect(freshBundle(dir)).toBe(join(dir, 'build/cli/concord.mjs'));
    const fresh = validate();
    expect(fresh.stdout).toBe('ok\n');
    expect(fresh.stderr).toBe('concord: running build/cli/concord.mjs\n');

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'src/cli/args.ts'), later, later);
    expect(freshBundle(dir)).toBeNull();
    const stale = validate();
    expect(stale.stdout).toBe('ok\n');
    expect(stale.stderr).toBe('concord: running src/cli/main.ts through tsx\n');

    // A source the bundle was built from that is gone: stale too.
    rmSync(join(dir, 'src/cli/args.ts'));
    expect(freshBundle(dir)).toBeNull();
  }, 60_000);
});
