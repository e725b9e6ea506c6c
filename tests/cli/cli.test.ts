// The command line as a user runs it: run --json (hash stable per seed, metrics complete and
// finite), validate on a broken file (every problem with its path, exit 2, no stack trace),
// and clear one-line errors for bad arguments.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_METRICS } from '../../src/sim/metrics';

const concord = (...args: string[]) =>
  spawnSync('node', ['bin/concord.mjs', ...args], { encoding: 'utf8' });
const runJson = (...args: string[]) =>
  JSON.parse(
    execFileSync('node', ['bin/concord.mjs', 'run', ...args, '--json'], { encoding: 'utf8' }),
  );

describe.each(['sahel-ct', 'sea-maritime'])('concord run scenarios/%s.json', (name) => {
  it('gives the same hash twice for seed 7, another for seed 8, and every core metric finite', () => {
    // Ten days (960 ticks of 15 min) rather than the whole scenario: the same contract, a
    // third of the time; whole runs are the golden hashes' and the sweep tests' business.
    const a = runJson(`scenarios/${name}.json`, '--seed', '7', '--days', '10');
    const b = runJson(`scenarios/${name}.json`, '--seed', '7', '--days', '10');
    const c = runJson(`scenarios/${name}.json`, '--seed', '8', '--days', '10');
    expect(a.scenario).toBe(name);
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
    expect(a.ticks).toBe(960);
    for (const m of CORE_METRICS) {
      expect(Number.isFinite(a.metrics[m]), m).toBe(true);
    }
    expect(a.metrics.incidents + a.metrics.interdictions).toBeGreaterThan(0);
  });
});

describe('concord validate', () => {
  it('prints every problem with its JSON path and exits 2 without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-'));
    const file = join(dir, 'broken.json');
    const doc = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
    doc.tickMinutes = 'fifteen';
    doc.units[0].owner = 'atlantis';
    doc.units[1].speed = 40;
    doc.actors[0].kind = 'empire';
    delete doc.bases[0].stocks;
    doc.agreements[0].latencyMin = -5;
    writeFileSync(file, JSON.stringify(doc));
    const r = concord('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = r.stderr.trim().split('\n');
    const expectPath = (path: string, text: RegExp) => {
      const line = lines.find((l) => l.includes(`: ${path}: `));
      expect(line, `a line for ${path} in\n${r.stderr}`).toBeDefined();
      expect(line).toMatch(text);
    };
    expectPath('tickMinutes', /found "fifteen"; expected number/);
    expectPath('units[1].speed', /unknown field; allowed here: .*type/);
    expectPath('actors[0].kind', /found "empire"; allowed: "nation" \| "organisation"/);
    expectPath('bases[0].stocks', /missing/);
    expectPath('agreements[0].latencyMin', /found -5; allowed: at least 0/);
  });

  it('reports broken references once the shape is right, and bad JSON by line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-'));
    const file = join(dir, 'refs.json');
    const doc = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
    doc.units[0].owner = 'atlantis';
    doc.units[2].base = 'nowhere';
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = concord('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /units\[0\]\.owner: found "atlantis"; allowed: an id in actors \(mali, /,
    );
    expect(r.stderr).toMatch(/units\[2\]\.base: found "nowhere"; allowed: an id in bases/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "id": "x",\n  "name": oops\n}');
    const j = concord('validate', bad);
    expect(j.status).toBe(2);
    expect(j.stderr).toMatch(/line 3, column \d+: invalid JSON/);
    expect(concord('validate', 'scenarios/sahel-ct.json').stdout).toBe('ok\n');
  });

  it('rejects bad arguments with one clear line', () => {
    const r = concord('run', 'scenarios/sahel-ct.json', '--seed', 'abc');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'concord run: --seed found "abc"; allowed: a whole number from 0 to 9007199254740991',
    );
    const s = concord('run', 'scenarios/sahel-ct.json', '--set', 'agreements.nope.latencyMin=5');
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/no element with id "nope"/);
    expect(concord('frobnicate').stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('exports the scenario JSON Schema', () => {
    const schema = JSON.parse(concord('schema').stdout);
    expect(schema.type).toBe('object');
    expect(schema.required).toContain('geography');
    expect(Object.keys(schema.properties)).toContain('agreements');
  });
});
