// Invariants across 20 seeds per scenario, checked every tick against the scenario itself
// (not the engine's own permit tables): domains, borders, stocks, fuel, message latency.
// The checks are in invariant-checks.ts; invariant-checks.test.ts shows that they fail.
import { describe, expect, it } from 'vitest';
import { seeds, sim, ticksFor } from './driver';
import { newTally, runChecked } from './invariant-checks';

describe.each([
  ['sahel-ct', '10d'],
  ['sea-maritime', '7d'],
])('%s invariants over 20 seeds', (name, span) => {
  it('keeps ships at sea, ground units on land, every unit inside its rights, stocks and fuel non-negative, messages no faster than their latency', () => {
    const tally = newTally();
    for (const seed of seeds(20)) {
      const session = sim(name, seed);
      runChecked(session, ticksFor(session, span), tally, name);
    }
    // The checks saw real activity: units abroad under rights, messages delivered.
    expect(tally.unitTicks).toBeGreaterThan(10_000);
    expect(tally.foreignTicks).toBeGreaterThan(0);
    expect(tally.messages).toBeGreaterThan(100);
  });
});

describe('fuel', () => {
  it('a unit that runs out of fuel stops where it is, across 20 seeds', () => {
    const tally = newTally();
    let stranded = 0;
    for (const seed of seeds(20)) {
      // Thin tanks and a bingo rule that cannot keep up: some units run dry.
      const session = sim('sahel-ct', seed, [
        'unitTypes.*.fuelCapacityH=1.2',
        'unitTypes.*.idleFuelPerH=0.2',
      ]);
      runChecked(session, ticksFor(session, '2d'), tally, 'sahel-ct, thin tanks');
      stranded += session.world.log.events.filter((e) => e.k === 'out-of-fuel').length;
    }
    expect(stranded).toBeGreaterThan(0);
    expect(tally.strandedChecks).toBeGreaterThan(0);
  });
});
