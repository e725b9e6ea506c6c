// Text in a PNG file (iTXt chunks, UTF-8): the saved map says in its metadata what it shows —
// the scenario (Title), whose view at what time (Description) — so a file found later in a
// folder, or checked by a test, names its picture without anyone reading the pixels. The chunks
// go right after IHDR, as the PNG specification allows for text.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let table: Uint32Array | null = null;
/** CRC-32 (ISO 3309, as PNG chunks use it) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function isPng(png: Uint8Array): boolean {
  return png.length > 33 && SIGNATURE.every((b, i) => png[i] === b);
}

/** One iTXt chunk: keyword, no compression, no language, the text in UTF-8. */
function itxt(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const data = [...enc.encode(keyword.slice(0, 79)), 0, 0, 0, 0, 0, ...enc.encode(text)];
  const body = new Uint8Array([...enc.encode('iTXt'), ...data]);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  return out;
}

/** `png` with a text chunk per entry after its header (unchanged if it is not a PNG). */
export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!isPng(png)) return png;
  const at = 33; // signature 8 + IHDR (length 4, type 4, data 13, CRC 4)
  const chunks = Object.entries(entries).map(([k, v]) => itxt(k, v));
  const size = png.length + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, at));
  let o = at;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  out.set(png.subarray(at), o);
  return out;
}

/** The iTXt and tEXt entries of a PNG, by keyword (for tests and tools). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPng(png)) return out;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  const latin1 = new TextDecoder('latin1');
  for (let o = 8; o + 12 <= png.length; ) {
    const len = view.getUint32(o);
    const type = dec.decode(png.subarray(o + 4, o + 8));
    const data = png.subarray(o + 8, o + 8 + len);
    const nul = data.indexOf(0);
    if (type === 'tEXt' && nul > 0) {
      out[latin1.decode(data.subarray(0, nul))] = latin1.decode(data.subarray(nul + 1));
    }
    if (type === 'iTXt' && nul > 0 && data[nul + 1] === 0) {
      // keyword \0 flag method language \0 translated \0 text
      const lang = data.indexOf(0, nul + 3);
      const translated = data.indexOf(0, lang + 1);
      out[dec.decode(data.subarray(0, nul))] = dec.decode(data.subarray(translated + 1));
    }
    if (type === 'IEND') break;
    o += 12 + len;
  }
  return out;
}
