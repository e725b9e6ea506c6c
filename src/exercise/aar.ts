// After-action report data: from a session file and its replayed engine session, everything
// the report page shows, as plain JSON — the key events timeline (aar-timeline.ts), each role's
// orders in words with what came of them (aar-orders.ts), the core metrics over time and the
// measures the engine keeps per actor (aar-metrics.ts), each actor's picture against the ground
// truth over time (aar-picture.ts), the injects fired and the bookmarks, with D+ times and DTGs.
// One more pass over the session (aar-probe.ts) gives what the log alone does not: where units
// and threats really were, and what each picture held. `METHODS` says how each measure is
// computed; the report prints it. Pure: the app's review worker, tests and tools call it alike.

import type { Breakdown } from '../sim/breakdown';
import { describeWorld } from '../sim/describe';
import type { Session } from '../sim/session';
import { type ActorSeries, type MetricSeries, metricsProbe } from './aar-metrics';
import { type OrderOutcome, ordersProbe, roleNamer } from './aar-orders';
import { type PictureSeries, pictureProbe } from './aar-picture';
import { type Probe, replayWithProbes, sampleTicks } from './aar-probe';
import { keyEvents, type TimelineEntry } from './aar-timeline';
import { addressees } from './msel';
import { formatDPlus, formatDtg } from './msel-time';
import type { SessionFile } from './session-file';

export const AAR_FORMAT = 'concord-aar';

export interface When {
  tick: number;
  /** "D+1 06:00". */
  dplus: string;
  /** "060600Z JAN 26". */
  dtg: string;
}

export interface AfterActionReport {
  format: typeof AAR_FORMAT;
  version: 1;
  title: string;
  scenario: { id: string; name: string; start: string; tickMinutes: number; totalTicks: number };
  seed: number;
  set: string[];
  setup: SessionFile['setup'];
  start: When;
  end: When & { hours: number };
  /** The pass's hash at the end, and whether it equals the one the session recorded (or had). */
  hash: { replayed: string; recorded: string | null; verified: boolean };
  actors: Array<{ id: string; name: string; color: string; participant: boolean }>;
  roles: Array<{ id: string; name: string; actor: string | null }>;
  timeline: Array<TimelineEntry & When>;
  /** Each role's orders, in the record's order (white cell first). */
  orders: Array<{ role: string; name: string; orders: Array<OrderOutcome & When> }>;
  /** MSEL entries fired, as the session records them. */
  injects: Array<
    When & {
      serial: string;
      by: 'msel' | 'trigger' | 'white';
      subject: string;
      to: string[];
      acked: string[];
    }
  >;
  bookmarks: Array<When & { role: string; roleName: string; note: string }>;
  metrics: MetricSeries;
  perActor: ActorSeries & { breakdown: Breakdown };
  picture: PictureSeries & {
    /** Means over the samples (nulls left out; null when every sample was null). */
    summary: Record<
      string,
      {
        completeness: number | null;
        divergence: number | null;
        errorKm: number | null;
        ageH: number | null;
        phantoms: number | null;
      }
    >;
  };
  methods: Array<{ measure: string; how: string }>;
}

export interface AarOptions {
  /** At most this many samples over time (every k hours, k ≥ 1). @default 400 */
  maxSamples?: number;
  /** More probes to run in the same pass (the GeoJSON export's, for one). */
  probes?: Probe[];
}

/** How each measure in the report is computed, in words (printed in the report). */
export const METHODS: Array<{ measure: string; how: string }> = [
  {
    measure: 'Replay',
    how: 'The report replays the session from its scenario, seed and recorded orders, one tick at a time, and checks the state hash at the end against the one recorded.',
  },
  {
    measure: 'Key events',
    how: 'From the event log: attacks, raids broken up, interdictions (a threat cell destroyed or forced to withdraw, once per cell and tick), injects fired (with MSEL serial and subject), agreement, right and mechanism switches (by order, inject, withdrawal or mechanism), agreement proposals decided, withdrawals, sovereignty incidents.',
  },
  {
    measure: 'Move order',
    how: 'Arrived: the unit came within 1 km of the point. Otherwise: destroyed or out of fuel on the way; held short (the engine found no legal way on and stopped it where it stood); superseded by the next order for the unit; or still en route at the end.',
  },
  {
    measure: 'Patrol order',
    how: 'Hours on the task until the next order for the unit, the share of those hours inside the zone, detections by the unit, detections of threat cells inside the zone by any sensor, contacts and interdictions by the unit, attacks inside the zone.',
  },
  {
    measure: 'Return order',
    how: 'The base reached (within 1 km, resupplying or idle) and when.',
  },
  {
    measure: 'Agreement switch',
    how: 'Whether the switch took effect; tracks sent on the channel, lost and withheld while it stood, and for a suspension the tracks it carried in the 24 h before (a suspended channel carries nothing, so nothing is withheld on it).',
  },
  {
    measure: 'Right, mechanism, tasking, trust',
    how: "Right: the grantee's crossings into the grantor's territory, border stops and sovereignty incidents while it stood. Mechanism: sessions and cost. Automatic tasking: taskings by the nation's staff. Trust: tracks withheld for low trust on that pair.",
  },
  {
    measure: 'Inject',
    how: 'What the engine logged for it at its tick; for an MSEL entry its serial, subject, how it fired, and which addressed roles acknowledged the card.',
  },
  {
    measure: 'Core metrics over time',
    how: 'The engine’s core metrics computed from the event log as it stood at each sample (every hour, or every few hours on long sessions).',
  },
  {
    measure: 'Per actor',
    how: 'Running totals from the log: attacks in the actor’s territory, tracks it withheld from partners for low trust, supply shortfalls of its units, its costs; and the engine’s breakdown at the end.',
  },
  {
    measure: 'Picture completeness',
    how: 'Share of the live threat cells the actor holds a fresh track of (seen within 12 h): the engine’s own hourly sample.',
  },
  {
    measure: 'Picture divergence',
    how: 'Mean Jaccard distance between the actor’s set of known cells and each partner’s (cells only one of the two knows, over cells either knows); the pictureDivergence metric averages the same distance over all pairs.',
  },
  {
    measure: 'Position error',
    how: 'Mean distance between where the actor’s fresh tracks put the threat cells and where the cells really were at the same moment.',
  },
  {
    measure: 'Track age, phantoms',
    how: 'Mean hours since the actor’s fresh tracks were last seen; phantoms: fresh tracks of cells already destroyed.',
  },
];

const mean = (xs: ReadonlyArray<number | null>): number | null => {
  let s = 0;
  let n = 0;
  for (const x of xs) {
    if (x === null) continue;
    s += x;
    n++;
  }
  return n ? Math.round((s / n) * 1000) / 1000 : null;
};

/**
 * The report's data for `file` played on `session` (its replayed engine session, at any tick).
 * The session is replayed once more from tick 0 and left at the file's tick.
 */
export function afterActionReport(
  file: SessionFile,
  session: Session,
  o: AarOptions = {},
): AfterActionReport {
  const def = session.def;
  const d = describeWorld(def);
  const tm = def.tickMinutes;
  const start = d.scenario.start;
  const end = Math.min(file.tick, session.totalTicks);
  const at = (tick: number): When => ({
    tick,
    dplus: formatDPlus((tick * tm) / 60),
    dtg: formatDtg(start, (tick * tm) / 60),
  });
  const samples = sampleTicks(end, tm, o.maxSamples ?? 400);
  const pic = pictureProbe(session.world, samples);
  const met = metricsProbe(session.world, samples);
  const ord = ordersProbe({ def, d, file, when: (t) => at(t).dplus }, end);
  const pass = replayWithProbes(session, end, [pic, met, ord, ...(o.probes ?? [])]);
  const w = session.world;
  const recorded = file.hashes.find((h) => h.tick === end)?.hash ?? pass.before;

  const outcomes = ord.result(w);
  const roleName = roleNamer(file, d);
  const orders = file.roles.map((r) => ({
    role: r.id,
    name: roleName(r.id),
    orders: outcomes.filter((x) => x.role === r.id).map((x) => ({ ...x, ...at(x.tick) })),
  }));

  const { metrics, actors: perActor, breakdown } = met.result(end);
  const picture = pic.result();
  const summary: AfterActionReport['picture']['summary'] = {};
  for (const [id, p] of Object.entries(picture.byActor))
    summary[id] = {
      completeness: mean(p.completeness),
      divergence: mean(p.divergence),
      errorKm: mean(p.errorKm),
      ageH: mean(p.ageH),
      phantoms: mean(p.phantoms),
    };

  const players = file.roles.filter((r) => r.actor !== null).map((r) => r.id);
  return {
    format: AAR_FORMAT,
    version: 1,
    title: file.title || d.scenario.name,
    scenario: {
      id: d.scenario.id,
      name: d.scenario.name,
      start,
      tickMinutes: tm,
      totalTicks: d.scenario.totalTicks,
    },
    seed: file.seed,
    set: [...file.set],
    setup: { ...file.setup },
    start: at(0),
    end: { ...at(end), hours: Math.round(((end * tm) / 60) * 100) / 100 },
    hash: { replayed: pass.hash, recorded, verified: recorded === pass.hash },
    actors: d.actors.map((a, i) => ({
      id: a.id,
      name: a.name,
      color: a.color,
      participant: def.participant[i] === 1,
    })),
    roles: file.roles.map((r) => ({ id: r.id, name: roleName(r.id), actor: r.actor })),
    timeline: keyEvents(def, d, file, w.log.events, w.s.cGroup).map((e) => ({
      ...e,
      ...at(e.tick),
    })),
    orders,
    injects: file.fired
      .filter((f) => f.tick <= end)
      .map((f) => {
        const entry = file.msel.find((e) => e.serial === f.serial);
        const to = entry ? addressees(entry, players) : players;
        return {
          ...at(f.tick),
          serial: f.serial,
          by: f.by,
          subject: entry?.subject ?? '',
          to: [...to],
          acked: file.acks.filter((a) => a.serial === f.serial).map((a) => a.role),
        };
      }),
    bookmarks: file.bookmarks
      .filter((b) => b.tick <= end)
      .map((b) => ({ ...at(b.tick), role: b.role, roleName: roleName(b.role), note: b.note })),
    metrics,
    perActor: { ...perActor, breakdown },
    picture: { ...picture, summary },
    methods: METHODS,
  };
}
