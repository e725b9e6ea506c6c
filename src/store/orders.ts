// Orders on the map: what the order UI shows and the pure rules behind it. Which orders a
// selected unit's menu offers for a point on the map (move, patrol a zone there, return,
// assign, release), the sentence an order reads as in the feed ("Mali orders Malian JF coy
// (Ménaka) to move to 15.2°N 0.4°W"), the units list's search, and a small framework-free
// store (zustand vanilla) for the open menu, its dry-run verdicts, point picking ("M, then
// click") and the callout at the unit. Whether an order may be given is the engine's to say
// (src/sim/order-check.ts): nothing here refuses an order, it only asks and shows the answer.
import { createStore } from 'zustand/vanilla';
import type { PendingLeg } from '../map/types';
import type { WorldDescription } from '../sim/describe';
import type { Order } from '../sim/world';

/** ORDERED codes as snapshots carry them (src/sim/world.ts). */
export const ORDERED_KIND = { none: 0, move: 1, patrol: 2, return: 3 } as const;

export type UnitOrder = Extract<Order, { unit: string }>;
/** An order as the UI builds it: the tick is stamped when it is given. */
export type DraftOrder = UnitOrder extends infer O
  ? O extends { tick: number }
    ? Omit<O, 'tick'>
    : never
  : never;

// ——— words ———

/** "15.2°N 0.4°W": latitude then longitude, one decimal (about 10 km: enough to read). */
export function formatPoint(lon: number, lat: number): string {
  const f = (v: number, pos: string, neg: string) =>
    `${Math.abs(v).toFixed(1)}°${v < 0 ? neg : pos}`;
  return `${f(lat, 'N', 'S')} ${f(lon, 'E', 'W')}`;
}

/** What an order asks, after "… orders <unit>" (or alone, in a callout): "to move to 15.2°N 0.4°W". */
export function orderAim(o: DraftOrder | UnitOrder, d: WorldDescription): string {
  switch (o.kind) {
    case 'move':
      return `to move to ${formatPoint(o.position[0], o.position[1])}`;
    case 'patrol-area': {
      const z = d.zones.find((x) => x.id === o.zone);
      return `to patrol ${z?.name ?? o.zone}`;
    }
    case 'return':
      return 'to return to base';
    case 'assign': {
      if (o.command === 'national') return 'back under national command';
      const tf = d.taskForces.find((t) => t.id === o.command);
      return `under ${tf?.name ?? o.command}`;
    }
    case 'release':
      return "back to its staff's tasking";
  }
}

/**
 * One sentence for a unit order: "<owner> orders <unit> to move to 15.2°N 0.4°W", "<owner>
 * places <unit> under <task force>", "<owner> takes <unit> back under national command",
 * "<owner> releases <unit> back to its staff's tasking". `actorName` shortens an actor's name
 * (the feed's `shortName`); the owner speaks for the unit (the log does not say which role
 * gave the order). Null when the unit is not in this description.
 */
export function orderSentence(
  o: DraftOrder | UnitOrder,
  d: WorldDescription,
  actorName: (actor: number) => string,
): string | null {
  const u = d.units.find((x) => x.id === o.unit);
  if (!u) return null;
  const who = actorName(u.owner);
  const aim = orderAim(o, d);
  switch (o.kind) {
    case 'assign':
      return o.command === 'national'
        ? `${who} takes ${u.name} ${aim}`
        : `${who} places ${u.name} ${aim}`;
    case 'release':
      return `${who} releases ${u.name} ${aim}`;
    default:
      return `${who} orders ${u.name} ${aim}`;
  }
}

const UNIT_ORDER_KINDS = new Set(['move', 'patrol-area', 'return', 'assign', 'release']);

/** Reads a unit order out of an 'order' event's `detail` JSON; null for other orders. */
export function unitOrderOf(detail: unknown): UnitOrder | null {
  if (typeof detail !== 'string') return null;
  try {
    const o = JSON.parse(detail) as Record<string, unknown>;
    if (!o || typeof o.unit !== 'string' || !UNIT_ORDER_KINDS.has(String(o.kind))) return null;
    if (o.kind === 'move') {
      const p = o.position;
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return null;
    }
    return o as unknown as UnitOrder;
  } catch {
    return null;
  }
}

/**
 * The feed line of an 'order' event that orders a unit (see orderSentence), or null so the
 * feed keeps its generic line. `actorName` names an actor by its id.
 */
export function orderEventText(
  e: Record<string, unknown>,
  d: WorldDescription,
  actorName: (id: string) => string,
): string | null {
  const o = unitOrderOf(e.detail);
  if (!o) return null;
  return orderSentence(o, d, (a) => actorName(d.actors[a]?.id ?? String(a)));
}

/** Strips the engine's "<unit name>: " lead from a refusal shown at that unit. */
export function reasonAtUnit(error: string, unitName: string): string {
  const lead = `${unitName}: `;
  return error.startsWith(lead) ? error.slice(lead.length) : error;
}

// ——— geometry of zones (description lon/lat) ———

function inRing(ring: ReadonlyArray<readonly [number, number]>, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function ringArea(ring: ReadonlyArray<readonly [number, number]>): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  return Math.abs(a / 2);
}

/** Zone kinds a unit may be ordered to patrol (weather closures are not areas to patrol). */
const PATROLLABLE = new Set([
  'patrol-area',
  'sector',
  'aor',
  'border-strip',
  'territorial-sea',
  'safe-haven',
]);

/**
 * Zones a point lies in that a patrol order could name, most specific first: patrol areas,
 * then the rest, smaller before larger.
 */
export function patrolZonesAt(d: WorldDescription, lon: number, lat: number): number[] {
  const hits: Array<{ z: number; area: number; pa: number }> = [];
  d.zones.forEach((zone, z) => {
    if (!PATROLLABLE.has(zone.kind)) return;
    const [outer, ...holes] = zone.polygon;
    if (!outer || !inRing(outer, lon, lat) || holes.some((h) => inRing(h, lon, lat))) return;
    hits.push({ z, area: ringArea(outer), pa: zone.kind === 'patrol-area' ? 0 : 1 });
  });
  hits.sort((a, b) => a.pa - b.pa || a.area - b.area || a.z - b.z);
  return hits.map((h) => h.z);
}

/** Patrol areas nearest a point (by the mean of their outer ring), for a menu with no point. */
export function nearestPatrolAreas(
  d: WorldDescription,
  lon: number,
  lat: number,
  k: number,
): number[] {
  const out: Array<{ z: number; d2: number }> = [];
  d.zones.forEach((zone, z) => {
    const ring = zone.polygon[0];
    if (zone.kind !== 'patrol-area' || !ring?.length) return;
    let x = 0;
    let y = 0;
    for (const p of ring) {
      x += p[0];
      y += p[1];
    }
    x /= ring.length;
    y /= ring.length;
    const kx = Math.cos((lat * Math.PI) / 180);
    out.push({ z, d2: ((x - lon) * kx) ** 2 + (y - lat) ** 2 });
  });
  out.sort((a, b) => a.d2 - b.d2 || a.z - b.z);
  return out.slice(0, k).map((o) => o.z);
}

// ——— the order menu ———

export interface OrderMenuItem {
  /** Stable within one menu (verdicts are kept by it). */
  id: string;
  label: string;
  /** A second line: the base, the zone kind, what an assignment means. */
  detail?: string;
  /** Items of one group ('assign') are shown under a heading. */
  group?: 'assign';
  /** The order it gives, or `pick` for "choose a point on the map" (keyboard menus). */
  order: DraftOrder | 'pick';
}

/** What the menu needs to know about the unit now (from the latest snapshot). */
export interface UnitNow {
  /** ORDERED code (0 none). */
  ordered: number;
  /** Task force index, −1 national. */
  command: number;
  /** Its position (NaN when the view does not know it). */
  lon: number;
  lat: number;
}

/** What the unit list says of a unit: its command, and what it does or was ordered. */
export interface UnitStatusInput extends UnitNow {
  /** Its task in words (TASK_NAMES). */
  task: string;
  targetLon: number;
  targetLat: number;
  /** A patrol order's zone (description index), −1. */
  zone: number;
}

/** "National command · under orders: to 15.2°N 0.4°W" and the like, for the selected unit. */
export function unitStatus(
  d: WorldDescription,
  now: UnitStatusInput,
  pending: PendingOrder | undefined,
): string {
  if (!Number.isFinite(now.lon) || !Number.isFinite(now.lat)) return 'not under your command now';
  const command =
    now.command >= 0
      ? `under ${d.taskForces[now.command]?.name ?? 'a task force'}`
      : 'national command';
  if (pending) return `${command} · ordered ${orderAim(pending.order, d)} (from the next tick)`;
  const target = Number.isFinite(now.targetLon)
    ? ` to ${formatPoint(now.targetLon, now.targetLat)}`
    : '';
  switch (now.ordered) {
    case ORDERED_KIND.move:
      return `${command} · under orders: move${target}`;
    case ORDERED_KIND.patrol:
      return `${command} · under orders: patrol ${d.zones[now.zone]?.name ?? 'a zone'}`;
    case ORDERED_KIND.return:
      return `${command} · under orders: return to base`;
    default:
      return `${command} · staff tasking: ${now.task.replace(/-/g, ' ')}`;
  }
}

/** At most this many "Patrol …" items (the most specific zones). */
export const MAX_PATROL_ITEMS = 2;

/** Whether a nation (or the white cell, −1) may place units under task force tf. */
export function mayUseTaskForce(d: WorldDescription, actor: number, tf: number): boolean {
  const t = d.taskForces[tf];
  if (!t) return false;
  if (actor < 0 || t.commander === actor) return true;
  return d.actors[t.commander]?.members.includes(actor) ?? false;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * The menu for unit u: at a point on the map ("Move here", "Patrol <zone>" for zones there),
 * or — opened from the keyboard, with no point — "Move to a point on the map…" and patrols of
 * the zones around the unit; then "Return to base", "Assign to …" (national or the task forces
 * `actor` may use; −1 the white cell: all), and "Release to staff" when under orders.
 */
export function orderMenuItems(
  d: WorldDescription,
  u: number,
  now: UnitNow,
  point: { lon: number; lat: number } | null,
  actor: number,
): OrderMenuItem[] {
  const unit = d.units[u];
  if (!unit) return [];
  const items: OrderMenuItem[] = [];
  const id = unit.id;
  if (point) {
    const position: [number, number] = [round3(point.lon), round3(point.lat)];
    items.push({
      id: 'move',
      label: 'Move here',
      detail: formatPoint(position[0], position[1]),
      order: { kind: 'move', unit: id, position },
    });
  } else
    items.push({
      id: 'pick',
      label: 'Move to a point on the map…',
      detail: 'then click the map (M)',
      order: 'pick',
    });
  let zones: number[] = [];
  if (point) zones = patrolZonesAt(d, point.lon, point.lat);
  else if (Number.isFinite(now.lon) && Number.isFinite(now.lat)) {
    zones = patrolZonesAt(d, now.lon, now.lat).filter((z) => d.zones[z]?.kind === 'patrol-area');
    for (const z of nearestPatrolAreas(d, now.lon, now.lat, MAX_PATROL_ITEMS))
      if (!zones.includes(z)) zones.push(z);
  }
  for (const z of zones.slice(0, MAX_PATROL_ITEMS)) {
    const zone = d.zones[z]!;
    items.push({
      id: `patrol:${zone.id}`,
      label: `Patrol ${zone.name}`,
      detail: zone.kind.replace(/-/g, ' '),
      order: { kind: 'patrol-area', unit: id, zone: zone.id },
    });
  }
  const home = d.bases[unit.home];
  items.push({
    id: 'return',
    label: 'Return to base',
    ...(home ? { detail: home.name } : {}),
    order: { kind: 'return', unit: id },
  });
  if (now.command >= 0)
    items.push({
      id: 'assign:national',
      label: 'National command',
      detail: `${d.actors[unit.owner]?.name ?? 'its owner'} commands it`,
      group: 'assign',
      order: { kind: 'assign', unit: id, command: 'national' },
    });
  d.taskForces.forEach((tf, k) => {
    if (k === now.command || !mayUseTaskForce(d, actor, k)) return;
    items.push({
      id: `assign:${tf.id}`,
      label: tf.name,
      detail: `commanded by ${d.actors[tf.commander]?.name ?? '?'}`,
      group: 'assign',
      order: { kind: 'assign', unit: id, command: tf.id },
    });
  });
  if (now.ordered !== ORDERED_KIND.none)
    items.push({
      id: 'release',
      label: 'Release to staff',
      detail: 'its staff tasks it again',
      order: { kind: 'release', unit: id },
    });
  return items;
}

// ——— the units list ———

/** Units matching a search (name, id or owner name, any order of words), by owner then name. */
export function searchUnits(d: WorldDescription, query: string): number[] {
  const words = query
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/\s+/)
    .filter(Boolean);
  const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const out: number[] = [];
  d.units.forEach((u, i) => {
    const hay = fold(`${u.name} ${u.id} ${d.actors[u.owner]?.name ?? ''}`);
    if (words.every((w) => hay.includes(w))) out.push(i);
  });
  return out.sort(
    (a, b) =>
      d.units[a]!.owner - d.units[b]!.owner ||
      d.units[a]!.name.localeCompare(d.units[b]!.name, 'en') ||
      a - b,
  );
}

// ——— orders given, not yet carried out ———

/** An order this screen gave at `tick`: the engine carries it out when the next tick runs. */
export interface PendingOrder {
  unit: number;
  tick: number;
  order: DraftOrder;
}

/** How the map draws a pending order (null: nothing to draw — an assignment or release). */
export function pendingLeg(p: PendingOrder, d: WorldDescription): PendingLeg | null {
  const o = p.order;
  switch (o.kind) {
    case 'move':
      return {
        unit: p.unit,
        kind: ORDERED_KIND.move,
        lon: o.position[0],
        lat: o.position[1],
        zone: -1,
      };
    case 'patrol-area': {
      const zone = d.zones.findIndex((z) => z.id === o.zone);
      return zone < 0
        ? null
        : { unit: p.unit, kind: ORDERED_KIND.patrol, lon: Number.NaN, lat: Number.NaN, zone };
    }
    case 'return': {
      const b = d.bases[d.units[p.unit]?.home ?? -1];
      return b
        ? { unit: p.unit, kind: ORDERED_KIND.return, lon: b.lon, lat: b.lat, zone: -1 }
        : null;
    }
    default:
      return null;
  }
}

/** The pending list after `p` is given: the unit's latest order at a tick is what it will do. */
export function withPending(list: readonly PendingOrder[], p: PendingOrder): PendingOrder[] {
  const rest = list.filter((x) => x.unit !== p.unit);
  // An assignment or a release at the same tick undoes a move or patrol given before it.
  return p.order.kind === 'assign' || p.order.kind === 'release' ? rest : [...rest, p];
}

// ——— the order UI's state ———

export interface OrderMenuState {
  unit: number;
  /** The map point it was opened at (right-click), or null (keyboard, button). */
  point: { lon: number; lat: number } | null;
  /** Anchor, CSS px relative to the map area. */
  x: number;
  y: number;
  items: OrderMenuItem[];
  /** Dry-run answers by item id: absent while asking, null when it would be accepted. */
  verdicts: Record<string, string | null>;
  /** Bumped per menu opened (late dry-run answers for an older menu are dropped). */
  seq: number;
}

export interface OrderCallout {
  seq: number;
  unit: number;
  kind: 'refused' | 'ordered';
  /** The engine's sentence (refused), or what was ordered. */
  text: string;
}

export interface OrdersState {
  menu: OrderMenuState | null;
  /** The unit being sent by "M, then click", or −1. */
  picking: number;
  /** Under the pointer while picking: where, and the dry-run verdict (undefined: asking). */
  pickAt: { x: number; y: number; verdict: string | null | undefined } | null;
  callout: OrderCallout | null;
  /** The units list: open, and its search text. */
  listOpen: boolean;
  query: string;
  /** Orders given on this screen at the current tick, not yet carried out. */
  pending: PendingOrder[];
  /** Numbers menus and callouts. */
  seq: number;
}

export const ordersStore = createStore<OrdersState>()(() => ({
  menu: null,
  picking: -1,
  pickAt: null,
  callout: null,
  listOpen: false,
  query: '',
  pending: [],
  seq: 0,
}));

export const getOrders = (): OrdersState => ordersStore.getState();

export function openOrderMenu(m: Omit<OrderMenuState, 'verdicts' | 'seq'>): number {
  const s = getOrders().seq + 1;
  ordersStore.setState({ seq: s, menu: { ...m, verdicts: {}, seq: s }, picking: -1, pickAt: null });
  return s;
}

export function closeOrderMenu(): void {
  if (getOrders().menu) ordersStore.setState({ menu: null });
}

/** A dry-run answer for an item of the menu opened as `menuSeq`. */
export function setVerdict(menuSeq: number, item: string, verdict: string | null): void {
  const m = getOrders().menu;
  if (!m || m.seq !== menuSeq) return;
  ordersStore.setState({ menu: { ...m, verdicts: { ...m.verdicts, [item]: verdict } } });
}

export function startPicking(unit: number): void {
  ordersStore.setState({ picking: unit, pickAt: null, menu: null });
}

export function stopPicking(): void {
  if (getOrders().picking >= 0 || getOrders().pickAt)
    ordersStore.setState({ picking: -1, pickAt: null });
}

export function setPickAt(p: OrdersState['pickAt']): void {
  ordersStore.setState({ pickAt: p });
}

export function showCallout(c: Omit<OrderCallout, 'seq'>): number {
  const s = getOrders().seq + 1;
  ordersStore.setState({ seq: s, callout: { ...c, seq: s } });
  return s;
}

/** Dismisses the callout (only the one numbered `which`, when given). */
export function dismissCallout(which?: number): void {
  const c = getOrders().callout;
  if (c && (which === undefined || c.seq === which)) ordersStore.setState({ callout: null });
}

export function setUnitsList(open: boolean): void {
  ordersStore.setState({ listOpen: open });
}

export function setUnitQuery(query: string): void {
  ordersStore.setState({ query });
}

export function addPending(p: PendingOrder): void {
  ordersStore.setState({ pending: withPending(getOrders().pending, p) });
}

/** Keeps only orders given at `tick` (the clock moved: the engine has the others, or dropped them). */
export function prunePending(tick: number): void {
  const { pending } = getOrders();
  if (pending.some((p) => p.tick !== tick))
    ordersStore.setState({ pending: pending.filter((p) => p.tick === tick) });
}

/** Forgets everything tied to one description (a new scenario, another role on screen). */
export function resetOrdersUi(): void {
  ordersStore.setState({ menu: null, picking: -1, pickAt: null, callout: null, pending: [] });
}
