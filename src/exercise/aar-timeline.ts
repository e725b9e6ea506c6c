// The key events of a played session, in time order, for the after-action report: attacks,
// raids broken up, interdictions (a threat cell destroyed or forced to withdraw), injects fired
// (with the MSEL serial and subject when the exercise's MSEL fired them), agreement, right and
// mechanism switches (by order, inject, withdrawal or a mechanism), agreement proposals decided,
// members withdrawing, and sovereignty incidents. Read from the event log and the session file.
import type { WorldDescription } from '../sim/describe';
import type { SimEvent } from '../sim/events';
import type { Def, Order } from '../sim/world';
import { firedIds, namesOf, roleNamer } from './aar-orders';
import type { SessionFile } from './session-file';

export const TIMELINE_KINDS = [
  'attack',
  'prevented',
  'interdiction',
  'inject',
  'agreement',
  'right',
  'mechanism',
  'proposal',
  'withdrawal',
  'sovereignty-incident',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  tick: number;
  kind: TimelineKind;
  text: string;
  /** Actor ids concerned (the country attacked, the unit's owner, the parties…). */
  actors: string[];
  /** The MSEL serial of an inject fired from the exercise's MSEL. */
  serial?: string;
  /** The MSEL entry's subject line (or a scripted inject's subject). */
  subject?: string;
}

/** A raid's target in words: a place's name, a ship, a convoy on a supply run. */
export function targetName(d: WorldDescription, target: string): string {
  if (target.startsWith('ship:')) return 'a ship';
  if (target.startsWith('route:')) return `a convoy (${target.slice(6)})`;
  return d.places.find((p) => p.id === target)?.name ?? target;
}

export function keyEvents(
  def: Def,
  d: WorldDescription,
  file: SessionFile,
  events: readonly SimEvent[],
  cellGroup: ArrayLike<number>,
): TimelineEntry[] {
  const n = namesOf(d);
  const out: TimelineEntry[] = [];
  const actor = (i: number) => def.actorIds[i] ?? '';
  const unitName = (u: number) => d.units[u]?.name ?? `unit ${u}`;
  const cellName = (c: number) => {
    const g = d.threatGroups[cellGroup[c] ?? -1];
    return g ? `a ${g.name} cell` : `threat cell ${c}`;
  };
  const raidTarget = new Map<number, string>();
  const interdicted = new Set<string>();
  const fired = firedIds(file);
  const roleName = roleNamer(file, d);

  for (const e of events) {
    switch (e.k) {
      case 'raid-start':
        raidTarget.set(e.raid, e.target);
        break;
      case 'attack':
        out.push({
          tick: e.t,
          kind: 'attack',
          text: `${cellName(e.cell)} attacks ${targetName(d, e.target)}${e.country >= 0 ? ` (${n.actor(e.country)})` : ''}: ${e.harm} harmed`,
          actors: e.country >= 0 ? [actor(e.country)] : [],
        });
        break;
      case 'prevented': {
        const target = raidTarget.get(e.raid);
        out.push({
          tick: e.t,
          kind: 'prevented',
          text: `${unitName(e.unit)} breaks up a raid by ${cellName(e.cell)}${target ? ` on ${targetName(d, target)}` : ''}`,
          actors: [actor(def.uOwner[e.unit]!)],
        });
        break;
      }
      case 'engage-end': {
        if (e.outcome !== 'threat-destroyed' && e.outcome !== 'threat-withdrew') break;
        // As the interdictions metric: one per cell and tick, whoever took part.
        const key = `${e.t}:${e.cell}`;
        if (interdicted.has(key)) break;
        interdicted.add(key);
        out.push({
          tick: e.t,
          kind: 'interdiction',
          text: `${cellName(e.cell)} ${e.outcome === 'threat-destroyed' ? 'destroyed' : 'forced to withdraw'} by ${unitName(e.unit)}`,
          actors: [actor(def.uOwner[e.unit]!)],
        });
        break;
      }
      case 'inject': {
        const live = e.live;
        const f = live ? fired.get(live) : undefined;
        if (f) {
          const entry = file.msel.find((m) => m.serial === f.serial);
          out.push({
            tick: e.t,
            kind: 'inject',
            text: `MSEL ${f.serial}${entry?.subject ? `: ${entry.subject}` : ''} (${e.kind}; ${f.by === 'white' ? 'fired by hand' : f.by === 'trigger' ? 'on its trigger' : 'at its time'})`,
            actors: entry?.to ?? [],
            serial: f.serial,
            ...(entry?.subject ? { subject: entry.subject } : {}),
          });
        } else {
          const scripted = live === undefined ? d.injects[e.inject] : undefined;
          const id = live ?? scripted?.id ?? String(e.inject);
          out.push({
            tick: e.t,
            kind: 'inject',
            text: `Inject ${id} (${e.kind})${scripted?.message ? `: ${scripted.message}` : scripted ? `: ${scripted.subject}` : ''}`,
            actors: [],
            ...(scripted ? { subject: scripted.subject } : {}),
          });
        }
        break;
      }
      case 'agreement': {
        const a = def.agreements[e.agreement]!;
        out.push({
          tick: e.t,
          kind: 'agreement',
          text: `${cap(n.agreement(a.id))} ${e.active ? 'in force' : 'suspended'}`,
          actors: [actor(a.from), actor(a.to)],
        });
        break;
      }
      case 'right': {
        const r = def.rights[e.right]!;
        out.push({
          tick: e.t,
          kind: 'right',
          text: `${cap(n.right(r.id))} ${e.active ? 'granted' : 'suspended'}`,
          actors: [actor(r.grantee), actor(r.grantor)],
        });
        break;
      }
      case 'mechanism':
        out.push({
          tick: e.t,
          kind: 'mechanism',
          text: `${n.mechanism(def.mechanisms[e.mechanism]!.id)} ${e.active ? 'opens' : 'closes'} (${e.why})`,
          actors: [],
        });
        break;
      case 'withdrawal':
        out.push({
          tick: e.t,
          kind: 'withdrawal',
          text: `${n.actor(e.actor)} leaves ${n.actor(e.organisation)}: ${e.agreements} channels closed, ${e.rights} rights lapsed, ${e.units} units back under national command`,
          actors: [actor(e.actor), actor(e.organisation)],
        });
        break;
      case 'sovereignty-incident':
        out.push({
          tick: e.t,
          kind: 'sovereignty-incident',
          text: `${n.actor(e.grantor)} protests ${unitName(e.unit)} (${n.actor(e.grantee)}) on its territory`,
          actors: [actor(e.grantor), actor(e.grantee)],
        });
        break;
      default:
        break;
    }
  }
  // Switches by order (the log records only that an order ran).
  for (const r of file.orders) {
    const o = r.order as Order;
    const by = ` — order by ${roleName(r.role)}`;
    if (o.kind === 'set-agreement') {
      const a = def.agreements.find((x) => x.id === o.agreement);
      out.push({
        tick: r.tick,
        kind: 'agreement',
        text: `${cap(n.agreement(o.agreement))} ${o.active ? 'switched on' : 'suspended'}${by}`,
        actors: a ? [actor(a.from), actor(a.to)] : [],
      });
    } else if (o.kind === 'set-right') {
      const x = def.rights.find((y) => y.id === o.right);
      out.push({
        tick: r.tick,
        kind: 'right',
        text: `${cap(n.right(o.right))} ${o.active ? 'granted' : 'suspended'}${by}`,
        actors: x ? [actor(x.grantee), actor(x.grantor)] : [],
      });
    } else if (o.kind === 'set-mechanism')
      out.push({
        tick: r.tick,
        kind: 'mechanism',
        text: `${n.mechanism(o.mechanism)} ${o.active ? 'opened' : 'closed'}${by}`,
        actors: [],
      });
  }
  for (const p of file.proposals) {
    if (p.decidedTick === null || p.status === 'pending' || p.status === 'withdrawn') continue;
    const what = p.target.kind === 'agreement' ? n.agreement(p.target.id) : n.right(p.target.id);
    const verb =
      p.status === 'refused'
        ? 'refused'
        : p.status === 'imposed'
          ? 'imposed by the white cell'
          : 'accepted';
    out.push({
      tick: p.decidedTick,
      kind: 'proposal',
      text: `${roleName(p.from)}'s proposal to ${p.active ? 'switch on' : 'suspend'} ${what}: ${verb}${p.status === 'accepted' ? ` by ${roleName(p.to)}` : ''}`,
      actors: [p.from, p.to].filter((x) => def.actorIds.includes(x)),
    });
  }
  // Stable: log order within a tick, then the record's additions.
  return out
    .map((x, i) => [x, i] as const)
    .sort((a, b) => a[0].tick - b[0].tick || a[1] - b[1])
    .map(([x]) => x);
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
