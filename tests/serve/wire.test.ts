// The classroom's wire format (src/remote/wire.ts): a real snapshot — the white cell's ground
// truth and a role's view, with NaN-filled layers — goes as one binary frame and comes back with
// every typed array of the same type, length and bytes; plain values go as JSON text; a frame
// whose array reference points outside it, or that is cut short, is a TypeError.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledScenario } from '../../src/cli/replay';
import { loadAtlas } from '../../src/node/load';
import { decodeFrame, encodeFrame } from '../../src/remote/wire';
import type { Snapshot } from '../../src/sim/snapshot';
import type { Order } from '../../src/sim/world';
import { SessionApi } from '../../workers/session-api';

let api: SessionApi;
let truth: Snapshot;
let mali: Snapshot;
let maliIndex = -1;

beforeAll(async () => {
  api = new SessionApi(async (a) => loadAtlas(a), { scenario: bundledScenario });
  const r = await api.startExercise({
    title: 'Wire',
    scenario: { name: 'sahel-ct', doc: await bundledScenario('sahel-ct') },
    seed: 7,
    setup: { mode: 'turns', executionHours: 96, planningSeconds: null },
    roles: [{ actor: 'mali' }, { actor: 'niger' }],
  });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const order = { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] } as Order;
  expect(await api.order(order, 'mali')).toEqual({ ok: true });
  expect(await api.execute(true)).toEqual({ ok: true });
  await api.advance(300);
  maliIndex = api.session.def.actorIds.indexOf('mali');
  truth = await api.snapshot(-1, 0);
  mali = await api.roleSnapshot(maliIndex, 0);
});

type Typed =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Uint8ClampedArray;

/** Every typed array in a value, by its path. */
function typedArrays(v: unknown, path = '', out = new Map<string, Typed>()): Map<string, Typed> {
  if (ArrayBuffer.isView(v)) out.set(path, v as Typed);
  else if (Array.isArray(v)) v.forEach((x, i) => typedArrays(x, `${path}[${i}]`, out));
  else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) typedArrays(x, `${path}.${k}`, out);
  return out;
}

const bytesOf = (a: Typed) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameSnapshot(back: Snapshot, snap: Snapshot): void {
  const want = typedArrays(snap);
  const got = typedArrays(back);
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [path, a] of want) {
    const b = got.get(path)!;
    expect(b.constructor, path).toBe(a.constructor);
    expect(b.length, path).toBe(a.length);
    // Bytes, not values: NaN in a role's view must come back as the same NaN.
    expect(bytesOf(b).equals(bytesOf(a)), path).toBe(true);
    // An aligned buffer of its own, not a view into the frame.
    expect(b.byteOffset, path).toBe(0);
    expect(b.buffer.byteLength, path).toBe(b.byteLength);
  }
  expect(back.events).toEqual(snap.events);
  const plain = (s: Snapshot) =>
    JSON.stringify(s, (_k, v: unknown) => (ArrayBuffer.isView(v) ? null : v));
  expect(plain(back)).toBe(plain(snap));
}

describe('snapshots over the wire', () => {
  it("the white cell's ground truth round-trips in one binary frame", () => {
    expect(truth.cells.cell.length).toBeGreaterThan(0);
    expect(truth.tracks.cell.length).toBeGreaterThan(0);
    expect(truth.events.length).toBeGreaterThan(0);
    const frame = encodeFrame({ t: 'res', id: 9, ok: true, r: truth });
    expect(frame).toBeInstanceOf(Uint8Array);
    const bin = frame as Uint8Array;
    const head = new DataView(bin.buffer, bin.byteOffset).getUint32(0, true);
    const json = JSON.parse(Buffer.from(bin.subarray(4, 4 + head)).toString('utf8'));
    expect(json).toMatchObject({
      t: 'res',
      id: 9,
      ok: true,
      r: { units: { lon: { $ta: 'Float32Array', o: 0 } } },
    });
    const back = decodeFrame(bin) as { t: string; id: number; r: Snapshot };
    expect(back.t).toBe('res');
    expect(back.id).toBe(9);
    expectSameSnapshot(back.r, truth);
    // The same from an ArrayBuffer (what a browser's socket gives), and from an offset view.
    const copy = new Uint8Array(bin.length + 3);
    copy.set(bin, 3);
    expectSameSnapshot((decodeFrame(copy.subarray(3)) as { r: Snapshot }).r, truth);
    expectSameSnapshot((decodeFrame(bin.slice().buffer) as { r: Snapshot }).r, truth);
  });

  it("a role's view, NaN-filled layers and all, round-trips with the same types", () => {
    expect(mali.trust.some(Number.isNaN)).toBe(true);
    expect(mali.cells.cell).toHaveLength(0);
    const back = decodeFrame(encodeFrame(mali)) as Snapshot;
    expectSameSnapshot(back, mali);
    expect(back.units.taskCell).toBeInstanceOf(Int32Array);
    expect(back.units.engaged).toBeInstanceOf(Uint8Array);
    expect(back.trust).toBeInstanceOf(Float32Array);
    expect(back.messages.agreement).toBeInstanceOf(Int16Array);
  });

  it('every typed array type, empty ones and odd lengths keep their type and bytes', () => {
    const value = {
      f32: Float32Array.of(1.5, Number.NaN, -0, Number.POSITIVE_INFINITY),
      f64: Float64Array.of(Math.PI, Number.NEGATIVE_INFINITY),
      i8: Int8Array.of(-128, 127, 0),
      i16: Int16Array.of(-32768, 7),
      i32: Int32Array.of(-1, 2 ** 31 - 1),
      u8: Uint8Array.of(255, 1, 2, 3, 4),
      u16: Uint16Array.of(65535),
      u32: Uint32Array.of(2 ** 32 - 1, 5, 6),
      u8c: Uint8ClampedArray.of(0, 255),
      empty: new Float64Array(0),
      nested: [{ a: new Int16Array(3) }, 'text', null],
      view: new Float32Array(new ArrayBuffer(32), 8, 3).fill(2),
    };
    const frame = encodeFrame(value) as Uint8Array;
    const back = decodeFrame(frame) as typeof value;
    const want = typedArrays(value);
    for (const [path, a] of want) {
      const b = typedArrays(back).get(path)!;
      expect(b.constructor, path).toBe(a.constructor);
      expect(bytesOf(b).equals(bytesOf(a)), path).toBe(true);
    }
    expect(back.nested[1]).toBe('text');
    expect(back.nested[2]).toBeNull();
    // The arrays' bytes start aligned to 8 in the frame.
    const head = new DataView(frame.buffer).getUint32(0, true);
    const refs = JSON.parse(Buffer.from(frame.subarray(4, 4 + head)).toString('utf8'));
    for (const k of Object.keys(refs).filter((k) => refs[k]?.$ta)) expect(refs[k].o % 8, k).toBe(0);
  });
});

describe('plain values and malformed frames', () => {
  it('a value without typed arrays goes as its JSON text', () => {
    const values = [
      { t: 'res', id: 3, ok: true, r: { tick: 5, hash: 'abc', list: [1, 'two', null] } },
      { t: 'changed', tick: 4, moved: true, jumped: false, exercise: true },
      { t: 'res', id: 4, ok: false, error: 'no method "x"' },
      [1, 2, 3],
      'text',
      42,
      null,
    ];
    for (const v of values) {
      const f = encodeFrame(v);
      expect(typeof f).toBe('string');
      expect(f).toBe(JSON.stringify(v));
      expect(decodeFrame(f as string)).toEqual(v);
    }
  });

  it('a typed array it cannot name is a TypeError when encoding', () => {
    expect(() => encodeFrame({ d: new DataView(new ArrayBuffer(4)) })).toThrow(TypeError);
    expect(() => encodeFrame({ b: new BigInt64Array(2) })).toThrow(/cannot send a BigInt64Array/);
  });

  /** A frame from a header's JSON text and its data bytes, laid out as encodeFrame does. */
  function frameOf(head: unknown, data: number[]): Uint8Array {
    const json = Buffer.from(JSON.stringify(head));
    const start = (4 + json.length + 7) & ~7;
    const out = new Uint8Array(start + data.length);
    new DataView(out.buffer).setUint32(0, json.length, true);
    out.set(json, 4);
    out.set(data, start);
    return out;
  }

  it('an array reference outside the frame is a TypeError', () => {
    const eight = [1, 2, 3, 4, 5, 6, 7, 8];
    const ref = (o: number, n: number, $ta = 'Float64Array') => ({ a: { $ta, o, n } });
    // In bounds: one float64.
    expect((decodeFrame(frameOf(ref(0, 1), eight)) as { a: Float64Array }).a).toHaveLength(1);
    const bad: Array<[string, Uint8Array]> = [
      ['two float64 in 8 bytes', frameOf(ref(0, 2), eight)],
      ['offset past the end', frameOf(ref(8, 1), eight)],
      ['offset far past the end', frameOf(ref(1e9, 1), eight)],
      ['a huge length', frameOf(ref(0, 2 ** 40), eight)],
      ['a negative length', frameOf(ref(0, -1), eight)],
      ['a fractional length', frameOf(ref(0, 0.5, 'Uint8Array'), eight)],
      ['an Int32 array one element too long', frameOf(ref(4, 2, 'Int32Array'), eight)],
    ];
    for (const [what, f] of bad) expect(() => decodeFrame(f), what).toThrow(TypeError);
  });

  it('a frame cut short, or shorter than its header says, is a TypeError', () => {
    const frame = encodeFrame({ x: Float64Array.of(1, 2, 3) }) as Uint8Array;
    expect(() => decodeFrame(frame.subarray(0, 3))).toThrow(TypeError);
    expect(() => decodeFrame(frame.subarray(0, frame.length - 8))).toThrow(
      /array outside the frame/,
    );
    const head = new DataView(frame.buffer).getUint32(0, true);
    expect(() => decodeFrame(frame.subarray(0, 4 + head - 1))).toThrow(
      /shorter than its header says/,
    );
  });

  // KNOWN BUG (see the report): `slice` checks only the end of the array's byte range, so a
  // negative offset decodes the header's own bytes (or, further back, zeros: subarray clamps
  // negative indices) instead of being refused. Once fixed this fails: make it a plain `it`.
  it('a negative offset is outside the frame too: a TypeError', () => {
    const f = frameOf({ a: { $ta: 'Uint8Array', o: -8, n: 8 } }, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(() => decodeFrame(f)).toThrow(TypeError);
  });
});
