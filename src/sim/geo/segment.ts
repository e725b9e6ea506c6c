// Movement legality on the grid: is a point's cell allowed, and is a straight segment clear
// (exact grid traversal, Amanatides–Woo, with the same corner rule as the path finder).

import type { GridSpec } from './raster';

/** allowed: Uint8Array(256); allowed[code] = 1 when a unit may be on a cell with that code. */
export function cellAllowed(
  spec: GridSpec,
  code: Uint8Array,
  allowed: Uint8Array,
  x: number,
  y: number,
): boolean {
  const col = Math.floor(x / spec.cellKm);
  const row = Math.floor(y / spec.cellKm);
  if (col < 0 || row < 0 || col >= spec.cols || row >= spec.rows) return false;
  return allowed[code[row * spec.cols + col]!] === 1;
}

/** Relative tolerance under which the segment is taken to pass exactly through a cell corner. */
const CORNER_EPS = 1e-9;

/**
 * True when every cell the segment passes through is allowed (and inside the grid).
 * Passing exactly through a cell corner touches the two side cells only at a point: that is
 * blocked only when both are blocked (the path finder's no-corner-cutting rule).
 */
export function segmentClear(
  spec: GridSpec,
  code: Uint8Array,
  allowed: Uint8Array,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): boolean {
  const { cols, rows, cellKm } = spec;
  const gx0 = x0 / cellKm;
  const gy0 = y0 / cellKm;
  const gx1 = x1 / cellKm;
  const gy1 = y1 / cellKm;
  let cx = Math.floor(gx0);
  let cy = Math.floor(gy0);
  const ex = Math.floor(gx1);
  const ey = Math.floor(gy1);
  if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) return false;
  if (ex < 0 || ey < 0 || ex >= cols || ey >= rows) return false;
  const dx = gx1 - gx0;
  const dy = gy1 - gy0;
  const sx = dx > 0 ? 1 : -1;
  const sy = dy > 0 ? 1 : -1;
  const tdx = dx !== 0 ? Math.abs(1 / dx) : Number.POSITIVE_INFINITY;
  const tdy = dy !== 0 ? Math.abs(1 / dy) : Number.POSITIVE_INFINITY;
  let tmx = dx > 0 ? (cx + 1 - gx0) / dx : dx < 0 ? (gx0 - cx) / -dx : Number.POSITIVE_INFINITY;
  let tmy = dy > 0 ? (cy + 1 - gy0) / dy : dy < 0 ? (gy0 - cy) / -dy : Number.POSITIVE_INFINITY;
  for (;;) {
    if (allowed[code[cy * cols + cx]!] !== 1) return false;
    if (cx === ex && cy === ey) return true;
    // Once a coordinate has reached its end cell, only the other one may step, which also
    // guarantees termination despite rounding.
    if (cx === ex) {
      cy += sy;
      tmy += tdy;
    } else if (cy === ey) {
      cx += sx;
      tmx += tdx;
    } else if (Math.abs(tmx - tmy) <= CORNER_EPS * (1 + Math.abs(tmx))) {
      const side1 = allowed[code[cy * cols + cx + sx]!] === 1;
      const side2 = allowed[code[(cy + sy) * cols + cx]!] === 1;
      if (!side1 && !side2) return false;
      cx += sx;
      cy += sy;
      tmx += tdx;
      tmy += tdy;
    } else if (tmx < tmy) {
      cx += sx;
      tmx += tdx;
    } else {
      cy += sy;
      tmy += tdy;
    }
  }
}
