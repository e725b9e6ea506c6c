// The turn cycle of a classroom game: a planning phase (the clock stopped, each role gives
// orders and marks itself ready, an optional countdown) and then an execution phase of a set
// span of scenario time that the white cell starts; at its end the next planning phase opens.
// Real-time games have no phases: the white cell plays and pauses. Pure data and functions;
// the countdown's deadline is wall-clock milliseconds from an injected clock (a display and a
// trigger for the white cell, never an input to the simulation).

export type Phase = 'planning' | 'executing' | 'ended';

export interface TurnState {
  mode: 'realtime' | 'turns';
  phase: Phase;
  /** 1 for the first turn. */
  turn: number;
  /** The tick the current execution phase runs to (turns mode, while executing). */
  executeTo: number | null;
  /** Roles (not the white cell) that marked this planning phase done. */
  ready: string[];
  /** Wall-clock ms when the planning countdown ends; null without a countdown. */
  deadline: number | null;
}

export interface TurnRules {
  mode: 'realtime' | 'turns';
  executionTicks: number;
  planningSeconds: number | null;
  totalTicks: number;
}

export function firstTurn(r: TurnRules, now: number): TurnState {
  return {
    mode: r.mode,
    phase: 'planning',
    turn: 1,
    executeTo: null,
    ready: [],
    deadline: r.mode === 'turns' && r.planningSeconds ? now + r.planningSeconds * 1000 : null,
  };
}

export function markReady(t: TurnState, role: string, ready: boolean): TurnState {
  if (t.phase !== 'planning') return t;
  const set = new Set(t.ready);
  if (ready) set.add(role);
  else set.delete(role);
  return { ...t, ready: [...set].sort() };
}

export function allReady(t: TurnState, players: readonly string[]): boolean {
  return players.every((p) => t.ready.includes(p));
}

/** Whether the white cell may start execution now: everyone ready, or the countdown over. */
export function mayExecute(t: TurnState, players: readonly string[], now: number): boolean {
  return (
    t.mode === 'turns' &&
    t.phase === 'planning' &&
    (allReady(t, players) || (t.deadline !== null && now >= t.deadline))
  );
}

/** Starts the execution phase from `tick`: it runs the rule's span, to the scenario's end at most. */
export function startExecution(t: TurnState, r: TurnRules, tick: number): TurnState {
  if (t.phase !== 'planning') throw new TurnError(`cannot execute during ${t.phase}`);
  return {
    ...t,
    phase: 'executing',
    executeTo: Math.min(r.totalTicks, tick + r.executionTicks),
    deadline: null,
  };
}

/** The execution phase reached its end tick: the next planning phase (or the end). */
export function endExecution(t: TurnState, r: TurnRules, tick: number, now: number): TurnState {
  if (tick >= r.totalTicks)
    return { ...t, phase: 'ended', executeTo: null, ready: [], deadline: null };
  return {
    ...t,
    phase: 'planning',
    turn: t.turn + 1,
    executeTo: null,
    ready: [],
    deadline: r.planningSeconds ? now + r.planningSeconds * 1000 : null,
  };
}

/** Whether orders may be given now: any time in real time, in the planning phase in turns. */
export function mayOrder(t: TurnState, role: string): boolean {
  if (t.phase === 'ended') return false;
  return t.mode === 'realtime' || t.phase === 'planning' || role === 'white';
}

export class TurnError extends Error {}
