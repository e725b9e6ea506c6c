// A threat cell's first raid waits a random delay after the cell appears, drawn as a duration
// (0–24 h) and converted with the scenario's tick length (issue 11, item 8.3). Before, it was
// 0–95 ticks: 8 h at 5-minute ticks, four days at hourly ones. The same cells at 5- and
// 60-minute ticks must raid first at the same hours on average.
import { describe, expect, it } from 'vitest';
import { nigerSession } from '../validation/fixture';

function firstRaidHours(tickMinutes: number, seed: number): number[] {
  const s = nigerSession(
    {
      id: 'first-raid',
      name: 'First raids',
      source: 'issue 11',
      tickMinutes,
      durationDays: 3,
      cellKm: 1,
      hq: [2.5, 13.7],
      rest: {
        bases: [
          {
            id: 'far',
            name: 'Far post',
            owner: 'niger',
            kind: 'post',
            position: [2.5, 13.7],
            stocks: { fuel: 100, supplies: 100 },
          },
        ],
        places: [
          {
            id: 'v1',
            name: 'Village',
            kind: 'village',
            position: [2.805, 13.9],
            population: 800,
            reportProbability: 0,
          },
        ],
        zones: [
          {
            id: 'haven',
            name: 'Haven',
            kind: 'safe-haven',
            polygon: [
              [
                [2.79, 13.89],
                [2.8, 13.89],
                [2.8, 13.91],
                [2.79, 13.91],
                [2.79, 13.89],
              ],
            ],
          },
        ],
        unitTypes: {
          post: {
            name: 'Static post',
            domain: 'ground',
            sidc: 'SFGPUCI----E---',
            speedKmh: 0,
            fuelCapacityH: 100,
            sensor: { rangeKm: 0, pDetectPerTick: 0 },
            firepower: 0,
            strength: 10,
          },
        },
        units: [{ id: 'post-1', type: 'post', owner: 'niger', base: 'far' }],
        threats: [
          {
            id: 'raiders',
            name: 'Raiders',
            kind: 'armed-group',
            domain: 'ground',
            sidc: 'SHGPUCI----D---',
            cells: 120,
            strength: 10,
            firepower: 0,
            speedKmh: 200,
            havens: ['haven'],
            targets: ['village'],
            attackRatePerDay: 24,
            rangeKm: 20,
            recruitPerDay: 0,
          },
        ],
      },
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
