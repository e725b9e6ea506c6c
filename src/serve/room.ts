// One classroom room: an exercise hosted by a SessionApi (the same engine API as the browser's
// worker), its roles' tokens, the connections holding them, and its journal on disk. Calls from
// every connection of the room run one at a time, in arrival order; a call that changes the
// exercise is journaled (append + fsync) before it is answered, and the room then tells every
// connection what changed (`changed`), at most every CHANGED_EVERY_MS; each client then asks
// for its own view. Nothing here knows about WebSocket: a connection is anything with send/close.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type AtlasLoader, SessionApi } from '../../workers/session-api';
import type { ScenarioResolver } from '../exercise/migrate';
import type { SessionFile } from '../exercise/session-file';
import type { TurnState } from '../exercise/turns';
import { writeFileAtomic } from '../node/atomic';
import {
  type Changed,
  CLOSE,
  type RoomInfo,
  type RoomSetup,
  type Welcome,
} from '../remote/protocol';
import { encodeFrame } from '../remote/wire';
import { JournalFile } from './journal-file';
import { CallRefused, type Effect, runMethod } from './methods';
import { roomInfo } from './room-info';
import { sameSecret } from './secret';

export interface Conn {
  readonly id: number;
  role: string | null;
  actor: number;
  room: Room | null;
  send(frame: string | Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomDeps {
  atlas: AtlasLoader;
  scenario: ScenarioResolver;
  /** Where students open the app (the LAN address, or the public URL behind a proxy). */
  origin(): string;
  log(line: string): void;
  now(): number;
}

interface RoomRecord {
  code: string;
  title: string;
  /** Each role's token; null once revoked (until reissued). */
  tokens: Record<string, string | null>;
}

export class RoomError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Changes are announced at most this often (a running clock would otherwise flood the room). */
const CHANGED_EVERY_MS = 100;

export class Room {
  readonly conns = new Set<Conn>();
  private queue: Promise<unknown> = Promise.resolve();
  private journal: JournalFile | null = null;
  private restoring = false;
  /** The host saved during the call being answered (methods that change the record save last). */
  private saved = false;
  private flags = { moved: false, jumped: false, exercise: false };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastChanged = 0;
  readonly api: SessionApi;

  private constructor(
    readonly dir: string,
    private record: RoomRecord,
    private readonly deps: RoomDeps,
  ) {
    this.api = new SessionApi(deps.atlas, {
      scenario: deps.scenario,
      newId: () => record.code,
      storage: { save: (_id, f) => this.persist(f) },
    });
  }

  get code(): string {
    return this.record.code;
  }
  get title(): string {
    return this.record.title;
  }

  /** A new room from the app's exercise setup; its journal and record written before it returns. */
  static async create(dir: string, code: string, setup: RoomSetup, deps: RoomDeps): Promise<Room> {
    // A bundled scenario is the server's own copy, whatever document the client sent along.
    const name = setup.scenario.name;
    const doc = name ? await deps.scenario(name) : setup.scenario.doc;
    if (doc === null || doc === undefined)
      throw new RoomError([
        name
          ? `scenario: "${name}" is not a bundled scenario of this server`
          : 'scenario: no document',
      ]);
    mkdirSync(dir, { recursive: true });
    const room = new Room(dir, { code, title: setup.title, tokens: {} }, deps);
    const r = await room.api.startExercise({
      ...setup,
      scenario: { name, doc },
      set: setup.set ?? [],
    });
    if (!r.ok) {
      rmSync(dir, { recursive: true, force: true });
      throw new RoomError(r.problems);
    }
    room.issueAll();
    return room;
  }

  /** A room from a session file (any version): the exercise goes on from where it was saved. */
  static async fromSession(dir: string, code: string, doc: unknown, deps: RoomDeps): Promise<Room> {
    mkdirSync(dir, { recursive: true });
    const room = new Room(dir, { code, title: '', tokens: {} }, deps);
    const r = await room.api.openSession(doc, code);
    if (!r.ok) {
      rmSync(dir, { recursive: true, force: true });
      throw new RoomError(r.problems);
    }
    room.record.title = room.api.exerciseHost.record.title;
    room.issueAll();
    return room;
  }

  /** A room as its journal left it (after a restart or a crash): same tick, hash and turn. */
  static async restore(dir: string, deps: RoomDeps): Promise<Room> {
    const record = JSON.parse(readFileSync(join(dir, 'room.json'), 'utf8')) as RoomRecord;
    const room = new Room(dir, record, deps);
    const { journal, folded } = await JournalFile.open(join(dir, 'journal.ndjson'));
    room.journal = journal;
    room.restoring = true;
    const r = await room.api.openSession(folded.session, record.code);
    room.restoring = false;
    if (!r.ok) throw new RoomError(r.problems);
    const host = room.api.exerciseHost;
    // After a rewind the engine stood behind the record's furthest tick: back to it.
    if (folded.at !== null && folded.at < host.tick) host.seek(folded.at);
    if (folded.turn) host.turn = folded.turn;
    return room;
  }

  private issueAll(): void {
    for (const r of this.api.exerciseHost.record.roles) this.record.tokens[r.id] = newToken();
    this.writeRecord();
  }

  private writeRecord(): void {
    // The tokens are the room's keys: readable by the server's user only.
    writeFileAtomic(
      join(this.dir, 'room.json'),
      `${JSON.stringify(this.record, null, 1)}\n`,
      0o600,
    );
  }

  /** The live exercise beyond the record: its turn state and the engine's tick. */
  private live(): { turn: TurnState | null; at: number | null } {
    try {
      const h = this.api.exerciseHost;
      return { turn: h.turn, at: h.tick };
    } catch {
      return { turn: null, at: null }; // being created: the first save comes before the host
    }
  }

  /** The session store of the room's SessionApi: the journal, durable before it resolves. */
  private async persist(f: SessionFile): Promise<void> {
    this.saved = true;
    if (this.restoring) return;
    const file = { ...f, savedAt: new Date(this.deps.now()).toISOString() };
    const { turn, at } = this.live();
    if (!this.journal)
      this.journal = await JournalFile.create(join(this.dir, 'journal.ndjson'), file, turn, at);
    else await this.journal.append(file, turn, at);
  }

  // ——— roles and tokens ———

  /** The role a token opens, or null. Compared in constant time. */
  roleOf(token: string): string | null {
    for (const [role, held] of Object.entries(this.record.tokens))
      if (sameSecret(token, held)) return role;
    return null;
  }

  tokenOf(role: string): string | null {
    return this.record.tokens[role] ?? null;
  }

  /** Binds a connection to a role and greets it with the role's own description. */
  admit(conn: Conn, role: string): void {
    const host = this.api.exerciseHost;
    conn.room = this;
    conn.role = role;
    conn.actor = host.actorOf(role);
    this.conns.add(conn);
    const welcome: Welcome = {
      t: 'welcome',
      room: this.code,
      title: this.title,
      role,
      roleName: host.role(role).name,
      actor: conn.actor,
      description: host.describe(role),
      sessionId: this.code,
      tick: host.tick,
    };
    conn.send(JSON.stringify(welcome));
    this.deps.log(`room ${this.code}: ${role} joined (connection ${conn.id})`);
  }

  leave(conn: Conn): void {
    if (this.conns.delete(conn))
      this.deps.log(`room ${this.code}: ${conn.role} left (connection ${conn.id})`);
  }

  /** A new token for a role (the old one stops working at once: its connections are closed). */
  reissue(role: string): void {
    // Its own link would close the very screen that asked, the new link known to nobody.
    if (role === 'white')
      throw new CallRefused(
        "the white cell's own link cannot be renewed: it would close this screen",
      );
    this.api.exerciseHost.role(role);
    this.record.tokens[role] = newToken();
    this.writeRecord();
    this.disconnect(role, 'your access was renewed by the white cell: use the new link');
  }

  revoke(role: string): void {
    if (role === 'white') throw new CallRefused('the white cell cannot revoke itself');
    this.api.exerciseHost.role(role);
    this.record.tokens[role] = null;
    this.writeRecord();
    this.disconnect(role, 'your access was revoked by the white cell');
  }

  private disconnect(role: string, reason: string): void {
    for (const c of [...this.conns])
      if (c.role === role) {
        this.conns.delete(c);
        c.close(CLOSE.revoked, reason);
      }
  }

  info(): Promise<RoomInfo> {
    return roomInfo(this, this.deps.origin());
  }

  connectedCount(role: string): number {
    let n = 0;
    for (const c of this.conns) if (c.role === role) n++;
    return n;
  }

  // ——— calls ———

  /** Runs a connection's call in turn; the answer goes back on that connection only. */
  call(conn: Conn, id: number, name: string, args: unknown[]): Promise<void> {
    const run = this.queue.then(() => this.answer(conn, id, name, args));
    this.queue = run.catch(() => {});
    return run;
  }

  private async answer(conn: Conn, id: number, name: string, args: unknown[]): Promise<void> {
    if (!this.conns.has(conn)) return; // closed or revoked while waiting
    this.saved = false;
    try {
      const { value, effect } = name.startsWith('room.')
        ? await this.roomCall(conn, name, args)
        : await runMethod(this.api, { role: conn.role!, actor: conn.actor }, name, args);
      // A refusal changed nothing: no save, and nobody else hears of it.
      const changed = effect !== 'none' && !refused(value);
      // Durable before anyone hears of it: the clock's moves are saved as well as orders.
      if (changed && !this.saved) await this.api.saveFile();
      conn.send(encodeFrame({ t: 'res', id, ok: true, r: value }));
      // A turn's end is news at once: every device waits for it (the throttle is for the clock).
      if (changed) this.announce(effect, turnEnded(value));
    } catch (e) {
      // A refusal or a bad count is the caller's; anything else is worth a line in the log.
      if (!(e instanceof CallRefused || e instanceof RangeError))
        this.deps.log(`room ${this.code}: ${name} failed: ${failure(e)}`);
      conn.send(JSON.stringify({ t: 'res', id, ok: false, error: failure(e) }));
    }
  }

  private async roomCall(conn: Conn, name: string, args: unknown[]) {
    if (conn.role !== 'white') throw new CallRefused(`${name}: the white cell's only`);
    const role = typeof args[0] === 'string' ? args[0] : '';
    if (name !== 'room.info' && !this.api.exerciseHost.record.roles.some((r) => r.id === role))
      throw new CallRefused(`${name}: argument 0: no role "${role.slice(0, 100)}" in this room`);
    if (name === 'room.reissue') this.reissue(role);
    else if (name === 'room.revoke') this.revoke(role);
    else if (name !== 'room.info') throw new CallRefused(`no method "${name}"`);
    return { value: await this.info(), effect: 'none' as Effect };
  }

  private announce(effect: Effect, now = false): void {
    if (effect === 'moved') this.flags.moved = true;
    if (effect === 'jumped') this.flags.jumped = true;
    // Any change may end a turn, fire an inject or change who is ready: refresh the exercise.
    this.flags.exercise = true;
    if (now) {
      if (this.timer) clearTimeout(this.timer);
      this.flush();
      return;
    }
    if (this.timer) return;
    const wait = Math.max(0, this.lastChanged + CHANGED_EVERY_MS - this.deps.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    this.lastChanged = this.deps.now();
    const msg: Changed = { t: 'changed', tick: this.api.exerciseHost.tick, ...this.flags };
    this.flags = { moved: false, jumped: false, exercise: false };
    const text = JSON.stringify(msg);
    for (const c of this.conns) c.send(text);
  }

  async close(reason: string): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    for (const c of [...this.conns]) c.close(CLOSE.roomGone, reason);
    this.conns.clear();
    await this.queue;
    await this.journal?.close();
  }
}

function turnEnded(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { turnEnded?: unknown }).turnEnded === true
  );
}

/** An engine answer that refused (an order, a proposal…): `{ ok: false, error }`. */
function refused(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

function newToken(): string {
  return randomBytes(16).toString('base64url');
}

function failure(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
