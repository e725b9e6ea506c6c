// Symbol codes: the schema takes a 20-digit MIL-STD-2525D/E (APP-6D/E) code beside the
// 15-character 2525C one, checking each digit field's range; a 15-character code is judged
// exactly as before; a scenario using 20-digit codes validates and exports them; milsymbol
// draws them (in the panels' SVG and with the map's owner colours) and reads the standard
// identity from digits 3-4, so nothing of ours needs to read a code's letters.
import ms from 'milsymbol';
import { describe, expect, it } from 'vitest';
import { scenarioToGeoJSON } from '../../src/author/exchange/geojson-export';
import { scenarioToKML } from '../../src/author/exchange/kml-export';
import { ownerSymbolOptions } from '../../src/map/colors';
import { UnitType } from '../../src/scenario/schema';
import { validateScenario } from '../../src/scenario/validate';
import { symbolUrl } from '../../src/ui/symbol';
import { SCENARIO_NAMES, scenarioDoc } from '../author/exchange/scenarios';

const sidc = UnitType.shape.sidc;
const accepts = (code: string) => sidc.safeParse(code).success;
/** The 15-character rule before 20-digit codes were allowed. */
const OLD_RULE = /^[A-Z*-][A-Z*-][A-Z*-][A-Z*-][A-Z0-9*-]{11}$/;

const FRIEND_INFANTRY_D = '10031000001211000000';
const HOSTILE_INFANTRY_D = '10061000001211000000';

describe('20-digit 2525D/E codes', () => {
  it.each([
    FRIEND_INFANTRY_D,
    HOSTILE_INFANTRY_D,
    '13031000001211000000', // 2525E
    '10033000001201000000', // sea surface, military combatant
    '10031000141211040000', // platoon, motorised infantry
    '11131021001211000000', // exercise context, HQ
  ])('accepts %s', (code) => expect(accepts(code)).toBe(true));

  it.each([
    ['19 digits', '1003100000121100000'],
    ['21 digits', '100310000012110000000'],
    ['version 09', '09031000001211000000'],
    ['version 15', '15031000001211000000'],
    ['context 3', '10331000001211000000'],
    ['standard identity 7', '10071000001211000000'],
    ['status 6', '10031060001211000000'],
    ['HQ/TF/dummy 8', '10031008001211000000'],
    ['a letter among digits', '1003100000121100000A'],
    ['spaces', '1003 1000 0012 1100 00'],
  ])('refuses %s', (_what, code) => expect(accepts(code)).toBe(false));

  it('names both forms when it refuses a code', () => {
    const doc = scenarioDoc('sahel-ct') as { unitTypes: Record<string, { sidc: string }> };
    const [typeId] = Object.keys(doc.unitTypes);
    doc.unitTypes[typeId!]!.sidc = '10071000001211000000';
    const v = validateScenario(doc);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toContainEqual({
      path: `unitTypes.${typeId}.sidc`,
      message: expect.stringMatching(
        /^found "10071000001211000000"; a 15-character APP-6\/2525C letter code .* or a 20-digit 2525D\/E number code/,
      ),
    });
  });
});

describe('15-character 2525C codes, as before', () => {
  const used = SCENARIO_NAMES.flatMap(
    (n) => JSON.stringify(scenarioDoc(n)).match(/"sidc":"[^"]*"/g) ?? [],
  ).map((m) => m.slice(8, -1));
  const samples = [
    ...new Set(used),
    'SFGPUCI----E---',
    'SHGPU----------',
    'S*G*UCI--------',
    'sfgpuci----e---', // lower case
    'S1GPUCI----E---', // a digit in the first four
    'SFGPUCI----E--', // 14
    'SFGPUCI----E----', // 16
    'SFGPUCI----E-_-',
    '',
    '100310000012110', // 15 digits: not a 2525C code (digits in the first four)
  ];

  it.each(samples)('judges "%s" as the old rule did', (code) => {
    expect(accepts(code)).toBe(OLD_RULE.test(code));
  });

  it('covers every code the bundled scenarios use', () => {
    expect(used.length).toBeGreaterThan(50);
    for (const code of used) expect(accepts(code), code).toBe(true);
  });
});

describe('a scenario with 20-digit codes', () => {
  const doc = scenarioDoc('sahel-ct') as {
    unitTypes: Record<string, { sidc: string }>;
    bases: Array<{ sidc?: string }>;
    threats: Array<{ sidc: string }>;
  };
  for (const t of Object.values(doc.unitTypes)) t.sidc = FRIEND_INFANTRY_D;
  doc.bases[0]!.sidc = '10032000001100000000';
  for (const t of doc.threats) t.sidc = HOSTILE_INFANTRY_D;

  it('validates and exports the codes to GeoJSON and KML', () => {
    const v = validateScenario(doc);
    expect(v.ok ? [] : v.problems).toEqual([]);
    if (!v.ok) return;
    const units = scenarioToGeoJSON(v.value, { kinds: ['unit'] }).features;
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) expect(u.properties).toMatchObject({ sidc: FRIEND_INFANTRY_D });
    const kml = scenarioToKML(v.value);
    expect(kml).toContain(`<Data name="sidc"><value>${FRIEND_INFANTRY_D}</value></Data>`);
    expect(kml).toContain('<Data name="sidc"><value>10032000001100000000</value></Data>');
  });
});

describe('milsymbol draws 20-digit codes', () => {
  it.each([
    [FRIEND_INFANTRY_D, 'Friend', 'Ground'],
    [HOSTILE_INFANTRY_D, 'Hostile', 'Ground'],
    ['10033000001201000000', 'Friend', 'Sea'],
    ['13031000001211000000', 'Friend', 'Ground'],
  ])('%s: valid, %s, %s, as SVG and in owner colours', (code, affiliation, dimension) => {
    const sym = new ms.Symbol(code, { size: 22 });
    expect(sym.isValid()).toBe(true);
    expect(sym.getMetadata()).toMatchObject({ affiliation, dimension });
    expect(sym.asSVG()).toMatch(/^<svg[\s\S]*<\/svg>$/);
    // The map's options (src/map/symbols.ts renderSymbol) with an owner colour.
    expect(new ms.Symbol(code, { size: 22, ...ownerSymbolOptions('#1f77b4') }).isValid()).toBe(
      true,
    );
    // The panels' image (src/ui/symbol.tsx).
    expect(symbolUrl(code, 24)).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  it('says an unknown entity is not valid rather than failing (the check can fail)', () => {
    expect(new ms.Symbol('10031000001299990000').isValid()).toBe(false);
  });
});
