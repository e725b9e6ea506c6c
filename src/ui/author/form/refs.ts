// Which table an id field names (an owner is an actor, a unit's base a base, a patrol's zone a
// zone…), so the form offers the document's own ids by name instead of a blank text box. The
// same fields src/scenario/references.ts checks.
import type { Doc } from '../../../author/edit-session';
import { listOf } from '../../../author/items';

const ACTOR_FIELDS = new Set([
  'owner',
  'grantor',
  'grantee',
  'members',
  'host',
  'provider',
  'recipient',
  'commander',
  'users',
  'actor',
  'to',
  'from',
  'parties',
  'participants',
  'organisation',
  'sectorsTo',
]);
const BY_FIELD: Record<string, string> = {
  base: 'bases',
  zone: 'zones',
  area: 'zones',
  havens: 'zones',
  threat: 'threats',
  place: 'places',
  agreement: 'agreements',
  right: 'rights',
  route: 'routes',
  type: 'unitTypes',
};

/** The table an id field at `path` refers to, or null (a free identifier or text). */
export function refTable(path: ReadonlyArray<string | number>): string | null {
  const names = path.filter((k): k is string => typeof k === 'string');
  const field = names.at(-1) ?? '';
  const table = names[0] ?? '';
  if (table === 'supplyRuns' && (field === 'from' || field === 'to')) return 'bases';
  if (field === 'type' && names.includes('units')) return 'unitTypes';
  if (field === 'type' || field === 'kind' || field === 'id') return null;
  if (ACTOR_FIELDS.has(field)) return 'actors';
  return BY_FIELD[field] ?? null;
}

export interface RefOption {
  id: string;
  name: string;
}

/** The ids (with names) a reference field may take in this document. */
export function refOptions(doc: Doc, table: string): RefOption[] {
  if (table === 'unitTypes') {
    const types = (doc.unitTypes ?? {}) as Record<string, { name?: string }>;
    return Object.entries(types).map(([id, t]) => ({ id, name: t?.name ?? id }));
  }
  return listOf(doc, table).map((x) => ({
    id: x.id,
    name: typeof x.name === 'string' ? x.name : x.id,
  }));
}
