// Trust changes, logged with their reason so the trust metric is computed from the log alone.
import type { World } from '../world';

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
