// KML export on every bundled scenario: well-formed XML (fast-xml-parser's validator, which
// refuses the malformed copies below, so the check can fail), one Placemark per zone, route,
// place, base and unit entry, each with a name, a description, an XML id and its fields as
// ExtendedData, the SIDC among them; coordinates as the scenario holds them; names with XML's
// special characters come back exactly.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { scenarioToKML } from '../../../src/author/exchange/kml-export';
import { validateScenario } from '../../../src/scenario/validate';
import { unitEntries } from '../../../src/sim/unit-entries';
import { SCENARIO_NAMES, scenario, scenarioDoc, unitEntryCount } from './scenarios';

interface Placemark {
  '@_id': string;
  name: string;
  description: string;
  ExtendedData: { Data: Array<{ '@_name': string; value: string }> };
  Polygon?: { outerBoundaryIs: { LinearRing: { coordinates: string } } };
  Point?: { coordinates: string };
  LineString?: { coordinates: string };
}
interface Folder {
  name: string;
  Folder?: Folder[];
  Placemark?: Placemark[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false, // keep "10031000001211000000" a string
  htmlEntities: true, // decode character references (tokml writes &#x26; for &)
  isArray: (tag) => tag === 'Folder' || tag === 'Placemark' || tag === 'Data',
});

/** Parses KML after checking it is well-formed; the top folder (named after the scenario). */
function parseKml(kml: string): Folder {
  expect(XMLValidator.validate(kml)).toBe(true);
  const doc = parser.parse(kml);
  expect(Object.keys(doc).filter((k) => !k.startsWith('?'))).toEqual(['kml']);
  expect(doc.kml['@_xmlns']).toBe('http://www.opengis.net/kml/2.2');
  const top = doc.kml.Document.Folder as Folder[];
  expect(top).toHaveLength(1);
  return top[0]!;
}

const placemarksOf = (f: Folder): Placemark[] => [
  ...(f.Placemark ?? []),
  ...(f.Folder ?? []).flatMap(placemarksOf),
];
const dataOf = (p: Placemark) =>
  new Map(p.ExtendedData.Data.map((d) => [d['@_name'], String(d.value)]));
const lonLats = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((c) => c.split(',').map(Number));

describe.each(SCENARIO_NAMES)('KML of scenario %s', (name) => {
  const sc = scenario(name);
  const top = parseKml(scenarioToKML(sc));
  const placemarks = placemarksOf(top);
  const byKind = (kind: string) => placemarks.filter((p) => dataOf(p).get('concordKind') === kind);

  it('is well-formed, in a folder per kind, with one Placemark per element', () => {
    expect(top.name).toBe(sc.name);
    expect(top.Folder!.map((f) => f.name)).toEqual([
      'Zones',
      ...(sc.routes.length ? ['Routes and sea lanes'] : []),
      ...(sc.places.length ? ['Places'] : []),
      'Bases',
      'Units',
    ]);
    expect(byKind('zone').map((p) => dataOf(p).get('concordId'))).toEqual(
      sc.zones.map((z) => z.id),
    );
    expect(byKind('route')).toHaveLength(sc.routes.length);
    expect(byKind('place')).toHaveLength(sc.places.length);
    expect(byKind('base')).toHaveLength(sc.bases.length);
    expect(byKind('unit').map((p) => dataOf(p).get('concordId'))).toEqual(
      unitEntries(sc).map((e) => e.unit.id),
    );
    expect(byKind('unit')).toHaveLength(unitEntryCount(sc));
    expect(placemarks).toHaveLength(
      sc.zones.length + sc.routes.length + sc.places.length + sc.bases.length + unitEntryCount(sc),
    );
    const ids = placemarks.map((p) => p['@_id']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of placemarks) {
      expect(p['@_id']).toMatch(/^(zone|route|place|base|unit)\.[a-z0-9][a-z0-9-]*$/); // an NCName
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.description.length).toBeGreaterThan(0);
    }
  });

  it("gives every unit its type's SIDC, count and owner, and every base its own SIDC", () => {
    unitEntries(sc).forEach(({ unit }, i) => {
      const d = dataOf(byKind('unit')[i]!);
      expect(d.get('sidc')).toBe(sc.unitTypes[unit.type]!.sidc);
      expect(d.get('count')).toBe(String(unit.count));
      expect(d.get('owner')).toBe(unit.owner);
    });
    sc.bases.forEach((b, i) => expect(dataOf(byKind('base')[i]!).get('sidc')).toBe(b.sidc));
  });

  it('writes coordinates as the scenario holds them', () => {
    sc.zones.forEach((z, i) => {
      const ring = byKind('zone')[i]!.Polygon!.outerBoundaryIs.LinearRing.coordinates;
      expect(lonLats(ring)).toEqual(z.polygon[0]);
    });
    sc.routes.forEach((r, i) =>
      expect(lonLats(byKind('route')[i]!.LineString!.coordinates)).toEqual(r.coordinates),
    );
    sc.places.forEach((p, i) =>
      expect(lonLats(byKind('place')[i]!.Point!.coordinates)).toEqual([p.position]),
    );
  });
});

describe('KML text', () => {
  it('keeps names with <, &, quotes and ]]> exactly, and the validator refuses broken copies', () => {
    const doc = scenarioDoc('sahel-ct') as {
      zones: Array<{ name: string }>;
      places: Array<{ name: string }>;
    };
    const zoneName = `Zone "A" <north> & Co's`;
    const placeName = 'Camp ]]> & <b>bold</b>';
    doc.zones[0]!.name = zoneName;
    doc.places[0]!.name = placeName;
    const v = validateScenario(doc);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const kml = scenarioToKML(v.value);
    const names = placemarksOf(parseKml(kml)).map((p) => String(p.name));
    expect(names).toContain(zoneName);
    expect(names).toContain(placeName);
    // The same text broken two ways is refused: the check is not a formality.
    expect(kml).toContain('&#x26; Co');
    expect(XMLValidator.validate(kml.replace('&#x26; Co', '& Co'))).not.toBe(true);
    expect(XMLValidator.validate(kml.replace('</Placemark>', ''))).not.toBe(true);
  });
});
