// New items author mode adds to a scenario's tables: each complete enough to pass the schema on
// its own (ids unique in the document, owners and bases that exist), named so the planner can
// tell them apart until renamed. Positions come from where the planner clicked.
import { MECHANISM_COLLECTIONS } from '../scenario/references';
import type { LonLat } from '../sim/describe';
import type { Doc } from './edit-session';
import { IdPool } from './exchange/ids';
import { isLonLat, roundPoint } from './shapes';
import type { UnitPreset } from './unit-presets';

type Item = Record<string, unknown> & { id: string };

/** What binds actors together: treaties, rights and the coordination mechanisms. */
export const TREATY_TABLES = [
  'agreements',
  'rights',
  'taskForces',
  ...MECHANISM_COLLECTIONS,
] as const;

/** Tables whose items have ids (the object-valued unitTypes is keyed by id instead). */
export const TABLES = [
  'actors',
  ...TREATY_TABLES,
  'bases',
  'routes',
  'zones',
  'places',
  'units',
  'threats',
  'traffic',
  'supplyRuns',
  'injects',
] as const;
export type TableName = (typeof TABLES)[number];

/** A table's items that are objects (a half-built or hand-made file may hold anything). */
export const listOf = (doc: Doc, name: string): Item[] =>
  Array.isArray(doc[name])
    ? (doc[name] as unknown[]).filter((x): x is Item => typeof x === 'object' && x !== null)
    : [];

/** The item at a table's index as the document holds it (null: none, or not an object). */
export function entryAt(doc: Doc, name: string, index: number): Item | null {
  const x = Array.isArray(doc[name]) ? (doc[name] as unknown[])[index] : undefined;
  return typeof x === 'object' && x !== null ? (x as Item) : null;
}

/** The index in the document's own table of the item with this id (−1: none). */
export function indexOfId(doc: Doc, name: string, id: string): number {
  const list = Array.isArray(doc[name]) ? (doc[name] as unknown[]) : [];
  return list.findIndex((x) => typeof x === 'object' && x !== null && (x as Item).id === id);
}

/** Every id the document uses, in every table and among unit types. */
export function idsInDoc(doc: Doc): IdPool {
  const ids: string[] = [];
  for (const t of TABLES)
    for (const x of listOf(doc, t)) if (typeof x?.id === 'string') ids.push(x.id);
  const types = doc.unitTypes;
  if (types && typeof types === 'object') ids.push(...Object.keys(types));
  return new IdPool(ids);
}

export const actorIds = (doc: Doc, kind?: 'nation' | 'organisation'): string[] =>
  listOf(doc, 'actors')
    .filter((a) => !kind || a.kind === kind)
    .map((a) => a.id);

/** The item whose position (`posOf`; null: none) is nearest `at`, in degrees. */
function nearestBy(
  items: readonly Item[],
  at: LonLat,
  posOf: (x: Item) => LonLat | null,
): Item | null {
  let best: Item | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const x of items) {
    const p = posOf(x);
    if (!p) continue;
    const d = (p[0] - at[0]) ** 2 + (p[1] - at[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = x;
    }
  }
  return best;
}

/** The nation whose headquarters is nearest: a new thing's owner by default. */
export function nearestActor(doc: Doc, at: LonLat): string | null {
  const nations = listOf(doc, 'actors').filter((a) => a.kind === 'nation');
  const near = nearestBy(nations, at, (a) => (Array.isArray(a.hq) ? (a.hq as LonLat) : null));
  return near?.id ?? actorIds(doc)[0] ?? null;
}

/** "Base 3": the first number after the table's count whose name no item has yet. */
function freshName(doc: Doc, name: string, stem: string): string {
  const taken = new Set(listOf(doc, name).map((x) => x.name));
  let n = listOf(doc, name).length + 1;
  while (taken.has(`${stem} ${n}`)) n++;
  return `${stem} ${n}`;
}

export function newBase(doc: Doc, at: LonLat, owner: string | null): Item {
  const id = idsInDoc(doc).take('base');
  return {
    id,
    name: freshName(doc, 'bases', 'Base'),
    owner: owner ?? '',
    kind: 'base',
    position: roundPoint(at),
    stocks: { fuel: 500, supplies: 50 },
    capacity: { fuel: 1000, supplies: 100 },
    resupplyPerDay: { fuel: 100, supplies: 10 },
  };
}

export function newPlace(doc: Doc, at: LonLat): Item {
  return {
    id: idsInDoc(doc).take('place'),
    name: freshName(doc, 'places', 'Place'),
    kind: 'town',
    position: roundPoint(at),
    population: 10000,
  };
}

/** The nearest base of `owner` (units start at a base of their own nation). */
export function nearestBase(doc: Doc, at: LonLat, owner: string | null): Item | null {
  const bases = listOf(doc, 'bases').filter((b) => !owner || b.owner === owner);
  return nearestBy(bases, at, (b) => (b.position as LonLat | undefined) ?? [0, 0]);
}

/** A unit type's name without its parenthesis ("Infantry company"), for a new unit's name. */
function typeName(doc: Doc, type: string): string {
  const t = (doc.unitTypes as Record<string, { name?: unknown }> | undefined)?.[type];
  const name = typeof t?.name === 'string' ? t.name.replace(/\s*\(.*$/, '') : '';
  return name || type;
}

export function newUnit(
  doc: Doc,
  at: LonLat,
  type: string,
  owner: string | null,
  base: string,
): Item {
  return {
    id: idsInDoc(doc).take(type),
    name: freshName(doc, 'units', typeName(doc, type)),
    type,
    owner: owner ?? '',
    base,
    position: roundPoint(at),
  };
}

export function newZone(doc: Doc, ring: LonLat[], owner: string | null): Item {
  const zone: Item = {
    id: idsInDoc(doc).take('zone'),
    name: freshName(doc, 'zones', 'Zone'),
    kind: 'patrol-area',
    polygon: [ring.map(roundPoint)],
  };
  if (owner) zone.owner = owner;
  return zone;
}

export function newRoute(doc: Doc, coords: LonLat[]): Item {
  return {
    id: idsInDoc(doc).take('route'),
    name: freshName(doc, 'routes', 'Route'),
    kind: 'road',
    coordinates: coords.map(roundPoint),
  };
}

/**
 * The key a palette type goes under: its own id when free or already holding this very type,
 * else a free one (a scenario's own "uav" is not the palette's).
 */
export function presetTypeId(doc: Doc, preset: UnitPreset): string {
  const types = (doc.unitTypes ?? {}) as Record<string, unknown>;
  if (JSON.stringify(types[preset.id]) === JSON.stringify(preset.type)) return preset.id;
  // Free in the whole document (ids are unique across tables), else the next free one.
  return idsInDoc(doc).take(preset.id);
}

/** Between the nations' headquarters (a new organisation's, until the planner moves it). */
function meanHq(doc: Doc): LonLat {
  const hqs = listOf(doc, 'actors')
    .map((a) => a.hq)
    .filter(isLonLat);
  if (!hqs.length) return [0, 0];
  const mean = (i: 0 | 1) => hqs.reduce((s, p) => s + p[i], 0) / hqs.length;
  return roundPoint([mean(0), mean(1)]);
}

/**
 * Blank items for the tables edited in forms (the planner fills in the rest). They pass the
 * schema except for what only the planner can write: an inject's message is left empty, so
 * the problem at its field asks for it.
 */
export function newTableItem(doc: Doc, table: TableName): Item {
  const pool = idsInDoc(doc);
  const [a, b] = [actorIds(doc, 'nation')[0] ?? '', actorIds(doc, 'nation')[1] ?? ''];
  switch (table) {
    case 'actors':
      return {
        id: pool.take('organisation'),
        name: `Organisation ${listOf(doc, 'actors').filter((x) => x.kind === 'organisation').length + 1}`,
        kind: 'organisation',
        color: '#17becf',
        members: actorIds(doc, 'nation'),
        decisionRule: 'consensus',
        hq: meanHq(doc),
        decisionLatencyMin: 120,
      };
    case 'agreements':
      return {
        id: pool.take('agreement'),
        from: a,
        to: b,
        bidirectional: true,
        scope: 'all',
        latencyMin: 60,
      };
    case 'rights':
      return {
        id: pool.take('right'),
        kind: 'transit',
        grantor: a,
        grantee: b,
        domains: ['ground'],
      };
    case 'injects':
      return { id: pool.take('inject'), at: 'D+0 06:00', kind: 'narrative', to: [], message: '' };
    default:
      // taskForces → "task-force": ids are lower-case with dashes.
      return {
        id: pool.take(
          table
            .replace(/s$/, '')
            .replace(/([a-z])([A-Z])/g, '$1-$2')
            .toLowerCase(),
        ),
      };
  }
}
