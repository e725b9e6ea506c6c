// The bundled scenarios (scenarios/*.json), read and validated once, for the exchange tests.
import { readdirSync, readFileSync } from 'node:fs';
import type { Scenario } from '../../../src/scenario/schema';
import { validateScenario } from '../../../src/scenario/validate';

export const SCENARIO_NAMES = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** The scenario file as written (no defaults), a fresh copy each call. */
export const scenarioDoc = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));

/** The validated scenario; throws with the problems if it does not validate. */
export function scenario(name: string): Scenario {
  const v = validateScenario(scenarioDoc(name));
  if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return v.value;
}

/** Every unit entry: the scenario's units, then the units of its force-flow injects. */
export const unitEntryCount = (s: Scenario): number =>
  s.units.length +
  s.injects.reduce((n, inj) => n + (inj.kind === 'force-flow' ? inj.units.length : 0), 0);
