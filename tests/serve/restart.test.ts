// `concord serve` killed mid-turn (SIGKILL: no shutdown, no flush) and started again on the
// same data folder: the room comes back at the same tick and hash, with every order it had
// acknowledged, still executing its turn; the same links open it; the turn then runs on to
// the same hash as an exercise never interrupted; `concord replay` verifies the journal.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledScenario } from '../../src/cli/replay';
import { loadAtlas } from '../../src/node/load';
import type { Order } from '../../src/sim/world';
import { SessionApi } from '../../workers/session-api';
import { Client, type Created, createRoom, type Msg, setup } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'concord-restart-'));
const data = join(root, 'data');
const app = join(root, 'app');
mkdirSync(app);
writeFileSync(join(app, 'index.html'), '<!doctype html><title>Concord</title>\n');

interface Server {
  child: ChildProcess;
  port: number;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `concord serve` and resolves once it says where it listens. */
function serve(port: number): Promise<Server> {
  const child = spawn(
    'node',
    ['bin/concord.mjs', 'serve', '--port', String(port), '--data', data, '--app', app],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start:\n${out}\n${err}`)),
      60_000,
    );
    child.stdout!.on('data', () => {
      const m = /on this machine:\s+http:\/\/localhost:(\d+)\//.exec(out);
      if (m && /Ctrl-C stops the server/.test(out)) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), out: () => `${out}${err}`, exited });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before it started:\n${out}\n${err}`));
    });
  });
}

const concord = (...args: string[]) =>
  spawnSync('node', ['bin/concord.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });

/** What the room is given, in order; the reference exercise is given the same. */
type Step =
  | { as: 'mali' | 'niger' | 'white'; m: 'order'; order: Order }
  | { as: 'mali' | 'niger' | 'white'; m: string; a: unknown[] };

const move = (unit: string, position: [number, number]) =>
  ({ tick: 0, kind: 'move', unit, position }) as Order;

const STEPS: Step[] = [
  { as: 'mali', m: 'order', order: move('ml-gao-1', [-0.5, 16.0]) },
  { as: 'niger', m: 'order', order: move('ne-qrf', [1.45, 14.2]) },
  { as: 'mali', m: 'order', order: move('ml-qrf', [-3.5, 14.8]) },
  { as: 'niger', m: 'order', order: move('ne-recon', [1.2, 14.5]) },
  { as: 'white', m: 'fireNow', a: ['1'] },
  { as: 'mali', m: 'ack', a: ['mali', '1'] },
  { as: 'niger', m: 'bookmark', a: ['niger', 'recon out'] },
  { as: 'mali', m: 'order', order: move('ml-hombori-1', [-1.7, 15.3]) },
  { as: 'mali', m: 'setReady', a: ['mali', true] },
  { as: 'niger', m: 'setReady', a: ['niger', true] },
  { as: 'white', m: 'execute', a: [false] },
  { as: 'white', m: 'advance', a: [4] },
  { as: 'white', m: 'advance', a: [6] },
];
/** Mid-turn: the turn spans 24 ticks (6 h of 15 min), the room stops at tick 10. */
const MID = 10;
const SPAN = 24;

let first: Server;
let second: Server | null = null;
let room: Created;
const clients: Client[] = [];
const acked: Array<{ role: string; order: Order }> = [];
let before: { tick: number; hash: string; turn: Msg; file: Msg; lines: number };
let reference: SessionApi;

async function open(port: number): Promise<Client> {
  const c = await Client.open(`ws://127.0.0.1:${port}/ws`);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  // The same exercise, never interrupted, in this process.
  reference = new SessionApi(async (a) => loadAtlas(a), { scenario: bundledScenario });
  const s = setup();
  const r = await reference.startExercise({
    title: s.title,
    seed: s.seed,
    setup: s.setup,
    roles: s.roles.map((x) => ({ actor: x.actor })),
    scenario: { name: 'sahel-ct', doc: await bundledScenario('sahel-ct') },
  });
  if (!r.ok) throw new Error(r.problems.join('\n'));

  first = await serve(0);
  room = await createRoom(`ws://127.0.0.1:${first.port}/ws`);
  clients.push(room.white);
  const players: Record<string, Client> = { white: room.white };
  for (const role of ['mali', 'niger']) {
    players[role] = await open(first.port);
    await players[role].join(room.code, room.tokens[role]!);
  }
  for (const s of STEPS) {
    const c = players[s.as]!;
    if (s.m === 'order') {
      const { order } = s as Extract<Step, { m: 'order' }>;
      // Acknowledged: ok on the wire, and accepted by the engine.
      expect(await c.ok('order', [order]), `${s.as} ${JSON.stringify(order)}`).toEqual({
        ok: true,
      });
      acked.push({ role: s.as, order });
      expect(await reference.order(order, s.as)).toEqual({ ok: true });
    } else {
      const { a } = s as { a: unknown[] };
      const v = await c.ok(s.m, a);
      if (s.m !== 'advance') expect(v, s.m).toEqual({ ok: true });
      const api = reference as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>;
      await api[s.m]!.apply(reference, a);
    }
  }
  const file = await room.white.ok('saveFile');
  before = {
    tick: (await room.white.ok('info')).tick,
    hash: (await room.white.ok('hash')) as unknown as string,
    turn: (await room.white.ok('exercise')).turn,
    file,
    lines: readFileSync(join(data, 'rooms', room.code, 'journal.ndjson'), 'utf8').split('\n')
      .length,
  };
  first.child.kill('SIGKILL');
  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
  for (const c of clients) c.close();
  second = await serve(first.port);
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.close();
  if (first?.child.exitCode === null && !first.child.killed) first.child.kill('SIGKILL');
  if (second && second.child.exitCode === null) {
    second.child.kill('SIGKILL');
    await second.exited;
  }
  rmSync(root, { recursive: true, force: true });
});

describe('a room across a crash of the server', () => {
  it('stood mid-turn, its orders acknowledged, when the server was killed', () => {
    expect(before.tick).toBe(MID);
    expect(before.turn).toMatchObject({ phase: 'executing', turn: 1, executeTo: SPAN });
    expect(acked).toHaveLength(5);
    expect(before.lines).toBeGreaterThan(STEPS.length);
    // The reference, never interrupted, stands at the same tick and hash.
    expect(reference.session.tick).toBe(MID);
    expect(before.hash).toBe(reference.session.hash());
  });

  it('comes back at the same tick, hash and turn, with every acknowledged order', async () => {
    expect(second!.out()).toMatch(/\(1 restored\)/);
    const white = await open(second!.port);
    const welcome = await white.join(room.code, room.whiteToken);
    expect(welcome).toMatchObject({ t: 'welcome', role: 'white', actor: -1, tick: MID });
    expect(await white.ok('hash')).toBe(before.hash);
    expect((await white.ok('info')).tick).toBe(MID);
    const ex = await white.ok('exercise');
    expect(ex.turn).toEqual(before.turn);
    expect(ex.turn.phase).toBe('executing');
    const file = await white.ok('saveFile');
    expect({ ...file, savedAt: '' }).toEqual({ ...before.file, savedAt: '' });
    const onRecord = (file.orders as Array<{ role: string; order: Order }>).map((o) => ({
      role: o.role,
      order: o.order,
    }));
    for (const a of acked) expect(onRecord).toContainEqual(a);
    expect(file.fired).toMatchObject([{ serial: '1', tick: 0 }]);
    expect(file.acks).toEqual([{ serial: '1', role: 'mali', tick: 0 }]);
    expect(file.bookmarks).toEqual([{ tick: 0, role: 'niger', note: 'recon out' }]);
    // Reopened, the journal was rewritten from one header line (torn lines gone).
    const journal = readFileSync(join(data, 'rooms', room.code, 'journal.ndjson'), 'utf8');
    expect(journal.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
  });

  it('the same links open the players’ roles; their keys stay private on disk', async () => {
    for (const role of ['mali', 'niger']) {
      const c = await open(second!.port);
      const w = await c.join(room.code, room.tokens[role]!);
      expect(w).toMatchObject({ t: 'welcome', role, tick: MID });
      expect((await c.ok('exercise')).turn.phase).toBe('executing');
      const mine = (await c.ok('info')).orders as Order[];
      expect(mine).toEqual(acked.filter((a) => a.role === role).map((a) => a.order));
    }
    expect(statSync(join(data, 'rooms', room.code, 'room.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, 'trainer-key')).mode & 0o777).toBe(0o600);
  });

  it('`concord replay` verifies the journal as the crash left it', () => {
    const file = join(data, 'rooms', room.code, 'journal.ndjson');
    const r = concord('replay', file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^ok: sahel-ct, seed 7: ${before.file.orders.length} orders replayed to tick ${MID}; \\d+ recorded hashes equal \\(last ${before.hash}\\)\\n$`,
      ),
    );
  });

  it('the turn runs on to its end, to the hash of an exercise never interrupted', async () => {
    const white = await open(second!.port);
    await white.join(room.code, room.whiteToken);
    const r = await white.ok('advance', [100]);
    expect(r).toMatchObject({ tick: SPAN, ran: SPAN - MID, turnEnded: true });
    const ref = await reference.advance(100);
    expect(ref).toMatchObject({ tick: SPAN, turnEnded: true });
    expect(r.hash).toBe(ref.hash);
    expect((await white.ok('exercise')).turn).toMatchObject({ phase: 'planning', turn: 2 });
    const again = concord('replay', join(data, 'rooms', room.code, 'journal.ndjson'), '--json');
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, tick: SPAN, hash: ref.hash });
  });

  it('a SIGTERM closes the journals and exits 143', async () => {
    second!.child.kill('SIGTERM');
    expect(await second!.exited).toEqual({ code: 143, signal: null });
  });
});
