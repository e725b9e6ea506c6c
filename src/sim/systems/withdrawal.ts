// A member leaves an organisation mid-run (G5 Sahel lost Mali in 2022, Burkina Faso and Niger
// in 2023; AU troop contributors have drawn down from Somalia): what it shared, the rights it
// held or granted, its place in the organisation's joint centres and task forces, and its
// sectors are lost, or — for sectors, when `sectorsTo` names a remaining member — handed over.

import { DOMAIN, ORDERED, TASK } from '../codes';
import { taskForceDecisionTicks } from '../rules';
import type { World } from '../world';
import { rebuildPermits } from './permits';
import { freeUnit, sendHome } from './units';

export function withdrawMember(w: World, actor: number, org: number, sectorsTo: number): void {
  const { def, s } = w;
  const nA = def.nActors;
  s.member[org * nA + actor] = 0;
  const others = new Set(def.members[org]!.filter((m) => s.member[org * nA + m]));
  let agreements = 0;
  def.agreements.forEach((a, i) => {
    const withOrg = (a.from === actor && a.to === org) || (a.from === org && a.to === actor);
    // The organisation's joint centres no longer seat the leaver.
    const centre = a.centre >= 0 && def.centres[a.centre]!.host === org;
    const inCentre = centre && (a.from === actor || a.to === actor);
    if ((withOrg || inCentre) && s.agActive[i]) {
      s.agActive[i] = 0;
      agreements++;
    }
  });
  let rights = 0;
  def.rights.forEach((r, i) => {
    const between =
      (r.grantor === actor && (others.has(r.grantee) || r.grantee === org)) ||
      (r.grantee === actor && others.has(r.grantor));
    if (between && s.rightActive[i]) {
      s.rightActive[i] = 0;
      rights++;
    }
  });
  let units = 0;
  for (let u = 0; u < def.nUnits; u++) {
    const tf = s.uCommand[u]!;
    if (def.uOwner[u] !== actor || tf < 0 || def.taskForces[tf]!.commander !== org) continue;
    s.uCommand[u] = -1;
    // The task force's orders lapse with its command.
    freeUnit(w, u);
    if (s.uTaskNode[u]! >= nA) sendHome(w, u);
    units++;
  }
  // Fewer members: consensus in the organisation's task forces comes quicker.
  const sc = def.scenario;
  const remaining = [...others].map((m) => def.actorIds[m]!);
  def.taskForces.forEach((t, i) => {
    if (t.commander !== org) return;
    const min = sc.taskForces[i]!.decisionLatencyMin;
    s.tfDecisionTicks[i] = taskForceDecisionTicks(sc, min, def.actorIds[org]!, remaining);
  });
  const sectors = handOverSectors(w, actor, sectorsTo);
  // Membership changed: task forces' territory too, so permits are rebuilt in any case.
  rebuildPermits(w);
  w.log.push(s.tick, 'withdrawal', {
    actor,
    organisation: org,
    agreements,
    rights,
    units,
    sectors,
    sectorsTo,
  });
}

/**
 * The leaver's sectors pass to `to` (or to nobody, -1). The receiving nation patrols each
 * with one of its ground units held in reserve (national command, no standing task).
 */
function handOverSectors(w: World, from: number, to: number): number {
  const { def, s } = w;
  let n = 0;
  def.zones.forEach((z, k) => {
    if (z.kind !== 'sector' || s.zoneOwner[k] !== from) return;
    s.zoneOwner[k] = to;
    n++;
    if (to < 0) return;
    for (let u = 0; u < def.nUnits; u++) {
      if (def.uOwner[u] !== to || def.uDomain[u] !== DOMAIN.ground) continue;
      if (s.uCommand[u] !== -1 || s.uStanding[u] !== TASK.idle) continue;
      if (s.uOrdered[u] !== ORDERED.none) continue; // under the player's orders
      const t = s.uTask[u];
      if (t === TASK.destroyed || t === TASK.stranded || t === TASK.notArrived) continue;
      // Its standing task from now on; it starts at once if free, else after its current task.
      s.uStanding[u] = TASK.patrolArea;
      s.uStandingRef[u] = k;
      if (s.uTask[u] === TASK.idle) {
        s.uTask[u] = TASK.patrolArea;
        s.uPath[u] = null;
      }
      w.log.push(s.tick, 'task', { node: to, unit: u, task: 'patrol-area', cell: -1 });
      break;
    }
  });
  return n;
}
