// Test driver: loads a scenario once (validated, atlas, Def) and makes sessions from it, so
// tests read like scenarios: sim('sahel-ct', 7).advance('2d').
import { loadAtlas, loadScenarioFile } from '../../src/node/load';
import type { Scenario } from '../../src/scenario/schema';
import { buildDef } from '../../src/sim/build';
import { Session } from '../../src/sim/session';
import type { Def } from '../../src/sim/world';

const cache = new Map<string, { scenario: Scenario; atlas: unknown; def: Def }>();

export function loaded(name: string, set: string[] = []) {
  const key = `${name}|${set.join('|')}`;
  let hit = cache.get(key);
  if (!hit) {
    const scenario = loadScenarioFile(`scenarios/${name}.json`, set);
    const atlas = loadAtlas(scenario.geography.atlas);
    hit = { scenario, atlas, def: buildDef(scenario, atlas) };
    cache.set(key, hit);
  }
  return hit;
}

export function sim(name: string, seed: number, set: string[] = []): Session {
  const { scenario, atlas, def } = loaded(name, set);
  return new Session(scenario, atlas, seed, def);
}

export function ticksFor(session: Session, span: string): number {
  const m = /^(\d+(?:\.\d+)?)([dh])$/.exec(span);
  if (!m) throw new Error(`bad span ${span}`);
  const hours = Number(m[1]) * (m[2] === 'd' ? 24 : 1);
  return Math.round((hours * 60) / session.def.tickMinutes);
}

export function seeds(n: number, from = 1): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}
