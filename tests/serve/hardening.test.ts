// Faults an outside test of `concord serve` found, each held as the behaviour it must have:
// rooms refuse roles that would be a second white cell, a refused order disturbs nobody, the
// white cell cannot lock itself out, a rebinding page gets no socket, a rewound room comes back
// rewound after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bundledScenario } from '../../src/cli/replay';
import { startServer } from '../../src/serve/server';
import {
  Client,
  createRoom,
  type Msg,
  setup,
  sleep,
  startTestServer,
  type TestServer,
  tokenOf,
} from './helpers';

let ts: TestServer;
const clients: Client[] = [];

const open = async (url = ts.wsUrl) => {
  const c = await Client.open(url);
  clients.push(c);
  return c;
};

/** Sends a create and resolves with what came first: `created`, or a refusal. */
async function tryCreate(msg: unknown): Promise<{ c: Client; first: Msg }> {
  const c = await open();
  const first = c.waitFor((m) => m.t === 'created' || m.t === 'error');
  c.send(msg);
  return { c, first: await first };
}

beforeAll(async () => {
  ts = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await ts?.close();
});

describe('roles that play no actor of the scenario', () => {
  it('a role for an actor the scenario lacks is refused when the room is created', async () => {
    const { first } = await tryCreate({
      t: 'create',
      setup: setup({ roles: [{ actor: 'atlantis' }, { actor: 'mali' }] }),
    });
    expect(first).toMatchObject({ t: 'error' });
    expect(first.error).toMatch(/atlantis/);
  });

  it('two roles for one actor are refused when the room is created', async () => {
    const { first } = await tryCreate({
      t: 'create',
      setup: setup({ roles: [{ actor: 'mali' }, { actor: 'mali' }] }),
    });
    expect(first).toMatchObject({ t: 'error' });
  });

  it('no player’s link opens the white cell’s powers (created from a setup)', async () => {
    const { c: white, first } = await tryCreate({
      t: 'create',
      setup: setup({ roles: [{ actor: 'atlantis' }, { actor: 'mali' }] }),
    });
    if (first.t !== 'created') return; // refused at creation: nothing to open
    const info = await white.ok('room.info');
    const link = info.roles.find((r: { id: string }) => r.id === 'atlantis').link as string;
    const p = await open();
    const welcome = await p.join(first.room, tokenOf(link));
    expect(welcome.role).toBe('atlantis');
    // A player's role: no ground truth, none of the white cell's calls.
    expect(welcome.actor).toBeGreaterThanOrEqual(0);
    expect(await p.call('snapshot', [-1, 0])).toMatchObject({ ok: false });
    expect(await p.call('room.reissue', ['mali'])).toMatchObject({ ok: false });
  });

  it('no player’s link opens the white cell’s powers (opened from a session file)', async () => {
    const room = await createRoom(ts.wsUrl);
    clients.push(room.white);
    const file = await room.white.ok('saveFile');
    file.roles.push({
      id: 'ghost',
      actor: 'ghost',
      name: 'Ghost',
      passcode: null,
      autoTasking: true,
    });
    const { c: white, first } = await tryCreate({ t: 'open', session: file });
    if (first.t !== 'created') return;
    const info = await white.ok('room.info');
    const link = info.roles.find((r: { id: string }) => r.id === 'ghost').link as string;
    const p = await open();
    const welcome = await p.join(first.room, tokenOf(link));
    expect(welcome.actor).toBeGreaterThanOrEqual(0);
    expect(await p.call('snapshot', [-1, 0])).toMatchObject({ ok: false });
  });
});

describe('what a refused call changes', () => {
  it('an order the engine refuses announces no change to the room', async () => {
    const room = await createRoom(ts.wsUrl);
    clients.push(room.white);
    const mali = await open();
    await mali.join(room.code, room.tokens.mali!);
    const niger = await open();
    await niger.join(room.code, room.tokens.niger!);
    const r = await mali.call('order', [{ tick: 0, kind: 'return', unit: 'ne-qrf' }]);
    expect(r).toMatchObject({ ok: true, r: { ok: false } });
    await sleep(300); // `changed` goes out within 100 ms
    // Nothing changed: no device should be told to fetch its whole view again.
    expect(niger.frames.filter((f) => f.value.t === 'changed')).toEqual([]);
    expect(room.white.frames.filter((f) => f.value.t === 'changed')).toEqual([]);
  });
});

describe('the white cell’s own link', () => {
  it('reissuing the white cell’s link answers the call: the white cell is not locked out', async () => {
    const room = await createRoom(ts.wsUrl);
    clients.push(room.white);
    const from = room.white.frames.length;
    room.white.send({ t: 'call', id: 900, m: 'room.reissue', a: ['white'] });
    const answer = room.white.waitFor((m) => m.t === 'res' && m.id === 900, from, 3000);
    answer.catch(() => {});
    await Promise.race([answer, room.white.closed]);
    await sleep(100);
    // The answer (with the new link, or a refusal) reaches the white cell before anything else.
    const res = room.white.frames.slice(from).find((f) => f.value.t === 'res');
    expect(res?.value).toMatchObject({ t: 'res', id: 900 });
  });
});

describe('where a socket may come from', () => {
  it('a page of another site resolved to this machine cannot open a socket', async () => {
    // What a browser sends from http://evil.example:PORT once evil.example resolves to
    // 127.0.0.1 (DNS rebinding): Host and Origin agree, and the socket comes from loopback.
    const port = ts.server.port;
    const ws = new WebSocket(ts.wsUrl, {
      headers: { Host: `evil.example:${port}` },
      origin: `http://evil.example:${port}`,
    });
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_req, res) => resolve(`status ${res.statusCode}`));
      ws.once('error', (e) => resolve(`error ${e.message}`));
    });
    ws.terminate();
    expect(outcome).toBe('status 403');
  });
});

describe('a rewind across a restart', () => {
  it('a restarted server brings a rewound room back at the tick it was rewound to', async () => {
    const room = await createRoom(ts.wsUrl);
    clients.push(room.white);
    expect(await room.white.ok('execute', [true])).toEqual({ ok: true });
    expect(await room.white.ok('advance', [100])).toMatchObject({ tick: 24, turnEnded: true });
    const back = await room.white.ok('seek', [10]);
    expect(back.tick).toBe(10);
    const hash = await room.white.ok('hash');
    // The same data folder, served again (the first server closed cleanly).
    await ts.server.close();
    const again = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: ts.dataDir,
      appDir: `${ts.root}/app`,
      scenario: bundledScenario,
      log: () => {},
    });
    try {
      const white = await open(`ws://127.0.0.1:${again.port}/ws`);
      const welcome = await white.join(room.code, room.whiteToken);
      expect(welcome.tick).toBe(10);
      expect(await white.ok('hash')).toBe(hash);
    } finally {
      for (const c of clients) c.close();
      await again.close();
      // The suite's own server is closed already; afterAll closes it again harmlessly.
      ts.server = again;
    }
  });
});
