// Units at load: each scenario entry's `count` expanded into single units (in unit-entries.ts's
// order), and the fixed per-unit arrays (type, owner, speeds, fuel, sensor, caveats, home base).
import type { Unit } from '../scenario/schema';
import { type BuildContext, indexer } from './build-context';
import { CAVEAT, DOMAIN } from './codes';
import { unitEntries } from './unit-entries';
import type { Def } from './world';

export type UnitParts = Pick<
  Def,
  | 'typeIds'
  | 'nUnits'
  | 'unitIds'
  | 'uType'
  | 'uOwner'
  | 'uDomain'
  | 'uSpeed'
  | 'uPatrolSpeed'
  | 'uFuelCap'
  | 'uIdleFuel'
  | 'uSupCap'
  | 'uRange'
  | 'uPDetect'
  | 'uSweepHalf'
  | 'uClass'
  | 'uFirepower'
  | 'uStrength0'
  | 'uCost'
  | 'uCaveats'
  | 'uHome'
  | 'uSidc'
  | 'uArrive'
>;

interface ExpandedUnit {
  u: Unit;
  id: string;
  inject: number;
}

/** One entry per unit: counts expanded (force-flow injects' units follow the scenario's). */
function expandUnits(ctx: BuildContext): ExpandedUnit[] {
  return unitEntries(ctx.sc).flatMap(({ unit: u, inject }) =>
    u.count === 1
      ? [{ u, id: u.id, inject }]
      : Array.from({ length: u.count }, (_, k) => ({ u, id: `${u.id}-${k + 1}`, inject })),
  );
}

function allocateUnits(ctx: BuildContext, expanded: ExpandedUnit[]): UnitParts {
  const nUnits = expanded.length;
  const f64 = () => new Float64Array(nUnits);
  return {
    typeIds: Object.keys(ctx.sc.unitTypes),
    nUnits,
    unitIds: expanded.map((e) => e.id),
    uType: new Int16Array(nUnits),
    uOwner: new Int16Array(nUnits),
    uDomain: new Uint8Array(nUnits),
    uSpeed: f64(),
    uPatrolSpeed: f64(),
    uFuelCap: f64(),
    uIdleFuel: f64(),
    uSupCap: f64(),
    uRange: f64(),
    uPDetect: f64(),
    uSweepHalf: f64(),
    uClass: new Uint8Array(nUnits),
    uFirepower: f64(),
    uStrength0: f64(),
    uCost: f64(),
    uCaveats: new Uint8Array(nUnits),
    uHome: new Int16Array(nUnits),
    uSidc: [],
    uArrive: Int16Array.from(expanded, (e) => e.inject),
  };
}

export function buildUnits(ctx: BuildContext): UnitParts {
  const { sc, actorOf, baseOf } = ctx;
  const expanded = expandUnits(ctx);
  const d = allocateUnits(ctx, expanded);
  const typeOf = indexer(d.typeIds);
  expanded.forEach(({ u }, i) => {
    const t = sc.unitTypes[u.type]!;
    d.uType[i] = typeOf(u.type);
    d.uOwner[i] = actorOf(u.owner);
    d.uDomain[i] = DOMAIN[t.domain];
    d.uSpeed[i] = t.speedKmh;
    d.uPatrolSpeed[i] = t.patrolSpeedKmh ?? t.speedKmh * 0.6;
    d.uFuelCap[i] = t.fuelCapacityH;
    d.uIdleFuel[i] = t.idleFuelPerH;
    d.uSupCap[i] = t.suppliesDays;
    d.uRange[i] = Math.max(t.sensor.rangeKm, (t.sensor.sweepWidthKm ?? 0) / 2);
    d.uPDetect[i] = t.sensor.pDetectPerTick ?? 0;
    d.uSweepHalf[i] = (t.sensor.sweepWidthKm ?? 0) / 2;
    d.uClass[i] = t.sensor.classification;
    d.uFirepower[i] = t.firepower;
    d.uStrength0[i] = t.strength;
    d.uCost[i] = t.costPerDay;
    // A type that cannot fly or sail at night carries no-night whatever the entry lists.
    d.uCaveats[i] = u.caveats.reduce(
      (m, c) =>
        m |
        (c === 'no-offensive'
          ? CAVEAT.noOffensive
          : c === 'no-night'
            ? CAVEAT.noNight
            : CAVEAT.ownTerritoryOnly),
      t.night ? 0 : CAVEAT.noNight,
    );
    d.uHome[i] = baseOf(u.base);
    d.uSidc.push(t.sidc);
  });
  return d;
}
