// System 7: engagement. Security units within the engagement radius of a threat cell fight it
// with Lanchester attrition — square law (aimed fire: dB/dt = −Σαᵢ·Aᵢ, dAᵢ/dt = −β·B·share)
// or linear law (area fire: dB/dt = −Σαᵢ·Aᵢ·B, dAᵢ/dt = −β·B·Aᵢ) — losses drawn Poisson per
// tick when stochastic. A side breaks off below its break-off share. Contact, interdictions and
// prevented raids are logged here. Stream: engagement.
import { r3 } from '../events';
import { knows } from '../picture';
import { poisson } from '../rng';
import { CAVEAT, CELL, DOMAIN, ORDERED, TASK, type World } from '../world';
import { fallbackTask, releaseUnit, sendHome } from './units';

const near = new Int32Array(4096);
const fighters: number[] = [];

export function runEngagement(w: World): void {
  const { def, s } = w;
  const rng = w.rng.engagement;
  const cfg = def.scenario.engagement;
  const dt = def.dtH;
  w.unitGrid.rebuild(s.ux, s.uy, def.nUnits, w.unitInclude);
  w.unitGridFresh = true;
  for (let u = 0; u < def.nUnits; u++) {
    if (s.uEngaged[u]! < 0) s.uStrStart[u] = 0;
    s.uEngaged[u] = -1;
  }
  for (let c = 0; c < s.nCells; c++) {
    if (s.cState[c]! >= CELL.dead) continue;
    const g = def.groups[s.cGroup[c]!]!;
    const n = w.unitGrid.queryRadius(s.cx[c]!, s.cy[c]!, cfg.radiusKm, near);
    const hiding = s.cState[c] === CELL.hide;
    fighters.length = 0;
    for (let k = 0; k < n; k++) {
      const u = near[k]!;
      const task = s.uTask[u]!;
      if (task === TASK.destroyed || task === TASK.return || task === TASK.resupply) continue;
      const d = def.uDomain[u]!;
      if (d !== DOMAIN.air && d !== g.domain) continue;
      // A hiding cell is fought only once the unit's side has found it; an active one shows itself.
      if (hiding && s.uTaskCell[u] !== c && !knows(w, def.uOwner[u]!, c)) continue;
      if (s.uTaskCell[u] === c && !s.uPursuit[u]) {
        s.uPursuit[u] = 1;
        w.log.push(s.tick, 'contact', { unit: u, cell: c, raid: s.cRaid[c]! });
        if (def.uCaveats[u]! & CAVEAT.noOffensive)
          w.log.push(s.tick, 'caveat', { unit: u, caveat: 'no-offensive', cell: c });
      }
      if (def.uCaveats[u]! & CAVEAT.noOffensive) continue;
      if (s.uStr[u]! < 1 || def.uFirepower[u]! <= 0) continue;
      fighters.push(u);
    }
    if (!fighters.length) {
      s.cStrStart[c] = 0;
      continue;
    }
    if (s.cStrStart[c] === 0) {
      s.cStrStart[c] = s.cStr[c]!;
      for (const u of fighters) s.uStrStart[u] = s.uStr[u]!;
    }
    // Attrition for this tick.
    const B = s.cStr[c]!;
    let fireOnB = 0;
    let strA = 0;
    for (const u of fighters) {
      const a = def.uFirepower[u]! * s.uStr[u]! * s.uReady[u]!;
      fireOnB += cfg.model === 'linear' ? a * B : a;
      strA += s.uStr[u]!;
    }
    const meanB = fireOnB * dt;
    const lossB = Math.min(B, cfg.stochastic ? poisson(rng, meanB) : meanB);
    for (const u of fighters) {
      if (s.uStrStart[u]! <= 0) s.uStrStart[u] = s.uStr[u]!; // joined a running fight
      s.uEngaged[u] = c;
      // A unit out of fuel defends itself where it stands but stays stranded.
      if (s.uTask[u] !== TASK.stranded) s.uTask[u] = TASK.engage;
      const share = s.uStr[u]! / strA;
      const inflicted =
        fireOnB > 0
          ? (lossB *
              def.uFirepower[u]! *
              s.uStr[u]! *
              s.uReady[u]! *
              (cfg.model === 'linear' ? B : 1)) /
            fireOnB
          : 0;
      const meanA =
        cfg.model === 'linear' ? g.firepower * B * s.uStr[u]! * dt : g.firepower * B * share * dt;
      const lossA = Math.min(s.uStr[u]!, cfg.stochastic ? poisson(rng, meanA) : meanA);
      s.uStr[u] = s.uStr[u]! - lossA;
      w.log.push(s.tick, 'losses', {
        unit: u,
        cell: c,
        unitLoss: r3(lossA),
        threatLoss: r3(inflicted),
      });
    }
    s.cStr[c] = B - lossB;
    const raiding = s.cState[c] === CELL.move;
    // Break-off and destruction.
    let outcome: 'threat-destroyed' | 'threat-withdrew' | null = null;
    if (s.cStr[c]! < 1) {
      s.cStr[c] = 0;
      s.cState[c] = CELL.dead;
      outcome = 'threat-destroyed';
    } else if (s.cStr[c]! < cfg.breakOffRatio * s.cStrStart[c]!) {
      s.cState[c] = CELL.withdraw;
      s.cPath[c] = null;
      outcome = 'threat-withdrew';
    }
    if (outcome) {
      if (raiding)
        w.log.push(s.tick, 'prevented', { cell: c, raid: s.cRaid[c]!, unit: fighters[0]! });
      for (const u of fighters) {
        w.log.push(s.tick, 'engage-end', { unit: u, cell: c, outcome });
        // Who supplied the track this unit acted on (for trust from shared successes).
        const node = s.uTaskNode[u]!;
        const pic =
          node >= def.nActors ? def.taskForces[node - def.nActors]!.commander : def.uOwner[u]!;
        s.politics.push({
          kind: 'success',
          a: def.uOwner[u]!,
          b: s.trSource[pic * def.cellCap + c]!,
          unit: u,
        });
        s.uEngaged[u] = -1;
        // A unit keeps after a withdrawing cell (pursuit); otherwise back to its standing task
        // (or the player's order).
        if (s.uTask[u] === TASK.stranded) continue;
        if (outcome === 'threat-destroyed') releaseUnit(w, u);
        else s.uTask[u] = s.uTaskCell[u] === c ? TASK.respond : fallbackTask(w, u);
      }
      if (outcome === 'threat-destroyed' && s.cRaid[c]! >= 0)
        w.log.push(s.tick, 'raid-end', { cell: c, raid: s.cRaid[c]! });
      s.cStrStart[c] = 0;
      continue;
    }
    for (const u of fighters) {
      if (s.uStr[u]! < 1) {
        s.uStr[u] = 0;
        s.uTask[u] = TASK.destroyed;
        s.uOrdered[u] = ORDERED.none;
        s.uEngaged[u] = -1;
        s.uPath[u] = null;
        w.log.push(s.tick, 'engage-end', { unit: u, cell: c, outcome: 'unit-destroyed' });
      } else if (s.uStr[u]! < cfg.breakOffRatio * s.uStrStart[u]!) {
        s.uEngaged[u] = -1;
        w.log.push(s.tick, 'engage-end', { unit: u, cell: c, outcome: 'unit-withdrew' });
        // Out of fuel it cannot withdraw: it stays where it is.
        if (s.uTask[u] !== TASK.stranded) sendHome(w, u);
      }
    }
  }
  // Units no longer in contact resume.
  for (let u = 0; u < def.nUnits; u++) {
    if (s.uTask[u] === TASK.engage && s.uEngaged[u]! < 0)
      s.uTask[u] = s.uTaskCell[u]! >= 0 ? TASK.respond : s.uStanding[u]!;
  }
}
