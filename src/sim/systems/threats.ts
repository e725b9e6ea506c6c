// System 2: threat cells decide and move. Hide in a haven (recruiting where security presence
// is low), pick a target within range weighted by value, border seams without pursuit cover,
// and absence of security forces; move, attack, withdraw. Reads Def, unit positions (local
// knowledge of security presence is ground truth for the threat); writes cell state, logs
// raids and attacks, schedules reports. Stream: threats.

import { CELL, DOMAIN, TARGET } from '../codes';
import { r3 } from '../events';
import { hypot2 } from '../geo/hypot';
import { cellAllowed, segmentClear } from '../geo/pathfind';
import { cellOf } from '../geo/raster';
import { snapToDomain } from '../geo/snap';
import { advanceAlong } from '../movement';
import { knows } from '../picture';
import { poisson } from '../rng';
import { threatAllowed } from '../rules';
import { codeGrid, territoryAt } from '../sovereignty';
import type { World } from '../world';

const scratch = new Int32Array(4096);
const PRESENCE_KM = 30;
const ARRIVE_KM = 1;

const allowedByDomain = [threatAllowed(DOMAIN.ground), threatAllowed(DOMAIN.sea)];

function presence(w: World, x: number, y: number, km: number, domainMask: number): number {
  const n = w.unitGrid.queryRadius(x, y, km, scratch);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const u = scratch[i]!;
    if ((1 << w.def.uDomain[u]!) & domainMask) count++;
  }
  return count;
}

/** Security forces within the engagement radius deter an attack (the engagement system takes over). */
function guarded(w: World, c: number, domain: number): boolean {
  const { def, s } = w;
  return (
    presence(w, s.cx[c]!, s.cy[c]!, def.scenario.engagement.radiusKm, (1 << domain) | 0b100) > 0
  );
}

export function startRaid(
  w: World,
  c: number,
  kind: number,
  target: number,
  tx: number,
  ty: number,
): void {
  const { s, def } = w;
  // A coastal town can sit in a sea cell (or a berth on land): aim at the nearest cell the
  // raiders can stand on, or they would retry an impossible path every tick.
  const g = def.groups[s.cGroup[c]!]!;
  const code = codeGrid(def, g.domain);
  const allowed = allowedByDomain[g.domain === DOMAIN.ground ? 0 : 1]!;
  if (!cellAllowed(def.masks.spec, code, allowed, tx, ty)) {
    const p = snapToDomain(def.masks, code, allowed, tx, ty, 30);
    if (p) {
      tx = p[0];
      ty = p[1];
    }
  }
  s.cState[c] = CELL.move;
  s.cTargetKind[c] = kind;
  s.cTarget[c] = target;
  s.cTx[c] = tx;
  s.cTy[c] = ty;
  s.cRaid[c] = s.raids++;
  s.cPath[c] = null;
  let known = false;
  for (let a = 0; a < w.def.nActors && !known; a++)
    if (w.def.participant[a] && knows(w, a, c)) known = true;
  const label =
    kind === TARGET.place
      ? w.def.placeIds[target]!
      : kind === TARGET.ship
        ? `ship:${target}`
        : `route:${w.def.supplyRuns[target]!.id}`;
  w.log.push(s.tick, 'raid-start', {
    cell: c,
    raid: s.cRaid[c]!,
    target: label,
    x: r3(tx),
    y: r3(ty),
    known,
  });
}

/** The vertex of supply run r's route nearest to (x, y): where an ambush or IED waits. */
function ambushPoint(w: World, r: number, x: number, y: number): number {
  const path = w.def.supplyRuns[r]!.path;
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 0; i < path.length; i += 2) {
    const d = hypot2(path[i]! - x, path[i + 1]! - y);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** How long an ambush waits for a convoy before the cell gives up. */
const AMBUSH_WAIT_H = 72;
/** An ambush lies this close to the road: near enough to strike, off the carriageway. */
const AMBUSH_KM = 3;

/** Weighted choice of a target within range of the haven; false when none is worth it. */
function chooseTarget(w: World, c: number): boolean {
  const { def, s } = w;
  const g = def.groups[s.cGroup[c]!]!;
  const rng = w.rng.threats;
  const hx = s.cHx[c]!;
  const hy = s.cHy[c]!;
  const kinds: number[] = [];
  const ids: number[] = [];
  const weights: number[] = [];
  const seamWeight = (x: number, y: number) => {
    const cell = cellOf(def.masks.spec, x, y);
    if (cell < 0) return 0;
    const near = Math.exp(-def.masks.borderKm[cell]! / 40);
    return w.permits.seamCovered[def.masks.borderPair[cell]!] ? 0 : near;
  };
  const consider = (kind: number, id: number, x: number, y: number, value: number) => {
    const d = hypot2(x - hx, y - hy);
    if (d > g.rangeKm) return;
    const guard = presence(w, x, y, PRESENCE_KM, 0b111);
    const weight =
      (value * (1 + 3 * g.seam * seamWeight(x, y)) * (1 - d / (g.rangeKm * 1.5))) / (1 + 2 * guard);
    if (weight > 0) {
      kinds.push(kind);
      ids.push(id);
      weights.push(weight);
    }
  };
  if (g.targetPlaceKinds.size) {
    for (let p = 0; p < def.nPlaces; p++) {
      if (g.targetPlaceKinds.has(def.pKind[p]!))
        consider(
          TARGET.place,
          p,
          def.pX[p]!,
          def.pY[p]!,
          Math.log10(10 + def.pPop[p]!) * (g.preference[def.pKind[p]!] ?? 1),
        );
    }
  }
  if (g.targetsShips) {
    for (let v = 0; v < s.vAlive.length; v++)
      if (s.vAlive[v]) consider(TARGET.ship, v, s.vx[v]!, s.vy[v]!, 4 * (g.preference.ship ?? 1));
  }
  // Convoys outrun raiders: a convoy raid lays an ambush (or an IED) on a supply route and
  // waits there for the next convoy of that run. The candidate is the route, not a convoy.
  const ambush: number[] = [];
  if (g.targetsConvoys) {
    for (let r = 0; r < def.supplyRuns.length; r++) {
      const i = ambushPoint(w, r, hx, hy);
      const path = def.supplyRuns[r]!.path;
      const before = kinds.length;
      consider(TARGET.convoy, r, path[i]!, path[i + 1]!, 5 * (g.preference.convoy ?? 1));
      if (kinds.length > before) ambush[before] = i;
    }
  }
  let total = 0;
  for (const x of weights) total += x;
  if (total <= 0) return false;
  let r = rng() * total;
  let pick = 0;
  for (; pick < weights.length - 1; pick++) {
    r -= weights[pick]!;
    if (r <= 0) break;
  }
  const kind = kinds[pick]!;
  const id = ids[pick]!;
  let tx = kind === TARGET.place ? def.pX[id]! : s.vx[id]!;
  let ty = kind === TARGET.place ? def.pY[id]! : s.vy[id]!;
  s.cAmbush[c] = -1;
  if (kind === TARGET.convoy) {
    const i = ambush[pick]!;
    const path = def.supplyRuns[id]!.path;
    tx = path[i]!;
    ty = path[i + 1]!;
    s.cAmbush[c] = i;
    s.cTimer[c] = Math.round((AMBUSH_WAIT_H * 60) / def.tickMinutes);
  }
  startRaid(w, c, kind, id, tx, ty);
  return true;
}

/** Moves cell c toward (tx, ty); straight when clear, otherwise along a planned path. */
function moveCell(w: World, c: number, tx: number, ty: number, km: number): void {
  const { def, s } = w;
  const g = def.groups[s.cGroup[c]!]!;
  const code = codeGrid(def, g.domain);
  const allowed = allowedByDomain[g.domain === DOMAIN.ground ? 0 : 1]!;
  let path = s.cPath[c];
  if (!path) {
    const clear = segmentClear(def.masks.spec, code, allowed, s.cx[c]!, s.cy[c]!, tx, ty);
    const found = clear
      ? [tx, ty]
      : w.pathfinder.find(code, allowed, s.cx[c]!, s.cy[c]!, tx, ty, 40_000);
    path = found ?? [s.cx[c]!, s.cy[c]!];
    s.cPath[c] = path;
    s.cPathIdx[c] = 0;
  }
  const i = advanceAlong(s.cx, s.cy, c, path, s.cPathIdx[c]!, km);
  s.cPathIdx[c] = i;
  if (i >= path.length) s.cPath[c] = null;
}

function attack(w: World, c: number): void {
  const { def, s } = w;
  const g = def.groups[s.cGroup[c]!]!;
  const rng = w.rng.threats;
  const kind = s.cTargetKind[c]!;
  const id = s.cTarget[c]!;
  let harm = 0;
  let country = -1;
  let label = '';
  let reportTo = -1;
  let delay = 1;
  let reportP = 1;
  if (kind === TARGET.place) {
    harm = poisson(rng, 0.08 * s.cStr[c]! * Math.min(1, Math.log10(10 + def.pPop[id]!) / 4));
    country = def.pCountry[id]!;
    label = def.placeIds[id]!;
    reportTo = country;
    delay = def.pDelay[id]!;
    reportP = def.pReportP[id]!;
  } else if (kind === TARGET.ship) {
    harm = g.kind === 'kidnap' ? 1 + poisson(rng, 2) : poisson(rng, 0.5);
    label = `ship:${id}`;
    const t = def.traffic[s.vTraffic[id]!]!;
    delay = t.reportDelayTicks;
    reportTo = nearestCoastalActor(w, s.cx[c]!, s.cy[c]!);
    country = reportTo;
  } else {
    harm = poisson(rng, 0.05 * s.cStr[c]!);
    label = `convoy:${id}`;
    const run = def.supplyRuns[s.kRun[id]!]!;
    reportTo = run.owner;
    country = run.owner;
    // A raided convoy loses most of its load.
    s.kFuel[id] = s.kFuel[id]! * 0.3;
    s.kSup[id] = s.kSup[id]! * 0.3;
  }
  w.log.push(s.tick, 'attack', {
    cell: c,
    raid: s.cRaid[c]!,
    target: label,
    country,
    harm,
    x: r3(s.cx[c]!),
    y: r3(s.cy[c]!),
  });
  if (reportTo >= 0 && rng() < reportP) {
    s.reports.push({
      due: s.tick + Math.max(1, delay),
      actor: reportTo,
      cell: c,
      x: s.cx[c]!,
      y: s.cy[c]!,
    });
  }
  s.cState[c] = CELL.withdraw;
  s.cPath[c] = null;
  // Lie low after a raid (the group's lieLowHours; one to three days by default).
  const [lo, hi] = g.lieLowTicks;
  s.cTimer[c] = lo + Math.round(rng() * (hi - lo));
}

/** The actor whose territory or HQ is nearest: who a ship at sea reports to. */
function nearestCoastalActor(w: World, x: number, y: number): number {
  const { def } = w;
  const host = territoryAt(def, x, y);
  if (host >= 0 && !def.isOrg[host] && def.participant[host]) return host;
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let a = 0; a < def.nActors; a++) {
    if (def.isOrg[a] || !def.participant[a]) continue;
    const d = hypot2(def.hqX[a]! - x, def.hqY[a]! - y);
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}

export function runThreats(w: World): void {
  const { def, s } = w;
  const rng = w.rng.threats;
  const dt = def.dtH;
  for (let c = 0; c < s.nCells; c++) {
    const state = s.cState[c]!;
    if (state === CELL.dead || state === CELL.unborn) continue;
    const g = def.groups[s.cGroup[c]!]!;
    if (state === CELL.hide) {
      if (presence(w, s.cx[c]!, s.cy[c]!, 50, 0b111) === 0 && s.cStr[c]! < g.maxStrength) {
        s.cRecruit[c] = s.cRecruit[c]! + g.recruitPerTick;
        if (s.cRecruit[c]! >= 1) {
          const n = Math.min(Math.floor(s.cRecruit[c]!), Math.ceil(g.maxStrength - s.cStr[c]!));
          s.cStr[c] = s.cStr[c]! + n;
          s.cRecruit[c] = s.cRecruit[c]! - Math.floor(s.cRecruit[c]!);
          w.log.push(s.tick, 'recruit', { cell: c, amount: n });
        }
      }
      if (s.cTimer[c]! > 0) {
        s.cTimer[c] = s.cTimer[c]! - 1;
        continue;
      }
      const strengthFactor = Math.min(1, s.cStr[c]! / g.strength);
      if (rng() < g.attackPerTick * strengthFactor && !chooseTarget(w, c)) {
        s.cTimer[c] = Math.round((6 * 60) / def.tickMinutes);
      }
      continue;
    }
    if (state === CELL.move) {
      const kind = s.cTargetKind[c]!;
      const id = s.cTarget[c]!;
      // Moving targets: follow them; a target that is gone ends the raid.
      if (kind === TARGET.ship) {
        if (!s.vAlive[id]) {
          s.cState[c] = CELL.withdraw;
          s.cPath[c] = null;
          continue;
        }
        // Ships are slow enough to chase: follow them.
        if (hypot2(s.vx[id]! - s.cTx[c]!, s.vy[id]! - s.cTy[c]!) > 2) s.cPath[c] = null;
        s.cTx[c] = s.vx[id]!;
        s.cTy[c] = s.vy[id]!;
      } else if (kind === TARGET.convoy) {
        // Lying in wait on run `id`'s route: strike the first of its convoys that passes.
        if (s.cStrStart[c]! > 0) continue;
        moveCell(w, c, s.cTx[c]!, s.cTy[c]!, g.speed * dt);
        if (hypot2(s.cx[c]! - s.cTx[c]!, s.cy[c]! - s.cTy[c]!) > AMBUSH_KM) continue;
        s.cTimer[c] = s.cTimer[c]! - 1;
        // A convoy moves several km a tick: it is caught if it reached or went past the ambush
        // vertex during this tick (by route index and distance travelled).
        const run = def.supplyRuns[id]!;
        const reach = run.speed * dt + AMBUSH_KM;
        const at = s.cAmbush[c]!;
        let passing = -1;
        for (let k = 0; k < s.kAlive.length && passing < 0; k++) {
          if (!s.kAlive[k] || s.kRun[k] !== id) continue;
          const d = hypot2(s.kx[k]! - s.cx[c]!, s.ky[k]! - s.cy[c]!);
          const idx = s.kIdx[k]!;
          if ((idx <= at && d <= 2 * ARRIVE_KM) || (idx > at && idx <= at + 6 && d <= reach))
            passing = k;
        }
        if (passing >= 0 && !guarded(w, c, g.domain)) {
          s.cTarget[c] = passing;
          attack(w, c);
        } else if (s.cTimer[c]! <= 0) {
          s.cState[c] = CELL.withdraw;
          s.cPath[c] = null;
        }
        continue;
      }
      if (s.cStrStart[c]! > 0) continue; // pinned in an engagement
      moveCell(w, c, s.cTx[c]!, s.cTy[c]!, g.speed * dt);
      if (hypot2(s.cx[c]! - s.cTx[c]!, s.cy[c]! - s.cTy[c]!) <= ARRIVE_KM) {
        // Security forces on the spot deter the attack; the engagement system takes over.
        if (guarded(w, c, g.domain)) continue;
        attack(w, c);
      }
      continue;
    }
    if (state === CELL.withdraw) {
      if (s.cStrStart[c]! > 0) continue;
      moveCell(w, c, s.cHx[c]!, s.cHy[c]!, g.speed * dt);
      if (hypot2(s.cx[c]! - s.cHx[c]!, s.cy[c]! - s.cHy[c]!) <= ARRIVE_KM) {
        s.cState[c] = CELL.hide;
        s.cPath[c] = null;
        w.log.push(s.tick, 'raid-end', { cell: c, raid: s.cRaid[c]! });
        s.cRaid[c] = -1;
        if (s.cTimer[c]! <= 0) s.cTimer[c] = g.lieLowTicks[0];
      }
    }
  }
}
