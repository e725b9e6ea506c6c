// One role's event feed: the events `eventVisible` lets the actor know, named by scenario id,
// with every reference the role cannot resolve taken out (rules in role-view.ts). Reads the
// log, the actor's picture (State.trSeen), the live injects (State.liveInjects) and `Def`;
// writes nothing. The feed is addressed by tick, never by log index: the log's length counts
// everyone's events, so a cursor into it would tell a role how much happened elsewhere.
import type { SimEvent } from './events';
import { namedEvent } from './names';
import { injectVisible, type RoleIndex, roleIndex } from './role-index';
import { eventVisible, hasTrack } from './snapshot';
import type { World } from './world';

/**
 * What a host adds to a live inject's event for a role, by the inject's id: the MSEL serial and
 * subject of an entry addressed to it (the exercise layer knows them, the engine does not).
 */
export type LiveInjectLabel = (id: string) => Record<string, unknown> | null;

/** Fields that number things across all actors (message ids, raids, awareness episodes, convoy slots). */
const COUNTERS = ['msg', 'raid', 'ep', 'convoy'] as const;

/** First log index whose event is at or after tick `t` (the log is in tick order). */
export function firstAtTick(events: readonly SimEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A raid's target as the role may read it: a place by id (public), a supply route only if the
 * run is its own; a vessel or convoy without its slot number.
 */
function roleTarget(w: World, ix: RoleIndex, target: string): string {
  if (target.startsWith('ship:')) return 'ship';
  if (target.startsWith('convoy:')) return 'convoy';
  if (target.startsWith('route:')) {
    const r = w.def.supplyRuns.findIndex((x) => `route:${x.id}` === target);
    return r >= 0 && ix.supplyRunRole[r]! >= 0 ? target : 'route';
  }
  return target;
}

/**
 * A live inject as the role may read it: numbered among the live injects it may see
 * (`live-1`, `live-2`…; the host's id carries the MSEL serial, whose gaps would show entries
 * it may not see), with its message, and whatever the host's label adds.
 */
function roleLiveInject(
  w: World,
  ix: RoleIndex,
  out: Record<string, unknown>,
  index: number,
  label: LiveInjectLabel | undefined,
): void {
  const { def, s } = w;
  const j = index - def.scenario.injects.length;
  const inj = s.liveInjects[j];
  if (!inj) return;
  let k = 0;
  for (let i = 0; i <= j; i++) if (injectVisible(def, ix.actor, s.liveInjects[i]!)) k++;
  out.inject = `live-${k}`;
  out.live = `live-${k}`;
  if (inj.message) out.message = inj.message;
  const extra = label?.(inj.id);
  if (extra) Object.assign(out, extra);
}

/**
 * A visible event as the role may read it. A unit outside the role's list becomes
 * `unit: null` with `unitOwner` (whose unit it was: a report names the nation, not the unit);
 * a threat cell the actor holds no track of becomes `cell: null`; a zone outside the role's
 * list becomes `zone: null`; shared counters go (COUNTERS); live injects are renumbered.
 */
function redacted(
  w: World,
  ix: RoleIndex,
  e: SimEvent,
  label: LiveInjectLabel | undefined,
): Record<string, unknown> {
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
  for (const k of COUNTERS) delete out[k];
  if ('target' in e) out.target = roleTarget(w, ix, e.target);
  if (e.k === 'inject' && e.live !== undefined) roleLiveInject(w, ix, out, e.inject, label);
  return out;
}

/**
 * The role's named events logged at ticks [from, to): a tick cursor, which says nothing a
 * role does not know (the clock is public). `label`: see LiveInjectLabel.
 */
export function roleEvents(
  w: World,
  actor: number,
  from = 0,
  to = Number.MAX_SAFE_INTEGER,
  label?: LiveInjectLabel,
): Array<Record<string, unknown>> {
  const ix = roleIndex(w.def, actor);
  const ev = w.log.events;
  const out: Array<Record<string, unknown>> = [];
  const end = firstAtTick(ev, to);
  for (let i = firstAtTick(ev, Math.max(0, from)); i < end; i++) {
    const e = ev[i]!;
    if (eventVisible(w, actor, e)) out.push(redacted(w, ix, e, label));
  }
  return out;
}
