// A constant-rate raid fixture: forty cells with no lie-low raid one village next to their
// haven at 0.5 raids per cell-day, with no security presence, for 60 days at 1-minute ticks.
import { loadAtlas } from '../../src/cli/load';
import { validateScenario } from '../../src/scenario/validate';
import { Session } from '../../src/sim/session';

export function incidentTicks(seed: number): { ticks: number[]; total: number } {
  const doc = {
    id: 'poisson',
    name: 'Constant-rate raids',
    meta: { description: 'Validation fixture', sources: [{ title: 'Poisson process' }] },
    start: '2026-01-01T00:00:00Z',
    tickMinutes: 1,
    durationDays: 60,
    geography: {
      atlas: '50m',
      bbox: [2.4, 13.6, 3.2, 14.2],
      cellKm: 1,
      countries: [{ iso: '562', actor: 'niger' }],
    },
    actors: [
      {
        id: 'niger',
        name: 'Niger',
        kind: 'nation',
        color: '#ff7f0e',
        hq: [2.5, 13.7],
        decisionLatencyMin: 60,
      },
      {
        id: 'org',
        name: 'Organisation',
        kind: 'organisation',
        color: '#7f7f7f',
        members: ['niger'],
        hq: [2.5, 13.7],
        decisionLatencyMin: 60,
      },
    ],
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
        cells: 40,
        strength: 10,
        firepower: 0,
        speedKmh: 200,
        havens: ['haven'],
        targets: ['village'],
        attackRatePerDay: 0.5,
        rangeKm: 20,
        lieLowHours: [0, 0],
        recruitPerDay: 0,
      },
    ],
  };
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const s = new Session(v.value, loadAtlas('50m'), seed);
  s.runTo(s.totalTicks);
  return {
    ticks: s.world.log.events.filter((e) => e.k === 'attack').map((e) => e.t),
    total: s.totalTicks,
  };
}
