import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Two tiers of unit tests, both run by `npm run test:unit` (and so by `npm test`, CI):
// `fast` (with `fast-isolated`: `npm run test:fast`, under 40 s on 2 cores) for every edit, and
// `slow` for the statistical and sweep-scale tests. Browser tests are vitest.e2e.config.ts.
const SLOW = [
  'tests/effects/**/*.test.ts', // each mechanism's effect over 30+ seeds
  'tests/sim/sharing.test.ts', // one such effect over 40 seeds
  'tests/validation/**/*.test.ts', // the engine against closed forms, many runs each
  'tests/sim/invariants.test.ts', // 20 seeds × two scenarios checked every tick
  'tests/cli/deploy.test.ts', // the Slurm and Kubernetes scripts, whole sharded sweeps
  'tests/cli/sweep.test.ts',
  'tests/cli/sweep-crash.test.ts', // kills a sweep at each of its writes
  'tests/cli/merge-check.test.ts', // sweeps, then merges every kind of damaged shard
  'tests/cli/safety.test.ts', // ~40 concord processes, several of them sweeps
  'tests/cli/compare.test.ts', // paired runs over many seeds, through the CLI
  'tests/fuzz/**/*.test.ts', // thousands of mutated files through the CLI: minutes
  'tests/scenario/fuzz.test.ts',
  'tests/serve/fuzz.test.ts', // 1,000 bad messages to concord serve
  'tests/serve/restart.test.ts', // kills concord serve (-9) and starts it again
];

// Mocks node:fs, so it needs a module graph of its own.
const ISOLATED = ['tests/cli/atomic.test.ts'];

const shared = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  pool: 'threads',
} as const;

export default defineConfig({
  test: {
    // Vitest's default, one worker fewer than the cores, is a single worker on a 2-core machine;
    // many tests wait on the concord processes they spawn, so use both cores there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...shared,
          name: 'fast',
          // One module graph per worker, not per file: the atlas, the masks memo and the
          // compiled modules are shared, which halves the tier's time (66 s → 37 s here).
          isolate: false,
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', ...SLOW, ...ISOLATED],
        },
      },
      { test: { ...shared, name: 'fast-isolated', include: ISOLATED } },
      { test: { ...shared, name: 'slow', include: SLOW } },
    ],
  },
});
