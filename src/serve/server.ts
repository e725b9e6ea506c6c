// `concord serve`: one Node process that serves the built app and hosts classroom rooms over
// WebSocket (the `ws` package) at /ws (a new room) and /ws/<code> (joining one, so that a
// reverse proxy can route a room's sockets to the process that holds it, see --shard). Localhost only unless told otherwise; it needs nothing
// from the internet. A browser's socket is accepted only from the page's own origin (or the
// public URL behind a reverse proxy); a payload over LIMITS.createBytes closes the socket.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import type { ScenarioResolver } from '../exercise/migrate';
import { loadAtlas } from '../node/load';
import { Connection, LIMITS, type ServerCtx } from './connection';
import { Rooms } from './rooms';
import { serveStatic } from './static';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  appDir: string;
  /** The address students use when a reverse proxy (TLS) stands in front. */
  publicUrl?: string | null;
  /** This process's share of the room codes ([i, n], 1-based; [1, 1] alone). */
  shard?: [number, number];
  scenario: ScenarioResolver;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** Where this machine opens the app. */
  url: string;
  /** Where the students open it (the LAN address or the public URL). */
  origin: string;
  port: number;
  trainerKey: string;
  rooms: Rooms;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Sockets one process holds at most (a classroom is tens; a training centre, hundreds). */
const MAX_SOCKETS = 2000;

/**
 * The Host a socket asks for must be this server's own name: localhost, the address it listens
 * on, a LAN address, or the public URL's host. Another name pointing here (DNS rebinding: a web
 * page whose own name resolves to 127.0.0.1) is refused, with its origin "matching" its host.
 */
function hostAllowed(host: string | undefined, o: ServeOptions): boolean {
  if (!host) return false;
  let name: string;
  try {
    name = new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  const me = hostname().toLowerCase();
  const own = new Set([
    'localhost',
    '127.0.0.1',
    '::1',
    o.host,
    me,
    `${me}.local`,
    ...lanAddresses(),
  ]);
  if (o.publicUrl) own.add(new URL(o.publicUrl).hostname);
  return own.has(name);
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  mkdirSync(o.dataDir, { recursive: true });
  const trainerKey = readTrainerKey(o.dataDir);
  let origin = '';
  const rooms = new Rooms(o.dataDir, o.shard ?? [1, 1], {
    atlas: async (a) => loadAtlas(a),
    scenario: o.scenario,
    origin: () => origin,
    log,
    now: () => Date.now(),
  });
  await rooms.restoreAll();
  const ctx: ServerCtx = { rooms, trainerKey, log, now: () => Date.now() };

  const http = createServer((req, res) => serveStatic(o.appDir, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.createBytes });
  http.on('upgrade', (req, socket, head) => {
    if (
      !/^\/ws(\/[2-9A-Z]{6})?$/.test(new URL(req.url ?? '/', 'http://x').pathname) ||
      !hostAllowed(req.headers.host, o) ||
      !originAllowed(req, o.publicUrl)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    if (wss.clients.size >= MAX_SOCKETS) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Behind a proxy every socket comes from loopback: then only the trainer key opens rooms.
      const local = !o.publicUrl && LOOPBACK.has(req.socket.remoteAddress ?? '');
      const conn = new Connection(ws, ctx, local);
      ws.on('message', (data, isBinary) => {
        conn.receive(toBuffer(data), isBinary).catch((e) => log(`connection ${conn.id}: ${e}`));
      });
      ws.on('close', () => conn.closed());
      ws.on('error', (e) => log(`connection ${conn.id}: ${e.message}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(o.port, o.host, () => resolve());
  });
  const addr = http.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const local = `http://${o.host === '0.0.0.0' || o.host === '::' || o.host === '127.0.0.1' ? 'localhost' : o.host}:${port}`;
  origin = o.publicUrl?.replace(/\/+$/, '') ?? studentOrigin(o.host, port) ?? local;
  return {
    url: local,
    origin,
    port,
    trainerKey,
    rooms,
    async close() {
      for (const c of wss.clients) c.terminate();
      await rooms.closeAll('the server is shutting down');
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}

/** Where students reach this server: its first LAN address when it listens on all of them. */
function studentOrigin(host: string, port: number): string | null {
  if (host !== '0.0.0.0' && host !== '::')
    return host === '127.0.0.1' ? null : `http://${host}:${port}`;
  return lanAddresses()[0] ? `http://${lanAddresses()[0]}:${port}` : null;
}

export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

/** A browser's socket must come from this server's own page (or the proxy's public URL). */
function originAllowed(req: IncomingMessage, publicUrl?: string | null): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser (bench clients, tools): tokens still decide
  try {
    const u = new URL(origin);
    if (u.host === req.headers.host) return true;
    return !!publicUrl && u.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

/**
 * The key that opens room creation to other machines: made once per data folder. Processes
 * sharing the folder (--shard) may start at the same moment: the file is created whole and
 * exclusively (a hard link of a written temp file fails if it exists), so all hold one key.
 */
function readTrainerKey(dataDir: string): string {
  const file = join(dataDir, 'trainer-key');
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${randomBytes(16).toString('base64url')}\n`, { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  return readFileSync(file, 'utf8').trim();
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
