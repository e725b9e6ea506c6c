// Traffic and supply at load: civilian traffic streams and the vessel slots they need at once,
// supply runs as base-to-base paths (along their route when named) and the convoy slots.
import type { BuildContext } from './build-context';
import { hypot2 } from './geo/hypot';
import { nearestAlong, sliceAlong } from './geo/polyline';
import type { Def, Polyline } from './world';

export type LogisticsParts = Pick<Def, 'traffic' | 'vesselCap' | 'supplyRuns' | 'convoyCap'>;

export function buildLogistics(
  ctx: BuildContext,
  routes: Polyline[],
  bases: Pick<Def, 'bX' | 'bY'>,
): LogisticsParts {
  const { sc, routeOf, ticks, dtH } = ctx;
  const traffic = sc.traffic.map((t) => ({
    id: t.id,
    kind: t.kind,
    route: routeOf(t.route),
    perTick: (t.perDay * sc.tickMinutes) / 1440,
    speed: t.speedKmh,
    reportDelayTicks: ticks(t.reportDelayMin),
    bothWays: t.bothWays,
    sidc: t.sidc,
  }));
  // Traffic vessel capacity: vessels alive at once, with headroom.
  const vesselCap = traffic.reduce((n, t) => {
    const route = routes[t.route]!;
    return n + Math.ceil(t.perTick * (route.length / t.speed / dtH) * 1.5) + 4;
  }, 0);
  const supplyRuns = buildSupplyRuns(ctx, routes, bases);
  // Convoy capacity: runs on the road at once (path length / speed over the interval), + 2.
  const convoyCap = supplyRuns.reduce((n, r) => {
    let len = 0;
    for (let i = 2; i < r.path.length; i += 2)
      len += hypot2(r.path[i]! - r.path[i - 2]!, r.path[i + 1]! - r.path[i - 1]!);
    return n + Math.ceil(len / r.speed / (r.everyTicks * dtH)) + 2;
  }, 0);
  return { traffic, vesselCap, supplyRuns, convoyCap };
}

/** Supply runs: from base to base, along the named route between the points nearest each. */
function buildSupplyRuns(
  ctx: BuildContext,
  routes: Polyline[],
  { bX, bY }: Pick<Def, 'bX' | 'bY'>,
): Def['supplyRuns'] {
  const { sc, actorOf, baseOf, routeOf } = ctx;
  return sc.supplyRuns.map((r) => {
    const from = baseOf(r.from);
    const to = baseOf(r.to);
    let path = [bX[from]!, bY[from]!];
    if (r.route) {
      const route = routes[routeOf(r.route)]!;
      const a = nearestAlong(route, bX[from]!, bY[from]!);
      const b = nearestAlong(route, bX[to]!, bY[to]!);
      path = path.concat(sliceAlong(route, a, b));
    }
    path.push(bX[to]!, bY[to]!);
    return {
      id: r.id,
      owner: actorOf(r.owner),
      from,
      to,
      path,
      everyTicks: Math.max(1, Math.round((r.everyHours * 60) / sc.tickMinutes)),
      fuel: r.load.fuel,
      supplies: r.load.supplies,
      speed: r.speedKmh,
      strength: r.strength,
      sidc: r.sidc,
    };
  });
}
