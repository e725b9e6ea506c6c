// The edits author mode makes, as immer recipes for EditSession.edit: a field at a path, an
// item of a table (units, zones, routes, places, agreements…) added, changed, removed, a zone's
// vertex moved. Tables hold items with an `id`; paths are the document's own keys and indices.
import type { Doc } from './edit-session';

export type Path = ReadonlyArray<string | number>;
type Item = Record<string, unknown> & { id: string };
type Recipe = (draft: Doc) => void;

function at(draft: Doc, path: Path): Record<string | number, unknown> {
  let node: unknown = draft;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) throw new Error(`no ${path.join('.')}`);
    node = (node as Record<string | number, unknown>)[key];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`no ${path.join('.')}`);
  return node as Record<string | number, unknown>;
}

function table(draft: Doc, name: string): Item[] {
  if (!Array.isArray(draft[name])) draft[name] = [];
  return draft[name] as Item[];
}

/** Sets the value at a path (the last key is created on its parent if absent). */
export const setAt =
  (path: Path, value: unknown): Recipe =>
  (draft) => {
    if (!path.length) throw new Error('setAt: an empty path');
    const parent = at(draft, path.slice(0, -1));
    parent[path.at(-1)!] = structuredClone(value);
  };

export const addItem =
  (name: string, item: Item): Recipe =>
  (draft) => {
    table(draft, name).push(structuredClone(item));
  };

export const updateItem =
  (name: string, id: string, patch: Record<string, unknown>): Recipe =>
  (draft) => {
    const item = table(draft, name).find((x) => x.id === id);
    if (!item) throw new Error(`no ${name} "${id}"`);
    Object.assign(item, structuredClone(patch));
  };

export const removeItem =
  (name: string, id: string): Recipe =>
  (draft) => {
    const list = table(draft, name);
    const i = list.findIndex((x) => x.id === id);
    if (i >= 0) list.splice(i, 1);
  };

/** Moves one vertex of a polygon zone's ring; the closing vertex follows the first. */
export const moveVertex =
  (zoneId: string, ring: number, index: number, lonLat: [number, number]): Recipe =>
  (draft) => {
    const zone = table(draft, 'zones').find((z) => z.id === zoneId);
    const rings = (zone?.polygon ?? null) as Array<Array<[number, number]>> | null;
    const r = rings?.[ring];
    if (!r || index < 0 || index >= r.length) throw new Error(`no vertex ${index} of ${zoneId}`);
    r[index] = [lonLat[0], lonLat[1]];
    const last = r.length - 1;
    if (index === 0) r[last] = [lonLat[0], lonLat[1]];
    else if (index === last) r[0] = [lonLat[0], lonLat[1]];
  };

/** Removes the key at a path (an optional field cleared: the schema's default applies). */
export const unsetAt =
  (path: Path): Recipe =>
  (draft) => {
    if (!path.length) throw new Error('unsetAt: an empty path');
    const parent = at(draft, path.slice(0, -1));
    const key = path.at(-1)!;
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
  };
