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
/** A track no unit could be found for is reconsidered after this many minutes. */
const RETRY_MIN = 60;

export function runCommand(w: World): void {
  const { def, s } = w;
  const nA = def.nActors;
  const cap = def.cellCap;
  const stale = freshTicks(w);
  const nodes = nA + def.taskForces.length;
  // Units by commanding node, once per tick: a node only ever scans its own units.
  const byNode = w.nodeUnits;
  for (const list of byNode) list.length = 0;
  for (let u = 0; u < def.nUnits; u++) {
    const tf = s.uCommand[u]!;
    byNode[tf >= 0 ? nA + tf : def.uOwner[u]!]!.push(u);
  }
  const retry = Math.max(1, Math.round(RETRY_MIN / def.tickMinutes));
  for (let node = 0; node < nodes; node++) {
    const mine = byNode[node]!;
    if (!mine.length) continue;
    const tf = node - nA;
    const pictureOf = tf >= 0 ? def.taskForces[tf]!.commander : node;
    if (tf < 0 && def.isOrg[node]) continue; // organisations command through task forces
    const latency = tf >= 0 ? s.tfDecisionTicks[tf]! : def.decisionTicks[node]!;
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
      if (s.retryAt[slot]! > s.tick) continue;
      const g = def.groups[s.cGroup[c]!]!;
      if (def.priority[pictureOf * N_THREAT_KINDS + g.kindIndex]! <= 0) continue;
      const tx = s.trX[i]!;
      const ty = s.trY[i]!;
      const where = territoryAt(def, tx, ty);
      let best = -1;
      let bestTime = Number.POSITIVE_INFINITY;
      // Why free units were passed over: a caveat, or no right to be there.
      let caveat = 0;
      let sovereignty = 0;
      for (const u of mine) {
        if (!AVAILABLE.has(s.uTask[u]!) || s.uEngaged[u]! >= 0) continue;
        const d = def.uDomain[u]!;
        if (d !== DOMAIN.air && d !== g.domain) continue;
        if (def.uCaveats[u]! & CAVEAT.ownTerritoryOnly && where !== def.uOwner[u]) {
          caveat++;
          continue;
        }
        const dist = Math.hypot(tx - s.ux[u]!, ty - s.uy[u]!);
        const hours = dist / def.uSpeed[u]!;
        if (s.uFuel[u]! < hours * 2.5 + 0.5) continue;
        if (hours < bestTime) {
          if (unitMayBe(w, u, tx, ty)) {
            bestTime = hours;
            best = u;
          } else sovereignty++;
        }
      }
      if (best < 0 || !planUnit(w, best, tx, ty)) {
        // Nobody free or able: the staff looks at it again later.
        if (best < 0 && (caveat || sovereignty))
          w.log.push(s.tick, 'task-blocked', {
            node,
            cell: c,
            reason: sovereignty ? 'sovereignty' : 'caveat',
          });
        s.retryAt[slot] = s.tick + retry;
        continue;
      }
      s.uTask[best] = TASK.respond;
      s.uTaskCell[best] = c;
      s.uTaskNode[best] = node;
      s.uWait[best] = 0;
      s.assigned[slot] = best;
      w.log.push(s.tick, 'task', { node, unit: best, task: 'respond', cell: c });
    }
  }
}
