// The event log: append-only typed records of everything that happened, with a running hash
// that identifies a run. Actors, units, threat cells, places, bases and agreements are named
// by their dense index; `names.ts` turns them back into scenario ids for output.

/** Fields of each event kind (besides `t`, the tick, and `k`, the kind). */
export interface EventFields {
  /** `inject` indexes the scenario's injects, then the live ones; `live`: a live inject's id. */
  inject: { inject: number; kind: string; live?: string };
  order: { order: string; detail: string };
  'threat-spawn': { cell: number; strength: number; x: number; y: number };
  recruit: { cell: number; amount: number };
  'raid-start': {
    cell: number;
    raid: number;
    target: string;
    x: number;
    y: number;
    known: boolean;
  };
  attack: {
    cell: number;
    raid: number;
    target: string;
    country: number;
    harm: number;
    x: number;
    y: number;
  };
  prevented: { cell: number; raid: number; unit: number };
  'raid-end': { cell: number; raid: number };
  detect: { actor: number; unit: number; cell: number; via: 'sensor' | 'report' };
  aware: {
    actor: number;
    cell: number;
    raid: number;
    via: 'own' | 'message';
    ep: number;
    lag: number;
  };
  'msg-send': {
    msg: number;
    from: number;
    to: number;
    agreement: number;
    cell: number;
    arrive: number;
  };
  'msg-arrive': { msg: number; from: number; to: number; cell: number };
  'msg-lost': { msg: number; from: number; to: number; agreement: number; cell: number };
  'msg-withheld': {
    from: number;
    to: number;
    agreement: number;
    cell: number;
    reason: 'trust' | 'classification';
  };
  /** `into`: whose territory a response goes to (-1 none or not a response). */
  task: { node: number; unit: number; task: string; cell: number; into?: number };
  /** A command node found free units for a track but a caveat or sovereignty barred them all. */
  'task-blocked': { node: number; cell: number; reason: 'caveat' | 'sovereignty' };
  /** A caveat stopped a unit on a task: no night movement, or no offensive action in contact. */
  caveat: { unit: number; caveat: 'no-night' | 'no-offensive'; cell: number };
  contact: { unit: number; cell: number; raid: number };
  'on-scene': { unit: number; cell: number; raid: number };
  losses: { unit: number; cell: number; unitLoss: number; threatLoss: number };
  'engage-end': { unit: number; cell: number; outcome: EngageOutcome };
  'cross-border': { unit: number; into: number };
  'sovereignty-incident': { unit: number; grantor: number; grantee: number };
  'border-stop': { unit: number; into: number };
  'out-of-fuel': { unit: number };
  /** A force-flow inject's unit enters the world (at its position, else its base). */
  arrive: { unit: number; x: number; y: number };
  resupply: { unit: number; base: number; fuel: number; supplies: number };
  shortfall: {
    unit: number;
    base: number;
    supply: 'fuel' | 'supplies';
    amount: number;
    owner: number;
  };
  'convoy-depart': { convoy: number; run: number; base: number };
  'convoy-arrive': { convoy: number; run: number; base: number; fuel: number; supplies: number };
  'convoy-lost': { convoy: number; run: number };
  trust: { a: number; b: number; value: number; reason: string };
  'withheld-found': { from: number; to: number };
  cop: { completeness: number[]; divergence: number; readiness: number; threatStrength: number };
  cost: { actor: number; amount: number };
  weather: { zone: number; closes: string; until: number };
  agreement: { agreement: number; active: boolean };
  right: { right: number; active: boolean };
  narrative: { message: string; to: string };
  funding: { actor: number; amount: number };
  withdrawal: {
    actor: number;
    organisation: number;
    agreements: number;
    rights: number;
    units: number;
    sectors: number;
    sectorsTo: number;
  };
  mechanism: { mechanism: number; kind: string; active: boolean; why: string };
  dialogue: { mechanism: number; participants: number; cost: number };
  training: { mechanism: number; cost: number; actor: number; readiness: number };
}

export type EngageOutcome =
  | 'threat-destroyed'
  | 'threat-withdrew'
  | 'unit-withdrew'
  | 'unit-destroyed';
export type EventKind = keyof EventFields;
export type SimEvent = { [K in EventKind]: { t: number; k: K } & EventFields[K] }[EventKind];

export interface LogState {
  length: number;
  h1: number;
  h2: number;
}

/** A 64-bit running hash (two 32-bit lanes) over each event's canonical JSON text. */
export class EventLog {
  readonly events: SimEvent[] = [];
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;
  /** Called for every appended event (metrics accumulate from it). */
  listener: ((e: SimEvent) => void) | null = null;

  push<K extends EventKind>(t: number, k: K, fields: EventFields[K]): void {
    const e = { t, k, ...fields } as SimEvent;
    this.events.push(e);
    const text = JSON.stringify(e);
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = (h1 ^ (h1 >>> 16)) >>> 0;
    this.h2 = (h2 ^ (h2 >>> 13)) >>> 0;
    this.listener?.(e);
  }

  hash(): string {
    const a = Math.imul(this.h1 ^ (this.h2 >>> 15), 2246822507) >>> 0;
    const b = Math.imul(this.h2 ^ (this.h1 >>> 13), 3266489909) >>> 0;
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }

  save(): LogState {
    return { length: this.events.length, h1: this.h1, h2: this.h2 };
  }

  /** Rewinds to a saved state (the events after it are dropped). */
  restore(s: LogState): void {
    this.events.length = s.length;
    this.h1 = s.h1;
    this.h2 = s.h2;
  }
}

/** Rounds a km coordinate for the log so it reads well and hashes stably. */
export function r3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
