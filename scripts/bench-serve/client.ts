// One simulated device of `npm run bench:serve`: a Node WebSocket (the `ws` package) speaking
// the classroom protocol (src/remote/protocol.ts) as the app would. A player follows the room:
// on `changed` it asks for its role snapshot (binary frame, decoded with wire.ts) and the
// exercise view, one request of each in flight at most, and asks again when a newer change
// came meanwhile. Every call, answer, refusal, time-out and unexpected close is counted in the
// room's tally, which is how the bench knows whether messages were lost.
import WebSocket from 'ws';
import type { Changed, ServerMessage, Welcome } from '../../src/remote/protocol';
import { decodeFrame } from '../../src/remote/wire';

/** A call unanswered this long counts as lost (its promise resolves with undefined). */
const CALL_TIMEOUT_MS = 30_000;

export interface Tally {
  calls: number;
  answered: number;
  /** Answers with ok: false (the server refused the call: rate limit, schema, role). */
  refused: number;
  /** Calls never answered (timed out, or still waiting when the connection closed). */
  unanswered: number;
  /** Connections closed without the bench asking. */
  closes: number;
  /** The first few refusals and closes, in words. */
  notes: string[];
}

export const newTally = (): Tally => ({
  calls: 0,
  answered: 0,
  refused: 0,
  unanswered: 0,
  closes: 0,
  notes: [],
});

function note(t: Tally, s: string): void {
  if (t.notes.length < 8) t.notes.push(s);
}

interface Pending {
  resolve(v: unknown): void;
  timer: ReturnType<typeof setTimeout>;
}

interface Snap {
  tick: number;
  eventCount: number;
}

export class BenchClient {
  welcome: Welcome | null = null;
  /** The tick of the latest snapshot held, and when (performance.now) that tick first came. */
  snapTick = 0;
  tickAt = 0;
  private since = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private want = { snap: false, exercise: false };
  private fetching = false;
  private leaving = false;
  private readonly listeners = new Set<() => void>();
  private readonly expected = new Map<string, (m: ServerMessage) => void>();

  private constructor(
    private readonly ws: WebSocket,
    readonly tally: Tally,
    /** Follows the room's `changed` notices (players); the white cell fetches its own. */
    private readonly follows: boolean,
  ) {
    ws.on('message', (data: Buffer, binary: boolean) =>
      this.receive(decodeFrame(binary ? data : data.toString('utf8')) as ServerMessage),
    );
    ws.on('close', (code, reason) => this.closed(code, reason.toString()));
    ws.on('error', (e) => note(tally, `socket error: ${e.message}`));
  }

  static open(port: number, tally: Tally, follows: boolean): Promise<BenchClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new BenchClient(ws, tally, follows)));
      ws.once('error', reject);
    });
  }

  get actor(): number {
    return this.welcome?.actor ?? -1;
  }

  /** Opens a room as the white cell; resolves with its code once welcomed. */
  async create(setup: unknown): Promise<string> {
    const created = this.expect('created');
    const welcome = this.expect('welcome');
    this.ws.send(JSON.stringify({ t: 'create', setup }));
    const c = (await created) as Extract<ServerMessage, { t: 'created' }>;
    this.welcome = (await welcome) as Welcome;
    this.snapTick = this.welcome.tick;
    return c.room;
  }

  async join(room: string, token: string): Promise<void> {
    const welcome = this.expect('welcome');
    this.ws.send(JSON.stringify({ t: 'join', room, token }));
    this.welcome = (await welcome) as Welcome;
    this.snapTick = this.welcome.tick;
  }

  private expect(t: string): Promise<ServerMessage> {
    return new Promise((resolve) => this.expected.set(t, resolve));
  }

  /** One call; resolves with its result, or undefined when refused or never answered. */
  call(m: string, a: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    this.tally.calls++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.tally.unanswered++;
        note(this.tally, `${m}: no answer in ${CALL_TIMEOUT_MS / 1000} s`);
        resolve(undefined);
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      this.ws.send(JSON.stringify({ t: 'call', id, m, a }));
    });
  }

  private receive(msg: ServerMessage): void {
    if (msg.t === 'res') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) this.tally.answered++;
      else {
        this.tally.refused++;
        note(this.tally, `refused: ${msg.error}`);
      }
      p.resolve(msg.ok ? msg.r : undefined);
    } else if (msg.t === 'changed') {
      if (this.follows) this.changed(msg);
    } else if (msg.t === 'error' || msg.t === 'bye') {
      note(this.tally, `${msg.t}: ${msg.t === 'error' ? msg.error : msg.reason}`);
    } else {
      const wait = this.expected.get(msg.t);
      this.expected.delete(msg.t);
      wait?.(msg);
    }
  }

  private changed(c: Changed): void {
    if (c.moved || c.jumped || c.tick !== this.snapTick) this.want.snap = true;
    if (c.exercise) this.want.exercise = true;
    if (!this.fetching) void this.follow();
  }

  /** The app's refresh: the snapshot and the exercise view, again while changes keep coming. */
  private async follow(): Promise<void> {
    this.fetching = true;
    while (this.want.snap || this.want.exercise) {
      const { snap, exercise } = this.want;
      this.want = { snap: false, exercise: false };
      await Promise.all([
        snap ? this.snapshot() : null,
        exercise ? this.call('exercise', []) : null,
      ]);
    }
    this.fetching = false;
    this.notify();
  }

  /** This role's snapshot since the last one held (the white cell's: ground truth). */
  async snapshot(): Promise<void> {
    const s = (await (this.actor >= 0
      ? this.call('roleSnapshot', [this.actor, this.since])
      : this.call('snapshot', [-1, this.since]))) as Snap | undefined;
    if (!s) return;
    this.since = s.eventCount;
    if (s.tick !== this.snapTick) {
      this.snapTick = s.tick;
      this.tickAt = performance.now();
    }
    this.notify();
  }

  get idle(): boolean {
    return !this.fetching;
  }

  /** Resolves true once a snapshot of `tick` (or later) is held, false after `timeoutMs`. */
  reach(tick: number, timeoutMs: number): Promise<boolean> {
    return this.until(() => this.snapTick >= tick, timeoutMs);
  }

  until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        finish(true);
      };
      const finish = (ok: boolean) => {
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(ok);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.listeners.add(check);
    });
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private closed(code: number, reason: string): void {
    if (!this.leaving) {
      this.tally.closes++;
      note(this.tally, `closed unexpectedly: ${code} ${reason}`);
    }
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      this.tally.unanswered++;
      p.resolve(undefined);
    }
    this.pending.clear();
  }

  /** Closes the connection (not counted as lost); calls still waiting count as unanswered. */
  leave(): Promise<void> {
    this.leaving = true;
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close(1000, 'bench done');
    });
  }
}
