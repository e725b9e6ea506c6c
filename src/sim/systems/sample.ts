// System 10 (with metrics.ts): hourly samples into the event log — each participant's picture
// completeness (share of live threat cells it holds a fresh track of), how far partners'
// pictures diverge, mean unit readiness and total threat strength — so every metric can be
// computed from the log alone. No randomness.

import { CELL, TASK } from '../codes';
import { r3 } from '../events';
import { knows } from '../picture';
import type { World } from '../world';

const r4 = (v: number) => Math.round(v * 10000) / 10000;

export function runSample(w: World): void {
  const { def, s } = w;
  const perHour = Math.max(1, Math.round(60 / def.tickMinutes));
  if ((s.tick + 1) % perHour !== 0) return;
  let alive = 0;
  let strength = 0;
  for (let c = 0; c < s.nCells; c++) {
    if (s.cState[c]! >= CELL.dead) continue;
    alive++;
    strength += s.cStr[c]!;
  }
  // Known live cells per participant, as bit rows for the pairwise comparison.
  const rows: Uint8Array[] = [];
  const completeness: number[] = [];
  for (let a = 0; a < def.nActors; a++) {
    if (!def.participant[a]) continue;
    const row = new Uint8Array(s.nCells);
    let known = 0;
    for (let c = 0; c < s.nCells; c++)
      if (s.cState[c]! < CELL.dead && knows(w, a, c)) {
        row[c] = 1;
        known++;
      }
    rows.push(row);
    completeness.push(alive ? r4(known / alive) : 1);
  }
  w.log.push(s.tick, 'cop', {
    completeness,
    divergence: r4(divergence(rows, s.nCells)),
    readiness: r4(meanReadiness(w)),
    threatStrength: r3(strength),
  });
}

/**
 * Mean Jaccard distance between partners' pictures: for each pair that knows of any cell, the
 * share of the cells either knows that only one of them knows; -1 when no pair knows any.
 */
function divergence(rows: Uint8Array[], n: number): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!;
      const b = rows[j]!;
      let either = 0;
      let one = 0;
      for (let c = 0; c < n; c++) {
        if (a[c] || b[c]) either++;
        if (a[c] !== b[c]) one++;
      }
      if (!either) continue;
      sum += one / either;
      pairs++;
    }
  return pairs ? sum / pairs : -1;
}

function meanReadiness(w: World): number {
  const { def, s } = w;
  let sum = 0;
  let n = 0;
  for (let u = 0; u < def.nUnits; u++) {
    const t = s.uTask[u];
    if (t === TASK.destroyed || t === TASK.notArrived || !def.participant[def.uOwner[u]!]) continue;
    sum += s.uReady[u]!;
    n++;
  }
  return n ? sum / n : 0;
}
