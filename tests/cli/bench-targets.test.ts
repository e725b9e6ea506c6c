// The bench's target table reads the figures from the bench's own lines: each target met, not
// met, or not measured (a quick bench has no 50k patrol and no whole-sweep line).
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/cli/bench';
import { speedTargets } from '../../src/cli/bench-targets';

const scenario = (id: string, median: number): Line => ({
  kind: 'scenario',
  scenario: id,
  days: 30,
  runS: { median, min: median, max: median },
});
const patrol = (units: number, ratio: number, msPerTick: number, bytes: number): Line => ({
  kind: 'patrol',
  units,
  kernelVsEngine: ratio,
  engineMsPerTick: msPerTick,
  engineBytesPerUpdate: bytes,
});

describe('speedTargets', () => {
  it('compares each figure with its target', () => {
    const lines: Line[] = [
      scenario('sahel-ct', 0.11),
      scenario('central-america', 0.31),
      { kind: 'scaling', timeRatio: { '1': 1, '4': 3.9, '16': 15.2 } },
      patrol(1_000, 2.1, 0.1, 12),
      patrol(10_000, 3.4, 1.2, 11),
      patrol(50_000, 3.6, 6.1, 40),
      { kind: 'sweep-command', speedup: 1.75 },
    ];
    const t = Object.fromEntries(speedTargets(lines).map((x) => [x.name, x]));
    expect(t['patrol kernel/engine at 10k units']).toMatchObject({ value: 3.4, met: false });
    expect(t['sahel-ct 30 days, median s']).toMatchObject({ value: 0.11, met: true });
    expect(t['central-america 30 days, median s']).toMatchObject({ value: 0.31, met: false });
    expect(t['patrol bytes allocated per agent-update (largest)']).toMatchObject({
      value: 40,
      met: false,
    });
    expect(t['sahel-ct ×16 agents, time ratio']).toMatchObject({ value: 15.2, met: true });
    expect(t['patrol 50000 vs 1000 units, time per tick ratio']?.value).toBeCloseTo(61, 9);
    expect(t['patrol 50000 vs 1000 units, time per tick ratio']?.met).toBe(false);
    expect(t['whole concord sweep, 2 workers vs 1']).toMatchObject({ value: 1.75, met: true });
  });

  it('says "not measured" rather than guessing', () => {
    const t = speedTargets([scenario('sahel-ct', 0.2)]);
    expect(t.filter((x) => x.met === null)).toHaveLength(t.length - 1);
    expect(t.find((x) => x.name.startsWith('sahel-ct 30'))).toMatchObject({ met: false });
  });
});
