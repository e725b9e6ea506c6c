// Trust: its values at the start, and its changes, logged with their reason so the trust
// metric is computed from the log alone.
import type { Def, World } from '../world';

/** Moves a's trust in b by delta (clamped to 0..1); logs a change. */
export function adjustTrust(w: World, a: number, b: number, delta: number, reason: string): void {
  const { def, s } = w;
  if (a < 0 || b < 0 || a === b) return;
  const i = a * def.nActors + b;
  const v = Math.min(1, Math.max(0, s.trust[i]! + delta));
  if (v === s.trust[i]) return;
  s.trust[i] = v;
  w.log.push(s.tick, 'trust', { a, b, value: Math.round(v * 10000) / 10000, reason });
}

/** Trust a → b at the start ([a * nActors + b]): as written, else the actor's default; 1 to itself. */
export function initialTrust(def: Def): Float64Array {
  const nA = def.nActors;
  const trust = new Float64Array(nA * nA);
  def.scenario.actors.forEach((a, i) => {
    for (let j = 0; j < nA; j++)
      trust[i * nA + j] = i === j ? 1 : (a.trust[def.actorIds[j]!] ?? a.trustDefault);
  });
  return trust;
}
