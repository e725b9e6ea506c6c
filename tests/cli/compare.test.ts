// `concord compare`: paired runs with a readable table and JSON; one clear line for bad input.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CORE_METRICS } from '../../src/sim/metrics';

const concord = (...args: string[]) =>
  spawnSync('node', ['bin/concord.mjs', ...args], { encoding: 'utf8' });

describe('concord compare', () => {
  it('reports every metric with the paired difference and its interval, as a table and as JSON', () => {
    const args = [
      'compare',
      'scenarios/sahel-ct.json',
      '--set',
      'sharingActive=false',
      '--seeds',
      '5',
      '--days',
      '4',
    ];
    const table = concord(...args);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/5 paired seeds/);
    for (const m of CORE_METRICS) expect(table.stdout).toMatch(new RegExp(`^${m}\\s`, 'm'));
    const json = JSON.parse(concord(...args, '--json').stdout);
    expect(json.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(json.rows).toHaveLength(CORE_METRICS.length);
    const info = json.rows.find((r: { metric: string }) => r.metric === 'meanInfoLatencyH');
    // Without sharing, partners learn only from their own sensors: latency rises for certain.
    expect(info.diff.lo).toBeGreaterThan(0);
    for (const r of json.rows) expect(r.diff.lo).toBeLessThanOrEqual(r.diff.hi);
    expect(json.level).toBe(0.95);
    // --level 0.99 on the same pairs: the same means, intervals wider by t(.995,4)/t(.975,4).
    const wide = JSON.parse(concord(...args, '--level', '0.99', '--json').stdout);
    expect(wide.level).toBe(0.99);
    const ratio = 4.604094871415897 / 2.7764451051977987;
    for (const [i, r] of json.rows.entries()) {
      const w = wide.rows[i];
      expect(w.diff.mean).toBe(r.diff.mean);
      if (r.diff.hi > r.diff.lo)
        expect((w.diff.hi - w.diff.lo) / (r.diff.hi - r.diff.lo)).toBeCloseTo(ratio, 9);
    }
    expect(concord(...args, '--level', '0.99').stdout).toMatch(/99% CI/);
    expect(concord(...args, '--level', '2').stderr).toMatch(/--level/);
  });

  it('asks for an assignment and names bad ones', () => {
    const none = concord('compare', 'scenarios/sahel-ct.json');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/give at least one --set/);
    const bad = concord('compare', 'scenarios/sahel-ct.json', '--set', 'sharingLatencyMin=-3');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/sharingLatencyMin: found -3; allowed/);
  });
});
