// System 10 (with metrics.ts): hourly samples into the event log — each participant's picture
// completeness (share of live threat cells it holds a fresh track of) and total threat
// strength — so every metric can be computed from the log alone. No randomness.
import { r3 } from '../events';
import { knows } from '../picture';
import { CELL, type World } from '../world';

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
  const completeness: number[] = [];
  for (let a = 0; a < def.nActors; a++) {
    if (!def.participant[a]) continue;
    let known = 0;
    for (let c = 0; c < s.nCells; c++) if (s.cState[c]! < CELL.dead && knows(w, a, c)) known++;
    completeness.push(alive ? Math.round((known / alive) * 10000) / 10000 : 1);
  }
  w.log.push(s.tick, 'cop', { completeness, threatStrength: r3(strength) });
}
