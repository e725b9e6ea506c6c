// The initial `State` of a run from its `Def` and seed: every changing array allocated at its
// size and filled with its starting values, then units placed at their bases (or positions)
// on their standing tasks. Runs once per run, so it may allocate freely.
import { indexer } from './build-context';
import { initiallyActive } from './build-mechanisms';
import { CELL, DOMAIN, TASK } from './codes';
import { toX, toY } from './geo/projection';
import { makeStreams, type Streams } from './rng';
import { initialTrust } from './systems/trust';
import { unitEntries } from './unit-entries';
import type { Def, State } from './world';

const f = (k: number) => new Float64Array(k);

/** Per-unit arrays: full fuel and supplies, at home, no task, no order. */
function unitArrays(def: Def) {
  const n = def.nUnits;
  return {
    ux: f(n),
    uy: f(n),
    uPrevX: f(n),
    uPrevY: f(n),
    uFuel: Float64Array.from(def.uFuelCap),
    uSup: Float64Array.from(def.uSupCap),
    uStr: new Float64Array(n),
    uReady: new Float64Array(n),
    uTask: new Uint8Array(n),
    uTaskCell: new Int32Array(n).fill(-1),
    uTaskNode: new Int32Array(n).fill(-1),
    uTx: f(n),
    uTy: f(n),
    uPath: Array.from({ length: n }, () => null),
    uPathIdx: new Int32Array(n),
    uCommand: new Int16Array(n).fill(-1),
    uStanding: new Uint8Array(n),
    uStandingRef: new Int16Array(n).fill(-1),
    uPursuit: new Uint8Array(n),
    uExit: new Int16Array(n).fill(-1),
    uEngaged: new Int32Array(n).fill(-1),
    uWait: new Int32Array(n),
    uTerritory: new Int16Array(n).fill(-1),
    uEscort: new Int32Array(n).fill(-1),
    uBase: Int16Array.from(def.uHome),
    uMoved: f(n),
    uStrStart: f(n),
    uOrdered: new Uint8Array(n),
    uOrderX: f(n),
    uOrderY: f(n),
  };
}

/** Threat cell slots (all unborn until spawned) and every actor's picture of each slot. */
function cellArrays(def: Def) {
  const cap = def.cellCap;
  const nA = def.nActors;
  return {
    nCells: 0,
    cGroup: new Int16Array(cap).fill(-1),
    cx: f(cap),
    cy: f(cap),
    cStr: f(cap),
    cStrStart: f(cap),
    cState: new Uint8Array(cap).fill(CELL.unborn),
    cHaven: new Int16Array(cap).fill(-1),
    cHx: f(cap),
    cHy: f(cap),
    cTargetKind: new Int8Array(cap).fill(-1),
    cTarget: new Int32Array(cap).fill(-1),
    cTx: f(cap),
    cTy: f(cap),
    cRaid: new Int32Array(cap).fill(-1),
    cTimer: new Int32Array(cap),
    cAmbush: new Int32Array(cap).fill(-1),
    cRecruit: f(cap),
    cPath: Array.from({ length: cap }, () => null),
    cPathIdx: new Int32Array(cap),
    raids: 0,
    cEp: new Int32Array(cap).fill(-1),
    cEpStart: new Int32Array(cap),
    episodes: 0,
    trX: f(nA * cap),
    trY: f(nA * cap),
    trSeen: new Int32Array(nA * cap).fill(-1),
    trSource: new Int16Array(nA * cap).fill(-1),
    trSent: new Int32Array(nA * cap).fill(-1_000_000),
    trAware: new Int32Array(nA * cap).fill(-1),
    trClass: new Uint8Array(nA * cap),
  };
}

/**
 * Command assignments (node × cell), messages, stocks, switches, trust and budgets, traffic
 * vessels and convoys. Draws one rng.traffic() per traffic stream, then one rng.logistics() per
 * supply run, in that order, as the run has always done: keep it.
 */
function otherArrays(def: Def, rng: Streams) {
  const sc = def.scenario;
  const cap = def.cellCap;
  const nA = def.nActors;
  return {
    politics: [],
    assigned: new Int32Array((nA + def.taskForces.length) * cap).fill(-1),
    retryAt: new Int32Array((nA + def.taskForces.length) * cap),
    msgs: [],
    nextMsg: 0,
    reports: [],
    foundOut: [],
    bFuel: Float64Array.from(sc.bases.map((b) => b.stocks.fuel)),
    bSup: Float64Array.from(sc.bases.map((b) => b.stocks.supplies)),
    agActive: Uint8Array.from(
      def.agreements.map((a, i) =>
        a.centre >= 0
          ? sc.jointCentres[a.centre]!.active
            ? 1
            : 0
          : sc.agreements[i]!.active
            ? 1
            : 0,
      ),
    ),
    rightActive: Uint8Array.from(sc.rights.map((r) => (r.active ? 1 : 0))),
    mechActive: initiallyActive(sc),
    member: new Uint8Array(nA * nA),
    tfDecisionTicks: Int32Array.from(def.taskForces.map((t) => t.decisionTicks)),
    readinessNorm: Float64Array.from(sc.actors.map((a) => a.readiness)),
    zoneOwner: Int16Array.from(def.zones.map((z) => z.owner)),
    trust: new Float64Array(nA * nA),
    budget: Float64Array.from(sc.actors.map((a) => a.budget)),
    closedUntil: new Int32Array(def.zones.length * 3),
    autoTasking: new Uint8Array(nA).fill(1),
    liveInjects: [],
    vAlive: new Uint8Array(def.vesselCap),
    vTraffic: new Int16Array(def.vesselCap),
    vDir: new Int8Array(def.vesselCap),
    vDist: f(def.vesselCap),
    vx: f(def.vesselCap),
    vy: f(def.vesselCap),
    trafficAcc: Float64Array.from(def.traffic.map(() => rng.traffic())),
    kAlive: new Uint8Array(def.convoyCap),
    kRun: new Int16Array(def.convoyCap),
    kx: f(def.convoyCap),
    ky: f(def.convoyCap),
    kIdx: new Int32Array(def.convoyCap),
    kFuel: f(def.convoyCap),
    kSup: f(def.convoyCap),
    runNext: Int32Array.from(def.supplyRuns.map((r) => Math.floor(rng.logistics() * r.everyTicks))),
    costAcc: f(nA),
  };
}

/** Units at their position or home base (berth for ships), at strength, on standing tasks. */
function placeUnits(def: Def, s: State): void {
  const sc = def.scenario;
  const units = unitEntries(sc).flatMap(({ unit: u }) => Array.from({ length: u.count }, () => u));
  const zoneOf = indexer(sc.zones.map((z) => z.id));
  const routeOf = indexer(sc.routes.map((r) => r.id));
  const tfOf = indexer(sc.taskForces.map((t) => t.id));
  units.forEach((u, i) => {
    const home = def.uHome[i]!;
    const sea = def.uDomain[i] === DOMAIN.sea;
    const x = u.position
      ? toX(def.masks.proj, u.position[0])
      : sea
        ? def.bBerthX[home]!
        : def.bX[home]!;
    const y = u.position
      ? toY(def.masks.proj, u.position[1])
      : sea
        ? def.bBerthY[home]!
        : def.bY[home]!;
    s.ux[i] = x;
    s.uy[i] = y;
    s.uPrevX[i] = x;
    s.uPrevY[i] = y;
    s.uStr[i] = def.uStrength0[i]! * u.strength;
    s.uReady[i] = u.readiness ?? sc.actors[def.uOwner[i]!]!.readiness;
    s.uCommand[i] = u.command === 'national' ? -1 : tfOf(u.command);
    s.uStanding[i] =
      u.task.kind === 'patrol-area'
        ? TASK.patrolArea
        : u.task.kind === 'patrol-route'
          ? TASK.patrolRoute
          : TASK.idle;
    s.uStandingRef[i] =
      u.task.kind === 'patrol-area'
        ? zoneOf(u.task.zone)
        : u.task.kind === 'patrol-route'
          ? routeOf(u.task.route)
          : -1;
    // A force-flow unit waits out of the world until its inject fires (systems/injects.ts).
    s.uTask[i] = def.uArrive[i]! >= 0 ? TASK.notArrived : s.uStanding[i]!;
  });
}

export function initState(def: Def, seed: number): { s: State; rng: Streams } {
  const rng = makeStreams(seed);
  const nA = def.nActors;
  const s: State = {
    tick: 0,
    ...unitArrays(def),
    ...cellArrays(def),
    ...otherArrays(def, rng),
  };
  def.members.forEach((ms, org) => {
    for (const m of ms) s.member[org * nA + m] = 1;
  });
  s.trust.set(initialTrust(def));
  placeUnits(def, s);
  return { s, rng };
}
