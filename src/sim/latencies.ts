// Two coordination times from the event log, one entry each, in log order: how long each
// delivered message took over its channel (send → arrival), and how long each command node
// took to task a unit to a track once its picture held it (awareness → tasking; a task force
// decides on its commander's picture). metrics.ts averages them; breakdown.ts groups them.
import type { SimEvent } from './events';
import type { Def } from './world';

export interface Latencies {
  share: Array<{ agreement: number; hours: number }>;
  decisions: Array<{ node: number; hours: number }>;
}

export function latencies(def: Def, events: readonly SimEvent[]): Latencies {
  const h = def.tickMinutes / 60;
  const nA = def.nActors;
  const out: Latencies = { share: [], decisions: [] };
  const sent = new Map<number, { t: number; agreement: number }>();
  const awareAt = new Map<number, number>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!; // an index loop: no iterator result per event before optimisation
    switch (e.k) {
      case 'msg-send':
        sent.set(e.msg, { t: e.t, agreement: e.agreement });
        break;
      case 'msg-arrive': {
        const m = sent.get(e.msg);
        if (m) out.share.push({ agreement: m.agreement, hours: (e.t - m.t) * h });
        sent.delete(e.msg);
        break;
      }
      case 'aware':
        awareAt.set(e.actor * def.cellCap + e.cell, e.t);
        break;
      case 'task': {
        if (e.task !== 'respond') break;
        const who = e.node < nA ? e.node : def.taskForces[e.node - nA]!.commander;
        const t0 = awareAt.get(who * def.cellCap + e.cell);
        if (t0 !== undefined) out.decisions.push({ node: e.node, hours: (e.t - t0) * h });
        break;
      }
      default:
        break;
    }
  }
  return out;
}
