// System 8: logistics. Bases receive their daily inflow up to capacity; units at a base they
// may use (own, listed user, or base-access right) draw fuel and supplies from its finite
// stocks, and a shortfall is logged when the stock runs dry; supply runs leave on schedule
// when the depot can load them, travel their route, and deliver; costs accrue daily.
// Stocks never go negative. Stream: logistics.

import { DOMAIN, ORDERED, TASK } from '../codes';
import { r3 } from '../events';
import { hypot2 } from '../geo/hypot';
import { advanceAlong, planUnit } from '../movement';
import type { World } from '../world';
import { distHome, fallbackTask } from './units';

const AT_BASE_KM = 1;

function atUsableBase(w: World, u: number): number {
  const { def, s } = w;
  const owner = def.uOwner[u]!;
  const sea = def.uDomain[u] === DOMAIN.sea;
  const home = s.uBase[u]!;
  if (distHome(w, u) < AT_BASE_KM && w.permits.baseUse[home * def.nActors + owner]) return home;
  for (let b = 0; b < def.nBases; b++) {
    if (!w.permits.baseUse[b * def.nActors + owner]) continue;
    const bx = sea ? def.bBerthX[b]! : def.bX[b]!;
    const by = sea ? def.bBerthY[b]! : def.bY[b]!;
    if (hypot2(bx - s.ux[u]!, by - s.uy[u]!) < AT_BASE_KM) return b;
  }
  return -1;
}

function resupplyUnits(w: World): void {
  const { def, s } = w;
  for (let u = 0; u < def.nUnits; u++) {
    const task = s.uTask[u]!;
    if (task !== TASK.idle && task !== TASK.resupply && task !== TASK.return) continue;
    const b = atUsableBase(w, u);
    if (b < 0) continue;
    const needF = def.uFuelCap[u]! - s.uFuel[u]!;
    const needS = def.uSupCap[u]! - s.uSup[u]!;
    const takeF = Math.min(needF, s.bFuel[b]!);
    const takeS = Math.min(needS, s.bSup[b]!);
    s.bFuel[b] = s.bFuel[b]! - takeF;
    s.bSup[b] = s.bSup[b]! - takeS;
    s.uFuel[u] = s.uFuel[u]! + takeF;
    s.uSup[u] = s.uSup[u]! + takeS;
    const arriving = task !== TASK.idle;
    if (arriving && (takeF > 0.01 || takeS > 0.01)) {
      w.log.push(s.tick, 'resupply', { unit: u, base: b, fuel: r3(takeF), supplies: r3(takeS) });
    }
    const shortF = needF - takeF;
    const shortS = needS - takeS;
    // A shortfall counts once per visit: when a returning unit cannot be filled.
    if (arriving && shortF > 0.05 * def.uFuelCap[u]!) {
      w.log.push(s.tick, 'shortfall', {
        unit: u,
        base: b,
        supply: 'fuel',
        amount: r3(shortF),
        owner: def.uOwner[u]!,
      });
    }
    if (arriving && shortS > 0.05 * def.uSupCap[u]!) {
      w.log.push(s.tick, 'shortfall', {
        unit: u,
        base: b,
        supply: 'supplies',
        amount: r3(shortS),
        owner: def.uOwner[u]!,
      });
    }
    if (arriving) {
      // Ready again with at least half a tank and two days of supplies; otherwise wait at base.
      // Ordered home by the player, it stays there until released.
      const ready =
        s.uFuel[u]! >= 0.5 * def.uFuelCap[u]! && s.uSup[u]! >= Math.min(2, def.uSupCap[u]!);
      const stay = s.uOrdered[u] === ORDERED.return;
      s.uTask[u] = ready && !stay ? fallbackTask(w, u) : TASK.idle;
      s.uPath[u] = null;
    }
  }
}

function runConvoys(w: World): void {
  const { def, s } = w;
  for (let r = 0; r < def.supplyRuns.length; r++) {
    if (s.tick < s.runNext[r]!) continue;
    const run = def.supplyRuns[r]!;
    s.runNext[r] = s.runNext[r]! + run.everyTicks;
    if (s.bFuel[run.from]! < run.fuel || s.bSup[run.from]! < run.supplies) {
      const supply = s.bFuel[run.from]! < run.fuel ? 'fuel' : 'supplies';
      const have = supply === 'fuel' ? s.bFuel[run.from]! : s.bSup[run.from]!;
      const want = supply === 'fuel' ? run.fuel : run.supplies;
      w.log.push(s.tick, 'shortfall', {
        unit: -1,
        base: run.from,
        supply,
        amount: r3(want - have),
        owner: run.owner,
      });
      continue;
    }
    let k = 0;
    while (k < s.kAlive.length && s.kAlive[k]) k++;
    if (k >= s.kAlive.length) continue;
    s.bFuel[run.from] = s.bFuel[run.from]! - run.fuel;
    s.bSup[run.from] = s.bSup[run.from]! - run.supplies;
    s.kAlive[k] = 1;
    s.kRun[k] = r;
    s.kx[k] = run.path[0]!;
    s.ky[k] = run.path[1]!;
    s.kIdx[k] = 2;
    s.kFuel[k] = run.fuel;
    s.kSup[k] = run.supplies;
    w.log.push(s.tick, 'convoy-depart', { convoy: k, run: r, base: run.from });
    // An idle national ground unit at the departure base escorts it.
    for (let u = 0; u < def.nUnits; u++) {
      if (
        def.uOwner[u] !== run.owner ||
        def.uDomain[u] !== DOMAIN.ground ||
        s.uTask[u] !== TASK.idle ||
        s.uCommand[u]! >= 0 ||
        s.uOrdered[u] !== ORDERED.none
      )
        continue;
      if (hypot2(def.bX[run.from]! - s.ux[u]!, def.bY[run.from]! - s.uy[u]!) > AT_BASE_KM) continue;
      if (s.uFuel[u]! < 0.8 * def.uFuelCap[u]!) continue;
      s.uTask[u] = TASK.escort;
      s.uEscort[u] = k;
      planUnit(w, u, s.kx[k]!, s.ky[k]!);
      w.log.push(s.tick, 'task', { node: run.owner, unit: u, task: 'escort', cell: -1 });
      break;
    }
  }
  for (let k = 0; k < s.kAlive.length; k++) {
    if (!s.kAlive[k]) continue;
    const run = def.supplyRuns[s.kRun[k]!]!;
    const i = advanceAlong(s.kx, s.ky, k, run.path, s.kIdx[k]!, run.speed * def.dtH);
    s.kIdx[k] = i;
    if (i >= run.path.length) {
      const fuel = Math.min(s.kFuel[k]!, def.bCapFuel[run.to]! - s.bFuel[run.to]!);
      const sup = Math.min(s.kSup[k]!, def.bCapSup[run.to]! - s.bSup[run.to]!);
      s.bFuel[run.to] = s.bFuel[run.to]! + Math.max(0, fuel);
      s.bSup[run.to] = s.bSup[run.to]! + Math.max(0, sup);
      s.kAlive[k] = 0;
      w.log.push(s.tick, 'convoy-arrive', {
        convoy: k,
        run: s.kRun[k]!,
        base: run.to,
        fuel: r3(Math.max(0, fuel)),
        supplies: r3(Math.max(0, sup)),
      });
    }
  }
}

export function runLogistics(w: World): void {
  const { def, s } = w;
  for (let b = 0; b < def.nBases; b++) {
    s.bFuel[b] = Math.min(def.bCapFuel[b]!, s.bFuel[b]! + def.bInFuel[b]!);
    s.bSup[b] = Math.min(def.bCapSup[b]!, s.bSup[b]! + def.bInSup[b]!);
  }
  resupplyUnits(w);
  runConvoys(w);
  // Costs: unit-days of the units that exist, booked daily per actor.
  for (let u = 0; u < def.nUnits; u++) {
    if (s.uTask[u] !== TASK.destroyed && s.uTask[u] !== TASK.notArrived)
      s.costAcc[def.uOwner[u]!] = s.costAcc[def.uOwner[u]!]! + (def.uCost[u]! * def.dtH) / 24;
  }
  const perDay = Math.round(1440 / def.tickMinutes);
  if ((s.tick + 1) % perDay === 0) {
    for (let a = 0; a < def.nActors; a++) {
      const amount = s.costAcc[a]!;
      if (amount <= 0) continue;
      s.budget[a] = s.budget[a]! - amount;
      w.log.push(s.tick, 'cost', { actor: a, amount: r3(amount) });
      s.costAcc[a] = 0;
    }
  }
}
