import { describe, expect, it } from 'vitest';
import { makeProjection } from '../../src/sim/geo/projection';
import {
  cellCenterX,
  cellCenterY,
  cellOf,
  type GridSpec,
  makeGridSpec,
  rasterizeRings,
} from '../../src/sim/geo/raster';

function collect(spec: GridSpec, rings: Array<Array<[number, number]>>): number[] {
  const cells: number[] = [];
  rasterizeRings(spec, rings, (c) => cells.push(c));
  return cells;
}

function square(x0: number, y0: number, x1: number, y1: number): Array<[number, number]> {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

describe('grid spec and cell lookup', () => {
  it('sizes the grid by ceil(width / cellKm)', () => {
    const proj = makeProjection([-13, 8, 17, 25]);
    const spec = makeGridSpec(proj, 5);
    expect(spec.cols).toBe(Math.ceil(proj.widthKm / 5));
    expect(spec.cols).toBe(641);
    expect(spec.rows).toBe(379);
  });

  it('indexes row-major and returns -1 outside', () => {
    const spec: GridSpec = { cols: 10, rows: 8, cellKm: 2 };
    expect(cellOf(spec, 0.1, 0.1)).toBe(0);
    expect(cellOf(spec, 5, 3)).toBe(12);
    expect(cellOf(spec, 19.99, 15.99)).toBe(79);
    expect(cellOf(spec, 20, 1)).toBe(-1);
    expect(cellOf(spec, -0.01, 1)).toBe(-1);
    expect(cellOf(spec, 1, 16)).toBe(-1);
    expect(cellCenterX(spec, 12)).toBe(5);
    expect(cellCenterY(spec, 12)).toBe(3);
  });
});

describe('rasterizeRings', () => {
  const spec: GridSpec = { cols: 50, rows: 40, cellKm: 1 };

  it('fills exactly the cells whose centres are inside a square', () => {
    const cells = collect(spec, [square(10.2, 10.2, 30.2, 30.2)]);
    // Centres 10.5 … 29.5 in both axes: 20 × 20.
    expect(cells.length).toBe(400);
    expect(new Set(cells).size).toBe(400);
    expect(cells).toContain(10 * 50 + 10);
    expect(cells).toContain(29 * 50 + 29);
    expect(cells).not.toContain(30 * 50 + 30);
    expect(cells).not.toContain(9 * 50 + 10);
  });

  it('leaves a hole empty (even-odd)', () => {
    const cells = collect(spec, [square(10.2, 10.2, 30.2, 30.2), square(15.2, 15.2, 25.2, 25.2)]);
    expect(cells.length).toBe(300);
    expect(cells).not.toContain(20 * 50 + 20);
    expect(cells).toContain(12 * 50 + 20);
  });

  it('ignores ring orientation and a missing closing point', () => {
    const cw: Array<[number, number]> = [
      [10.2, 10.2],
      [10.2, 30.2],
      [30.2, 30.2],
      [30.2, 10.2],
    ];
    expect(collect(spec, [cw]).length).toBe(400);
  });

  it('clips to the grid', () => {
    const cells = collect(spec, [square(-10, -10, 5.2, 100)]);
    // Columns 0..4, all 40 rows.
    expect(cells.length).toBe(5 * 40);
    expect(Math.max(...cells.map((c) => c % 50))).toBe(4);
  });

  it('rasterises a triangle close to its area', () => {
    const big: GridSpec = { cols: 400, rows: 400, cellKm: 0.5 };
    const cells = collect(big, [
      [
        [10, 10],
        [190, 20],
        [60, 170],
      ],
    ]);
    const area = Math.abs((190 - 10) * (170 - 10) - (60 - 10) * (20 - 10)) / 2;
    expect(cells.length * 0.25).toBeGreaterThan(area * 0.99);
    expect(cells.length * 0.25).toBeLessThan(area * 1.01);
  });
});
