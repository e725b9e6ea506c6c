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
export function computeMetrics(def: Def, events: readonly SimEvent[], now: number): Metrics {
  const h = def.tickMinutes / 60;
  const cap = HORIZON_H;
  const nA = def.nActors;
  const participants: number[] = [];
  for (let a = 0; a < nA; a++) if (def.participant[a]) participants.push(a);
  const trust = initialTrust(def);

  let incidents = 0;
  let prevented = 0;
  let harm = 0;
  let shortfalls = 0;
  let crossings = 0;
  let sovereignty = 0;
  let cost = 0;
  let threatStrength = Number.NaN;
  const interdictions = new Set<string>();
  const cop: number[] = [];
  const divergence: number[] = [];
  const readiness: number[] = [];
  let withheld = 0;
  let border = 0;
  let acrossLines = 0;
  const external = def.scenario.actors.map((a) => a.external);
  let caveats = 0;
  let sovereigntyCosts = 0;
  const lat = latencies(def, events);
  // A barred tasking counts once until the node tasks someone to that cell (retries repeat it).
  const barred = new Set<number>();
  // Awareness episodes: start tick and each actor's first lag.
  const epStart = new Map<number, number>();
  const epLags = new Map<number, Map<number, number>>();

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    switch (e.k) {
      case 'attack': {
        incidents++;
        harm += e.harm;
        const c = cellOf(def.masks.spec, e.x, e.y);
        if (c >= 0 && def.masks.borderKm[c]! <= BORDER_ZONE_KM && partnersSeam(def, c)) border++;
        break;
      }
      case 'prevented':
        prevented++;
        break;
      case 'engage-end':
        if (e.outcome === 'threat-destroyed' || e.outcome === 'threat-withdrew')
          interdictions.add(`${e.t}:${e.cell}`);
        break;
      case 'shortfall':
        shortfalls++;
        break;
      case 'cross-border':
        crossings++;
        break;
      case 'msg-withheld':
        // The sovereignty friction: withheld for low trust (a classification ceiling is design).
        if (e.reason === 'trust') withheld++;
        break;
      case 'task': {
        if (e.task !== 'respond') break;
        const owner = def.uOwner[e.unit]!;
        if (e.into !== undefined && e.into >= 0 && e.into !== owner && !external[owner])
          acrossLines++;
        barred.delete(e.node * def.cellCap + e.cell);
        break;
      }
      case 'task-blocked': {
        const key = e.node * def.cellCap + e.cell;
        if (barred.has(key)) break;
        barred.add(key);
        if (e.reason === 'caveat') caveats++;
        else sovereigntyCosts++;
        break;
      }
      case 'caveat':
        caveats++;
        break;
      case 'border-stop':
        sovereigntyCosts++;
        break;
      case 'sovereignty-incident':
        sovereignty++;
        break;
      case 'cost':
        cost += e.amount;
        break;
      case 'trust':
        trust[e.a * nA + e.b] = e.value;
        break;
      case 'cop': {
        cop.push(mean(e.completeness));
        if (e.divergence >= 0) divergence.push(e.divergence);
        readiness.push(e.readiness);
        threatStrength = e.threatStrength;
        break;
      }
      case 'aware': {
        if (!epStart.has(e.ep)) {
          epStart.set(e.ep, e.t - e.lag);
          epLags.set(e.ep, new Map());
        }
        const lags = epLags.get(e.ep)!;
        if (!lags.has(e.actor)) lags.set(e.actor, e.lag);
        break;
      }
      default:
        break;
    }
  }
  const restricted = (from: number, to: number | undefined) =>
    to === undefined ? Math.min(cap, (now - from) * h) : Math.min(cap, (to - from) * h);
  const times = raidTimes(def, events, now);
  const ttd = times.map((r) => r.detectH);
  const ttr = times.flatMap((r) => (r.respondH === undefined ? [] : [r.respondH]));
  const info: number[] = [];
  for (const [ep, t0] of epStart) {
    const lags = epLags.get(ep)!;
    for (const a of participants) {
      const lag = lags.get(a);
      if (lag === 0) continue; // the first to know
      info.push(restricted(t0, lag === undefined ? undefined : t0 + lag));
    }
  }
  const trusts: number[] = [];
  for (const a of participants)
    for (const b of participants) if (a !== b) trusts.push(trust[a * nA + b]!);
  return {
    incidents,
    incidentsPrevented: prevented,
    interdictions: interdictions.size,
    threatStrengthEnd: Number.isNaN(threatStrength) ? initialStrength(def) : threatStrength,
    civilianHarm: harm,
    meanTimeToDetectH: mean(ttd),
    meanTimeToRespondH: mean(ttr),
    meanInfoLatencyH: mean(info),
    copCompleteness: mean(cop),
    trustMean: mean(trusts),
    supplyShortfalls: shortfalls,
    crossBorderPursuits: crossings,
    sovereigntyIncidents: sovereignty,
    costUnits: r3(cost),
    borderZoneIncidents: border,
    crossBorderTaskings: acrossLines,
    pictureDivergence: r3(mean(divergence)),
    meanTimeToShareH: mean(lat.share.map((x) => x.hours)),
    meanDecisionLatencyH: mean(lat.decisions.map((x) => x.hours)),
    messagesWithheld: withheld,
    caveatCosts: caveats,
    sovereigntyCosts,
    meanReadiness: r3(mean(readiness)),
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
