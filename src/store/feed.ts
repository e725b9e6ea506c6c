// The event feed: named events from the worker (names.ts form: ids, not indices) turned into
// one readable line each, a filter category, and what clicking the line selects. Also picks
// the incidents the timeline marks. Pure functions of the event and the world description.
import type { Selection } from '../map/types';
import type { WorldDescription } from '../sim/describe';
import { orderEventText, unitOrderOf } from './orders';

export const FEED_CATEGORIES = [
  'attacks',
  'detections',
  'messages',
  'tasks',
  'logistics',
  'politics',
  'injects',
] as const;
export type FeedCategory = (typeof FEED_CATEGORIES)[number];

export const FEED_CATEGORY_LABELS: Record<FeedCategory, string> = {
  attacks: 'Attacks & combat',
  detections: 'Detections',
  messages: 'Messages',
  tasks: 'Tasks & orders',
  logistics: 'Logistics',
  politics: 'Politics & sovereignty',
  injects: 'Injects (MSEL)',
};

/** Category of each kind shown in the feed; kinds not listed (cop samples, per-tick losses,
 * raid ends, cost bookings) are bookkeeping and stay out of it. */
const CATEGORY: Record<string, FeedCategory> = {
  attack: 'attacks',
  prevented: 'attacks',
  'raid-start': 'attacks',
  contact: 'attacks',
  'engage-end': 'attacks',
  'threat-spawn': 'injects',
  recruit: 'attacks',
  detect: 'detections',
  aware: 'detections',
  'msg-send': 'messages',
  'msg-arrive': 'messages',
  'msg-lost': 'messages',
  'msg-withheld': 'messages',
  'withheld-found': 'messages',
  task: 'tasks',
  'on-scene': 'tasks',
  order: 'tasks',
  'border-stop': 'tasks',
  'task-blocked': 'tasks',
  caveat: 'tasks',
  resupply: 'logistics',
  shortfall: 'logistics',
  'out-of-fuel': 'logistics',
  'convoy-depart': 'logistics',
  'convoy-arrive': 'logistics',
  'convoy-lost': 'logistics',
  trust: 'politics',
  agreement: 'politics',
  right: 'politics',
  'cross-border': 'politics',
  'sovereignty-incident': 'politics',
  funding: 'politics',
  withdrawal: 'politics',
  mechanism: 'politics',
  dialogue: 'politics',
  training: 'politics',
  inject: 'injects',
  narrative: 'injects',
  weather: 'injects',
};

/** Kinds that "run to next event" stops at. */
export const NEXT_EVENT_KINDS = [
  'attack',
  'prevented',
  'inject',
  'contact',
  'engage-end',
  'sovereignty-incident',
];

export type IncidentKind = 'attack' | 'prevented' | 'sovereignty' | 'convoy-lost';
const INCIDENT: Record<string, IncidentKind> = {
  attack: 'attack',
  prevented: 'prevented',
  'sovereignty-incident': 'sovereignty',
  'convoy-lost': 'convoy-lost',
};

export interface FeedItem {
  /** Running number, unique within a session (React key). */
  seq: number;
  /** Tick the event happened at. */
  t: number;
  kind: string;
  category: FeedCategory;
  text: string;
  /** Drawn with emphasis (attacks, shortfalls, incidents, injects). */
  important: boolean;
  select: Selection;
}

export interface IncidentMarker {
  t: number;
  kind: IncidentKind;
  label: string;
  select: Selection;
}

export type NamedEvent = Record<string, unknown>;

/** Index lookups from ids, built once per description. */
interface Lookup {
  actor: Map<string, number>;
  unit: Map<string, number>;
  base: Map<string, number>;
  place: Map<string, number>;
  agreement: Map<string, number>;
  right: Map<string, number>;
  run: Map<string, number>;
  inject: Map<string, number>;
  zone: Map<string, number>;
}
const lookups = new WeakMap<WorldDescription, Lookup>();
function lookup(d: WorldDescription): Lookup {
  let l = lookups.get(d);
  if (!l) {
    const index = (xs: Array<{ id: string }>) => new Map(xs.map((x, i) => [x.id, i]));
    l = {
      actor: index(d.actors),
      unit: index(d.units),
      base: index(d.bases),
      place: index(d.places),
      agreement: index(d.agreements),
      right: index(d.rights),
      run: index(d.supplyRuns),
      inject: index(d.injects),
      zone: index(d.zones),
    };
    lookups.set(d, l);
  }
  return l;
}

/**
 * A name short enough for a feed line or a legend: without a trailing parenthesis, or the
 * id in capitals when still long ("Sulu–Celebes Trilateral Cooperative Arrangement" → "TCA").
 */
export function shortName(actor: { id: string; name: string }): string {
  const bare = actor.name.replace(/\s*\([^)]*\)\s*$/, '');
  return bare.length > 24 ? actor.id.toUpperCase() : bare;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

export function feedCategory(kind: string): FeedCategory | null {
  return CATEGORY[kind] ?? null;
}

type Namer = ReturnType<typeof makeNamer>;
const namers = new WeakMap<WorldDescription, Namer>();
/** Names for ids in event fields: description names where known, else the id itself. */
function namer(d: WorldDescription): Namer {
  let n = namers.get(d);
  if (!n) {
    n = makeNamer(d);
    namers.set(d, n);
  }
  return n;
}

function makeNamer(d: WorldDescription) {
  const l = lookup(d);
  const by =
    <T extends { name: string | null; id: string }>(xs: T[], m: Map<string, number>) =>
    (id: unknown) => {
      const i = m.get(str(id));
      return i === undefined ? str(id) : (xs[i]!.name ?? xs[i]!.id);
    };
  const target = (t: unknown) => {
    const s = str(t);
    if (s.startsWith('ship:')) return 'a merchant vessel';
    if (s.startsWith('convoy:')) return 'a convoy';
    const i = l.place.get(s);
    return i === undefined ? s : d.places[i]!.name;
  };
  return {
    l,
    actor: (id: unknown) => {
      const i = l.actor.get(str(id));
      return i === undefined ? str(id) : shortName(d.actors[i]!);
    },
    unit: by(d.units, l.unit),
    base: by(d.bases, l.base),
    agreement: (id: unknown) => {
      const i = l.agreement.get(str(id));
      const a = i === undefined ? undefined : d.agreements[i];
      if (!a) return str(id);
      return a.name ?? `${d.actors[a.from]?.name ?? '?'}–${d.actors[a.to]?.name ?? '?'} sharing`;
    },
    right: (id: unknown) => {
      const i = l.right.get(str(id));
      const r = i === undefined ? undefined : d.rights[i];
      if (!r) return str(id);
      return `${r.kind} right (${d.actors[r.grantor]?.name ?? '?'} → ${d.actors[r.grantee]?.name ?? '?'})`;
    },
    zone: (id: unknown) => {
      const i = l.zone.get(str(id));
      return i === undefined ? str(id) : d.zones[i]!.name;
    },
    target,
  };
}

const round = (v: unknown, digits = 1) => {
  const n = num(v);
  return Number.isFinite(n) ? String(Math.round(n * 10 ** digits) / 10 ** digits) : '?';
};

/** One readable line for an event. */
export function eventText(e: NamedEvent, d: WorldDescription): string {
  const n = namer(d);
  const cell = `threat cell ${str(e.cell)}`;
  switch (e.k) {
    case 'attack':
      return `Attack on ${n.target(e.target)} (${n.actor(e.country)}): ${str(e.harm)} harmed`;
    case 'prevented':
      return `${n.unit(e.unit)} broke up a raid by ${cell}`;
    case 'raid-start':
      return `${cell} sets out to raid ${n.target(e.target)}${e.known ? ' (already tracked)' : ''}`;
    case 'contact':
      return `${n.unit(e.unit)} in contact with ${cell}`;
    case 'engage-end': {
      const outcome: Record<string, string> = {
        'threat-destroyed': 'destroyed',
        'threat-withdrew': 'forced to withdraw',
        'unit-withdrew': 'held: the unit withdrew',
        'unit-destroyed': 'held: the unit was destroyed',
      };
      return `Engagement ended: ${cell} ${outcome[str(e.outcome)] ?? str(e.outcome)} (${n.unit(e.unit)})`;
    }
    case 'threat-spawn':
      return `New ${cell} (strength ${str(e.strength)})`;
    case 'recruit':
      return `${cell} recruits ${str(e.amount)}`;
    case 'detect':
      return `${n.actor(e.actor)} detects ${cell} by ${e.via === 'report' ? 'report' : `sensor (${n.unit(e.unit)})`}`;
    case 'aware':
      return `${n.actor(e.actor)} learns of ${cell} ${e.via === 'message' ? `from a partner after ${round((num(e.lag) * d.scenario.tickMinutes) / 60)} h` : 'first-hand'}`;
    case 'msg-send':
      return `${n.actor(e.from)} → ${n.actor(e.to)}: track of ${cell} sent`;
    case 'msg-arrive':
      return `${n.actor(e.from)} → ${n.actor(e.to)}: track of ${cell} received`;
    case 'msg-lost':
      return `${n.actor(e.from)} → ${n.actor(e.to)}: track of ${cell} lost in transit`;
    case 'msg-withheld':
      return `${n.actor(e.from)} withholds ${cell} from ${n.actor(e.to)} (${e.reason === 'classification' ? 'classification' : 'low trust'})`;
    case 'withheld-found':
      return `${n.actor(e.to)} finds out ${n.actor(e.from)} withheld a track`;
    case 'task':
      return `${n.actor(e.node)} tasks ${n.unit(e.unit)}: ${str(e.task)}${num(e.cell) >= 0 ? ` (${cell})` : ''}`;
    case 'on-scene':
      return `${n.unit(e.unit)} on scene at ${cell}`;
    case 'order': {
      // Unit orders read as sentences ("Mali orders … to move to 15.2°N 0.4°W"): orders.ts.
      const said = orderEventText(e, d, n.actor);
      if (said) return said;
      let detail = str(e.order);
      try {
        const o = JSON.parse(str(e.detail)) as Record<string, unknown>;
        if (o.kind === 'set-agreement')
          detail = `${n.agreement(o.agreement)} ${o.active ? 'switched on' : 'suspended'}`;
        else if (o.kind === 'set-right')
          detail = `${n.right(o.right)} ${o.active ? 'granted' : 'withdrawn'}`;
        else if (typeof o.unit === 'string') detail = `${str(o.kind)} for ${n.unit(o.unit)}`;
        else detail = str(o.kind);
      } catch {
        // keep the bare order kind
      }
      return `Order: ${detail}`;
    }
    case 'border-stop':
      return `${n.unit(e.unit)} stopped at the ${n.actor(e.into)} border (no right)`;
    case 'resupply':
      return `${n.unit(e.unit)} resupplied at ${n.base(e.base)}`;
    case 'shortfall':
      return `Shortfall: ${n.base(e.base)} could not supply ${round(e.amount)} ${str(e.supply)}${typeof e.unit === 'string' ? ` to ${n.unit(e.unit)}` : ''}`;
    case 'out-of-fuel':
      return `${n.unit(e.unit)} out of fuel`;
    case 'convoy-depart':
      return `Convoy ${str(e.run)} leaves ${n.base(e.base)}`;
    case 'convoy-arrive':
      return `Convoy ${str(e.run)} arrives at ${n.base(e.base)}`;
    case 'convoy-lost':
      return `Convoy ${str(e.run)} lost`;
    case 'trust':
      return `Trust ${n.actor(e.a)} → ${n.actor(e.b)} now ${round(e.value, 2)} (${str(e.reason).replace(/-/g, ' ')})`;
    case 'agreement':
      return `${n.agreement(e.agreement)} ${e.active ? 'in force' : 'suspended'}`;
    case 'right':
      return `${n.right(e.right)} ${e.active ? 'granted' : 'withdrawn'}`;
    case 'cross-border':
      return `${n.unit(e.unit)} pursues across the border into ${n.actor(e.into)}`;
    case 'sovereignty-incident':
      return `Sovereignty incident: ${n.actor(e.grantor)} protests ${n.unit(e.unit)}'s crossing`;
    case 'funding':
      return `Funding: ${n.actor(e.actor)} receives ${str(e.amount)}`;
    case 'withdrawal': {
      const sectors = Number(e.sectors ?? 0);
      const handed =
        sectors === 0
          ? ''
          : typeof e.sectorsTo === 'string'
            ? `, ${sectors} sectors handed to ${n.actor(e.sectorsTo)}`
            : `, ${sectors} sectors left uncovered`;
      return `${n.actor(e.actor)} leaves ${n.actor(e.organisation)}: ${str(e.agreements)} channels closed, ${str(e.rights)} rights lapsed, ${str(e.units)} units back under national command${handed}`;
    }
    case 'mechanism':
      return `${mechanism(d, e.mechanism)} ${e.active ? 'opens' : 'closes'} (${str(e.why)})`;
    case 'dialogue':
      return `${mechanism(d, e.mechanism)}: ${str(e.participants)} partners meet`;
    case 'training':
      return `${mechanism(d, e.mechanism)}: ${n.actor(e.actor)} readiness now ${round(Number(e.readiness), 2)}`;
    case 'task-blocked':
      return `${str(e.node)} has free units for a track but ${e.reason === 'caveat' ? 'their caveats bar them' : 'none may go there'}`;
    case 'caveat':
      return `${n.unit(e.unit)} held back by its ${str(e.caveat).replace(/-/g, ' ')} caveat`;
    case 'inject': {
      const i = n.l.inject.get(str(e.inject));
      const inj = i === undefined ? undefined : d.injects[i];
      // A narrative inject's message follows as its own event.
      const msg = inj?.message && e.kind !== 'narrative' ? `: ${inj.message}` : '';
      return `Inject ${str(e.inject)} (${str(e.kind)})${msg}`;
    }
    case 'narrative':
      return `Message to ${e.to ? str(e.to) : 'all'}: ${str(e.message)}`;
    case 'weather':
      return `Weather: ${n.zone(e.zone)} closed to ${str(e.closes)}`;
    default:
      return `${str(e.k)}`;
  }
}

/** What clicking an event selects: its unit, base, place, track or agreement. */
export function eventSelection(e: NamedEvent, d: WorldDescription): Selection {
  const l = lookup(d);
  const idx = (m: Map<string, number>, v: unknown) =>
    typeof v === 'string' ? (m.get(v) ?? -1) : -1;
  const unit = idx(l.unit, e.k === 'order' ? unitOrderOf(e.detail)?.unit : e.unit);
  if (unit >= 0) return { kind: 'unit', index: unit };
  const base = idx(l.base, e.base);
  if (base >= 0) return { kind: 'base', index: base };
  if (e.k === 'attack' || e.k === 'raid-start') {
    const place = idx(l.place, e.target);
    if (place >= 0) return { kind: 'place', index: place };
  }
  if (e.k === 'detect' || e.k === 'aware') {
    const actor = idx(l.actor, e.actor);
    if (actor >= 0 && num(e.cell) >= 0) return { kind: 'track', actor, cell: num(e.cell) };
  }
  const ag = idx(l.agreement, e.agreement);
  if (ag >= 0) return { kind: 'agreement', index: ag };
  if (e.k === 'trust') {
    const a = idx(l.actor, e.a);
    if (a >= 0) return { kind: 'actor', index: a };
  }
  if (typeof e.cell === 'number' && e.cell >= 0) return { kind: 'cell', cell: e.cell };
  return null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const IMPORTANT = new Set([
  'attack',
  'prevented',
  'shortfall',
  'sovereignty-incident',
  'convoy-lost',
  'inject',
  'narrative',
  'msg-lost',
  'agreement',
  'right',
]);

/**
 * Feed items for the feed-worthy events among `events`, numbered from `seq`; with `limit`,
 * only the newest `limit` of them (the rest are never formatted).
 */
/**
 * The threat cells placed in their havens before the first tick are the scenario's starting
 * state, not something that happened: they stay out of the feed (a spawn an inject makes
 * follows its inject event).
 */
function startingPlacement(e: NamedEvent, before: NamedEvent | undefined): boolean {
  return str(e.k) === 'threat-spawn' && num(e.t) === 0 && str(before?.k) !== 'inject';
}

export function toFeedItems(
  events: NamedEvent[],
  d: WorldDescription,
  seq: number,
  limit = Number.POSITIVE_INFINITY,
): FeedItem[] {
  const picked: NamedEvent[] = [];
  for (let i = events.length - 1; i >= 0 && picked.length < limit; i--) {
    const e = events[i]!;
    if (CATEGORY[str(e.k)] && !startingPlacement(e, events[i - 1])) picked.push(e);
  }
  picked.reverse();
  return picked.map((e) => {
    const kind = str(e.k);
    // Frozen here: the store's arrays of items are frozen whole, so immer never walks them.
    return Object.freeze({
      seq: seq++,
      t: num(e.t),
      kind,
      category: CATEGORY[kind]!,
      text: capitalise(eventText(e, d)),
      important: IMPORTANT.has(kind),
      select: eventSelection(e, d),
    });
  });
}

export function toIncidents(events: NamedEvent[], d: WorldDescription): IncidentMarker[] {
  const out: IncidentMarker[] = [];
  for (const e of events) {
    const kind = INCIDENT[str(e.k)];
    if (kind)
      out.push(
        Object.freeze({
          t: num(e.t),
          kind,
          label: capitalise(eventText(e, d)),
          select: eventSelection(e, d),
        }),
      );
  }
  return out;
}

function mechanism(d: WorldDescription, id: unknown): string {
  return d.mechanisms.find((m) => m.id === id)?.name ?? String(id);
}
