// Regular km grid over the projected scenario box and a scanline polygon rasteriser
// (a cell is inside a polygon when its centre is, even-odd over all rings).

import type { Projection } from './projection';

export interface GridSpec {
  cols: number;
  rows: number;
  cellKm: number;
}

/** km-xy ring list of one polygon: outer ring and holes (even-odd, so ring order is irrelevant). */
export type KmRings = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

export function makeGridSpec(proj: Projection, cellKm: number): GridSpec {
  if (!(cellKm > 0)) throw new Error(`cellKm must be > 0, got ${cellKm}`);
  // The small epsilon keeps an exact multiple (e.g. 100 km / 5 km) from gaining a column.
  const cols = Math.max(1, Math.ceil(proj.widthKm / cellKm - 1e-9));
  const rows = Math.max(1, Math.ceil(proj.heightKm / cellKm - 1e-9));
  return { cols, rows, cellKm };
}

/** Row-major cell index (row * cols + col) of the point, or -1 outside the grid. */
export function cellOf(spec: GridSpec, x: number, y: number): number {
  const col = Math.floor(x / spec.cellKm);
  const row = Math.floor(y / spec.cellKm);
  if (col < 0 || row < 0 || col >= spec.cols || row >= spec.rows) return -1;
  return row * spec.cols + col;
}

/** x (km) of the centre of cell index `cell`. */
export function cellCenterX(spec: GridSpec, cell: number): number {
  return ((cell % spec.cols) + 0.5) * spec.cellKm;
}

/** y (km) of the centre of cell index `cell`. */
export function cellCenterY(spec: GridSpec, cell: number): number {
  return (Math.floor(cell / spec.cols) + 0.5) * spec.cellKm;
}

function sortRange(a: Float64Array, start: number, end: number): void {
  if (end - start > 24) {
    a.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= start && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Calls visit(cell) once for every grid cell whose centre lies inside the polygon.
 * Per row, edge crossings at the row-centre y are bucketed, sorted and filled as spans:
 * O(edges + crossings + filled cells).
 */
export function rasterizeRings(
  spec: GridSpec,
  rings: KmRings,
  visit: (cell: number) => void,
): void {
  const { cols, rows, cellKm } = spec;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const ring of rings) {
    for (const pt of ring) {
      const y = pt[1];
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  // Rows whose centre y = (r + 0.5) * cellKm may lie in [minY, maxY).
  const r0 = Math.max(0, Math.ceil(minY / cellKm - 0.5));
  const r1 = Math.min(rows - 1, Math.ceil(maxY / cellKm - 0.5) - 1);
  if (!(r0 <= r1)) return;
  const nr = r1 - r0 + 1;
  const start = new Int32Array(nr + 1);

  // Pass 1: count crossings per row. Edge (a, b) crosses row-centre yc when ya <= yc < yb.
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i]!;
      const b = ring[i + 1 === n ? 0 : i + 1]!;
      const ya = Math.min(a[1], b[1]);
      const yb = Math.max(a[1], b[1]);
      const lo = Math.max(r0, Math.ceil(ya / cellKm - 0.5));
      const hi = Math.min(r1, Math.ceil(yb / cellKm - 0.5) - 1);
      for (let r = lo; r <= hi; r++) start[r - r0 + 1]!++;
    }
  }
  for (let r = 1; r <= nr; r++) start[r]! += start[r - 1]!;
  const total = start[nr]!;
  if (total === 0) return;
  const xs = new Float64Array(total);
  const cursor = start.slice(0, nr);

  // Pass 2: crossing x per row.
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i]!;
      const b = ring[i + 1 === n ? 0 : i + 1]!;
      const ax = a[0];
      const ay = a[1];
      const bx = b[0];
      const by = b[1];
      if (ay === by) continue;
      const ya = Math.min(ay, by);
      const yb = Math.max(ay, by);
      const lo = Math.max(r0, Math.ceil(ya / cellKm - 0.5));
      const hi = Math.min(r1, Math.ceil(yb / cellKm - 0.5) - 1);
      const slope = (bx - ax) / (by - ay);
      for (let r = lo; r <= hi; r++) {
        const yc = (r + 0.5) * cellKm;
        xs[cursor[r - r0]!++] = ax + (yc - ay) * slope;
      }
    }
  }

  // Pass 3: sort each row's crossings and fill spans between pairs.
  for (let k = 0; k < nr; k++) {
    const s = start[k]!;
    const e = start[k + 1]!;
    if (e - s < 2) continue;
    sortRange(xs, s, e);
    const base = (r0 + k) * cols;
    for (let j = s; j + 1 < e; j += 2) {
      // Cells whose centre (c + 0.5) * cellKm lies in [xa, xb).
      const c0 = Math.max(0, Math.ceil(xs[j]! / cellKm - 0.5));
      const c1 = Math.min(cols - 1, Math.ceil(xs[j + 1]! / cellKm - 0.5) - 1);
      for (let c = c0; c <= c1; c++) visit(base + c);
    }
  }
}
