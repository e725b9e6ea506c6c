// Grid routing for units: weighted A* over 8-neighbour cells with reusable typed-array state,
// then string-pulling so straight stretches become single legs.

import { labelAllowed } from './components';
import { MinHeap } from './min-heap';
import type { GridSpec } from './raster';
import { segmentClear } from './segment';

export { cellAllowed, segmentClear } from './segment';

const SQRT2 = Math.SQRT2;
/** Heuristic weight: faster searches, paths at most 1.5× optimal (near-optimal after pulling). */
const H_WEIGHT = 1.5;
/** Remembered failures per table set before the memory is cleared (a bound, not a tuning). */
const MAX_REMEMBERED = 200_000;
/** Remembered cell paths per table set before that memory is cleared (a memory bound). */
const MAX_PATHS = 20_000;
/** Distinct allowed-table contents remembered before that memory is cleared (a memory bound). */
const MAX_TABLES = 64;
// Neighbour order is fixed (part of the deterministic tie rule): E, W, N, S, NE, NW, SE, SW.
const DC = [1, -1, 0, 0, 1, -1, 1, -1] as const;
const DR = [0, 0, 1, -1, 1, 1, -1, -1] as const;

export class PathFinder {
  private readonly spec: GridSpec;
  private readonly g: Float64Array;
  private readonly parent: Int32Array;
  /** seen[i] === stamp: g[i] and parent[i] belong to the current search. */
  private readonly seen: Uint32Array;
  /** closed[i] === stamp: cell i has been expanded in the current search. */
  private readonly closed: Uint32Array;
  private readonly heap: MinHeap;
  private readonly cells: Int32Array;
  private stamp = 0;
  /**
   * Searches that found no path, by (code grid, allowed table, expansion cap) and then
   * start × cells + goal. A search is a function of exactly those cells and tables (the
   * heuristic and the moves are cell-based), so a failure repeats until a table changes — and
   * permit tables are rebuilt, never mutated. Many tracks share a goal cell and many tasks the
   * nearest unit: without this, an unreachable goal costs a full capped search every time.
   */
  private readonly failed = new WeakMap<
    Uint8Array,
    WeakMap<Uint8Array, Map<number, Set<number>>>
  >();
  /**
   * Cell paths found, under the same keys and for the same reason: a search's cells depend
   * only on (tables, cap, start cell, goal cell), so a repeat gives the very same cells and only
   * the string-pulling (which uses the exact start and goal points) is redone.
   */
  private readonly found = new WeakMap<
    Uint8Array,
    WeakMap<Uint8Array, Map<number, Map<number, Int32Array>>>
  >();

  /**
   * Regions of the allowed cells (labelAllowed) per (allowed table, code grid), made after a
   * table's first failed search: a goal in another region than the start fails whatever the
   * cap, so later ones fail at once instead of expanding up to the cap.
   */
  private readonly regions = new WeakMap<Uint8Array, WeakMap<Uint8Array, Int32Array>>();

  /**
   * One table per allowed-table content, the key of the memories above: permits are rebuilt
   * often with the same content (13 contents in 37 tables in a central-america run), and a
   * search depends on the content, not on which copy it was given.
   */
  private readonly canon = new WeakMap<Uint8Array, Uint8Array>();
  private readonly byContent = new Map<string, Uint8Array>();

  constructor(spec: GridSpec) {
    this.spec = spec;
    const n = spec.cols * spec.rows;
    this.g = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.seen = new Uint32Array(n);
    this.closed = new Uint32Array(n);
    this.heap = new MinHeap(1024);
    this.cells = new Int32Array(n);
  }

  /**
   * Weighted A* (8-neighbour, octile heuristic × 1.5) from (x0,y0) to (x1,y1). Returns
   * waypoints as flat [x,y,x,y,…] km, not including the start, string-pulled with segmentClear
   * so straight stretches are one leg, ending exactly at (x1,y1); null when unreachable, when
   * maxExpansions is exceeded, or when either point is off the grid or the goal cell is not
   * allowed. A start on a disallowed cell may leave it (first leg to the next cell's centre).
   */
  find(
    code: Uint8Array,
    allowed: Uint8Array,
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    maxExpansions = this.g.length,
  ): number[] | null {
    const { cols, rows, cellKm } = this.spec;
    const sc = Math.floor(x0 / cellKm);
    const sr = Math.floor(y0 / cellKm);
    const gc = Math.floor(x1 / cellKm);
    const gr = Math.floor(y1 / cellKm);
    if (sc < 0 || sr < 0 || sc >= cols || sr >= rows) return null;
    if (gc < 0 || gr < 0 || gc >= cols || gr >= rows) return null;
    const start = sr * cols + sc;
    const goal = gr * cols + gc;
    if (allowed[code[goal]!] !== 1) return null;
    if (start === goal) return [x1, y1];
    const table = this.canonical(allowed);
    const failures = tableFor(this.failed, code, table, maxExpansions, () => new Set());
    const key = start * cols * rows + goal;
    if (failures.has(key)) return null;
    const paths = tableFor(this.found, code, table, maxExpansions, () => new Map());
    const known = paths.get(key);
    let m: number;
    if (known) {
      m = known.length;
      this.cells.set(known);
    } else {
      const regions = this.regions.get(table)?.get(code);
      m = regions && !this.sameRegion(regions, code, allowed, start, goal) ? 0 : -1;
      if (m < 0) m = this.search(code, allowed, start, goal, maxExpansions);
      if (m === 0) {
        if (!regions) this.labelRegions(code, table);
        if (failures.size >= MAX_REMEMBERED) failures.clear();
        failures.add(key);
        return null;
      }
      if (paths.size >= MAX_PATHS) paths.clear();
      paths.set(key, this.cells.slice(0, m));
    }
    return this.pull(code, allowed, m, x0, y0, x1, y1, allowed[code[start]!] === 1);
  }

  private labelRegions(code: Uint8Array, allowed: Uint8Array): void {
    let byCode = this.regions.get(allowed);
    if (!byCode) {
      byCode = new WeakMap();
      this.regions.set(allowed, byCode);
    }
    byCode.set(code, labelAllowed(this.spec.cols, this.spec.rows, code, allowed));
  }

  /**
   * Can a search from start reach goal (an allowed cell)? An allowed start must share its
   * region; a disallowed one is left by search's first moves, into its neighbours' regions.
   */
  private sameRegion(
    regions: Int32Array,
    code: Uint8Array,
    allowed: Uint8Array,
    start: number,
    goal: number,
  ): boolean {
    const want = regions[goal]!;
    if (regions[start]! > 0) return regions[start] === want;
    const { cols, rows } = this.spec;
    const sc = start % cols;
    const sr = (start - sc) / cols;
    for (let k = 0; k < 8; k++) {
      const nc = sc + DC[k]!;
      const nr = sr + DR[k]!;
      if (nc < 0 || nr < 0 || nc >= cols || nr >= rows) continue;
      if (regions[nr * cols + nc] !== want) continue;
      if (k < 4) return true;
      // The same no-squeeze rule as search's diagonal moves.
      if (allowed[code[sr * cols + nc]!] === 1 || allowed[code[nr * cols + sc]!] === 1) return true;
    }
    return false;
  }

  /** The first table seen with allowed's content (tables are never mutated, so it stays equal). */
  private canonical(allowed: Uint8Array): Uint8Array {
    let c = this.canon.get(allowed);
    if (c === undefined) {
      const key = String.fromCharCode(...allowed);
      c = this.byContent.get(key);
      if (c === undefined) {
        if (this.byContent.size >= MAX_TABLES) this.byContent.clear();
        c = allowed;
        this.byContent.set(key, c);
      }
      this.canon.set(allowed, c);
    }
    return c;
  }

  /** A* over cells; the path's cells go into this.cells and their count is returned (0: none). */
  private search(
    code: Uint8Array,
    allowed: Uint8Array,
    start: number,
    goal: number,
    maxExpansions: number,
  ): number {
    const { cols, rows } = this.spec;
    const sc = start % cols;
    const sr = (start - sc) / cols;
    const gc = goal % cols;
    const gr = (goal - gc) / cols;

    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.closed.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { g, parent, seen, closed, heap } = this;
    heap.clear();
    g[start] = 0;
    parent[start] = -1;
    seen[start] = stamp;
    heap.push(H_WEIGHT * octile(sc, sr, gc, gr), start);
    let expansions = 0;
    let found = false;
    while (heap.size > 0) {
      const cur = heap.pop();
      if (closed[cur] === stamp) continue;
      closed[cur] = stamp;
      if (cur === goal) {
        found = true;
        break;
      }
      if (++expansions > maxExpansions) return 0;
      const cc = cur % cols;
      const cr = (cur - cc) / cols;
      const gCur = g[cur]!;
      for (let k = 0; k < 8; k++) {
        const nc = cc + DC[k]!;
        const nr = cr + DR[k]!;
        if (nc < 0 || nr < 0 || nc >= cols || nr >= rows) continue;
        const nb = nr * cols + nc;
        if (closed[nb] === stamp || allowed[code[nb]!] !== 1) continue;
        let step = 1;
        if (k >= 4) {
          // No squeezing diagonally between two blocked cells.
          const sideA = allowed[code[cr * cols + nc]!] === 1;
          const sideB = allowed[code[nr * cols + cc]!] === 1;
          if (!sideA && !sideB) continue;
          step = SQRT2;
        }
        const ng = gCur + step;
        if (seen[nb] !== stamp || ng < g[nb]!) {
          seen[nb] = stamp;
          g[nb] = ng;
          parent[nb] = cur;
          heap.push(ng + H_WEIGHT * octile(nc, nr, gc, gr), nb);
        }
      }
    }
    if (!found) return 0;

    // Cells from start to goal.
    let m = 0;
    for (let c = goal; c !== -1; c = parent[c]!) this.cells[m++] = c;
    this.cells.subarray(0, m).reverse();
    return m;
  }

  /**
   * String-pulls the cell path. Points are: start, each path cell's centre, goal; consecutive
   * points are always mutually clear, so greedy skipping keeps every leg legal.
   */
  private pull(
    code: Uint8Array,
    allowed: Uint8Array,
    m: number,
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    startAllowed: boolean,
  ): number[] {
    const { cols, cellKm } = this.spec;
    const last = m + 1;
    const px = (i: number): number =>
      i === 0 ? x0 : i === last ? x1 : ((this.cells[i - 1]! % cols) + 0.5) * cellKm;
    const py = (i: number): number =>
      i === 0 ? y0 : i === last ? y1 : (Math.floor(this.cells[i - 1]! / cols) + 0.5) * cellKm;
    const out: number[] = [];
    let a = 0;
    if (!startAllowed) {
      // Leave the disallowed start cell straight to the centre of the next path cell.
      // (m >= 2 here because start !== goal, so point 2 is a path cell centre.)
      a = 2;
      out.push(px(a), py(a));
    }
    let ax = px(a);
    let ay = py(a);
    for (let i = a + 1; i < last; i++) {
      if (!segmentClear(this.spec, code, allowed, ax, ay, px(i + 1), py(i + 1))) {
        ax = px(i);
        ay = py(i);
        out.push(ax, ay);
      }
    }
    out.push(x1, y1);
    return out;
  }
}

/** The memory kept under (allowed table, code grid, expansion cap), made on first use. */
function tableFor<T>(
  root: WeakMap<Uint8Array, WeakMap<Uint8Array, Map<number, T>>>,
  code: Uint8Array,
  allowed: Uint8Array,
  cap: number,
  make: () => T,
): T {
  let byCode = root.get(allowed);
  if (!byCode) {
    byCode = new WeakMap();
    root.set(allowed, byCode);
  }
  let byCap = byCode.get(code);
  if (!byCap) {
    byCap = new Map();
    byCode.set(code, byCap);
  }
  let t = byCap.get(cap);
  if (t === undefined) {
    t = make();
    byCap.set(cap, t);
  }
  return t;
}

function octile(c0: number, r0: number, c1: number, r1: number): number {
  const dx = Math.abs(c1 - c0);
  const dy = Math.abs(r1 - r0);
  return dx > dy ? dx + (SQRT2 - 1) * dy : dy + (SQRT2 - 1) * dx;
}
