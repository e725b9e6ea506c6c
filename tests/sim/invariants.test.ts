// Invariants across 20 seeds per scenario, checked every tick against the scenario itself
// (not the engine's own permit tables): domains, borders, stocks, fuel, message latency.
import { describe, expect, it } from 'vitest';
import { CODE_LAND } from '../../src/sim/geo/masks';
import { cellOf } from '../../src/sim/geo/raster';
import type { Session } from '../../src/sim/session';
import { DOMAIN, TASK } from '../../src/sim/world';
import { seeds, sim, ticksFor } from './driver';

interface Tally {
  unitTicks: number;
  foreignTicks: number;
  strandedChecks: number;
  messages: number;
}

/** The passability code under unit u in its own domain's grid (-1 outside the map). */
function codeUnder(session: Session, u: number): number {
  const { def, s } = session.world;
  const cell = cellOf(def.masks.spec, s.ux[u]!, s.uy[u]!);
  if (cell < 0) return -1;
  const d = def.uDomain[u]!;
  return d === DOMAIN.ground
    ? def.masks.land[cell]!
    : d === DOMAIN.sea
      ? def.masks.seaCode[cell]!
      : def.airCode[cell]!;
}

/** The actor whose land, territorial sea or airspace unit u is in (-1 none). */
function hostOf(session: Session, u: number): number {
  const { def } = session.world;
  const d = def.uDomain[u]!;
  const code = codeUnder(session, u);
  return code > 0 && code < 254
    ? def.codeToActor[code]!
    : code >= 254 && d !== DOMAIN.sea
      ? -2
      : -1;
}

/** Is unit u, having just entered where it is, allowed there by the scenario's rights as active now? */
function legalPosition(session: Session, u: number): string | null {
  const { def, s } = session.world;
  const code = codeUnder(session, u);
  if (code < 0) return 'outside the map';
  const d = def.uDomain[u]!;
  if (d === DOMAIN.ground && code === 0) return 'ground unit at sea';
  if (d === DOMAIN.sea && code === CODE_LAND) return 'ship on land';
  if (code === 0) return null; // high seas / international airspace
  if (code >= 254) return 'territory of an unlisted state';
  const host = def.codeToActor[code]!;
  const owner = def.uOwner[u]!;
  if (host === owner || def.members[owner]!.includes(host)) return null;
  // A joint force's mandate: its commanding organisation's current members' territory.
  const tf = s.uCommand[u]!;
  if (tf >= 0) {
    const force = def.taskForces[tf]!;
    if (host === force.commander || s.member[force.commander * def.nActors + host] === 1)
      return null;
  }
  const rights = def.scenario.rights;
  for (let r = 0; r < rights.length; r++) {
    const right = rights[r]!;
    if (
      !s.rightActive[r] ||
      right.grantor !== def.actorIds[host] ||
      right.grantee !== def.actorIds[owner]
    )
      continue;
    if (!right.domains.includes((['ground', 'sea', 'air'] as const)[d]!)) continue;
    if (right.kind === 'transit') return null;
    if (right.kind === 'hot-pursuit' && s.uPursuit[u]) return null;
  }
  return `in ${def.actorIds[host]}'s territory without a right`;
}

/**
 * The fastest a message may travel over agreement k, from the scenario as written: its latency
 * (a third less under the standard protocol), or a joint centre's, shortened only by liaison
 * officers between the two parties.
 */
function minimumLatencyMin(session: Session, k: number): number {
  const { def } = session.world;
  const sc = def.scenario;
  const ag = def.agreements[k]!;
  const written = sc.agreements[k];
  const base = written
    ? written.latencyMin * (written.protocol === 'standard' ? 2 / 3 : 1)
    : sc.jointCentres[ag.centre]!.latencyMin;
  const pair = [def.actorIds[ag.from], def.actorIds[ag.to]];
  let factor = 1;
  for (const l of sc.liaisonOffices)
    if (pair.includes(l.from) && pair.includes(l.to)) factor = Math.min(factor, l.latencyFactor);
  return base * factor;
}

function runChecked(session: Session, ticks: number, tally: Tally): void {
  const { def } = session.world;
  const n = def.nUnits;
  const strandedAt = new Float64Array(n * 2).fill(Number.NaN);
  const host = Int16Array.from({ length: n }, (_, u) => hostOf(session, u));
  for (let t = 0; t < ticks; t++) {
    session.step(1);
    const s = session.world.s;
    for (let u = 0; u < n; u++) {
      // Domains hold every tick; rights are checked whenever a unit crosses into a territory.
      const now = hostOf(session, u);
      const why = legalPosition(session, u);
      const domainBreach =
        why === 'ground unit at sea' || why === 'ship on land' || why === 'outside the map';
      if (why && (domainBreach || now !== host[u])) {
        throw new Error(`seed ${session.seed} tick ${s.tick}: unit ${def.unitIds[u]} ${why}`);
      }
      host[u] = now;
      tally.unitTicks++;
      const cell = cellOf(def.masks.spec, s.ux[u]!, s.uy[u]!);
      const code = def.airCode[cell]!;
      if (code > 0 && code < 254 && def.codeToActor[code] !== def.uOwner[u]) tally.foreignTicks++;
      expect(s.uFuel[u]!).toBeGreaterThanOrEqual(0);
      // Out of fuel: it stops where it ran dry.
      if (s.uTask[u] === TASK.stranded) {
        if (Number.isNaN(strandedAt[2 * u]!)) {
          strandedAt[2 * u] = s.ux[u]!;
          strandedAt[2 * u + 1] = s.uy[u]!;
        } else {
          expect(s.ux[u]).toBe(strandedAt[2 * u]);
          expect(s.uy[u]).toBe(strandedAt[2 * u + 1]);
          tally.strandedChecks++;
        }
      }
    }
    for (let b = 0; b < def.nBases; b++) {
      expect(s.bFuel[b]!).toBeGreaterThanOrEqual(0);
      expect(s.bSup[b]!).toBeGreaterThanOrEqual(0);
    }
  }
  // Messages: none arrives sooner than its agreement's latency; every awareness by message
  // coincides with a message arriving for that actor and cell.
  const sent = new Map<number, number>();
  const arrivals = new Set<string>();
  for (const e of session.world.log.events) {
    if (e.k === 'msg-send') sent.set(e.msg, e.t);
    if (e.k === 'msg-arrive') {
      const t0 = sent.get(e.msg);
      expect(t0).toBeDefined();
      arrivals.add(`${e.t}:${e.to}:${e.cell}`);
      tally.messages++;
    }
    if (e.k === 'aware' && e.via === 'message')
      expect(arrivals.has(`${e.t}:${e.actor}:${e.cell}`)).toBe(true);
  }
  for (const e of session.world.log.events) {
    if (e.k !== 'msg-send') continue;
    expect((e.arrive - e.t) * def.tickMinutes).toBeGreaterThanOrEqual(
      minimumLatencyMin(session, e.agreement) - 1e-9,
    );
  }
}

describe.each([
  ['sahel-ct', '10d'],
  ['sea-maritime', '7d'],
])('%s invariants over 20 seeds', (name, span) => {
  it('keeps ships at sea, ground units on land, every unit inside its rights, stocks and fuel non-negative, messages no faster than their latency', () => {
    const tally: Tally = { unitTicks: 0, foreignTicks: 0, strandedChecks: 0, messages: 0 };
    for (const seed of seeds(20)) {
      const session = sim(name, seed);
      runChecked(session, ticksFor(session, span), tally);
    }
    // The checks saw real activity: units abroad under rights, messages delivered.
    expect(tally.unitTicks).toBeGreaterThan(10_000);
    expect(tally.foreignTicks).toBeGreaterThan(0);
    expect(tally.messages).toBeGreaterThan(100);
  });
});

describe('fuel', () => {
  it('a unit that runs out of fuel stops where it is, across 20 seeds', () => {
    const tally: Tally = { unitTicks: 0, foreignTicks: 0, strandedChecks: 0, messages: 0 };
    let stranded = 0;
    for (const seed of seeds(20)) {
      // Thin tanks and a bingo rule that cannot keep up: some units run dry.
      const session = sim('sahel-ct', seed, [
        'unitTypes.*.fuelCapacityH=1.2',
        'unitTypes.*.idleFuelPerH=0.2',
      ]);
      runChecked(session, ticksFor(session, '2d'), tally);
      stranded += session.world.log.events.filter((e) => e.k === 'out-of-fuel').length;
    }
    expect(stranded).toBeGreaterThan(0);
    expect(tally.strandedChecks).toBeGreaterThan(0);
  });
});
