// A new scenario from the real atlas, as a planner makes one: Niger and Chad picked, each a
// nation with its headquarters on its own land and a colour of its own, the map framing both;
// the schema asks only for what is missing (bases, units), and once a base, a unit type from
// the palette and a unit are placed the document validates and runs as `concord run` runs it:
// the same hash twice, another with another seed.
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { type AtlasCountry, atlasCountries } from '../../src/author/atlas-countries';
import { addItem, updateItem } from '../../src/author/edit-ops';
import { type Doc, EditSession } from '../../src/author/edit-session';
import {
  nearestActor,
  nearestBase,
  newBase,
  newUnit,
  newZone,
  presetTypeId,
} from '../../src/author/items';
import { cellKmFor, framedBBox, newScenario } from '../../src/author/new-scenario';
import { circleRing } from '../../src/author/shapes';
import { UNIT_PRESETS } from '../../src/author/unit-presets';
import { runScenario } from '../../src/cli/run';
import {
  colorDistance,
  displayColors,
  MIN_DE_OWNERS,
  MIN_DE_RESERVED,
  parseColor,
  RESERVED_COLORS,
} from '../../src/map/colors';
import { DEFAULT_LIMITS } from '../../src/scenario/limits';
import { validateScenario } from '../../src/scenario/validate';
import type { LonLat } from '../../src/sim/describe';
import { gridCells } from '../../src/sim/estimate';
import { loadAtlas } from '../geo/atlas';

type Shape = Feature<Polygon | MultiPolygon, { name?: string }> & { id?: string | number };
type Actor = { id: string; name: string; kind: string; color: string; hq: LonLat };

const topo = loadAtlas('countries-50m') as Topology<{
  countries: GeometryCollection<{ name?: string }>;
}>;
const features = (feature(topo, topo.objects.countries) as unknown as { features: Shape[] })
  .features;
const COUNTRIES = atlasCountries(topo);

const country = (name: string): AtlasCountry => {
  const c = COUNTRIES.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} in the atlas`);
  return c;
};
const isoOf = (f: Shape) => String(f.id).padStart(3, '0');
/** Whether p is on the land of the country with this ISO code (any of its atlas features). */
const onLand = (iso: string, p: LonLat) =>
  features.some(
    (f) => f.id !== undefined && isoOf(f) === iso && booleanPointInPolygon(point(p), f),
  );

const START = '2027-03-01T00:00:00Z';
const NIAMEY: LonLat = [2.1254, 13.5116];
const lakeChad = () =>
  newScenario({
    name: 'Lake Chad basin',
    countries: [country('Niger'), country('Chad')],
    tickMinutes: 15,
    durationDays: 3,
    start: START,
  });
const actorsOf = (doc: Doc) => doc.actors as Actor[];

/** Completed as a planner would: a base at Niamey, the palette's infantry company, a unit. */
function completed(doc: Doc): Doc {
  const s = new EditSession(doc);
  const owner = nearestActor(s.doc, NIAMEY);
  s.edit('base', addItem('bases', newBase(s.doc, NIAMEY, owner)));
  const preset = UNIT_PRESETS.find((p) => p.id === 'inf-coy')!;
  const key = presetTypeId(s.doc, preset);
  s.edit('type', (d) => {
    (d.unitTypes as Record<string, unknown>)[key] = structuredClone(preset.type);
  });
  const at: LonLat = [2.3, 13.7];
  const base = nearestBase(s.doc, at, owner)!;
  s.edit('unit', addItem('units', newUnit(s.doc, at, key, owner, base.id)));
  return s.doc;
}

describe('atlasCountries', () => {
  it('lists Niger (562) and Chad (148) with extents that hold their inside points, by name', () => {
    const [niger, chad] = [country('Niger'), country('Chad')];
    expect(niger.iso).toBe('562');
    expect(chad.iso).toBe('148');
    for (const c of [niger, chad]) {
      const [w, s, e, n] = c.bbox;
      expect(w < c.inside[0] && c.inside[0] < e && s < c.inside[1] && c.inside[1] < n).toBe(true);
      expect(onLand(c.iso, c.inside)).toBe(true);
    }
    // Niger: about 0.2°E–16°E, 11.7°N–23.5°N.
    expect(niger.bbox[0]).toBeCloseTo(0.16, 1);
    expect(niger.bbox[2]).toBeCloseTo(15.96, 1);
    const names = COUNTRIES.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(COUNTRIES.length).toBeGreaterThan(200);
  });

  it('gives every country a point on its own land (a new nation’s headquarters)', () => {
    const offLand = COUNTRIES.filter((c) => !onLand(c.iso, c.inside)).map(
      (c) => `${c.name} [${c.inside.join(', ')}]`,
    );
    expect(offLand).toEqual([]);
  });

  it('frames a country across the antimeridian (Russia, Fiji) by one side, not the whole globe', () => {
    for (const name of ['Russia', 'Fiji']) {
      const [w, , e] = country(name).bbox;
      expect(e - w, name).toBeLessThan(180);
    }
  });
});

describe('framedBBox and cellKmFor', () => {
  const c = (bbox: [number, number, number, number]): AtlasCountry => ({
    iso: '000',
    name: 'X',
    bbox,
    inside: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2],
  });

  it('adds 8 % of the larger side (at least 1°) around the union, to 0.1°, within ±180/±85', () => {
    expect(framedBBox([c([0, 0, 10, 5])])).toEqual([-1, -1, 11, 6]);
    expect(framedBBox([c([0, 0, 50, 10])])).toEqual([-4, -4, 54, 14]);
    expect(framedBBox([c([0, 0, 10, 5]), c([20, -10, 30, 0])])).toEqual([-2.4, -12.4, 32.4, 7.4]);
    expect(framedBBox([c([170, 70, 179.5, 84])])).toEqual([168.9, 68.9, 180, 85]);
  });

  it('keeps 2.5 km cells for a country, coarser ones (in 0.5 km steps) for a continent', () => {
    expect(cellKmFor([0, 0, 10, 10])).toBe(2.5);
    // 60° × 60° at the equator: √(6,679 × 6,634 / 2e6) = 4.7 km → 5.
    expect(cellKmFor([0, -30, 60, 30])).toBe(5);
    for (const b of [
      [-20, -35, 55, 40],
      [-180, -85, 180, 85],
      [100, 0, 101, 1],
    ] as const) {
      const k = cellKmFor(b);
      expect(k).toBeGreaterThanOrEqual(2.5);
      expect(Number.isInteger(k * 2)).toBe(true);
    }
  });

  it('keeps any pick of countries under the engine’s cell limit', () => {
    for (const pick of [
      ['Niger', 'Chad'],
      ['Brazil', 'Argentina'],
      ['Algeria', 'South Africa'],
      ['Canada', 'Australia'],
      ['United States of America'],
      ['Vatican'],
    ]) {
      const bbox = framedBBox(pick.map(country));
      const cells = gridCells({ geography: { bbox, cellKm: cellKmFor(bbox) } } as never);
      expect(cells, pick.join(' + ')).toBeLessThanOrEqual(DEFAULT_LIMITS.cells);
    }
  });
});

describe('newScenario (Niger + Chad)', () => {
  const doc = lakeChad();
  const actors = actorsOf(doc);
  const geo = doc.geography as {
    atlas: string;
    bbox: [number, number, number, number];
    cellKm: number;
    countries: Array<{ iso: string; actor: string }>;
  };

  it('makes a nation per country, owning its territory, with its headquarters on its land', () => {
    expect(actors.map((a) => [a.id, a.name, a.kind])).toEqual([
      ['niger', 'Niger', 'nation'],
      ['chad', 'Chad', 'nation'],
    ]);
    expect(geo.countries).toEqual([
      { iso: '562', actor: 'niger' },
      { iso: '148', actor: 'chad' },
    ]);
    for (const { iso, actor } of geo.countries) {
      const a = actors.find((x) => x.id === actor)!;
      expect(onLand(iso, a.hq), `${actor} HQ ${a.hq}`).toBe(true);
      const other = geo.countries.find((x) => x.iso !== iso)!;
      expect(onLand(other.iso, a.hq)).toBe(false);
    }
    expect(geo.atlas).toBe('50m');
    expect(doc.start).toBe(START);
    expect(doc.tickMinutes).toBe(15);
    expect(doc.durationDays).toBe(3);
  });

  it('gives each nation its own colour, clear of the others and of the reserved threat colours', () => {
    const sahel = newScenario({
      name: 'Sahel',
      countries: ['Mali', 'Burkina Faso', 'Niger', 'Chad', 'Mauritania', 'Senegal'].map(country),
      tickMinutes: 30,
      durationDays: 10,
      start: START,
    });
    for (const d of [doc, sahel]) {
      const colors = actorsOf(d).map((a) => a.color);
      expect(new Set(colors).size).toBe(colors.length);
      const lab = colors.map(parseColor);
      lab.forEach((x, i) => {
        for (const r of RESERVED_COLORS)
          expect(colorDistance(x, r)).toBeGreaterThanOrEqual(MIN_DE_RESERVED);
        lab.forEach((y, j) => {
          if (i < j) expect(colorDistance(x, y)).toBeGreaterThanOrEqual(MIN_DE_OWNERS);
        });
      });
      // The map shows the file's colours as they are (the display rule changes none of them).
      expect(displayColors(colors)).toEqual(colors);
    }
  });

  it('frames both countries with a margin, and cells of 2.5 km', () => {
    const [w, s, e, n] = geo.bbox;
    for (const name of ['Niger', 'Chad']) {
      const b = country(name).bbox;
      expect(w + 1 <= b[0] && s + 1 <= b[1] && e - 1 >= b[2] && n - 1 >= b[3], name).toBe(true);
    }
    expect(geo.bbox).toEqual(framedBBox([country('Niger'), country('Chad')]));
    expect(geo.cellKm).toBe(2.5);
  });

  it('is invalid only for what is missing: bases and units, nothing else', () => {
    const v = validateScenario(doc);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems.map((p) => p.path).sort()).toEqual(['bases', 'units']);
  });

  it('keeps ids unique when the scenario and a country share a name', () => {
    const d = newScenario({
      name: 'Niger',
      countries: [country('Niger'), country('Chad')],
      tickMinutes: 15,
      durationDays: 3,
      start: START,
    });
    const ids = [d.id, ...actorsOf(d).map((a) => a.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['niger', 'niger-2', 'chad']);
    expect(validateScenario(completed(d)).ok).toBe(true);
  });

  it('validates with no problems once a base, a palette unit type and a unit are added', () => {
    const done = completed(lakeChad());
    const v = validateScenario(done);
    expect(v.ok ? [] : v.problems).toEqual([]);
    const unit = (done.units as Array<{ owner: string; base: string; type: string }>)[0]!;
    expect(unit.owner).toBe('niger');
    expect(unit.type).toBe('inf-coy');
    // The document handed in is untouched (the session edits a copy).
    expect(doc.bases).toEqual([]);
  });

  it('runs a day as `concord run` does: the same hash twice, another with another seed', () => {
    const s = new EditSession(completed(lakeChad()));
    // A patrol gives the run its random draws (a unit idle at its base draws none); with no
    // threat about, they reach the event log (and its hash) as the time the company, 12 h of
    // fuel, comes back to refuel.
    const zone = newZone(s.doc, circleRing([2.6, 13.9], 40), 'niger');
    s.edit('zone', addItem('zones', zone));
    const unitId = (s.doc.units as Array<{ id: string }>)[0]!.id;
    s.edit('patrol', updateItem('units', unitId, { task: { kind: 'patrol-area', zone: zone.id } }));
    const v = validateScenario(s.doc);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const a = runScenario(v.value, { seed: 7, days: 1 });
    const b = runScenario(v.value, { seed: 7, days: 1 });
    const c = runScenario(v.value, { seed: 8, days: 1 });
    expect(a.ticks).toBe(96);
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(b.hash).toBe(a.hash);
    expect(b.events).toBe(a.events);
    expect(c.hash).not.toBe(a.hash);
    for (const m of Object.values(a.metrics))
      if (typeof m === 'number') expect(Number.isFinite(m)).toBe(true);
  });
});
