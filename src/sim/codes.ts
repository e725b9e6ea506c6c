// The engine's small codes: what each number in a State code array means (a unit's task, a
// threat cell's behaviour, a domain, a caveat bit…), with the names the event log and the
// app use for them. Values are part of the hash contract: never renumber one.
import type { ThreatKind } from '../scenario/schema';

export const DOMAIN = { ground: 0, sea: 1, air: 2 } as const;
export const THREAT_KIND_INDEX: Record<ThreatKind, number> = {
  'armed-group': 0,
  pirates: 1,
  robbers: 2,
  kidnap: 3,
  smugglers: 4,
  traffickers: 5,
};
export const N_THREAT_KINDS = 6;

/** Unit tasks. */
export const TASK = {
  idle: 0,
  patrolArea: 1,
  patrolRoute: 2,
  respond: 3,
  engage: 4,
  escort: 5,
  return: 6,
  resupply: 7,
  stranded: 8,
  destroyed: 9,
  move: 10,
  /** A force-flow inject's unit before the inject fires: in the arrays, out of the world. */
  notArrived: 11,
} as const;
export const TASK_NAMES = [
  'idle',
  'patrol-area',
  'patrol-route',
  'respond',
  'engage',
  'escort',
  'return',
  'resupply',
  'stranded',
  'destroyed',
  'move',
  'not-arrived',
] as const;

/** Threat cell behaviour states. */
export const CELL = { hide: 0, move: 1, attack: 2, withdraw: 3, dead: 4, unborn: 5 } as const;
export const CELL_NAMES = ['hide', 'move', 'attack', 'withdraw', 'dead', 'unborn'] as const;

export const CAVEAT = { noOffensive: 1, noNight: 2, ownTerritoryOnly: 4 } as const;

/**
 * Under the player's orders (State.uOrdered): what the last order asked, which the unit goes
 * back to whenever a fight, a tasking or a resupply ends; `none` leaves it to its staff.
 */
export const ORDERED = { none: 0, move: 1, patrol: 2, return: 3 } as const;

/** Target kinds a threat can raid. */
export const TARGET = { place: 0, convoy: 1, ship: 2, base: 3 } as const;

/** Coordination mechanisms, in one list whose index is the mechanism's (State.mechActive). */
export const MECH = { centre: 0, liaison: 1, framework: 2, training: 3, dialogue: 4 } as const;
export const MECH_NAMES = [
  'joint-centre',
  'liaison-office',
  'logistics-framework',
  'capacity-building',
  'dialogue',
] as const;
