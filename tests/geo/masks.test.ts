import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMasks,
  CODE_LAND,
  CODE_OTHER,
  type GeoMasks,
  snapToDomain,
} from '../../src/sim/geo/masks';
import { toX, toY } from '../../src/sim/geo/projection';
import { cellOf } from '../../src/sim/geo/raster';
import { loadAtlas } from './atlas';

function cellAt(m: GeoMasks, lon: number, lat: number): number {
  const c = cellOf(m.spec, toX(m.proj, lon), toY(m.proj, lat));
  expect(c).toBeGreaterThanOrEqual(0);
  return c;
}

const MALI = 1;
const BURKINA = 2;
const NIGER = 3;
const MAURITANIA = 4;

describe('masks from the 50m atlas (Sahel, with the Gulf of Guinea)', () => {
  let m: GeoMasks;
  beforeAll(() => {
    m = buildMasks(loadAtlas('countries-50m'), {
      bbox: [-13, 3, 17, 25],
      cellKm: 5,
      territorialSeaNm: 12,
      countryIsos: ['466', '854', '562', '478', '148'],
      zones: [
        {
          // A 1° square around Niamey with a 0.2° hole in the middle.
          polygon: [
            [
              [1.6, 13.0],
              [2.6, 13.0],
              [2.6, 14.0],
              [1.6, 14.0],
              [1.6, 13.0],
            ],
            [
              [2.0, 13.4],
              [2.2, 13.4],
              [2.2, 13.6],
              [2.0, 13.6],
              [2.0, 13.4],
            ],
          ],
        },
        {
          polygon: [
            [
              [-9, 12],
              [-7, 12],
              [-8, 14],
            ],
          ],
        },
      ],
    });
  });

  it('codes capitals as their country and the gulf as open sea', () => {
    expect(m.land[cellAt(m, 2.11, 13.51)]).toBe(NIGER);
    expect(m.land[cellAt(m, -7.95, 12.53)]).toBe(MALI);
    expect(m.land[cellAt(m, -1.52, 12.37)]).toBe(BURKINA); // Ouagadougou
    expect(m.land[cellAt(m, -10.0, 18.08)]).toBe(MAURITANIA); // inland Mauritania
    const gulf = cellAt(m, 2.0, 4.0);
    expect(m.land[gulf]).toBe(0);
    expect(m.sea[gulf]).toBe(0);
    expect(m.seaCode[gulf]).toBe(0);
  });

  it('codes unlisted land and its territorial sea as 255, land as 254 for ships', () => {
    expect(m.land[cellAt(m, -1.68, 6.69)]).toBe(CODE_OTHER); // Kumasi, Ghana
    expect(m.seaCode[cellAt(m, -1.68, 6.69)]).toBe(CODE_LAND);
    expect(m.groundCode).toBe(m.land);
    const offLome = cellAt(m, 1.3, 6.0); // ~15 km off Togo
    expect(m.land[offLome]).toBe(0);
    expect(m.sea[offLome]).toBe(CODE_OTHER);
    expect(m.seaCode[offLome]).toBe(CODE_OTHER);
  });

  it('measures distance to land borders', () => {
    // On the Mali–Niger border near Ménaka / Ayorou.
    expect(m.borderKm[cellAt(m, 2.5, 15.35)]).toBeLessThan(15);
    expect(m.borderKm[cellAt(m, 1.0, 15.0)]).toBeLessThan(15);
    // Deep inside Mauritania: the nearest border is ~290 km away.
    const deep = m.borderKm[cellAt(m, -10.5, 20.5)]!;
    expect(deep).toBeGreaterThan(250);
    expect(deep).toBeLessThan(330);
    // Niamey is ~90 km from the Burkina Faso border (Makalondi road).
    const niamey = m.borderKm[cellAt(m, 2.11, 13.51)]!;
    expect(niamey).toBeGreaterThan(60);
    expect(niamey).toBeLessThan(120);
  });

  it('sets zone bits, honouring holes', () => {
    expect(m.zones[cellAt(m, 1.8, 13.2)]).toBe(1);
    expect(m.zones[cellAt(m, 2.1, 13.5)]).toBe(0); // in the hole
    expect(m.zones[cellAt(m, -8, 12.5)]).toBe(2);
    expect(m.zones[cellAt(m, 5, 20)]).toBe(0);
    let inZone0 = 0;
    for (const z of m.zones) if (z & 1) inZone0++;
    // 1° × 1° minus 0.2° × 0.2° at 5 km cells: ~ (107.8 × 111.3 − 21.6 × 22.3) / 25 ≈ 461.
    expect(inZone0).toBeGreaterThan(430);
    expect(inZone0).toBeLessThan(495);
  });

  it('snaps a port in the sea to land and a berth on land to the sea', () => {
    const land = new Uint8Array(256).fill(1);
    land[0] = 0;
    const sea = new Uint8Array(256);
    sea[0] = 1;
    sea[CODE_OTHER] = 1;
    // 20 km off Lomé (Togo) at sea: snap to the nearest land cell.
    const x = toX(m.proj, 1.22);
    const y = toY(m.proj, 5.95);
    expect(m.land[cellOf(m.spec, x, y)]).toBe(0);
    const p = snapToDomain(m, m.groundCode, land, x, y, 50);
    expect(p).not.toBeNull();
    const [px, py] = p!;
    expect(m.land[cellOf(m.spec, px, py)]).not.toBe(0);
    expect(Math.hypot(px - x, py - y)).toBeLessThan(25);
    // A berth on that coastal land cell goes back to sea within a few cells.
    const b = snapToDomain(m, m.seaCode, sea, px, py, 50);
    expect(b).not.toBeNull();
    expect(m.seaCode[cellOf(m.spec, b![0], b![1])]).not.toBe(CODE_LAND);
    expect(Math.hypot(b![0] - px, b![1] - py)).toBeLessThan(12);
    // Already allowed: unchanged. Nothing within range: null.
    expect(snapToDomain(m, m.groundCode, land, 100, 600, 10)).toEqual([100, 600]);
    const inland = [toX(m.proj, 0), toY(m.proj, 18)] as const;
    expect(snapToDomain(m, m.seaCode, sea, inland[0], inland[1], 100)).toBeNull();
  });
});

describe('masks from the 10m atlas (Singapore Strait)', () => {
  let m: GeoMasks;
  const INDONESIA = 1;
  const MALAYSIA = 2;
  const SINGAPORE = 3;
  beforeAll(() => {
    m = buildMasks(loadAtlas('countries-10m'), {
      bbox: [103, 0.5, 105, 2],
      cellKm: 1,
      territorialSeaNm: 12,
      countryIsos: ['360', '458', '702'],
      zones: [],
    });
  });

  it('finds Singapore, Johor and Batam as land', () => {
    expect(m.land[cellAt(m, 103.82, 1.35)]).toBe(SINGAPORE);
    expect(m.land[cellAt(m, 103.75, 1.55)]).toBe(MALAYSIA); // Johor Bahru
    expect(m.land[cellAt(m, 104.03, 1.08)]).toBe(INDONESIA); // Batam
  });

  it('splits the strait at the median line', () => {
    const strait = cellAt(m, 103.85, 1.2);
    expect(m.land[strait]).toBe(0);
    expect(m.seaCode[strait]).not.toBe(254);
    // Just south of Singapore's coast: Singapore; just north of Batam: Indonesia.
    expect(m.sea[cellAt(m, 103.85, 1.24)]).toBe(SINGAPORE);
    expect(m.sea[cellAt(m, 104.0, 1.2)]).toBe(INDONESIA);
    expect(m.seaCode[cellAt(m, 104.0, 1.2)]).toBe(INDONESIA);
    // The Johor Strait north of Singapore island is split with Malaysia.
    expect(m.sea[cellAt(m, 103.8, 1.47)]).toBe(MALAYSIA);
  });
});

describe('shapes across the antimeridian', () => {
  it('unwraps Fiji and Chukotka into a box east of 180°', () => {
    const fiji = buildMasks(loadAtlas('countries-50m'), {
      bbox: [176, -20, 182, -15],
      cellKm: 2,
      territorialSeaNm: 12,
      countryIsos: ['242'],
      zones: [],
    });
    expect(fiji.land[cellAt(fiji, 178.0, -17.8)]).toBe(1); // Viti Levu
    expect(fiji.land[cellAt(fiji, 180.1, -16.85)]).toBe(1); // Taveuni (-179.9)
    expect(fiji.land[cellAt(fiji, 177.0, -19.5)]).toBe(0);
    const chukotka = buildMasks(loadAtlas('countries-50m'), {
      bbox: [170, 60, 190, 70],
      cellKm: 5,
      territorialSeaNm: 12,
      countryIsos: ['643'],
      zones: [],
    });
    expect(chukotka.land[cellAt(chukotka, 186, 66)]).toBe(1); // -174°
    expect(chukotka.land[cellAt(chukotka, 180, 67)]).toBe(1);
    expect(chukotka.land[cellAt(chukotka, 189, 63)]).toBe(0); // Bering Sea
  });
});
