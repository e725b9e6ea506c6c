// Shared ground of the classroom server tests: a `ws` client that records every raw frame it
// receives (bytes and decoded value) and correlates calls with their answers, an in-process
// server on a free port with its own data and app folders, and the room setup the app sends.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { bundledScenario } from '../../src/cli/replay';
import type { RoomSetup } from '../../src/remote/protocol';
import { decodeFrame } from '../../src/remote/wire';
import { type RunningServer, startServer } from '../../src/serve/server';

/** One frame as it came off the socket, and what it decodes to. */
export interface Frame {
  binary: boolean;
  bytes: Buffer;
  value: Msg;
}

/** A server message, loosely typed (tests read fields off it). */
// biome-ignore lint/suspicious/noExplicitAny: the tests read whatever the server sent
export type Msg = Record<string, any>;

interface Waiter {
  pred: (m: Msg) => boolean;
  resolve: (m: Msg) => void;
}

const WAIT_MS = 20_000;

export class Client {
  readonly ws: WebSocket;
  readonly frames: Frame[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Waiter[] = [];
  private listeners: Array<(m: Msg) => void> = [];
  private nextId = 1;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    this.ws.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data);
      const value = (
        isBinary ? decodeFrame(new Uint8Array(bytes)) : JSON.parse(bytes.toString('utf8'))
      ) as Msg;
      this.frames.push({ binary: isBinary, bytes, value });
      for (const l of this.listeners) l(value);
      const i = this.waiters.findIndex((w) => w.pred(value));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(value);
    });
  }

  static async open(url: string): Promise<Client> {
    const c = new Client(url);
    await c.opened;
    return c;
  }

  onMessage(l: (m: Msg) => void): void {
    this.listeners.push(l);
  }

  /** The first frame from index `from` on that matches (already here, or the next to come). */
  waitFor(pred: (m: Msg) => boolean, from = 0, ms = WAIT_MS): Promise<Msg> {
    for (let i = from; i < this.frames.length; i++)
      if (pred(this.frames[i]!.value)) return Promise.resolve(this.frames[i]!.value);
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        pred,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`no matching frame within ${ms} ms (${this.frames.length} received)`));
      }, ms);
      this.waiters.push(w);
    });
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' || Buffer.isBuffer(msg) ? msg : JSON.stringify(msg));
  }

  /** A call and its answer (`res` with the call's id), ok or not. */
  async call(m: string, a: unknown[] = []): Promise<Msg> {
    const id = this.nextId++;
    const answer = this.waitFor((v) => v.t === 'res' && v.id === id, this.frames.length);
    this.send({ t: 'call', id, m, a });
    return answer;
  }

  /** A call that must succeed: its value. */
  async ok(m: string, a: unknown[] = []): Promise<Msg> {
    const r = await this.call(m, a);
    if (!r.ok) throw new Error(`${m}: refused: ${r.error}`);
    return r.r as Msg;
  }

  /** Joins a room with a token; resolves with the welcome. */
  async join(room: string, token: string): Promise<Msg> {
    const welcome = this.waitFor((v) => v.t === 'welcome', this.frames.length);
    this.send({ t: 'join', room, token });
    return welcome;
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.terminate();
  }
}

export function setup(o: Partial<RoomSetup> = {}): RoomSetup {
  return {
    title: 'Serve test',
    scenario: { name: 'sahel-ct', doc: null },
    seed: 7,
    setup: { mode: 'turns', executionHours: 6, planningSeconds: null },
    roles: [{ actor: 'mali' }, { actor: 'niger' }],
    ...o,
  };
}

/** A role's token from its join link (`…/#room=CODE&token=TOKEN`). */
export function tokenOf(link: string): string {
  const m = /#room=([^&]+)&token=([A-Za-z0-9_-]+)$/.exec(link);
  if (!m) throw new Error(`not a join link: ${link}`);
  return m[2]!;
}

export interface Created {
  white: Client;
  code: string;
  whiteToken: string;
  welcome: Msg;
  /** Each played role's token, by role id. */
  tokens: Record<string, string>;
}

/** Creates a room as the trainer on this machine and reads the roles' tokens off room.info. */
export async function createRoom(wsUrl: string, s: RoomSetup = setup()): Promise<Created> {
  const white = await Client.open(wsUrl);
  const created = white.waitFor((v) => v.t === 'created');
  const welcome = white.waitFor((v) => v.t === 'welcome');
  white.send({ t: 'create', setup: s });
  const c = await created;
  const w = await welcome;
  const info = await white.ok('room.info');
  const tokens: Record<string, string> = {};
  for (const r of info.roles as Array<{ id: string; link: string }>)
    if (r.id !== 'white') tokens[r.id] = tokenOf(r.link);
  return { white, code: c.room as string, whiteToken: c.token as string, welcome: w, tokens };
}

export interface TestServer {
  server: RunningServer;
  root: string;
  dataDir: string;
  wsUrl: string;
  log: string[];
  close(): Promise<void>;
}

/** A server in this process on a free loopback port, with fresh data and app folders. */
export async function startTestServer(): Promise<TestServer> {
  const root = mkdtempSync(join(tmpdir(), 'concord-serve-'));
  const appDir = join(root, 'app');
  mkdirSync(appDir);
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Concord</title>\n');
  const dataDir = join(root, 'data');
  const log: string[] = [];
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    appDir,
    scenario: bundledScenario,
    log: (line) => log.push(line),
  });
  return {
    server,
    root,
    dataDir,
    wsUrl: `ws://127.0.0.1:${server.port}/ws`,
    log,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
