// What a student's browser receives from `concord serve`, byte for byte. An in-process server,
// the white cell and two players (Mali on two devices, Niger) as `ws` clients; over a whole
// turn each player orders its own unit, is refused another's, the white cell fires two MSEL
// entries, everyone gets ready, the turn executes to its end, and after each `changed` the
// players pull their views as the app does. Every raw frame a player got is then searched: no
// unit of another actor, no threat cell its actor never detected, no white-cell-only inject,
// no other role's token. Then revoking and reissuing a role's link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/remote/protocol';
import type { Snapshot } from '../../src/sim/snapshot';
import {
  Client,
  type Created,
  createRoom,
  type Frame,
  type Msg,
  setup,
  sleep,
  startTestServer,
  type TestServer,
  tokenOf,
} from './helpers';

/** Four simulated days a turn: long enough for both actors to detect some threat cells. */
const SPAN_TICKS = 384;
const BATCH = 24;

/** A player's device: pulls its role's views after every `changed`, as the app does. */
class Player {
  cursor = 0;
  pulls = 0;
  readonly errors: string[] = [];
  /** Ids of this device's calls ordering another actor's unit (their answers may echo it). */
  readonly foreignOrderCalls = new Set<number>();
  private busy: Promise<void> = Promise.resolve();

  constructor(
    readonly c: Client,
    readonly role: string,
    readonly actor: number,
  ) {
    c.onMessage((m) => {
      if (m.t !== 'changed') return;
      this.busy = this.busy.then(
        () => this.pull(),
        () => this.pull(),
      );
      this.busy = this.busy.catch((e: Error) => {
        this.errors.push(e.message);
      });
    });
  }

  async pull(): Promise<void> {
    const snap = (await this.c.ok('roleSnapshot', [this.actor, this.cursor])) as Snapshot;
    const from = this.cursor;
    this.cursor = snap.eventCount;
    await this.c.ok('roleEvents', [this.actor, from, this.cursor]);
    await this.c.ok('exercise', []);
    await this.c.ok('info', []);
    this.pulls++;
  }

  /** Resolves once no pull is running or queued. */
  async settle(): Promise<void> {
    for (;;) {
      const b = this.busy;
      await b;
      if (b === this.busy) return;
    }
  }
}

let ts: TestServer;
let room: Created;
let white: Client;
let mali: Player;
let mali2: Player;
let niger: Player;
let truth: Snapshot;
const clients: Client[] = [];
/** Every token any role held during the test, by role. */
const tokensHeld: Array<{ role: string; token: string }> = [];
/** Every client that played a role, with the role (revoked and reissued devices too). */
const devices: Array<{ role: string; c: Client }> = [];
const answers: Record<string, Msg> = {};
let units: Array<{ id: string; name: string; owner: number }>;
let bases: Array<{ id: string; name: string }>;
let actorIds: string[];
let msel: Array<{ serial: string; message: string; effect: { kind: string } | null }>;

const open = async () => {
  const c = await Client.open(ts.wsUrl);
  clients.push(c);
  return c;
};

async function joinAs(role: string, token: string): Promise<Player> {
  const c = await open();
  const welcome = await c.join(room.code, token);
  expect(welcome).toMatchObject({ t: 'welcome', room: room.code, role });
  devices.push({ role, c });
  return new Player(c, role, welcome.actor as number);
}

beforeAll(async () => {
  ts = await startTestServer();
  room = await createRoom(
    ts.wsUrl,
    setup({ setup: { mode: 'turns', executionHours: SPAN_TICKS / 4, planningSeconds: null } }),
  );
  white = room.white;
  clients.push(white);
  tokensHeld.push({ role: 'white', token: room.whiteToken });
  for (const [role, token] of Object.entries(room.tokens)) tokensHeld.push({ role, token });
  const d = room.welcome.description as Msg;
  units = d.units;
  bases = d.bases;
  actorIds = (d.actors as Array<{ id: string }>).map((a) => a.id);

  mali = await joinAs('mali', room.tokens.mali!);
  mali2 = await joinAs('mali', room.tokens.mali!);
  niger = await joinAs('niger', room.tokens.niger!);
  for (const p of [mali, mali2, niger]) await p.pull();

  // Planning: each player orders its own unit, then tries the other's.
  answers.maliOwn = await mali.c.call('order', [
    { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] },
  ]);
  answers.nigerOwn = await niger.c.call('order', [
    { tick: 0, kind: 'move', unit: 'ne-qrf', position: [1.45, 14.2] },
  ]);
  const foreign = async (p: Player, unit: string) => {
    const answer = await p.c.call('order', [{ tick: 0, kind: 'return', unit }]);
    p.foreignOrderCalls.add(answer.id as number);
    return answer;
  };
  answers.maliForeign = await foreign(mali, 'ne-qrf');
  answers.nigerForeign = await foreign(niger, 'ml-gao-1');
  answers.maliAsNiger = await mali.c.call('order', [
    { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] },
    'niger',
  ]);

  // The white cell fires STARTEX (a card for everyone) and an attack (its own secret).
  const ex = await white.ok('exercise');
  msel = ex.msel;
  answers.fire1 = await white.call('fireNow', ['1']);
  answers.fire2 = await white.call('fireNow', ['2']);
  answers.readyMali = await mali2.c.call('setReady', ['mali', true]);
  answers.readyNiger = await niger.c.call('setReady', ['niger', true]);
  answers.execute = await white.call('execute', [false]);
  for (let t = 0; t < SPAN_TICKS; t += BATCH) {
    answers.advance = await white.call('advance', [BATCH]);
    await sleep(120); // one `changed` per batch (they are throttled to 100 ms)
  }
  for (const p of [mali, mali2, niger]) {
    await p.c.waitFor((m) => m.t === 'changed' && m.tick === SPAN_TICKS);
    await p.settle();
    // The app reads the whole feed and its role's tables again on reconnect.
    await p.c.ok('roleEvents', [p.actor, 0]);
    await p.c.ok('roleDescribe', [p.actor]);
  }
  truth = (await white.ok('snapshot', [-1, 0])) as unknown as Snapshot;
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await ts?.close();
});

// ——— helpers over the recorded frames ———

const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An id as a whole token (not the prefix of a longer id such as ne-gn-1 in ne-gn-10). */
const idPattern = (id: string) =>
  new RegExp(`(?<![A-Za-z0-9-])${escapeRe(latin1(id))}(?![A-Za-z0-9-])`);

function framesOf(role: string): Frame[] {
  return devices.filter((d) => d.role === role).flatMap((d) => d.c.frames);
}

/** The frame's bytes as latin1 text, with the places a base of the same id is named removed. */
function textWithoutBase(f: Frame, id: string): string {
  let text = f.bytes.toString('latin1');
  const base = bases.find((b) => b.id === id);
  if (base) {
    text = text
      .split(latin1(`"id":${JSON.stringify(base.id)},"name":${JSON.stringify(base.name)}`))
      .join('')
      .split(latin1(`"base":${JSON.stringify(base.id)}`))
      .join('');
  }
  return text;
}

function foreignUnits(role: string) {
  const actor = actorIds.indexOf(role);
  return units.filter((u) => u.owner !== actor);
}

function detectedCells(actor: number): Set<number> {
  const w = ts.server.rooms.get(room.code)!.api.session.world;
  const out = new Set<number>();
  for (let c = 0; c < w.def.cellCap; c++)
    if (w.s.trSeen[actor * w.def.cellCap + c]! >= 0) out.add(c);
  return out;
}

/** Every threat cell index a value refers to, with where. */
function cellRefs(
  v: unknown,
  path = '',
  out: Array<[string, number]> = [],
): Array<[string, number]> {
  if (ArrayBuffer.isView(v) || typeof v !== 'object' || v === null) return out;
  if (Array.isArray(v)) {
    v.forEach((y, i) => cellRefs(y, `${path}[${i}]`, out));
    return out;
  }
  for (const [k, x] of Object.entries(v)) {
    const at = `${path}.${k}`;
    if (k !== 'cell' && k !== 'taskCell') {
      cellRefs(x, at, out);
    } else if (typeof x === 'number') {
      if (x >= 0) out.push([at, x]);
    } else if (ArrayBuffer.isView(x)) {
      for (const c of x as Int32Array) if (c >= 0) out.push([at, c]);
    }
  }
  return out;
}

describe('a whole turn as the players see it', () => {
  it('each player orders its own unit; another actor’s unit or role is refused', () => {
    expect(answers.maliOwn).toMatchObject({ t: 'res', ok: true, r: { ok: true } });
    expect(answers.nigerOwn).toMatchObject({ t: 'res', ok: true, r: { ok: true } });
    expect(answers.maliForeign).toMatchObject({ t: 'res', ok: true, r: { ok: false } });
    expect(answers.maliForeign!.r.error).toMatch(/not yours to command/);
    expect(answers.nigerForeign).toMatchObject({ t: 'res', ok: true, r: { ok: false } });
    expect(answers.nigerForeign!.r.error).toMatch(/not yours to command/);
    expect(answers.maliAsNiger).toEqual({
      t: 'res',
      id: answers.maliAsNiger!.id,
      ok: false,
      error: 'this connection plays mali, not niger',
    });
    for (const k of ['fire1', 'fire2', 'readyMali', 'readyNiger', 'execute'])
      expect(answers[k], k).toMatchObject({ ok: true, r: { ok: true } });
    expect(answers.advance).toMatchObject({ ok: true, r: { tick: SPAN_TICKS, turnEnded: true } });
    for (const p of [mali, mali2, niger]) {
      expect(p.errors).toEqual([]);
      expect(p.pulls).toBeGreaterThan(8);
    }
  });

  it('the orders the players gave are on record, the refused ones not', async () => {
    const file = await white.ok('saveFile');
    const given = (file.orders as Array<{ role: string; order: { kind: string; unit?: string } }>)
      .filter((o) => o.role !== 'white')
      .map((o) => `${o.role} ${o.order.kind} ${o.order.unit}`);
    expect(given).toEqual(['mali move ml-gao-1', 'niger move ne-qrf']);
    // A player's info lists its own orders only.
    const info = await niger.c.ok('info');
    expect(info.orders.map((o: { unit: string }) => o.unit)).toEqual(['ne-qrf']);
  });

  it('both of Mali’s devices, and Niger’s, heard every change alike', () => {
    const changed = (p: Player) => p.c.frames.filter((f) => f.value.t === 'changed');
    const a = changed(mali).map((f) => f.value);
    expect(a.length).toBeGreaterThan(8);
    expect(a.at(-1)).toMatchObject({ tick: SPAN_TICKS, moved: true, exercise: true });
    expect(changed(mali2).map((f) => f.value)).toEqual(a);
    expect(changed(niger).map((f) => f.value)).toEqual(a);
    // Sent as text, identical bytes for every device.
    expect(changed(mali2).map((f) => f.bytes.toString())).toEqual(
      changed(mali).map((f) => f.bytes.toString()),
    );
  });

  it('no frame a player received names a unit of another actor', () => {
    for (const role of ['mali', 'niger']) {
      const frames = framesOf(role);
      expect(frames.length).toBeGreaterThan(50);
      expect(frames.some((f) => f.binary)).toBe(true);
      const all = frames.map((f) => f.bytes.toString('latin1')).join('\n');
      // The search finds what is there: the role's own units, by id.
      const own = units.filter((u) => u.owner === actorIds.indexOf(role));
      expect(own.length).toBeGreaterThan(8);
      for (const u of own) expect(all, u.id).toMatch(idPattern(u.id));
      const foreign = foreignUnits(role);
      expect(foreign.length).toBeGreaterThan(20);
      for (const f of frames)
        for (const u of foreign) {
          const text = textWithoutBase(f, u.id);
          if (idPattern(u.id).test(text))
            throw new Error(`${role} received ${u.id}: ${text.slice(0, 300)}`);
        }
      // The matcher finds each of them where it is: in the white cell's frames.
      for (const u of foreign)
        expect(
          white.frames.some((f) => idPattern(u.id).test(textWithoutBase(f, u.id))),
          u.id,
        ).toBe(true);
    }
  });

  it('no frame names another actor’s unit by name, but the refusal of an order for it', () => {
    for (const role of ['mali', 'niger']) {
      const refusals = new Set<number>();
      const players = [mali, mali2, niger].filter((p) => p.role === role);
      for (const p of players)
        for (const f of p.c.frames) {
          if (f.value.t === 'res' && p.foreignOrderCalls.has(f.value.id)) {
            refusals.add(f.value.id);
            continue;
          }
          const text = f.bytes.toString('latin1');
          for (const u of foreignUnits(role))
            if (text.includes(latin1(u.name)))
              throw new Error(`${role} received the name of ${u.id}: ${u.name}`);
        }
      expect(refusals.size).toBe(1);
    }
  });

  it('no frame refers to a threat cell the player’s actor never detected', () => {
    expect(truth.cells.cell.length).toBeGreaterThan(0);
    const live = new Set(truth.cells.cell);
    for (const p of [mali, niger]) {
      const seen = detectedCells(p.actor);
      // Non-vacuous: the actor detected some cells, and some live ones it never did.
      expect(seen.size, p.role).toBeGreaterThan(0);
      const unseen = [...live].filter((c) => !seen.has(c));
      expect(unseen.length, p.role).toBeGreaterThan(0);
      // The white cell's ground truth agrees: the actor's tracks are of cells it detected.
      const tracks = [...truth.tracks.cell].filter((_c, i) => truth.tracks.actor[i] === p.actor);
      expect(tracks.length, p.role).toBeGreaterThan(0);
      for (const c of tracks) expect(seen.has(c)).toBe(true);
      let refs = 0;
      let snapshots = 0;
      for (const d of devices.filter((x) => x.role === p.role))
        for (const f of d.c.frames) {
          const r = f.value.r as Partial<Snapshot> | undefined;
          if (r?.cells) {
            snapshots++;
            expect(r.cells.cell).toHaveLength(0);
            expect(r.view).toBe(p.actor);
          }
          for (const [at, c] of cellRefs(f.value)) {
            refs++;
            if (!seen.has(c)) throw new Error(`${p.role} received cell ${c} at ${at}`);
          }
        }
      expect(snapshots).toBeGreaterThan(8);
      expect(refs, p.role).toBeGreaterThan(0);
    }
  });

  it('a card for everyone reaches the players; the white cell’s attack inject never does', () => {
    const startex = msel.find((e) => e.serial === '1')!;
    const attack = msel.find((e) => e.serial === '2')!;
    expect(startex.effect?.kind).toBe('narrative');
    expect(attack.effect?.kind).toBe('attack');
    for (const role of ['mali', 'niger']) {
      const all = framesOf(role)
        .map((f) => f.bytes.toString('latin1'))
        .join('\n');
      expect(all).toContain(latin1(startex.message));
      expect(all).not.toContain(latin1(attack.message));
      expect(all).not.toContain(latin1(attack.message.slice(0, 30)));
    }
  });
});

describe('revoking and reissuing a role’s link', () => {
  let oldToken = '';

  it('a revoked role’s device is closed, and its link no longer opens the room', async () => {
    oldToken = room.tokens.niger!;
    const info = await white.ok('room.revoke', ['niger']);
    expect(info.roles.find((r: { id: string }) => r.id === 'niger')).toMatchObject({
      link: '',
      qr: '',
      connected: 0,
    });
    const closed = await niger.c.closed;
    expect(closed.code).toBe(CLOSE.revoked);
    expect(niger.c.frames.at(-1)!.value).toEqual({
      t: 'bye',
      reason: 'your access was revoked by the white cell',
    });
    const again = await open();
    again.send({ t: 'join', room: room.code, token: oldToken });
    expect((await again.closed).code).toBe(CLOSE.badToken);
    expect(again.frames.map((f) => f.value)).toEqual([
      { t: 'bye', reason: 'no such room, or this link was revoked' },
    ]);
    // The white cell alone revokes; and not itself.
    expect(await mali.c.call('room.revoke', ['niger'])).toMatchObject({
      ok: false,
      error: "room.revoke: the white cell's only",
    });
    expect(await white.call('room.revoke', ['white'])).toMatchObject({
      ok: false,
      error: 'the white cell cannot revoke itself',
    });
  });

  it('a reissued link opens the room; the old one stays shut; reissuing again closes it', async () => {
    const info = await white.ok('room.reissue', ['niger']);
    const link = info.roles.find((r: { id: string }) => r.id === 'niger').link as string;
    const fresh = tokenOf(link);
    tokensHeld.push({ role: 'niger', token: fresh });
    expect(fresh).not.toBe(oldToken);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const p = await joinAs('niger', fresh);
    expect(p.actor).toBe(actorIds.indexOf('niger'));
    expect((await p.c.ok('exercise')).role.id).toBe('niger');
    const stale = await open();
    stale.send({ t: 'join', room: room.code, token: oldToken });
    expect((await stale.closed).code).toBe(CLOSE.badToken);
    // Renewing while a device holds the role closes that device.
    const info2 = await white.ok('room.reissue', ['niger']);
    const newest = tokenOf(info2.roles.find((r: { id: string }) => r.id === 'niger').link);
    tokensHeld.push({ role: 'niger', token: newest });
    expect((await p.c.closed).code).toBe(CLOSE.revoked);
    expect(p.c.frames.at(-1)!.value).toEqual({
      t: 'bye',
      reason: 'your access was renewed by the white cell: use the new link',
    });
    const q = await joinAs('niger', newest);
    expect(q.role).toBe('niger');
    const counts = await white.ok('room.info');
    expect(
      Object.fromEntries(
        counts.roles.map((r: { id: string; connected: number }) => [r.id, r.connected]),
      ),
    ).toEqual({ white: 1, mali: 2, niger: 1 });
  });

  it('no player ever received another role’s token', () => {
    expect(tokensHeld.filter((t) => t.role === 'niger')).toHaveLength(3);
    for (const role of ['mali', 'niger']) {
      const all = framesOf(role)
        .map((f) => f.bytes.toString('latin1'))
        .join('\n');
      for (const t of tokensHeld.filter((x) => x.role !== role))
        expect(all.includes(t.token), `${t.role}'s token in ${role}'s frames`).toBe(false);
    }
    // Positive control: the white cell's frames do hold every token (its room.info links).
    const whiteText = white.frames.map((f) => f.bytes.toString('latin1')).join('\n');
    for (const t of tokensHeld) expect(whiteText).toContain(t.token);
  });
});

// What an outside test found leaking once (more in hardening.test.ts): now held shut.
describe('what a player learns beyond its role view', () => {
  it('refusing an order for another actor’s unit does not name that unit', () => {
    const text = mali.c.frames
      .filter((f) => f.value.t === 'res' && mali.foreignOrderCalls.has(f.value.id))
      .map((f) => f.bytes.toString('latin1'))
      .join('\n');
    expect(text).not.toBe('');
    const name = units.find((u) => u.id === 'ne-qrf')!.name;
    expect(text).not.toContain(latin1(name));
  });

  it('a player’s info does not carry the exercise’s seed', async () => {
    const info = await mali.c.ok('info');
    expect(info.seed).not.toBe(setup().seed);
  });

  it('a player cannot read the ground-truth state hash', async () => {
    const r = await mali.c.call('hash');
    const truthHash = await white.ok('hash');
    expect(r.ok === false || r.r !== truthHash).toBe(true);
  });
});
