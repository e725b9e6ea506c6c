// May this actor give this order, and can it be carried out? One sentence a trainee
// understands when not ("Mali holds no transit right into Niger", "caveat: own territory
// only", "not enough fuel to get there and back"), null when it may. The white cell (actor −1)
// may give any well-formed order, but physics still binds unit orders: a route, fuel, the
// unit's domain, a destroyed or stranded unit. Reads the World; changes nothing. The host asks
// when an order is given, before Session.order; a replay does not ask again.
//
// Command: a unit under national command takes orders from its owner. A unit placed under a
// task force takes orders from the task force's commander; its owner may only take it back
// (`assign` to 'national') and then order it — as a nation keeps full command of forces it
// puts under a joint force's operational control. A nation may place units under a task force
// it commands or whose commanding organisation it belongs to. A no-night unit may be ordered
// at night: it halts until day. "No offensive action" does not bar movement.

import { TASK } from './codes';
import { toX, toY } from './geo/projection';
import {
  actorName,
  agreementName,
  mechanismLabel,
  rightName,
  taskForceName,
  unitName,
} from './labels';
import { whyNotPatrol, whyNotThere } from './order-reach';
import { orderProblem } from './order-refs';
import { mechanismParties } from './systems/mechanisms';
import type { Order, World } from './world';

/** The white cell's actor number in checkOrder. */
export const WHITE_CELL = -1;

type UnitOrder = Extract<Order, { unit: string }>;

export function checkOrder(w: World, actor: number, o: Order): string | null {
  const { def } = w;
  if (!Number.isInteger(actor) || actor < WHITE_CELL || actor >= def.nActors)
    return `no actor ${actor}`;
  const wrong = orderProblem(def, o, w.s.liveInjects);
  if (wrong) return wrong;
  const white = actor === WHITE_CELL;
  const me = white ? '' : actorName(def, actor);
  switch (o.kind) {
    case 'set-agreement': {
      const k = def.agreements.findIndex((a) => a.id === o.agreement);
      const a = def.agreements[k]!;
      return white || a.from === actor || a.to === actor
        ? null
        : `${me} is not party to ${agreementName(def, k)}`;
    }
    case 'set-right': {
      const k = def.rights.findIndex((r) => r.id === o.right);
      const r = def.rights[k]!;
      return white || r.grantor === actor || r.grantee === actor
        ? null
        : `${me} is not party to ${rightName(def, k)}`;
    }
    case 'set-mechanism': {
      const m = def.mechanisms.findIndex((x) => x.id === o.mechanism);
      return white || mechanismParties(def, m).includes(actor)
        ? null
        : `${me} is not party to ${mechanismLabel(def, m)}`;
    }
    case 'set-trust':
      return white || def.actorIds[actor] === o.from
        ? null
        : `${me} sets only its own trust in others, not ${actorName(def, def.actorIds.indexOf(o.from))}'s`;
    case 'auto-tasking':
      return white || def.actorIds[actor] === o.actor
        ? null
        : `${me} switches only its own staff's automatic tasking`;
    case 'inject':
      return white ? null : 'only the white cell gives injects';
    default:
      return checkUnitOrder(w, actor, o);
  }
}

function checkUnitOrder(w: World, actor: number, o: UnitOrder): string | null {
  const { def, s } = w;
  const u = def.unitIds.indexOf(o.unit);
  const say = (why: string) => `${unitName(def, u)}: ${why}`;
  // Command first: a role learns nothing of a unit it does not command (not even its fate).
  const command = commandProblem(w, actor, u, o.kind);
  if (command) return command;
  if (s.uTask[u] === TASK.destroyed) return say('destroyed; it can no longer be ordered');
  if (s.uTask[u] === TASK.notArrived) return say('not yet arrived in theatre (a force flow)');
  const stranded = s.uTask[u] === TASK.stranded;
  switch (o.kind) {
    case 'assign':
      return assignProblem(w, actor, o.command);
    case 'release':
      return s.uOrdered[u] ? null : say('not under orders: nothing to release');
    case 'return':
      return stranded ? say('out of fuel: it cannot move') : null;
    case 'move': {
      if (stranded) return say('out of fuel: it cannot move');
      const x = toX(def.masks.proj, o.position[0]);
      const y = toY(def.masks.proj, o.position[1]);
      const why = whyNotThere(w, u, x, y, o.tick);
      return why ? say(why) : null;
    }
    case 'patrol-area': {
      if (stranded) return say('out of fuel: it cannot move');
      const why = whyNotPatrol(
        w,
        u,
        def.zones.findIndex((z) => z.id === o.zone),
        o.tick,
      );
      return why ? say(why) : null;
    }
  }
}

/** Who commands unit u (see the top of this file), in words when it is not `actor`. */
function commandProblem(w: World, actor: number, u: number, kind: string): string | null {
  if (actor === WHITE_CELL) return null;
  const { def, s } = w;
  const owner = def.uOwner[u]!;
  const tf = s.uCommand[u]!;
  const name = unitName(def, u);
  // Another's unit is not named at all: not its id, owner, name, command or fate.
  const foreign = 'this unit is not yours to command';
  if (tf < 0) return owner === actor ? null : foreign;
  if (def.taskForces[tf]!.commander === actor) return null;
  if (owner !== actor) return foreign;
  const under = taskForceName(def, tf);
  return kind === 'assign'
    ? null
    : `${name}: under ${under}'s command; assign it back to national command first`;
}

/** Where `actor` may place a unit it commands: national command, or a task force of its own. */
function assignProblem(w: World, actor: number, command: string): string | null {
  if (actor === WHITE_CELL || command === 'national') return null;
  const { def, s } = w;
  const tf = def.taskForces.findIndex((t) => t.id === command);
  const commander = def.taskForces[tf]!.commander;
  if (commander === actor) return null;
  if (def.isOrg[commander] && s.member[commander * def.nActors + actor]) return null;
  const c = actorName(def, commander);
  return def.isOrg[commander]
    ? `${actorName(def, actor)} cannot place units under ${taskForceName(def, tf)}: it is not a member of ${c}, which commands it`
    : `${actorName(def, actor)} cannot place units under ${taskForceName(def, tf)}: ${c} commands it`;
}
