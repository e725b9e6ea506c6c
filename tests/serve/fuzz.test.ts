// `concord serve` under hostile input: 1,000 messages from a joined player (Mali) and from
// connections that never joined — malformed JSON, binary frames, wrong types, unknown methods,
// the white cell's methods, other actors' views and orders, calls over 256 KiB, deep and huge
// arrays, rooms that cannot be created — each paced under the rate limit (a fresh connection
// every 80 messages) and sent only once the one before is answered. Every one gets exactly one
// error answer; nothing reaches the engine unchecked (no call "failed" in the log); the room's
// hash and record are unchanged; the server still admits a fresh device. Then the rate limit,
// the in-flight limit and the abuse cut-off.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/remote/protocol';
import { LIMITS } from '../../src/serve/connection';
import {
  Client,
  type Created,
  createRoom,
  type Msg,
  setup,
  sleep,
  startTestServer,
  type TestServer,
} from './helpers';

interface Case {
  what: string;
  data: string | Buffer;
  /** The error text the answer must match, when the case is about one refusal in particular. */
  error?: RegExp;
}

/** A call's text; the id is filled in when the case is sent. */
const call =
  (m: string, a: unknown, extra: Record<string, unknown> = {}) =>
  (id: number) =>
    JSON.stringify({ t: 'call', id, m, a, ...extra });

type Template = {
  what: string;
  make: (id: number, rnd: () => number) => string | Buffer;
  error?: RegExp;
};

/** mulberry32: the fuzz is the same every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (rnd: () => number, n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(rnd() * 95))).join('');
const bytes = (rnd: () => number, n: number) =>
  Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));

const WHITE_ONLY = /the white cell's only/;
const NOT_JSON = /^not JSON$/;
const BINARY = /^send JSON text frames$/;

let ts: TestServer;
let room: Created;
let mi = -1;
let ni = -1;
const clients: Client[] = [];
let before: { hash: string; file: Msg; exercise: Msg };

const open = async () => {
  const c = await Client.open(ts.wsUrl);
  clients.push(c);
  return c;
};

/** What any connection may send wrong. */
function common(): Template[] {
  const own = { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] };
  const t: Template[] = [];
  for (const s of ['{', '{"t":"call"', 'nul', '', ' ', '[1,2', '}{', "{'t':'call'}", 'NaN'])
    t.push({ what: `malformed ${JSON.stringify(s)}`, make: () => s, error: NOT_JSON });
  t.push({
    what: 'a call cut short',
    make: (id) => call('hash', [])(id).slice(0, -1),
    error: NOT_JSON,
  });
  t.push({ what: 'random text', make: (_id, r) => `{${ascii(r, 40)}`, error: NOT_JSON });
  t.push({
    what: 'random bytes',
    make: (_id, r) => bytes(r, 1 + Math.floor(r() * 64)),
    error: BINARY,
  });
  t.push({
    what: 'a call as a binary frame',
    make: (id) => Buffer.from(call('hash', [])(id)),
    error: BINARY,
  });
  for (const v of ['null', '42', '"call"', '[]', 'true', '{}'])
    t.push({ what: `not a message: ${v}`, make: () => v });
  t.push({ what: 'id as a string', make: () => '{"t":"call","id":"7","m":"hash","a":[]}' });
  t.push({ what: 'negative id', make: () => '{"t":"call","id":-1,"m":"hash","a":[]}' });
  t.push({ what: 'fractional id', make: () => '{"t":"call","id":1.5,"m":"hash","a":[]}' });
  t.push({ what: 'id too large', make: (id) => call('hash', [])(2 ** 31 + id) });
  t.push({
    what: 'method a number',
    make: (id) => JSON.stringify({ t: 'call', id, m: 42, a: [] }),
  });
  t.push({ what: 'args an object', make: call('hash', {}) });
  t.push({ what: 'no args', make: (id) => JSON.stringify({ t: 'call', id, m: 'hash' }) });
  t.push({ what: 'an extra field', make: call('hash', [], { x: 1 }) });
  t.push({ what: 'empty method', make: call('', []) });
  t.push({ what: 'method too long', make: call('x'.repeat(41), []) });
  t.push({ what: 'nine args', make: call('hash', [1, 2, 3, 4, 5, 6, 7, 8, 9]) });
  t.push({ what: 'unknown t', make: (id) => JSON.stringify({ t: 'nope', id }) });
  t.push({ what: 'no t', make: (id) => JSON.stringify({ id, m: 'hash', a: [] }) });
  t.push({
    what: 'proto t',
    make: (id) => `{"__proto__":{"t":"call"},"id":${id},"m":"hash","a":[]}`,
  });
  t.push({ what: 'join: room a number', make: () => '{"t":"join","room":123,"token":"x"}' });
  t.push({
    what: 'join: misreadable code',
    make: () => JSON.stringify({ t: 'join', room: 'ABC0O1', token: 'a'.repeat(22) }),
  });
  t.push({
    what: 'join: short token',
    make: () => JSON.stringify({ t: 'join', room: room.code, token: 'short' }),
  });
  t.push({
    what: 'join: token with padding',
    make: () => JSON.stringify({ t: 'join', room: room.code, token: `${'a'.repeat(20)}==` }),
  });
  t.push({
    what: 'join with an id',
    make: (id) => JSON.stringify({ t: 'join', id, room: room.code }),
  });
  const bad = setup();
  const creates: Array<[string, unknown]> = [
    ['no roles', { ...bad, roles: [] }],
    ['negative seed', { ...bad, seed: -1 }],
    ['unknown mode', { ...bad, setup: { ...bad.setup, mode: 'chess' } }],
    ['no hours', { ...bad, setup: { ...bad.setup, executionHours: 0 } }],
    ['a long title', { ...bad, title: 't'.repeat(201) }],
    ['a path for a scenario', { ...bad, scenario: { name: '../etc/passwd', doc: null } }],
    ['an upper-case actor', { ...bad, roles: [{ actor: 'Mali' }] }],
    ['an extra setup field', { ...bad, extra: true }],
  ];
  for (const [what, s] of creates)
    t.push({ what: `create: ${what}`, make: () => JSON.stringify({ t: 'create', setup: s }) });
  t.push({ what: 'open: no session', make: () => '{"t":"open"}' });
  t.push({
    what: 'create with an id',
    make: (id) => JSON.stringify({ t: 'create', id, setup: bad }),
  });
  // Deep and huge, within a call's size.
  t.push({
    what: 'deep array arg',
    make: (id) =>
      `{"t":"call","id":${id},"m":"order","a":[${'['.repeat(20_000)}${']'.repeat(20_000)}]}`,
  });
  t.push({
    what: 'deep object arg',
    make: (id) =>
      `{"t":"call","id":${id},"m":"exercise","a":[${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]}`,
  });
  t.push({ what: 'huge args list', make: call('hash', new Array(30_000).fill(1)) });
  t.push({ what: 'huge array arg', make: call('roleEvents', [0, new Array(30_000).fill(0)]) });
  t.push({
    what: 'order with a huge array',
    make: call('order', [{ ...own, position: new Array(20_000).fill(1) }]),
  });
  return t;
}

/** What the joined player may not do: everything else is a refusal. */
function playerOnly(): Template[] {
  const own = { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] };
  const t: Template[] = [];
  const argCases: Array<[string, unknown[]]> = [
    ['roleSnapshot', ['x', 0]],
    ['roleSnapshot', [mi, -1]],
    ['roleSnapshot', [mi]],
    ['roleSnapshot', [mi, 0, 1]],
    ['roleSnapshot', [mi, 1.5]],
    ['roleSnapshot', [1e9, 0]],
    ['roleEvents', [mi]],
    ['roleEvents', [mi, 'a']],
    ['roleEvents', [mi, 0, -1]],
    ['roleDescribe', []],
    ['roleDescribe', ['mali']],
    ['roleDescribe', [-1]],
    ['order', []],
    ['order', [{ kind: 'fly' }]],
    ['order', [{ ...own, position: [999, 0] }]],
    ['order', [{ tick: 0, kind: 'move', unit: 'ml-gao-1' }]],
    ['order', [{ ...own, extra: 1 }]],
    ['order', [{ ...own, tick: -1 }]],
    ['order', [{ ...own, unit: '' }]],
    ['order', ['order']],
    ['order', [null]],
    ['order', [own, 5]],
    ['checkOrder', [{ kind: 'fly' }]],
    ['setReady', ['mali', 'yes']],
    ['setReady', ['mali']],
    ['setReady', [5, true]],
    ['propose', ['mali', { kind: 'x', id: 'a' }, true]],
    ['propose', ['mali', { kind: 'agreement', id: 'ag-ml-ne', extra: 1 }, true]],
    ['answer', ['mali', 5, true]],
    ['ack', ['mali', 1]],
    ['bookmark', ['mali', 'x'.repeat(2001)]],
    ['bookmark', ['mali']],
    ['exercise', [5]],
    ['exercise', ['mali', 1]],
    ['exercise', ['']],
    ['hash', [1]],
    ['info', [1]],
  ];
  for (const [m, a] of argCases)
    t.push({ what: `${m} ${JSON.stringify(a)}`, make: call(m, a), error: new RegExp(`^${m}: `) });
  for (const m of [
    'nope',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'load',
    'startExercise',
    'openSession',
    'exerciseHost',
    'session',
    'guard',
  ])
    t.push({ what: `unknown ${m}`, make: call(m, []), error: new RegExp(`^no method "${m}"$`) });
  const whiteCalls: Array<[string, unknown[]]> = [
    ['step', [1]],
    ['advance', [1]],
    ['runUntil', [['attack'], 5]],
    ['runTo', [5]],
    ['seek', [0]],
    ['execute', [true]],
    ['fireNow', ['1']],
    ['setMsel', [[]]],
    ['snapshot', [-1, 0]],
    ['snapshot', [ni, 0]],
    ['events', [0]],
    ['metrics', []],
    ['metricsAt', [[0]]],
    ['saveFile', []],
    ['unlock', ['white', 'x']],
    ['room.info', []],
    ['room.revoke', ['niger']],
    ['room.reissue', ['mali']],
    ['room.nope', []],
  ];
  for (const [m, a] of whiteCalls)
    t.push({ what: `white's ${m}`, make: call(m, a), error: WHITE_ONLY });
  const OTHER = /^this connection plays mali, not (niger|white)$/;
  const EYES = /^this connection sees through its own actor's eyes only$/;
  const others: Array<[string, unknown[], RegExp]> = [
    ['roleSnapshot', [ni, 0], EYES],
    ['roleDescribe', [ni], EYES],
    ['roleEvents', [ni, 0], EYES],
    ['exercise', ['niger'], OTHER],
    ['exercise', ['white'], OTHER],
    ['order', [own, 'niger'], OTHER],
    ['order', [own, 'white'], OTHER],
    ['checkOrder', [own, 'niger'], OTHER],
    ['setReady', ['niger', true], OTHER],
    ['propose', ['niger', { kind: 'agreement', id: 'ag-ml-ne' }, false], OTHER],
    ['answer', ['niger', 'p1', true], OTHER],
    ['ack', ['niger', '1'], OTHER],
    ['bookmark', ['niger', 'x'], OTHER],
  ];
  for (const [m, a, error] of others)
    t.push({ what: `other's ${m} ${JSON.stringify(a)}`, make: call(m, a), error });
  // Well-formed, as Mali, but the engine's refusal (answered ok: true with r.ok false).
  const refused: Array<[string, unknown[]]> = [
    ['order', [{ tick: 0, kind: 'return', unit: 'ne-qrf' }]],
    ['order', [{ tick: 0, kind: 'move', unit: 'ne-tera', position: [1, 14] }]],
    ['order', [{ ...own, position: [2.1, 13.5] }]],
    ['order', [{ tick: 0, kind: 'move', unit: 'zz-none', position: [0, 0] }]],
    ['order', [{ tick: 0, kind: 'assign', unit: 'ne-qrf', command: 'national' }]],
    ['order', [{ tick: 0, kind: 'set-trust', from: 'niger', to: 'mali', value: 1 }]],
    ['order', [{ tick: 0, kind: 'set-agreement', agreement: 'ag-ml-ne', active: true }]],
    ['order', [{ tick: 0, kind: 'set-agreement', agreement: 'ag-bf-ne', active: false }]],
    [
      'order',
      [
        {
          tick: 0,
          kind: 'inject',
          inject: { id: 'x', at: 0, kind: 'narrative', to: [], message: 'hi' },
        },
      ],
    ],
    ['order', [{ tick: 0, kind: 'auto-tasking', actor: 'mali', on: false }]],
    ['propose', ['mali', { kind: 'agreement', id: 'ag-bf-ne' }, false]],
    ['propose', ['mali', { kind: 'right', id: 'nope' }, false]],
    ['answer', ['mali', 'p99', true]],
    ['ack', ['mali', '99']],
  ];
  for (const [m, a] of refused)
    t.push({ what: `refused ${m} ${JSON.stringify(a)}`, make: call(m, a) });
  // Valid, but this connection holds a role already.
  const IN_ROOM = /^this connection is in room [2-9A-Z]{6} already$/;
  t.push({
    what: 'join again',
    make: () => JSON.stringify({ t: 'join', room: room.code, token: room.tokens.mali }),
    error: IN_ROOM,
  });
  t.push({
    what: 'create from a room',
    make: () => JSON.stringify({ t: 'create', setup: setup() }),
    error: IN_ROOM,
  });
  t.push({ what: 'open from a room', make: () => '{"t":"open","session":{}}', error: IN_ROOM });
  return t;
}

/** What a connection that never joined may not do. */
function strangerOnly(): Template[] {
  const t: Template[] = [];
  const FIRST = /^join a room first$/;
  for (const [m, a] of [
    ['hash', []],
    ['exercise', []],
    ['roleSnapshot', [0, 0]],
    ['order', [{ tick: 0, kind: 'return', unit: 'ml-gao-1' }]],
    ['room.info', []],
    ['advance', [10]],
    ['nope', []],
  ] as Array<[string, unknown[]]>)
    t.push({ what: `unjoined ${m}`, make: call(m, a), error: FIRST });
  return t;
}

/** Heavy cases, sent once each. */
function heavy(): Array<{ on: 'player' | 'stranger'; t: Template }> {
  const big = (n: number) => call('bookmark', ['mali', 'x'.repeat(n)]);
  const SIZE = /^message of \d+ bytes; a call is at most 262144$/;
  const out: Array<{ on: 'player' | 'stranger'; t: Template }> = [];
  for (const n of [LIMITS.callBytes, 300_000, 1 << 20, 3 << 20, 7 << 20])
    out.push({ on: 'player', t: { what: `a call of ${n} bytes`, make: big(n), error: SIZE } });
  out.push({
    on: 'stranger',
    t: { what: 'an unjoined call of 1 MiB', make: big(1 << 20), error: SIZE },
  });
  out.push({
    on: 'player',
    t: {
      what: 'a 2 MiB array of numbers',
      make: () => `[${'1,'.repeat(1 << 20)}1]`,
    },
  });
  out.push({
    on: 'stranger',
    t: { what: 'nesting 200,000 deep', make: () => '['.repeat(200_000) + ']'.repeat(200_000) },
  });
  // Rooms that cannot be: refused, nothing left on disk.
  const s = setup();
  const rooms: Array<[string, unknown, RegExp]> = [
    [
      'an unknown scenario',
      { ...s, scenario: { name: 'no-such-scenario', doc: null } },
      /^scenario: "no-such-scenario" is not a bundled scenario of this server$/,
    ],
    [
      'no scenario at all',
      { ...s, scenario: { name: null, doc: null } },
      /^scenario: no document$/,
    ],
    ['an assignment to no path', { ...s, set: ['no.such.path=1'] }, /no\.such\.path/],
    ['a fractional seed', { ...s, seed: 7.5 }, /^setup\.seed: /],
    ['a seed beyond the safe integers', { ...s, seed: 2 ** 60 }, /^setup\.seed: /],
    [
      'a scenario document that is not one',
      { ...s, scenario: { name: null, doc: { id: 'x' } } },
      /./,
    ],
  ];
  for (const [what, setupDoc, error] of rooms)
    out.push({
      on: 'stranger',
      t: {
        what: `create: ${what}`,
        make: () => JSON.stringify({ t: 'create', setup: setupDoc }),
        error,
      },
    });
  for (const session of [{}, null, 'x', { format: 'concord-session', version: 99 }, [1, 2]])
    out.push({
      on: 'stranger',
      t: {
        what: `open ${JSON.stringify(session)}`,
        make: () => JSON.stringify({ t: 'open', session }),
      },
    });
  return out;
}

/** The id the server answers a text on (callId in connection.ts), if any. */
function idOf(data: string | Buffer): number | undefined {
  // A binary frame's call is refused on its id too (the server reads the id from its start).
  const text = typeof data === 'string' ? data : data.toString('utf8');
  try {
    const raw = JSON.parse(text) as unknown;
    if (typeof raw !== 'object' || raw === null) return undefined;
    const id = (raw as { id?: unknown }).id;
    return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A refusal: res ok false on the call's id, the engine's r.ok false, or an error. */
function refusal(m: Msg, id: number | undefined): string | null {
  if (id === undefined) return m.t === 'error' && typeof m.error === 'string' ? m.error : null;
  if (m.t !== 'res' || m.id !== id) return null;
  if (m.ok === false && typeof m.error === 'string') return m.error;
  if (m.ok === true && m.r?.ok === false && typeof m.r.error === 'string') return m.r.error;
  return null;
}

const PER_CONNECTION = 80;
const answers: Array<{ what: string; answer: Msg }> = [];
const problems: string[] = [];
let sent = 0;

/** Sends cases one at a time, each once the one before is answered; checks each answer. */
async function run(cases: Case[], joined: boolean): Promise<void> {
  for (let i = 0; i < cases.length; i += PER_CONNECTION) {
    const c = await open();
    if (joined) await c.join(room.code, room.tokens.mali!);
    const start = c.frames.length;
    const batch = cases.slice(i, i + PER_CONNECTION);
    for (const k of batch) {
      const from = c.frames.length;
      c.send(k.data);
      sent++;
      const answer = await c.waitFor((m) => m.t !== 'changed', from);
      answers.push({ what: k.what, answer });
      const error = refusal(answer, idOf(k.data));
      if (error === null)
        problems.push(`${k.what}: not a refusal: ${JSON.stringify(answer).slice(0, 200)}`);
      else if (k.error && !k.error.test(error)) problems.push(`${k.what}: ${error}`);
    }
    // Exactly one answer each: nothing more comes (but `changed` notices).
    await sleep(150);
    const extra = c.frames.slice(start).filter((f) => f.value.t !== 'changed');
    if (extra.length !== batch.length)
      problems.push(`${extra.length} answers to ${batch.length} messages on one connection`);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
    c.close();
  }
}

beforeAll(async () => {
  ts = await startTestServer();
  room = await createRoom(ts.wsUrl);
  clients.push(room.white);
  const actors = (room.welcome.description.actors as Array<{ id: string }>).map((a) => a.id);
  mi = actors.indexOf('mali');
  ni = actors.indexOf('niger');
  // A little history first: an order each, a turn run, so that there is something to protect.
  const m = await open();
  await m.join(room.code, room.tokens.mali!);
  expect(
    await m.ok('order', [{ tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] }]),
  ).toEqual({ ok: true });
  m.close();
  expect(await room.white.ok('execute', [true])).toEqual({ ok: true });
  expect(await room.white.ok('advance', [100])).toMatchObject({ tick: 24, turnEnded: true });
  before = {
    hash: (await room.white.ok('hash')) as unknown as string,
    file: await room.white.ok('saveFile'),
    exercise: await room.white.ok('exercise'),
  };
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await ts?.close();
});

describe('1,000 hostile messages', () => {
  it('each gets exactly one error answer, and nothing changes', async () => {
    const rnd = prng(20260105);
    let id = 1000;
    const expand = (ts: Template[], n: number): Case[] =>
      Array.from({ length: n }, (_, i) => {
        const t = ts[i % ts.length]!;
        return { what: t.what, data: t.make(id++, rnd), ...(t.error ? { error: t.error } : {}) };
      });
    const h = heavy();
    const heavyOf = (on: 'player' | 'stranger') =>
      h
        .filter((x) => x.on === on)
        .map(({ t }) => ({
          what: t.what,
          data: t.make(id++, rnd),
          ...(t.error ? { error: t.error } : {}),
        }));
    const player = [...heavyOf('player')];
    player.push(...expand([...common(), ...playerOnly()], 600 - player.length));
    const stranger = [...heavyOf('stranger')];
    stranger.push(...expand([...common(), ...strangerOnly()], 400 - stranger.length));
    expect(player.length + stranger.length).toBe(1000);
    // Every template is used at least once.
    expect(600 - heavyOf('player').length).toBeGreaterThan(common().length + playerOnly().length);

    await run(player, true);
    await run(stranger, false);
    expect(sent).toBe(1000);
    expect(answers).toHaveLength(1000);
    expect(problems).toEqual([]);
    // Nothing reached the engine unchecked, nothing threw on a connection.
    expect(ts.log.filter((l) => / failed: |^connection \d+: /.test(l))).toEqual([]);
  });

  it('the room is as it was, and the server still admits a fresh device', async () => {
    expect(await room.white.ok('hash')).toBe(before.hash);
    expect(await room.white.ok('saveFile')).toEqual(before.file);
    expect(await room.white.ok('exercise')).toEqual(before.exercise);
    expect(ts.server.rooms.size).toBe(1);
    expect(readdirSync(join(ts.dataDir, 'rooms'))).toEqual([room.code]);
    const c = await open();
    const w = await c.join(room.code, room.tokens.niger!);
    expect(w).toMatchObject({ t: 'welcome', role: 'niger', tick: 24 });
    expect((await c.ok('exercise')).turn).toMatchObject({ phase: 'planning', turn: 2 });
  });
});

describe('limits', () => {
  it('more than the burst at once is answered with the rate-limit error', async () => {
    const c = await open();
    await c.join(room.code, room.tokens.mali!); // one token of the burst
    const start = c.frames.length;
    const N = 150;
    for (let i = 0; i < N; i++) c.send('{');
    await c.waitFor(() => c.frames.length - start >= N);
    await sleep(100);
    const got = c.frames.slice(start).map((f) => f.value);
    expect(got).toHaveLength(N);
    const RATE = { t: 'error', error: `too many messages: at most ${LIMITS.perSecond} a second` };
    expect(got.slice(0, LIMITS.burst - 1)).toEqual(
      new Array(LIMITS.burst - 1).fill({ t: 'error', error: 'not JSON' }),
    );
    const limited = got.filter((m) => m.error === RATE.error);
    for (const m of got) expect([RATE.error, 'not JSON']).toContain(m.error);
    expect(limited.length).toBeGreaterThanOrEqual(N - LIMITS.burst - 5);
    expect(limited.length).toBeLessThanOrEqual(N - LIMITS.burst + 1);
    expect(limited[0]).toEqual(RATE);
    // A second later the bucket has refilled: calls are answered again.
    await sleep(1000);
    expect((await c.ok('exercise')).role.id).toBe('mali');
  });

  it('calls beyond the in-flight limit are each answered once', async () => {
    const c = await open();
    await c.join(room.code, room.tokens.mali!);
    const start = c.frames.length;
    for (let id = 1; id <= 90; id++) c.send({ t: 'call', id, m: 'exercise', a: [] });
    await c.waitFor(() => c.frames.length - start >= 90);
    await sleep(100);
    const got = c.frames.slice(start).map((f) => f.value);
    expect(got.map((m) => m.id).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 90 }, (_, i) => i + 1),
    );
    for (const m of got)
      if (!m.ok) expect(m.error).toBe(`at most ${LIMITS.inFlight} calls waiting at once`);
    expect(got.filter((m) => m.ok).length).toBeGreaterThanOrEqual(LIMITS.inFlight);
  });

  it(`${LIMITS.abuse} refusals in a row close the connection`, async () => {
    const c = await open();
    for (let i = 0; i < LIMITS.abuse + 50; i++) c.send('{');
    const closed = await c.closed;
    expect(closed.code).toBe(CLOSE.abuse);
    const got = c.frames.map((f) => f.value);
    expect(got.filter((m) => m.t === 'error')).toHaveLength(LIMITS.abuse);
    expect(got.at(-1)).toEqual({ t: 'bye', reason: 'too many refused messages' });
    // Others are not affected.
    expect(await room.white.ok('hash')).toBe(before.hash);
  });
});
