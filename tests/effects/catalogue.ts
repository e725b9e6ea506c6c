// Every coordination mechanism and friction in DESIGN ("What the simulation is about") as a
// paired experiment on a real scenario: what is switched, the measure it must move and which
// way. tests/effects/*.test.ts assert each over 30 seeds; scripts/effects.ts prints the table.
import type { Scenario } from '../../src/scenario/schema';
import { computeBreakdown } from '../../src/sim/breakdown';
import type { MetricName } from '../../src/sim/metrics';
import type { Session } from '../../src/sim/session';
import { both, type Effect, set } from './harness';

const metric = (m: MetricName) => (s: Session) => s.metrics()[m];
const breakdown = (s: Session) => computeBreakdown(s.def, s.world.log.events, s.tick);

/** Removes the MSEL injects of some kinds, so a switch set for the whole run stays set. */
const withoutInjects =
  (...kinds: string[]) =>
  (sc: Scenario) => {
    sc.injects = sc.injects.filter((i) => !kinds.includes(i.kind));
  };

export const MECHANISMS: Effect[] = [
  {
    name: 'information-sharing agreements: slower channels (latencyMin 60 → 360)',
    scenario: 'sahel-ct',
    days: 10,
    measure: 'meanInfoLatencyH',
    direction: 1,
    value: metric('meanInfoLatencyH'),
    variant: set('agreements.*.latencyMin', 360),
  },
  {
    name: 'standardised reporting protocol: Niger–G5 Sahel reporting ad hoc instead of standard',
    scenario: 'sahel-ct',
    days: 10,
    measure: 'time to share on ag-ne-g5 (h)',
    direction: 1,
    value: (s) => breakdown(s).timeToShareHByChannel['ag-ne-g5']?.meanH ?? 0,
    variant: set('agreements.ag-ne-g5.protocol', 'ad-hoc'),
  },
  {
    name: 'joint operations centre opened',
    scenario: 'sahel-ct',
    days: 10,
    seeds: 60,
    measure: 'meanInfoLatencyH',
    direction: -1,
    value: metric('meanInfoLatencyH'),
    variant: set('jointCentres.jf-joc.active', true),
  },
  {
    name: 'liaison officers between Mali and Burkina Faso from the start',
    scenario: 'sahel-ct',
    days: 10,
    measure: 'trustMean',
    direction: 1,
    value: metric('trustMean'),
    baseline: withoutInjects('mechanism'),
    variant: set('liaisonOffices.lo-mali-burkina.active', true),
  },
  {
    name: 'liaison officers between Mali and Burkina Faso: their channel shares faster',
    scenario: 'sahel-ct',
    days: 10,
    measure: 'time to share on ag-ml-bf (h)',
    direction: -1,
    value: (s) => breakdown(s).timeToShareHByChannel['ag-ml-bf']?.meanH ?? 0,
    baseline: withoutInjects('mechanism', 'agreement'),
    variant: set('liaisonOffices.lo-mali-burkina.active', true),
  },
  {
    name: 'joint task force: its units returned to national command',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'crossBorderTaskings',
    direction: -1,
    value: metric('crossBorderTaskings'),
    variant: set('units.*.command', 'national'),
  },
  {
    name: 'bilateral treaties: hot-pursuit rights withdrawn (units under national command)',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'crossBorderPursuits',
    direction: -1,
    value: metric('crossBorderPursuits'),
    // The joint force's own mandate crosses borders without a treaty, so it is left out.
    baseline: both(withoutInjects('right'), set('units.*.command', 'national')),
    variant: (sc) => {
      for (const r of sc.rights) if (r.kind === 'hot-pursuit') r.active = false;
    },
  },
  {
    name: 'bilateral treaties: base-access rights withdrawn (bases listing no other users)',
    scenario: 'sahel-ct',
    days: 20,
    measure: "resupplies drawn at partners' bases",
    direction: -1,
    value: (s) => sumOf(breakdown(s).resuppliesByNation, (r) => r.partner),
    baseline: nationalBasesOnly,
    variant: (sc) => {
      for (const r of sc.rights) if (r.kind === 'base-access') r.active = false;
    },
  },
  {
    name: 'shared logistics framework (bases listing no other users)',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'supplyShortfalls',
    direction: -1,
    value: metric('supplyShortfalls'),
    baseline: nationalBasesOnly,
    variant: set('logisticsFrameworks.g5-logistics.active', true),
  },
  {
    name: 'capacity building: training mission with Burkina Faso',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'meanReadiness',
    direction: 1,
    value: metric('meanReadiness'),
    variant: set('capacityBuilding.train-burkina.active', true),
  },
  {
    name: 'capacity building: training mission with Burkina Faso costs money',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'costUnits',
    direction: 1,
    value: metric('costUnits'),
    variant: set('capacityBuilding.train-burkina.active', true),
  },
  {
    name: 'strategic dialogues stopped',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'trustMean',
    direction: -1,
    value: metric('trustMean'),
    variant: set('dialogues.g5-defence-committee.active', false),
  },
];

function sumOf<T>(rows: Record<string, T>, f: (r: T) => number): number {
  let n = 0;
  for (const r of Object.values(rows)) n += f(r);
  return n;
}

/** Every base open only to its owner, so access rights and frameworks are what open them. */
function nationalBasesOnly(sc: Scenario): void {
  for (const b of sc.bases) b.users = [];
}

export const FRICTIONS: Effect[] = [
  {
    name: 'sovereignty: partners withhold from those they trust little (threshold 0 → 0.6)',
    scenario: 'sahel-ct',
    days: 10,
    measure: 'messagesWithheld',
    direction: 1,
    value: metric('messagesWithheld'),
    baseline: set('actors.*.withholdBelowTrust', 0),
    variant: set('actors.*.withholdBelowTrust', 0.6),
  },
  {
    name: 'sovereignty: withholding slows what partners learn (threshold 0 → 0.6)',
    scenario: 'sahel-ct',
    days: 10,
    measure: 'meanInfoLatencyH',
    direction: 1,
    value: metric('meanInfoLatencyH'),
    baseline: set('actors.*.withholdBelowTrust', 0),
    variant: set('actors.*.withholdBelowTrust', 0.6),
  },
  {
    name: 'political differences: consensus instead of a lead nation in the joint force',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'decision latency of jf-g5 (h)',
    direction: 1,
    value: (s) => breakdown(s).decisionLatencyHByNode['jf-g5']?.meanH ?? 0,
    baseline: set('actors.g5-sahel.decisionRule', 'lead-nation'),
    variant: set('actors.g5-sahel.decisionRule', 'consensus'),
  },
  {
    name: 'political differences: consensus latency rises with members (2 → 5)',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'decision latency of jf-g5 (h)',
    direction: 1,
    value: (s) => breakdown(s).decisionLatencyHByNode['jf-g5']?.meanH ?? 0,
    baseline: set('actors.g5-sahel.members', ['niger', 'chad']),
    variant: set('actors.g5-sahel.members', ['mali', 'burkina', 'niger', 'mauritania', 'chad']),
  },
  {
    name: "resource disparities: Mali's depots hold a quarter of their stocks",
    scenario: 'sahel-ct',
    days: 20,
    measure: "Mali's supply shortfalls",
    direction: 1,
    value: (s) => breakdown(s).shortfallsByNation.mali ?? 0,
    variant: (sc) => {
      for (const b of sc.bases) {
        if (b.owner !== 'mali') continue;
        b.stocks = { fuel: b.stocks.fuel / 4, supplies: b.stocks.supplies / 4 };
        b.resupplyPerDay = {
          fuel: b.resupplyPerDay.fuel / 4,
          supplies: b.resupplyPerDay.supplies / 4,
        };
      }
    },
  },
  {
    name: 'divergent priorities: Indonesia ranks robbery last (robbers 5 → 0; no joint task force)',
    scenario: 'sea-maritime',
    days: 14,
    measure: 'interdictions',
    direction: -1,
    value: metric('interdictions'),
    // Units under a joint task force follow its commander's weights, so all are national here.
    baseline: set('units.*.command', 'national'),
    variant: set('actors.indonesia.priorities.robbers', 0),
  },
  {
    name: 'national caveats: every national unit restricted to its own territory',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'caveatCosts',
    direction: 1,
    value: metric('caveatCosts'),
    variant: (sc) => {
      for (const u of sc.units)
        if (u.command === 'national') u.caveats = [...u.caveats, 'own-territory-only'];
    },
  },
  {
    name: 'national caveats: no night operations for any unit',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'meanTimeToRespondH',
    direction: 1,
    value: metric('meanTimeToRespondH'),
    variant: (sc) => {
      for (const u of sc.units) u.caveats = [...u.caveats, 'no-night'];
    },
  },
  {
    name: 'partner withdrawal: Mali leaves the G5 Sahel at D+1',
    scenario: 'sahel-ct',
    days: 20,
    measure: 'meanInfoLatencyH',
    direction: 1,
    value: metric('meanInfoLatencyH'),
    variant: (sc) => {
      sc.injects.push({
        id: 'inj-ml-leaves',
        at: 'D+1',
        kind: 'withdraw',
        actor: 'mali',
        organisation: 'g5-sahel',
      });
    },
  },
];
