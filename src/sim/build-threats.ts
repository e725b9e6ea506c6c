// Threat groups at load, and how many threat cell slots the State needs: the scenario's cells,
// one per spawn inject, and the spare slots for live injects.
import type { BuildContext } from './build-context';
import { DOMAIN, THREAT_KIND_INDEX } from './codes';
import type { Def, GroupDef } from './world';

export type ThreatParts = Pick<Def, 'groups' | 'cellCap' | 'liveCells'>;

export function buildThreats(ctx: BuildContext, liveCells: number): ThreatParts {
  const { sc, zoneOf } = ctx;
  const groups = sc.threats.map(
    (t): GroupDef => ({
      id: t.id,
      kind: t.kind,
      kindIndex: THREAT_KIND_INDEX[t.kind],
      domain: DOMAIN[t.domain],
      sidc: t.sidc,
      strength: t.strength,
      maxStrength: t.maxStrength ?? t.strength * 1.5,
      firepower: t.firepower,
      speed: t.speedKmh,
      havens: t.havens.map(zoneOf),
      targetPlaceKinds: new Set(
        t.targets.filter((k) => k !== 'convoy' && k !== 'ship' && k !== 'base'),
      ),
      targetsConvoys: t.targets.includes('convoy'),
      targetsShips: t.targets.includes('ship'),
      // The first listed kind weighs 3×, the last 1×, linearly between.
      preference: Object.fromEntries(
        t.targets.map((k, i) => [
          k,
          1 + (2 * (t.targets.length - 1 - i)) / Math.max(1, t.targets.length - 1),
        ]),
      ),
      attackPerTick: (t.attackRatePerDay * sc.tickMinutes) / 1440,
      rangeKm: t.rangeKm,
      seam: t.seamPreference,
      recruitPerTick: (t.recruitPerDay * sc.tickMinutes) / 1440,
      lieLowTicks: [
        Math.round((Math.min(...t.lieLowHours) * 60) / sc.tickMinutes),
        Math.round((Math.max(...t.lieLowHours) * 60) / sc.tickMinutes),
      ],
      detectability: t.detectability,
    }),
  );
  return {
    groups,
    // Spare slots for spawns injected live: only the arrays grow (cells are indexed by spawn
    // order, and the cell grid's bucket size follows the scripted count, session.ts).
    cellCap:
      sc.threats.reduce((n, t) => n + t.cells, 0) +
      sc.injects.filter((i) => i.kind === 'spawn').length +
      liveCells,
    liveCells,
  };
}
