import { describe, expect, it } from 'vitest';
import { makeProjection, toLat, toLon, toX, toY } from '../../src/sim/geo/projection';

describe('projection', () => {
  const p = makeProjection([-13, 8, 17, 25]);

  it('uses the mid-latitude for km per degree of longitude', () => {
    expect(p.ky).toBe(111.32);
    expect(p.kx).toBeCloseTo(111.32 * Math.cos((16.5 * Math.PI) / 180), 9);
    expect(p.kx).toBeCloseTo(106.737, 2);
    expect(p.widthKm).toBeCloseTo(30 * p.kx, 9);
    expect(p.heightKm).toBeCloseTo(17 * 111.32, 9);
  });

  it('puts the origin at the south-west corner', () => {
    expect(toX(p, -13)).toBe(0);
    expect(toY(p, 8)).toBe(0);
    expect(toX(p, 17)).toBeCloseTo(p.widthKm, 9);
    expect(toY(p, 25)).toBeCloseTo(p.heightKm, 9);
    expect(toX(p, 2.11)).toBeCloseTo(15.11 * p.kx, 9);
  });

  it('round-trips lon/lat through km', () => {
    for (const [lon, lat] of [
      [2.11, 13.51],
      [-7.95, 12.53],
      [-13, 25],
      [16.999, 8.001],
    ] as const) {
      expect(toLon(p, toX(p, lon))).toBeCloseTo(lon, 10);
      expect(toLat(p, toY(p, lat))).toBeCloseTo(lat, 10);
    }
  });

  it('rejects an empty or inverted box', () => {
    expect(() => makeProjection([10, 0, 5, 1])).toThrow(/west < east/);
    expect(() => makeProjection([0, 1, 5, 1])).toThrow(/south < north/);
  });
});
