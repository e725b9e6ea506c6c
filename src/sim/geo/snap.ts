// Snaps a point to the nearest grid cell whose passability code is allowed (a port that falls
// just off the coast onto land, or a berth onto the sea), by a ring search around its cell.

import type { GridSpec } from './raster';

/**
 * Returns [x, y] unchanged when the point's own cell is allowed; otherwise the centre of the
 * nearest allowed cell within maxKm (ties: the first found, ring by ring, row by row), or null.
 * Points outside the grid search from the nearest edge cell (and never return themselves).
 */
export function snapToDomain(
  masks: { spec: GridSpec },
  code: Uint8Array,
  allowed: Uint8Array,
  x: number,
  y: number,
  maxKm: number,
): [number, number] | null {
  const { cols, rows, cellKm } = masks.spec;
  const col = Math.floor(x / cellKm);
  const row = Math.floor(y / cellKm);
  const inside = col >= 0 && row >= 0 && col < cols && row < rows;
  if (inside && allowed[code[row * cols + col]!] === 1) return [x, y];
  const c0 = Math.min(cols - 1, Math.max(0, col));
  const r0 = Math.min(rows - 1, Math.max(0, row));
  let best = -1;
  let bestD2 = maxKm * maxKm;
  const maxRing = Math.ceil(maxKm / cellKm) + 1;
  const check = (c: number, r: number): void => {
    if (c < 0 || r < 0 || c >= cols || r >= rows) return;
    const i = r * cols + c;
    if (allowed[code[i]!] !== 1) return;
    const dx = (c + 0.5) * cellKm - x;
    const dy = (r + 0.5) * cellKm - y;
    const d2 = dx * dx + dy * dy;
    if (d2 < bestD2 || (d2 === bestD2 && best < 0)) {
      bestD2 = d2;
      best = i;
    }
  };
  for (let k = 0; k <= maxRing; k++) {
    // Any centre on ring k is at least (k - 0.5) cells from the (clamped) point.
    const lower = (k - 0.5) * cellKm;
    if (k > 0 && lower * lower > bestD2) break;
    if (k === 0) {
      check(c0, r0);
      continue;
    }
    for (let c = c0 - k; c <= c0 + k; c++) check(c, r0 - k);
    for (let r = r0 - k + 1; r <= r0 + k - 1; r++) {
      check(c0 - k, r);
      check(c0 + k, r);
    }
    for (let c = c0 - k; c <= c0 + k; c++) check(c, r0 + k);
  }
  if (best < 0) return null;
  return [((best % cols) + 0.5) * cellKm, (Math.floor(best / cols) + 0.5) * cellKm];
}
