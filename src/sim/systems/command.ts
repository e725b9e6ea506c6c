// System 6: command. Each command node — a nation's HQ for its national units, a task force
// HQ for the units placed under it — tasks one available, permitted unit to each fresh track
// in its own picture once its decision latency has passed since it became aware. Nations
// weigh threat kinds by their own priorities (0 = ignore); task forces by their commander's.
// Caveats and sovereignty are checked before tasking. Deterministic: ties go to the lower index.
import { planUnit } from '../movement';
import { freshTicks } from '../picture';
import { territoryAt, unitMayBe } from '../sovereignty';
import { CAVEAT, CELL, DOMAIN, N_THREAT_KINDS, TASK, type World } from '../world';

const AVAILABLE = new Set<number>([TASK.idle, TASK.patrolArea, TASK.patrolRoute]);

export function runCommand(w: World): void {
  const { def, s } = w;
  const nA = def.nActors;
  const cap = def.cellCap;
  const stale = freshTicks(w);
  const nodes = nA + def.taskForces.length;
  for (let node = 0; node < nodes; node++) {
    const tf = node - nA;
    const pictureOf = tf >= 0 ? def.taskForces[tf]!.commander : node;
    if (tf < 0 && def.isOrg[node]) continue; // organisations command through task forces
    const latency = tf >= 0 ? def.taskForces[tf]!.decisionTicks : def.decisionTicks[node]!;
    for (let c = 0; c < s.nCells; c++) {
      if (s.cState[c]! >= CELL.dead) continue;
      const slot = node * cap + c;
      const held = s.assigned[slot]!;
      if (held >= 0) {
        if (
          s.uTaskCell[held] === c &&
          s.uTaskNode[held] === node &&
          s.uTask[held] !== TASK.destroyed
        )
          continue;
        s.assigned[slot] = -1;
      }
      const i = pictureOf * cap + c;
      const seen = s.trSeen[i]!;
      if (seen < 0 || s.tick - seen > stale) continue;
      if (s.tick - s.trAware[i]! < latency) continue;
      const g = def.groups[s.cGroup[c]!]!;
      if (def.priority[pictureOf * N_THREAT_KINDS + g.kindIndex]! <= 0) continue;
      const tx = s.trX[i]!;
      const ty = s.trY[i]!;
      const where = territoryAt(def, tx, ty);
      let best = -1;
      let bestTime = Number.POSITIVE_INFINITY;
      for (let u = 0; u < def.nUnits; u++) {
        if (tf >= 0 ? s.uCommand[u] !== tf : s.uCommand[u] !== -1 || def.uOwner[u] !== node)
          continue;
        if (!AVAILABLE.has(s.uTask[u]!) || s.uEngaged[u]! >= 0) continue;
        const d = def.uDomain[u]!;
        if (d !== DOMAIN.air && d !== g.domain) continue;
        if (def.uCaveats[u]! & CAVEAT.ownTerritoryOnly && where !== def.uOwner[u]) continue;
        const dist = Math.hypot(tx - s.ux[u]!, ty - s.uy[u]!);
        const hours = dist / def.uSpeed[u]!;
        if (s.uFuel[u]! < hours * 2.5 + 0.5) continue;
        if (hours < bestTime && unitMayBe(w, u, tx, ty)) {
          bestTime = hours;
          best = u;
        }
      }
      if (best < 0) continue;
      s.uPath[best] = null;
      if (!planUnit(w, best, tx, ty)) continue;
      s.uTask[best] = TASK.respond;
      s.uTaskCell[best] = c;
      s.uTaskNode[best] = node;
      s.uWait[best] = 0;
      s.uPursuit[best] = 0;
      s.assigned[slot] = best;
      w.log.push(s.tick, 'task', { node, unit: best, task: 'respond', cell: c });
    }
  }
}
