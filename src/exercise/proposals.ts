// Agreements in play: a role proposes switching an agreement or a right it is party to; the
// other party's role accepts or refuses (the white cell answers for an actor nobody plays,
// and may impose any proposal). Accepting gives the engine's set-agreement / set-right order.
// Pure functions over the session record and the scenario's tables.
import type { Def, Order } from '../sim/world';
import type { Proposal, SessionFile } from './session-file';

export type Target = Proposal['target'];

/** The two actor ids party to a target, or null if it does not exist. */
export function partiesOf(def: Def, t: Target): [string, string] | null {
  if (t.kind === 'agreement') {
    const a = def.agreements.find((x) => x.id === t.id);
    return a ? [def.actorIds[a.from]!, def.actorIds[a.to]!] : null;
  }
  const r = def.rights.find((x) => x.id === t.id);
  return r ? [def.actorIds[r.grantor]!, def.actorIds[r.grantee]!] : null;
}

/** The role that answers for an actor: its player's role, or the white cell. */
export function answeringRole(f: SessionFile, actor: string): string {
  return f.roles.find((r) => r.actor === actor)?.id ?? 'white';
}

/** A new proposal, or why not. */
export function makeProposal(
  f: SessionFile,
  def: Def,
  fromRole: string,
  target: Target,
  active: boolean,
  tick: number,
): Proposal | string {
  const from = f.roles.find((r) => r.id === fromRole);
  if (!from?.actor) return 'only a played role proposes';
  const parties = partiesOf(def, target);
  if (!parties) return `no ${target.kind} "${target.id}"`;
  if (!parties.includes(from.actor))
    return `${from.name} is not party to ${target.kind} "${target.id}"`;
  const other = parties[0] === from.actor ? parties[1] : parties[0];
  if (
    f.proposals.some(
      (p) => p.status === 'pending' && p.target.id === target.id && p.target.kind === target.kind,
    )
  )
    return `a proposal on "${target.id}" is already waiting for an answer`;
  return {
    id: `p${f.proposals.length + 1}`,
    from: fromRole,
    to: answeringRole(f, other),
    target,
    active,
    tick,
    status: 'pending',
    decidedTick: null,
  };
}

/** The order an accepted or imposed proposal gives. */
export function orderOf(p: Proposal, tick: number): Order {
  return p.target.kind === 'agreement'
    ? { tick, kind: 'set-agreement', agreement: p.target.id, active: p.active }
    : { tick, kind: 'set-right', right: p.target.id, active: p.active };
}

/** Whether `role` may answer proposal p (its addressee, or the white cell imposing). */
export function mayAnswer(p: Proposal, role: string): boolean {
  return p.status === 'pending' && (p.to === role || role === 'white');
}
