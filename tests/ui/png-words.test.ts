// "Save map as PNG"'s words: whose view the picture is, the clock as the top bar shows it, the
// file name `<scenario>-D+<day>-<HHMM>-<view>.png`, which actors' colours the key lists, and
// the file's text chunks (written after the header, read back, every CRC valid).
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { WorldDescription } from '../../src/sim/describe';
import { crc32, readPngText, withPngText } from '../../src/ui/map-tools/png-text';
import {
  clockWords,
  ownersPresent,
  pngFileName,
  titleWords,
  viewWords,
} from '../../src/ui/map-tools/png-words';
import { isKey, keyLabel } from '../../src/ui/shortcuts';

const actor = (id: string, name: string) => ({ id, name, color: '#2ca02c' });
/** Just what the words read of a description. */
const d = {
  scenario: { id: 'sahel-ct', name: 'Liptako-Gourma: exercise', start: '2026-01-05T06:00:00Z' },
  actors: [
    actor('mali', 'Mali'),
    actor('niger', 'Niger'),
    actor('chad', 'Chad'),
    actor('g5', 'G5 Sahel'),
    actor('nobody', 'Not on the map'),
  ],
  units: [{ owner: 0 }, { owner: 0 }],
  bases: [{ owner: 1 }],
  zones: [{ owner: -1 }],
  supplyRuns: [],
  agreements: [{ from: 0, to: 3 }],
} as unknown as WorldDescription;

describe('save map as PNG: words', () => {
  it('names the view as the white cell or a player sees it', () => {
    expect(viewWords(d, -1)).toBe('Ground truth (white cell)');
    expect(viewWords(d, 0)).toBe('What Mali knows');
    expect(viewWords(d, 1)).toBe('What Niger knows');
  });

  it('gives the title with any assignments, and the clock as DTG · D+ time', () => {
    expect(titleWords(d)).toBe('Liptako-Gourma: exercise');
    expect(titleWords(d, ['fast-sharing'])).toBe('Liptako-Gourma: exercise · fast-sharing');
    expect(clockWords(d, 0)).toBe('050600Z JAN 26 · D+0 00:00');
    expect(clockWords(d, 2 * 1440 + 270)).toBe('071030Z JAN 26 · D+2 04:30');
  });

  it('names the file <scenario>-D+<day>-<HHMM>-<view>.png', () => {
    expect(pngFileName(d, -1, 0)).toBe('sahel-ct-D+0-0000-ground-truth.png');
    expect(pngFileName(d, 0, 2 * 1440 + 270)).toBe('sahel-ct-D+2-0430-mali.png');
    expect(pngFileName(d, 1, 1439.9)).toBe('sahel-ct-D+0-2359-niger.png');
    const odd = { ...d, scenario: { ...d.scenario, id: 'a b/c' } } as WorldDescription;
    expect(pngFileName(odd, -1, 60)).toBe('a-b-c-D+0-0100-ground-truth.png');
  });

  it('keys the owners of what is drawn, HQs on a channel and the viewer, in order', () => {
    expect(ownersPresent(d, -1)).toEqual([0, 1, 3]);
    expect(ownersPresent(d, 2)).toEqual([0, 1, 2, 3]);
  });

  it('has its key, P, in the one list of shortcuts', () => {
    expect(keyLabel('save-png')).toBe('P');
    expect(isKey('save-png', { key: 'p', shiftKey: false })).toBe(true);
    expect(isKey('save-png', { key: 'P', shiftKey: true })).toBe(true);
  });
});

/** A valid 1×1 PNG, built here (signature, IHDR, IDAT, IEND with their CRCs). */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: number[]) => {
    const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(body, 4);
    v.setUint32(8 + data.length, crc32(body));
    return [...out];
  };
  const ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
  const idat = [...deflateSync(Buffer.from([0, 255, 0, 0]))];
  return new Uint8Array([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', idat),
    ...chunk('IEND', []),
  ]);
}

/** Every chunk's CRC checks out, and the chunk types in order. */
function chunkTypes(png: Uint8Array): string[] {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let o = 8; o < png.length; ) {
    const len = v.getUint32(o);
    const body = png.subarray(o + 4, o + 8 + len);
    expect(v.getUint32(o + 8 + len)).toBe(crc32(body));
    types.push(new TextDecoder().decode(body.subarray(0, 4)));
    o += 12 + len;
  }
  return types;
}

describe('save map as PNG: text chunks', () => {
  it('computes the CRC-32 PNG uses (check value of "123456789")', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes UTF-8 text after the header that reads back, every CRC valid', () => {
    const png = withPngText(tinyPng(), { Title: 'Côte · test', Description: 'What Mali knows' });
    expect(chunkTypes(png)).toEqual(['IHDR', 'iTXt', 'iTXt', 'IDAT', 'IEND']);
    expect(readPngText(png)).toEqual({ Title: 'Côte · test', Description: 'What Mali knows' });
    const notPng = new Uint8Array([1, 2, 3]);
    expect(withPngText(notPng, { Title: 'x' })).toBe(notPng);
  });
});
