// The speed targets, checked against the bench's own lines and printed as one table
// (stderr) and one {"kind":"targets"} line (stdout): what was asked, what was measured, met?
import { loadavg } from 'node:os';
import type { BenchIO, Line, ScalingLine, ScenarioLine } from './bench';
import type { SweepCommandLine } from './bench-command';
import type { PatrolLine } from './bench-patrol-run';

export interface Target {
  name: string;
  target: string;
  value: number | null;
  met: boolean | null;
}

const at = <T extends Line>(lines: Line[], kind: string, f: (l: T) => boolean = () => true) =>
  lines.find((l): l is T => l.kind === kind && f(l as T));

function check(
  name: string,
  target: string,
  value: number | undefined,
  ok: (v: number) => boolean,
): Target {
  return value === undefined || !Number.isFinite(value)
    ? { name, target, value: null, met: null }
    : { name, target, value, met: ok(value) };
}

export function speedTargets(lines: Line[]): Target[] {
  const run = (id: string) => at<ScenarioLine>(lines, 'scenario', (l) => l.scenario === id);
  const patrol = lines.filter((l): l is PatrolLine => l.kind === 'patrol');
  const p10k = patrol.find((l) => l.units === 10_000);
  const small = patrol[0];
  const big = patrol.at(-1);
  const scaling = at<ScalingLine>(lines, 'scaling');
  const sweep = at<SweepCommandLine>(lines, 'sweep-command');
  const sahel = run('sahel-ct');
  const ca = run('central-america');
  return [
    check('patrol kernel/engine at 10k units', '≤ 3', p10k?.kernelVsEngine, (v) => v <= 3),
    check(
      `sahel-ct ${sahel?.days ?? 30} days, median s`,
      '≤ 0.12',
      sahel?.runS.median,
      (v) => v <= 0.12,
    ),
    check(
      `central-america ${ca?.days ?? 30} days, median s`,
      '≤ 0.2',
      ca?.runS.median,
      (v) => v <= 0.2,
    ),
    check(
      'patrol bytes allocated per agent-update (largest)',
      '≤ 32',
      patrol.length ? Math.max(...patrol.map((l) => l.engineBytesPerUpdate)) : undefined,
      (v) => v <= 32,
    ),
    check('sahel-ct ×16 agents, time ratio', '≤ 16', scaling?.timeRatio['16'], (v) => v <= 16),
    check(
      `patrol ${big?.units ?? '50k'} vs ${small?.units ?? '1k'} units, time per tick ratio`,
      `≤ ${big && small ? big.units / small.units : 50}`,
      big && small && big !== small ? big.engineMsPerTick / small.engineMsPerTick : undefined,
      (v) => v <= big!.units / small!.units,
    ),
    check('whole concord sweep, 2 workers vs 1', '≥ 1.7', sweep?.speedup, (v) => v >= 1.7),
  ];
}

export function reportTargets(lines: Line[], io: BenchIO): Line {
  const targets = speedTargets(lines);
  const load = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const w = Math.max(...targets.map((t) => t.name.length));
  const rows = targets.map(
    (t) =>
      `  ${t.name.padEnd(w)}  ${t.target.padEnd(7)}  ${t.value === null ? 'not measured' : String(Number(t.value.toPrecision(3))).padEnd(8)}  ${t.met === null ? '' : t.met ? 'met' : 'NOT MET'}`,
  );
  io.note(`targets (load average ${load}):\n${rows.join('\n')}`);
  return { kind: 'targets', loadavg1: load, targets };
}
