// Issue 9 at the scenario layer: no path, value or key can reach Object.prototype; reserved
// keys are refused, not dropped; numbers are bounded so every sum stays finite; the limits on
// size stop a small file asking for a world-sized grid, and say how to raise them.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/scenario/limits';
import { applyAssignments, checkPath, PathError, setPath } from '../../src/scenario/paths';
import { validateScenario } from '../../src/scenario/validate';
import { estimateRun } from '../../src/sim/estimate';

const sahel = () => JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
const problemsOf = (doc: unknown, limits = DEFAULT_LIMITS) => {
  const v = validateScenario(doc, limits);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);
};

afterEach(() => {
  // Every test leaves the built-in prototypes as they were.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
});

describe('paths never reach Object.prototype', () => {
  it.each([
    '__proto__.polluted',
    '__proto__.toString',
    'constructor.prototype.x',
    'units.0.__proto__.x',
    'actors.*.constructor',
    'prototype',
  ])('setPath refuses %s with a PathError naming the segment', (path) => {
    const doc = sahel();
    expect(() => setPath(doc, path, 1)).toThrow(PathError);
    expect(() => setPath(doc, path, 1)).toThrow(
      /segment "(__proto__|constructor|prototype)" is not allowed/,
    );
  });

  it('applyAssignments refuses __proto__ paths and values holding reserved keys', () => {
    expect(() => applyAssignments(sahel(), ['__proto__.polluted=1'])).toThrow(
      /--set __proto__\.polluted: .*not allowed/,
    );
    expect(() => applyAssignments(sahel(), ['__proto__.toString=1'])).toThrow(PathError);
    expect(() => applyAssignments(sahel(), ['units.0={"__proto__":{"x":1}}'])).toThrow(
      /reserved key/,
    );
  });

  it('an inherited name is not a field: toString is "not found", not walked into', () => {
    expect(() => setPath(sahel(), 'actors.0.toString.x', 1)).toThrow(
      /actors\.0\.toString: not found/,
    );
  });

  it('checkPath checks a path without changing the document', () => {
    const doc = sahel();
    const before = JSON.stringify(doc);
    expect(checkPath(doc, 'agreements.*.latencyMin')).toBe(doc.agreements.length);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('a --set typo suggests the nearest declared parameter', () => {
    expect(() => applyAssignments(sahel(), ['sharingLatncyMin=5'])).toThrow(
      /did you mean sharingLatencyMin\?/,
    );
  });
});

describe('reserved keys and ids are refused at their path', () => {
  it('a declared parameter whose path starts with __proto__ fails validation, polluting nothing', () => {
    const doc = sahel();
    doc.parameters[0].path = '__proto__.x';
    expect(problemsOf(doc)).toEqual([
      expect.stringMatching(/^parameters\[0\]\.path: .*"__proto__" is not allowed/),
    ]);
  });

  it('a "__proto__" key inside a record is reported, not silently dropped', () => {
    const text = readFileSync('scenarios/sahel-ct.json', 'utf8').replace(
      '"unitTypes": {',
      '"unitTypes": { "__proto__": { "x": 1 },',
    );
    const doc = JSON.parse(text);
    expect(Object.keys(doc.unitTypes)).toContain('__proto__');
    expect(problemsOf(doc)).toContainEqual(
      expect.stringMatching(/^unitTypes\.__proto__: found the key "__proto__"; not allowed/),
    );
  });

  it('"constructor" is not an id', () => {
    const doc = sahel();
    doc.actors[0].id = 'constructor';
    expect(
      problemsOf(doc).some((p) => p.startsWith('actors[0].id: ') && /reserved word/.test(p)),
    ).toBe(true);
  });
});

describe('numbers are bounded so every metric stays finite', () => {
  it.each([
    [
      'capacityBuilding.0.costPerDay',
      1e308,
      /capacityBuilding\[0\]\.costPerDay: found 1e\+308; allowed: at most 1000000/,
    ],
    ['unitTypes.*.costPerDay', 1e308, /costPerDay: found 1e\+308; allowed: at most 1000000/],
    ['actors.0.budget', 1e300, /actors\[0\]\.budget: found 1e\+300; allowed: at most 1000000000/],
    [
      'places.0.population',
      1e12,
      /places\[0\]\.population: found 1000000000000; allowed: at most 100000000/,
    ],
    ['threats.0.strength', 1e7, /threats\[0\]\.strength: found 10000000; allowed: at most 100000/],
  ])('%s = %s is refused', (path, value, message) => {
    const doc = sahel();
    setPath(doc, path, value);
    expect(problemsOf(doc).join('\n')).toMatch(message);
  });

  it("zod's own safe-integer bound does not double a count's message", () => {
    const doc = sahel();
    doc.units[0].count = 1e308;
    expect(problemsOf(doc)).toEqual(['units[0].count: found 1e+308; allowed: at most 200']);
  });
});

describe('limits on size', () => {
  it('a world-sized box at 0.5 km is refused at geography.cellKm with the flag that raises it', () => {
    const doc = sahel();
    doc.geography.bbox = [-180, -80, 180, 80];
    doc.geography.cellKm = 0.5;
    expect(problemsOf(doc)).toEqual([
      expect.stringMatching(
        /^geography\.cellKm: found [\d,]+ grid cells .*; allowed: at most 8,000,000 \(a limit: raise it on purpose with --max-cells N\)$/,
      ),
    ]);
  });

  it('units and places have limits too; raising a limit lets the file through', () => {
    const doc = sahel();
    const extra = (i: number) => ({ ...doc.units[0], id: `u-${i}`, count: 200 });
    doc.units.push(...Array.from({ length: 120 }, (_, i) => extra(i)));
    const have = doc.places.length;
    const place = (i: number) => ({ ...doc.places[0], id: `p-${i}` });
    doc.places.push(...Array.from({ length: 20_001 - have }, (_, i) => place(i)));
    const p = problemsOf(doc);
    expect(p).toContainEqual(
      expect.stringMatching(
        /^units: found 24,\d{3} units after expanding counts; allowed: at most 20,000 .*--max-units/,
      ),
    );
    expect(p).toContainEqual(
      expect.stringMatching(/^places: found 20,001 places; allowed: at most 20,000 .*--max-places/),
    );
    expect(problemsOf(doc, { ...DEFAULT_LIMITS, units: 30_000, places: 30_000 })).toEqual([]);
  });

  it('the memory estimate of one run is refused over --max-memory-mb', () => {
    const doc = sahel();
    doc.geography.cellKm = 1;
    const p = problemsOf(doc, { ...DEFAULT_LIMITS, memoryMb: 200 });
    expect(p).toEqual([
      expect.stringMatching(
        /^\(root\): found an estimated [\d,]+ MB for one run .*at most 200 MB .*--max-memory-mb/,
      ),
    ]);
  });

  it("the estimate bounds the bundled scenarios' measured peaks from above (within 2×)", () => {
    // Measured peak RSS on the reference machine (MB): sahel-ct 143, sea-maritime 214.
    for (const [name, measured] of [
      ['sahel-ct', 143],
      ['sea-maritime', 214],
    ] as const) {
      const v = validateScenario(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')));
      if (!v.ok) throw new Error(name);
      const mb = estimateRun(v.value).bytes / 1e6;
      expect(mb, name).toBeGreaterThanOrEqual(measured);
      expect(mb, name).toBeLessThan(2 * measured);
    }
  });
});
