// What author mode draws from a document: for every bundled scenario, each zone and route and a
// mark for each unit, base, place and headquarters, in its owner's colour; a half-built or
// damaged document is drawn as far as it can be and never throws; the schema's problems are
// ringed at the item they are about.
import { describe, expect, it } from 'vitest';
import { docBBox, draftDrawing, frameDescription, unitPosition } from '../../src/author/draft';
import type { Doc } from '../../src/author/edit-session';
import { listOf } from '../../src/author/items';
import { problemPlaces } from '../../src/author/problem-places';
import { displayColors } from '../../src/map/colors';
import type { DraftMark } from '../../src/map/types';
import type { Problem } from '../../src/scenario/problems';
import { validateScenario } from '../../src/scenario/validate';
import type { LonLat } from '../../src/sim/describe';
import { SCENARIO_NAMES, scenarioDoc } from './exchange/scenarios';

type Item = Record<string, unknown> & { id: string };

const byKind = (marks: readonly DraftMark[], kind: DraftMark['kind']) =>
  marks.filter((m) => m.kind === kind);

describe.each(SCENARIO_NAMES)('the drawing of %s', (name) => {
  const doc = scenarioDoc(name) as Doc;
  const d = draftDrawing(doc);
  const actors = listOf(doc, 'actors');
  const colour = new Map(
    actors.map((a, i) => [a.id, displayColors(actors.map((x) => String(x.color)))[i]!]),
  );

  it('has every zone (all its rings) and every route, in the file’s order', () => {
    expect(d.zones.map((z) => z.id)).toEqual(listOf(doc, 'zones').map((z) => z.id));
    expect(d.routes.map((r) => r.id)).toEqual(listOf(doc, 'routes').map((r) => r.id));
    listOf(doc, 'zones').forEach((z, i) => {
      expect(d.zones[i]!.rings).toEqual(z.polygon);
      expect(d.zones[i]!.color).toBe(typeof z.owner === 'string' ? colour.get(z.owner) : null);
    });
    listOf(doc, 'routes').forEach((r, i) => expect(d.routes[i]!.coords).toEqual(r.coordinates));
  });

  it('marks every unit (at its base when it has no position), base, place and HQ', () => {
    const units = listOf(doc, 'units');
    const bases = new Map(listOf(doc, 'bases').map((b) => [b.id, b.position]));
    const types = doc.unitTypes as Record<string, { sidc: string }>;
    const unitMarks = byKind(d.marks, 'unit');
    expect(unitMarks.map((m) => m.id)).toEqual(units.map((u) => u.id));
    units.forEach((u, i) => {
      const m = unitMarks[i]!;
      expect(m.at).toEqual(u.position ?? bases.get(String(u.base)));
      expect(m.sidc).toBe(types[String(u.type)]!.sidc);
      expect(m.count).toBe(u.count ?? 1);
      expect(m.color).toBe(colour.get(String(u.owner)));
    });
    expect(byKind(d.marks, 'base').map((m) => [m.id, m.at])).toEqual(
      listOf(doc, 'bases').map((b) => [b.id, b.position]),
    );
    expect(byKind(d.marks, 'place').map((m) => [m.id, m.at])).toEqual(
      listOf(doc, 'places').map((p) => [p.id, p.position]),
    );
    expect(byKind(d.marks, 'hq').map((m) => [m.id, m.at, m.color])).toEqual(
      actors.map((a) => [a.id, a.hq, colour.get(a.id)]),
    );
    expect(d.marks).toHaveLength(
      units.length + listOf(doc, 'bases').length + listOf(doc, 'places').length + actors.length,
    );
    expect(d.active).toBeNull();
    expect(d.sketch).toBeNull();
  });

  it('frames the scenario’s own box and atlas, nothing of its content', () => {
    const f = frameDescription(doc);
    const geo = doc.geography as { bbox: number[]; atlas: string };
    expect(f.bbox).toEqual(geo.bbox);
    expect(f.scenario.atlas).toBe(geo.atlas);
    expect(f.scenario.id).toBe(doc.id);
    expect(f.units).toEqual([]);
    expect(f.zones).toEqual([]);
  });
});

describe('a half-built document', () => {
  it('with no tables at all is an empty drawing over a world view', () => {
    const d = draftDrawing({});
    expect([d.zones, d.routes, d.marks]).toEqual([[], [], []]);
    expect(docBBox({})).toEqual([-20, -35, 55, 40]);
    const f = frameDescription({});
    expect(f.scenario.id).toBe('draft');
    expect(f.scenario.atlas).toBe('50m');
  });

  it('draws what it can read and skips the rest, without throwing', () => {
    const doc: Doc = {
      geography: { bbox: [10, 0, 5, 20], atlas: '10m' }, // west > east: not a box
      actors: [{ id: 'a', kind: 'nation', color: 'not a colour', hq: [1, 2] }, { id: 'b' }],
      bases: [
        { id: 'b1', owner: 'a', position: [1, 1] },
        { id: 'b2', owner: 'a', position: [Number.NaN, 1] },
      ],
      zones: [
        {
          id: 'ok',
          polygon: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          owner: 'nobody',
        },
        { id: 'broken', polygon: [[[0, 0], [1]], 'x'] },
        { id: 'none', polygon: 'x' },
        { id: 'no-polygon' },
      ],
      routes: [
        { id: 'r1', coordinates: [[0, 0]] },
        {
          id: 'r2',
          coordinates: [
            [0, 0],
            ['x', 1],
          ],
        },
        { id: 'r3' },
      ],
      places: [
        { id: 'p1', position: [3, 3, 3] },
        { id: 'p2', position: [3, 3] },
      ],
      unitTypes: 'not an object',
      units: [
        { id: 'u-unknown-base', base: 'nowhere' },
        { id: 'u-at-base', base: 'b1', owner: 'a', type: 'nope' },
        { id: 'u-bad-base', base: 'b2' },
        { id: 'u-own', position: [4, 4], count: 3 },
      ],
    };
    let d: ReturnType<typeof draftDrawing> | undefined;
    expect(() => {
      d = draftDrawing(doc);
    }).not.toThrow();
    // A zone none of whose rings reads is not drawn (nor one without a polygon).
    expect(d!.zones.map((z) => [z.id, z.rings.length, z.color])).toEqual([['ok', 1, null]]);
    expect(d!.routes.map((r) => r.id)).toEqual(['r1']);
    expect(d!.marks.map((m) => m.id)).toEqual(['p2', 'a', 'b1', 'u-at-base', 'u-own']);
    const atBase = d!.marks.find((m) => m.id === 'u-at-base')!;
    expect(atBase.at).toEqual([1, 1]);
    expect(atBase.sidc).toBe('SFGPU----------');
    expect(d!.marks.find((m) => m.id === 'u-own')!.count).toBe(3);
    expect(docBBox(doc)).toEqual([-20, -35, 55, 40]);
    expect(frameDescription(doc).scenario.atlas).toBe('10m');
  });

  it('skips items that are not objects (null, a number, a string) instead of throwing', () => {
    const threw: string[] = [];
    for (const table of ['zones', 'routes', 'places', 'bases', 'units', 'actors']) {
      for (const junk of [null, 7, 'x']) {
        const doc: Doc = { actors: [{ id: 'a', hq: [0, 0] }], [table]: [junk] };
        try {
          draftDrawing(doc);
        } catch (e) {
          threw.push(`${table}: [${JSON.stringify(junk)}]: ${(e as Error).message}`);
        }
      }
    }
    expect(threw).toEqual([]);
  });

  it('unitPosition: its own position, else its base’s, else none', () => {
    const doc: Doc = { bases: [{ id: 'b', position: [5, 6] }] };
    expect(unitPosition(doc, { position: [1, 2], base: 'b' })).toEqual([1, 2]);
    expect(unitPosition(doc, { base: 'b' })).toEqual([5, 6]);
    expect(unitPosition(doc, { base: 'x' })).toBeNull();
    expect(unitPosition(doc, { position: 'x' })).toBeNull();
  });
});

describe('problemPlaces', () => {
  const doc = scenarioDoc('sahel-ct') as Doc;
  const bad = (path: string): Problem => ({ path, message: 'bad' });
  const unit2 = listOf(doc, 'units')[2]!;
  const baseOf = (u: Item) => listOf(doc, 'bases').find((b) => b.id === u.base)!.position;

  it('rings a problem at units[2].owner at unit 2 (its base: it has no position of its own)', () => {
    expect(unit2.position).toBeUndefined();
    expect(problemPlaces(doc, [bad('units[2].owner')])).toEqual([baseOf(unit2)]);
    // And at the unit's own position once it has one.
    const moved = structuredClone(doc);
    (listOf(moved, 'units')[2] as Item).position = [1.5, 15.5];
    expect(problemPlaces(moved, [bad('units[2].owner')])).toEqual([[1.5, 15.5]]);
  });

  it('one ring per item, however many problems it has; units[2] and units[20] are two', () => {
    const places = problemPlaces(doc, [
      bad('units[2].owner'),
      bad('units[2].base'),
      bad('units[2]'),
      bad('units[20].count'),
    ]);
    expect(places).toEqual([baseOf(unit2), baseOf(listOf(doc, 'units')[20]!)]);
  });

  it('rings a zone at its first vertex, a route at its first point, an actor at its HQ', () => {
    const zone = listOf(doc, 'zones')[0]!;
    const route = listOf(doc, 'routes')[1]!;
    const actor = listOf(doc, 'actors')[3]!;
    const place = listOf(doc, 'places')[4]!;
    const base = listOf(doc, 'bases')[5]!;
    expect(
      problemPlaces(doc, [
        bad('zones[0].polygon[0][3]'),
        bad('routes[1].kind'),
        bad('actors[3].hq'),
        bad('places[4].population'),
        bad('bases[5].stocks.fuel'),
      ]),
    ).toEqual([
      (zone.polygon as LonLat[][])[0]![0],
      (route.coordinates as LonLat[])[0],
      actor.hq,
      place.position,
      base.position,
    ]);
  });

  it('has no place for problems about the whole document, other tables or missing items', () => {
    expect(
      problemPlaces(doc, [
        bad('geography.bbox'),
        bad('injects[0].message'),
        bad('units'),
        bad('units[999].owner'),
        bad('xunits[0].owner'),
      ]),
    ).toEqual([]);
  });

  it('marks the real problems of a broken document where they are', () => {
    const broken = structuredClone(doc);
    (listOf(broken, 'units')[2] as Item).owner = 'atlantis';
    (listOf(broken, 'places')[4] as Item).population = -1;
    const v = validateScenario(broken);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const places = problemPlaces(broken, v.problems);
    expect(places).toHaveLength(2);
    expect(places).toEqual(
      expect.arrayContaining([baseOf(unit2), listOf(doc, 'places')[4]!.position]),
    );
  });
});
