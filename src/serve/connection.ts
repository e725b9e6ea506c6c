// One WebSocket connection to `concord serve`: every message is checked before anything acts
// on it — text only, its size, a token-bucket rate, the protocol's schema — and each refusal is
// answered with an error (on the call's id when it has one). A connection first joins a room
// with a role's token (or creates one, as the trainer); after that its calls go to the room.
import type { WebSocket } from 'ws';
import { CLOSE, ClientMessage } from '../remote/protocol';
import type { Conn, Room } from './room';
import { RoomError } from './room';
import type { Rooms } from './rooms';
import { sameSecret } from './secret';

export const LIMITS = {
  /** A call's text at most (orders, MSEL edits); a new room's setup may carry a scenario. */
  callBytes: 256 * 1024,
  createBytes: 8 * 1024 * 1024,
  /** Token bucket: this many messages a second on average, bursts up to `burst`. */
  perSecond: 50,
  burst: 100,
  /**
   * The white cell's clock at top speed sends a round (advance, snapshot, metrics) every few
   * milliseconds: its connections get ten times the room.
   */
  whitePerSecond: 500,
  whiteBurst: 1000,
  /** Calls waiting for their room at once, per connection. */
  inFlight: 64,
  /** Refusals in a row after which the connection is closed. */
  abuse: 2000,
};

export interface ServerCtx {
  rooms: Rooms;
  /** Opens room creation to browsers on other machines (the trainer's link). */
  trainerKey: string;
  log(line: string): void;
  now(): number;
}

let nextId = 1;

export class Connection implements Conn {
  readonly id = nextId++;
  role: string | null = null;
  actor = -1;
  room: Room | null = null;
  private tokens = LIMITS.burst;
  private lastFill: number;
  private refused = 0;
  private inFlight = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ServerCtx,
    /** The browser runs on the server's own machine (loopback): it may create rooms. */
    private readonly local: boolean,
  ) {
    this.lastFill = ctx.now();
  }

  send(frame: string | Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    this.send(JSON.stringify({ t: 'bye', reason }));
    this.ws.close(code, reason.slice(0, 120));
  }

  closed(): void {
    this.room?.leave(this);
  }

  private refuse(error: string, id?: number): void {
    this.refused++;
    this.send(
      JSON.stringify(id === undefined ? { t: 'error', error } : { t: 'res', id, ok: false, error }),
    );
    if (this.refused >= LIMITS.abuse) this.close(CLOSE.abuse, 'too many refused messages');
  }

  private takeToken(): boolean {
    const now = this.ctx.now();
    const white = this.role === 'white';
    const burst = white ? LIMITS.whiteBurst : LIMITS.burst;
    const rate = white ? LIMITS.whitePerSecond : LIMITS.perSecond;
    this.tokens = Math.min(burst, this.tokens + ((now - this.lastFill) / 1000) * rate);
    this.lastFill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  async receive(data: Buffer, isBinary: boolean): Promise<void> {
    if (isBinary) return this.refuse('send JSON text frames', peekId(data));
    if (!this.takeToken())
      return this.refuse(
        `too many messages: at most ${this.role === 'white' ? LIMITS.whitePerSecond : LIMITS.perSecond} a second`,
        peekId(data),
      );
    if (data.length > LIMITS.createBytes)
      return this.refuse(`message of ${data.length} bytes; at most ${LIMITS.createBytes}`);
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString('utf8'));
    } catch {
      return this.refuse('not JSON');
    }
    const parsed = ClientMessage.safeParse(raw);
    const id = callId(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      return this.refuse(`${i?.path.join('.') || 'message'}: ${i?.message ?? 'not allowed'}`, id);
    }
    const msg = parsed.data;
    if (msg.t !== 'create' && msg.t !== 'open' && data.length > LIMITS.callBytes)
      return this.refuse(
        `message of ${data.length} bytes; a call is at most ${LIMITS.callBytes}`,
        id,
      );
    this.refused = 0;
    if (msg.t === 'join') return this.join(msg.room, msg.token);
    if (msg.t === 'create' || msg.t === 'open') return this.create(msg);
    if (!this.room) return this.refuse('join a room first', msg.id);
    if (this.inFlight >= LIMITS.inFlight)
      return this.refuse(`at most ${LIMITS.inFlight} calls waiting at once`, msg.id);
    this.inFlight++;
    try {
      await this.room.call(this, msg.id, msg.m, msg.a);
    } finally {
      this.inFlight--;
    }
  }

  private join(code: string, token: string): void {
    if (this.room) {
      this.refuse(`this connection is in room ${this.room.code} already`);
      return;
    }
    const room = this.ctx.rooms.get(code);
    const role = room?.roleOf(token) ?? null;
    if (!room || !role) {
      this.ctx.log(`connection ${this.id}: refused a join to room ${code}`);
      this.close(CLOSE.badToken, 'no such room, or this link was revoked');
      return;
    }
    room.admit(this, role);
  }

  private async create(msg: Extract<ClientMessage, { t: 'create' | 'open' }>): Promise<void> {
    if (this.room) return this.refuse(`this connection is in room ${this.room.code} already`);
    if (!this.local && !sameSecret(msg.key, this.ctx.trainerKey))
      return this.refuse(
        "creating a room needs a browser on the server's machine, or the trainer link the server printed",
      );
    try {
      const room =
        msg.t === 'create'
          ? await this.ctx.rooms.create(msg.setup)
          : await this.ctx.rooms.open(msg.session);
      // The white cell's token, for its link (reconnecting, a second screen): to this socket only.
      this.send(JSON.stringify({ t: 'created', room: room.code, token: room.tokenOf('white') }));
      room.admit(this, 'white');
    } catch (e) {
      if (e instanceof RoomError) return this.refuse(e.problems.join('\n'));
      this.refuse((e as Error).message);
    }
  }
}

/** A refused call's id without parsing the whole message (a cheap look at its start). */
function peekId(data: Buffer): number | undefined {
  const m = /"id"\s*:\s*(\d{1,10})[,}]/.exec(data.subarray(0, 200).toString('latin1'));
  return m ? Number(m[1]) : undefined;
}

function callId(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}
