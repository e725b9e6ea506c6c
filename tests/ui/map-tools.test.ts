// The map tools' words and keys: the cursor readout's degrees (4 decimals, N/S E/W) and MGRS
// (checked against the mgrs package's own reference values, proj4js/mgrs test/test.js: the
// "third mgrs set" [-115.0820944, 36.2361322] → 11SPA7234911844, and [0, 0] → 31NAA6602100000),
// lengths and areas, and the one list of shortcuts the help overlay shows and the handlers use.
import { forward } from 'mgrs';
import { describe, expect, it } from 'vitest';
import {
  formatArea,
  formatBarLength,
  formatDegrees,
  formatKm,
  formatMgrs,
  formatNm,
} from '../../src/ui/map-tools/words';
import { isKey, keyLabel, SHORTCUT_GROUPS, SHORTCUTS } from '../../src/ui/shortcuts';

describe('cursor readout', () => {
  it('reads degrees to 4 decimals with N/S and E/W', () => {
    expect(formatDegrees(2.1098, 13.5116)).toBe('13.5116° N, 2.1098° E');
    expect(formatDegrees(-8.0029, 12.6392)).toBe('12.6392° N, 8.0029° W');
    expect(formatDegrees(151.20931, -33.86782)).toBe('33.8678° S, 151.2093° E');
    // Rounds to zero: no "0.0000° W".
    expect(formatDegrees(-0.00001, -0.00004)).toBe('0.0000° N, 0.0000° E');
  });

  it("gives the mgrs package's reference MGRS, split into zone, square, easting, northing", () => {
    // proj4js/mgrs test/test.js, "third mgrs set" (5 digits: 1 m).
    expect(forward([-115.0820944, 36.2361322])).toBe('11SPA7234911844');
    expect(formatMgrs(-115.0820944, 36.2361322, 5)).toBe('11S PA 72349 11844');
    // The same test file: [0, 0] at 5 digits, northing all zeros.
    expect(formatMgrs(0, 0, 5)).toBe('31N AA 66021 00000');
    // The readout's 10 m (4 digits) is the same square, truncated as mgrs truncates.
    expect(formatMgrs(-115.0820944, 36.2361322)).toBe('11S PA 7234 1184');
    // Niamey, as the library gives it at 4 digits.
    const ref = forward([2.1098, 13.5116], 4);
    expect(formatMgrs(2.1098, 13.5116).replaceAll(' ', '')).toBe(ref);
    expect(ref.startsWith('31P')).toBe(true);
    // No MGRS in the polar (UPS) caps.
    expect(formatMgrs(10, 85)).toBe('');
    expect(formatMgrs(10, -81)).toBe('');
  });
});

describe('lengths and areas', () => {
  it('writes km, nautical miles and km²', () => {
    expect(formatKm(1099.5305)).toBe('1,099.5 km');
    expect(formatKm(3.1449)).toBe('3.14 km');
    expect(formatNm(1099.5305)).toBe('593.7 NM');
    expect(formatNm(1.852)).toBe('1.00 NM');
    expect(formatArea(238030.4)).toBe('238,030 km²');
    expect(formatArea(512.34)).toBe('512.3 km²');
    expect(formatArea(0.5)).toBe('0.50 km²');
    expect(formatBarLength(200, 'km')).toBe('200 km');
    expect(formatBarLength(0.5, 'km')).toBe('500 m');
    expect(formatBarLength(5000, 'km')).toBe('5,000 km');
    expect(formatBarLength(0.5, 'NM')).toBe('0.5 NM');
  });
});

describe('shortcuts', () => {
  const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

  it('are one list with unique ids, each in a group the help shows', () => {
    const ids = SHORTCUTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const groups = new Set(SHORTCUT_GROUPS.map((g) => g.id));
    for (const s of SHORTCUTS) expect(groups.has(s.group)).toBe(true);
    for (const g of groups) expect(SHORTCUTS.some((s) => s.group === g)).toBe(true);
  });

  it('give each letter one meaning on its screen (the app; author mode, which has its own)', () => {
    for (const author of [false, true]) {
      const letters = SHORTCUTS.filter((s) => (s.group === 'author') === author).flatMap((s) =>
        'keys' in s ? s.keys.filter((k) => /^[a-z?]$/.test(k)) : [],
      );
      expect(letters.length).toBeGreaterThan(3);
      expect(new Set(letters).size).toBe(letters.length);
    }
    expect(keyLabel('move')).toBe('M');
    expect(keyLabel('measure')).toBe('R');
    expect(keyLabel('help')).toBe('?');
  });

  it('match keys as the handlers see them', () => {
    expect(isKey('move', key('m'))).toBe(true);
    expect(isKey('move', key('M', true))).toBe(true);
    expect(isKey('measure', key('r'))).toBe(true);
    expect(isKey('measure', key('m'))).toBe(false);
    expect(isKey('play', key(' '))).toBe(true);
    expect(isKey('help', key('?', true))).toBe(true);
    expect(isKey('measure-end', key('Enter'))).toBe(true);
    expect(isKey('measure-end', key('Enter', true))).toBe(false);
    expect(isKey('measure-close', key('Enter', true))).toBe(true);
    expect(isKey('measure-close', key('Enter'))).toBe(false);
    expect(isKey('measure-clear', key('Escape'))).toBe(true);
    // Listed for the help only: no key of its own.
    expect(isKey('context', key('ContextMenu'))).toBe(false);
  });
});
