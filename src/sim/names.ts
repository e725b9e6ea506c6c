// Turns an event's dense indices back into scenario ids, for NDJSON output and the UI feed.
// Live injects (given during play) are named by the id their event carries.
import type { SimEvent } from './events';
import type { Def } from './world';

const FIELDS: Record<string, (def: Def, v: number) => string | number> = {
  actor: (d, v) => d.actorIds[v] ?? v,
  from: (d, v) => d.actorIds[v] ?? v,
  to: (d, v) => d.actorIds[v] ?? v,
  into: (d, v) => d.actorIds[v] ?? v,
  owner: (d, v) => d.actorIds[v] ?? v,
  country: (d, v) => d.actorIds[v] ?? v,
  grantor: (d, v) => d.actorIds[v] ?? v,
  grantee: (d, v) => d.actorIds[v] ?? v,
  a: (d, v) => d.actorIds[v] ?? v,
  b: (d, v) => d.actorIds[v] ?? v,
  unit: (d, v) => d.unitIds[v] ?? v,
  base: (d, v) => d.baseIds[v] ?? v,
  agreement: (d, v) => d.agreements[v]?.id ?? v,
  right: (d, v) => d.rights[v]?.id ?? v,
  mechanism: (d, v) => d.mechanisms[v]?.id ?? v,
  sectorsTo: (d, v) => d.actorIds[v] ?? v,
  zone: (d, v) => d.zones[v]?.id ?? v,
  inject: (d, v) => d.scenario.injects[v]?.id ?? v,
  run: (d, v) => d.supplyRuns[v]?.id ?? v,
  organisation: (d, v) => d.actorIds[v] ?? v,
  node: (d, v) => (v < d.nActors ? d.actorIds[v]! : (d.taskForces[v - d.nActors]?.id ?? v)),
};

export function namedEvent(def: Def, e: SimEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    const f = FIELDS[k];
    out[k] = f && typeof v === 'number' && v >= 0 ? f(def, v) : v;
  }
  // A live inject is not in Def: its event carries its id (and keeps `live` to say so).
  if (e.k === 'inject' && e.live !== undefined) out.inject = e.live;
  return out;
}
