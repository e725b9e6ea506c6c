// System 4: sensing. Ground sensors see threat cells in range with a per-tick probability;
// sea and air sensors sweep: a cell within half the sweep width of the path flown or sailed
// this tick is detected (definite-range law). Places' delayed attack reports arrive here too.
// Neighbours come from the spatial grid. Reads positions; writes pictures. Stream: sensing.

import { CELL, DOMAIN, TASK } from '../codes';
import { hypot2 } from '../geo/hypot';
import { observe } from '../picture';
import type { World } from '../world';

const found = new Int32Array(4096);
/** A hiding cell is this much harder to see (its detectability and sweep width scale by it). */
export const HIDDEN_FACTOR = 0.3;

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let u = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  u = Math.min(1, Math.max(0, u));
  const ex = ax + u * dx - px;
  const ey = ay + u * dy - py;
  return ex * ex + ey * ey;
}

export function runSensing(w: World): void {
  const { def, s } = w;
  const rng = w.rng.sensing;
  const grid = w.cellGrid;
  let live = 0;
  for (let c = 0; c < s.nCells; c++) {
    w.cellInclude[c] = s.cState[c]! < CELL.dead ? 1 : 0;
    live += w.cellInclude[c]!;
  }
  grid.rebuild(s.cx, s.cy, s.nCells, w.cellInclude);
  const refresh = Math.max(1, Math.round(60 / def.tickMinutes));

  // No live cell: no unit can see anything (and no draw is made), so skip the units.
  for (let u = 0; u < (live > 0 ? def.nUnits : 0); u++) {
    const task = s.uTask[u]!;
    if (task === TASK.destroyed) continue;
    const range = def.uRange[u]!;
    if (range <= 0) continue;
    const domain = def.uDomain[u]!;
    const owner = def.uOwner[u]!;
    const sweep = def.uSweepHalf[u]!;
    const x = s.ux[u]!;
    const y = s.uy[u]!;
    const reach =
      sweep > 0 ? Math.max(range, sweep + hypot2(x - s.uPrevX[u]!, y - s.uPrevY[u]!)) : range;
    const n = grid.queryRadius(x, y, reach, found);
    for (let k = 0; k < n; k++) {
      const c = found[k]!;
      const g = def.groups[s.cGroup[c]!]!;
      if (domain !== DOMAIN.air && g.domain !== domain) continue;
      const conceal = s.cState[c] === CELL.hide ? HIDDEN_FACTOR : 1;
      let seen = false;
      if (sweep > 0) {
        const half = sweep * g.detectability * conceal;
        seen =
          segDist2(s.cx[c]!, s.cy[c]!, s.uPrevX[u]!, s.uPrevY[u]!, x, y) <= half * half &&
          rng() < s.uReady[u]!;
      } else {
        const d2 = (s.cx[c]! - x) ** 2 + (s.cy[c]! - y) ** 2;
        seen =
          d2 <= range * range &&
          rng() < def.uPDetect[u]! * g.detectability * conceal * s.uReady[u]!;
      }
      if (!seen) continue;
      const i = owner * def.cellCap + c;
      const before = s.trSeen[i]!;
      observe(w, owner, c, s.cx[c]!, s.cy[c]!, s.tick, owner, def.uClass[u]!, 'own');
      // Task-force units report up their own chain too: straight into the task force HQ's picture.
      const tf = s.uCommand[u]!;
      if (tf >= 0)
        observe(
          w,
          def.taskForces[tf]!.commander,
          c,
          s.cx[c]!,
          s.cy[c]!,
          s.tick,
          owner,
          def.uClass[u]!,
          'own',
        );
      if (before < 0 || s.tick - before >= refresh)
        w.log.push(s.tick, 'detect', { actor: owner, unit: u, cell: c, via: 'sensor' });
      // A unit that sees the cell it was sent after is in contact: pursuit rights now apply.
      if (s.uTaskCell[u] === c && task === TASK.respond) s.uPursuit[u] = 1;
    }
  }

  if (s.reports.length) {
    const keep: typeof s.reports = [];
    for (const r of s.reports) {
      if (r.due > s.tick) {
        keep.push(r);
        continue;
      }
      if (s.cState[r.cell]! >= CELL.dead) continue;
      observe(w, r.actor, r.cell, r.x, r.y, r.due, r.actor, 0, 'own');
      w.log.push(s.tick, 'detect', { actor: r.actor, unit: -1, cell: r.cell, via: 'report' });
    }
    s.reports = keep;
  }
}
