// Civilian traffic: merchant ships, fishing boats and civilian convoys generated along their
// routes at a steady rate (alternating direction when both ways), moving at their speed and
// leaving at the far end. They are targets for threats and report attacks. Runs with
// logistics in the tick order. Stream: traffic.
import { pointAlong } from '../geo/polyline';
import type { World } from '../world';

const pt = { x: 0, y: 0 };

export function runTraffic(w: World): void {
  const { def, s } = w;
  const rng = w.rng.traffic;
  for (let t = 0; t < def.traffic.length; t++) {
    const tr = def.traffic[t]!;
    s.trafficAcc[t] = s.trafficAcc[t]! + tr.perTick;
    while (s.trafficAcc[t]! >= 1) {
      s.trafficAcc[t] = s.trafficAcc[t]! - 1;
      let v = 0;
      while (v < s.vAlive.length && s.vAlive[v]) v++;
      if (v >= s.vAlive.length) break;
      s.vAlive[v] = 1;
      s.vTraffic[v] = t;
      s.vDir[v] = tr.bothWays && rng() < 0.5 ? -1 : 1;
      s.vDist[v] = 0;
    }
  }
  for (let v = 0; v < s.vAlive.length; v++) {
    if (!s.vAlive[v]) continue;
    const tr = def.traffic[s.vTraffic[v]!]!;
    const route = def.routes[tr.route]!;
    s.vDist[v] = s.vDist[v]! + tr.speed * def.dtH;
    if (s.vDist[v]! >= route.length) {
      s.vAlive[v] = 0;
      continue;
    }
    pointAlong(route, s.vDir[v] === 1 ? s.vDist[v]! : route.length - s.vDist[v]!, pt);
    s.vx[v] = pt.x;
    s.vy[v] = pt.y;
  }
}
