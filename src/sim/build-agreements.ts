// The ties between actors at load: treaties (sharing agreements), rights one actor grants
// another, and task forces with their decision latency. Joint centres' channels are appended
// to the agreements later, by build-mechanisms.ts.

import type { BuildContext } from './build-context';
import { scopeBits } from './build-mechanisms';
import { DOMAIN } from './codes';
import { membersOf, taskForceDecisionTicks } from './rules';
import type { Def } from './world';

export type AgreementParts = Pick<Def, 'agreements' | 'rights' | 'taskForces' | 'nTreaties'>;

export function buildAgreements(ctx: BuildContext): AgreementParts {
  const { sc, actorOf, zoneOf, ticks } = ctx;
  return {
    agreements: sc.agreements.map((a) => ({
      id: a.id,
      from: actorOf(a.from),
      to: actorOf(a.to),
      bidirectional: a.bidirectional,
      scope: scopeBits(a.scope),
      // A standard reporting protocol cuts latency by a third.
      latencyTicks: Math.max(1, ticks(a.latencyMin * (a.protocol === 'standard' ? 2 / 3 : 1))),
      reliability: a.protocol === 'standard' ? 1 - (1 - a.reliability) / 2 : a.reliability,
      ceiling: a.classificationCeiling,
      centre: -1,
      liaisons: [],
      withholding: 1,
    })),
    rights: sc.rights.map((r) => ({
      id: r.id,
      kind: r.kind,
      grantor: actorOf(r.grantor),
      grantee: actorOf(r.grantee),
      domains: r.domains.reduce((m, d) => m | (1 << DOMAIN[d]), 0),
      depthKm: r.depthKm,
    })),
    taskForces: sc.taskForces.map((t) => ({
      id: t.id,
      commander: actorOf(t.commander),
      decisionTicks: taskForceDecisionTicks(
        sc,
        t.decisionLatencyMin,
        t.commander,
        membersOf(sc, t.commander),
      ),
      area: t.area ? zoneOf(t.area) : -1,
    })),
    nTreaties: sc.agreements.length,
  };
}
