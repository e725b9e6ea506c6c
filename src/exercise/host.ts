// ExerciseHost: one engine session plus the exercise around it — roles, turns, the MSEL and
// its triggers, proposals, acknowledgements, bookmarks — and the session record that replays
// it. Wherever the engine runs (the browser's sim worker for hot seat, the classroom server)
// this is the one door: every role's view comes from the engine's role filter, every order is
// checked for that role, recorded and persisted before it is acknowledged.
import { applyAssignments } from '../scenario/paths';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { describeWorld, type WorldDescription } from '../sim/describe';
import { checkOrder } from '../sim/order-check';
import { roleEvents } from '../sim/role-events';
import { clientDescription, roleDescription, roleSnapshot } from '../sim/role-view';
import { OrderError, type Session } from '../sim/session';
import { type Snapshot, takeSnapshot, visibleEvents } from '../sim/snapshot';
import { hoursToTick } from '../sim/time';
import { ENGINE_VERSION } from '../sim/version';
import type { Order } from '../sim/world';
import { scenarioDigest, sha256Hex } from './canonical';
import { type OrderDecision, roleMayGive } from './host-rules';
import { addressedTo, injectOf, type MselEntry, mselFromScenario, mselInjectId } from './msel';
import { dueTimed, dueTriggered, type FireState, nextTimedTick, triggersArmed } from './msel-fire';
import { makeProposal, mayAnswer, orderOf, type Target } from './proposals';
import { engineFor, type ReplayDeps, ReplayError, replaySession } from './replay';
import type { Role, SessionFile, Setup } from './session-file';
import {
  endExecution,
  firstTurn,
  markReady,
  mayExecute,
  mayOrder,
  startExecution,
  type TurnRules,
  type TurnState,
} from './turns';

export interface HostDeps extends ReplayDeps {
  /** Saves the record durably; an order is acknowledged only once this resolves. */
  persist(file: SessionFile): Promise<void>;
  /** Wall-clock milliseconds (countdowns, save labels): never an input to the simulation. */
  now(): number;
}

export interface CreateOptions {
  title: string;
  scenario: { name: string | null; doc: unknown };
  seed: number;
  set?: string[];
  setup: Omit<Setup, 'injects'>;
  /**
   * 'msel' (an exercise: the scenario's injects become the white cell's MSEL) or 'engine' (a
   * planner's run: the engine fires them, and the hash equals `concord run`'s).
   */
  injects?: Setup['injects'];
  roles: Array<{
    actor: string;
    name?: string | undefined;
    passcode?: Role['passcode'] | undefined;
    autoTasking?: boolean | undefined;
  }>;
}

export type Ack = { ok: true } | { ok: false; error: string };

/** How often a running exercise saves itself between orders (wall-clock). */
const SAVE_EVERY_MS = 3000;
export const WHITE = 'white';

export class ExerciseHost {
  turn: TurnState;
  readonly rules: TurnRules;
  private readonly fired: Set<string>;
  private lastSave = 0;

  private constructor(
    readonly session: Session,
    readonly scenario: Scenario,
    readonly record: SessionFile,
    private readonly deps: HostDeps,
  ) {
    const tm = session.def.tickMinutes;
    this.rules = {
      mode: record.setup.mode,
      executionTicks: Math.max(1, hoursToTick(record.setup.executionHours, tm)),
      planningSeconds: record.setup.planningSeconds,
      totalTicks: session.totalTicks,
    };
    this.fired = new Set(record.fired.map((f) => f.serial));
    this.turn = { ...firstTurn(this.rules, deps.now()), turn: record.turns.length + 1 };
  }

  /** A new exercise at tick 0: the scenario's injects become its MSEL; saved before it returns. */
  static async create(o: CreateOptions, deps: HostDeps): Promise<ExerciseHost> {
    const digest = await scenarioDigest(o.scenario.doc);
    const record: SessionFile = {
      format: 'concord-session',
      version: 2,
      engine: ENGINE_VERSION,
      savedAt: '',
      title: o.title,
      scenario: {
        id: '',
        name: o.scenario.name,
        digest,
        doc: o.scenario.name ? null : o.scenario.doc,
      },
      seed: o.seed,
      set: o.set ?? [],
      setup: { ...o.setup, injects: o.injects ?? 'msel' },
      roles: [
        { id: WHITE, actor: null, name: 'White cell', passcode: null, autoTasking: true },
        ...o.roles.map((r) => ({
          id: r.actor,
          actor: r.actor,
          name: r.name ?? r.actor,
          passcode: r.passcode ?? null,
          autoTasking: r.autoTasking ?? true,
        })),
      ],
      tick: 0,
      orders: [],
      msel: [],
      fired: [],
      proposals: [],
      acks: [],
      bookmarks: [],
      turns: [],
      hashes: [],
    };
    const resolver = async () => o.scenario.doc;
    const { session, scenario } = await engineFor(record, { ...deps, scenario: resolver });
    checkRoles(record.roles, scenario);
    record.scenario.id = scenario.id;
    // A role given no name is called by its actor's name in the scenario ("Mali", not "mali").
    for (const r of record.roles)
      if (r.actor && r.name === r.actor)
        r.name = scenario.actors.find((a) => a.id === r.actor)?.name ?? r.actor;
    // An exercise's MSEL starts as the scenario's own injects (the engine runs without them).
    if (record.setup.injects === 'msel')
      record.msel = mselFromScenario(withInjects(o.scenario.doc, record.set, scenario));
    const host = new ExerciseHost(session, scenario, record, deps);
    for (const r of record.roles)
      if (r.actor && !r.autoTasking)
        host.give(WHITE, { tick: 0, kind: 'auto-tasking', actor: r.actor, on: false });
    await host.save();
    return host;
  }

  /** Reopens a saved session at its tick, checking every recorded hash on the way. */
  static async open(record: SessionFile, deps: HostDeps): Promise<ExerciseHost> {
    const r = await replaySession(record, deps);
    checkRoles(record.roles, r.scenario);
    if (r.mismatch)
      throw new ReplayError(
        'hashes',
        `tick ${r.mismatch.tick}: the replayed state differs from the recorded one (the file was changed, or comes from another engine)`,
      );
    return new ExerciseHost(r.session, r.scenario, structuredClone(record), deps);
  }

  get tick(): number {
    return this.session.tick;
  }

  role(id: string): Role {
    const r = this.record.roles.find((x) => x.id === id);
    if (!r) throw new HostError(`no role "${id}"`);
    return r;
  }

  /** The actor index a role plays (−1: the white cell). */
  actorOf(roleId: string): number {
    const r = this.role(roleId);
    return r.actor === null ? -1 : this.session.def.actorIds.indexOf(r.actor);
  }

  /** Played roles (not the white cell). */
  get players(): string[] {
    return this.record.roles.filter((r) => r.actor !== null).map((r) => r.id);
  }

  // ——— what a role sees ———

  describe(roleId: string): WorldDescription {
    const a = this.actorOf(roleId);
    return a < 0 ? describeWorld(this.session.def) : this.describeFor(a);
  }

  /** The white cell may look through any actor's eyes (`view`); a player only through its own. */
  snapshot(roleId: string, sinceEvent: number, view = -1): Snapshot {
    const a = this.actorOf(roleId);
    if (a < 0) return takeSnapshot(this.session.world, view, sinceEvent);
    return this.snapshotFor(a, sinceEvent);
  }

  /** A role's feed is redacted (foreign units by owner only, unknown cells not at all). */
  events(roleId: string, from: number, to?: number): Array<Record<string, unknown>> {
    const a = this.actorOf(roleId);
    return a < 0 ? visibleEvents(this.session.world, -1, from, to) : this.eventsFor(a, from, to);
  }

  /** Actor `a`'s role view (a played role's, or the white cell looking through its eyes). */
  describeFor(a: number): WorldDescription {
    return clientDescription(roleDescription(this.session.def, a));
  }

  snapshotFor(a: number, sinceEvent: number): Snapshot {
    return roleSnapshot(this.session.world, a, sinceEvent);
  }

  eventsFor(a: number, from: number, to?: number): Array<Record<string, unknown>> {
    return roleEvents(this.session.world, a, from, to);
  }

  /** Whether a passcode opens a role (hot seat); a role without one is open. */
  async unlock(roleId: string, passcode: string): Promise<boolean> {
    const p = this.role(roleId).passcode;
    return !p || (await sha256Hex(`${p.salt}:${passcode}`)) === p.hash;
  }

  // ——— orders ———

  /** Checks, records, persists and then gives an order; the answer says why not, in words. */
  async order(roleId: string, order: Order): Promise<Ack> {
    const o = { ...order, tick: this.tick } as Order;
    const why = this.whyNot(roleId, o);
    if (why) return { ok: false, error: why };
    try {
      this.give(roleId, o);
    } catch (e) {
      if (e instanceof OrderError) return { ok: false, error: e.message };
      throw e;
    }
    await this.save();
    return { ok: true };
  }

  private whyNot(roleId: string, o: Order): string | null {
    // An order takes effect with the next tick: at the end there is none.
    if (this.tick >= this.session.totalTicks)
      return 'the scenario has ended: an order takes effect with the next tick, and there is none';
    if (!mayOrder(this.turn, roleId))
      return this.turn.phase === 'ended'
        ? 'the exercise has ended'
        : 'orders wait for the planning phase';
    const decision: OrderDecision = roleMayGive(roleId === WHITE, o);
    if (decision !== 'ok') return decision;
    return checkOrder(this.session.world, this.actorOf(roleId), o);
  }

  /** Gives an order to the engine now and records it (no checks: callers check). */
  give(roleId: string, o: Order): void {
    this.session.order(o);
    // An order given after a rewind starts a new branch, in the record as in the engine.
    this.truncateAfter(this.tick);
    this.record.orders.push({ tick: o.tick, role: roleId, order: o as never });
    this.noteHash();
  }

  /**
   * Goes back to an earlier tick (the white cell's rewind); the record's future stays until a
   * new order. Forward is `advance`, which fires the MSEL on the way.
   */
  seek(tick: number): void {
    if (tick > this.tick)
      throw new HostError(`seek goes back only (now ${this.tick}); advance to go forward`);
    this.session.seek(tick);
    this.record.tick = Math.max(this.record.tick, this.tick);
  }

  /** Drops what the record holds after `tick`: a new branch of the exercise starts there. */
  private truncateAfter(tick: number): void {
    const r = this.record;
    const keep = <T extends { tick: number }>(xs: T[]) => xs.filter((x) => x.tick <= tick);
    r.orders = keep(r.orders);
    r.hashes = keep(r.hashes);
    r.acks = keep(r.acks);
    r.proposals = keep(r.proposals);
    r.turns = r.turns.filter((t) => t.to <= tick);
    r.fired = keep(r.fired);
    this.fired.clear();
    for (const f of r.fired) this.fired.add(f.serial);
    r.tick = tick;
  }

  private noteHash(): void {
    const h = { tick: this.tick, hash: this.session.hash() };
    const last = this.record.hashes.at(-1);
    if (last && last.tick > h.tick) return; // behind the record's end after a rewind
    if (last?.tick === h.tick) last.hash = h.hash;
    else this.record.hashes.push(h);
  }

  // ——— the clock ———

  /**
   * Runs up to `maxTicks` (real time, or the execution phase to its end), firing MSEL entries
   * at their ticks and triggers as they happen; ends the turn when its span is done.
   */
  async advance(maxTicks: number): Promise<{ ran: number; tick: number; turnEnded: boolean }> {
    let ran = 0;
    let turnEnded = false;
    const s = this.session;
    const tm = s.def.tickMinutes;
    const running = () =>
      this.turn.mode === 'realtime' ? this.turn.phase !== 'ended' : this.turn.phase === 'executing';
    while (ran < maxTicks && s.tick < s.totalTicks && running()) {
      this.fireSerials(dueTimed(this.record.msel, this.fireState, s.tick, tm), 'msel');
      let span = maxTicks - ran;
      if (this.turn.executeTo !== null) span = Math.min(span, this.turn.executeTo - s.tick);
      const next = nextTimedTick(this.record.msel, this.fireState, s.tick, tm);
      if (next !== null) span = Math.min(span, next - s.tick);
      const armed = triggersArmed(this.record.msel, this.fireState);
      if (armed) span = 1;
      const before = s.world.log.events.length;
      ran += s.step(Math.max(1, span));
      if (armed)
        this.fireSerials(
          dueTriggered(
            s.world,
            this.record.msel,
            this.fireState,
            before,
            s.world.log.events.length,
          ),
          'trigger',
        );
      if (this.turn.executeTo !== null && s.tick >= this.turn.executeTo) {
        this.endTurn();
        turnEnded = true;
      }
    }
    if (s.tick >= s.totalTicks && this.turn.phase !== 'ended')
      this.turn = { ...this.turn, phase: 'ended' };
    if (turnEnded || this.deps.now() - this.lastSave > SAVE_EVERY_MS) await this.save();
    return { ran, tick: s.tick, turnEnded };
  }

  private endTurn(): void {
    const from = this.record.turns.at(-1)?.to ?? 0;
    this.record.turns.push({ n: this.turn.turn, from, to: this.tick, hash: this.session.hash() });
    this.noteHash();
    this.turn = endExecution(this.turn, this.rules, this.tick, this.deps.now());
  }

  // ——— turns ———

  async setReady(roleId: string, ready: boolean): Promise<Ack> {
    if (roleId === WHITE) return { ok: false, error: 'the white cell does not mark turns ready' };
    this.role(roleId);
    this.turn = markReady(this.turn, roleId, ready);
    return { ok: true };
  }

  /** The white cell starts the execution phase (everyone ready, the countdown over, or forced). */
  async execute(force = false): Promise<Ack> {
    if (this.turn.mode !== 'turns' || this.turn.phase !== 'planning')
      return { ok: false, error: 'no planning phase to end' };
    if (!force && !mayExecute(this.turn, this.players, this.deps.now()))
      return { ok: false, error: 'not every role is ready and the countdown is not over' };
    this.turn = startExecution(this.turn, this.rules, this.tick);
    return { ok: true };
  }

  // ——— the MSEL ———

  /** Fires entries now, as recorded inject orders of the white cell. */
  fireSerials(serials: readonly string[], by: 'msel' | 'trigger' | 'white'): void {
    for (const serial of serials) {
      const entry = this.record.msel.find((e) => e.serial === serial);
      if (!entry) continue;
      const n = this.record.fired.filter((f) => f.serial === serial).length;
      const id = mselInjectId(serial, n);
      const hours = (this.tick * this.session.def.tickMinutes) / 60;
      this.give(WHITE, { tick: this.tick, kind: 'inject', inject: injectOf(entry, id, hours) });
      this.record.fired.push({ serial, tick: this.tick, role: WHITE, by });
      this.fired.add(serial);
    }
  }

  private get fireState(): FireState {
    return { fired: this.fired };
  }

  async fireNow(serial: string): Promise<Ack> {
    if (!this.record.msel.some((e) => e.serial === serial))
      return { ok: false, error: `no MSEL entry ${serial}` };
    this.fireSerials([serial], 'white');
    await this.save();
    return { ok: true };
  }

  async setMsel(entries: MselEntry[]): Promise<Ack> {
    this.record.msel = entries;
    await this.save();
    return { ok: true };
  }

  // ——— agreements in play ———

  async propose(roleId: string, target: Target, active: boolean): Promise<Ack> {
    const p = makeProposal(this.record, this.session.def, roleId, target, active, this.tick);
    if (typeof p === 'string') return { ok: false, error: p };
    this.record.proposals.push(p);
    await this.save();
    return { ok: true };
  }

  /** The addressee accepts or refuses; the white cell's answer imposes (or vetoes). */
  async answer(roleId: string, id: string, accept: boolean): Promise<Ack> {
    const p = this.record.proposals.find((x) => x.id === id);
    if (!p || !mayAnswer(p, roleId))
      return { ok: false, error: `no proposal ${id} waiting for ${roleId}` };
    if (accept) {
      try {
        this.give(roleId, orderOf(p, this.tick));
      } catch (e) {
        if (e instanceof OrderError) return { ok: false, error: e.message };
        throw e;
      }
    }
    p.status = !accept ? 'refused' : roleId === WHITE && p.to !== WHITE ? 'imposed' : 'accepted';
    p.decidedTick = this.tick;
    await this.save();
    return { ok: true };
  }

  // ——— cards, acknowledgements, bookmarks ———

  /** MSEL entries fired and addressed to a role (see `addressedTo`), with its acknowledgement. */
  inbox(roleId: string): Array<{ entry: MselEntry; tick: number; acked: boolean }> {
    const actor = this.role(roleId).actor;
    const out: Array<{ entry: MselEntry; tick: number; acked: boolean }> = [];
    for (const f of this.record.fired) {
      const entry = this.record.msel.find((e) => e.serial === f.serial);
      if (!entry) continue;
      if (!addressedTo(entry, actor)) continue;
      const acked = this.record.acks.some((a) => a.serial === f.serial && a.role === roleId);
      out.push({ entry, tick: f.tick, acked });
    }
    return out;
  }

  async ack(roleId: string, serial: string): Promise<Ack> {
    if (!this.inbox(roleId).some((c) => c.entry.serial === serial))
      return { ok: false, error: `no card ${serial} for ${roleId}` };
    if (!this.record.acks.some((a) => a.serial === serial && a.role === roleId))
      this.record.acks.push({ serial, role: roleId, tick: this.tick });
    await this.save();
    return { ok: true };
  }

  async bookmark(roleId: string, note: string): Promise<Ack> {
    this.role(roleId);
    this.record.bookmarks.push({ tick: this.tick, role: roleId, note: note.slice(0, 2000) });
    await this.save();
    return { ok: true };
  }

  // ——— saving ———

  /** The record as it stands (the current tick's hash noted), for saving or download. */
  toFile(): SessionFile {
    // After a rewind the record still runs to its furthest tick (until a new order branches it).
    this.record.tick = Math.max(this.record.tick, this.tick);
    this.noteHash();
    return structuredClone(this.record);
  }

  async save(): Promise<void> {
    this.lastSave = this.deps.now();
    await this.deps.persist(this.toFile());
  }
}

export class HostError extends Error {}

/**
 * Every played role plays an actor of the scenario, each actor at most once: a role with no
 * actor would be a second white cell (the white cell is the one role without an actor).
 */
function checkRoles(roles: readonly Role[], scenario: Scenario): void {
  const ids = scenario.actors.map((a) => a.id);
  const seen = new Set<string>();
  roles.forEach((r, i) => {
    if (r.actor === null) return;
    if (!ids.includes(r.actor))
      throw new HostError(
        `roles[${i}].actor: found "${r.actor}"; not an actor of ${scenario.id} (allowed: ${ids.join(', ')})`,
      );
    if (seen.has(r.actor))
      throw new HostError(`roles[${i}].actor: found "${r.actor}" twice; one role per actor`);
    seen.add(r.actor);
  });
}

/** The validated scenario with its own injects (the engine's copy runs without them). */
function withInjects(doc: unknown, set: readonly string[], engineCopy: Scenario): Scenario {
  const raw = structuredClone(doc);
  applyAssignments(raw, set);
  const v = validateScenario(raw);
  return v.ok ? v.value : engineCopy;
}
