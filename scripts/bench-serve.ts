// `npm run bench:serve`: how `concord serve` holds up under a classroom. The server runs as a
// child process (scripts/bench-serve/server.ts) and simulated devices connect to it over
// WebSocket (scripts/bench-serve/client.ts), so server memory and CPU are measured apart from
// the clients. Two cases, 20 turns each on sahel-ct (six-hour execution phases, 24 ticks):
//   a. one room of 30 players (five roles, six devices a role);
//   b. five rooms of 30 players at once.
// A turn: each device gives one order during planning; the white cell calls `execute` and then
// `advance` in chunks (4 ticks, the app's first batch at "max"), fetching its snapshot after
// each as the app's play loop does; players follow the room's `changed` notices. The figure is
// the time from "execute" to every player holding its snapshot of the turn's final tick (p50,
// p95 over turns; target p95 < 500 ms), with messages lost (unanswered or refused calls, turns
// a device never saw end, unexpected closes; target 0), the server's RSS and CPU seconds, and
// the load average. A readable table goes to stderr, one JSON line per case to stdout (as
// `concord bench`); exits 1 if any message was lost.
// Flags: --turns N (20), --players N (30), --rooms N (5, case b), --chunk N|app (4; "app":
// batches sized by the app's own Pacer, src/store/pacing.ts), --only a|b.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { RoomInfo } from '../src/remote/protocol';
import { Pacer } from '../src/store/pacing';
import type { AdvanceResult } from '../workers/session-api';
import { BenchClient, newTally, type Tally } from './bench-serve/client';
import { type ServeChild, startServe } from './bench-serve/server';

const SETUP = {
  title: 'Bench',
  scenario: { name: 'sahel-ct', doc: null },
  seed: 7,
  setup: { mode: 'turns', executionHours: 6, planningSeconds: null },
  roles: ['mali', 'burkina', 'niger', 'mauritania', 'chad'].map((actor) => ({ actor })),
};
const TARGET_P95_MS = 500;
/** A device that has not seen a turn's end this long after it ended has lost it. */
const TURN_TIMEOUT_MS = 20_000;

interface Ack {
  ok: boolean;
  error?: string;
}

interface Options {
  turns: number;
  players: number;
  rooms: number;
  chunk: number | 'app';
  only: string | null;
}

interface RoomRun {
  code: string;
  white: BenchClient;
  players: BenchClient[];
  /** Each player's own unit ids (for its planning order). */
  units: string[][];
  tally: Tally;
  pacer: Pacer;
  /** Per turn (by its index; NaN when a device never saw it end): execute → every player at
   * the final tick, ms. */
  turnMs: number[];
  /** Per turn and player: execute → that player at the final tick, ms. */
  clientMs: number[];
  /** Each planning order, from sending it to its answer, ms. */
  orderMs: number[];
  missed: number;
  /** Orders the engine turned down (answered, so not lost; shown for information). */
  ordersRefused: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      turns: { type: 'string', default: '20' },
      players: { type: 'string', default: '30' },
      rooms: { type: 'string', default: '5' },
      chunk: { type: 'string', default: '4' },
      only: { type: 'string' },
    },
  });
  const int = (s: string, name: string) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1) throw new Error(`bench:serve: --${name} ${s}: a count`);
    return n;
  };
  return {
    turns: int(values.turns, 'turns'),
    players: int(values.players, 'players'),
    rooms: int(values.rooms, 'rooms'),
    chunk: values.chunk === 'app' ? 'app' : int(values.chunk, 'chunk'),
    only: values.only ?? null,
  };
}

/** A room opened by its white cell, with `players` devices spread over its five roles. */
async function openRoom(port: number, players: number): Promise<RoomRun> {
  const tally = newTally();
  const white = await BenchClient.open(port, tally, false);
  const code = await white.create(SETUP);
  const info = (await white.call('room.info', [])) as RoomInfo;
  const roles = info.roles.filter((r) => r.id !== 'white');
  const devices = await Promise.all(
    Array.from({ length: players }, async (_, i) => {
      const link = roles[i % roles.length]!.link;
      const hash = new URLSearchParams(new URL(link).hash.slice(1));
      const c = await BenchClient.open(port, tally, true);
      await c.join(hash.get('room')!, hash.get('token')!);
      return c;
    }),
  );
  const units = devices.map((c) => ownUnits(c));
  const pacer = new Pacer();
  const run = {
    code,
    white,
    players: devices,
    units,
    tally,
    pacer,
    turnMs: [],
    clientMs: [],
    orderMs: [],
  };
  return { ...run, missed: 0, ordersRefused: 0 };
}

function ownUnits(c: BenchClient): string[] {
  const d = c.welcome!.description;
  const me = d.actors.findIndex((a) => a.id === c.welcome!.role);
  return d.units.filter((u) => u.owner === me).map((u) => u.id);
}

/** Planning: each device one order for one of its own units; then the room quietens. */
async function plan(r: RoomRun, turn: number): Promise<void> {
  const tick = r.white.snapTick;
  await Promise.all(
    r.players.map(async (p, i) => {
      const units = r.units[i]!;
      const unit = units[(turn + i) % Math.max(1, units.length)];
      if (!unit) return;
      const sent = performance.now();
      const ack = (await p.call('order', [{ tick, kind: 'return', unit }])) as Ack | undefined;
      if (ack) r.orderMs.push(performance.now() - sent);
      if (ack && !ack.ok) {
        // Turned down by the engine (a unit under a joint force's command): not lost; the
        // device, like a player, orders its other units from then on.
        r.ordersRefused++;
        units.splice(units.indexOf(unit), 1);
      }
    }),
  );
  // The `changed` of the last orders comes within 100 ms; then every device catches up.
  await sleep(150);
  await Promise.all(r.players.map((p) => p.until(() => p.idle, TURN_TIMEOUT_MS)));
}

/** One execution phase; records how long until every player held its final tick. */
async function playTurn(r: RoomRun, o: Options): Promise<boolean> {
  const t0 = performance.now();
  const ex = (await r.white.call('execute', [true])) as Ack | undefined;
  if (!ex?.ok) {
    r.tally.notes.push(`execute: ${ex?.error ?? 'no answer'}`);
    return false;
  }
  let end = -1;
  for (let round = 0; round < 10_000 && end < 0; round++) {
    const batch = o.chunk === 'app' ? r.pacer.batch : o.chunk;
    const a = (await r.white.call('advance', [batch])) as AdvanceResult | undefined;
    if (!a) return false;
    r.pacer.adapt(a.ran, a.ms, null);
    await r.white.snapshot();
    if (a.turnEnded || a.ran === 0 || a.atEnd) end = a.tick;
  }
  const reached = await Promise.all(r.players.map((p) => p.reach(end, TURN_TIMEOUT_MS)));
  r.missed += reached.filter((ok) => !ok).length;
  const times = r.players.filter((p) => p.snapTick >= end).map((p) => p.tickAt - t0);
  r.clientMs.push(...times);
  r.turnMs.push(times.length === r.players.length ? Math.max(...times) : Number.NaN);
  await r.white.call('exercise', []); // the white cell's turn-ended refresh
  return true;
}

async function playRoom(r: RoomRun, o: Options): Promise<void> {
  for (let turn = 0; turn < o.turns; turn++) {
    await plan(r, turn);
    if (!(await playTurn(r, o))) {
      r.missed += (o.turns - turn) * r.players.length; // the room stopped: no more turn ends
      break;
    }
  }
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface CaseLine {
  kind: 'serve';
  case: string;
  rooms: number;
  players: number;
  turns: number;
  chunk: number | 'app';
  turnsPlayed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  clientP95Ms: number;
  orderP50Ms: number;
  orderP95Ms: number;
  /** Per turn, the median over rooms of execute → every player at the final tick. */
  byTurnP50Ms: number[];
  lost: number;
  unanswered: number;
  refused: number;
  missedTurnEnds: number;
  unexpectedCloses: number;
  calls: number;
  ordersRefused: number;
  serverRssMb: number;
  serverPeakRssMb: number;
  serverCpuS: number;
  benchCpuS: number;
  wallS: number;
  loadavg1: number;
  loadavg5: number;
  targetP95Ms: number;
  met: boolean;
  notes: string[];
}

/** One case: a fresh server, `rooms` rooms played at once, figures once every room is done. */
async function runCase(name: string, rooms: number, o: Options): Promise<CaseLine> {
  const server = await startServe();
  try {
    const runs = await openRooms(server, rooms, o.players);
    const cpu0 = server.stats().cpuS;
    const bench0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(runs.map((r) => playRoom(r, o)));
    const wallS = (performance.now() - t0) / 1000;
    const stats = server.stats();
    const benchCpu = process.cpuUsage(bench0);
    const [l1, l5] = loadavg();
    await Promise.all(runs.flatMap((r) => [r.white, ...r.players]).map((c) => c.leave()));
    if (server.died()) runs[0]!.tally.notes.push('the server exited during the case');
    return caseLine(name, runs, o, {
      serverRssMb: stats.rssMb,
      serverPeakRssMb: stats.peakRssMb,
      serverCpuS: r2(stats.cpuS - cpu0),
      benchCpuS: r2((benchCpu.user + benchCpu.system) / 1e6),
      wallS: r1(wallS),
      loadavg1: r2(l1 ?? 0),
      loadavg5: r2(l5 ?? 0),
    });
  } finally {
    await server.stop();
  }
}

/** Rooms are opened one after another (a room's creation loads the scenario and the atlas). */
async function openRooms(server: ServeChild, rooms: number, players: number) {
  const runs: RoomRun[] = [];
  for (let i = 0; i < rooms; i++) {
    runs.push(await openRoom(server.port, players));
    note(`bench:serve: room ${runs.at(-1)!.code} open, ${players} players joined`);
  }
  return runs;
}

type Measures = Pick<
  CaseLine,
  'serverRssMb' | 'serverPeakRssMb' | 'serverCpuS' | 'benchCpuS' | 'wallS' | 'loadavg1' | 'loadavg5'
>;

function caseLine(name: string, runs: RoomRun[], o: Options, m: Measures): CaseLine {
  const sum = (f: (r: RoomRun) => number) => runs.reduce((s, r) => s + f(r), 0);
  const turnMs = runs.flatMap((r) => r.turnMs).filter((x) => !Number.isNaN(x));
  const orderMs = runs.flatMap((r) => r.orderMs);
  const byTurn = Array.from({ length: o.turns }, (_, t) =>
    r1(
      percentile(
        runs.map((r) => r.turnMs[t] ?? Number.NaN).filter((x) => !Number.isNaN(x)),
        50,
      ),
    ),
  );
  const clientMs = runs.flatMap((r) => r.clientMs);
  const unanswered = sum((r) => r.tally.unanswered);
  const refused = sum((r) => r.tally.refused);
  const missed = sum((r) => r.missed);
  const closes = sum((r) => r.tally.closes);
  const lost = unanswered + refused + missed + closes;
  const p95 = percentile(turnMs, 95);
  return {
    kind: 'serve',
    case: name,
    rooms: runs.length,
    players: o.players,
    turns: o.turns,
    chunk: o.chunk,
    turnsPlayed: turnMs.length,
    p50Ms: r1(percentile(turnMs, 50)),
    p95Ms: r1(p95),
    maxMs: r1(Math.max(...turnMs)),
    clientP95Ms: r1(percentile(clientMs, 95)),
    orderP50Ms: r1(percentile(orderMs, 50)),
    orderP95Ms: r1(percentile(orderMs, 95)),
    byTurnP50Ms: byTurn,
    lost,
    unanswered,
    refused,
    missedTurnEnds: missed,
    unexpectedCloses: closes,
    calls: sum((r) => r.tally.calls),
    ordersRefused: sum((r) => r.ordersRefused),
    ...m,
    targetP95Ms: TARGET_P95_MS,
    met: lost === 0 && p95 < TARGET_P95_MS,
    notes: runs.flatMap((r) => r.tally.notes).slice(0, 8),
  };
}

function note(s: string): void {
  process.stderr.write(`${s}\n`);
}

function table(lines: CaseLine[]): string {
  const head = ['case', 'rooms×players', 'p50 ms', 'p95 ms', 'max ms', 'order p95', 'lost'];
  const more = ['server RSS MB', 'server CPU s', 'bench CPU s', 'wall s', 'load 1/5', 'p95<500'];
  const rows = lines.map((l) => [
    l.case,
    `${l.rooms}×${l.players}`,
    String(l.p50Ms),
    String(l.p95Ms),
    String(l.maxMs),
    String(l.orderP95Ms),
    `${l.lost}/${l.calls}`,
    `${l.serverRssMb} (peak ${l.serverPeakRssMb})`,
    String(l.serverCpuS),
    String(l.benchCpuS),
    String(l.wallS),
    `${l.loadavg1}/${l.loadavg5}`,
    l.met ? 'yes' : 'NO',
  ]);
  const all = [[...head, ...more], ...rows];
  const w = all[0]!.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((c, i) => c.padEnd(w[i]!)).join('  ')).join('\n');
}

async function main(): Promise<number> {
  const o = options();
  const load = loadavg()[0] ?? 0;
  const env = { kind: 'env', node: process.version, cpus: cpus().length, loadavg1: r2(load) };
  process.stdout.write(`${JSON.stringify({ ...env, ...o })}\n`);
  if (load > cpus().length - 0.5)
    note(`bench:serve: load average ${load.toFixed(2)} before starting: figures will be noisy`);
  const cases: Array<[string, number]> = [
    ['a', 1],
    ['b', o.rooms],
  ];
  const lines: CaseLine[] = [];
  for (const [name, rooms] of cases.filter(([n]) => !o.only || o.only === n)) {
    note(`bench:serve: case ${name}: ${rooms} room(s) × ${o.players} players, ${o.turns} turns`);
    const line = await runCase(name, rooms, o);
    process.stdout.write(`${JSON.stringify(line)}\n`);
    for (const n of line.notes) note(`  ${n}`);
    lines.push(line);
  }
  note('');
  note(table(lines));
  const lost = lines.reduce((s, l) => s + l.lost, 0);
  if (lost) note(`bench:serve: ${lost} message(s) lost`);
  return lost ? 1 : 0;
}

process.exitCode = await main();
