// GeoJSON export and import on every bundled scenario: the export is a FeatureCollection with
// one tagged feature per zone, route, place, base and unit entry, at the scenario's own [lon,
// lat]; written to text and read back, its zones, routes and places come back with the same ids,
// names, kinds and geometry (to 1e-6°), and only the bases and units are skipped, each with a
// problem that says so. Coordinates with 15 significant digits and polygon holes survive too.
import { describe, expect, it } from 'vitest';
import type { ScenarioFeature } from '../../../src/author/exchange/features';
import { scenarioToGeoJSON } from '../../../src/author/exchange/geojson-export';
import { featuresToScenarioParts } from '../../../src/author/exchange/geojson-import';
import { validateScenario } from '../../../src/scenario/validate';
import { unitEntries } from '../../../src/sim/unit-entries';
import { SCENARIO_NAMES, scenario, scenarioDoc, unitEntryCount } from './scenarios';

const EPS = 1e-6;

/** Every number of `a` within EPS of the same number of `b`, same nesting and lengths. */
function expectClose(a: unknown, b: unknown, where: string): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, `${where}: length`).toBe(b.length);
    a.forEach((x, i) => expectClose(x, b[i], `${where}[${i}]`));
    return;
  }
  expect(typeof a, where).toBe('number');
  expect(Math.abs((a as number) - (b as number)), where).toBeLessThanOrEqual(EPS);
}

const ofKind = (fs: ScenarioFeature[], kind: string) =>
  fs.filter((f) => f.properties.concord.kind === kind);

describe.each(SCENARIO_NAMES)('GeoJSON of scenario %s', (name) => {
  const sc = scenario(name);
  const geo = scenarioToGeoJSON(sc);

  it('has one tagged feature per zone, route, place, base and unit entry', () => {
    expect(geo.type).toBe('FeatureCollection');
    expect(ofKind(geo.features, 'zone').map((f) => f.properties.concord.id)).toEqual(
      sc.zones.map((z) => z.id),
    );
    expect(ofKind(geo.features, 'route').map((f) => f.properties.concord.id)).toEqual(
      sc.routes.map((r) => r.id),
    );
    expect(ofKind(geo.features, 'place')).toHaveLength(sc.places.length);
    expect(ofKind(geo.features, 'base')).toHaveLength(sc.bases.length);
    expect(ofKind(geo.features, 'unit')).toHaveLength(unitEntryCount(sc));
    const ids = geo.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of geo.features) {
      expect(f.id).toBe(`${f.properties.concord.kind}:${f.properties.concord.id}`);
      expect(f.properties.name.length).toBeGreaterThan(0);
      expect(f.properties.description.length).toBeGreaterThan(0);
    }
  });

  it('puts each unit at its own position or its base, with count, owner, type and SIDC', () => {
    const units = ofKind(geo.features, 'unit');
    const bases = new Map(sc.bases.map((b) => [b.id, b]));
    unitEntries(sc).forEach(({ unit }, i) => {
      const f = units[i]!;
      if (f.properties.concord.kind !== 'unit') throw new Error('not a unit');
      const type = sc.unitTypes[unit.type]!;
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toEqual(unit.position ?? bases.get(unit.base)!.position);
      expect(f.properties).toMatchObject({
        concord: { kind: 'unit', id: unit.id },
        count: unit.count,
        owner: unit.owner,
        type: unit.type,
        sidc: type.sidc,
        base: unit.base,
      });
    });
  });

  it('comes back through text with zones, routes and places unchanged to 1e-6°', () => {
    const parts = featuresToScenarioParts(JSON.parse(JSON.stringify(geo)));
    expect(parts.zones.map((z) => [z.id, z.name, z.kind, z.owner])).toEqual(
      sc.zones.map((z) => [z.id, z.name, z.kind, z.owner]),
    );
    parts.zones.forEach((z, i) => expectClose(z.polygon, sc.zones[i]!.polygon, `zones[${i}]`));
    expect(parts.routes.map((r) => [r.id, r.name, r.kind])).toEqual(
      sc.routes.map((r) => [r.id, r.name, r.kind]),
    );
    parts.routes.forEach((r, i) =>
      expectClose(r.coordinates, sc.routes[i]!.coordinates, `routes[${i}]`),
    );
    // Places keep every field, defaults included.
    expect(parts.places).toHaveLength(sc.places.length);
    parts.places.forEach((p, i) => {
      const { position, ...rest } = sc.places[i]!;
      expect(p).toMatchObject(rest);
      expectClose(p.position, position, `places[${i}]`);
    });
    // Only the bases and units were left out, and each one said so.
    const skipped = sc.bases.length + unitEntryCount(sc);
    expect(parts.problems).toHaveLength(skipped);
    for (const p of parts.problems) {
      expect(p.path).toMatch(/^features\[\d+\]\.properties\.concord\.kind$/);
      expect(p.message).toMatch(/^found "(base|unit)"; .*skipped$/);
    }
  });
});

describe('GeoJSON round trip of fine coordinates', () => {
  it('keeps 15 significant digits and polygon holes through text', () => {
    const doc = scenarioDoc('sahel-ct') as {
      zones: Array<{ polygon: number[][][] }>;
      routes: Array<{ coordinates: number[][] }>;
      places: Array<{ position: number[] }>;
    };
    const f = (x: number) => x + 0.123456789012345;
    doc.zones[0]!.polygon = [
      [
        [f(0), f(14)],
        [f(1), f(14)],
        [f(1), f(15)],
        [f(0), f(15)],
        [f(0), f(14)],
      ],
      [
        [f(0.2), f(14.2)],
        [f(0.4), f(14.2)],
        [f(0.4), f(14.4)],
        [f(0.2), f(14.2)],
      ],
    ];
    doc.routes[0]!.coordinates = [
      [f(-5), f(12)],
      [f(-4.5), f(12.25)],
      [f(-4), f(13)],
    ];
    doc.places[0]!.position = [f(2.3), f(15.8)];
    const v = validateScenario(doc);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const text = JSON.stringify(scenarioToGeoJSON(v.value, { kinds: ['zone', 'route', 'place'] }));
    const parts = featuresToScenarioParts(JSON.parse(text));
    expect(parts.problems).toEqual([]);
    expectClose(parts.zones[0]!.polygon, doc.zones[0]!.polygon, 'zones[0]');
    expectClose(parts.routes[0]!.coordinates, doc.routes[0]!.coordinates, 'routes[0]');
    expectClose(parts.places[0]!.position, doc.places[0]!.position, 'places[0]');
    expect(parts.zones[0]!.polygon).toHaveLength(2);
  });
});
