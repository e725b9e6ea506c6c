// Seeded fuzz of the command line (issue 9): thousands of mutated scenario files and hundreds
// of experiment files through the CLI's own entry. Each case must either be refused with
// path-named problems (exit 2) or run to finite metrics; none may crash, hang past 60 s, take
// more than 2 GB, or leave a built-in prototype changed. Failing seeds print their mutations.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/node/load';
import { validateScenario } from '../../src/scenario/validate';
import { buildDef, ScenarioGeoError } from '../../src/sim/build';
import { CORE_METRICS } from '../../src/sim/metrics';
import { experimentCase } from './mutate-experiment';
import { scenarioCase } from './mutate-scenario';
import { type Outcome, runAll } from './pool';

const N_SCENARIOS = Number(process.env.FUZZ_SCENARIOS ?? 2000);
const N_EXPERIMENTS = Number(process.env.FUZZ_EXPERIMENTS ?? 300);
const SEED = process.env.FUZZ_SEED ?? 'issue-9';
const BASES = ['sahel-ct', 'sea-maritime', 'central-america', 'au-somalia', 'gulf-maritime'];
const dir = mkdtempSync(join(tmpdir(), 'concord-fuzz-'));

interface Job {
  args: string[];
  what: string[];
  file: string;
}

/** Exit 2 with every stderr line naming the file and then a place in it (a path, a line, an argument). */
function refusedWithPlace(file: string, err: string): boolean {
  const lines = err.trim().split('\n');
  return (
    lines.length > 0 &&
    lines.every((l) => l.startsWith(`${file}: `) && l.slice(file.length + 2).includes(': '))
  );
}

function verdict(job: Job, r: Outcome): string | null {
  if (r.polluted.length) return `polluted ${r.polluted.join(', ')}`;
  if (r.code === 2) {
    if (/internal error|\n\s+at /.test(r.err)) return `exit 2 with a stack trace: ${r.err}`;
    // The experiment's scenario is named in the message; the experiment file leads the line.
    return refusedWithPlace(job.file, r.err)
      ? null
      : `refused without a place: ${r.err.slice(0, 300)}`;
  }
  if (r.code !== 0) return `exit ${r.code}: ${r.err.slice(0, 600)}`;
  if (job.args[0] === 'run') {
    const o = JSON.parse(r.out) as { metrics: Record<string, number> };
    const bad = CORE_METRICS.filter((m) => !Number.isFinite(o.metrics[m]));
    return bad.length ? `non-finite metrics ${bad.join(', ')}` : null;
  }
  if (job.args[0] === 'sweep') {
    const csv = readFileSync(job.args[job.args.indexOf('--out') + 1]!, 'utf8')
      .trim()
      .split('\n');
    const cells = csv.slice(1).flatMap((l) => l.split(','));
    return csv.length < 2 || cells.some((c) => c === 'NaN' || c === 'Infinity')
      ? `bad results ${csv[1]}`
      : null;
  }
  return null;
}

/** The coarsest cell size at which a scenario still builds (its lanes stay at sea). */
function coarsest(doc: Record<string, unknown>): number {
  for (const km of [25, 20, 15, 12, 10, 8, 6, 5, 4, 3, 2.5, 2]) {
    const d = structuredClone(doc) as { geography: { cellKm: number } };
    if (km <= d.geography.cellKm) break;
    d.geography.cellKm = km;
    const v = validateScenario(d);
    try {
      if (v.ok) buildDef(v.value, loadAtlas(v.value.geography.atlas));
      if (v.ok) return km;
    } catch (e) {
      if (!(e instanceof ScenarioGeoError)) throw e;
    }
  }
  return 0;
}

function scenarioJobs(): Job[] {
  const rng = seedrandom.alea(`${SEED}:scenarios`);
  const bases = BASES.map((b) => JSON.parse(readFileSync(`scenarios/${b}.json`, 'utf8')));
  const coarse = bases.map(coarsest);
  mkdirSync(join(dir, 's'));
  return Array.from({ length: N_SCENARIOS }, (_, i) => {
    const c = scenarioCase(bases[i % bases.length]!, coarse[i % bases.length]!, rng);
    const file = join(dir, 's', `${i}.json`);
    writeFileSync(file, c.text);
    const args = rng() < 0.15 ? ['validate', file] : ['run', file, ...c.args, '--json'];
    return { args, what: [BASES[i % BASES.length]!, ...c.what], file };
  });
}

function experimentJobs(scenarioFiles: string[]): Job[] {
  const rng = seedrandom.alea(`${SEED}:experiments`);
  mkdirSync(join(dir, 'x'));
  // A coarse copy of sahel-ct keeps hundreds of small sweeps within minutes.
  const sahel = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
  sahel.geography.cellKm = 15;
  const sahelFile = join(dir, 'x', 'sahel-coarse.json');
  writeFileSync(sahelFile, JSON.stringify(sahel));
  const s = {
    sahel: sahelFile,
    sea: resolve('scenarios/sea-maritime.json'),
    other: scenarioFiles.slice(0, 40),
  };
  return Array.from({ length: N_EXPERIMENTS }, (_, i) => {
    const c = experimentCase(rng, s);
    const file = join(dir, 'x', `${i}.json`);
    writeFileSync(file, JSON.stringify(c.doc));
    const args =
      rng() < 0.2
        ? ['validate', file]
        : ['sweep', file, '--workers', '1', '--quiet', '--out', join(dir, 'x', `${i}.csv`)];
    return { args, what: c.what, file };
  });
}

describe('concord fuzz: mutated scenario and experiment files through the CLI', {
  timeout: 1_200_000,
}, () => {
  it(`${N_SCENARIOS} scenarios and ${N_EXPERIMENTS} experiments: refused with places or run to finite metrics; no crash, hang, 2 GB or pollution`, async () => {
    const rssBefore = process.memoryUsage().rss;
    const sj = scenarioJobs();
    const jobs = [...sj, ...experimentJobs(sj.map((j) => j.file))];
    const t0 = performance.now();
    const results = await runAll(
      jobs.map((j) => j.args),
      { workers: 2, budgetMs: 60_000, heapMb: 2048 },
    );
    const failures = jobs
      .map((j, i) => ({ j, i, v: verdict(j, results[i]!) }))
      .filter((f) => f.v !== null)
      .map((f) => `case ${f.i} (${f.j.args[0]}; ${f.j.what.join('; ')}): ${f.v}`);
    const tally = new Map<string, number>();
    const time = new Map<string, number>();
    results.forEach((r, i) => {
      tally.set(String(r.code), (tally.get(String(r.code)) ?? 0) + 1);
      const k = `${jobs[i]!.args[0]}:${r.code}`;
      time.set(k, (time.get(k) ?? 0) + r.ms / 1000);
    });
    console.log(
      `fuzz: seconds by command and exit ${JSON.stringify(Object.fromEntries([...time].map(([k, v]) => [k, Math.round(v)])))}`,
    );
    const peakMb = process.resourceUsage().maxRSS / 1024 - rssBefore / 1e6;
    console.log(
      `fuzz: ${jobs.length} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s; exits ${JSON.stringify(Object.fromEntries(tally))}; peak RSS above start ${peakMb.toFixed(0)} MB`,
    );
    if (process.env.FUZZ_SLOWEST)
      console.log(
        results
          .map((r, i) => ({ ms: r.ms, i }))
          .sort((a, b) => b.ms - a.ms)
          .slice(0, Number(process.env.FUZZ_SLOWEST))
          .map(
            ({ ms, i }) =>
              `${Math.round(ms)} ms: case ${i} ${jobs[i]!.args.slice(0, 1).concat(jobs[i]!.args.slice(2)).join(' ')} — ${jobs[i]!.what.join('; ')}`,
          )
          .join('\n'),
      );
    expect(failures.slice(0, 30), failures.join('\n')).toEqual([]);
    // Both workers together stayed under 2 GB above the test's own start, so no run went over.
    expect(peakMb).toBeLessThan(2048);
    // The fuzz must exercise both outcomes, not refuse everything.
    expect(tally.get('0') ?? 0).toBeGreaterThan(jobs.length / 5);
    expect(tally.get('2') ?? 0).toBeGreaterThan(jobs.length / 5);
  });
});
