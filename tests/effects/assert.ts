// One vitest case per effect: the paired difference's 95% CI lies entirely on the expected side.
import { expect, it } from 'vitest';
import { ci95 } from '../../src/experiment/stats';
import { seeds } from '../sim/driver';
import { type Effect, pairedDiffs } from './harness';

export const MIN_SEEDS = 30;

export function itMoves(e: Effect): void {
  const n = Math.max(MIN_SEEDS, e.seeds ?? MIN_SEEDS);
  it(`${e.name}: ${e.measure} ${e.direction > 0 ? 'rises' : 'falls'} (${n} paired seeds)`, () => {
    const ci = ci95(pairedDiffs(e, seeds(n)));
    if (e.direction > 0) expect(ci.lo, `95% CI [${ci.lo}, ${ci.hi}]`).toBeGreaterThan(0);
    else expect(ci.hi, `95% CI [${ci.lo}, ${ci.hi}]`).toBeLessThan(0);
  });
}
