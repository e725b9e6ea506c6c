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
    .describe('The levels to use (grid) or to draw from (random, lhs, nolh)'),
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
      kind: z.literal('nolh'),
      points: z.number().int().min(2).max(10000),
      candidates: z.number().int().min(1).max(10000).default(200),
    })
    .describe(
      'Nearly orthogonal Latin hypercube: of `candidates` Latin hypercubes, the one whose largest pairwise column correlation is smallest (for many factors)',
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
  designSeed: z.number().int().min(0).default(1).describe('Seed of the random, lhs and nolh draws'),
  metrics: z.array(z.string()).min(1).optional().describe('Metrics to collect; all by default'),
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
