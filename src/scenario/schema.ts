// The scenario file format: a zod schema that is the single source of truth for
// validation, TypeScript types and the exported JSON Schema. Scenario files are data only.
import { z } from 'zod';
import { isReservedKey } from './safe-keys';

const id = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes')
  .refine((s) => !isReservedKey(s), 'a reserved word (constructor, prototype), not an id')
  .describe('Identifier: lower-case letters, digits and dashes');
/** Upper bounds keep every sum and product of a run finite (no cost of 1e308 × days). */
const BIG = 1e9;
const amount = z.number().min(0).max(BIG);
const lon = z.number().min(-180).max(180).describe('Longitude, decimal degrees east');
const lat = z.number().min(-90).max(90).describe('Latitude, decimal degrees north');
const unit01 = z.number().min(0).max(1);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4');
/**
 * A symbol code in either of two layouts, both drawn by milsymbol:
 * - 15 characters, APP-6(C) / MIL-STD-2525C letters: coding scheme, affiliation, battle
 *   dimension, status, function id, modifiers (`SFGPUCI----E---`);
 * - 20 digits, APP-6(D/E) / MIL-STD-2525D/E: version (10–12 = D, 13–14 = E), context (0–2),
 *   standard identity (0–6), symbol set (2 digits), status (0–5), HQ / task force / dummy
 *   (0–7), amplifier (2), entity (6), modifier 1 (2), modifier 2 (2) (`10031000001211000000`).
 */
const SIDC_2525C = '[A-Z*-]{4}[A-Z0-9*-]{11}';
const SIDC_2525D = '1[0-4][0-2][0-6][0-9]{2}[0-5][0-7][0-9]{12}';
const sidc = z
  .string()
  .regex(
    new RegExp(`^(?:${SIDC_2525C}|${SIDC_2525D})$`),
    'a 15-character APP-6/2525C letter code (SFGPUCI----E---) or a 20-digit 2525D/E number code (10031000001211000000: version 10-14, context 0-2, standard identity 0-6, status 0-5, HQ/TF/dummy 0-7)',
  )
  .describe(
    'APP-6 / MIL-STD-2525C symbol code (15 characters) or MIL-STD-2525D/E, APP-6D/E code (20 digits)',
  );
const position = z.tuple([lon, lat]);
const ring = z.array(position).min(4);
const polygonCoords = z.array(ring).min(1);

export const threatKinds = [
  'armed-group',
  'pirates',
  'robbers',
  'kidnap',
  'smugglers',
  'traffickers',
] as const;
export const ThreatKind = z.enum(threatKinds);
export type ThreatKind = z.infer<typeof ThreatKind>;

export const domains = ['ground', 'sea', 'air'] as const;
export const Domain = z.enum(domains);
export type Domain = z.infer<typeof Domain>;

/** A time in the exercise: "D+2 06:30" (day 2 after start, 06:30 later) or hours as a number. */
export const ScenarioTime = z.union([
  z
    .string()
    .regex(/^D\+\d{1,3}( \d{2}:\d{2})?$/, 'a time like "D+2 06:30" (D+days, optional HH:MM)'),
  z.number().min(0).max(8760).describe('hours after start'),
]);

export const Source = z.strictObject({
  title: z.string().min(1),
  url: z.string().optional(),
  note: z.string().optional(),
});

export const Meta = z.strictObject({
  description: z.string().min(1),
  exercises: z.string().optional().describe('What the scenario is meant to exercise'),
  disclaimer: z.string().optional(),
  sources: z.array(Source).min(1),
});

export const Geography = z.strictObject({
  atlas: z.enum(['50m', '10m']).describe('Natural Earth resolution from world-atlas'),
  bbox: z.tuple([lon, lat, lon, lat]).describe('[west, south, east, north]'),
  cellKm: z.number().min(0.5).max(25).describe('Raster cell size for masks and grids, km'),
  territorialSeaNm: z.number().min(0).max(24).default(12),
  countries: z
    .array(
      z.strictObject({ iso: z.string().regex(/^\d{3}$/, 'an ISO 3166-1 numeric code'), actor: id }),
    )
    .min(1)
    .max(253)
    .describe('Which actor owns each Natural Earth country (by ISO numeric code)'),
});

export const Actor = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(['nation', 'organisation']),
  color,
  members: z.array(id).optional().describe('Organisations: member actor ids'),
  decisionRule: z.enum(['consensus', 'majority', 'lead-nation']).optional(),
  hq: position.describe('Headquarters position [lon, lat]'),
  decisionLatencyMin: z.number().min(0).max(10080).describe('Minutes from picture to tasking'),
  sovereigntySensitivity: unit01.default(0.5),
  trustDefault: unit01.default(0.5),
  trust: z.record(id, unit01).default({}).describe('Trust towards named actors, 0..1'),
  withholdBelowTrust: unit01
    .default(0.3)
    .describe('Tracks are withheld from partners trusted less than this'),
  priorities: z.partialRecord(ThreatKind, z.number().min(0).max(10)).default({}),
  budget: amount.default(0).describe('Cost units available'),
  readiness: unit01.default(0.8),
  external: z.boolean().default(false).describe('An external partner, not a regional member'),
});

export const Agreement = z.strictObject({
  id,
  name: z.string().optional(),
  from: id,
  to: id,
  bidirectional: z.boolean().default(true),
  scope: z.array(ThreatKind).min(1).or(z.literal('all')).default('all'),
  latencyMin: z.number().min(0).max(10080),
  reliability: unit01.default(0.95),
  classificationCeiling: z.number().int().min(0).max(3).default(1),
  protocol: z.enum(['standard', 'ad-hoc']).default('ad-hoc'),
  active: z.boolean().default(true),
});

export const Right = z.strictObject({
  id,
  kind: z.enum(['transit', 'hot-pursuit', 'base-access']),
  grantor: id,
  grantee: id,
  domains: z.array(Domain).min(1).default(['ground', 'sea', 'air']),
  depthKm: z.number().min(0).max(2000).default(50).describe('Hot pursuit: how far past the border'),
  active: z.boolean().default(true),
});

export const TaskForce = z.strictObject({
  id,
  name: z.string().min(1),
  commander: id.describe('The organisation or lead nation that commands it'),
  decisionLatencyMin: z.number().min(0).max(10080),
  area: id.optional().describe('Zone id of its area of operations'),
});

const mechanismBase = {
  id,
  name: z.string().min(1),
  active: z
    .boolean()
    .default(true)
    .describe('Whether it runs at the start; orders and injects switch it'),
};

export const JointCentre = z
  .strictObject({
    ...mechanismBase,
    host: id.describe('The organisation or nation that hosts it'),
    position: position.describe('Where it sits [lon, lat]'),
    members: z.array(id).min(2).describe('Actors whose staff sit in it'),
    latencyMin: z
      .number()
      .min(0)
      .max(1440)
      .default(20)
      .describe('Minutes from a member learning a track to every other member having it'),
    reliability: unit01.default(0.99),
    classificationCeiling: z.number().int().min(0).max(3).default(2),
    scope: z.array(ThreatKind).min(1).or(z.literal('all')).default('all'),
    withholding: unit01
      .default(0.5)
      .describe(
        "Share of members' usual withholding from partners they trust little that persists among staff sitting together (0 none, 1 all)",
      ),
  })
  .describe(
    "A joint operations centre: members' new tracks are fused and redistributed to every other member after its latency, whatever their bilateral agreements",
  );

export const LiaisonOffice = z
  .strictObject({
    ...mechanismBase,
    from: id.describe('The actor that sends liaison officers'),
    to: id.describe('The actor that hosts them'),
    latencyFactor: z
      .number()
      .min(0.05)
      .max(1)
      .default(0.5)
      .describe('Multiplies the latency of every agreement between the pair'),
    trustGainPerDay: z
      .number()
      .min(0)
      .max(0.1)
      .default(0.004)
      .describe('Trust gained both ways per day'),
  })
  .describe('Liaison officers: one pair shares faster and comes to trust each other more');

export const LogisticsFramework = z
  .strictObject({
    ...mechanismBase,
    members: z.array(id).min(2),
  })
  .describe("A shared logistics framework: members' units resupply at any member's bases");

export const CapacityBuilding = z
  .strictObject({
    ...mechanismBase,
    provider: id.describe('The actor that trains and pays'),
    recipient: id.describe('The nation whose units are trained'),
    readinessGainPerDay: z
      .number()
      .min(0)
      .max(0.1)
      .default(0.005)
      .describe("Added daily to the recipient's readiness norm and to its units' readiness"),
    readinessCap: unit01.default(0.95),
    costPerDay: z
      .number()
      .min(0)
      .max(1e6)
      .default(5)
      .describe("Cost units per day, from the provider's budget"),
  })
  .describe("Capacity building: training that raises a nation's readiness over time, at a cost");

export const StrategicDialogue = z
  .strictObject({
    ...mechanismBase,
    participants: z.array(id).min(2),
    everyDays: z.number().min(0.5).max(365).describe('Days between meetings'),
    firstAt: ScenarioTime.default('D+1').describe('The first meeting'),
    trustGain: z
      .number()
      .min(0)
      .max(0.5)
      .default(0.03)
      .describe('Trust gained each meeting, every pair, both ways'),
    costPerMeeting: z
      .number()
      .min(0)
      .max(1e6)
      .default(10)
      .describe('Cost units per participant per meeting'),
  })
  .describe('Strategic dialogues: periodic meetings that raise trust between the participants');

export const Stocks = z.strictObject({
  fuel: amount.describe('Fuel, unit-hours of movement'),
  supplies: amount.describe('Supplies, unit-days'),
});

export const Base = z.strictObject({
  id,
  name: z.string().min(1),
  owner: id,
  kind: z.enum(['hq', 'base', 'depot', 'port', 'airfield', 'post']),
  position,
  berth: position.optional().describe('Ports: a point at sea where ships dock'),
  sidc: sidc.optional(),
  stocks: Stocks,
  capacity: Stocks.optional().describe('Maximum stocks; defaults to the initial stocks'),
  resupplyPerDay: Stocks.default({ fuel: 0, supplies: 0 }).describe(
    'Stock delivered daily from outside the theatre',
  ),
  users: z.array(id).default([]).describe('Other actors allowed to resupply here'),
});

export const Route = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(['road', 'lane', 'track']),
  coordinates: z.array(position).min(2),
});

export const Zone = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum([
    'sector',
    'safe-haven',
    'aor',
    'patrol-area',
    'territorial-sea',
    'closed',
    'border-strip',
  ]),
  owner: id.optional(),
  polygon: polygonCoords.describe('GeoJSON Polygon coordinates: rings of [lon, lat], first = last'),
});

export const Place = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(['village', 'town', 'city', 'port', 'camp']),
  position,
  population: z.number().int().min(0).max(1e8),
  reportDelayMin: z.number().min(0).max(10080).default(60),
  reportProbability: unit01.default(0.8),
});

export const Sensor = z.strictObject({
  rangeKm: z.number().min(0).max(500),
  pDetectPerTick: unit01.optional().describe('Ground: chance per tick of seeing a threat in range'),
  sweepWidthKm: z
    .number()
    .min(0)
    .max(500)
    .optional()
    .describe('Sea and air: effective sweep width'),
  classification: z.number().int().min(0).max(3).default(1),
});

export const UnitType = z.strictObject({
  name: z.string().min(1),
  domain: Domain,
  sidc,
  speedKmh: z.number().min(0).max(2000),
  patrolSpeedKmh: z.number().min(0).max(2000).optional(),
  fuelCapacityH: z
    .number()
    .min(0.1)
    .max(1e6)
    .describe('Endurance: hours of movement on a full tank'),
  idleFuelPerH: z
    .number()
    .min(0)
    .max(100)
    .default(0.02)
    .describe('Fuel burnt per hour when not moving'),
  suppliesDays: z.number().min(0.1).max(1e5).default(7).describe('Days of supplies carried'),
  sensor: Sensor,
  firepower: z
    .number()
    .min(0)
    .max(1000)
    .describe('Lanchester effectiveness per unit strength per hour'),
  strength: z.number().min(0).max(1e6).describe('Personnel or equivalent at full strength'),
  costPerDay: z.number().min(0).max(1e6).default(1),
  night: z.boolean().default(true).describe('Can operate at night'),
});

const PatrolArea = z.strictObject({ kind: z.literal('patrol-area'), zone: id });
const PatrolRoute = z.strictObject({ kind: z.literal('patrol-route'), route: id });
const Idle = z.strictObject({ kind: z.literal('idle') });
export const StandingTask = z.discriminatedUnion('kind', [PatrolArea, PatrolRoute, Idle]);

export const Unit = z.strictObject({
  id,
  name: z.string().optional(),
  type: id,
  owner: id,
  base: id,
  count: z.number().int().min(1).max(200).default(1).describe('Expand into id-1 … id-N'),
  position: position.optional().describe('Start position; defaults to the base'),
  strength: unit01.default(1).describe('Share of full strength at start'),
  readiness: unit01.optional(),
  caveats: z.array(z.enum(['no-offensive', 'no-night', 'own-territory-only'])).default([]),
  command: z.union([z.literal('national'), id]).default('national'),
  task: StandingTask.default({ kind: 'idle' }),
});

export const Threat = z.strictObject({
  id,
  name: z.string().min(1),
  kind: ThreatKind,
  domain: z.enum(['ground', 'sea']),
  sidc,
  cells: z.number().int().min(1).max(200).default(1).describe('Independent cells it acts as'),
  strength: z.number().min(1).max(1e5).describe('Fighters per cell'),
  firepower: z.number().min(0).max(1000),
  speedKmh: z.number().min(0).max(200),
  havens: z.array(id).min(1).describe('Zone ids where cells hide'),
  targets: z
    .array(z.enum(['village', 'town', 'city', 'port', 'camp', 'convoy', 'ship', 'base']))
    .min(1)
    .describe('Target kinds in order of preference (the first weighs 3×, the last 1×)'),
  attackRatePerDay: z.number().min(0).max(24).describe('Attacks per cell per day when ready'),
  rangeKm: z.number().min(0).max(2000).describe('How far from a haven a cell will raid'),
  seamPreference: unit01.default(0.5).describe('Weight on targets near borders'),
  lieLowHours: z
    .tuple([z.number().min(0).max(720), z.number().min(0).max(720)])
    .default([24, 72])
    .describe('After a raid a cell lies low for a uniform draw between these hours [min, max]'),
  recruitPerDay: z
    .number()
    .min(0)
    .max(1e4)
    .default(0.2)
    .describe('Fighters per day at low security presence'),
  maxStrength: z.number().min(1).max(1e6).optional(),
  detectability: z.number().min(0).max(2).default(1),
});

export const Traffic = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(['merchant', 'fishing', 'civilian-convoy']),
  route: id,
  perDay: z.number().min(0).max(500),
  speedKmh: z.number().min(1).max(60),
  sidc,
  reportDelayMin: z.number().min(0).max(10080).default(30),
  bothWays: z.boolean().default(true),
});

export const SupplyRun = z.strictObject({
  id,
  owner: id,
  from: id.describe('Base id'),
  to: id.describe('Base id'),
  route: id.optional().describe('Road or lane to follow; straight line when absent'),
  everyHours: z.number().min(1).max(720),
  load: Stocks,
  speedKmh: z.number().min(1).max(120).default(40),
  sidc: sidc.default('SFGPUSS----E---'),
  strength: z.number().min(1).max(1e5).default(20),
});

const InjectBase = { id, at: ScenarioTime, message: z.string().optional() };
export const Inject = z.discriminatedUnion('kind', [
  z.strictObject({
    ...InjectBase,
    kind: z.literal('spawn'),
    threat: id,
    strength: z.number().min(1).max(1e5),
    position: position.optional(),
  }),
  z.strictObject({ ...InjectBase, kind: z.literal('attack'), threat: id, place: id }),
  z.strictObject({
    ...InjectBase,
    kind: z.literal('agreement'),
    agreement: id,
    active: z.boolean(),
  }),
  z.strictObject({ ...InjectBase, kind: z.literal('right'), right: id, active: z.boolean() }),
  z
    .strictObject({
      ...InjectBase,
      kind: z.literal('mechanism'),
      mechanism: id.describe('A joint centre, liaison office, framework, programme or dialogue'),
      active: z.boolean(),
    })
    .describe('Opens or closes a coordination mechanism'),
  z.strictObject({
    ...InjectBase,
    kind: z.literal('weather'),
    zone: id,
    closes: z.array(Domain).min(1),
    hours: z.number().min(0.25).max(8760),
  }),
  z.strictObject({
    ...InjectBase,
    kind: z.literal('funding'),
    actor: id,
    amount: z.number().min(-BIG).max(BIG),
  }),
  z
    .strictObject({
      ...InjectBase,
      kind: z.literal('withdraw'),
      actor: id.describe('The member that leaves'),
      organisation: id.describe('The organisation it leaves'),
      sectorsTo: id
        .optional()
        .describe(
          "A remaining member that takes over the leaver's sectors; without it they are lost",
        ),
    })
    .describe(
      "A member leaves an organisation: its sharing with the organisation stops, rights between it and the remaining members lapse, and its units under the organisation's task forces return to national command",
    ),
  z.strictObject({
    ...InjectBase,
    kind: z.literal('narrative'),
    to: z.array(id).default([]),
    message: z.string().min(1),
  }),
  z
    .strictObject({
      ...InjectBase,
      kind: z.literal('force-flow'),
      units: z
        .array(Unit)
        .min(1)
        .max(100)
        .describe(
          "Units that arrive, written as the scenario's units: at `position`, else at `base`",
        ),
    })
    .describe(
      'Force flow: units or detachments arrive in theatre (a deployment or reinforcement). They exist from load but act only from this time; scheduled in the scenario, not given live',
    ),
]);

export const Parameter = z.strictObject({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a camelCase name'),
  description: z.string().min(1),
  path: z
    .string()
    .min(1)
    .describe('Target path, e.g. agreements.*.latencyMin or units.ml-gtia.count'),
  default: z.number().min(-BIG).max(BIG).or(z.boolean()),
  min: z.number().min(-BIG).max(BIG).optional(),
  max: z.number().min(-BIG).max(BIG).optional(),
  unit: z.string().optional(),
});

export const Engagement = z.strictObject({
  model: z.enum(['square', 'linear']).default('square'),
  radiusKm: z.number().min(0.1).max(50).default(3),
  breakOffRatio: unit01
    .default(0.5)
    .describe('A side withdraws below this share of its starting strength'),
  stochastic: z.boolean().default(true),
});

export const Politics = z.strictObject({
  trustGainSharedSuccess: z.number().min(0).max(1).default(0.02),
  trustLossWithheld: z.number().min(0).max(1).default(0.05),
  trustLossSovereigntyIncident: z.number().min(0).max(1).default(0.08),
  pWithheldFoundOut: unit01.default(0.1),
});

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  id,
  name: z.string().min(1),
  meta: Meta,
  start: z.iso.datetime().describe('Exercise start, UTC ISO 8601'),
  tickMinutes: z.number().int().min(1).max(120),
  durationDays: z.number().min(0.1).max(365),
  checkpointEveryTicks: z.number().int().min(10).max(100000).default(96),
  geography: Geography,
  actors: z.array(Actor).min(2),
  agreements: z.array(Agreement).default([]),
  rights: z.array(Right).default([]),
  taskForces: z.array(TaskForce).default([]),
  jointCentres: z.array(JointCentre).default([]),
  liaisonOffices: z.array(LiaisonOffice).default([]),
  logisticsFrameworks: z.array(LogisticsFramework).default([]),
  capacityBuilding: z.array(CapacityBuilding).default([]),
  dialogues: z.array(StrategicDialogue).default([]),
  bases: z.array(Base).min(1),
  routes: z.array(Route).default([]),
  zones: z.array(Zone).default([]),
  places: z.array(Place).default([]),
  unitTypes: z.record(id, UnitType),
  units: z.array(Unit).min(1),
  threats: z.array(Threat).default([]),
  traffic: z.array(Traffic).default([]),
  supplyRuns: z.array(SupplyRun).default([]),
  injects: z.array(Inject).default([]),
  parameters: z.array(Parameter).default([]),
  engagement: Engagement.default({
    model: 'square',
    radiusKm: 3,
    breakOffRatio: 0.5,
    stochastic: true,
  }),
  politics: Politics.default({
    trustGainSharedSuccess: 0.02,
    trustLossWithheld: 0.05,
    trustLossSovereigntyIncident: 0.08,
    pWithheldFoundOut: 0.1,
  }),
});

/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof Scenario>;
/** A validated scenario with every default filled in. */
export type Scenario = z.infer<typeof Scenario>;
export type Actor = z.infer<typeof Actor>;
export type Agreement = z.infer<typeof Agreement>;
export type Right = z.infer<typeof Right>;
export type Base = z.infer<typeof Base>;
export type Route = z.infer<typeof Route>;
export type Zone = z.infer<typeof Zone>;
export type Place = z.infer<typeof Place>;
export type UnitType = z.infer<typeof UnitType>;
export type Unit = z.infer<typeof Unit>;
export type Threat = z.infer<typeof Threat>;
export type Traffic = z.infer<typeof Traffic>;
export type SupplyRun = z.infer<typeof SupplyRun>;
export type Inject = z.infer<typeof Inject>;
export type Parameter = z.infer<typeof Parameter>;
export type JointCentre = z.infer<typeof JointCentre>;
export type LiaisonOffice = z.infer<typeof LiaisonOffice>;
export type LogisticsFramework = z.infer<typeof LogisticsFramework>;
export type CapacityBuilding = z.infer<typeof CapacityBuilding>;
export type StrategicDialogue = z.infer<typeof StrategicDialogue>;
