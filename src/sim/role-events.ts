// One role's event feed: the events `eventVisible` lets the actor know, named by scenario id,
// with every reference the role cannot resolve taken out (rules in role-view.ts). Reads the
// log, the actor's picture (State.trSeen) and `Def`; writes nothing.
import type { SimEvent } from './events';
import { namedEvent } from './names';
import { type RoleIndex, roleIndex } from './role-index';
import { eventVisible, hasTrack } from './snapshot';
import type { World } from './world';

/**
 * A visible event as the role may read it. A unit outside the role's list becomes
 * `unit: null` with `unitOwner` (whose unit it was: a report names the nation, not the unit);
 * a threat cell the actor holds no track of becomes `cell: null`; a zone outside the role's
 * list becomes `zone: null`.
 */
function redacted(w: World, ix: RoleIndex, e: SimEvent): Record<string, unknown> {
  const { def } = w;
  const out = namedEvent(def, e);
  const unit = 'unit' in e ? e.unit : -1;
  if (unit >= 0 && ix.unitRole[unit]! < 0) {
    out.unit = null;
    out.unitOwner = def.actorIds[def.uOwner[unit]!] ?? null;
  }
  // A cell is named once the actor holds (or held) a track of it, judged when the feed is read.
  const cell = 'cell' in e ? e.cell : -1;
  if (cell >= 0 && !hasTrack(w, ix.actor, cell)) out.cell = null;
  const zone = 'zone' in e ? e.zone : -1;
  if (zone >= 0 && ix.zoneRole[zone]! < 0) out.zone = null;
  return out;
}

/** The role's named events in log indices [from, to). */
export function roleEvents(
  w: World,
  actor: number,
  from: number,
  to = w.log.events.length,
): Array<Record<string, unknown>> {
  const ix = roleIndex(w.def, actor);
  const ev = w.log.events;
  const out: Array<Record<string, unknown>> = [];
  const end = Math.min(to, ev.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const e = ev[i]!;
    if (eventVisible(w, actor, e)) out.push(redacted(w, ix, e));
  }
  return out;
}
