// Coordination mechanisms at run time (part of system 9, politics): switching them, and their
// daily and periodic effects — liaison officers build trust, training raises readiness at a
// cost, strategic dialogues meet and raise trust. Joint centres act through their channels
// (information.ts); frameworks through base-use permits (sovereignty.ts). No randomness.

import { MECH, MECH_NAMES } from '../codes';
import { buildPermits } from '../sovereignty';
import type { Def, TrainingDef, World } from '../world';
import { adjustTrust } from './trust';

/** The actors party to a mechanism (they see it and may switch it). */
export function mechanismParties(def: Def, m: number): number[] {
  const { kind, index } = def.mechanisms[m]!;
  switch (kind) {
    case MECH.centre: {
      const c = def.centres[index]!;
      return [c.host, ...c.members];
    }
    case MECH.liaison: {
      const l = def.liaisons[index]!;
      return [l.a, l.b];
    }
    case MECH.framework:
      return def.frameworks[index]!.members;
    case MECH.training: {
      const t = def.trainings[index]!;
      return [t.provider, t.recipient];
    }
    default:
      return def.dialogues[index]!.participants;
  }
}

/** Opens or closes a mechanism (orders, injects, withdrawals). */
export function setMechanism(w: World, m: number, active: boolean, why: string): void {
  const { def, s } = w;
  const on = active ? 1 : 0;
  if (s.mechActive[m] === on) return;
  s.mechActive[m] = on;
  const { kind, index } = def.mechanisms[m]!;
  if (kind === MECH.centre) {
    const c = def.centres[index]!;
    const seated = (a: number) =>
      a === c.host || !def.isOrg[c.host] || s.member[c.host * def.nActors + a] === 1;
    for (const k of c.channels) {
      const ag = def.agreements[k]!;
      // A member that has left the host organisation keeps no seat when the centre reopens.
      s.agActive[k] = on && seated(ag.from) && seated(ag.to) ? 1 : 0;
    }
  }
  if (kind === MECH.framework) w.permits = buildPermits(def, s);
  w.log.push(s.tick, 'mechanism', { mechanism: m, kind: MECH_NAMES[kind]!, active, why });
}

/** Latency of an agreement's message now: liaison officers between the pair shorten it. */
export function latencyTicks(w: World, agreement: number): number {
  const ag = w.def.agreements[agreement]!;
  let f = 1;
  for (const l of ag.liaisons)
    if (w.s.mechActive[w.def.liaisons[l]!.mech]) f = Math.min(f, w.def.liaisons[l]!.factor);
  return f === 1 ? ag.latencyTicks : Math.max(1, Math.ceil(ag.latencyTicks * f));
}

export function runMechanisms(w: World): void {
  const { def, s } = w;
  const perDay = Math.round(1440 / def.tickMinutes);
  if ((s.tick + 1) % perDay === 0) {
    for (const l of def.liaisons) {
      if (!s.mechActive[l.mech]) continue;
      adjustTrust(w, l.a, l.b, l.trustPerDay, 'liaison');
      adjustTrust(w, l.b, l.a, l.trustPerDay, 'liaison');
    }
    for (const t of def.trainings) if (s.mechActive[t.mech]) train(w, t);
  }
  for (const d of def.dialogues) {
    if (!s.mechActive[d.mech] || s.tick < d.firstTick) continue;
    if ((s.tick - d.firstTick) % d.everyTicks !== 0) continue;
    for (const a of d.participants)
      for (const b of d.participants) if (a !== b) adjustTrust(w, a, b, d.gain, 'dialogue');
    for (const a of d.participants) s.costAcc[a] = s.costAcc[a]! + d.cost;
    w.log.push(s.tick, 'dialogue', {
      mechanism: d.mech,
      participants: d.participants.length,
      cost: d.cost * d.participants.length,
    });
  }
}

/** A day of training: the recipient's norm and its units' readiness rise; the provider pays. */
function train(w: World, t: TrainingDef): void {
  const { def, s } = w;
  const a = t.recipient;
  if (s.readinessNorm[a]! < t.cap)
    s.readinessNorm[a] = Math.min(t.cap, s.readinessNorm[a]! + t.gainPerDay);
  for (let u = 0; u < def.nUnits; u++)
    if (def.uOwner[u] === a && s.uReady[u]! < t.cap)
      s.uReady[u] = Math.min(t.cap, s.uReady[u]! + t.gainPerDay);
  s.costAcc[t.provider] = s.costAcc[t.provider]! + t.costPerDay;
  w.log.push(s.tick, 'training', {
    mechanism: t.mech,
    cost: t.costPerDay,
    actor: a,
    readiness: Math.round(s.readinessNorm[a]! * 10000) / 10000,
  });
}
