// The engine never throws on a scenario that passed validation: random valid variations of
// both scenarios (extreme but allowed numbers, switched-off rights and agreements, caveats)
// run two days each without an exception.

import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/node/load';
import { validateScenario } from '../../src/scenario/validate';
import { Session } from '../../src/sim/session';

function mutate(doc: Record<string, unknown>, rng: () => number): void {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const d = doc as {
    units: Array<Record<string, unknown>>;
    unitTypes: Record<string, Record<string, unknown>>;
    agreements: Array<Record<string, unknown>>;
    rights: Array<Record<string, unknown>>;
    threats: Array<Record<string, unknown>>;
    places: Array<Record<string, unknown>>;
  };
  for (let k = 0; k < 12; k++) {
    switch (Math.floor(rng() * 8)) {
      case 0:
        pick(d.units).count = 1 + Math.floor(rng() * 6);
        break;
      case 1:
        pick(Object.values(d.unitTypes)).fuelCapacityH = 0.1 + rng() * 2;
        break;
      case 2:
        pick(d.agreements).latencyMin = pick([0, 1, 10080]);
        break;
      case 3:
        pick(d.rights).active = rng() < 0.5;
        break;
      case 4:
        pick(d.threats).cells = 1 + Math.floor(rng() * 10);
        break;
      case 5:
        pick(d.units).caveats = pick([['no-offensive'], ['no-night'], ['own-territory-only'], []]);
        break;
      case 6:
        pick(Object.values(d.unitTypes)).speedKmh = pick([0, 1, 900]);
        break;
      case 7:
        pick(d.places).reportProbability = rng();
        break;
    }
  }
}

describe.each(['sahel-ct', 'sea-maritime'])('%s: valid variations never throw', (name) => {
  it('runs 8 random valid variations for two days each', () => {
    const base = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
    const rng = seedrandom.alea(`fuzz:${name}`);
    let ran = 0;
    for (let i = 0; i < 8; i++) {
      const doc = structuredClone(base);
      mutate(doc, rng);
      const v = validateScenario(doc);
      if (!v.ok) continue;
      const s = new Session(v.value, loadAtlas(v.value.geography.atlas), i + 1);
      expect(() => s.runTo(Math.round((2 * 1440) / v.value.tickMinutes))).not.toThrow();
      expect(s.metrics().incidents).toBeGreaterThanOrEqual(0);
      ran++;
    }
    expect(ran).toBeGreaterThanOrEqual(6);
  });
});
