// Seeded experiment files for the CLI fuzz test: small sweeps that should run, and hostile
// ones — sizes far past the limits, fractional levels for counts, duplicate and reversed
// levels, unknown metrics, reserved keys, seeds past 2^53, days past the scenario's end,
// scenario paths that are not scenarios. Pure: (scenario files, rng) → one case.
import type { Rng } from './mutate-scenario';

export interface ExperimentCase {
  doc: unknown;
  what: string[];
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

interface Scenarios {
  sahel: string;
  sea: string;
  /** A mutated scenario file of the scenario fuzz, or a file that is not a scenario. */
  other: readonly string[];
}

const SAHEL_PARAMS = [
  { name: 'sharingLatencyMin', values: [30, 360] },
  { name: 'jocActive', values: [false, true] },
  { name: 'grpBStrength', values: [10, 80] },
  { name: 'jfTillaberiCount', values: [1, 6] },
  { name: 'dialogueEveryDays', values: [0.5, 30] },
];

function baseDoc(rng: Rng, s: Scenarios): Record<string, unknown> {
  const params = SAHEL_PARAMS.filter(() => rng() < 0.5).slice(0, 2);
  if (!params.length) params.push(SAHEL_PARAMS[0]!);
  const kind = pick(rng, ['grid', 'random', 'lhs', 'best-random-lhs']);
  return {
    id: 'fuzz',
    name: 'fuzz experiment',
    scenario: s.sahel,
    days: pick(rng, [0.1, 0.2, 0.3]),
    parameters: params.map((p) =>
      kind === 'grid' || rng() < 0.5
        ? { name: p.name, values: p.values }
        : { name: p.name, min: p.values[0], max: p.values[1], integer: rng() < 0.5 },
    ),
    design:
      kind === 'grid'
        ? { kind }
        : kind === 'best-random-lhs'
          ? { kind, points: 2 + Math.floor(rng() * 2), candidates: 1 + Math.floor(rng() * 50) }
          : { kind, points: 2 + Math.floor(rng() * 2) },
    seeds: { count: 1 + Math.floor(rng() * 2), from: Math.floor(rng() * 1000) },
    metrics: ['incidents', 'copCompleteness', 'meanTimeToRespondH'],
    ...(rng() < 0.4
      ? { sample: { everyHours: pick(rng, [1, 2, 3.5]), metrics: ['incidents'] } }
      : {}),
  };
}

type Mutation = (d: Record<string, unknown>, rng: Rng, s: Scenarios) => string;

const MUTATIONS: Mutation[] = [
  (d) => {
    d.design = { kind: 'random', points: 10_000 };
    d.seeds = { count: 10_000, from: 1 };
    return '10,000 points × 10,000 seeds';
  },
  (d) => {
    d.design = { kind: 'best-random-lhs', points: 10_000, candidates: 10_000 };
    return 'best-random-lhs 10,000 × 10,000 candidates';
  },
  (d) => {
    d.parameters = [
      { name: 'sharingLatencyMin', values: Array.from({ length: 1000 }, (_, i) => i + 15) },
      { name: 'grpBStrength', values: Array.from({ length: 60 }, (_, i) => i + 10) },
    ];
    d.seeds = { count: 100, from: 1 };
    d.design = { kind: 'grid' };
    return '6 million-run grid';
  },
  (d) => {
    d.parameters = [{ name: 'jfTillaberiCount', values: [1, 2.5] }];
    return 'fractional count level';
  },
  (d) => {
    d.parameters = [{ name: 'jfTillaberiCount', min: 1, max: 6 }];
    d.design = { kind: 'lhs', points: 3 };
    return 'count drawn from a range without integer';
  },
  (d) => {
    d.parameters = [{ name: 'sharingLatencyMin', values: [60, 60, 120] }];
    return 'duplicate levels';
  },
  (d) => {
    d.parameters = [{ name: 'sharingLatencyMin', min: 400, max: 20 }];
    d.design = { kind: 'random', points: 2 };
    return 'reversed range';
  },
  (d) => {
    d.parameters = [{ name: 'sharingLatencyMin', values: [1e308, -5] }];
    return 'levels outside the declared range';
  },
  (d) => {
    d.metrics = ['incidents', 'noSuchMetric'];
    return 'unknown metric';
  },
  (d) => {
    Object.defineProperty(d, '__proto__', {
      value: { polluted: 1 },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return 'own __proto__ key';
  },
  (d) => {
    Object.defineProperty(d.design, 'constructor', {
      value: { prototype: { x: 1 } },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return 'design.constructor';
  },
  (d) => {
    d.seeds = { count: 2, from: 2 ** 53 };
    return 'seeds past 2^53';
  },
  (d) => {
    d.seeds = { count: 1, from: 2 ** 31 + 5 };
    return 'seed past 2^31';
  },
  (d) => {
    d.days = 365;
    return 'days past the scenario';
  },
  (d, rng, s) => {
    d.scenario = pick(rng, [...s.other, '/etc/passwd', '/', 'no-such.json', '']);
    return `scenario ${d.scenario}`;
  },
  (d, _rng, s) => {
    d.scenario = s.sea;
    d.parameters = [{ name: 'riauRobberCells', min: 1, max: 12, integer: true }];
    d.design = { kind: 'best-random-lhs', points: 2, candidates: 5 };
    d.days = 0.1;
    return 'sea-maritime';
  },
  (d) => {
    d.sample = { everyHours: 0.01, metrics: ['incidents'] };
    return 'sample every 36 s';
  },
  (d) => {
    d.design = { kind: 'lhs', points: 1.5 };
    return 'fractional points';
  },
  (d) => {
    d.parameters = [];
    return 'no parameters';
  },
  (d) => {
    d.parameters = [{ name: 'constructor', values: [1] }];
    return 'parameter named constructor';
  },
];

export function experimentCase(rng: Rng, s: Scenarios): ExperimentCase {
  const doc = baseDoc(rng, s);
  const what: string[] = [];
  if (rng() < 0.6) {
    const n = 1 + Math.floor(rng() * 2);
    for (let i = 0; i < n; i++) what.push(pick(rng, MUTATIONS)(doc, rng, s));
  }
  return { doc, what };
}
