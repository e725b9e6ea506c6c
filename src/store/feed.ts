// The event feed: named events from the worker (names.ts form: ids, not indices) turned into
// one readable line each — names from the world description, never raw ids — a filter
// category, and what clicking the line selects. Also picks the incidents and MSEL injects the
// timeline marks. Pure functions of the events, the world description and the MSEL.
import { type MselEntry, mselInjectId } from '../exercise/msel';
import type { Selection } from '../map/types';
import type { WorldDescription } from '../sim/describe';
import { hoursToTick } from '../sim/time';
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
  arrive: 'logistics',
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
  taskForce: Map<string, number>;
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
      taskForce: index(d.taskForces),
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
  const actor = (id: unknown) => {
    const i = l.actor.get(str(id));
    return i === undefined ? str(id) : shortName(d.actors[i]!);
  };
  const base = by(d.bases, l.base);
  /** A supply run by its ends: "Gao camp → Ménaka post" (null when not in this view). */
  const run = (id: unknown) => {
    const i = l.run.get(str(id));
    const r = i === undefined ? undefined : d.supplyRuns[i];
    return r ? { from: d.bases[r.from]?.name ?? '?', to: d.bases[r.to]?.name ?? '?' } : null;
  };
  const target = (t: unknown) => {
    const s = str(t);
    // A role's feed leaves out slot numbers and others' supply runs (role-events.ts).
    if (s === 'ship' || s.startsWith('ship:')) return 'a merchant vessel';
    if (s === 'convoy' || s.startsWith('convoy:')) return 'a convoy';
    if (s === 'route' || s.startsWith('route:')) {
      const r = run(s.slice('route:'.length));
      return r ? `the ${r.from} → ${r.to} supply route` : 'a supply route';
    }
    const i = l.place.get(s);
    return i === undefined ? s : d.places[i]!.name;
  };
  const unit = by(d.units, l.unit);
  return {
    l,
    actor,
    unit,
    /** The event's unit: by name, or "a Burkina Faso unit" where the view may not name it. */
    unitOf: (e: NamedEvent) => {
      if (typeof e.unit === 'string') return unit(e.unit);
      return typeof e.unitOwner === 'string' ? `a ${actor(e.unitOwner)} unit` : 'a unit';
    },
    /** A command node: an actor or a task force. */
    node: (id: unknown) => {
      const tf = l.taskForce.get(str(id));
      return tf === undefined ? actor(id) : d.taskForces[tf]!.name;
    },
    base,
    run,
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
      if (id === null) return 'an area'; // a zone the view may not know
      const i = l.zone.get(str(id));
      return i === undefined ? str(id) : d.zones[i]!.name;
    },
    /** Comma-separated actor ids ('' for everyone) as names. */
    addressees: (to: unknown) => {
      const ids = str(to).split(',').filter(Boolean);
      return ids.length ? ids.map(actor).join(', ') : 'all';
    },
    target,
  };
}

const round = (v: unknown, digits = 1) => {
  const n = num(v);
  return Number.isFinite(n) ? String(Math.round(n * 10 ** digits) / 10 ** digits) : '?';
};

/** How an inject's kind reads in the feed. */
const INJECT_KIND: Record<string, string> = {
  spawn: 'new threat',
  attack: 'attack',
  agreement: 'sharing agreement',
  right: 'right',
  mechanism: 'coordination',
  weather: 'weather',
  funding: 'funding',
  narrative: 'message',
  withdraw: 'withdrawal',
  'force-flow': 'forces arrive',
};

/** Ids in a text (a scripted inject's subject, "grp-b → inates") replaced by their names. */
function inWords(text: string, d: WorldDescription, n: Namer): string {
  const l = n.l;
  return text.replace(/[a-z0-9][a-z0-9:-]*/g, (id) => {
    if (l.actor.has(id)) return n.actor(id);
    if (l.place.has(id)) return n.target(id);
    if (l.zone.has(id)) return n.zone(id);
    if (l.agreement.has(id)) return n.agreement(id);
    if (l.right.has(id)) return n.right(id);
    const group = d.threatGroups.find((g) => g.id === id);
    if (group) return group.name;
    const mech = d.mechanisms.find((m) => m.id === id);
    return mech ? mech.name : id;
  });
}

/**
 * An inject: an MSEL entry by serial and subject ("Inject L1: Ayorou: armed men on
 * motorbikes"), a scripted one by its message or subject in words, a live one the view has
 * no card for by its kind and message. A narrative's own text follows as its own event.
 */
function injectText(e: NamedEvent, d: WorldDescription, n: Namer): string {
  const kind = str(e.kind);
  const i = n.l.inject.get(str(e.inject));
  const scripted = i === undefined ? undefined : d.injects[i];
  const message = scripted?.message ?? (typeof e.message === 'string' ? e.message : '');
  const said = message && kind !== 'narrative' ? message : '';
  if (typeof e.serial === 'string') {
    const subject = str(e.subject);
    const more = said && said !== subject ? `: ${said}` : '';
    return `Inject ${e.serial}${subject ? `: ${subject}` : ''}${more}`;
  }
  const what = `Inject (${INJECT_KIND[kind] ?? kind})`;
  if (said) return `${what}: ${said}`;
  if (scripted && kind === 'narrative') return `${what} to ${inWords(scripted.subject, d, n)}`;
  return scripted ? `${what}: ${inWords(scripted.subject, d, n)}` : what;
}

/** An order without a unit sentence (orders.ts): switches, trust, staff tasking, live injects. */
function orderText(e: NamedEvent, d: WorldDescription, n: Namer): string {
  const said = orderEventText(e, d, n.actor);
  if (said) return said;
  let detail = str(e.order);
  try {
    const o = JSON.parse(str(e.detail)) as Record<string, unknown>;
    const on = o.active ? 'switched on' : 'suspended';
    if (o.kind === 'set-agreement') detail = `${n.agreement(o.agreement)} ${on}`;
    else if (o.kind === 'set-right')
      detail = `${n.right(o.right)} ${o.active ? 'granted' : 'withdrawn'}`;
    else if (o.kind === 'set-mechanism') detail = `${mechanism(d, o.mechanism)} ${on}`;
    else if (o.kind === 'set-trust')
      detail = `trust ${n.actor(o.from)} → ${n.actor(o.to)} set to ${round(o.value, 2)}`;
    else if (o.kind === 'auto-tasking')
      detail = `${n.actor(o.actor)}'s staff ${o.on ? 'tasks its units again' : 'stops tasking its units'}`;
    else if (o.kind === 'inject') {
      const k = str((o.inject as Record<string, unknown> | undefined)?.kind);
      detail = `live inject (${INJECT_KIND[k] ?? k})`;
    } else if (typeof o.unit === 'string') detail = `${str(o.kind)} for ${n.unit(o.unit)}`;
    else detail = str(o.kind);
  } catch {
    // keep the bare order kind
  }
  return `Order: ${detail}`;
}

/** Convoys by the ends of their run ("Convoy to Ménaka post leaves Gao camp"). */
function convoyText(e: NamedEvent, n: Namer): string {
  const r = n.run(e.run);
  const base = n.base(e.base);
  if (e.k === 'convoy-depart') return `${r ? `Convoy to ${r.to}` : 'A convoy'} leaves ${base}`;
  if (e.k === 'convoy-arrive')
    return `${r ? `Convoy from ${r.from}` : 'A convoy'} arrives at ${base}`;
  return `${r ? `Convoy ${r.from} → ${r.to}` : 'A convoy'} lost`;
}

/** One readable line for an event. */
export function eventText(e: NamedEvent, d: WorldDescription): string {
  const n = namer(d);
  // A role's feed names a cell only once it holds a track of it (role-events.ts).
  const cell = e.cell === null ? 'a threat cell' : `threat cell ${str(e.cell)}`;
  const unit = n.unitOf(e);
  switch (e.k) {
    case 'attack':
      return `Attack on ${n.target(e.target)} (${n.actor(e.country)}): ${str(e.harm)} harmed`;
    case 'prevented':
      return `${unit} broke up a raid by ${cell}`;
    case 'raid-start':
      return `${cell} sets out to raid ${n.target(e.target)}${e.known ? ' (already tracked)' : ''}`;
    case 'contact':
      return `${unit} in contact with ${cell}`;
    case 'engage-end': {
      const outcome: Record<string, string> = {
        'threat-destroyed': 'destroyed',
        'threat-withdrew': 'forced to withdraw',
        'unit-withdrew': 'held: the unit withdrew',
        'unit-destroyed': 'held: the unit was destroyed',
      };
      return `Engagement ended: ${cell} ${outcome[str(e.outcome)] ?? str(e.outcome)} (${unit})`;
    }
    case 'threat-spawn':
      return `New ${cell} (strength ${str(e.strength)})`;
    case 'recruit':
      return `${cell} recruits ${str(e.amount)}`;
    case 'detect':
      return `${n.actor(e.actor)} detects ${cell} by ${e.via === 'report' ? 'report' : `sensor (${unit})`}`;
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
    case 'task': {
      const on = e.cell === null || num(e.cell) >= 0 ? ` (${cell})` : '';
      return `${n.node(e.node)} tasks ${unit}: ${str(e.task)}${on}`;
    }
    case 'on-scene':
      return `${unit} on scene at ${cell}`;
    case 'order':
      return orderText(e, d, n);
    case 'border-stop':
      return `${unit} stopped at the ${n.actor(e.into)} border (no right)`;
    case 'resupply':
      return `${unit} resupplied at ${n.base(e.base)}`;
    case 'shortfall':
      return `Shortfall: ${n.base(e.base)} could not supply ${round(e.amount)} ${str(e.supply)}${typeof e.unit === 'string' || e.unit === null ? ` to ${unit}` : ''}`;
    case 'out-of-fuel':
      return `${unit} out of fuel`;
    case 'arrive':
      return `${unit} arrived in theatre`;
    case 'convoy-depart':
    case 'convoy-arrive':
    case 'convoy-lost':
      return convoyText(e, n);
    case 'trust':
      return `Trust ${n.actor(e.a)} → ${n.actor(e.b)} now ${round(e.value, 2)} (${str(e.reason).replace(/-/g, ' ')})`;
    case 'agreement':
      return `${n.agreement(e.agreement)} ${e.active ? 'in force' : 'suspended'}`;
    case 'right':
      return `${n.right(e.right)} ${e.active ? 'granted' : 'withdrawn'}`;
    case 'cross-border':
      return `${unit} pursues across the border into ${n.actor(e.into)}`;
    case 'sovereignty-incident':
      return `Sovereignty incident: ${n.actor(e.grantor)} protests ${unit}'s crossing`;
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
      return `${n.node(e.node)} has free units for a track but ${e.reason === 'caveat' ? 'their caveats bar them' : 'none may go there'}`;
    case 'caveat':
      return `${unit} held back by its ${str(e.caveat).replace(/-/g, ' ')} caveat`;
    case 'inject':
      return injectText(e, d, n);
    case 'narrative':
      return `Message to ${n.addressees(e.to)}: ${str(e.message)}`;
    case 'weather':
      return `Weather: ${n.zone(e.zone)} closed to ${str(e.closes).replace(/,/g, ', ')}`;
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

/** One MSEL mark on the timeline. */
export interface InjectMark {
  /** Unique among the marks (React key). */
  key: string;
  tick: number;
  /** The inject's kind (its colour). */
  kind: string;
  /** What it is, in words: "Inject L1: Ayorou: armed men on motorbikes". */
  label: string;
}

/** The exercise's MSEL as the white cell's exercise view holds it (null for a player). */
export interface TimelineMsel {
  entries: readonly MselEntry[] | null;
  fired: ReadonlyArray<{ serial: string; tick: number }> | null;
}

/**
 * The timeline's MSEL marks. The scenario's injects (in an actor's view, only those it has seen
 * fire: `seen`, inject ids from its feed); in an exercise the white cell's MSEL too: each firing
 * where it fired (entries added during play included; through an actor's eyes only those that
 * actor saw), and in the white cell's own view the timed entries still to come at their time.
 */
export function timelineInjects(
  d: WorldDescription | null,
  view: number,
  seen: readonly string[],
  msel: TimelineMsel | null,
): InjectMark[] {
  if (!d) return [];
  const n = namer(d);
  const saw = new Set(seen);
  const out: InjectMark[] = d.injects
    .filter((inj) => view < 0 || saw.has(inj.id))
    .map((inj) => ({
      key: inj.id,
      tick: inj.tick,
      kind: inj.kind,
      label: injectText({ k: 'inject', inject: inj.id, kind: inj.kind }, d, n),
    }));
  if (!msel?.entries || !msel.fired) return out;
  const bySerial = new Map(msel.entries.map((e) => [e.serial, e]));
  const mark = (e: MselEntry, tick: number, key: string) => ({
    key,
    tick,
    kind: e.effect?.kind ?? 'narrative',
    label: `Inject ${e.serial}${e.subject ? `: ${e.subject}` : ''}`,
  });
  const firings = new Map<string, number>();
  for (const f of msel.fired) {
    const k = firings.get(f.serial) ?? 0;
    firings.set(f.serial, k + 1);
    const e = bySerial.get(f.serial);
    const id = mselInjectId(f.serial, k);
    if (e && (view < 0 || saw.has(id))) out.push(mark(e, f.tick, id));
  }
  if (view >= 0) return out;
  for (const e of msel.entries) {
    if (e.timing.kind !== 'at' || firings.has(e.serial)) continue;
    out.push(mark(e, hoursToTick(e.timing.hours, d.scenario.tickMinutes), `planned:${e.serial}`));
  }
  return out;
}
