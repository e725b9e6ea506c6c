// Mechanism effect: switching off every information-sharing agreement must slow the
// coalition's response (meanTimeToRespondH), paired by seed over 40 seeds (the effect is
// about 1.5 h against run-to-run noise of several hours, so 20 seeds are too few), with the 95%
// confidence interval of the paired difference above zero.
import { describe, expect, it } from 'vitest';
import { ci95 } from '../../src/experiment/stats';
import { buildDef } from '../../src/sim/build';
import { Session } from '../../src/sim/session';
import { loaded, seeds, sim } from './driver';

/** sahel-ct with every agreement off and the MSEL injects that would switch one back on removed. */
function sharingOff() {
  const { scenario, atlas } = loaded('sahel-ct', ['agreements.*.active=false']);
  const off = { ...scenario, injects: scenario.injects.filter((i) => i.kind !== 'agreement') };
  return { scenario: off, atlas, def: buildDef(off, atlas) };
}

describe('information sharing', () => {
  it('switching off all sharing agreements raises meanTimeToRespondH (sahel-ct, 40 seeds)', () => {
    const diffs: number[] = [];
    const variant = sharingOff();
    for (const seed of seeds(40)) {
      const on = sim('sahel-ct', seed);
      const off = new Session(variant.scenario, variant.atlas, seed, variant.def);
      on.runTo(on.totalTicks);
      off.runTo(off.totalTicks);
      // With sharing off no message is ever sent.
      expect(off.world.log.events.some((e) => e.k === 'msg-send')).toBe(false);
      diffs.push(off.metrics().meanTimeToRespondH - on.metrics().meanTimeToRespondH);
    }
    expect(ci95(diffs).lo).toBeGreaterThan(0);
  });
});
