// Model rules shared by load time and the per-tick systems: how slowly an organisation decides
// (consensus, majority, lead nation) and where threats may move.
import type { Scenario } from '../scenario/schema';
import { DOMAIN, THREAT_KIND_INDEX } from './codes';
import { CODE_LAND } from './geo/masks';

/**
 * How much slower an organisation decides than its stated latency: consensus grows with the
 * number of members and their divergence (mean pairwise distance of their threat priorities,
 * 0..1); majority grows gently with members; a lead nation decides alone.
 */
export function decisionFactor(sc: Scenario, actorId: string, members: string[]): number {
  const a = sc.actors.find((x) => x.id === actorId);
  if (a?.kind !== 'organisation' || !members.length) return 1;
  const m = members.length;
  if (a.decisionRule === 'lead-nation') return 1;
  if (a.decisionRule === 'majority') return 1 + 0.05 * (m - 1);
  const kinds = Object.keys(THREAT_KIND_INDEX) as Array<keyof typeof THREAT_KIND_INDEX>;
  const vec = (id: string) => {
    const p = sc.actors.find((x) => x.id === id)?.priorities ?? {};
    return kinds.map((k) => (p[k] ?? 1) / 10);
  };
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const u = vec(members[i]!);
      const v = vec(members[j]!);
      sum += Math.sqrt(u.reduce((acc, x, k) => acc + (x - v[k]!) ** 2, 0) / kinds.length);
      pairs++;
    }
  }
  const divergence = pairs ? Math.min(1, sum / pairs) : 0;
  return 1 + 0.15 * (m - 1) * (1 + divergence);
}

/** A task force's decision latency in ticks: its stated minutes slowed by its commander's rule. */
export function taskForceDecisionTicks(
  sc: Scenario,
  minutes: number,
  commander: string,
  members: string[],
): number {
  return Math.max(
    0,
    Math.ceil((minutes * decisionFactor(sc, commander, members)) / sc.tickMinutes),
  );
}

/** The ids of an organisation's members (none for a nation). */
export function membersOf(sc: Scenario, actorId: string): string[] {
  return sc.actors.find((x) => x.id === actorId)?.members ?? [];
}

/** Passability for threats: any land (ground) or any sea (sea), sovereignty ignored. */
export function threatAllowed(domain: number): Uint8Array {
  const a = new Uint8Array(256);
  if (domain === DOMAIN.ground) {
    a.fill(1);
    a[0] = 0;
  } else {
    a.fill(1);
    a[CODE_LAND] = 0;
  }
  return a;
}
