// Sovereignty: who may be where. Builds per-actor, per-domain passability tables from the
// active rights (rebuilt only when a right changes) and answers "may unit u stand here?"
// with a grid lookup. Reads Def, State.rightActive; writes nothing in State.

import { CAVEAT, DOMAIN, TASK } from './codes';
import { CODE_LAND, CODE_OTHER } from './geo/masks';
import type { Def, Permits, State, World } from './world';

export function buildPermits(def: Def, s: State): Permits {
  const nA = def.nActors;
  const make = () =>
    Array.from({ length: nA }, () => [
      new Uint8Array(256),
      new Uint8Array(256),
      new Uint8Array(256),
    ]);
  const move = make();
  const pursuit = make();
  const pursuitDepth = Array.from({ length: nA }, () => new Float32Array(256));
  const owns = (a: number, code: number) => {
    const owner = def.codeToActor[code]!;
    return owner === a || (owner >= 0 && def.members[a]!.includes(owner));
  };
  for (let a = 0; a < nA; a++) {
    for (let d = 0; d < 3; d++) {
      const m = move[a]![d]!;
      for (let code = 1; code < 254; code++)
        if (def.codeToActor[code]! >= 0 && owns(a, code)) m[code] = 1;
      if (d !== DOMAIN.ground) m[0] = 1; // high seas are free at sea and in the air
    }
  }
  def.rights.forEach((r, i) => {
    if (!s.rightActive[i] || r.kind === 'base-access') return;
    for (let code = 1; code < 254; code++) {
      if (def.codeToActor[code] !== r.grantor) continue;
      for (let d = 0; d < 3; d++) {
        if (!(r.domains & (1 << d))) continue;
        if (r.kind === 'transit') move[r.grantee]![d]![code] = 1;
        else {
          pursuit[r.grantee]![d]![code] = 1;
          pursuitDepth[r.grantee]![code] = Math.max(pursuitDepth[r.grantee]![code]!, r.depthKm);
        }
      }
    }
  });
  for (let a = 0; a < nA; a++)
    for (let d = 0; d < 3; d++)
      for (let c = 0; c < 256; c++) pursuit[a]![d]![c]! |= move[a]![d]![c]!;
  for (let a = 0; a < nA; a++) {
    for (let d = 0; d < 3; d++) {
      move[a]![d]![CODE_LAND] = 0;
      move[a]![d]![CODE_OTHER] = 0;
      pursuit[a]![d]![CODE_LAND] = 0;
      pursuit[a]![d]![CODE_OTHER] = 0;
    }
    move[a]![DOMAIN.ground]![0] = 0;
    pursuit[a]![DOMAIN.ground]![0] = 0;
  }
  // Seam cover: borders (code pairs) across which pursuit is possible both ways.
  const seamCovered = new Uint8Array(65536);
  for (const pair of def.borders) {
    const a = Math.floor(pair / 256);
    const b = pair % 256;
    const A = def.codeToActor[a]!;
    const B = def.codeToActor[b]!;
    if (A < 0 || B < 0) continue;
    const both = (pursuit[A]![DOMAIN.ground]![b] ?? 0) && (pursuit[B]![DOMAIN.ground]![a] ?? 0);
    if (both) seamCovered[pair] = 1;
  }
  const baseUse = Uint8Array.from(def.bUsers);
  // A shared logistics framework: every member may resupply at every member's bases.
  for (const f of def.frameworks) {
    if (!s.mechActive[f.mech]) continue;
    for (let b = 0; b < def.nBases; b++)
      if (f.members.includes(def.bOwner[b]!)) for (const m of f.members) baseUse[b * nA + m] = 1;
  }
  def.rights.forEach((r, i) => {
    if (!s.rightActive[i] || r.kind !== 'base-access') return;
    for (let b = 0; b < def.nBases; b++)
      if (def.bOwner[b] === r.grantor) baseUse[b * nA + r.grantee] = 1;
  });
  // A task force's mandate: every current member's territory of its commanding organisation
  // (or the commanding nation's) — what members grant a joint force (FC-G5S, AMISOM). It
  // takes tasks only inside its area of operations (command.ts).
  const taskForce = def.taskForces.map((t) => {
    const codes = new Uint8Array(256);
    for (let c = 1; c < CODE_LAND; c++) {
      const host = def.codeToActor[c]!;
      if (host >= 0 && (host === t.commander || s.member[t.commander * nA + host] === 1))
        codes[c] = 1;
    }
    return codes;
  });
  return { move, pursuit, pursuitDepth, seamCovered, baseUse, taskForce };
}

/** The passability code grid for a unit's domain. */
export function codeGrid(def: Def, domain: number): Uint8Array {
  return domain === DOMAIN.ground
    ? def.masks.groundCode
    : domain === DOMAIN.sea
      ? def.masks.seaCode
      : def.airCode;
}

/** The allowed-codes table for unit u now (caveats, pursuit, task force, exit). */
export function allowedFor(w: World, u: number): Uint8Array {
  const { def, s, permits } = w;
  const a = def.uOwner[u]!;
  const d = def.uDomain[u]!;
  if (def.uCaveats[u]! & CAVEAT.ownTerritoryOnly) return ownOnly(w, a, d);
  let base = s.uPursuit[u] ? permits.pursuit[a]![d]! : permits.move[a]![d]!;
  if (s.uCommand[u]! >= 0) base = withTaskForce(w, base, s.uCommand[u]!);
  return s.uExit[u]! >= 0 ? withExit(w, base, s.uExit[u]!) : base;
}

// Derived tables are cached under (a, b) and made on first use (permit tables are rebuilt,
// not mutated). Callers write `cached(…) ?? remember(…, build)`: a hit builds nothing.

/** The table remembered under (a, b), if any. */
function cached<A extends object, B>(
  cache: WeakMap<A, Map<B, Uint8Array>>,
  a: A,
  b: B,
): Uint8Array | undefined {
  return cache.get(a)?.get(b);
}

/** Remembers table t under (a, b) and returns it. */
function remember<A extends object, B>(
  cache: WeakMap<A, Map<B, Uint8Array>>,
  a: A,
  b: B,
  t: Uint8Array,
): Uint8Array {
  let m = cache.get(a);
  if (!m) {
    m = new Map();
    cache.set(a, m);
  }
  m.set(b, t);
  return t;
}

/** `base` with every code `extra` allows allowed too. */
function union(base: Uint8Array, extra: (c: number) => boolean): Uint8Array {
  const t = Uint8Array.from(base);
  for (let c = 0; c < 256; c++) if (extra(c)) t[c] = 1;
  return t;
}

/** The territory task force tf may work in (see `buildPermits`). */
export function taskForceCodes(w: World, tf: number): Uint8Array {
  return w.permits.taskForce[tf]!;
}

const withTfCache = new WeakMap<Uint8Array, Map<Uint8Array, Uint8Array>>();
function withTaskForce(w: World, base: Uint8Array, tf: number): Uint8Array {
  const codes = taskForceCodes(w, tf);
  // Runs per unit per step: a hit makes no closure.
  return (
    cached(withTfCache, base, codes) ??
    remember(
      withTfCache,
      base,
      codes,
      union(base, (c) => codes[c] === 1),
    )
  );
}

const exitCache = new WeakMap<Uint8Array, Map<number, Uint8Array>>();
/** A unit caught abroad when a right is withdrawn may still cross that territory to leave it. */
function withExit(w: World, base: Uint8Array, host: number): Uint8Array {
  return (
    cached(exitCache, base, host) ??
    remember(
      exitCache,
      base,
      host,
      union(base, (c) => c >= 1 && c < CODE_LAND && w.def.codeToActor[c] === host),
    )
  );
}

/** After rights change: units now standing where they may not be are sent to leave. */
export function unitsToWithdraw(w: World): number[] {
  const { def, s } = w;
  const out: number[] = [];
  for (let u = 0; u < def.nUnits; u++) {
    // A wreck stays where it was lost; a force flow not yet arrived is not there.
    if (s.uTask[u] === TASK.destroyed || s.uTask[u] === TASK.notArrived) continue;
    const x = s.ux[u]!;
    const y = s.uy[u]!;
    if (unitMayBe(w, u, x, y)) continue;
    const host = territoryAt(def, x, y);
    if (host >= 0) {
      s.uExit[u] = host;
      out.push(u);
    }
  }
  return out;
}

const ownCache = new WeakMap<Permits, Map<number, Uint8Array>>();
function ownOnly(w: World, a: number, d: number): Uint8Array {
  const hit = cached(ownCache, w.permits, a * 3 + d);
  if (hit) return hit;
  const t = new Uint8Array(256);
  for (let c = 1; c < 254; c++) if (w.def.codeToActor[c] === a) t[c] = w.permits.move[a]![d]![c]!;
  if (d !== DOMAIN.ground) t[0] = 1;
  return remember(ownCache, w.permits, a * 3 + d, t);
}

/** May unit u stand at (x, y)? Checks domain, sovereignty, pursuit depth and weather closures. */
export function unitMayBe(w: World, u: number, x: number, y: number): boolean {
  const spec = w.def.masks.spec;
  const col = Math.floor(x / spec.cellKm);
  const row = Math.floor(y / spec.cellKm);
  if (col < 0 || row < 0 || col >= spec.cols || row >= spec.rows) return false;
  return unitMayBeCell(w, u, row * spec.cols + col, allowedFor(w, u));
}

/**
 * unitMayBe for grid cell c, with `allowed` = allowedFor(w, u) looked up once by the caller
 * (it holds while the unit's pursuit, command and exit state and the permits do not change).
 */
export function unitMayBeCell(w: World, u: number, c: number, allowed: Uint8Array): boolean {
  const { def } = w;
  const d = def.uDomain[u]!;
  const code = codeGrid(def, d)[c]!;
  const a = def.uOwner[u]!;
  if (allowed[code] !== 1) return false;
  const tf = w.s.uCommand[u]!;
  const own = (w.s.uPursuit[u] ? w.permits.pursuit : w.permits.move)[a]![d]![code] === 1;
  if (!own && tf >= 0 && taskForceCodes(w, tf)[code] === 1 && w.s.uExit[u]! < 0) {
    // Abroad by the joint force's mandate: no pursuit-depth limit.
    return (def.masks.zones[c]! & w.closedBits[d]!) === 0;
  }
  if (
    w.permits.move[a]![d]![code] !== 1 &&
    !(def.uCaveats[u]! & CAVEAT.ownTerritoryOnly) &&
    w.s.uExit[u]! < 0
  ) {
    // Only allowed through hot pursuit: over land, no deeper than the right allows.
    if (def.masks.land[c] !== 0 && def.masks.borderKm[c]! > w.permits.pursuitDepth[a]![code]!)
      return false;
  }
  return (def.masks.zones[c]! & w.closedBits[d]!) === 0;
}

/** The actor whose territory (land or territorial sea) contains (x, y); -1 for none. */
export function territoryAt(def: Def, x: number, y: number): number {
  const spec = def.masks.spec;
  const col = Math.floor(x / spec.cellKm);
  const row = Math.floor(y / spec.cellKm);
  if (col < 0 || row < 0 || col >= spec.cols || row >= spec.rows) return -1;
  const code = def.airCode[row * spec.cols + col]!;
  return code > 0 && code < CODE_LAND ? def.codeToActor[code]! : -1;
}
