// Actors at load: the per-actor arrays (organisations and their members, HQs, decision latency,
// sovereignty, withholding, threat priorities) and, once everything is built, who takes part.
import type { BuildContext } from './build-context';
import { N_THREAT_KINDS, THREAT_KIND_INDEX } from './codes';
import type { Def } from './world';

export type ActorParts = Pick<
  Def,
  | 'nActors'
  | 'actorIds'
  | 'isOrg'
  | 'members'
  | 'participant'
  | 'hqX'
  | 'hqY'
  | 'decisionTicks'
  | 'sovereignty'
  | 'withholdBelow'
  | 'priority'
>;

export function buildActors(ctx: BuildContext): ActorParts {
  const { sc, actorIds, actorOf, xOf, yOf, ticks } = ctx;
  const nActors = actorIds.length;
  const priority = new Float64Array(nActors * N_THREAT_KINDS);
  sc.actors.forEach((a, i) => {
    // A threat kind an actor does not list weighs 1.
    for (let k = 0; k < N_THREAT_KINDS; k++) priority[i * N_THREAT_KINDS + k] = 1;
    for (const [kind, w] of Object.entries(a.priorities)) {
      priority[i * N_THREAT_KINDS + THREAT_KIND_INDEX[kind as keyof typeof THREAT_KIND_INDEX]] =
        w ?? 1;
    }
  });
  return {
    nActors,
    actorIds,
    isOrg: Uint8Array.from(sc.actors.map((a) => (a.kind === 'organisation' ? 1 : 0))),
    members: sc.actors.map((a) => (a.members ?? []).map(actorOf)),
    participant: new Uint8Array(nActors),
    hqX: Float64Array.from(sc.actors.map((a) => xOf(a.hq[0]))),
    hqY: Float64Array.from(sc.actors.map((a) => yOf(a.hq[1]))),
    decisionTicks: Int32Array.from(sc.actors.map((a) => ticks(a.decisionLatencyMin))),
    sovereignty: Float64Array.from(sc.actors.map((a) => a.sovereigntySensitivity)),
    withholdBelow: Float64Array.from(sc.actors.map((a) => a.withholdBelowTrust)),
    priority,
  };
}

/**
 * Participants: organisations, both ends of every agreement (joint centres' channels too, so
 * after the mechanisms are built) and every unit's owner.
 */
export function markParticipants(def: Def): void {
  def.isOrg.forEach((org, i) => {
    if (org) def.participant[i] = 1;
  });
  for (const a of def.agreements) {
    def.participant[a.from] = 1;
    def.participant[a.to] = 1;
  }
  for (let u = 0; u < def.nUnits; u++) def.participant[def.uOwner[u]!] = 1;
}
