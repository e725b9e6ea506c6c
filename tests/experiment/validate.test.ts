// An experiment's parameter names are checked against its scenario's declared parameters: a
// typo gets the nearest names, a name like nothing declared gets the list alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAgainstScenario, validateExperiment } from '../../src/experiment/validate';
import { loadScenarioFile } from '../../src/node/load';

const scenario = loadScenarioFile('scenarios/sahel-ct.json');
const base = JSON.parse(readFileSync('scenarios/experiments/sahel-sharing-joc.json', 'utf8'));

function problems(names: string[]) {
  const doc = { ...base, parameters: names.map((name) => ({ name, values: [60, 120] })) };
  const v = validateExperiment(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return checkAgainstScenario(v.value, scenario);
}

describe('experiment parameters against the scenario', () => {
  it('suggests the nearest declared name for a typo', () => {
    const [p] = problems(['sharingLatncyMin']);
    expect(p?.path).toBe('parameters[0].name');
    expect(p?.message).toMatch(
      /^found "sharingLatncyMin"; did you mean sharingLatencyMin\? allowed: a parameter declared by sahel-ct \(sharingLatencyMin, /,
    );
  });

  it('lists the declared names alone when nothing is near', () => {
    const [p] = problems(['noSuchParameter']);
    expect(p?.message).not.toMatch(/did you mean/);
    expect(p?.message).toMatch(/allowed: a parameter declared by sahel-ct/);
  });

  it('finds nothing wrong with declared names', () => {
    expect(problems(['sharingLatencyMin'])).toEqual([]);
  });
});
