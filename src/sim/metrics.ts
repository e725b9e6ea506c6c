// The core metrics, computed from the event log alone (plus the scenario's initial trust), so
// a saved log reproduces them. Times to detect, respond and inform are restricted means with a
// 48-hour horizon: a raid never detected (or a partner never told) counts as 48 h, or as the
// time left in the run if less — the standard treatment of censored times.
// Coordination measures: incidents within 50 km of a border between participants (the
// coalition's seams), regional units' responses tasked into another state's territory (across
// national lines; external partners excluded), picture divergence (mean pairwise Jaccard distance of partners'
// fresh pictures, hourly), time to share (send to arrival of delivered messages), decision
// latency (a node's awareness to its tasking), messages withheld for low trust, caveat costs (taskings
// barred and halts or refusals in contact) and sovereignty costs (taskings barred, border
// stops), mean readiness of the participants' units (hourly).

import type { SimEvent } from './events';
import { r3 } from './events';
import { cellOf } from './geo/raster';
import { latencies } from './latencies';
import { HORIZON_H, raidTimes } from './raid-times';
import { initialTrust } from './systems/trust';
import type { Def } from './world';

export const CORE_METRICS = [
  'incidents',
  'incidentsPrevented',
  'interdictions',
  'threatStrengthEnd',
  'civilianHarm',
  'meanTimeToDetectH',
  'meanTimeToRespondH',
  'meanInfoLatencyH',
  'copCompleteness',
  'trustMean',
  'supplyShortfalls',
  'crossBorderPursuits',
  'sovereigntyIncidents',
  'costUnits',
  // Coordination measures (issue 4): how partners' pictures, decisions and frictions behave.
  'borderZoneIncidents',
  'crossBorderTaskings',
  'pictureDivergence',
  'meanTimeToShareH',
  'meanDecisionLatencyH',
  'messagesWithheld',
  'caveatCosts',
  'sovereigntyCosts',
  'meanReadiness',
] as const;
export type MetricName = (typeof CORE_METRICS)[number];
export type Metrics = Record<MetricName, number>;

export { HORIZON_H };
/** Incidents this close to a land border between two participants are border-zone incidents. */
export const BORDER_ZONE_KM = 50;

function mean(xs: number[]): number {
  let s = 0;
  // Index loops here and over the log: metrics are folded many times a run (a sweep's time
  // series), often before V8 optimises them, and an array iterator allocates per element there.
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length ? s / xs.length : 0;
}

/** Metrics of a run whose log is `events`, observed at tick `now` (exclusive end). */
/** Counts and series gathered in one pass over the log (tallyEvents). */
interface Tally {
  incidents: number;
  prevented: number;
  harm: number;
  shortfalls: number;
  crossings: number;
  sovereignty: number;
  cost: number;
  threatStrength: number;
  interdictions: Set<string>;
  cop: number[];
  divergence: number[];
  readiness: number[];
  withheld: number;
  border: number;
  acrossLines: number;
  caveats: number;
  sovereigntyCosts: number;
  /** Trust as the log leaves it: [a * nActors + b]. */
  trust: Float64Array;
  /** Awareness episodes: start tick and each actor's first lag. */
  epStart: Map<number, number>;
  epLags: Map<number, Map<number, number>>;
}

function emptyTally(def: Def): Tally {
  return {
    incidents: 0,
    prevented: 0,
    harm: 0,
    shortfalls: 0,
    crossings: 0,
    sovereignty: 0,
    cost: 0,
    threatStrength: Number.NaN,
    interdictions: new Set<string>(),
    cop: [],
    divergence: [],
    readiness: [],
    withheld: 0,
    border: 0,
    acrossLines: 0,
    caveats: 0,
    sovereigntyCosts: 0,
    trust: initialTrust(def),
    epStart: new Map(),
    epLags: new Map(),
  };
}

/** One pass over the log: every counter and series the metrics need. */
function tallyEvents(def: Def, events: readonly SimEvent[]): Tally {
  const t = emptyTally(def);
  const nA = def.nActors;
  const external = def.scenario.actors.map((a) => a.external);
  // A barred tasking counts once until the node tasks someone to that cell (retries repeat it).
  const barred = new Set<number>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    switch (e.k) {
      case 'attack': {
        t.incidents++;
        t.harm += e.harm;
        const c = cellOf(def.masks.spec, e.x, e.y);
        if (c >= 0 && def.masks.borderKm[c]! <= BORDER_ZONE_KM && partnersSeam(def, c)) t.border++;
        break;
      }
      case 'prevented':
        t.prevented++;
        break;
      case 'engage-end':
        if (e.outcome === 'threat-destroyed' || e.outcome === 'threat-withdrew')
          t.interdictions.add(`${e.t}:${e.cell}`);
        break;
      case 'shortfall':
        t.shortfalls++;
        break;
      case 'cross-border':
        t.crossings++;
        break;
      case 'msg-withheld':
        // The sovereignty friction: withheld for low trust (a classification ceiling is design).
        if (e.reason === 'trust') t.withheld++;
        break;
      case 'task': {
        if (e.task !== 'respond') break;
        const owner = def.uOwner[e.unit]!;
        if (e.into !== undefined && e.into >= 0 && e.into !== owner && !external[owner])
          t.acrossLines++;
        barred.delete(e.node * def.cellCap + e.cell);
        break;
      }
      case 'task-blocked': {
        const key = e.node * def.cellCap + e.cell;
        if (barred.has(key)) break;
        barred.add(key);
        if (e.reason === 'caveat') t.caveats++;
        else t.sovereigntyCosts++;
        break;
      }
      case 'caveat':
        t.caveats++;
        break;
      case 'border-stop':
        t.sovereigntyCosts++;
        break;
      case 'sovereignty-incident':
        t.sovereignty++;
        break;
      case 'cost':
        t.cost += e.amount;
        break;
      case 'trust':
        t.trust[e.a * nA + e.b] = e.value;
        break;
      case 'cop':
        t.cop.push(mean(e.completeness));
        if (e.divergence >= 0) t.divergence.push(e.divergence);
        t.readiness.push(e.readiness);
        t.threatStrength = e.threatStrength;
        break;
      case 'aware': {
        if (!t.epStart.has(e.ep)) {
          t.epStart.set(e.ep, e.t - e.lag);
          t.epLags.set(e.ep, new Map());
        }
        const lags = t.epLags.get(e.ep)!;
        if (!lags.has(e.actor)) lags.set(e.actor, e.lag);
        break;
      }
      default:
        break;
    }
  }
  return t;
}

/** Hours each participant took to learn of each episode (capped; the first to know left out). */
function infoLatencies(def: Def, t: Tally, participants: number[], now: number): number[] {
  const h = def.tickMinutes / 60;
  const restricted = (from: number, to: number | undefined) =>
    to === undefined ? Math.min(HORIZON_H, (now - from) * h) : Math.min(HORIZON_H, (to - from) * h);
  const info: number[] = [];
  for (const [ep, t0] of t.epStart) {
    const lags = t.epLags.get(ep)!;
    for (const a of participants) {
      const lag = lags.get(a);
      if (lag === 0) continue; // the first to know
      info.push(restricted(t0, lag === undefined ? undefined : t0 + lag));
    }
  }
  return info;
}

export function computeMetrics(def: Def, events: readonly SimEvent[], now: number): Metrics {
  const nA = def.nActors;
  const participants: number[] = [];
  for (let a = 0; a < nA; a++) if (def.participant[a]) participants.push(a);
  const lat = latencies(def, events);
  const t = tallyEvents(def, events);
  const times = raidTimes(def, events, now);
  const ttd = times.map((r) => r.detectH);
  const ttr = times.flatMap((r) => (r.respondH === undefined ? [] : [r.respondH]));
  const trusts: number[] = [];
  for (const a of participants)
    for (const b of participants) if (a !== b) trusts.push(t.trust[a * nA + b]!);
  return {
    incidents: t.incidents,
    incidentsPrevented: t.prevented,
    interdictions: t.interdictions.size,
    threatStrengthEnd: Number.isNaN(t.threatStrength) ? initialStrength(def) : t.threatStrength,
    civilianHarm: t.harm,
    meanTimeToDetectH: mean(ttd),
    meanTimeToRespondH: mean(ttr),
    meanInfoLatencyH: mean(infoLatencies(def, t, participants, now)),
    copCompleteness: mean(t.cop),
    trustMean: mean(trusts),
    supplyShortfalls: t.shortfalls,
    crossBorderPursuits: t.crossings,
    sovereigntyIncidents: t.sovereignty,
    costUnits: r3(t.cost),
    borderZoneIncidents: t.border,
    crossBorderTaskings: t.acrossLines,
    pictureDivergence: r3(mean(t.divergence)),
    meanTimeToShareH: mean(lat.share.map((x) => x.hours)),
    meanDecisionLatencyH: mean(lat.decisions.map((x) => x.hours)),
    messagesWithheld: t.withheld,
    caveatCosts: t.caveats,
    sovereigntyCosts: t.sovereigntyCosts,
    meanReadiness: r3(mean(t.readiness)),
  };
}

/** Whether the border nearest cell c separates two participants (a seam of the coalition). */
function partnersSeam(def: Def, c: number): boolean {
  const pair = def.masks.borderPair[c]!;
  const a = def.codeToActor[pair >> 8]!;
  const b = def.codeToActor[pair & 255]!;
  return a >= 0 && b >= 0 && a !== b && def.participant[a] === 1 && def.participant[b] === 1;
}

function initialStrength(def: Def): number {
  return def.scenario.threats.reduce((n, t) => n + t.cells * t.strength, 0);
}
