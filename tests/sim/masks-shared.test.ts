// Masks are shared between sessions on the same geography (reopening a session builds no new
// raster); sharing must not change a run: a session built on shared masks ends on the hash of
// one built on its own.
import { describe, expect, it } from 'vitest';
import { loadAtlas, loadScenarioFile } from '../../src/node/load';
import { buildMasks, buildMasksShared } from '../../src/sim/geo/masks';
import { Session } from '../../src/sim/session';

describe('shared geography masks', () => {
  const scenario = loadScenarioFile('scenarios/sahel-ct.json', []);
  const atlas = loadAtlas(scenario.geography.atlas) as object;
  const g = scenario.geography;
  const input = {
    bbox: g.bbox,
    cellKm: g.cellKm,
    territorialSeaNm: g.territorialSeaNm,
    countryIsos: g.countries.map((c) => c.iso),
    zones: [],
  };

  it('hands back the same masks for the same geography, new ones for another', () => {
    const a = buildMasksShared(atlas, input);
    expect(buildMasksShared(atlas, structuredClone(input)) === a).toBe(true);
    const coarser = buildMasksShared(atlas, { ...input, cellKm: input.cellKm * 2 });
    expect(coarser === a).toBe(false);
    expect(coarser.spec.cols).toBeLessThan(a.spec.cols);
    // The same content as a fresh build.
    const fresh = buildMasks(atlas, input);
    expect(Buffer.from(fresh.land).equals(Buffer.from(a.land))).toBe(true);
    expect(Buffer.from(fresh.seaCode).equals(Buffer.from(a.seaCode))).toBe(true);
  });

  it('a session on shared masks runs to the hash of one built alone', () => {
    const first = new Session(scenario, atlas, 3);
    first.runTo(400);
    // The second build hits the memo: its Def shares the first one's mask arrays.
    const second = new Session(scenario, atlas, 3);
    // Identity as a boolean: vitest formats both operands of toBe, megabytes of typed arrays.
    expect(second.def.masks === first.def.masks).toBe(true);
    second.runTo(400);
    expect(second.hash()).toBe(first.hash());
    const own = new Session(scenario, structuredClone(atlas), 3);
    expect(own.def.masks === first.def.masks).toBe(false);
    own.runTo(400);
    expect(own.hash()).toBe(first.hash());
  });
});
