// Political friction: an organisation deciding by consensus is slower with more members and
// with more divergent priorities; majority grows gently; a lead nation decides alone.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema';
import { decisionFactor } from '../../src/sim/rules';
import { loaded } from './driver';

function withOrg(
  members: number,
  rule: 'consensus' | 'majority' | 'lead-nation',
  divergent: boolean,
): Scenario {
  const base = loaded('sahel-ct').scenario;
  const nations = base.actors.filter((a) => a.kind === 'nation' && a.id !== 'neighbours');
  const actors = nations.map((a, i) => ({
    ...a,
    priorities: divergent
      ? i % 2
        ? { 'armed-group': 10, traffickers: 0 }
        : { 'armed-group': 1, traffickers: 10 }
      : { 'armed-group': 5, traffickers: 5 },
  }));
  const org = {
    ...base.actors.find((a) => a.id === 'g5-sahel')!,
    members: actors.slice(0, members).map((a) => a.id),
    decisionRule: rule,
  };
  return { ...base, actors: [...actors, org] };
}

function factorOf(sc: Scenario): number {
  return decisionFactor(sc, 'g5-sahel', sc.actors.find((a) => a.id === 'g5-sahel')!.members!);
}

describe('consensus decision latency', () => {
  it('rises with the number of members', () => {
    const f = [2, 3, 4, 5].map((m) => factorOf(withOrg(m, 'consensus', false)));
    for (let i = 1; i < f.length; i++) expect(f[i]!).toBeGreaterThan(f[i - 1]!);
    expect(f[0]).toBeCloseTo(1.15, 6); // 1 + 0.15·(2 − 1) with identical priorities
  });

  it('rises with divergent priorities, for the same members', () => {
    expect(factorOf(withOrg(4, 'consensus', true))).toBeGreaterThan(
      factorOf(withOrg(4, 'consensus', false)),
    );
  });

  it('is gentler by majority and absent under a lead nation', () => {
    const consensus = factorOf(withOrg(5, 'consensus', true));
    const majority = factorOf(withOrg(5, 'majority', true));
    expect(majority).toBeCloseTo(1.2, 6);
    expect(majority).toBeLessThan(consensus);
    expect(factorOf(withOrg(5, 'lead-nation', true))).toBe(1);
  });
});
