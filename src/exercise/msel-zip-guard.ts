// A look at an XLSX file's zip directory before any library inflates it: a few kilobytes of
// zip can declare gigabytes of XML (a "zip bomb"). The spreadsheet reader (fflate underneath)
// inflates each entry into a buffer of the size the directory declares, so bounding the
// declared sizes bounds the memory an import can take.

export interface ZipSummary {
  entries: number;
  /** Declared uncompressed bytes of the .xml and .rels entries (what the reader inflates). */
  xmlBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The zip's entry count and declared XML size, or an error message if it is not a zip. */
export function zipSummary(bytes: Uint8Array): ZipSummary | string {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (v.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return 'not an XLSX file (no zip directory found)';
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  let xmlBytes = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== CENTRAL)
      return 'not an XLSX file (its zip directory is damaged)';
    const size = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const skip = nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // 0xFFFFFFFF means the real size is in a zip64 record: far beyond any MSEL anyway.
    if (name.endsWith('.xml') || name.endsWith('.rels'))
      xmlBytes += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    p += 46 + skip;
  }
  return { entries: count, xmlBytes };
}
