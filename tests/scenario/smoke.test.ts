// Every scenario in scenarios/ validates, runs five days twice to the same hash, keeps every
// core metric finite, and shows activity (so a new scenario file is covered by adding it).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_METRICS } from '../../src/sim/metrics';
import { sim, ticksFor } from '../sim/driver';

const names = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe.each(names)('scenario %s', (name) => {
  it('validates, runs 5 days reproducibly, with finite metrics and some activity', () => {
    const a = sim(name, 7);
    const b = sim(name, 7);
    const end = ticksFor(a, '5d');
    a.runTo(end);
    b.runTo(end);
    expect(a.hash()).toBe(b.hash());
    const m = a.metrics();
    for (const k of CORE_METRICS) expect(Number.isFinite(m[k]), k).toBe(true);
    const kinds = new Set(a.world.log.events.map((e) => e.k));
    expect(kinds.has('detect') || kinds.has('attack')).toBe(true);
    expect(kinds.has('msg-send')).toBe(true);
  });
});
