// Secrets (role tokens, the trainer key) are compared in constant time, and through their
// SHA-256 so that neither their length nor their first differing byte shows in the timing.
import { createHash, timingSafeEqual } from 'node:crypto';

export function sameSecret(given: string | undefined | null, held: string | null): boolean {
  if (given === undefined || given === null || held === null) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(held).digest();
  return timingSafeEqual(a, b);
}
