// A threat cell's first raid waits a random delay after the cell appears, drawn as a duration
// (0–24 h) and converted with the scenario's tick length (issue 11, item 8.3). Before, it was
// 0–95 ticks: 8 h at 5-minute ticks, four days at hourly ones. The same cells at 5- and
// 60-minute ticks must raid first at the same hours on average.
import { describe, expect, it } from 'vitest';
import { villageRaids } from '../validation/raids';

function firstRaidHours(tickMinutes: number, seed: number): number[] {
  const s = villageRaids(
    {
      id: 'first-raid',
      name: 'First raids',
      source: 'issue 11',
      tickMinutes,
      durationDays: 3,
      cells: 120,
      attackRatePerDay: 24,
    },
    seed,
  );
  s.runTo(s.totalTicks);
  const first = new Map<number, number>();
  for (const e of s.world.log.events)
    if (e.k === 'raid-start' && !first.has(e.cell)) first.set(e.cell, (e.t * tickMinutes) / 60);
  return [...first.values()];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('first raid delay is a duration, not a tick count', () => {
  it('120 cells at 5- and 60-minute ticks: every cell raids within a day, mean ≈ 12 h either way', () => {
    const fine = firstRaidHours(5, 3);
    const coarse = firstRaidHours(60, 3);
    expect(fine.length).toBe(120);
    expect(coarse.length).toBe(120);
    // Uniform 0–24 h, then the first draw at 24 raids a day (a 5-minute tick adds ~1 h, an
    // hourly one none): a mean's standard error is about 0.7 h for 120 cells.
    expect(Math.max(...fine, ...coarse)).toBeLessThan(27);
    expect(mean(fine)).toBeGreaterThan(10);
    expect(mean(fine)).toBeLessThan(15.5);
    expect(mean(coarse)).toBeGreaterThan(9.5);
    expect(mean(coarse)).toBeLessThan(14.5);
    expect(Math.abs(mean(fine) - mean(coarse))).toBeLessThan(3);
  });
});
