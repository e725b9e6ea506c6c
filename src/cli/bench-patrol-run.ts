// Part 5 of `concord bench`: the same-work patrol (bench-patrol.ts) at 1k, 10k and 50k units,
// engine against the typed-array kernel. Per size: a warm-up of each, then `runs` interleaved
// timed pairs (medians reported), then one allocation-measured run of each (not timed).
// Single-threaded; the load average is printed because other processes skew the figures.
import { loadavg } from 'node:os';
import { loadAtlas } from '../node/load';
import { buildDef } from '../sim/build';
import type { BenchIO, Line } from './bench';
import { spread } from './bench-engine';
import {
  allocatedBytes,
  kernelSetup,
  patrolScenario,
  runPatrolEngine,
  runPatrolKernel,
} from './bench-patrol';

export interface PatrolConfig {
  sizes: number[];
  ticks: number;
  runs: number;
  seed: number;
}

export function patrolConfig(quick: boolean, seed = 7): PatrolConfig {
  return quick
    ? { sizes: [1_000, 10_000], ticks: 24, runs: 3, seed }
    : { sizes: [1_000, 10_000, 50_000], ticks: 48, runs: 5, seed };
}

const sig = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : x);

export interface PatrolLine extends Line {
  kind: 'patrol';
  units: number;
  ticks: number;
  runs: number;
  engineUpdatesPerS: number;
  kernelUpdatesPerS: number;
  /** How many times faster the kernel is, by wall time (target ≤ 3 at 10k). */
  kernelVsEngine: number;
  /** The same by process CPU time: steadier on a loaded machine. */
  kernelVsEngineCpu: number;
  engineMsPerTick: number;
  engineKmPerUnitTick: number;
  kernelKmPerUnitTick: number;
  sameDistance: boolean;
  engineBytesPerUpdate: number;
  kernelBytesPerUpdate: number;
  loadavg1: number;
}

export const ALLOC_METHOD =
  'V8 sampling heap profiler (node:inspector HeapProfiler.startSampling, 512 B interval, objects collected by minor and major GC included) over one extra untimed run of the stepped ticks';

function onePatrolSize(n: number, cfg: PatrolConfig, io: BenchIO): PatrolLine {
  const sc = patrolScenario(n);
  const def = buildDef(sc, loadAtlas(sc.geography.atlas));
  const ks = kernelSetup(sc, def, cfg.seed);
  io.note(`bench: patrol ${n} units warm-up`);
  runPatrolEngine(sc, def, cfg.ticks, cfg.seed);
  runPatrolKernel(ks, cfg.ticks, cfg.seed);
  runPatrolKernel(ks, cfg.ticks, cfg.seed);
  const eMs: number[] = [];
  const kMs: number[] = [];
  const eCpu: number[] = [];
  const kCpu: number[] = [];
  let eKm = 0;
  let kKm = 0;
  for (let r = 0; r < cfg.runs; r++) {
    io.note(`bench: patrol ${n} units run ${r + 1}/${cfg.runs}`);
    const e = runPatrolEngine(sc, def, cfg.ticks, cfg.seed);
    const k = runPatrolKernel(ks, cfg.ticks, cfg.seed);
    eMs.push(e.ms);
    kMs.push(k.ms);
    eCpu.push(e.cpuMs);
    kCpu.push(k.cpuMs);
    eKm = e.meanKm;
    kKm = k.meanKm;
  }
  const updates = n * cfg.ticks;
  const eBytes = allocatedBytes((a) => runPatrolEngine(sc, def, cfg.ticks, cfg.seed, a));
  const kBytes = allocatedBytes((a) => runPatrolKernel(ks, cfg.ticks, cfg.seed, a));
  const em = spread(eMs).median;
  const km = spread(kMs).median;
  return {
    kind: 'patrol',
    units: n,
    ticks: cfg.ticks,
    runs: cfg.runs,
    engineUpdatesPerS: sig(updates / (em / 1000)),
    kernelUpdatesPerS: sig(updates / (km / 1000)),
    kernelVsEngine: sig(em / km),
    kernelVsEngineCpu: sig(spread(eCpu).median / spread(kCpu).median),
    engineMsPerTick: sig(em / cfg.ticks),
    engineKmPerUnitTick: sig(eKm),
    kernelKmPerUnitTick: sig(kKm),
    sameDistance: Math.abs(eKm - kKm) <= 1e-9 * Math.max(1, Math.abs(kKm)),
    engineBytesPerUpdate: sig(eBytes / updates),
    kernelBytesPerUpdate: sig(kBytes / updates),
    loadavg1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Every size's line, then a scaling line (time per tick against agents, from the smallest). */
export function benchPatrol(cfg: PatrolConfig, io: BenchIO): Line[] {
  const lines = cfg.sizes.map((n) => onePatrolSize(n, cfg, io));
  const base = lines[0]!;
  const scaling: Line = {
    kind: 'patrol-scaling',
    allocMethod: ALLOC_METHOD,
    timeRatio: Object.fromEntries(
      lines.map((l) => [String(l.units), sig(l.engineMsPerTick / base.engineMsPerTick)]),
    ),
    agentRatio: Object.fromEntries(lines.map((l) => [String(l.units), l.units / base.units])),
  };
  const rows = lines.map(
    (l) =>
      `patrol ${String(l.units).padStart(6)} units: engine ${(l.engineUpdatesPerS / 1e6).toFixed(2)} M upd/s, kernel ${(l.kernelUpdatesPerS / 1e6).toFixed(2)} M/s, kernel/engine ${l.kernelVsEngine.toFixed(2)} (by CPU time ${l.kernelVsEngineCpu.toFixed(2)}); km/unit/tick ${l.engineKmPerUnitTick} vs ${l.kernelKmPerUnitTick}${l.sameDistance ? ' (same)' : ' (DIFFERENT)'}; bytes/update ${l.engineBytesPerUpdate} vs ${l.kernelBytesPerUpdate}; load ${l.loadavg1}`,
  );
  io.note(rows.join('\n'));
  io.note(`patrol allocation: ${ALLOC_METHOD}`);
  return [...lines, scaling];
}
