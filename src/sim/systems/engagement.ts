// System 7: engagement. Security units within the engagement radius of a threat cell fight it
// with Lanchester attrition — square law (aimed fire: dB/dt = −Σαᵢ·Aᵢ, dAᵢ/dt = −β·B·share)
// or linear law (area fire: dB/dt = −Σαᵢ·Aᵢ·B, dAᵢ/dt = −β·B·Aᵢ) — losses drawn Poisson per
// tick when stochastic. A unit in range of several cells divides its aimed fire among them by
// strength, so how a side is cut into cells does not change the fight. A side breaks off below
// its break-off share. Contact, interdictions and prevented raids are logged here. Stream:
// engagement.

import { CAVEAT, CELL, DOMAIN, ORDERED, TASK } from '../codes';
import { r3 } from '../events';
import { knows } from '../picture';
import { poisson } from '../rng';
import type { World } from '../world';
import { endTasking, fallbackTask, releaseUnit, sendHome } from './units';

const near = new Int32Array(4096);
const fighters: number[] = [];
/** This tick's fighters, flat by cell: cell c's are fighterList[fStart[c]] up to fStart[c + 1]. */
let fighterList = new Int32Array(256);
let fStart = new Int32Array(64);
/** Per unit this tick: its aimed fire at the start of the tick, and the strength of the cells it
 * engages (its fire is divided among them by strength, so splitting a cell changes nothing). */
let uFire = new Float64Array(64);
let uTargetStr = new Float64Array(64);

/** Grows the scratch tables (only when a bigger world is loaded: no per-tick allocation). */
function scratchFor(nUnits: number, nCells: number): void {
  if (uFire.length < nUnits) {
    uFire = new Float64Array(nUnits);
    uTargetStr = new Float64Array(nUnits);
  }
  if (fStart.length < nCells + 1) fStart = new Int32Array(nCells + 1);
}

function pushFighter(k: number, u: number): void {
  if (k >= fighterList.length) {
    const grown = new Int32Array(fighterList.length * 2);
    grown.set(fighterList);
    fighterList = grown;
  }
  fighterList[k] = u;
}

export function runEngagement(w: World): void {
  const { def, s } = w;
  w.unitGrid.rebuild(s.ux, s.uy, def.nUnits, w.unitInclude);
  w.unitGridFresh = true;
  scratchFor(def.nUnits, s.nCells);
  for (let u = 0; u < def.nUnits; u++) {
    if (s.uEngaged[u]! < 0) s.uStrStart[u] = 0;
    s.uEngaged[u] = -1;
    uFire[u] = def.uFirepower[u]! * s.uStr[u]! * s.uReady[u]!;
    uTargetStr[u] = 0;
  }
  // First who fights whom (contacts logged), then every fight with each unit's fire divided.
  let k = 0;
  for (let c = 0; c < s.nCells; c++) {
    fStart[c] = k;
    if (s.cState[c]! < CELL.dead) k = gatherFighters(w, c, k);
  }
  fStart[s.nCells] = k;
  for (let c = 0; c < s.nCells; c++) {
    if (s.cState[c]! >= CELL.dead) continue;
    fighters.length = 0;
    for (let i = fStart[c]!; i < fStart[c + 1]!; i++) {
      const u = fighterList[i]!;
      // Lost, or broke off and heading home, earlier this tick in another fight: no more.
      const t = s.uTask[u];
      if (t !== TASK.destroyed && t !== TASK.return && t !== TASK.resupply) fighters.push(u);
    }
    if (!fighters.length) {
      s.cStrStart[c] = 0;
      continue;
    }
    fight(w, c);
  }
  // Units no longer in contact resume.
  for (let u = 0; u < def.nUnits; u++) {
    if (s.uTask[u] === TASK.engage && s.uEngaged[u]! < 0)
      s.uTask[u] = s.uTaskCell[u]! >= 0 ? TASK.respond : s.uStanding[u]!;
  }
}

/** The units that fight cell c this tick, appended to fighterList from k; returns the new end. */
function gatherFighters(w: World, c: number, k: number): number {
  const { def, s } = w;
  const g = def.groups[s.cGroup[c]!]!;
  const n = w.unitGrid.queryRadius(s.cx[c]!, s.cy[c]!, def.scenario.engagement.radiusKm, near);
  const hiding = s.cState[c] === CELL.hide;
  for (let i = 0; i < n; i++) {
    const u = near[i]!;
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
    pushFighter(k++, u);
    uTargetStr[u] = uTargetStr[u]! + s.cStr[c]!;
  }
  return k;
}

/**
 * One tick of cell c's fight against `fighters`. Aimed fire (square law): a unit's fire is
 * split among the cells it engages by their strength. Area fire (linear law): a cell's losses
 * follow its own strength, which already splits it so.
 */
function fight(w: World, c: number): void {
  const { def, s } = w;
  const rng = w.rng.engagement;
  const cfg = def.scenario.engagement;
  const dt = def.dtH;
  const g = def.groups[s.cGroup[c]!]!;
  if (s.cStrStart[c] === 0) {
    s.cStrStart[c] = s.cStr[c]!;
    for (const u of fighters) s.uStrStart[u] = s.uStr[u]!;
  }
  const B = s.cStr[c]!;
  const linear = cfg.model === 'linear';
  let fireOnB = 0;
  let strA = 0;
  for (const u of fighters) {
    fireOnB += linear ? uFire[u]! * B : (uFire[u]! * B) / uTargetStr[u]!;
    strA += s.uStr[u]!;
  }
  const meanB = fireOnB * dt;
  const lossB = Math.min(B, cfg.stochastic ? poisson(rng, meanB) : meanB);
  for (const u of fighters) {
    if (s.uStrStart[u]! <= 0) s.uStrStart[u] = s.uStr[u]!; // joined a running fight
    s.uEngaged[u] = c;
    // A unit out of fuel defends itself where it stands but stays stranded.
    if (s.uTask[u] !== TASK.stranded) s.uTask[u] = TASK.engage;
    const fire = linear ? uFire[u]! * B : (uFire[u]! * B) / uTargetStr[u]!;
    const inflicted = fireOnB > 0 ? (lossB * fire) / fireOnB : 0;
    const meanA = linear
      ? g.firepower * B * s.uStr[u]! * dt
      : (g.firepower * B * s.uStr[u]! * dt) / strA;
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
  fightEnds(w, c);
}

/** Break-off and destruction after a tick of cell c's fight (units lost are lost either way). */
function fightEnds(w: World, c: number): void {
  const { def, s } = w;
  const cfg = def.scenario.engagement;
  const raiding = s.cState[c] === CELL.move;
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
  if (outcome && raiding)
    w.log.push(s.tick, 'prevented', { cell: c, raid: s.cRaid[c]!, unit: fighters[0]! });
  for (const u of fighters) {
    if (s.uStr[u]! < 1) {
      destroyUnit(w, u, c);
      continue;
    }
    if (outcome) {
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
    } else if (s.uStr[u]! < cfg.breakOffRatio * s.uStrStart[u]!) {
      s.uEngaged[u] = -1;
      w.log.push(s.tick, 'engage-end', { unit: u, cell: c, outcome: 'unit-withdrew' });
      // Out of fuel it cannot withdraw: it stays where it is.
      if (s.uTask[u] !== TASK.stranded) sendHome(w, u);
    }
  }
  if (!outcome) return;
  if (outcome === 'threat-destroyed' && s.cRaid[c]! >= 0)
    w.log.push(s.tick, 'raid-end', { cell: c, raid: s.cRaid[c]! });
  s.cStrStart[c] = 0;
}

/** Unit u is lost: destroyed for good (no order, tasking or resupply brings it back). */
function destroyUnit(w: World, u: number, c: number): void {
  const { s } = w;
  endTasking(w, u);
  s.uStr[u] = 0;
  s.uTask[u] = TASK.destroyed;
  s.uOrdered[u] = ORDERED.none;
  s.uEngaged[u] = -1;
  w.log.push(s.tick, 'engage-end', { unit: u, cell: c, outcome: 'unit-destroyed' });
}
