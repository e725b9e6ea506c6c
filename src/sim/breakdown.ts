// The coordination measures broken down by who: each actor's picture completeness (mean and
// hourly series), time to share per channel, decision latency per command node, messages
// withheld per sender, logistics shortfalls per nation, cost per actor and per mechanism.
// Computed from the event log alone, like metrics.ts; ids are the scenario's.
import type { SimEvent } from './events';
import { latencies } from './latencies';
import { raidTimes } from './raid-times';
import type { Def } from './world';

export interface Breakdown {
  completenessByActor: Record<string, number>;
  /** Hourly samples: hours after start, and each participant's completeness. */
  completenessSeries: { hours: number[]; byActor: Record<string, number[]> };
  timeToShareHByChannel: Record<string, { messages: number; meanH: number }>;
  decisionLatencyHByNode: Record<string, { taskings: number; meanH: number }>;
  withheldByActor: Record<string, number>;
  shortfallsByNation: Record<string, number>;
  /** Units that ran out of fuel (stranded), by owner. */
  outOfFuelByNation: Record<string, number>;
  /** Resupplies drawn at bases, by the unit's owner and whose base: own or a partner's. */
  resuppliesByNation: Record<string, { own: number; partner: number }>;
  /** Mean time to respond to detected raids, by the country of the raid's target. */
  timeToRespondHByCountry: Record<string, number>;
  /** Incidents by the country they happened in ('none' at sea or outside listed states). */
  incidentsByCountry: Record<string, number>;
  costByActor: Record<string, number>;
  costByMechanism: Record<string, number>;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

class Means {
  private sum = new Map<string, number>();
  private n = new Map<string, number>();
  add(key: string, v: number): void {
    this.sum.set(key, (this.sum.get(key) ?? 0) + v);
    this.n.set(key, (this.n.get(key) ?? 0) + 1);
  }
  counts(): Record<string, number> {
    return Object.fromEntries(this.n);
  }
  means<T>(make: (n: number, mean: number) => T): Record<string, T> {
    const out: Record<string, T> = {};
    for (const [k, n] of this.n) out[k] = make(n, round(this.sum.get(k)! / n));
    return out;
  }
  totals(): Record<string, number> {
    return Object.fromEntries([...this.sum].map(([k, v]) => [k, round(v)]));
  }
}

export function computeBreakdown(def: Def, events: readonly SimEvent[], now: number): Breakdown {
  const h = def.tickMinutes / 60;
  const nA = def.nActors;
  const actor = (i: number) => def.actorIds[i]!;
  const node = (i: number) => (i < nA ? actor(i) : def.taskForces[i - nA]!.id);
  const participants = def.actorIds.filter((_, i) => def.participant[i]);
  const series = { hours: [] as number[], byActor: {} as Record<string, number[]> };
  for (const id of participants) series.byActor[id] = [];
  const completeness = new Means();
  const share = new Means();
  const decide = new Means();
  const withheld = new Means();
  const shortfalls = new Means();
  const incidents = new Means();
  const outOfFuel = new Means();
  const resupplies: Record<string, { own: number; partner: number }> = {};
  const cost = new Means();
  const mechCost = new Means();
  const times = latencies(def, events);
  for (const x of times.share) share.add(def.agreements[x.agreement]!.id, x.hours);
  for (const x of times.decisions) decide.add(node(x.node), x.hours);
  for (const e of events) {
    switch (e.k) {
      case 'cop':
        series.hours.push(round((e.t + 1) * h));
        e.completeness.forEach((v, i) => {
          series.byActor[participants[i]!]!.push(v);
          completeness.add(participants[i]!, v);
        });
        break;
      case 'msg-withheld':
        // As messagesWithheld: for low trust (a classification ceiling is the agreement's design).
        if (e.reason === 'trust') withheld.add(actor(e.from), 1);
        break;
      case 'out-of-fuel':
        outOfFuel.add(actor(def.uOwner[e.unit]!), 1);
        break;
      case 'resupply': {
        const who = actor(def.uOwner[e.unit]!);
        const r = resupplies[who] ?? { own: 0, partner: 0 };
        resupplies[who] = r;
        if (def.bOwner[e.base] === def.uOwner[e.unit]) r.own++;
        else r.partner++;
        break;
      }
      case 'attack':
        incidents.add(e.country >= 0 ? actor(e.country) : 'none', 1);
        break;
      case 'shortfall':
        shortfalls.add(actor(e.owner), 1);
        break;
      case 'cost':
        cost.add(actor(e.actor), e.amount);
        break;
      case 'training':
      case 'dialogue':
        mechCost.add(def.mechanisms[e.mechanism]!.id, e.cost);
        break;
      default:
        break;
    }
  }
  const respond = new Means();
  for (const r of raidTimes(def, events, now))
    if (r.respondH !== undefined)
      respond.add(r.country >= 0 ? actor(r.country) : 'none', r.respondH);
  return {
    timeToRespondHByCountry: respond.means((_, m) => m),
    completenessByActor: completeness.means((_, m) => m),
    completenessSeries: series,
    timeToShareHByChannel: share.means((messages, meanH) => ({ messages, meanH })),
    decisionLatencyHByNode: decide.means((taskings, meanH) => ({ taskings, meanH })),
    withheldByActor: withheld.counts(),
    shortfallsByNation: shortfalls.counts(),
    incidentsByCountry: incidents.counts(),
    outOfFuelByNation: outOfFuel.counts(),
    resuppliesByNation: resupplies,
    costByActor: cost.totals(),
    costByMechanism: mechCost.totals(),
  };
}
