// Moving units along legal paths: planning (straight leg when clear, weighted A* otherwise)
// and stepping with a legality check every half cell, so no unit ever enters a cell it may
// not be in, even if a right is withdrawn mid-move. Reads Def, permits; writes unit positions.
import { hypot2 } from './geo/hypot';
import { segmentClear } from './geo/pathfind';
import { allowedFor, codeGrid, unitMayBe, unitMayBeCell } from './sovereignty';
import type { World } from './world';

/** Plans a path for unit u to (x, y). Returns false when there is no legal way. */
export function planUnit(w: World, u: number, x: number, y: number): boolean {
  const { def, s } = w;
  const code = codeGrid(def, def.uDomain[u]!);
  const allowed = allowedFor(w, u);
  if (!unitMayBe(w, u, x, y)) {
    s.uPath[u] = null;
    return false;
  }
  if (segmentClear(def.masks.spec, code, allowed, s.ux[u]!, s.uy[u]!, x, y)) {
    s.uPath[u] = [x, y];
  } else {
    const path = w.pathfinder.find(code, allowed, s.ux[u]!, s.uy[u]!, x, y, 60_000);
    s.uPath[u] = path;
    if (!path) return false;
  }
  s.uPathIdx[u] = 0;
  s.uTx[u] = x;
  s.uTy[u] = y;
  return true;
}

/** What the last stepUnit call did (module scratch: no object or boxed number per call). */
export const lastStep = { moved: 0.5, blocked: false };

/**
 * Moves unit u up to speeds[u] × dtH km along its path; sets lastStep.moved (the distance) and .blocked;
 * clears the path at its end or when blocked. Legality depends only on the cell (and on unit
 * state and closures that a step does not change), so a step that stays in a cell already
 * found legal in this call is not checked again.
 */
export function stepUnit(w: World, u: number, speeds: Float64Array): void {
  const { def, s } = w;
  // Up to speeds[u] × dtH km (a table, not a number: a number argument would be boxed).
  const km = speeds[u]! * def.dtH;
  lastStep.blocked = false;
  lastStep.moved = 0;
  // uPath holds arrays or null, never undefined: `=== null` needs no load of the array.
  const path = s.uPath[u] as number[] | null;
  if (path === null) return;
  const spec = def.masks.spec;
  const { cellKm, cols, rows } = spec;
  const half = cellKm / 2;
  let x = s.ux[u]!;
  let y = s.uy[u]!;
  let left = km;
  let moved = 0;
  let i = s.uPathIdx[u]!;
  let legalCell = -1;
  let allowed: Uint8Array | null = null;
  while (left > 1e-9 && i < path.length) {
    const tx = path[i]!;
    const ty = path[i + 1]!;
    const d = hypot2(tx - x, ty - y);
    const go = Math.min(d, left, half);
    const nx = d > 1e-12 ? x + ((tx - x) * go) / d : tx;
    const ny = d > 1e-12 ? y + ((ty - y) * go) / d : ty;
    const col = Math.floor(nx / cellKm);
    const row = Math.floor(ny / cellKm);
    const cell = col < 0 || row < 0 || col >= cols || row >= rows ? -2 : row * cols + col;
    if (cell !== legalCell) {
      if (cell >= 0 && allowed === null) allowed = allowedFor(w, u);
      if (cell < 0 || allowed === null || !unitMayBeCell(w, u, cell, allowed)) {
        s.ux[u] = x;
        s.uy[u] = y;
        s.uPath[u] = null;
        lastStep.blocked = true;
        lastStep.moved = moved;
        return;
      }
      legalCell = cell;
    }
    x = nx;
    y = ny;
    left -= go;
    moved += go;
    if (go >= d - 1e-9) i += 2;
  }
  s.ux[u] = x;
  s.uy[u] = y;
  s.uPathIdx[u] = i;
  if (i >= path.length) s.uPath[u] = null;
  lastStep.moved = moved;
}

/** Moves a point (x, y) toward (tx, ty) by up to km on a grid where `allowed[code]`; straight legs only. */
export function stepFree(
  w: World,
  code: Uint8Array,
  allowed: Uint8Array,
  pos: { x: number; y: number },
  tx: number,
  ty: number,
  km: number,
): boolean {
  const spec = w.def.masks.spec;
  const d = hypot2(tx - pos.x, ty - pos.y);
  if (d < 1e-9) return true;
  const go = Math.min(d, km);
  const nx = pos.x + ((tx - pos.x) * go) / d;
  const ny = pos.y + ((ty - pos.y) * go) / d;
  if (!segmentClear(spec, code, allowed, pos.x, pos.y, nx, ny)) return false;
  pos.x = nx;
  pos.y = ny;
  return true;
}

/**
 * Advances agent a (positions in xs, ys) along flat waypoints [x, y, x, y, …] from index idx by
 * up to km, with no legality checks (threat cells and convoys on precomputed legal paths).
 * Returns the index of the next waypoint; path.length when the end is reached.
 */
export function advanceAlong(
  xs: Float64Array,
  ys: Float64Array,
  a: number,
  path: ArrayLike<number>,
  idx: number,
  km: number,
): number {
  let left = km;
  let i = idx;
  while (left > 1e-9 && i < path.length) {
    const tx = path[i]!;
    const ty = path[i + 1]!;
    const d = hypot2(tx - xs[a]!, ty - ys[a]!);
    if (d <= left) {
      xs[a] = tx;
      ys[a] = ty;
      left -= d;
      i += 2;
    } else {
      xs[a] = xs[a]! + ((tx - xs[a]!) * left) / d;
      ys[a] = ys[a]! + ((ty - ys[a]!) * left) / d;
      left = 0;
    }
  }
  return i;
}
