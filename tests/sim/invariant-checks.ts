// The invariant checks of tests/sim/invariants.test.ts, checked against the scenario itself (not
// the engine's own permit tables): domains, borders, stocks, fuel, message latency. A sweep
// checks about a million facts, so the checks count violations and keep the first few instead
// of calling `expect` for each; `Violations.throwIfAny` then fails once, saying where.

import { DOMAIN, TASK } from '../../src/sim/codes';
import { CODE_LAND } from '../../src/sim/geo/masks';
import { cellOf } from '../../src/sim/geo/raster';
import type { Session } from '../../src/sim/session';

/** How many violations a failure lists; the rest are only counted. */
const SHOWN = 10;

export class Violations {
  count = 0;
  readonly first: string[] = [];

  add(session: Session, what: string, unit?: number): void {
    this.count++;
    if (this.first.length >= SHOWN) return;
    const { def, s } = session.world;
    const who = unit === undefined ? '' : ` unit ${def.unitIds[unit]}`;
    this.first.push(`seed ${session.seed} tick ${s.tick}${who}: ${what}`);
  }

  throwIfAny(context: string): void {
    if (this.count === 0) return;
    const more =
      this.count > this.first.length ? `\n  … and ${this.count - this.first.length} more` : '';
    throw new Error(
      `${context}: ${this.count} invariant violation${this.count === 1 ? '' : 's'}:\n  ${this.first.join('\n  ')}${more}`,
    );
  }
}

export interface Tally {
  unitTicks: number;
  foreignTicks: number;
  strandedChecks: number;
  messages: number;
}

export const newTally = (): Tally => ({
  unitTicks: 0,
  foreignTicks: 0,
  strandedChecks: 0,
  messages: 0,
});

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

/** What the per-tick checks remember between ticks: each unit's host and where it ran dry. */
export interface Memory {
  host: Int16Array;
  strandedAt: Float64Array;
}

export function remember(session: Session): Memory {
  const n = session.world.def.nUnits;
  return {
    host: Int16Array.from({ length: n }, (_, u) => hostOf(session, u)),
    strandedAt: new Float64Array(n * 2).fill(Number.NaN),
  };
}

/** The state now: every unit's domain and rights, fuel, stranded units, base stocks. */
export function checkTick(session: Session, mem: Memory, v: Violations, tally: Tally): void {
  const { def, s } = session.world;
  for (let u = 0; u < def.nUnits; u++) {
    // Domains hold every tick; rights are checked whenever a unit crosses into a territory.
    const now = hostOf(session, u);
    const why = legalPosition(session, u);
    const domainBreach =
      why === 'ground unit at sea' || why === 'ship on land' || why === 'outside the map';
    if (why && (domainBreach || now !== mem.host[u])) v.add(session, why, u);
    mem.host[u] = now;
    tally.unitTicks++;
    const cell = cellOf(def.masks.spec, s.ux[u]!, s.uy[u]!);
    const code = def.airCode[cell]!;
    if (code > 0 && code < 254 && def.codeToActor[code] !== def.uOwner[u]) tally.foreignTicks++;
    if (!(s.uFuel[u]! >= 0)) v.add(session, `fuel ${s.uFuel[u]} < 0`, u);
    // Out of fuel: it stops where it ran dry.
    if (s.uTask[u] === TASK.stranded) {
      if (Number.isNaN(mem.strandedAt[2 * u]!)) {
        mem.strandedAt[2 * u] = s.ux[u]!;
        mem.strandedAt[2 * u + 1] = s.uy[u]!;
      } else {
        const x = mem.strandedAt[2 * u]!;
        const y = mem.strandedAt[2 * u + 1]!;
        if (s.ux[u] !== x || s.uy[u] !== y)
          v.add(session, `stranded at (${x}, ${y}) but moved to (${s.ux[u]}, ${s.uy[u]})`, u);
        tally.strandedChecks++;
      }
    }
  }
  for (let b = 0; b < def.nBases; b++) {
    if (!(s.bFuel[b]! >= 0)) v.add(session, `base ${b} fuel stock ${s.bFuel[b]} < 0`);
    if (!(s.bSup[b]! >= 0)) v.add(session, `base ${b} supply stock ${s.bSup[b]} < 0`);
  }
}

/**
 * The event log: no message arrives sooner than its agreement's latency or without having been
 * sent; every awareness by message coincides with a message arriving for that actor and cell.
 */
export function checkMessages(session: Session, v: Violations, tally: Tally): void {
  const { def } = session.world;
  const sent = new Map<number, number>();
  const arrivals = new Set<string>();
  const at = (t: number, what: string) => v.add(session, `(event at tick ${t}) ${what}`);
  for (const e of session.world.log.events) {
    if (e.k === 'msg-send') sent.set(e.msg, e.t);
    if (e.k === 'msg-arrive') {
      if (!sent.has(e.msg)) at(e.t, `message ${e.msg} arrived but was never sent`);
      arrivals.add(`${e.t}:${e.to}:${e.cell}`);
      tally.messages++;
    }
    if (e.k === 'aware' && e.via === 'message' && !arrivals.has(`${e.t}:${e.actor}:${e.cell}`))
      at(e.t, `actor ${e.actor} aware of cell ${e.cell} by a message that did not arrive`);
  }
  for (const e of session.world.log.events) {
    if (e.k !== 'msg-send') continue;
    const took = (e.arrive - e.t) * def.tickMinutes;
    const least = minimumLatencyMin(session, e.agreement);
    if (took < least - 1e-9)
      at(e.t, `message ${e.msg} over agreement ${e.agreement} took ${took} min < ${least} min`);
  }
}

/** Runs a session for `ticks` ticks checking every tick, then its messages; throws on any violation. */
export function runChecked(session: Session, ticks: number, tally: Tally, context: string): void {
  const v = new Violations();
  const mem = remember(session);
  for (let t = 0; t < ticks; t++) {
    session.step(1);
    checkTick(session, mem, v, tally);
  }
  checkMessages(session, v, tally);
  v.throwIfAny(context);
}
