// The engine API over WebSocket, for a classroom device (`concord serve`): every EngineApi
// method becomes a `call` to the room, answered by the server's engine in the role's own view.
// The connection joins with the role's token, reconnects by itself with back-off after a drop
// or a server restart, and says so through `onState`; calls made while it is down wait for it.
// A call in flight when the connection drops fails ("the connection was lost"): the server may
// or may not have taken it, and the app shows what the engine holds once it is back.
import {
  type Changed,
  CLOSE,
  type RoomInfo,
  type ServerMessage,
  type Welcome,
} from '../remote/protocol';
import { decodeFrame } from '../remote/wire';
import type { EngineApi } from './engine-api';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SocketLike {
  binaryType: string;
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface RemoteOptions {
  url: string;
  room: string;
  token: string;
  /** Makes the socket (the browser's WebSocket by default; `ws` in Node). */
  socket?: (url: string) => SocketLike;
  onWelcome(w: Welcome, again: boolean): void;
  onChanged(c: Changed): void;
  onState(state: ConnectionState, detail: string): void;
  /** Timers (injected for tests). */
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** Back-off between attempts: 0.5 s doubling to 8 s, with ±25 % jitter so a class spreads out. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(8000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + 0.5 * random()));
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

export class RemoteEngine {
  private ws: SocketLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiting: Pending[] = [];
  private joined = false;
  private welcomed = false;
  private attempt = 0;
  private stopped = false;
  /** The engine API the app session uses. */
  readonly api: EngineApi;

  constructor(private readonly o: RemoteOptions) {
    this.api = new Proxy({} as EngineApi, {
      get: (_t, name) =>
        typeof name === 'string' && name !== 'then'
          ? (...args: unknown[]) => this.call(name, args)
          : undefined,
    });
  }

  connect(): void {
    if (this.stopped) return;
    this.o.onState(
      this.welcomed ? 'reconnecting' : 'connecting',
      this.attempt ? `attempt ${this.attempt + 1}` : '',
    );
    const ws = (this.o.socket ?? browserSocket)(this.o.url);
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () =>
      ws.send(JSON.stringify({ t: 'join', room: this.o.room, token: this.o.token }));
    ws.onmessage = (ev) => this.receive(ev.data);
    ws.onclose = (ev) => this.dropped(ws, ev.code, ev.reason);
    ws.onerror = () => {};
  }

  /** Room management (the white cell): links, QR codes, who is connected; reissue, revoke. */
  room(method: 'info' | 'reissue' | 'revoke', role?: string): Promise<RoomInfo> {
    return this.call(`room.${method}`, role === undefined ? [] : [role]) as Promise<RoomInfo>;
  }

  close(): void {
    this.stopped = true;
    this.ws?.close(1000, 'closed by the app');
  }

  private call(method: string, args: unknown[]): Promise<unknown> {
    // JSON has no undefined: trailing ones go, inner ones travel as null (the server reads both).
    let n = args.length;
    while (n > 0 && args[n - 1] === undefined) n--;
    const a = args.slice(0, n).map((v) => (v === undefined ? null : v));
    return this.whenJoined().then(
      () =>
        new Promise((resolve, reject) => {
          const id = this.nextId++;
          this.pending.set(id, { resolve, reject });
          this.ws!.send(JSON.stringify({ t: 'call', id, m: method, a }));
        }),
    );
  }

  private whenJoined(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('disconnected from the classroom server'));
    if (this.joined) return Promise.resolve();
    return new Promise((resolve, reject) =>
      this.waiting.push({ resolve: () => resolve(), reject }),
    );
  }

  private receive(data: unknown): void {
    let msg: ServerMessage;
    try {
      msg = decodeFrame(data as string | ArrayBuffer) as ServerMessage;
    } catch {
      return; // not ours to read: the server only sends frames this codec writes
    }
    if (msg.t === 'res') {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.ok) p.resolve(msg.r);
      else p.reject(new Error(msg.error));
    } else if (msg.t === 'welcome') {
      const again = this.welcomed;
      this.welcomed = true;
      this.joined = true;
      this.attempt = 0;
      this.o.onState('open', `${msg.roleName} in room ${msg.room}`);
      this.o.onWelcome(msg, again);
      const w = this.waiting;
      this.waiting = [];
      for (const p of w) p.resolve(undefined);
    } else if (msg.t === 'changed') this.o.onChanged(msg);
    else if (msg.t === 'bye') this.o.onState('closed', msg.reason);
  }

  private dropped(ws: SocketLike, code: number, reason: string): void {
    if (ws !== this.ws) return;
    this.joined = false;
    for (const p of this.pending.values())
      p.reject(new Error('the connection to the classroom server was lost; check and try again'));
    this.pending.clear();
    if (code === CLOSE.revoked || code === CLOSE.badToken || code === CLOSE.roomGone) {
      this.stopped = true;
      this.o.onState('closed', reason || 'this link no longer opens the room');
      for (const p of this.waiting) p.reject(new Error(reason || 'disconnected from the room'));
      this.waiting = [];
      return;
    }
    if (this.stopped) return;
    this.attempt++;
    const wait = backoffMs(this.attempt);
    this.o.onState('reconnecting', `trying again in ${(wait / 1000).toFixed(1)} s`);
    (this.o.setTimer ?? setTimeout)(() => this.connect(), wait);
  }
}

function browserSocket(url: string): SocketLike {
  return new WebSocket(url) as unknown as SocketLike;
}

/** `#room=CODE&token=TOKEN` in the page's fragment, or null. */
export function joinFromHash(hash: string): { room: string; token: string } | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const room = p.get('room');
  const token = p.get('token');
  return room && token && /^[2-9A-HJKMNP-Z]{6}$/.test(room) && /^[\w-]{22}$/.test(token)
    ? { room, token }
    : null;
}
