// `concord bench [--quick]`: engine throughput as JSON lines on stdout (progress and a short
// human table on stderr). Single-threaded, like the engine. Three parts:
//   1. every scenario in scenarios/*.json, whole duration: load time, run time, ticks/s,
//      agent-updates/s, events, hash (median and min/max of N timed runs after a warm-up);
//   2. a scaling series on sahel-ct: agents ×1, ×4, ×16 for a fixed number of ticks;
//   3. a plain typed-array reference kernel at the engine's mean agent count and tick count;
//   4. experiment runs per second through the sweep's worker pool, 1 worker and 2+ (bench-sweep.ts);
//   5. the same-work patrol at 1k/10k/50k units, engine against a kernel (bench-patrol*.ts);
//   6. the whole `concord sweep` of sahel-sharing-joc, 1 worker against 2 (bench-command.ts);
//   then the issue's speed targets, measured against met (bench-targets.ts).
// A final {"kind":"summary"} line holds the key figures. Lines, in order:
//   env, scenario (+ kernel per scenario), skipped (a JSON file that is not a scenario),
//   scale (per factor, + kernel per factor), scaling, summary.
import { cpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSweepCommand } from './bench-command';
import {
  daysToTicks,
  measureRun,
  type OneRun,
  readScenarioRaw,
  type Spread,
  scaleRaw,
  scenarioFiles,
  spread,
} from './bench-engine';
import { runKernel } from './bench-kernel';
import { benchPatrol, patrolConfig } from './bench-patrol-run';
import { benchSweep } from './bench-sweep';
import { reportTargets } from './bench-targets';

export interface BenchConfig {
  quick: boolean;
  seed: number;
  /** Directory of scenario files (only its direct *.json children). */
  scenarioDir: string;
  /** Restrict to these files (tests); default: every scenario file in scenarioDir. */
  files?: string[] | undefined;
  /** Timed runs per scenario (after one warm-up run of the same length). */
  runs: number;
  /** Cap on ticks per whole run (tests only); undefined: the scenario's full duration. */
  maxTicks?: number | undefined;
  /** Scenario id of the scaling series, its factors, its length in days and timed runs. */
  scaleScenario: string;
  factors: number[];
  scaleDays: number;
  scaleRuns: number;
  /** Timed kernel runs (after two warm-ups). */
  kernelRuns: number;
  /** Soft time budget for the timed runs of one configuration: fewer runs when runs are slow
   * (the scaling series, interleaved, gets this per factor). */
  budgetMs: number;
}

/** The repository's scenarios/ folder, wherever the command is run from. */
const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

export function benchConfig(quick: boolean, scenarioDir = SCENARIO_DIR): BenchConfig {
  return quick
    ? {
        quick,
        seed: 7,
        scenarioDir,
        runs: 2,
        scaleScenario: 'sahel-ct',
        factors: [1, 4, 16],
        scaleDays: 3,
        scaleRuns: 3,
        kernelRuns: 3,
        budgetMs: 8_000,
      }
    : {
        quick,
        seed: 7,
        scenarioDir,
        runs: 5,
        scaleScenario: 'sahel-ct',
        factors: [1, 4, 16],
        scaleDays: 7,
        scaleRuns: 5,
        kernelRuns: 5,
        budgetMs: 30_000,
      };
}

export type Line = Record<string, unknown> & { kind: string };

export interface BenchIO {
  /** One JSON line to stdout. */
  line(l: Line): void;
  /** Progress and notes to stderr. */
  note(s: string): void;
}

const stdio: BenchIO = {
  line: (l) => process.stdout.write(`${JSON.stringify(l)}\n`),
  note: (s) => process.stderr.write(`${s}\n`),
};

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const sig = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : x);
const spreadOf = (xs: number[], f: (x: number) => number = r3): Spread => {
  const s = spread(xs);
  return { median: f(s.median), min: f(s.min), max: f(s.max) };
};

interface Measured {
  runs: OneRun[];
  deterministic: boolean;
}

/**
 * One warm-up run of each configuration, then up to `wanted` rounds of timed runs, each round
 * running every configuration once (interleaved, so a change in the machine's background load
 * falls on all of them alike); fewer rounds when they would overrun the time budget (at least
 * one). Checks that every run, the warm-up included, gives the same hash, tick count and agent
 * count.
 */
function measureSet(
  items: ReadonlyArray<{ raw: unknown; label: string }>,
  cfg: BenchConfig,
  wanted: number,
  ticks: number | undefined,
  io: BenchIO,
): Measured[] {
  const warm = items.map((it) => {
    io.note(`bench: ${it.label} warm-up`);
    return measureRun(it.raw, cfg.seed, ticks, it.label);
  });
  const runs: OneRun[][] = items.map(() => []);
  const budget = cfg.budgetMs * items.length;
  const t0 = performance.now();
  for (let round = 0; round < wanted; round++) {
    const spent = performance.now() - t0;
    if (round > 0 && spent + spent / round > budget) {
      io.note(`bench: time budget reached, ${round} timed run(s) instead of ${wanted}`);
      break;
    }
    items.forEach((it, i) => {
      io.note(`bench: ${it.label} run ${round + 1}/${wanted}`);
      runs[i]!.push(measureRun(it.raw, cfg.seed, ticks, it.label));
    });
  }
  return runs.map((rs, i) => {
    const w = warm[i]!;
    const deterministic = rs.every(
      (r) => r.hash === w.hash && r.agentTicks === w.agentTicks && r.ticks === w.ticks,
    );
    return { runs: rs, deterministic };
  });
}

export interface KernelLine extends Line {
  kind: 'kernel';
  for: string;
  agents: number;
  ticks: number;
  runs: number;
  updatesPerS: number;
  engineUpdatesPerS: number;
  /** engine agent-updates/s ÷ kernel agent-updates/s. */
  engineVsKernel: number;
  /** How many times faster the kernel is. */
  kernelTimesFaster: number;
}

/** The reference kernel at the engine's mean agent count and tick count. */
export function benchKernel(
  forWhat: string,
  meanAgents: number,
  ticks: number,
  engineUpdatesPerS: number,
  cfg: BenchConfig,
): KernelLine {
  const agents = Math.max(1, Math.round(meanAgents));
  runKernel(agents, ticks, cfg.seed); // warm-ups: the JIT needs two passes on small loops
  runKernel(agents, ticks, cfg.seed);
  const ups: number[] = [];
  for (let i = 0; i < cfg.kernelRuns; i++) ups.push(runKernel(agents, ticks, cfg.seed).updatesPerS);
  const k = spread(ups).median;
  return {
    kind: 'kernel',
    for: forWhat,
    agents,
    ticks,
    runs: cfg.kernelRuns,
    updatesPerS: sig(k),
    engineUpdatesPerS: sig(engineUpdatesPerS),
    engineVsKernel: sig(engineUpdatesPerS / k),
    kernelTimesFaster: sig(k / engineUpdatesPerS),
  };
}

export interface ScenarioLine extends Line {
  kind: 'scenario';
  scenario: string;
  file: string;
  seed: number;
  ticks: number;
  days: number;
  runs: number;
  loadMs: Spread;
  runS: Spread;
  ticksPerS: number;
  meanAgents: number;
  agentUpdatesPerS: number;
  events: number;
  hash: string;
  deterministic: boolean;
}

/** Part 1 for one scenario file: whole-duration runs. */
export function benchScenario(
  file: string,
  raw: unknown,
  id: string,
  tickMinutes: number,
  cfg: BenchConfig,
  io: BenchIO,
): ScenarioLine {
  const m = measureSet([{ raw, label: id }], cfg, cfg.runs, cfg.maxTicks, io)[0]!;
  const first = m.runs[0]!;
  const runS = spreadOf(
    m.runs.map((r) => r.runMs / 1000),
    (x) => Math.round(x * 10_000) / 10_000,
  );
  const med = spread(m.runs.map((r) => r.runMs)).median;
  return {
    kind: 'scenario',
    scenario: id,
    file: basename(file),
    seed: cfg.seed,
    ticks: first.ticks,
    days: r3((first.ticks * tickMinutes) / 1440),
    runs: m.runs.length,
    loadMs: spreadOf(m.runs.map((r) => r.loadMs)),
    runS,
    ticksPerS: sig(first.ticks / (med / 1000)),
    meanAgents: r3(first.agentTicks / Math.max(1, first.ticks)),
    agentUpdatesPerS: sig(first.agentTicks / (med / 1000)),
    events: first.events,
    hash: first.hash,
    deterministic: m.deterministic,
  };
}

export interface ScaleLine extends Line {
  kind: 'scale';
  scenario: string;
  factor: number;
  ticks: number;
  runs: number;
  units: number;
  cellCap: number;
  vesselCap: number;
  convoyCap: number;
  meanAgents: number;
  loadMs: Spread;
  perTickMs: Spread;
  agentUpdatesPerS: number;
  events: number;
  hash: string;
  deterministic: boolean;
}

export interface ScalingLine extends Line {
  kind: 'scaling';
  scenario: string;
  ticks: number;
  factors: number[];
  /** time(k×)/time(1×) per factor, by the median per-tick time. */
  timeRatio: Record<string, number>;
  /** The same by the fastest run of each factor: less sensitive to a busy machine. */
  timeRatioBest: Record<string, number>;
  /** agents(k×)/agents(1×): what linear scaling would give. */
  agentRatio: Record<string, number>;
  /** Time ratio of the largest factor ≤ 20 for 16× (≤ 1.25 k in general). */
  nearLinear: boolean;
}

/** Part 2: the scaling series; each factor's line, its kernel line, then the ratios. */
export function benchScaling(
  raw: unknown,
  id: string,
  tickMinutes: number,
  cfg: BenchConfig,
  io: BenchIO,
): { scales: ScaleLine[]; kernels: KernelLine[]; scaling: ScalingLine } {
  const scales: ScaleLine[] = [];
  const kernels: KernelLine[] = [];
  const ticks = daysToTicks(cfg.scaleDays, tickMinutes);
  const items = cfg.factors.map((k) => ({ raw: scaleRaw(raw, k), label: `${id} ×${k}` }));
  const measured = measureSet(items, cfg, cfg.scaleRuns, ticks, io);
  for (const [i, k] of cfg.factors.entries()) {
    const label = items[i]!.label;
    const m = measured[i]!;
    const first = m.runs[0]!;
    const med = spread(m.runs.map((r) => r.runMs)).median;
    const line: ScaleLine = {
      kind: 'scale',
      scenario: id,
      factor: k,
      ticks: first.ticks,
      runs: m.runs.length,
      units: first.nUnits,
      cellCap: first.cellCap,
      vesselCap: first.vesselCap,
      convoyCap: first.convoyCap,
      meanAgents: r3(first.agentTicks / Math.max(1, first.ticks)),
      loadMs: spreadOf(m.runs.map((r) => r.loadMs)),
      perTickMs: spreadOf(
        m.runs.map((r) => r.runMs / Math.max(1, r.ticks)),
        (x) => Math.round(x * 10_000) / 10_000,
      ),
      agentUpdatesPerS: sig(first.agentTicks / (med / 1000)),
      events: first.events,
      hash: first.hash,
      deterministic: m.deterministic,
    };
    scales.push(line);
    kernels.push(benchKernel(label, line.meanAgents, first.ticks, line.agentUpdatesPerS, cfg));
  }
  const base = scales.find((s) => s.factor === 1) ?? scales[0]!;
  const timeRatio: Record<string, number> = {};
  const timeRatioBest: Record<string, number> = {};
  const agentRatio: Record<string, number> = {};
  for (const s of scales) {
    timeRatio[String(s.factor)] = r3(s.perTickMs.median / base.perTickMs.median);
    timeRatioBest[String(s.factor)] = r3(s.perTickMs.min / base.perTickMs.min);
    agentRatio[String(s.factor)] = r3(s.meanAgents / base.meanAgents);
  }
  const top = scales[scales.length - 1]!;
  const scaling: ScalingLine = {
    kind: 'scaling',
    scenario: id,
    ticks: base.ticks,
    factors: scales.map((s) => s.factor),
    timeRatio,
    timeRatioBest,
    agentRatio,
    nearLinear: timeRatio[String(top.factor)]! <= (top.factor / base.factor) * 1.25,
  };
  return { scales, kernels, scaling };
}

export interface SummaryLine extends Line {
  kind: 'summary';
}

export function summaryLine(
  scenarios: ScenarioLine[],
  kernels: KernelLine[],
  scaling: ScalingLine | null,
  cfg: BenchConfig,
  totalS: number,
): SummaryLine {
  const main = scenarios.find((s) => s.scenario === cfg.scaleScenario) ?? scenarios[0];
  const k = main ? kernels.find((x) => x.for === main.scenario) : undefined;
  const out: SummaryLine = { kind: 'summary', quick: cfg.quick, seed: cfg.seed };
  if (main) {
    out.scenario = main.scenario;
    out.runS = main.runS.median;
    out.ticksPerS = main.ticksPerS;
    out.agentUpdatesPerS = main.agentUpdatesPerS;
  }
  if (k) {
    out.kernelUpdatesPerS = k.updatesPerS;
    out.engineVsKernel = k.engineVsKernel;
  }
  if (scaling) {
    for (const [f, r] of Object.entries(scaling.timeRatio)) if (f !== '1') out[`scale${f}x`] = r;
    out.nearLinear = scaling.nearLinear;
  }
  out.deterministic = scenarios.every((s) => s.deterministic);
  out.scenarios = Object.fromEntries(
    scenarios.map((s) => [
      s.scenario,
      { runS: s.runS.median, ticksPerS: s.ticksPerS, agentUpdatesPerS: s.agentUpdatesPerS },
    ]),
  );
  out.benchS = Math.round(totalS * 10) / 10;
  return out;
}

const fmtRate = (x: number) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(0)}k` : x.toFixed(0);

/** The short human table for stderr. */
export function humanTable(
  scenarios: ScenarioLine[],
  kernels: KernelLine[],
  scales: ScaleLine[],
  scaling: ScalingLine | null,
): string {
  const rows: string[][] = [
    [
      'scenario',
      'ticks',
      'load ms',
      'run s (min–max)',
      'ticks/s',
      'agents',
      'agent-upd/s',
      'kernel/s',
      'engine/kernel',
    ],
  ];
  for (const s of scenarios) {
    const k = kernels.find((x) => x.for === s.scenario);
    rows.push([
      s.scenario,
      String(s.ticks),
      s.loadMs.median.toFixed(0),
      `${s.runS.median.toFixed(2)} (${s.runS.min.toFixed(2)}–${s.runS.max.toFixed(2)})`,
      s.ticksPerS.toFixed(0),
      s.meanAgents.toFixed(0),
      fmtRate(s.agentUpdatesPerS),
      k ? fmtRate(k.updatesPerS) : '-',
      k ? k.engineVsKernel.toPrecision(2) : '-',
    ]);
  }
  for (const s of scales) {
    const k = kernels.find((x) => x.for === `${s.scenario} ×${s.factor}`);
    rows.push([
      `${s.scenario} ×${s.factor}`,
      String(s.ticks),
      s.loadMs.median.toFixed(0),
      `${s.perTickMs.median.toFixed(3)} ms/tick`,
      (1000 / s.perTickMs.median).toFixed(0),
      s.meanAgents.toFixed(0),
      fmtRate(s.agentUpdatesPerS),
      k ? fmtRate(k.updatesPerS) : '-',
      k ? k.engineVsKernel.toPrecision(2) : '-',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const text = rows.map((r) =>
    r
      .map((v, c) => v.padEnd(widths[c]!))
      .join('  ')
      .trimEnd(),
  );
  if (scaling) {
    const parts = Object.entries(scaling.timeRatio)
      .filter(([f]) => f !== '1')
      .map(
        ([f, r]) =>
          `time(${f}×)/time(1×) = ${r.toFixed(2)} (fastest runs ${scaling.timeRatioBest[f]?.toFixed(2)}; agents ×${scaling.agentRatio[f]})`,
      );
    text.push(
      `scaling ${scaling.scenario}, ${scaling.ticks} ticks: ${parts.join(', ')}: ${scaling.nearLinear ? 'near-linear' : 'SUPER-LINEAR'}`,
    );
  }
  return text.join('\n');
}

/** The whole bench under a given configuration and output. Returns the lines it printed. */
export function runBenchWith(cfg: BenchConfig, io: BenchIO = stdio): Line[] {
  const t0 = performance.now();
  const printed: Line[] = [];
  const emit = (l: Line) => {
    printed.push(l);
    io.line(l);
  };
  const cpu = cpus()[0];
  const load1 = loadavg()[0] ?? 0;
  if (load1 > cpus().length - 0.5)
    io.note(
      `bench: load average ${load1.toFixed(2)} on ${cpus().length} cores: other processes are running, figures will be noisy`,
    );
  emit({
    kind: 'env',
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpu?.model.trim() ?? 'unknown',
    cpus: cpus().length,
    threads: 1,
    loadavg1: Math.round(load1 * 100) / 100,
    quick: cfg.quick,
    seed: cfg.seed,
    runs: cfg.runs,
  });

  const scenarios: ScenarioLine[] = [];
  const kernels: KernelLine[] = [];
  let scaleSrc: { raw: unknown; tickMinutes: number } | null = null;
  for (const file of cfg.files ?? scenarioFiles(cfg.scenarioDir)) {
    const { raw, id, tickMinutes, error } = readScenarioRaw(file);
    if (error) {
      io.note(`bench: skipping ${basename(file)}: not a valid scenario (${error})`);
      emit({ kind: 'skipped', file: basename(file), reason: error });
      continue;
    }
    const line = benchScenario(file, raw, id, tickMinutes, cfg, io);
    emit(line);
    scenarios.push(line);
    const k = benchKernel(id, line.meanAgents, line.ticks, line.agentUpdatesPerS, cfg);
    emit(k);
    kernels.push(k);
    if (id === cfg.scaleScenario) scaleSrc = { raw, tickMinutes };
  }

  let scales: ScaleLine[] = [];
  let scaling: ScalingLine | null = null;
  if (scaleSrc === null) {
    io.note(`bench: no scenario "${cfg.scaleScenario}": no scaling series`);
  } else {
    const r = benchScaling(scaleSrc.raw, cfg.scaleScenario, scaleSrc.tickMinutes, cfg, io);
    r.scales.forEach((s, i) => {
      emit(s);
      emit(r.kernels[i]!);
    });
    emit(r.scaling);
    scales = r.scales;
    scaling = r.scaling;
    kernels.push(...r.kernels);
  }

  const totalS = (performance.now() - t0) / 1000;
  emit(summaryLine(scenarios, kernels, scaling, cfg, totalS));
  io.note('');
  io.note(humanTable(scenarios, kernels, scales, scaling));
  io.note(`bench: ${totalS.toFixed(1)} s in all`);
  return printed;
}

export async function runBench(o: { quick: boolean }): Promise<number> {
  const cfg = benchConfig(o.quick);
  const lines = runBenchWith(cfg);
  const emit = (l: Line) => {
    lines.push(l);
    stdio.line(l);
  };
  // 5. The same-work patrol: engine against a typed-array kernel doing the same steps.
  for (const l of benchPatrol(patrolConfig(o.quick, cfg.seed), stdio)) emit(l);
  // 4. Experiment runs per second through the sweep's worker pool, 1 worker against 2+.
  const file = `${cfg.scenarioDir}/${cfg.scaleScenario}.json`;
  stdio.note(`bench: sweep throughput on ${cfg.scaleScenario} (worker pool)…`);
  const sw = await benchSweep(file, o.quick ? 16 : 96, o.quick ? 5 : undefined, o.quick ? 1 : 3);
  emit({ ...sw });
  const parts = Object.entries(sw.byWorkers).map(
    ([n, v]) =>
      `${n} worker${n === '1' ? '' : 's'} ${v.runsPerS} runs/s (median of ${v.reps.join(', ')}; ${sw.runs} runs in ${v.wallS} s)`,
  );
  stdio.note(
    `sweep ${cfg.scaleScenario}${sw.days ? `, ${sw.days} days` : ', whole run'}: ${parts.join(', ')}; speed-up ×${sw.speedup}`,
  );
  // 6. The whole `concord sweep` command, as a researcher runs it (a few minutes: full bench only).
  if (!o.quick) {
    const x = `${cfg.scenarioDir}/experiments/sahel-sharing-joc.json`;
    const c = benchSweepCommand(x, 3, stdio);
    emit(c);
    stdio.note(
      `concord sweep sahel-sharing-joc: 1 worker ${c.byWorkers['1']!.medianS} s, 2 workers ${c.byWorkers['2']!.medianS} s (medians of ${c.repetitions}); speed-up ×${c.speedup}`,
    );
  }
  emit(reportTargets(lines, stdio));
  return 0;
}
