// What author mode shows on the map, from the document as it stands (valid or not): zones,
// routes, places, bases, headquarters and units with their APP-6 symbol in the owner's colour,
// and the frame the map is built on (the scenario's box and atlas, nothing of its content).
// Pure: anything unreadable in a half-built document is skipped, never thrown on.
import { displayColors } from '../map/colors';
import type { DraftDrawing, DraftMark, DraftRoute, DraftZone } from '../map/types';
import type { LonLat, WorldDescription } from '../sim/describe';
import type { Doc } from './edit-session';
import { listOf } from './items';
import { isLonLat } from './shapes';

type BBox = [number, number, number, number];

const isRing = (r: unknown): r is LonLat[] => Array.isArray(r) && r.every(isLonLat);

/** The document's box, or a world view when it has none yet. */
export function docBBox(doc: Doc): BBox {
  const b = (doc.geography as { bbox?: unknown } | undefined)?.bbox;
  if (Array.isArray(b) && b.length === 4 && b.every(Number.isFinite) && b[0] < b[2] && b[1] < b[3])
    return b as BBox;
  return [-20, -35, 55, 40];
}

export const docAtlas = (doc: Doc): '50m' | '10m' =>
  (doc.geography as { atlas?: string } | undefined)?.atlas === '10m' ? '10m' : '50m';

/** Owner colours as the map shows them (the display rule keeps them clear of the threat red). */
// The display rule checks every owner pair as each dichromat sees it (several ms for ten
// owners): an edit that leaves the actors' colours as they were reuses the last answer.
let shownFor: { key: string; shown: string[] } | null = null;

export function ownerColors(doc: Doc): Map<string, string> {
  const actors = listOf(doc, 'actors');
  const colors = actors.map((a) => (typeof a.color === 'string' ? a.color : '#888888'));
  const key = colors.join(',');
  if (shownFor?.key !== key) shownFor = { key, shown: displayColors(colors) };
  const { shown } = shownFor;
  return new Map(actors.map((a, i) => [a.id, shown[i]!]));
}

/** A description with the document's box and atlas and nothing else: the basemap to draw on. */
export function frameDescription(doc: Doc): WorldDescription {
  return {
    scenario: {
      id: typeof doc.id === 'string' ? doc.id : 'draft',
      name: typeof doc.name === 'string' ? doc.name : 'New scenario',
      start: typeof doc.start === 'string' ? doc.start : '2027-01-01T00:00:00Z',
      tickMinutes: 15,
      totalTicks: 1,
      checkpointEveryTicks: 1,
      atlas: docAtlas(doc),
    },
    bbox: docBBox(doc),
    actors: [],
    unitTypes: [],
    units: [],
    bases: [],
    places: [],
    routes: [],
    zones: [],
    threatGroups: [],
    agreements: [],
    mechanisms: [],
    rights: [],
    taskForces: [],
    traffic: [],
    supplyRuns: [],
    injects: [],
  };
}

export function draftZones(doc: Doc, colors: Map<string, string>): DraftZone[] {
  const out: DraftZone[] = [];
  for (const z of listOf(doc, 'zones')) {
    const rings = Array.isArray(z.polygon) ? z.polygon.filter(isRing) : [];
    if (!rings.length) continue;
    const owner = typeof z.owner === 'string' ? (colors.get(z.owner) ?? null) : null;
    out.push({ id: z.id, kind: String(z.kind ?? 'sector'), color: owner, rings });
  }
  return out;
}

export function draftRoutes(doc: Doc): DraftRoute[] {
  const out: DraftRoute[] = [];
  for (const r of listOf(doc, 'routes')) {
    if (isRing(r.coordinates))
      out.push({ id: r.id, kind: String(r.kind ?? 'road'), coords: r.coordinates });
  }
  return out;
}

/** Where a unit is drawn: its own start position, else its base's. */
export function unitPosition(doc: Doc, u: Record<string, unknown>): LonLat | null {
  if (isLonLat(u.position)) return u.position;
  const base = listOf(doc, 'bases').find((b) => b.id === u.base);
  return base && isLonLat(base.position) ? base.position : null;
}

const nameOf = (x: Record<string, unknown>) =>
  typeof x.name === 'string' && x.name ? x.name : String(x.id);

export function draftMarks(doc: Doc, colors: Map<string, string>): DraftMark[] {
  const out: DraftMark[] = [];
  const colorOf = (owner: unknown) => colors.get(String(owner)) ?? '#888888';
  for (const p of listOf(doc, 'places'))
    if (isLonLat(p.position))
      out.push({ id: p.id, kind: 'place', name: nameOf(p), at: p.position, color: '#11161c' });
  for (const a of listOf(doc, 'actors'))
    if (isLonLat(a.hq))
      out.push({ id: a.id, kind: 'hq', name: `${nameOf(a)} HQ`, at: a.hq, color: colorOf(a.id) });
  for (const b of listOf(doc, 'bases'))
    if (isLonLat(b.position))
      out.push({
        id: b.id,
        kind: 'base',
        name: nameOf(b),
        at: b.position,
        color: colorOf(b.owner),
      });
  const types = (doc.unitTypes ?? {}) as Record<string, { sidc?: unknown }>;
  for (const u of listOf(doc, 'units')) {
    const at = unitPosition(doc, u);
    const sidc = types[String(u.type)]?.sidc;
    if (!at) continue;
    out.push({
      id: u.id,
      kind: 'unit',
      name: nameOf(u),
      at,
      color: colorOf(u.owner),
      sidc: typeof sidc === 'string' ? sidc : 'SFGPU----------',
      count: typeof u.count === 'number' ? u.count : 1,
    });
  }
  return out;
}

/** The whole drawing, nothing active or being drawn. */
export function draftDrawing(doc: Doc): DraftDrawing {
  const colors = ownerColors(doc);
  return {
    zones: draftZones(doc, colors),
    routes: draftRoutes(doc),
    marks: draftMarks(doc, colors),
    active: null,
    sketch: null,
    problems: [],
  };
}
