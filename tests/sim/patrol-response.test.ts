// A raid stopped by a patrol that nobody tasked to it is a raid responded to (issue 11, item
// 8.2): the response is the contact of the fight that stopped it. Before, such a raid scored the
// full 48 h in meanTimeToRespondH, so adding a patrol could raise the time to respond. Here a
// village is raided; a reaction force 30 km off is tasked after an hour's staff latency; in the
// variant a patrol stands in the village and beats the raid off before anyone is tasked.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/sim/metrics';
import { raidTimes } from '../../src/sim/raid-times';
import { nigerSession } from '../validation/fixture';

const VILLAGE: [number, number] = [2.805, 13.9];

function run(patrol: boolean, seed: number) {
  const s = nigerSession(
    {
      id: 'patrol-response',
      name: 'A patrol stops a raid',
      source: 'issue 11',
      tickMinutes: 1,
      durationDays: 1.5,
      cellKm: 1,
      hq: [2.55, 13.75],
      rest: {
        bases: [
          {
            id: 'garrison',
            name: 'Garrison',
            owner: 'niger',
            kind: 'base',
            position: [2.55, 13.75],
            stocks: { fuel: 1000, supplies: 1000 },
          },
          {
            id: 'post',
            name: 'Village post',
            owner: 'niger',
            kind: 'post',
            position: VILLAGE,
            stocks: { fuel: 1000, supplies: 1000 },
          },
        ],
        places: [
          { id: 'v1', name: 'Village', kind: 'village', position: VILLAGE, population: 800 },
        ],
        zones: [
          {
            id: 'haven',
            name: 'Haven',
            kind: 'safe-haven',
            polygon: [
              [
                [2.9, 13.97],
                [2.91, 13.97],
                [2.91, 13.98],
                [2.9, 13.98],
                [2.9, 13.97],
              ],
            ],
          },
        ],
        unitTypes: {
          coy: {
            name: 'Company',
            domain: 'ground',
            sidc: 'SFGPUCI----E---',
            speedKmh: 40,
            fuelCapacityH: 100,
            sensor: { rangeKm: 8, pDetectPerTick: 0.5 },
            firepower: 0.5,
            strength: 40,
          },
        },
        units: [
          { id: 'qrf', type: 'coy', owner: 'niger', base: 'garrison' },
          ...(patrol ? [{ id: 'patrol', type: 'coy', owner: 'niger', base: 'post' }] : []),
        ],
        threats: [
          {
            id: 'raiders',
            name: 'Raiders',
            kind: 'armed-group',
            domain: 'ground',
            sidc: 'SHGPUCI----D---',
            strength: 10,
            firepower: 0.01,
            speedKmh: 8,
            havens: ['haven'],
            targets: ['village'],
            attackRatePerDay: 24,
            rangeKm: 40,
            lieLowHours: [200, 200],
            recruitPerDay: 0,
          },
        ],
        engagement: { model: 'square', radiusKm: 3, breakOffRatio: 0.5, stochastic: false },
      },
    },
    seed,
  );
  s.runTo(s.totalTicks);
  const events = s.world.log.events;
  return {
    prevented: events.filter((e) => e.k === 'prevented').length,
    times: raidTimes(s.def, events, s.tick),
    metric: computeMetrics(s.def, events, s.tick).meanTimeToRespondH,
  };
}

describe('a raid stopped by an untasked patrol counts as responded to', () => {
  it('the patrol’s contact is the response: well under the 48 h of “nobody came”', () => {
    for (const seed of [1, 2, 3]) {
      const r = run(true, seed);
      expect(r.prevented).toBeGreaterThan(0);
      for (const t of r.times) if (t.respondH !== undefined) expect(t.respondH).toBeLessThan(2);
      expect(r.metric).toBeLessThan(2);
    }
  });

  it('direction: a patrol in the village does not raise meanTimeToRespondH (3 seeds)', () => {
    let without = 0;
    let withPatrol = 0;
    for (const seed of [1, 2, 3]) {
      without += run(false, seed).metric;
      withPatrol += run(true, seed).metric;
    }
    expect(without).toBeGreaterThan(0);
    expect(withPatrol).toBeLessThanOrEqual(without);
  });
});
