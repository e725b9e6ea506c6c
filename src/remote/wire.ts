// The classroom's wire format: a value that holds typed arrays (a snapshot) travels as one
// binary WebSocket frame — a little-endian u32 length, the JSON text with each typed array
// replaced by {"$ta": type, "o": byte offset, "n": length}, then the arrays' bytes, each
// aligned to 8. A value without typed arrays is plain JSON text. Pure: Node and browsers.

const TYPES = {
  Float32Array,
  Float64Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Uint8ClampedArray,
} as const;
type TypeName = keyof typeof TYPES;
type Typed = InstanceType<(typeof TYPES)[TypeName]>;

interface Ref {
  $ta: TypeName;
  o: number;
  n: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function typeName(v: ArrayBufferView): TypeName | null {
  const name = v.constructor.name;
  return name in TYPES ? (name as TypeName) : null;
}

/** A value as a frame: JSON text, or binary when it carries typed arrays. */
export function encodeFrame(value: unknown): string | Uint8Array {
  const parts: Typed[] = [];
  let bytes = 0;
  const json = JSON.stringify(value, (_k, v: unknown) => {
    if (!ArrayBuffer.isView(v)) return v;
    const t = typeName(v);
    if (!t) throw new TypeError(`wire: cannot send a ${v.constructor.name}`);
    const ref: Ref = { $ta: t, o: bytes, n: (v as Typed).length };
    parts.push(v as Typed);
    bytes += align8(v.byteLength);
    return ref;
  });
  if (!parts.length) return json;
  const head = enc.encode(json);
  const start = align8(4 + head.length);
  const out = new Uint8Array(start + bytes);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  let at = start;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += align8(p.byteLength);
  }
  return out;
}

/** A frame back to its value; throws a TypeError on a malformed frame. */
export function decodeFrame(data: string | ArrayBuffer | Uint8Array): unknown {
  if (typeof data === 'string') return JSON.parse(data);
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < 4) throw new TypeError('wire: frame too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = view.getUint32(0, true);
  if (4 + len > bytes.length) throw new TypeError('wire: frame shorter than its header says');
  const start = align8(4 + len);
  const json = dec.decode(bytes.subarray(4, 4 + len));
  return JSON.parse(json, (_k, v: unknown) => (isRef(v) ? slice(bytes, start, v) : v));
}

function slice(bytes: Uint8Array, start: number, r: Ref): Typed {
  const Ctor = TYPES[r.$ta];
  const size = Ctor.BYTES_PER_ELEMENT;
  const from = start + r.o;
  if (
    !Number.isInteger(r.o) ||
    r.o < 0 ||
    r.o % 8 !== 0 ||
    !Number.isInteger(r.n) ||
    r.n < 0 ||
    from + r.n * size > bytes.length
  )
    throw new TypeError('wire: array outside the frame');
  // A copy, so the array owns an aligned buffer of its own (transferable, GC-independent).
  const out = new Ctor(r.n);
  new Uint8Array(out.buffer).set(bytes.subarray(from, from + r.n * size));
  return out;
}

function isRef(v: unknown): v is Ref {
  if (typeof v !== 'object' || v === null || !('$ta' in v)) return false;
  const r = v as Ref;
  return typeof r.$ta === 'string' && r.$ta in TYPES && typeof r.o === 'number';
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
