// The classroom transport against a fake socket: calls wait for the join, travel as the server
// reads them, resolve from text and binary answers, fail when the connection drops in flight,
// and the engine reconnects with back-off — except after a revoked or unknown link.
import { describe, expect, it } from 'vitest';
import { CLOSE } from '../../src/remote/protocol';
import { encodeFrame } from '../../src/remote/wire';
import {
  backoffMs,
  joinFromHash,
  RemoteEngine,
  type SocketLike,
} from '../../src/store/remote-engine';

class FakeSocket implements SocketLike {
  binaryType = '';
  readyState = 1;
  sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {}
  serverSays(msg: unknown) {
    const f = encodeFrame(msg);
    this.onmessage?.({ data: typeof f === 'string' ? f : f.buffer });
  }
}

const welcome = {
  t: 'welcome',
  room: 'K7PQ2M',
  title: 'T',
  role: 'mali',
  roleName: 'Mali',
  actor: 0,
  description: {},
  sessionId: 'K7PQ2M',
  tick: 0,
};

function setup() {
  const sockets: FakeSocket[] = [];
  const states: string[] = [];
  const welcomes: boolean[] = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const r = new RemoteEngine({
    url: 'ws://x/ws/K7PQ2M',
    room: 'K7PQ2M',
    token: 'a'.repeat(22),
    socket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    onWelcome: (_w, again) => welcomes.push(again),
    onChanged: () => {},
    onState: (s) => states.push(s),
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  r.connect();
  return { r, sockets, states, welcomes, timers };
}

describe('RemoteEngine', () => {
  it('joins with the token, then sends calls as the server reads them', async () => {
    const { r, sockets } = setup();
    const s = sockets[0]!;
    s.onopen?.({});
    expect(s.sent[0]).toEqual({ t: 'join', room: 'K7PQ2M', token: 'a'.repeat(22) });
    const answer = r.api.events(0, undefined, 2);
    await Promise.resolve();
    expect(s.sent).toHaveLength(1); // waits for the welcome
    s.serverSays(welcome);
    await new Promise((res) => setTimeout(res, 0));
    expect(s.sent[1]).toEqual({ t: 'call', id: 1, m: 'events', a: [0, null, 2] });
    s.serverSays({ t: 'res', id: 1, ok: true, r: [{ k: 'detect' }] });
    await expect(answer).resolves.toEqual([{ k: 'detect' }]);
    const trailing = r.api.exercise(undefined);
    await Promise.resolve();
    expect(s.sent[2]).toEqual({ t: 'call', id: 2, m: 'exercise', a: [] });
    s.serverSays({ t: 'res', id: 2, ok: false, error: 'no such role' });
    await expect(trailing).rejects.toThrow('no such role');
  });

  it('reads binary answers with their typed arrays', async () => {
    const { r, sockets } = setup();
    const s = sockets[0]!;
    s.serverSays(welcome);
    const snap = r.api.roleSnapshot(0, 0);
    await Promise.resolve();
    s.serverSays({ t: 'res', id: 1, ok: true, r: { tick: 4, lon: new Float32Array([1.5, -2]) } });
    const got = (await snap) as unknown as { tick: number; lon: Float32Array };
    expect(got.tick).toBe(4);
    expect(got.lon).toBeInstanceOf(Float32Array);
    expect([...got.lon]).toEqual([1.5, -2]);
  });

  it('fails a call in flight when the connection drops, and reconnects with back-off', async () => {
    const { r, sockets, states, welcomes, timers } = setup();
    sockets[0]!.serverSays(welcome);
    const lost = r.api.hash();
    await Promise.resolve();
    sockets[0]!.onclose?.({ code: 1006, reason: '' });
    await expect(lost).rejects.toThrow(/connection to the classroom server was lost/);
    expect(states.at(-1)).toBe('reconnecting');
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBeGreaterThanOrEqual(375);
    expect(timers[0]!.ms).toBeLessThanOrEqual(625);
    const waiting = r.api.hash();
    timers[0]!.fn();
    expect(sockets).toHaveLength(2);
    sockets[1]!.serverSays(welcome);
    expect(welcomes).toEqual([false, true]);
    await new Promise((res) => setTimeout(res, 0));
    sockets[1]!.serverSays({ t: 'res', id: 2, ok: true, r: 'abcd' });
    await expect(waiting).resolves.toBe('abcd');
  });

  it('stops for good when the link is revoked, and says why', async () => {
    const { r, sockets, states, timers } = setup();
    sockets[0]!.serverSays(welcome);
    sockets[0]!.onclose?.({
      code: CLOSE.revoked,
      reason: 'your access was revoked by the white cell',
    });
    expect(states.at(-1)).toBe('closed');
    expect(timers).toHaveLength(0);
    await expect(r.api.hash()).rejects.toThrow(/disconnected/);
  });
});

describe('back-off and links', () => {
  it('doubles from 0.5 s to at most 8 s, jittered by a quarter either way', () => {
    expect(backoffMs(1, () => 0.5)).toBe(500);
    expect(backoffMs(2, () => 0.5)).toBe(1000);
    expect(backoffMs(5, () => 0.5)).toBe(8000);
    expect(backoffMs(9, () => 0.5)).toBe(8000);
    expect(backoffMs(1, () => 0)).toBe(375);
    expect(backoffMs(1, () => 1)).toBe(625);
  });

  it('reads a room link from the fragment, and only a well-formed one', () => {
    const t = 'Ab_-'.repeat(6).slice(0, 22);
    expect(joinFromHash(`#room=K7PQ2M&token=${t}`)).toEqual({ room: 'K7PQ2M', token: t });
    expect(joinFromHash('#room=K7PQ2M')).toBeNull();
    expect(joinFromHash(`#room=k7pq2m&token=${t}`)).toBeNull();
    expect(joinFromHash('#trainer=abc')).toBeNull();
    expect(joinFromHash(`#room=K7PQ2I&token=${t}`)).toBeNull(); // I is not in the alphabet
  });
});
