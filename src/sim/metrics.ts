// The core metrics, computed from the event log alone (plus the scenario's initial trust), so
// a saved log reproduces them. Times to detect, respond and inform are restricted means with a
// 48-hour horizon: a raid never detected (or a partner never told) counts as 48 h, or as the
// time left in the run if less — the standard treatment of censored times.

import type { SimEvent } from './events';
import { r3 } from './events';
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
] as const;
export type MetricName = (typeof CORE_METRICS)[number];
export type Metrics = Record<MetricName, number>;

export const HORIZON_H = 48;

function mean(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : 0;
}

/** Metrics of a run whose log is `events`, observed at tick `now` (exclusive end). */
export function computeMetrics(def: Def, events: readonly SimEvent[], now: number): Metrics {
  const h = def.tickMinutes / 60;
  const cap = HORIZON_H;
  const nA = def.nActors;
  const participants: number[] = [];
  for (let a = 0; a < nA; a++) if (def.participant[a]) participants.push(a);
  const trust = new Float64Array(nA * nA);
  def.scenario.actors.forEach((a, i) => {
    for (let j = 0; j < nA; j++)
      trust[i * nA + j] = i === j ? 1 : (a.trust[def.actorIds[j]!] ?? a.trustDefault);
  });

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
  // Raids (cell, start, known at start) and, per cell, the ticks it was detected (sensor or
  // report) and the ticks a tasked unit was on scene or in contact.
  const raids: Array<{ cell: number; t0: number; known: boolean }> = [];
  const detects = new Map<number, number[]>();
  const responses = new Map<number, number[]>();
  const note = (m: Map<number, number[]>, cell: number, t: number) => {
    const list = m.get(cell);
    if (list) list.push(t);
    else m.set(cell, [t]);
  };
  // Awareness episodes: start tick and each actor's first lag.
  const epStart = new Map<number, number>();
  const epLags = new Map<number, Map<number, number>>();

  for (const e of events) {
    switch (e.k) {
      case 'attack':
        incidents++;
        harm += e.harm;
        break;
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
        threatStrength = e.threatStrength;
        break;
      }
      case 'raid-start':
        raids.push({ cell: e.cell, t0: e.t, known: e.known });
        break;
      case 'detect':
        note(detects, e.cell, e.t);
        break;
      case 'contact':
      case 'on-scene':
        note(responses, e.cell, e.t);
        break;
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
  const firstAtOrAfter = (list: number[] | undefined, t: number) => list?.find((x) => x >= t);
  const ttd: number[] = [];
  const ttr: number[] = [];
  for (const r of raids) {
    const td = r.known ? r.t0 : firstAtOrAfter(detects.get(r.cell), r.t0);
    ttd.push(restricted(r.t0, td));
    if (td !== undefined) ttr.push(restricted(td, firstAtOrAfter(responses.get(r.cell), td)));
  }
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
  };
}

function initialStrength(def: Def): number {
  return def.scenario.threats.reduce((n, t) => n + t.cells * t.strength, 0);
}
