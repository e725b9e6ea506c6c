// The experiment file format (scenarios/experiments/*.json): which scenario, which of its
// declared parameters vary and over what, the design, the replications and the measures. A zod
// schema like the scenario's, so a bad file gets path-named errors. Data only.
import { z } from 'zod';

const name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "a declared parameter's camelCase name");

const Values = z.strictObject({
  name,
  values: z
    .array(z.number().or(z.boolean()))
    .min(1)
    .describe('The levels to use (grid) or to draw from (every other design)'),
});
const Range = z.strictObject({
  name,
  min: z.number(),
  max: z.number(),
  integer: z.boolean().default(false).describe('Round drawn values to whole numbers'),
});
export const ExperimentParameter = z.union([Values, Range]);

export const Design = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grid') }).describe('Every combination of the listed values'),
  z.strictObject({
    kind: z.literal('random'),
    points: z.number().int().min(1).max(10000),
  }),
  z
    .strictObject({ kind: z.literal('lhs'), points: z.number().int().min(2).max(10000) })
    .describe('Latin hypercube: each parameter range cut into `points` strata, one draw in each'),
  z
    .strictObject({
      kind: z.literal('olh'),
      points: z
        .number()
        .int()
        .optional()
        .describe(
          '5, 9, 17, 33, 65, 129 or 257 runs (2m − 2 factors at 2^m + 1); the smallest that fits by default',
        ),
    })
    .describe(
      'Orthogonal Latin hypercube (Ye 1998): every pair of parameters exactly uncorrelated; up to 14 parameters',
    ),
  z
    .strictObject({
      kind: z.literal('nolh'),
      points: z
        .number()
        .int()
        .optional()
        .describe(
          '17, 33, 65, 129 or 257 runs (7, 11, 16, 22, 29 factors); the smallest that fits by default',
        ),
    })
    .describe(
      'Nearly orthogonal Latin hypercube (Cioppa and Lucas 2007, their published tables): pairwise correlations below 0.03; up to 29 parameters',
    ),
  z
    .strictObject({
      kind: z.literal('best-random-lhs'),
      points: z.number().int().min(2).max(10000),
      candidates: z.number().int().min(1).max(10000).default(200),
    })
    .describe(
      'Of `candidates` random Latin hypercubes, the one whose largest pairwise column correlation is smallest: any number of points, but not orthogonal (max |ρ| often 0.2–0.35)',
    ),
]);

export const Experiment = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes'),
  name: z.string().min(1),
  description: z.string().optional(),
  scenario: z.string().min(1).describe('Scenario file, relative to this experiment file'),
  days: z.number().min(0.1).max(365).optional().describe("Run length; the scenario's by default"),
  parameters: z.array(ExperimentParameter).min(1),
  design: Design,
  seeds: z.strictObject({
    count: z.number().int().min(1).max(10000),
    from: z.number().int().min(0).default(1),
  }),
  designSeed: z
    .number()
    .int()
    .min(0)
    .default(1)
    .describe('Seed of the random, lhs and best-random-lhs draws'),
  metrics: z.array(z.string()).min(1).optional().describe('Metrics to collect; all by default'),
  confidence: z
    .number()
    .gt(0)
    .lt(1)
    .default(0.95)
    .describe('Level of the confidence intervals in the summary, as a fraction (0.9, 0.95, 0.99)'),
  sample: z
    .strictObject({
      everyHours: z.number().min(1).max(8760),
      metrics: z.array(z.string()).min(1),
    })
    .optional()
    .describe('Time series: these metrics every so many hours, in a second CSV'),
});

export type ExperimentInput = z.input<typeof Experiment>;
export type Experiment = z.infer<typeof Experiment>;
export type ExperimentParameter = z.infer<typeof ExperimentParameter>;
