// Village raid fixtures: cells raid one village next to their haven with no security presence.
// incidentTicks: forty cells with no lie-low at 0.5 raids per cell-day, 60 days, 1-minute ticks.
import type { Session } from '../../src/sim/session';
import { nigerSession } from './fixture';

export interface VillageRaids {
  id: string;
  name: string;
  source: string;
  tickMinutes: number;
  durationDays: number;
  cells: number;
  attackRatePerDay: number;
  /** Absent: the schema's default lie-low. */
  lieLowHours?: [number, number];
}

/** Cells that raid one village beside their haven, watched by a post that sees nothing. */
export function villageRaids(o: VillageRaids, seed: number): Session {
  return nigerSession(
    {
      id: o.id,
      name: o.name,
      source: o.source,
      tickMinutes: o.tickMinutes,
      durationDays: o.durationDays,
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
            cells: o.cells,
            strength: 10,
            firepower: 0,
            speedKmh: 200,
            havens: ['haven'],
            targets: ['village'],
            attackRatePerDay: o.attackRatePerDay,
            rangeKm: 20,
            ...(o.lieLowHours ? { lieLowHours: o.lieLowHours } : {}),
            recruitPerDay: 0,
          },
        ],
      },
    },
    seed,
  );
}

export function incidentTicks(seed: number): { ticks: number[]; total: number } {
  const s = villageRaids(
    {
      id: 'poisson',
      name: 'Constant-rate raids',
      source: 'Poisson process',
      tickMinutes: 1,
      durationDays: 60,
      cells: 40,
      attackRatePerDay: 0.5,
      lieLowHours: [0, 0],
    },
    seed,
  );
  s.runTo(s.totalTicks);
  return {
    ticks: s.world.log.events.filter((e) => e.k === 'attack').map((e) => e.t),
    total: s.totalTicks,
  };
}
