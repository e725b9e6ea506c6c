// `concord bench` helpers on a tiny configuration: every line is JSON and carries its fields
// as finite positive numbers. No timing thresholds here: speed is the bench's business.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchConfig, benchConfig, type Line, runBenchWith } from '../../src/cli/bench';
import { countAgents, readScenarioRaw, scaleRaw, spread } from '../../src/cli/bench-engine';
import { runKernel } from '../../src/cli/bench-kernel';
import { makeSession } from '../../src/cli/run';
import { validateScenario } from '../../src/scenario/validate';

const SAHEL = fileURLToPath(new URL('../../scenarios/sahel-ct.json', import.meta.url));

type Obj = Record<string, unknown>;

function positive(o: Obj, key: string): void {
  const v = o[key];
  expect(typeof v, `${String(o.kind)}.${key}`).toBe('number');
  expect(Number.isFinite(v), `${String(o.kind)}.${key} finite`).toBe(true);
  expect(v as number, `${String(o.kind)}.${key} > 0`).toBeGreaterThan(0);
}

function positiveSpread(o: Obj, key: string): void {
  const s = o[key] as Obj;
  expect(s, `${String(o.kind)}.${key}`).toBeTypeOf('object');
  for (const k of ['median', 'min', 'max']) positive(s, k);
  expect(s.min as number).toBeLessThanOrEqual(s.median as number);
  expect(s.median as number).toBeLessThanOrEqual(s.max as number);
}

describe('bench helpers', () => {
  it('spread gives median, min and max', () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(spread([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(() => spread([])).toThrow();
  });

  it('scaleRaw multiplies agents only and leaves the input alone', () => {
    const { raw } = readScenarioRaw(SAHEL);
    const before = JSON.stringify(raw);
    const r = raw as Obj;
    const scaled = scaleRaw(raw, 4) as Obj;
    expect(JSON.stringify(raw)).toBe(before);
    const units = r.units as Obj[];
    const sUnits = scaled.units as Obj[];
    sUnits.forEach((u, i) => expect(u.count).toBe(((units[i]!.count as number) ?? 1) * 4));
    (scaled.threats as Obj[]).forEach((t, i) =>
      expect(t.cells).toBe((((r.threats as Obj[])[i]!.cells as number) ?? 1) * 4),
    );
    (scaled.traffic as Obj[]).forEach((t, i) =>
      expect(t.perDay).toBe(((r.traffic as Obj[])[i]!.perDay as number) * 4),
    );
    for (const key of ['geography', 'places', 'bases', 'routes', 'zones', 'injects'])
      expect(scaled[key]).toEqual(r[key]);
    expect(validateScenario(scaled).ok).toBe(true);
  });

  it('the kernel runs, deterministically, with a positive rate', () => {
    const a = runKernel(50, 20, 7);
    const b = runKernel(50, 20, 7);
    expect(a.agents).toBe(50);
    expect(a.ticks).toBe(20);
    expect(Number.isFinite(a.checksum)).toBe(true);
    expect(a.checksum).toBe(b.checksum);
    expect(a.updatesPerS).toBeGreaterThan(0);
  });

  it('countAgents counts every kind of live agent once', () => {
    const { raw } = readScenarioRaw(SAHEL);
    const v = validateScenario(structuredClone(raw));
    if (!v.ok) throw new Error('sahel-ct does not validate');
    const session = makeSession(v.value, 7);
    const d = session.def;
    const cap = d.nUnits + d.cellCap + d.vesselCap + d.convoyCap;
    const n0 = countAgents(session.world);
    expect(n0).toBeGreaterThanOrEqual(d.nUnits);
    expect(n0).toBeLessThanOrEqual(cap);
    session.step(20);
    const n20 = countAgents(session.world);
    expect(n20).toBeGreaterThan(0);
    expect(n20).toBeLessThanOrEqual(cap);
  });
});

describe('runBenchWith on a tiny configuration', () => {
  let dir: string;
  let lines: Obj[];
  let notes: string[];

  beforeAll(() => {
    // A scenario directory with one scenario, one JSON file that is not a scenario, and a
    // subfolder that must be ignored.
    dir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
    copyFileSync(SAHEL, join(dir, 'sahel-ct.json'));
    writeFileSync(join(dir, 'experiment.json'), JSON.stringify({ design: 'grid' }));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(SAHEL, join(dir, 'sub', 'ignored.json'));
    const cfg: BenchConfig = {
      ...benchConfig(true, dir),
      runs: 2,
      maxTicks: 8,
      factors: [1, 2],
      scaleDays: 0.05, // 5 ticks of 15 minutes
      scaleRuns: 1,
      kernelRuns: 1,
      budgetMs: 60_000,
    };
    const text: string[] = [];
    notes = [];
    const printed: Line[] = runBenchWith(cfg, {
      line: (l) => text.push(JSON.stringify(l)),
      note: (s) => notes.push(s),
    });
    lines = text.map((t) => JSON.parse(t) as Obj);
    expect(lines).toEqual(JSON.parse(JSON.stringify(printed)));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ofKind = (k: string) => lines.filter((l) => l.kind === k);

  it('prints env, scenario, kernel, skipped, scale, scaling and summary lines, in order', () => {
    expect(lines[0]!.kind).toBe('env');
    expect(lines.at(-1)!.kind).toBe('summary');
    expect(ofKind('scenario')).toHaveLength(1);
    expect(ofKind('skipped').map((l) => l.file)).toEqual(['experiment.json']);
    expect(ofKind('scale').map((l) => l.factor)).toEqual([1, 2]);
    expect(ofKind('kernel')).toHaveLength(3);
    expect(ofKind('scaling')).toHaveLength(1);
    expect(notes.join('\n')).toContain('sahel-ct');
  });

  it('scenario lines carry finite positive figures', () => {
    const s = ofKind('scenario')[0]!;
    expect(s.scenario).toBe('sahel-ct');
    expect(s.ticks).toBe(8);
    expect(s.runs).toBe(2);
    for (const k of ['ticks', 'days', 'ticksPerS', 'meanAgents', 'agentUpdatesPerS'])
      positive(s, k);
    positiveSpread(s, 'loadMs');
    positiveSpread(s, 'runS');
    expect(Number.isInteger(s.events) && (s.events as number) >= 0).toBe(true);
    expect(s.hash).toMatch(/^[0-9a-f]+$/);
    expect(s.deterministic).toBe(true);
  });

  it('kernel lines sit beside the engine figures', () => {
    for (const k of ofKind('kernel')) {
      for (const f of [
        'agents',
        'ticks',
        'updatesPerS',
        'engineUpdatesPerS',
        'engineVsKernel',
        'kernelTimesFaster',
      ])
        positive(k, f);
    }
    expect(ofKind('kernel').map((k) => k.for)).toEqual(['sahel-ct', 'sahel-ct ×1', 'sahel-ct ×2']);
  });

  it('scale lines grow the agents and carry per-tick times', () => {
    const [one, two] = ofKind('scale');
    for (const s of [one!, two!]) {
      for (const k of ['ticks', 'units', 'cellCap', 'meanAgents', 'agentUpdatesPerS'])
        positive(s, k);
      positiveSpread(s, 'perTickMs');
      positiveSpread(s, 'loadMs');
      expect(s.ticks).toBe(5);
      expect(s.deterministic).toBe(true);
    }
    expect(two!.units).toBe((one!.units as number) * 2);
    expect(two!.meanAgents as number).toBeGreaterThan(one!.meanAgents as number);
    const scaling = ofKind('scaling')[0]!;
    const ratio = scaling.timeRatio as Obj;
    expect(ratio['1']).toBe(1);
    positive(ratio, '2');
    positive(scaling.timeRatioBest as Obj, '2');
    positive(scaling.agentRatio as Obj, '2');
    expect(typeof scaling.nearLinear).toBe('boolean');
  });

  it('the summary holds the key figures', () => {
    const s = ofKind('summary')[0]!;
    expect(s.scenario).toBe('sahel-ct');
    for (const k of [
      'runS',
      'ticksPerS',
      'agentUpdatesPerS',
      'kernelUpdatesPerS',
      'engineVsKernel',
      'scale2x',
      'benchS',
    ])
      positive(s, k);
    expect(s.deterministic).toBe(true);
    expect(Object.keys(s.scenarios as Obj)).toEqual(['sahel-ct']);
  });
});
