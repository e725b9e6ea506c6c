// Every coordination mechanism and friction in DESIGN ("What the simulation is about") as a
// paired experiment on a real scenario: what is switched, the measure it must move and which
// way. tests/effects/*.test.ts assert each over 30 seeds; scripts/effects.ts prints the table.
import type { Scenario } from '../../src/scenario/schema';
import { computeBreakdown } from '../../src/sim/breakdown';
import type { MetricName } from '../../src/sim/metrics';
import type { Session } from '../../src/sim/session';
import { type Effect, set } from './harness';

const metric = (m: MetricName) => (s: Session) => s.metrics()[m];
const breakdown = (s: Session) => computeBreakdown(s.def, s.world.log.events);

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
    name: 'standardised reporting protocol: every agreement ad hoc instead of standard',
    scenario: 'sahel-ct',
    days: 10,
    measure: 'meanTimeToShareH',
    direction: 1,
    value: metric('meanTimeToShareH'),
    variant: set('agreements.*.protocol', 'ad-hoc'),
  },
  {
    name: 'joint operations centre opened',
    scenario: 'sahel-ct',
    days: 10,
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
];
export const FRICTIONS: Effect[] = [];
