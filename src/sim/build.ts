// Load time: turns a validated scenario and a Natural Earth topology into the engine's dense
// `Def` (indices, km geometry, masks). Runs once per load, so it may use maps and closures
// freely; nothing here runs per tick. Each part has its builder in a build-*.ts file beside
// this one; the initial `State` is init-state.ts's.

import type { Scenario } from '../scenario/schema';
import { buildActors, markParticipants } from './build-actors';
import { buildAgreements } from './build-agreements';
import { makeBuildContext } from './build-context';
import {
  buildBases,
  buildCodes,
  buildPlaces,
  buildRoutes,
  buildZones,
  landBorders,
} from './build-geometry';
import { buildLogistics } from './build-logistics';
import { buildMechanisms } from './build-mechanisms';
import { buildThreats } from './build-threats';
import { buildUnits } from './build-units';
import { hoursToTick, scenarioHours } from './time';
import type { Def } from './world';

// Thrown by build-geometry.ts when a scenario does not fit the map; callers catch it from here.
export { ScenarioGeoError } from './build-geometry';

/** Threat cells that live spawn injects may add in one session (the white cell's reserve). */
export const LIVE_CELLS = 16;

export function buildDef(sc: Scenario, topology: unknown): Def {
  const ctx = makeBuildContext(sc, topology);
  const { xOf, yOf } = ctx;
  // Geometry first, in this order, so a bad scenario always reports the same first error:
  // zones, then lanes, then bases.
  const zones = buildZones(ctx);
  const routes = buildRoutes(ctx);
  const bases = buildBases(ctx);
  const codes = buildCodes(ctx);
  const agreements = buildAgreements(ctx);
  // Joint centres' channels are appended to agreements.agreements here.
  const mechanisms = buildMechanisms(sc, agreements.agreements, ctx.actorOf, (p) => [
    xOf(p[0]),
    yOf(p[1]),
  ]);
  // Key order as Def declares it: the parts are spread where their fields belong.
  const def: Def = {
    scenario: sc,
    dtH: ctx.dtH,
    tickMinutes: sc.tickMinutes,
    totalTicks: Math.round((sc.durationDays * 1440) / sc.tickMinutes),
    masks: ctx.masks,
    ...codes,
    ...buildActors(ctx),
    ...buildUnits(ctx),
    ...bases,
    routes,
    zones,
    ...buildPlaces(ctx, codes),
    ...buildThreats(ctx, LIVE_CELLS),
    ...agreements,
    ...mechanisms,
    borders: landBorders(ctx.masks),
    ...buildLogistics(ctx, routes, bases),
    injectTicks: Int32Array.from(
      sc.injects.map((i) => hoursToTick(scenarioHours(i.at), sc.tickMinutes)),
    ),
    startMin: Date.parse(sc.start) / 60000,
  };
  markParticipants(def);
  return def;
}
